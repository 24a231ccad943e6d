// The cell functions' names in a package's cell formulas: found (for `ntm evaluate`'s warning) and
// rewritten for the other host in a copy (`ntm formulas`). Only the text of the <f> elements that
// call them changes; every other byte of each sheet, and every other part, is kept.
import { countFunctionNames, isSpillPlaceholder, mayHoldFunctionNames, nameEdits, rewriteFormula, type FormulaHost } from "../../shared/index.js";
import { a1 } from "../../shared/sheet/grid.js";
import { parseCellRef } from "./cellRef.js";
import type { XlsxPackage } from "./package.js";
import { PackageEdit } from "./packageEdit.js";
import { child, children } from "./xmlTree.js";
import { getAttr, setAttr, spliceParts, TagCursor, unescapeXml, type Splice, type TagKind } from "./xmlText.js";

/** One cell formula as it sits in the sheet's XML. */
interface CellFormula {
  row: number;
  col: number;
  /** The formula's text (unescaped), and where each of its characters is in the XML after openEnd. */
  text: string;
  at: number[];
  /** The <f> element: [start, end); its open tag [start, openEnd); its text [openEnd, closeStart). */
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  openTag: string;
}

/** Every cell formula with text (a shared formula's followers have none) of a sheet part. */
function* cellFormulas(xml: string): Generator<CellFormula> {
  const c = new TagCursor(xml);
  let row = -1;
  let col = -1;
  while (c.next()) {
    if (c.kind === "close") continue;
    if (c.local === "row") {
      const r = Number(getAttr(c.text, "r"));
      row = Number.isInteger(r) && r > 0 ? r - 1 : row + 1;
      col = -1;
      continue;
    }
    if (c.local !== "c") continue;
    const ref = getAttr(c.text, "r");
    const at = ref ? parseCellRef(ref) : undefined;
    if (at) ({ row, col } = at);
    else col++;
    if (c.kind === "empty") continue;
    const depth = c.depth;
    // (The cursor moves: its fields are read afresh, not as narrowed above.)
    const tag = (): { kind: TagKind; local: string } => c;
    while (c.next() && !(tag().kind === "close" && c.depth === depth)) {
      if (tag().local !== "f" || tag().kind !== "open") continue;
      const start = c.start;
      const openEnd = c.end;
      const openTag = c.text;
      c.jumpToClose();
      const { text, at } = decodeWithOffsets(xml.slice(openEnd, c.start));
      yield { row, col, text, at, start, openEnd, closeStart: c.start, end: c.end, openTag };
    }
  }
}

/** A formula's text inside <f>: markup escaped, quotes as they are. */
const escapeFormula = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Escaped XML text decoded, with where each character starts in the escaped text (and its end). */
function decodeWithOffsets(raw: string): { text: string; at: number[] } {
  let text = "";
  const at: number[] = [];
  for (let i = 0; i < raw.length; ) {
    const m = raw[i] === "&" ? /^&(#x[0-9A-Fa-f]+|#\d+|amp|lt|gt|quot|apos);/.exec(raw.slice(i, i + 12)) : null;
    const ch = m ? unescapeXml(m[0]) : raw[i]!;
    for (let k = 0; k < ch.length; k++) at.push(i);
    text += ch;
    i += m ? m[0].length : 1;
  }
  at.push(raw.length);
  return { text, at };
}

export interface FormulaChange {
  sheet: string;
  cell: string;
  before: string;
  after: string;
  calls: number;
}

export interface FormulaCopy {
  /** The copy, or undefined when no formula needed changing. */
  copy?: Uint8Array;
  changes: FormulaChange[];
  /** Cells of Google Sheets' spilled results joined to their first cell's array formula ("Sheet!A3"). */
  spillCells: string[];
}

/**
 * The copy with every cell formula's function names spelled for `to`. Going to Excel, a Google
 * Sheets export's spilled result (its first cell wrapped, the others "COMPUTED_VALUE"
 * placeholders) becomes one array formula over the same cells, so Excel fills them again.
 */
export function rewritePackageFormulas(pkg: XlsxPackage, to: FormulaHost): FormulaCopy {
  const edit = new PackageEdit(pkg);
  const changes: FormulaChange[] = [];
  const spillCells: string[] = [];
  for (const sheet of pkg.sheets) {
    if (!pkg.has(sheet.path)) continue;
    const xml = pkg.partText(sheet.path);
    if (!mayHoldFunctionNames(xml)) continue;
    const splices: Splice[] = [];
    const anchors: CellFormula[] = [];
    const placeholders = new Map<string, CellFormula>();
    for (const f of cellFormulas(xml)) {
      if (to === "excel" && isSpillPlaceholder(f.text)) {
        placeholders.set(`${f.row}:${f.col}`, f);
        continue;
      }
      if (!mayHoldFunctionNames(f.text)) continue;
      const r = rewriteFormula(f.text, to, "file");
      if (r.text === f.text) continue;
      // A rename replaces the names alone (the formula's own escaping kept); an unwrapped export, the whole text.
      if (r.unwrapped) splices.push({ start: f.openEnd, end: f.closeStart, text: escapeFormula(r.text) });
      else for (const e of nameEdits(f.text, to, "file")) splices.push({ start: f.openEnd + f.at[e.start]!, end: f.openEnd + f.at[e.end]!, text: e.text });
      changes.push({ sheet: sheet.name, cell: a1(f), before: f.text, after: r.text, calls: r.calls });
      if (r.unwrapped && getAttr(f.openTag, "t") === undefined) anchors.push(f);
    }
    for (const anchor of anchors) {
      const area = spillArea(anchor, placeholders);
      if (area.length === 0) continue;
      const bottom = Math.max(...area.map((p) => p.row));
      const right = Math.max(...area.map((p) => p.col));
      splices.push({ start: anchor.start, end: anchor.openEnd, text: setAttr(setAttr(anchor.openTag, "t", "array"), "ref", `${a1(anchor)}:${a1({ row: bottom, col: right })}`) });
      for (const p of area) {
        splices.push({ start: p.start, end: p.end, text: "" });
        spillCells.push(`${sheet.name}!${a1(p)}`);
      }
    }
    if (splices.length) edit.setPieces(sheet.path, spliceParts(xml, splices));
  }
  if (changes.length === 0) return { changes, spillCells };
  // A formula taken off a cell would leave the calculation chain naming it: Excel rebuilds it.
  if (spillCells.length) {
    const calcChain = pkg.related(pkg.workbookPath, "calcChain");
    if (calcChain) {
      edit.remove(calcChain);
      edit.removeRelationships(pkg.workbookPath, "calcChain");
      edit.removeContentTypeOverride(calcChain);
    }
  }
  return { copy: edit.build(), changes, spillCells };
}

/**
 * The placeholders of one spilled result: the rectangle from the anchor rightwards and downwards
 * whose every other cell is a placeholder not yet claimed (Sheets' results here are a column, or
 * the shape of NTM_INDICATOR's values).
 */
function spillArea(anchor: CellFormula, placeholders: Map<string, CellFormula>): CellFormula[] {
  const at = (row: number, col: number) => placeholders.get(`${row}:${col}`);
  let width = 1;
  while (at(anchor.row, anchor.col + width)) width++;
  let height = 1;
  for (;;) {
    let full = true;
    for (let j = 0; j < width && full; j++) full = at(anchor.row + height, anchor.col + j) !== undefined;
    if (!full) break;
    height++;
  }
  const area: CellFormula[] = [];
  for (let i = 0; i < height; i++) for (let j = 0; j < width; j++) if (i || j) area.push(at(anchor.row + i, anchor.col + j)!);
  for (const p of area) placeholders.delete(`${p.row}:${p.col}`);
  return area;
}

/**
 * Could a sheet part's bytes hold a call? Excel and Google Sheets write function names in capitals,
 * other writers as typed: the usual spellings are searched (UTF-16 parts are always decoded).
 */
function mayHoldNamesBytes(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return ["NTM.", "NTM_", "ntm.", "ntm_", "Ntm.", "Ntm_"].some((p) => b.includes(p, 0, "latin1"));
}

export interface FunctionNameScan {
  /** Cells whose formulas call the functions by Excel's names / Google Sheets' names ("Sheet!A3"). */
  excel: string[];
  sheets: string[];
  /** Workbook names defined as NTM_* (Excel LAMBDA names): formulas calling them work in Excel. */
  definedNames: string[];
}

/** Which host's names the package's cell formulas use. */
export function scanFunctionNames(pkg: XlsxPackage): FunctionNameScan {
  const scan: FunctionNameScan = { excel: [], sheets: [], definedNames: [] };
  for (const sheet of pkg.sheets) {
    if (!pkg.has(sheet.path)) continue;
    // Searched as bytes first: a province's sheet is decoded only if it may hold a call.
    if (!mayHoldNamesBytes(pkg.partBytes(sheet.path))) continue;
    const xml = pkg.partText(sheet.path);
    if (!mayHoldFunctionNames(xml)) continue;
    for (const f of cellFormulas(xml)) {
      if (!mayHoldFunctionNames(f.text)) continue;
      const n = countFunctionNames(f.text);
      if (n.excel) scan.excel.push(`${sheet.name}!${a1(f)}`);
      if (n.sheets) scan.sheets.push(`${sheet.name}!${a1(f)}`);
    }
  }
  const names = children(child(pkg.xml(pkg.workbookPath), "definedNames"), "definedName");
  scan.definedNames = names.map((n) => n.attrs.name ?? "").filter((n) => /^NTM_[A-Z]+$/i.test(n));
  return scan;
}
