import type { RegionId } from "../catalog/regions.js";
import type { UnitInput } from "../engine/evaluate.js";
import type { ParseHints } from "../engine/parseValue.js";
import { cellAt, mergedValue, type CellRef, type SheetGrid } from "./grid.js";
import type { LongMapping, SheetMapping, WideMapping } from "./detect.js";

/** A unit read from a sheet, with the cells its values came from (for highlights and notes). */
export interface SheetUnit {
  input: UnitInput;
  /** Indicator code -> the cell holding its value. */
  valueCells: Record<string, CellRef>;
  /** Criterion number -> the cell holding its self-assessment. */
  criterionCells: Record<number, CellRef>;
  /** Wide layout: the unit's row. */
  row?: number;
}

function hintFor(grid: SheetGrid, row: number, col: number): ParseHints | undefined {
  const fmt = grid.numberFormats?.[row]?.[col];
  if (fmt === undefined || fmt === null) return undefined;
  return { percentScale: fmt.includes("%") ? "fraction" : "points" };
}

function blank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

export function extractUnits(grid: SheetGrid, mapping: SheetMapping, region?: RegionId): SheetUnit[] {
  return mapping.layout === "wide" ? extractWide(grid, mapping) : [extractLong(grid, mapping, region)];
}

function extractWide(grid: SheetGrid, m: WideMapping): SheetUnit[] {
  return m.dataRows.map(({ row, group }) => {
    const values: Record<string, unknown> = {};
    const valueCells: Record<string, CellRef> = {};
    const parseHints: Record<string, ParseHints> = {};
    for (const c of m.indicatorCols) {
      values[c.code] = cellAt(grid, row, c.col);
      valueCells[c.code] = { row, col: c.col };
      const h = hintFor(grid, row, c.col);
      if (h) parseHints[c.code] = h;
    }
    const criterionAssessments: Record<number, unknown> = {};
    const criterionCells: Record<number, CellRef> = {};
    for (const c of m.criterionCols) {
      const v = cellAt(grid, row, c.col);
      // In a block of ticks, no tick is a "no".
      criterionAssessments[c.no] = m.blankCriterion === "not_met" && blank(v) ? false : v;
      criterionCells[c.no] = { row, col: c.col };
    }
    // NFC: names typed on another system (NFD) must match and print like the rest.
    const input: UnitInput = { name: String(mergedValue(grid, row, m.nameCol) ?? "").normalize("NFC").replace(/\s+/g, " ").trim(), values, criterionAssessments, parseHints };
    if (group) input.group = group.normalize("NFC");
    return { input, valueCells, criterionCells, row };
  });
}

function extractLong(grid: SheetGrid, m: LongMapping, region?: RegionId): SheetUnit {
  const values: Record<string, unknown> = {};
  const targets: Record<string, unknown> = {};
  const valueCells: Record<string, CellRef> = {};
  const criterionAssessments: Record<number, unknown> = {};
  const criterionCells: Record<number, CellRef> = {};
  const parseHints: Record<string, ParseHints> = {};
  // The region's own target column first, then the general one, then any that has a value.
  const targetOrder = [
    ...m.targetCols.filter((t) => region !== undefined && t.region === region),
    ...m.targetCols.filter((t) => t.region === undefined),
    ...m.targetCols.filter((t) => t.region !== undefined && t.region !== region),
  ];
  for (const r of m.rows) {
    const value = cellAt(grid, r.row, m.valueCol);
    const assessment = m.assessmentCol === undefined ? undefined : cellAt(grid, r.row, m.assessmentCol);
    if (r.criterionRow) {
      const no = Number(r.code);
      if (!blank(assessment)) {
        criterionAssessments[no] = assessment;
        criterionCells[no] = { row: r.row, col: m.assessmentCol! };
      } else if (!blank(value)) {
        criterionAssessments[no] = value;
        criterionCells[no] = { row: r.row, col: m.valueCol };
      }
      continue;
    }
    // On a criterion's single-indicator row ("10"), the assessment column judges the criterion.
    if (!r.code.includes(".") && !blank(assessment) && !blank(value)) {
      criterionAssessments[Number(r.code)] = assessment;
      criterionCells[Number(r.code)] = { row: r.row, col: m.assessmentCol! };
    }
    // A form whose result cell is empty but whose own assessment says "Đạt" still counts.
    const useAssessment = blank(value) && !blank(assessment);
    values[r.code] = useAssessment ? assessment : value;
    valueCells[r.code] = { row: r.row, col: useAssessment ? m.assessmentCol! : m.valueCol };
    const h = hintFor(grid, r.row, m.valueCol);
    if (h) parseHints[r.code] = h;
    for (const t of targetOrder) {
      const v = cellAt(grid, r.row, t.col);
      if (!blank(v)) {
        targets[r.code] = v;
        break;
      }
    }
  }
  return { input: { name: m.unitName.normalize("NFC"), values, targets, criterionAssessments, parseHints }, valueCells, criterionCells };
}
