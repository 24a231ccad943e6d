// One worksheet as the engine's SheetGrid: values from A1, number formats, fills, notes, merges,
// hidden rows and columns. Cells past the limits are counted, not allocated.
import { columnLetters, parseA1Range, type CellRange, type SheetGrid } from "../../shared/sheet/grid.js";
import type { XlsxPackage } from "./package.js";
import { readNotes } from "./notes.js";
import { readSharedStrings } from "./sharedStrings.js";
import { scanSheet } from "./sheetScan.js";
import { fillOf, numberFormatOf, readStyles } from "./styles.js";

export interface GridLimits {
  /** Rows kept from the top (default 1,048,576: all Excel has). */
  maxRows?: number;
  /** Columns kept from A (default 1,000: criteria tables are far narrower; wide stray cells are dropped). */
  maxCols?: number;
  /**
   * The dense area the grid may span, rows x columns (default 20,000,000): the value arrays are
   * dense, so a single far cell must not make them huge. Rows past it are dropped.
   */
  maxCells?: number;
}

export const DEFAULT_GRID_LIMITS = { maxRows: 1_048_576, maxCols: 1_000, maxCells: 20_000_000 } as const;

export interface SheetRead {
  grid: SheetGrid;
  /** Cells (and notes) beyond the limits: how many, and the far corner of what was dropped ("XFD1048576"). */
  dropped?: { cells: number; farthest: string };
}

export function readSheetGrid(pkg: XlsxPackage, sheetName: string, limits: GridLimits = {}): SheetRead {
  const maxRows = limits.maxRows ?? DEFAULT_GRID_LIMITS.maxRows;
  const maxCols = limits.maxCols ?? DEFAULT_GRID_LIMITS.maxCols;
  const maxCells = limits.maxCells ?? DEFAULT_GRID_LIMITS.maxCells;
  const sheet = pkg.sheet(sheetName);
  const styles = readStyles(pkg);
  const drop = { cells: 0, row: -1, col: -1 };
  const dropOne = (row: number, col: number) => {
    drop.cells++;
    if (row > drop.row) drop.row = row;
    if (col > drop.col) drop.col = col;
  };

  // Rows as the cells arrive, each only as long as its last cell: no object per cell (a
  // 50,000-row sheet has over a million), padded to the table's width at the end.
  const values: unknown[][] = [];
  const numberFormats: (string | null)[][] = [];
  const fills: (string | null)[][] = [];
  let kept = 0;
  // The same short texts ("Đ", "x", "Đạt") fill most of a sheet: one string each, not one per
  // cell, so a million cells do not mean a million strings for the collector to move.
  const interned = new Map<string, string>();
  const intern = (v: string): string => {
    if (v.length > 32) return v;
    const known = interned.get(v);
    if (known !== undefined) return known;
    if (interned.size < 100_000) interned.set(v, v);
    return v;
  };
  let width = 0;
  const facts = scanSheet(pkg, sheet.path, { sharedStrings: () => readSharedStrings(pkg), date1904: pkg.date1904 }, (c) => {
    if (c.row >= maxRows || c.col >= maxCols || kept >= maxCells) return dropOne(c.row, c.col);
    kept++;
    if (c.col >= width) width = c.col + 1;
    setCell(values, c.row, c.col, typeof c.value === "string" ? intern(c.value) : c.value);
    const format = numberFormatOf(styles, c.style);
    if (format !== null) setCell(numberFormats, c.row, c.col, format);
    const fill = fillOf(styles, c.style);
    if (fill !== null) setCell(fills, c.row, c.col, fill);
  });
  const notes = readNotes(pkg, sheet.path).filter((n) => {
    const inside = n.row < maxRows && n.col < maxCols;
    if (!inside) dropOne(n.row, n.col);
    return inside;
  });
  let height = values.length;
  for (const n of notes) {
    if (n.col >= width) width = n.col + 1;
    if (n.row >= height) height = n.row + 1;
  }
  // The dense value arrays stay within maxCells: rows past that are dropped.
  const rowsAllowed = width === 0 ? height : Math.min(height, Math.floor(maxCells / width));
  if (rowsAllowed < height) {
    for (let r = rowsAllowed; r < values.length; r++) values[r]?.forEach((v, col) => v !== null && v !== undefined && dropOne(r, col));
    for (const n of notes) if (n.row >= rowsAllowed) dropOne(n.row, n.col);
    values.length = Math.min(values.length, rowsAllowed);
    height = 0;
    for (let r = values.length - 1; r >= 0; r--) if (values[r]?.some((v) => v !== null && v !== undefined)) (height = r + 1), (r = -1);
    for (const n of notes) if (n.row < rowsAllowed && n.row >= height) height = n.row + 1;
  }
  for (let r = 0; r < height; r++) {
    const row = values[r];
    if (!row) values[r] = new Array<unknown>(width).fill(null);
    else for (let col = 0; col < width; col++) if (row[col] === undefined) row[col] = null;
  }
  values.length = height;
  // Formats, fills and notes: rows only as long as their last entry (undefined reads as none);
  // rows without any share one empty array.
  const sparse = (grid: (string | null)[][]) => {
    grid.length = Math.min(grid.length, height);
    for (let r = 0; r < height; r++) grid[r] ??= NONE;
    return grid;
  };
  const noteGrid: (string | null)[][] = [];
  for (const n of notes) if (n.row < height) setCell(noteGrid, n.row, n.col, n.text);

  const hiddenColumns: number[] = [];
  for (const r of facts.hiddenColumns) for (let c = Math.max(0, r.min); c <= Math.min(r.max, width - 1); c++) hiddenColumns.push(c);
  const grid: SheetGrid = {
    name: sheet.name,
    values,
    merges: facts.merges.map(parseA1Range).filter((m): m is CellRange => m !== undefined),
    hiddenColumns: [...new Set(hiddenColumns)].sort((a, b) => a - b),
    hiddenRows: facts.hiddenRows.filter((r) => r < height),
    numberFormats: sparse(numberFormats),
    fills: sparse(fills),
    notes: sparse(noteGrid),
  };
  return drop.cells ? { grid, dropped: { cells: drop.cells, farthest: `${columnLetters(drop.col)}${drop.row + 1}` } } : { grid };
}

const NONE: (string | null)[] = Object.freeze([]) as unknown as (string | null)[];

/** Sets grid[r][col], creating the row; the gaps before it read as null. */
function setCell<T>(grid: (T | null)[][], r: number, col: number, v: T): void {
  let row = grid[r];
  if (row === undefined || row === (NONE as unknown)) grid[r] = row = [];
  while (row.length < col) row.push(null);
  row[col] = v;
}
