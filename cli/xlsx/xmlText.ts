// Reading and patching XML as text, so a part keeps every byte the tool has no reason to change:
// a tag cursor that reports offsets, attribute edits on one tag, and escaping.

export type TagKind = "open" | "close" | "empty";

/** Walks the tags of `xml` in order, skipping comments, CDATA, processing instructions and DOCTYPE. */
export class TagCursor {
  /** Offset of "<" and just after ">". */
  start = 0;
  end = 0;
  kind: TagKind = "open";
  /** Qualified name as written ("x:c"), and without its prefix ("c"). */
  name = "";
  local = "";
  /** Nesting level of the cursor's element, counted from where the cursor started (1 = top). */
  depth = 0;
  private inside = 0;

  constructor(
    readonly xml: string,
    private pos = 0,
    private readonly stop = xml.length,
  ) {}

  next(): boolean {
    const xml = this.xml;
    for (;;) {
      const lt = xml.indexOf("<", this.pos);
      if (lt < 0 || lt >= this.stop) return false;
      const c = xml.charCodeAt(lt + 1);
      if (c === 33 /* ! */) {
        if (xml.startsWith("<!--", lt)) this.pos = after(xml, "-->", lt);
        else if (xml.startsWith("<![CDATA[", lt)) this.pos = after(xml, "]]>", lt);
        else this.pos = after(xml, ">", lt);
        continue;
      }
      if (c === 63 /* ? */) {
        this.pos = after(xml, "?>", lt);
        continue;
      }
      const gt = tagEnd(xml, lt);
      const closing = c === 47; /* / */
      let n = lt + (closing ? 2 : 1);
      const nameStart = n;
      while (n < gt && !isNameEnd(xml.charCodeAt(n))) n++;
      this.name = xml.slice(nameStart, n);
      const colon = this.name.indexOf(":");
      this.local = colon < 0 ? this.name : this.name.slice(colon + 1);
      this.start = lt;
      this.end = gt + 1;
      this.pos = gt + 1;
      if (closing) {
        this.kind = "close";
        this.depth = this.inside--;
      } else {
        this.kind = xml.charCodeAt(gt - 1) === 47 ? "empty" : "open";
        this.depth = this.inside + 1;
        if (this.kind === "open") this.inside++;
      }
      return true;
    }
  }

  /** The tag's text, "<c r=\"A1\" s=\"3\">". */
  get text(): string {
    return this.xml.slice(this.start, this.end);
  }

  /**
   * skipToClose for an element that cannot contain its own name (a <row>, a <c>): the close tag
   * is found by text search, not by walking every tag inside.
   */
  jumpToClose(): void {
    if (this.kind === "empty") return;
    const depth = this.depth;
    const at = this.xml.indexOf(`</${this.name}`, this.pos);
    if (at < 0 || at >= this.stop) throw new Error(`unclosed <${this.name}>`);
    this.pos = at;
    this.inside = depth;
    this.next();
  }

  /** From an open tag, moves to its matching close tag (the open tag's own end for an empty one). */
  skipToClose(): void {
    if (this.kind === "empty") return;
    const depth = this.depth;
    while (this.next()) if (this.kind === "close" && this.depth === depth) return;
    throw new Error(`unclosed <${this.name}>`);
  }
}

function after(xml: string, token: string, from: number): number {
  const i = xml.indexOf(token, from);
  return i < 0 ? xml.length : i + token.length;
}

/** The ">" ending the tag at `lt`, skipping quoted attribute values (they may hold ">"). */
function tagEnd(xml: string, lt: number): number {
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 62 /* > */) return i;
    if (c === 34 || c === 39) {
      const close = xml.indexOf(xml[i]!, i + 1);
      if (close < 0) break;
      i = close;
    }
  }
  throw new Error("unterminated tag");
}

const isNameEnd = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62;

/** Matches one attribute in a tag: [whole, name, value]. */
const ATTR = /\s([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** An attribute's raw (unescaped) value, by qualified name or by local name when `local` is set. */
export function getAttr(tag: string, name: string, local = false): string | undefined {
  for (const m of tag.matchAll(ATTR)) {
    const q = m[1]!;
    if (q === name || (local && q.slice(q.indexOf(":") + 1) === name)) return unescapeXml(m[2] ?? m[3] ?? "");
  }
  return undefined;
}

/** The tag with one attribute set (replaced in place, or added at the end). */
export function setAttr(tag: string, name: string, value: string): string {
  const escaped = escapeAttr(value);
  for (const m of tag.matchAll(ATTR)) {
    if (m[1] === name) return tag.slice(0, m.index) + ` ${name}="${escaped}"` + tag.slice(m.index + m[0].length);
  }
  const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)} ${name}="${escaped}"${tag.slice(close)}`;
}

export function removeAttr(tag: string, name: string): string {
  for (const m of tag.matchAll(ATTR)) if (m[1] === name) return tag.slice(0, m.index) + tag.slice(m.index + m[0].length);
  return tag;
}

/** "<sheetData/>" -> "<sheetData>" (to insert children); an open tag is returned as is. */
export const openForm = (tag: string): string => (tag.endsWith("/>") ? `${tag.slice(0, -2).trimEnd()}>` : tag);

/** The prefix of a qualified name with its colon ("x:" for "x:row"), "" for none. */
export const prefixOf = (qname: string): string => qname.slice(0, qname.indexOf(":") + 1);

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

/**
 * Text content: markup escaped, characters XML 1.0 cannot hold written as Excel's "_xHHHH_",
 * and a literal "_xHHHH_" protected as "_x005F_xHHHH_" so Excel does not decode it.
 */
export function escapeText(s: string): string {
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

export function unescapeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9A-Fa-f]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e]!;
  });
}

/** Text with pieces replaced: splices sorted by offset, not overlapping. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** The spliced text in pieces, for parts too large to join into one string (a 50,000-row sheet). */
export function spliceParts(xml: string, splices: Splice[]): string[] {
  if (splices.length === 0) return [xml];
  splices.sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const s of splices) {
    parts.push(xml.slice(at, s.start), s.text);
    at = s.end;
  }
  parts.push(xml.slice(at));
  return parts;
}

export function applySplices(xml: string, splices: Splice[]): string {
  return splices.length === 0 ? xml : spliceParts(xml, splices).join("");
}
