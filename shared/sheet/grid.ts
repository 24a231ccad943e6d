/** A block of cells as any host reads it: 0-based rows and columns from the sheet's top-left used cell. */
export interface SheetGrid {
  name: string;
  /** Values as the host reads them: formula results, not formulas. */
  values: readonly (readonly unknown[])[];
  /** Merged ranges, inclusive, 0-based. */
  merges?: readonly CellRange[];
  hiddenColumns?: readonly number[];
  hiddenRows?: readonly number[];
  /** Number formats where the host knows them ("0%", "#,##0.0"): a "%" format means 0.85 is 85%. */
  numberFormats?: readonly (readonly (string | null | undefined)[])[];
  /** Current background colours ("#RRGGBB" or null for none), for the cells the engine may highlight. */
  fills?: readonly (readonly (string | null | undefined)[])[];
  /** Current notes/comments, so the engine never replaces a user's own. */
  notes?: readonly (readonly (string | null | undefined)[])[];
  /** Where the block starts on the sheet, for A1 addresses (0 = row 1 / column A). */
  origin?: { row: number; col: number };
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellRef {
  row: number;
  col: number;
}

/** "A1"-style address of a 0-based cell, accounting for the grid's origin. */
export function a1(ref: CellRef, origin: SheetGrid["origin"] = { row: 0, col: 0 }): string {
  return columnLetters(ref.col + origin.col) + String(ref.row + origin.row + 1);
}

export function columnLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The inverse of columnLetters: "A" -> 0, "AA" -> 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** "B3:W4", "$AA$10", "'Thôn 2024'!A3:A4" -> a 0-based range (one cell for a single address). */
export function parseA1Range(a1: string): CellRange | undefined {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a1.slice(a1.lastIndexOf("!") + 1).replace(/\$/g, "").trim());
  if (!m) return undefined;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]!);
  return { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? columnIndex(m[3]) : left };
}

export function cellAt(grid: SheetGrid, row: number, col: number): unknown {
  return grid.values[row]?.[col];
}

export function gridWidth(grid: SheetGrid): number {
  let w = 0;
  for (const r of grid.values) if (r.length > w) w = r.length;
  return w;
}

/** The text a merged cell shows in every cell it covers (headers spread over two columns). */
export function mergedValue(grid: SheetGrid, row: number, col: number): unknown {
  const v = cellAt(grid, row, col);
  if (v !== null && v !== undefined && v !== "") return v;
  for (const m of grid.merges ?? []) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return cellAt(grid, m.top, m.left);
  }
  return v;
}

/** No value anywhere (blanks and spaces only): nothing to judge. */
export function isEmptyGrid(grid: SheetGrid): boolean {
  return grid.values.every((r) => r.every((v) => v === null || v === undefined || (typeof v === "string" && v.trim() === "")));
}
