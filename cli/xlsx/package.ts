// An opened .xlsx/.xlsm: its zip entries, workbook facts and lazily parsed shared parts.
// Nothing is inflated until asked for; each part is checked against its declared size and CRC.
import { XlsxError } from "./errors.js";
import { partKey, relsPathOf, resolveTarget } from "./partPaths.js";
import { parseXml, type XmlElement } from "./xmlTree.js";
import { inflateEntryBytes, type ZipEntry } from "./zip.js";

export interface Relationship {
  id: string;
  type: string;
  /** The part it points to (zip entry name), or the raw target for External ones. */
  target: string;
  external: boolean;
}

export interface XlsxSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** <sheetProtection sheet="1">: read from the sheet part on first use. */
  readonly protected: boolean;
  /** Worksheet part, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
  sheetId: number;
  relId: string;
}

/** A relationship type's last segment: ".../2006/relationships/worksheet" and the Strict one both give "worksheet". */
export const relKind = (type: string): string => type.slice(type.lastIndexOf("/") + 1);

export class XlsxPackage {
  kind: "xlsx" | "xlsm" = "xlsx";
  sheets: XlsxSheet[] = [];
  date1904 = false;
  /** Strict OOXML (ISO 29500 Strict namespaces): new parts must use its namespaces too. */
  strict = false;
  workbookPath = "xl/workbook.xml";
  private readonly byKey = new Map<string, ZipEntry>();
  private readonly xmlCache = new Map<string, XmlElement>();
  private readonly relsCache = new Map<string, Relationship[]>();
  private readonly memo = new Map<string, unknown>();

  constructor(
    /** The archive as read. */
    readonly bytes: Uint8Array,
    /** Entries in archive order (the copy keeps it). */
    readonly entries: readonly ZipEntry[],
  ) {
    for (const e of entries) this.byKey.set(partKey(e.name), e);
  }

  entry(part: string): ZipEntry | undefined {
    return this.byKey.get(partKey(part));
  }

  has(part: string): boolean {
    return this.byKey.has(partKey(part));
  }

  /** The part last inflated: a sheet is read, then patched, and need not be inflated twice. */
  private last: { part: string; bytes: Uint8Array } | undefined;

  partBytes(part: string): Uint8Array {
    if (this.last?.part === partKey(part)) return this.last.bytes;
    const e = this.entry(part);
    if (!e) throw new XlsxError("corrupt", `missing part ${part}`);
    const bytes = inflateEntryBytes(this.bytes, e);
    this.last = { part: partKey(part), bytes };
    return bytes;
  }

  partText(part: string): string {
    return decodeXml(this.partBytes(part));
  }

  /** The part's text in pieces, for sheets too large to hold as one string. */
  streamText(part: string, onText: (text: string) => void): void {
    const bytes = this.partBytes(part);
    const decoder = new TextDecoder(encodingOf(bytes));
    for (let i = 0; i < bytes.length; i += TEXT_CHUNK) {
      const text = decoder.decode(bytes.subarray(i, i + TEXT_CHUNK), { stream: true });
      if (text) onText(text);
    }
    const rest = decoder.decode();
    if (rest) onText(rest);
  }

  /** A small part as an element tree, parsed once. */
  xml(part: string): XmlElement {
    const key = partKey(part);
    let el = this.xmlCache.get(key);
    if (!el) {
      el = parseXml(this.partText(part), part);
      this.xmlCache.set(key, el);
    }
    return el;
  }

  /** The relationships of a part ("" for the package's own). */
  relationships(part: string): Relationship[] {
    const relsPath = relsPathOf(part);
    let rels = this.relsCache.get(partKey(relsPath));
    if (!rels) {
      rels = this.has(relsPath)
        ? this.xml(relsPath).children
            .filter((c) => c.name === "Relationship")
            .map((c) => {
              const external = c.attrs.TargetMode === "External";
              const raw = c.attrs.Target ?? "";
              return { id: c.attrs.Id ?? "", type: c.attrs.Type ?? "", target: external ? raw : resolveTarget(part, raw), external };
            })
        : [];
      this.relsCache.set(partKey(relsPath), rels);
    }
    return rels;
  }

  /** The first relationship of `part` of a kind ("styles", "comments"...) pointing into the package. */
  related(part: string, kind: string): string | undefined {
    const rel = this.relationships(part).find((r) => !r.external && relKind(r.type) === kind && this.has(r.target));
    return rel?.target;
  }

  /** A value derived from the package once (styles, shared strings). */
  memoize<T>(key: string, make: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, make());
    return this.memo.get(key) as T;
  }

  sheet(name: string): XlsxSheet {
    const s = this.sheets.find((x) => x.name === name) ?? this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new XlsxError("no_sheet", name);
    return s;
  }
}

/** Text handed to a parser at a time. */
const TEXT_CHUNK = 1 << 20;

function encodingOf(head: Uint8Array): string {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return "utf-8";
}

/** Part bytes as text: UTF-8 (a BOM dropped) or UTF-16 with its BOM. */
export function decodeXml(bytes: Uint8Array): string {
  return new TextDecoder(encodingOf(bytes)).decode(bytes);
}
