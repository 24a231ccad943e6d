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

interface Kept {
  row: number;
  col: number;
  value: unknown;
  style: number;
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

  const kept: Kept[] = [];
  const facts = scanSheet(pkg, sheet.path, { sharedStrings: () => readSharedStrings(pkg), date1904: pkg.date1904 }, (c) => {
    if (c.row >= maxRows || c.col >= maxCols || kept.length >= maxCells) dropOne(c.row, c.col);
    else kept.push({ row: c.row, col: c.col, value: c.value, style: c.style });
  });
  const notes = readNotes(pkg, sheet.path).filter((n) => {
    const inside = n.row < maxRows && n.col < maxCols;
    if (!inside) dropOne(n.row, n.col);
    return inside;
  });

  let width = 0;
  let height = 0;
  for (const c of kept) {
    if (c.col >= width) width = c.col + 1;
    if (c.row >= height) height = c.row + 1;
  }
  for (const n of notes) {
    if (n.col >= width) width = n.col + 1;
    if (n.row >= height) height = n.row + 1;
  }
  // The dense arrays stay within maxCells: rows past that are dropped.
  const rowsAllowed = width === 0 ? height : Math.min(height, Math.floor(maxCells / width));
  if (rowsAllowed < height) {
    for (const c of kept) if (c.row >= rowsAllowed) dropOne(c.row, c.col);
    for (const n of notes) if (n.row >= rowsAllowed) dropOne(n.row, n.col);
    height = 0;
    for (const c of [...kept, ...notes]) if (c.row < rowsAllowed && c.row >= height) height = c.row + 1;
  }

  const values: unknown[][] = Array.from({ length: height }, () => new Array<unknown>(width).fill(null));
  // Formats, fills and notes: rows only as long as their last entry (undefined reads as none);
  // rows without any share one empty array.
  const numberFormats: (string | null)[][] = new Array(height).fill(NONE);
  const fills: (string | null)[][] = new Array(height).fill(NONE);
  const noteGrid: (string | null)[][] = new Array(height).fill(NONE);
  for (const c of kept) {
    if (c.row >= height) continue;
    values[c.row]![c.col] = c.value;
    setSparse(numberFormats, c.row, c.col, numberFormatOf(styles, c.style));
    setSparse(fills, c.row, c.col, fillOf(styles, c.style));
  }
  for (const n of notes) if (n.row < height) setSparse(noteGrid, n.row, n.col, n.text);

  const hiddenColumns: number[] = [];
  for (const r of facts.hiddenColumns) for (let c = Math.max(0, r.min); c <= Math.min(r.max, width - 1); c++) hiddenColumns.push(c);
  const grid: SheetGrid = {
    name: sheet.name,
    values,
    merges: facts.merges.map(parseA1Range).filter((m): m is CellRange => m !== undefined),
    hiddenColumns: [...new Set(hiddenColumns)].sort((a, b) => a - b),
    hiddenRows: facts.hiddenRows.filter((r) => r < height),
    numberFormats,
    fills,
    notes: noteGrid,
  };
  return drop.cells ? { grid, dropped: { cells: drop.cells, farthest: `${columnLetters(drop.col)}${drop.row + 1}` } } : { grid };
}

const NONE: (string | null)[] = Object.freeze([]) as unknown as (string | null)[];

function setSparse(grid: (string | null)[][], r: number, col: number, v: string | null): void {
  if (v === null) return;
  let row = grid[r]!;
  if (row === NONE) grid[r] = row = [];
  while (row.length < col) row.push(null);
  row[col] = v;
}
