// The copy being made: parts replaced, added or removed, relationships and content types appended,
// then one zip with the original entry order. Parts not touched keep their exact content.
import { deflateEntry, writeZip, type ZipOutEntry } from "./zipWrite.js";
import { decodeXml, relKind, type XlsxPackage } from "./package.js";
import { partKey, relativeTarget, relsPathOf } from "./partPaths.js";
import { escapeAttr, getAttr, TagCursor } from "./xmlText.js";

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PACKAGE_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

export const NAMESPACES = {
  transitional: {
    main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  },
  strict: {
    main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
    rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  },
} as const;

export const CONTENT_TYPES = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
} as const;

export class PackageEdit {
  /** A part's new text, as one string or in pieces (joined only when read back). */
  private readonly changed = new Map<string, { name: string; text: string | string[]; bytes?: Uint8Array }>();
  private readonly removed = new Set<string>();
  private readonly added: string[] = [];
  readonly ns: (typeof NAMESPACES)["transitional" | "strict"];

  constructor(readonly pkg: XlsxPackage) {
    this.ns = pkg.strict ? NAMESPACES.strict : NAMESPACES.transitional;
  }

  exists(part: string): boolean {
    const key = partKey(part);
    return !this.removed.has(key) && (this.changed.has(key) || this.pkg.has(part));
  }

  /** The part was replaced or added by this edit. */
  isChanged(part: string): boolean {
    return this.changed.has(partKey(part));
  }

  /** The part's current text: as edited so far, else as in the package. */
  text(part: string): string {
    const edit = this.changed.get(partKey(part));
    if (edit === undefined) return this.pkg.partText(part);
    if (edit.bytes) return decodeXml(edit.bytes);
    const text = typeof edit.text === "string" ? edit.text : edit.text.join("");
    return text;
  }

  /** A large part's new text in pieces: encoded piece by piece, never joined into one string. */
  setPieces(part: string, pieces: string[]): void {
    this.setText(part, pieces);
  }

  /** A part's new content as UTF-8 bytes. */
  setBytes(part: string, bytes: Uint8Array): void {
    this.setText(part, []);
    this.changed.get(partKey(part))!.bytes = bytes;
  }

  setText(part: string, text: string | string[]): void {
    const key = partKey(part);
    this.removed.delete(key);
    if (!this.pkg.has(part) && !this.changed.has(key)) this.added.push(part);
    this.changed.set(key, { name: this.pkg.entry(part)?.name ?? part, text });
  }

  remove(part: string): void {
    this.removed.add(partKey(part));
  }

  /** "xl/comments{n}.xml" with the first n not taken. */
  freePath(pattern: (n: number) => string): string {
    for (let n = 1; ; n++) if (!this.exists(pattern(n))) return pattern(n);
  }

  /** A relationship type in the package's flavour ("worksheet" -> its full URI). */
  relType(kind: string): string {
    return `${this.ns.rel}/${kind}`;
  }

  /** Adds a relationship from `source` to `target` and returns its new id. */
  addRelationship(source: string, kind: string, target: string): string {
    const relsPath = relsPathOf(source);
    const text = this.exists(relsPath) ? this.text(relsPath) : `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELS_NS}"></Relationships>`;
    const ids = new Set<string>();
    for (const m of text.matchAll(/\bId\s*=\s*["']([^"']*)["']/g)) ids.add(m[1]!);
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = `<Relationship Id="${id}" Type="${escapeAttr(this.relType(kind))}" Target="${escapeAttr(relativeTarget(source, target))}"/>`;
    this.setText(relsPath, insertBeforeClose(text, "Relationships", rel));
    return id;
  }

  /** Removes the relationships of `source` pointing to a kind of part; returns their ids. */
  removeRelationships(source: string, kind: string): string[] {
    const relsPath = relsPathOf(source);
    if (!this.exists(relsPath)) return [];
    const text = this.text(relsPath);
    const ids: string[] = [];
    const next = text.replace(/<(?:\w+:)?Relationship\b[^>]*?\/>/g, (tag) => {
      if (relKind(getAttr(tag, "Type") ?? "") !== kind) return tag;
      ids.push(getAttr(tag, "Id") ?? "");
      return "";
    });
    if (ids.length) this.setText(relsPath, next);
    return ids;
  }

  addContentTypeOverride(part: string, contentType: string): void {
    const text = this.text("[Content_Types].xml");
    const name = `/${part}`;
    if (new RegExp(`PartName\\s*=\\s*["']${escapeRegExp(name)}["']`, "i").test(text)) return;
    this.setText("[Content_Types].xml", insertBeforeClose(text, "Types", `<Override PartName="${escapeAttr(name)}" ContentType="${contentType}"/>`));
  }

  removeContentTypeOverride(part: string): void {
    const text = this.text("[Content_Types].xml");
    const pattern = new RegExp(`<Override\\b[^>]*PartName\\s*=\\s*["']/${escapeRegExp(part)}["'][^>]*/>`, "i");
    if (pattern.test(text)) this.setText("[Content_Types].xml", text.replace(pattern, ""));
  }

  /** A <Default> for an extension, unless one is there. */
  ensureContentTypeDefault(extension: string, contentType: string): void {
    const text = this.text("[Content_Types].xml");
    if (new RegExp(`<Default\\b[^>]*Extension\\s*=\\s*["']${escapeRegExp(extension)}["']`, "i").test(text)) return;
    this.setText("[Content_Types].xml", insertBeforeClose(text, "Types", `<Default Extension="${extension}" ContentType="${contentType}"/>`));
  }

  /** The copy: entries in the original order (new ones last), untouched parts copied as they are. Once only. */
  build(): Uint8Array {
    // Each changed part is encoded and deflated in turn, and its text let go: a province's sheet
    // and report are never all held uncompressed at once. The edit is spent afterwards.
    const packed = (name: string, edit: { text: string | string[]; bytes?: Uint8Array }) => {
      const { text, bytes } = edit;
      edit.text = [];
      delete edit.bytes;
      return deflateEntry(name, bytes ?? encodeUtf8(text));
    };
    const out: ZipOutEntry[] = [];
    for (const e of this.pkg.entries) {
      const key = partKey(e.name);
      if (this.removed.has(key)) continue;
      const edit = this.changed.get(key);
      out.push(edit ? packed(e.name, edit) : { name: e.name, from: e, archive: this.pkg.bytes });
    }
    for (const part of this.added) {
      const edit = this.changed.get(partKey(part));
      if (edit && !this.removed.has(partKey(part))) out.push(packed(part, edit));
    }
    return writeZip(out);
  }
}

export { XML_DECLARATION };

/** Inserts `child` before the closing tag of the document's root element `root`. */
export function insertBeforeClose(xml: string, root: string, child: string): string {
  const cursor = new TagCursor(xml);
  let rootTag: { start: number; end: number; empty: boolean; name: string } | undefined;
  let close = -1;
  while (cursor.next()) {
    if (cursor.depth !== 1 || cursor.local !== root) continue;
    if (cursor.kind === "close") close = cursor.start;
    else rootTag ??= { start: cursor.start, end: cursor.end, empty: cursor.kind === "empty", name: cursor.name };
  }
  if (!rootTag) throw new Error(`no <${root}>`);
  if (rootTag.empty) return `${xml.slice(0, rootTag.start)}${xml.slice(rootTag.start, rootTag.end - 2).trimEnd()}>${child}</${rootTag.name}>${xml.slice(rootTag.end)}`;
  return xml.slice(0, close) + child + xml.slice(close);
}

function encodeUtf8(text: string | string[]): Uint8Array {
  // A part read as UTF-16 is written back as UTF-8: its declaration must say so.
  const declared = (s: string) => s.replace(/^(<\?xml[^>]*encoding\s*=\s*["'])UTF-16(["'])/i, "$1UTF-8$2");
  if (typeof text === "string") return Buffer.from(declared(text), "utf8");
  // Each piece encoded on its own (pieces are at most a few MB), then one copy into the part.
  return Buffer.concat(text.map((piece, i) => Buffer.from(i === 0 ? declared(piece) : piece, "utf8")));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export { decodeXml };
