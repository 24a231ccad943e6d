// Opens a workbook's bytes, or says in one code why it cannot: password, old .xls, .ods, damage, size.
import { XlsxError } from "./errors.js";
import { relKind, XlsxPackage, type XlsxSheet } from "./package.js";
import { child, children, isTrue } from "./xmlTree.js";
import { readCentralDirectory, type ZipLimits } from "./zip.js";

export { XlsxError, xlsxErrorMessage, type XlsxErrorCode } from "./errors.js";
export type { XlsxPackage, XlsxSheet } from "./package.js";

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// The stream name "EncryptedPackage" in an OLE directory entry (UTF-16LE).
const ENCRYPTED_PACKAGE = new Uint8Array([..."EncryptedPackage"].flatMap((ch) => [ch.charCodeAt(0), 0]));

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0]!;
  for (let i = hay.indexOf(first); i >= 0 && i <= hay.length - needle.length; i = hay.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

export function openXlsx(bytes: Uint8Array, limits: ZipLimits = {}): XlsxPackage {
  if (startsWith(bytes, OLE_SIGNATURE)) throw new XlsxError(contains(bytes, ENCRYPTED_PACKAGE) ? "encrypted" : "xls");
  const pkg = new XlsxPackage(bytes, readCentralDirectory(bytes, limits));

  if (pkg.has("mimetype")) {
    const mime = new TextDecoder().decode(pkg.partBytes("mimetype")).trim();
    if (mime.startsWith("application/vnd.oasis.opendocument.spreadsheet")) throw new XlsxError("ods");
    throw new XlsxError("not_workbook", mime.slice(0, 80));
  }
  const officeDocument = pkg.relationships("").find((r) => relKind(r.type) === "officeDocument" && !r.external);
  const workbookPath = officeDocument && pkg.has(officeDocument.target) ? officeDocument.target : "xl/workbook.xml";
  if (!pkg.has(workbookPath)) throw new XlsxError(pkg.has("xl/workbook.bin") ? "xlsb" : "not_workbook");
  if (workbookPath.toLowerCase().endsWith(".bin")) throw new XlsxError("xlsb");
  pkg.workbookPath = workbookPath;
  pkg.kind = workbookContentType(pkg, workbookPath).includes("macroEnabled") ? "xlsm" : "xlsx";

  const text = pkg.partText(workbookPath);
  pkg.strict = text.includes("http://purl.oclc.org/ooxml/spreadsheetml/main");
  const workbook = pkg.xml(workbookPath);
  if (workbook.name !== "workbook") throw new XlsxError("not_workbook", workbookPath);
  pkg.date1904 = isTrue(child(workbook, "workbookPr")?.attrs.date1904);
  const rels = new Map(pkg.relationships(workbookPath).map((r) => [r.id, r]));
  for (const s of children(child(workbook, "sheets"), "sheet")) {
    const rel = rels.get(s.attrs.id ?? "");
    if (!rel || rel.external || relKind(rel.type) !== "worksheet") continue;
    const state = s.attrs.state === "hidden" || s.attrs.state === "veryHidden" ? s.attrs.state : "visible";
    pkg.sheets.push(sheetInfo(pkg, { name: s.attrs.name ?? "", state, path: rel.target, sheetId: Number(s.attrs.sheetId), relId: rel.id }));
  }
  return pkg;
}

function workbookContentType(pkg: XlsxPackage, workbookPath: string): string {
  if (!pkg.has("[Content_Types].xml")) return "";
  const types = pkg.xml("[Content_Types].xml");
  const override = children(types, "Override").find((o) => (o.attrs.PartName ?? "").replace(/^\//, "").toLowerCase() === workbookPath.toLowerCase());
  return override?.attrs.ContentType ?? "";
}

function sheetInfo(pkg: XlsxPackage, info: Omit<XlsxSheet, "protected">): XlsxSheet {
  let known: boolean | undefined;
  return Object.defineProperty(info, "protected", {
    enumerable: true,
    get: () => (known ??= pkg.has(info.path) && isSheetProtected(pkg, info.path)),
  }) as XlsxSheet;
}

/** <sheetProtection sheet="1"> comes after the cells: scan the text, no need to parse it. */
function isSheetProtected(pkg: XlsxPackage, path: string): boolean {
  const pattern = /<(?:[\w.-]+:)?sheetProtection\b([^>]*)>/;
  let tail = "";
  let found: string | undefined;
  const stop = {};
  try {
    pkg.streamText(path, (text) => {
      const window = tail + text;
      const m = pattern.exec(window);
      if (m) {
        found = m[1]!;
        throw stop;
      }
      tail = window.slice(-4096);
    });
  } catch (e) {
    if (e !== stop) throw e;
  }
  return found !== undefined && /\bsheet\s*=\s*["'](1|true)["']/.test(found);
}
