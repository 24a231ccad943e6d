/**
 * Formulas arriving from Excel (a commune's workbook uploaded to Sheets): cells calling the cell
 * functions by Excel's names (NTM.CRITERION, or _xldudf_NTM_CRITERION as Excel saves them) show
 * #NAME? here. The sidebar says so and offers to rewrite them to Sheets' names (NTM_CRITERION):
 * every formula of every sheet, nothing else in a formula changed, a count of what changed, and
 * an undo record in the document's properties (this module's own key).
 */
import { countFunctionNames, mayHoldFunctionNames, rewriteFormula, t, type Language } from "../../shared/index.js";
import { CHUNK, documentProps, loadSettings, type Props } from "./store.js";

export interface FormulaRangeApi {
  getFormulas(): string[][];
  setFormulas(formulas: string[][]): unknown;
}
export interface FormulaSheetApi {
  getName(): string;
  getLastRow(): number;
  getLastColumn(): number;
  getRange(row: number, column: number, numRows: number, numColumns: number): FormulaRangeApi;
}
export interface FormulaBookApi {
  getSheets(): FormulaSheetApi[];
}
// Compile-time proof that the real service fits (never called).
export const _fitsFormulaApi = [(x: GoogleAppsScript.Spreadsheet.Spreadsheet): FormulaBookApi => x] as const;

/** The undo record: how many chunks, then UNDO_KEY|0, UNDO_KEY|1... */
export const UNDO_KEY = "NTM_FORMULA_UNDO";
/** Chunks at most (about 280 KB of the document's 500 KB): a larger record is refused before any change. */
const MAX_CHUNKS = 100;

/**
 * A rewritten cell, 0-based, with a digest of the formula written (a cell edited since is left
 * alone), and the formula before it when the reverse rewrite would not give it back.
 */
type UndoEntry = [row: number, col: number, written: string] | [row: number, col: number, written: string, before: string];

/** FNV-1a of a formula, 8 hex digits: enough to tell an edited cell from the one written. */
function digest(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}
interface UndoRecord {
  v: 1;
  sheets: Record<string, UndoEntry[]>;
}

export interface FormulaCheck {
  /** Cells calling the functions by Excel's names. */
  count: number;
  message: string;
  /** A rewrite can be undone. */
  canUndo: boolean;
}

export interface FormulaResult {
  ok: boolean;
  message: string;
}

function lang(props: Props): Language {
  try {
    return loadSettings(props).lang;
  } catch {
    return "vi";
  }
}

const activeBook = (): FormulaBookApi => SpreadsheetApp.getActiveSpreadsheet();

/** Each sheet's formulas from A1 to its last cell. */
function readFormulas(book: FormulaBookApi): Array<{ sheet: FormulaSheetApi; name: string; formulas: string[][] }> {
  return book.getSheets().flatMap((sheet) => {
    const rows = sheet.getLastRow();
    const cols = sheet.getLastColumn();
    return rows && cols ? [{ sheet, name: sheet.getName(), formulas: sheet.getRange(1, 1, rows, cols).getFormulas() }] : [];
  });
}

const colLetters = (col: number): string => {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

function loadUndo(props: Props): UndoRecord | undefined {
  const all = props.getProperties();
  const count = Number(all[UNDO_KEY]);
  if (!Number.isInteger(count) || count <= 0) return undefined;
  let text = "";
  for (let i = 0; i < count; i++) text += all[`${UNDO_KEY}|${i}`] ?? "";
  try {
    const r = JSON.parse(text) as UndoRecord;
    return r && r.v === 1 && typeof r.sheets === "object" ? r : undefined;
  } catch {
    return undefined;
  }
}

function clearUndo(props: Props): void {
  const all = props.getProperties();
  for (const key of Object.keys(all)) if (key === UNDO_KEY || key.startsWith(`${UNDO_KEY}|`)) props.deleteProperty(key);
}

/** Writes formulas by runs of consecutive rows in a column: one call per run. */
function writeRuns(sheet: FormulaSheetApi, cells: Map<number, Map<number, string>>): void {
  for (const [col, rows] of cells) {
    const sorted = [...rows.keys()].sort((a, b) => a - b);
    for (let i = 0; i < sorted.length; ) {
      let j = i + 1;
      while (j < sorted.length && sorted[j] === sorted[j - 1]! + 1) j++;
      sheet.getRange(sorted[i]! + 1, col + 1, j - i, 1).setFormulas(sorted.slice(i, j).map((r) => [rows.get(r)!]));
      i = j;
    }
  }
}

function put(cells: Map<number, Map<number, string>>, row: number, col: number, formula: string): void {
  if (!cells.has(col)) cells.set(col, new Map());
  cells.get(col)!.set(row, formula);
}

/** What the sidebar shows when it opens: formulas with Excel's names, and whether a rewrite can be undone. */
export function checkFormulas(book: FormulaBookApi = activeBook(), props: Props = documentProps()): FormulaCheck {
  const l = lang(props);
  const cells: string[] = [];
  for (const { name, formulas } of readFormulas(book)) {
    formulas.forEach((row, r) => row.forEach((f, c) => {
      if (f && mayHoldFunctionNames(f) && countFunctionNames(f).excel > 0) cells.push(`${name}!${colLetters(c)}${r + 1}`);
    }));
  }
  const canUndo = loadUndo(props) !== undefined;
  if (cells.length === 0) return { count: 0, message: "", canUndo };
  const where = cells.slice(0, 3).join(", ") + (cells.length > 3 ? ", …" : "");
  return { count: cells.length, message: `${t("formulas.excelNames", l, { count: cells.length, example: "NTM.CRITERION", where })}. ${t("formulas.inSheets", l)}`, canUndo };
}

/** Every formula of every sheet with Sheets' names; the undo record saved before anything is written. */
export function rewriteFormulas(book: FormulaBookApi = activeBook(), props: Props = documentProps()): FormulaResult {
  const l = lang(props);
  const host = t("formulas.host.sheets", l);
  const record: UndoRecord = { v: 1, sheets: {} };
  const writes: Array<{ sheet: FormulaSheetApi; name: string; cells: Map<number, Map<number, string>> }> = [];
  let count = 0;
  let calls = 0;
  for (const { sheet, name, formulas } of readFormulas(book)) {
    const cells = new Map<number, Map<number, string>>();
    const entries: UndoEntry[] = [];
    formulas.forEach((row, r) => row.forEach((f, c) => {
      if (!f || !mayHoldFunctionNames(f)) return;
      const out = rewriteFormula(f, "sheets");
      if (out.text === f) return;
      put(cells, r, c, out.text);
      entries.push(rewriteFormula(out.text, "excel").text === f ? [r, c, digest(out.text)] : [r, c, digest(out.text), f]);
      count++;
      calls += out.calls;
    }));
    if (entries.length) {
      record.sheets[name] = entries;
      writes.push({ sheet, name, cells });
    }
  }
  if (count === 0) return { ok: true, message: t("formulas.nothing", l, { host }) };
  const text = JSON.stringify(record);
  const chunks = Math.ceil(text.length / CHUNK);
  if (chunks > MAX_CHUNKS) return { ok: false, message: t("formulas.recordTooLarge", l, { count }) };
  clearUndo(props);
  const parts: Record<string, string> = { [UNDO_KEY]: String(chunks) };
  for (let i = 0; i < chunks; i++) parts[`${UNDO_KEY}|${i}`] = text.slice(i * CHUNK, (i + 1) * CHUNK);
  props.setProperties(parts);
  for (const w of writes) {
    try {
      writeRuns(w.sheet, w.cells);
    } catch (e) {
      return { ok: false, message: t("formulas.writeFailed", l, { sheet: w.name, detail: e instanceof Error ? e.message : String(e) }) };
    }
  }
  return { ok: true, message: t("formulas.rewritten", l, { cells: count, calls, host }) };
}

/** Puts back the formulas of the last rewrite, where the cell still holds what the rewrite wrote. */
export function undoFormulaRewrite(book: FormulaBookApi = activeBook(), props: Props = documentProps()): FormulaResult {
  const l = lang(props);
  const record = loadUndo(props);
  if (!record) return { ok: true, message: t("formulas.undoNothing", l) };
  let restored = 0;
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const { sheet, name, formulas } of readFormulas(book)) {
    const entries = record.sheets[name];
    if (!entries) continue;
    seen.add(name);
    const cells = new Map<number, Map<number, string>>();
    for (const [r, c, written, stored] of entries) {
      const now = formulas[r]?.[c] ?? "";
      const before = stored ?? rewriteFormula(now, "excel").text;
      if (now && digest(now) === written && before !== now) {
        put(cells, r, c, before);
        restored++;
      } else skipped.push(`${name}!${colLetters(c)}${r + 1}`);
    }
    try {
      writeRuns(sheet, cells);
    } catch (e) {
      return { ok: false, message: t("formulas.writeFailed", l, { sheet: name, detail: e instanceof Error ? e.message : String(e) }) };
    }
  }
  // Sheets of the record that are gone or emptied: their cells cannot come back.
  for (const [name, entries] of Object.entries(record.sheets)) if (!seen.has(name)) for (const [r, c] of entries) skipped.push(`${name}!${colLetters(c)}${r + 1}`);
  clearUndo(props);
  const lines = [t("formulas.undone", l, { count: restored })];
  if (skipped.length) lines.push(t("formulas.undoSkipped", l, { count: skipped.length, cells: skipped.slice(0, 10).join(", ") + (skipped.length > 10 ? ", …" : "") }));
  return { ok: true, message: lines.join("\n") };
}
