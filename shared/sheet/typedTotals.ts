// The office's own "Tổng số tiêu chí đạt" per unit, checked against the count: flagged, never rewritten.
import type { UnitResult } from "../engine/types.js";
import { parseCell } from "../engine/parseValue.js";
import { cellAt, type CellRef, type SheetGrid } from "./grid.js";
import type { SheetMapping } from "./detect.js";
import type { SheetUnit } from "./extract.js";

export interface TotalMismatch extends CellRef {
  unit: string;
  typed: number;
  counted: number;
}

export function typedTotalMismatches(grid: SheetGrid, mapping: SheetMapping, units: readonly SheetUnit[], results: readonly UnitResult[]): TotalMismatch[] {
  if (mapping.layout !== "wide" || mapping.countCol === undefined) return [];
  const out: TotalMismatch[] = [];
  units.forEach((u, i) => {
    if (u.row === undefined) return;
    const p = parseCell(cellAt(grid, u.row, mapping.countCol!));
    if (!p.ok || p.value.type !== "number") return;
    const counted = results[i]!.criteriaMet;
    if (p.value.value !== counted) out.push({ row: u.row, col: mapping.countCol!, unit: results[i]!.name, typed: p.value.value, counted });
  });
  return out;
}
