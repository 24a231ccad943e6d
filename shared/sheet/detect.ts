// Which layout a sheet is in and what each column and row holds.
import type { RegionId } from "../catalog/regions.js";
import type { CriteriaSet } from "../catalog/schema.js";
import { message, type Message } from "../i18n/message.js";
import { gridWidth, type SheetGrid } from "./grid.js";
import { findHeaderBlock, headerParts, numberedCriterionColumns, titleText } from "./headerBlock.js";
import { classifyHeader, type HeaderRole } from "./headers.js";
import { mapLong } from "./long.js";
import { mapWide } from "./wide.js";

export { headerText, titleText } from "./headerBlock.js";
export { unitNameFromTitle } from "./long.js";
export { looksLikeAssessments } from "./wide.js";

/** Communes or villages: the level a sheet's units are at. */
export type UnitLevel = "xa" | "thon";
export type ColumnRole = HeaderRole;

export interface MappedColumn {
  col: number;
  header: string;
  by: "code" | "name" | "content" | "user";
}

export interface WideMapping {
  layout: "wide";
  sheet: string;
  headerRows: { top: number; bottom: number };
  nameCol: number;
  groupCol?: number;
  sttCol?: number;
  /** The office's own "Tổng số tiêu chí đạt" per unit, checked against the count. */
  countCol?: number;
  level: UnitLevel;
  /** In a block of tick marks ("x", "✓"), a blank criterion cell means not met; elsewhere it is missing data. */
  blankCriterion: "not_met" | "missing";
  /** Rows holding a unit, with the commune they belong to. */
  dataRows: Array<{ row: number; group?: string }>;
  indicatorCols: Array<MappedColumn & { code: string }>;
  criterionCols: Array<MappedColumn & { no: number }>;
  /** Columns the add-in wrote on an earlier run ("[NTM] ..."), by key. */
  ownedCols: Record<string, number>;
  ambiguous: Array<{ col: number; header: string; candidates: string[] }>;
  unmapped: Array<{ col: number; header: string }>;
}

export interface LongRow {
  row: number;
  code: string;
  /** A criterion heading ("17") rather than one of its indicators ("17.1"). */
  criterionRow: boolean;
}

export interface LongMapping {
  layout: "long";
  sheet: string;
  unitName: string;
  headerRows: { top: number; bottom: number };
  codeCol: number;
  contentCol?: number;
  valueCol: number;
  targetCols: Array<{ col: number; region?: RegionId; header: string }>;
  assessmentCol?: number;
  ownedCols: Record<string, number>;
  rows: LongRow[];
}

export type SheetMapping = WideMapping | LongMapping;

export type DetectResult = { ok: true; mapping: SheetMapping; warnings: Message[]; title: string } | { ok: false; reason: Message };

export interface DetectOptions {
  override?: MappingOverride;
  /** The user's reading of blank cells in a block of tick marks. */
  blankCriterion?: "not_met" | "missing";
}

/** A user's confirmation of what a column holds, saved with the workbook: by 0-based column. */
export type MappingOverride = Record<number, { indicator: string } | { criterion: number } | "ignore">;


/**
 * Finds which layout a sheet is in and what each column and row holds. Never throws;
 * says why when it cannot tell.
 */
export function detectLayout(grid: SheetGrid, set: CriteriaSet, options: DetectOptions | MappingOverride = {}): DetectResult {
  const opts: DetectOptions = "override" in options || "blankCriterion" in options ? (options as DetectOptions) : { override: options as MappingOverride };
  const override = opts.override ?? {};
  if (grid.values.every((r) => r.every((v) => v === null || v === undefined || String(v).trim() === ""))) {
    return { ok: false, reason: message("sheet.empty", { sheet: grid.name }) };
  }
  const block = findHeaderBlock(grid, set);
  if (!block) return { ok: false, reason: message("sheet.noLayout", { sheet: grid.name }) };
  const width = gridWidth(grid);
  const hidden = new Set(grid.hiddenColumns ?? []);
  const numbered = numberedCriterionColumns(grid, block, width);
  const columns: Array<{ col: number; header: string; role: ColumnRole }> = [];
  for (let c = 0; c < width; c++) {
    const parts = headerParts(grid, block, c);
    const header = parts.join(" / ");
    const no = numbered.get(c);
    const role: ColumnRole = hidden.has(c) ? { role: "unknown" } : no !== undefined ? { role: "criterionOrIndicator", no, code: String(no) } : classifyParts(parts, set);
    columns.push({ col: c, header, role });
  }
  const ownedCols: Record<string, number> = {};
  for (const c of columns) if (c.role.role === "owned") ownedCols[c.role.key] = c.col;
  const title = titleText(grid, block.top);

  // A user's column mapping decides the layout: it describes a wide table.
  const userMapped = Object.values(override).some((o) => o !== "ignore");
  const has = (role: ColumnRole["role"]) => columns.some((c) => c.role.role === role);
  if (!userMapped && numbered.size === 0 && has("value") && (has("stt") || has("content"))) {
    const long = mapLong(grid, set, block, columns, ownedCols);
    if (long && long.rows.length >= 1) return { ok: true, mapping: long, warnings: [], title };
  }
  const wide = mapWide({ grid, set, block, columns, ownedCols, override, blankCriterion: opts.blankCriterion });
  return wide.ok ? { ...wide, title } : wide;
}

/**
 * A header over several rows: a child naming a criterion or indicator by its code ("Tiêu chí 19"
 * under "Tự đánh giá") says what the column is; otherwise the joined text ("Chỉ tiêu / Vùng
 * TDMNPB"), then the lowest part, then the top one.
 */
function classifyParts(parts: string[], set: CriteriaSet): ColumnRole {
  if (parts.length < 2) return classifyHeader(parts[0] ?? "", set);
  const child = classifyHeader(parts[parts.length - 1]!, set);
  if ((child.role === "indicator" || child.role === "criterion") && child.by === "code") return child;
  const joined = classifyHeader(parts.join(" / "), set);
  if (joined.role !== "unknown") return joined;
  return child.role !== "unknown" ? child : classifyHeader(parts[0]!, set);
}
