// Fixture grids (tests/fixtures/grids.ts) as fake Excel sheets.
import type { SheetGrid } from "../../../shared/index.js";
import { boxAddress, type FakeSheetData } from "./fakeExcel.js";

export function sheetFromGrid(grid: SheetGrid, extra: Partial<FakeSheetData> = {}): FakeSheetData {
  const at = grid.origin ?? { row: 0, col: 0 };
  return {
    name: grid.name,
    at,
    values: grid.values.map((r) => [...r]),
    numberFormats: grid.numberFormats?.map((r) => [...r]),
    merges: (grid.merges ?? []).map((m) => boxAddress({ row: m.top + at.row, col: m.left + at.col, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 })),
    hiddenColumns: (grid.hiddenColumns ?? []).map((c) => c + at.col),
    ...extra,
  };
}

/** A district sheet of `rows` villages × `cols` criterion/indicator columns, for size tests and the benchmark. */
export function bigSheet(rows: number, cols = 60): FakeSheetData {
  const crit = Array.from({ length: 19 }, (_, i) => i + 1);
  const extraCols = Math.max(0, cols - 3 - crit.length);
  const header = ["STT", "Xã", "Thôn", ...crit.map((n) => `Tiêu chí ${n}`), ...Array.from({ length: extraCols }, (_, i) => `Ghi chú ${i + 1}`)];
  const values: unknown[][] = [header];
  for (let r = 0; r < rows; r++) {
    values.push([
      r + 1,
      `Xã ${Math.floor(r / 10) + 1}`,
      `Thôn ${r + 1}`,
      ...crit.map((n) => ((r + n) % 7 === 0 ? "Chưa đạt" : (r + n) % 11 === 0 ? "" : "Đạt")),
      ...Array.from({ length: extraCols }, (_, i) => (i % 3 === 0 ? `ghi chú ${r}` : "")),
    ]);
  }
  return { name: "Tổng hợp", values };
}
