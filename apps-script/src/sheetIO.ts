import { a1, parseA1Range, type CellRange, type HighlightRecord, type SheetGrid, type WritePlan } from "../../shared/index.js";
import { spreadsheetApp, type RangeApi, type SheetApi } from "./host.js";

/**
 * Reading a sheet into the engine's grid and applying a write plan, with a number of
 * SpreadsheetApp calls that does not depend on the number of rows: one block read
 * (values, backgrounds, notes, number formats, merges) and one write per kind of change.
 */

/** Sheets reports "no fill" as white: both become null, so clearing never paints cells white. */
export function normaliseColor(c: string | null | undefined): string | null {
  if (c === null || c === undefined) return null;
  const s = String(c).trim();
  if (s === "" || /^(#ffffff|#fff|white)$/i.test(s)) return null;
  return s.startsWith("#") ? s.toUpperCase() : s;
}

/** Formats that say nothing about the value's scale are dropped; a "%" format means 0.85 is 85%. */
export function normaliseFormat(f: string | null | undefined): string | null {
  if (f === null || f === undefined) return null;
  const s = String(f);
  if (s.includes("%")) return s;
  if (s === "" || s === "@" || /^general$/i.test(s) || /^0\.#+$/.test(s)) return null;
  return s;
}

/** "B3:D4" -> 0-based inclusive range. */
export { parseA1Range };

export interface ReadResult {
  grid: SheetGrid;
  /** Backgrounds as read, normalised: the originals of cells about to be highlighted. */
  fills: Array<Array<string | null>>;
  notes: string[][];
}

/**
 * One read of the sheet from A1 to its last used cell, widened to cover the cells an earlier
 * run wrote (so they can be restored even where the data shrank). Undefined for an empty sheet.
 */
export function readSheet(sheet: SheetApi, previous?: HighlightRecord): ReadResult | undefined {
  let rows = sheet.getLastRow();
  let cols = sheet.getLastColumn();
  const hasData = rows > 0 && cols > 0;
  if (previous) {
    for (const f of [...previous.fills, ...previous.notes]) {
      rows = Math.max(rows, f.row + 1);
      cols = Math.max(cols, f.col + 1);
    }
    for (const r of previous.ownedRows) rows = Math.max(rows, r + 1);
    for (const c of previous.ownedColumns) cols = Math.max(cols, c + 1);
  }
  if (!hasData && !previous) return undefined;
  if (rows === 0 || cols === 0) return undefined;
  const range = sheet.getRange(1, 1, rows, cols);
  const values = range.getValues() as unknown[][];
  const fills = range.getBackgrounds().map((r) => r.map(normaliseColor));
  const notes = range.getNotes().map((r) => r.map((n) => (n == null ? "" : String(n))));
  const numberFormats = range.getNumberFormats().map((r) => r.map(normaliseFormat));
  const merges: CellRange[] = [];
  for (const m of range.getMergedRanges()) {
    const r = parseA1Range(m.getA1Notation());
    if (r) merges.push(r);
  }
  // A hidden column (last year's figures, a helper column) is not data. SpreadsheetApp has no
  // bulk call for this: one per column of the table.
  const hiddenColumns: number[] = [];
  for (let c = 0; c < cols; c++) if (sheet.isColumnHiddenByUser(c + 1)) hiddenColumns.push(c);
  const grid: SheetGrid = {
    name: sheet.getName(),
    values,
    merges,
    numberFormats,
    fills,
    notes: notes.map((r) => r.map((n) => (n === "" ? null : n))),
    origin: { row: 0, col: 0 },
  };
  if (hiddenColumns.length) grid.hiddenColumns = hiddenColumns;
  return { grid, fills, notes };
}


export interface ApplyCounts {
  valueRanges: number;
  fillRanges: number;
  noteRanges: number;
}

interface Cell {
  row: number;
  col: number;
}

function bounds(cells: readonly Cell[]): CellRange {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const c of cells) {
    if (c.row < top) top = c.row;
    if (c.row > bottom) bottom = c.row;
    if (c.col < left) left = c.col;
    if (c.col > right) right = c.col;
  }
  return { top, left, bottom, right };
}

/** A rectangle of the base (as read), with the writes laid over it. */
function block<T>(b: CellRange, base: (row: number, col: number) => T, writes: ReadonlyArray<Cell & { v: T }>): T[][] {
  const out: T[][] = [];
  for (let r = b.top; r <= b.bottom; r++) {
    const line: T[] = [];
    for (let c = b.left; c <= b.right; c++) line.push(base(r, c));
    out.push(line);
  }
  for (const w of writes) out[w.row - b.top]![w.col - b.left] = w.v;
  return out;
}

function rangeOf(sheet: SheetApi, b: CellRange): RangeApi {
  return sheet.getRange(b.top + 1, b.left + 1, b.bottom - b.top + 1, b.right - b.left + 1);
}

/** Runs of adjacent columns: values are written per run so no user column in between is rewritten. */
function columnRuns(cols: readonly number[]): number[][] {
  const sorted = [...new Set(cols)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === c - 1) last.push(c);
    else runs.push([c]);
  }
  return runs;
}

/**
 * Number formats for rows about to be written: plain text ("@") for every string, so Sheets
 * stores it as given and never reads "=…" as a formula or "+1", "12/19" as a number or date
 * (a unit's name is the user's text); General for the rest, which also resets an emptied cell.
 */
export function textFormats(rows: ReadonlyArray<ReadonlyArray<unknown>>): string[][] {
  return rows.map((r) => r.map((v) => (typeof v === "string" && v !== "" ? "@" : "General")));
}

/** Rows written as they are: the formats first, so the values are taken literally. */
export function writeRows(range: RangeApi, rows: unknown[][], formats: string[][] = textFormats(rows)): void {
  range.setNumberFormats(formats);
  range.setValues(rows);
}

/** A1 ranges covering the cells, one per run of rows in a column. */
function a1Runs(cells: readonly Cell[]): string[] {
  const out: string[] = [];
  let first: Cell | undefined;
  let last: Cell | undefined;
  const flush = () => first && last && out.push(first.row === last.row ? a1(first) : `${a1(first)}:${a1(last)}`);
  for (const c of [...cells].sort((x, y) => x.col - y.col || x.row - y.row)) {
    if (last && c.col === last.col && c.row === last.row + 1) last = c;
    else {
      flush();
      first = last = c;
    }
  }
  flush();
  return out;
}

/**
 * Applies a plan in a few batched writes: values per run of owned columns, fills one
 * setBackground per colour over just their cells, all notes in one setNotes. Cells inside a
 * value or note box that the plan does not touch get back exactly what was read.
 */
export function applyPlan(sheet: SheetApi, read: ReadResult, plan: WritePlan): ApplyCounts {
  const counts: ApplyCounts = { valueRanges: 0, fillRanges: 0, noteRanges: 0 };
  const values = read.grid.values;
  const valueAt = (r: number, c: number): unknown => {
    const v = values[r]?.[c];
    return v === undefined || v === null ? "" : v;
  };
  for (const run of columnRuns(plan.values.map((v) => v.col))) {
    const inRun = new Set(run);
    const writes = plan.values.filter((v) => inRun.has(v.col)).map((v) => ({ row: v.row, col: v.col, v: (v.value === null ? "" : v.value) as unknown }));
    const b = bounds(writes);
    writeRows(rangeOf(sheet, b), block(b, valueAt, writes));
    counts.valueRanges++;
  }
  // Only the plan's cells: Sheets reads no fill and white alike ("#ffffff"), so a cell written
  // back from what was read could lose its white (or gain one), with its gridlines.
  counts.fillRanges += applyFills(sheet, plan.fills);
  if (plan.notes.length) {
    const writes = plan.notes.map((n) => ({ row: n.row, col: n.col, v: n.text ?? "" }));
    const b = bounds(writes);
    rangeOf(sheet, b).setNotes(block(b, (r, c) => read.notes[r]?.[c] ?? "", writes));
    counts.noteRanges++;
  }
  return counts;
}

/** One setBackground per colour over just the given cells (runs of them); returns the calls made. */
export function applyFills(sheet: SheetApi, fills: ReadonlyArray<Cell & { color: string | null }>): number {
  const byColor = new Map<string | null, Cell[]>();
  for (const f of fills) {
    const list = byColor.get(f.color) ?? [];
    list.push(f);
    byColor.set(f.color, list);
  }
  for (const [color, cells] of byColor) sheet.getRangeList(a1Runs(cells)).setBackground(color);
  return byColor.size;
}

/** Rows padded to one width, as setValues needs. */
export function rectangular(rows: ReadonlyArray<ReadonlyArray<string | number>>): Array<Array<string | number>> {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")]);
}

/** Protected against this user: judged, never written to. */
export function isProtected(sheet: SheetApi): boolean {
  return sheet.getProtections(spreadsheetApp().ProtectionType.SHEET).some((p) => !p.canEdit());
}
