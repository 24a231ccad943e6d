// The tool's own sheet (the report): a new worksheet part with inline strings, or the existing
// one of that name rewritten. Other sheets, defined names and sheet order are left as they are.
import { a1 } from "../../shared/sheet/grid.js";
import { XlsxError } from "./errors.js";
import { CONTENT_TYPES, insertBeforeClose, type PackageEdit, XML_DECLARATION } from "./packageEdit.js";
import { relsPathOf } from "./partPaths.js";
import { escapeAttr, escapeText, getAttr } from "./xmlText.js";

export interface NewSheet {
  name: string;
  rows: Array<Array<string | number | null>>;
  /** The sheet of that name is the tool's own: rewrite it. Otherwise a taken name is an error. */
  replace?: boolean;
  /** Column widths in characters, from column A. */
  columnWidths?: number[];
  /** The colour a cell is filled with, if any (the report's heat map). */
  fillOf?: (row: number, col: number) => string | undefined;
  /** Rows above and columns left of a frozen pane (the report's title down to its matrix header; STT to the name). */
  freeze?: { rows: number; cols: number };
  /**
   * Printed on A4 landscape, one page wide: the page header and footer in Excel's codes
   * ("&C&\"-,Bold\"Title", "&CTrang &P/&N"), and the 0-based rows repeated on every page
   * (a _xlnm.Print_Titles name in workbook.xml).
   */
  print?: { header?: string; footer?: string; titleRows?: { first: number; last: number } };
}

/** The cell style (an index into cellXfs) that shows a colour. */
export type StyleForColor = (color: string) => number;

const FORBIDDEN = /[[\]:*?/\\]/;

export function addSheet(edit: PackageEdit, sheet: NewSheet, styleFor?: StyleForColor): void {
  const { name } = sheet;
  if (name.length === 0 || name.length > 31 || FORBIDDEN.test(name) || name.startsWith("'") || name.endsWith("'")) throw new XlsxError("bad_sheet_name", name);
  const pkg = edit.pkg;
  const workbookPath = pkg.workbookPath;
  const workbook = edit.text(workbookPath);
  const sheetTags = [...workbook.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)].map((m) => m[0]);
  const taken = sheetTags.find((t) => (getAttr(t, "name") ?? "").toLowerCase() === name.toLowerCase());
  const xml = worksheetBytes(edit.ns.main, sheet, styleFor);
  if (taken) {
    const existing = pkg.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet.replace || !existing) throw new XlsxError("bad_sheet_name", name);
    edit.setBytes(existing.path, xml);
    if (edit.exists(relsPathOf(existing.path))) edit.remove(relsPathOf(existing.path));
    // The old sheet's print titles and print area were its own: the new sheet sets its own.
    setPrintTitles(edit, sheetTags.indexOf(taken), sheet);
    return;
  }
  const path = edit.freePath((n) => `xl/worksheets/sheet${n}.xml`);
  edit.setBytes(path, xml);
  edit.addContentTypeOverride(path, CONTENT_TYPES.worksheet);
  const relId = edit.addRelationship(workbookPath, "worksheet", path);
  const sheetId = Math.max(0, ...sheetTags.map((t) => Number(getAttr(t, "sheetId")) || 0)) + 1;
  // The prefix the workbook's root binds to the relationships namespace, else a local declaration.
  const root = /<([\w.-]+:)?workbook\b[^>]*>/.exec(workbook);
  const mainPrefix = root?.[1] ?? "";
  const prefix = [...(root?.[0] ?? "").matchAll(/xmlns:([\w.-]+)\s*=\s*["']([^"']*)["']/g)].find((m) => m[2] === edit.ns.rel)?.[1];
  const idAttr = prefix ? `${prefix}:id="${relId}"` : `xmlns:r="${edit.ns.rel}" r:id="${relId}"`;
  const tag = `<${mainPrefix}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${idAttr}/>`;
  edit.setText(workbookPath, insertIntoSheets(workbook, tag));
  setPrintTitles(edit, sheetTags.length, sheet);
}

const DEFINED_NAME = /<((?:[\w.-]+:)?)definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?definedName\s*>)/g;
const PRINT_NAMES = new Set(["_xlnm.Print_Titles", "_xlnm.Print_Area"]);

/**
 * The sheet's rows repeated on every printed page: a "_xlnm.Print_Titles" name scoped to the
 * sheet (localSheetId, its position in <sheets>). Any print titles or print area scoped to that
 * position (an old report sheet's) are dropped first; every other defined name is left as it is.
 */
function setPrintTitles(edit: PackageEdit, position: number, sheet: NewSheet): void {
  const path = edit.pkg.workbookPath;
  const before = edit.text(path);
  let workbook = before.replace(DEFINED_NAME, (tag) => {
    const open = /^<[^>]*>/.exec(tag)![0];
    return PRINT_NAMES.has(getAttr(open, "name") ?? "") && getAttr(open, "localSheetId") === String(position) ? "" : tag;
  });
  const rows = sheet.print?.titleRows;
  if (rows) {
    const prefix = /<([\w.-]+:)?workbook\b/.exec(workbook)?.[1] ?? "";
    const ref = `'${sheet.name.replace(/'/g, "''")}'!$${rows.first + 1}:$${rows.last + 1}`;
    const name = `<${prefix}definedName name="_xlnm.Print_Titles" localSheetId="${position}">${escapeText(ref)}</${prefix}definedName>`;
    workbook = insertDefinedName(workbook, prefix, name);
  }
  if (workbook !== before) edit.setText(path, workbook);
}

/** Into <definedNames>, or a new <definedNames> where the schema puts it (after sheets, function groups, external references). */
function insertDefinedName(workbook: string, prefix: string, name: string): string {
  const close = /<\/(?:[\w.-]+:)?definedNames\s*>/.exec(workbook);
  if (close) return workbook.slice(0, close.index) + name + workbook.slice(close.index);
  const empty = /<((?:[\w.-]+:)?definedNames)\b([^>]*)\/>/.exec(workbook);
  if (empty) return workbook.slice(0, empty.index) + `<${empty[1]}${empty[2]}>${name}</${empty[1]}>` + workbook.slice(empty.index + empty[0].length);
  let at = -1;
  for (const element of ["sheets", "functionGroups", "externalReferences"]) {
    const end = new RegExp(`<\\/(?:[\\w.-]+:)?${element}\\s*>|<(?:[\\w.-]+:)?${element}\\b[^>]*\\/>`).exec(workbook);
    if (end) at = Math.max(at, end.index + end[0].length);
  }
  const block = `<${prefix}definedNames>${name}</${prefix}definedNames>`;
  return at < 0 ? insertBeforeClose(workbook, "workbook", block) : workbook.slice(0, at) + block + workbook.slice(at);
}

function insertIntoSheets(workbook: string, tag: string): string {
  const close = /<\/(?:[\w.-]+:)?sheets\s*>/.exec(workbook);
  if (close) return workbook.slice(0, close.index) + tag + workbook.slice(close.index);
  const empty = /<((?:[\w.-]+:)?sheets)\b([^>]*)\/>/.exec(workbook);
  if (empty) return workbook.slice(0, empty.index) + `<${empty[1]}${empty[2]}>${tag}</${empty[1]}>` + workbook.slice(empty.index + empty[0].length);
  return insertBeforeClose(workbook, "workbook", `<sheets>${tag}</sheets>`);
}

/** A frozen pane below `rows` rows and right of `cols` columns, or nothing. */
function sheetViews(freeze: NewSheet["freeze"]): string {
  if (!freeze || (freeze.rows <= 0 && freeze.cols <= 0)) return "";
  const { rows, cols } = freeze;
  const topLeft = a1({ row: Math.max(0, rows), col: Math.max(0, cols) });
  const pane = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const split = `${cols > 0 ? ` xSplit="${cols}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""}`;
  return `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`;
}

/** Characters escapeText changes: most report cells have none and are written as they are. */
const NEEDS_ESCAPE = /[&<>_\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * The new sheet's XML as UTF-8 bytes, a row at a time into 1 MB buffers: a report on 50,000
 * units is over a million cells, and held as strings it would cost several times its size.
 */
function worksheetBytes(mainNs: string, sheet: NewSheet, styleFor?: StyleForColor): Uint8Array {
  const styles = new Map<string, number>();
  const styleOf = (r: number, c: number): number | undefined => {
    const color = styleFor && sheet.fillOf?.(r, c);
    if (!color) return undefined;
    let s = styles.get(color);
    if (s === undefined) styles.set(color, (s = styleFor!(color)));
    return s;
  };
  const chunks: Buffer[] = [];
  let chunk = Buffer.allocUnsafe(1 << 20);
  let at = 0;
  const put = (text: string) => {
    // At most 3 bytes per UTF-16 unit.
    if (at + text.length * 3 > chunk.length) {
      chunks.push(chunk.subarray(0, at));
      chunk = Buffer.allocUnsafe(Math.max(1 << 20, text.length * 3));
      at = 0;
    }
    at += chunk.write(text, at, "utf8");
  };
  let width = 0;
  for (const cells of sheet.rows) for (let c = cells.length - 1; c >= width; c--) if (cells[c] !== null && cells[c] !== undefined && cells[c] !== "") width = c + 1;
  const dimension = width ? `A1:${a1({ row: Math.max(0, sheet.rows.length - 1), col: width - 1 })}` : "A1";
  const cols = (sheet.columnWidths ?? []).map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  const print = sheet.print;
  const sheetPr = print ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "";
  put(`${XML_DECLARATION}<worksheet xmlns="${mainNs}">${sheetPr}<dimension ref="${dimension}"/>${sheetViews(sheet.freeze)}<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ""}<sheetData>`);
  const letters: string[] = [];
  const column = (c: number) => (letters[c] ??= a1({ row: 0, col: c }).replace(/\d+$/, ""));
  sheet.rows.forEach((cells, r) => {
    const rowNo = r + 1;
    let row = "";
    cells.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      // Every cell carries its reference: some readers (exceljs) cannot place a cell without one.
      const style = styleOf(r, c);
      const ref = ` r="${column(c)}${rowNo}"${style ? ` s="${style}"` : ""}`;
      if (typeof v === "number" && Number.isFinite(v)) row += `<c${ref}><v>${v}</v></c>`;
      else {
        const text = String(v);
        const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
        row += `<c${ref} t="inlineStr"><is><t${space}>${NEEDS_ESCAPE.test(text) ? escapeText(text) : text}</t></is></c>`;
      }
    });
    if (row) put(`<row r="${rowNo}">${row}</row>`);
  });
  if (!print) put('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  else {
    // A4 (paperSize 9) landscape, as many pages tall as it takes but one page wide.
    const hf = print.header || print.footer ? `<headerFooter>${print.header ? `<oddHeader>${escapeText(print.header)}</oddHeader>` : ""}${print.footer ? `<oddFooter>${escapeText(print.footer)}</oddFooter>` : ""}</headerFooter>` : "";
    put(`</sheetData><printOptions horizontalCentered="1"/><pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.25" footer="0.25"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>${hf}</worksheet>`);
  }
  chunks.push(chunk.subarray(0, at));
  return Buffer.concat(chunks);
}
