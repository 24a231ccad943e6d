import type { CriteriaSet } from "../catalog/schema.js";
import type { CriterionResult, IndicatorResult, ResolvedThreshold, Status, UnitResult } from "../engine/types.js";
import { criterionName, formatGap, formatMessage, formatTarget, formatValue, statusLabel, t } from "../i18n/format.js";
import type { Language } from "../i18n/strings.js";
import type { SheetMapping } from "./detect.js";
import type { SheetUnit } from "./extract.js";
import { a1, gridWidth, type CellRef, type SheetGrid } from "./grid.js";
import { OWNED_PREFIX } from "./headers.js";
import type { TotalMismatch } from "./typedTotals.js";
import { message } from "../i18n/message.js";

/** Highlight colours: light red for unmet, light yellow for missing, orange for unreadable. */
export const FILLS: Partial<Record<Status, string>> = { not_met: "#F4CCCC", missing: "#FFF2CC", invalid: "#FCE5CD" };

export interface CellWrite extends CellRef {
  value: string | number | null;
}
export interface FillWrite extends CellRef {
  /** null: no fill. */
  color: string | null;
}
export interface NoteWrite extends CellRef {
  /** null: remove the note the add-in wrote. */
  text: string | null;
}

/**
 * What the add-in changed on a sheet, kept with the workbook so "Xoá đánh dấu" can put
 * every highlighted cell back exactly as it was, and a re-run knows which columns are its own.
 */
export interface HighlightRecord {
  version: 1;
  sheet: string;
  /** Cells the add-in filled, with their fill before the first highlight. */
  fills: Array<CellRef & { original: string | null }>;
  /** Cells the add-in put a note on (they had none of the user's). */
  notes: CellRef[];
  /** Columns the add-in owns on this sheet, and the rows it wrote in them. */
  ownedColumns: number[];
  ownedRows: number[];
}

export interface WritePlan {
  sheet: string;
  values: CellWrite[];
  fills: FillWrite[];
  notes: NoteWrite[];
  record: HighlightRecord;
  /** Highlighted cells left without a note by PlanOptions.maxNotes. */
  notesCapped?: number;
}

export interface PlanOptions {
  set: CriteriaSet;
  lang?: Language;
  /** The record of the previous run on this sheet, if any. */
  previous?: HighlightRecord;
  /** The office's typed totals that disagree with the count: flagged on their cell. */
  mismatches?: readonly TotalMismatch[];
  /**
   * Notes written at most (the first highlighted cells, in reading order); the fills, the [NTM]
   * columns and the report still carry every gap. A note the add-in wrote before on a cell past
   * the cap is removed, so no stale note stays.
   */
  maxNotes?: number;
  /**
   * Cells ("row:col") whose note the host has read; elsewhere a user's note may exist unseen,
   * so no note is written there (counted as capped). Absent: the grid's notes are complete.
   */
  notesKnownAt?: ReadonlySet<string>;
}

const OWNED_KEYS = {
  wide: [
    ["result", { vi: "Kết quả", en: "Result" }],
    ["unmet", { vi: "Tiêu chí chưa đạt", en: "Criteria not met" }],
    ["missing", { vi: "Thiếu số liệu", en: "Missing data" }],
  ],
  long: [["result", { vi: "Đánh giá", en: "Assessment" }]],
} as const;

/** A cell as one number (Excel has at most 16,384 columns): cheaper than "row:col" strings. */
const key = (c: CellRef) => c.row * 16384 + c.col;

/** The note on a highlighted cell: value, target and source, status and gap. */
export function indicatorNote(r: IndicatorResult, lang: Language = "vi"): string {
  const parts = [`${t("ui.indicator", lang, { code: r.code })}: ${statusLabel(r.status, lang)}`];
  const value = formatValue(r.value, lang);
  if (value) parts.push(`${t("note.value", lang)}: ${value}`);
  if (r.threshold) parts.push(targetLine(r.threshold, lang));
  if (r.gap) parts.push(formatGap(r.gap, lang));
  if (r.reason && r.status !== "met") parts.push(formatMessage(r.reason, lang));
  return parts.join("\n");
}

const targetLines = { vi: new WeakMap<ResolvedThreshold, string>(), en: new WeakMap<ResolvedThreshold, string>() };

/** "Mức yêu cầu: ≥ 45 triệu đồng/người (chưa xác nhận), bộ tiêu chí: 211/QĐ-TTg ...": one per threshold. */
function targetLine(th: ResolvedThreshold, lang: Language): string {
  let line = targetLines[lang].get(th);
  if (line === undefined) {
    const origin = t(`ui.origin.${th.origin}`, lang);
    const flag = th.confirmed ? "" : ` (${t("ui.unconfirmed", lang)})`;
    line = `${t("note.target", lang)}: ${formatTarget(th, lang)}${flag}, ${origin}${th.origin === "catalog" || th.origin === "workbook" ? ": " + th.source : ""}`;
    targetLines[lang].set(th, line);
  }
  return line;
}

function criterionNote(c: CriterionResult, set: CriteriaSet, lang: Language): string {
  const def = set.criteria.find((x) => x.no === c.no);
  const name = def ? ` (${criterionName(def, lang)})` : "";
  const own = c.selfAssessment ? `; ${t("ui.selfAssessment", lang, { value: statusLabel(c.selfAssessment, lang) })}` : "";
  return `${t("ui.criterion", lang, { no: c.no })}${name}: ${statusLabel(c.status, lang)}${own}`;
}

/**
 * The writes that show an evaluation on its sheet, for a host to apply in one batch:
 * values only in the add-in's own columns, fills and notes only on the cells that were read.
 * Applying a plan twice gives the same sheet; the record lets clearPlan undo it exactly.
 */
export function planWrites(grid: SheetGrid, mapping: SheetMapping, units: readonly SheetUnit[], results: readonly UnitResult[], options: PlanOptions): WritePlan {
  const lang = options.lang ?? "vi";
  const previous = options.previous && options.previous.sheet === grid.name ? options.previous : undefined;
  const prevFill = new Map<number, string | null>(previous?.fills.map((f) => [key(f), f.original]) ?? []);
  const prevNotes = new Set<number>(previous?.notes.map(key) ?? []);
  const values: CellWrite[] = [];
  const fills: FillWrite[] = [];
  const notes: NoteWrite[] = [];
  const record: HighlightRecord = { version: 1, sheet: grid.name, fills: [], notes: [], ownedColumns: [], ownedRows: [] };

  // Owned columns: those of an earlier run, else new ones right of the table.
  const keys = OWNED_KEYS[mapping.layout];
  let next = Math.max(gridWidth(grid), ...(previous?.ownedColumns ?? []).map((c) => c + 1));
  const ownedCol: Record<string, number> = {};
  for (const [k, label] of keys) {
    const existing = mapping.ownedCols[label.vi] ?? mapping.ownedCols[label.en];
    ownedCol[k] = existing ?? next++;
    record.ownedColumns.push(ownedCol[k]!);
  }
  const headerRow = mapping.headerRows.bottom;
  const ownedRows = new Set<number>([headerRow]);
  const write = (row: number, col: number, value: string | number | null) => {
    values.push({ row, col, value });
    ownedRows.add(row);
  };
  for (const [k, label] of keys) write(headerRow, ownedCol[k]!, `${OWNED_PREFIX} ${label[lang]}`);

  const highlighted = new Set<number>();
  const maxNotes = options.maxNotes ?? Infinity;
  let notesCapped = 0;
  const highlight = (cell: CellRef, status: Status, note: () => string) => {
    const color = FILLS[status];
    if (!color) return;
    const k = key(cell);
    const { row, col } = cell;
    highlighted.add(k);
    const original = prevFill.has(k) ? prevFill.get(k)! : (grid.fills?.[row]?.[col] ?? null);
    fills.push({ row, col, color });
    record.fills.push({ row, col, original });
    const userNote = grid.notes?.[row]?.[col];
    const hasUserNote = userNote !== null && userNote !== undefined && userNote !== "" && !prevNotes.has(k);
    if (hasUserNote) return;
    if (record.notes.length < maxNotes && (!options.notesKnownAt || options.notesKnownAt.has(`${row}:${col}`))) {
      notes.push({ row, col, text: note() });
      record.notes.push({ row, col });
    } else {
      notesCapped++;
      if (prevNotes.has(k)) notes.push({ row, col, text: null });
    }
  };

  units.forEach((unit, i) => {
    const result = results[i]!;
    for (const c of result.criteria) {
      for (const r of c.indicators) {
        const cell = unit.valueCells[r.code];
        if (cell && r.status !== "met" && r.status !== "no_threshold") highlight(cell, r.status, () => indicatorNote(r, lang));
      }
      const cc = unit.criterionCells[c.no];
      const status = cc && criterionCellStatus(c, mapping.layout, isBlankCell(grid.values[cc.row]?.[cc.col]));
      if (cc && status) highlight(cc, status, () => criterionNote(c, options.set, lang));
    }
    if (mapping.layout === "wide" && unit.row !== undefined) {
      write(unit.row, ownedCol.result!, `${result.criteriaMet}/${result.criteriaTotal}`);
      write(unit.row, ownedCol.unmet!, result.unmet.join(", "));
      write(unit.row, ownedCol.missing!, [...result.missing, ...result.invalid].sort((a, b) => a - b).join(", "));
    }
  });

  for (const m of options.mismatches ?? []) {
    highlight(m, "not_met", () => formatMessage(message("sheet.totalMismatch", { cell: a1(m, grid.origin), unit: m.unit, typed: m.typed, counted: m.counted }), lang));
  }

  if (mapping.layout === "long") {
    const result = results[0];
    const unit = units[0];
    if (result && unit) {
      const byCode = new Map(result.criteria.flatMap((c) => c.indicators.map((r) => [r.code, r] as const)));
      const byNo = new Map(result.criteria.map((c) => [String(c.no), c] as const));
      for (const row of mapping.rows) {
        const r = byCode.get(row.code);
        const c = byNo.get(row.code);
        if (r && !row.criterionRow) write(row.row, ownedCol.result!, [statusLabel(r.status, lang), formatGap(r.gap, lang)].filter(Boolean).join(": "));
        else if (c) write(row.row, ownedCol.result!, statusLabel(c.status, lang));
      }
      const last = Math.max(headerRow, ...mapping.rows.map((r) => r.row)) + 1;
      const summary = [t("ui.criteriaMet", lang, { met: result.criteriaMet, total: result.criteriaTotal })];
      if (result.unmet.length) summary.push(t("ui.unmetList", lang, { list: result.unmet.join(", ") }));
      if (result.missing.length) summary.push(t("ui.missingList", lang, { list: result.missing.join(", ") }));
      write(last, ownedCol.result!, summary.join("; "));
    }
  }

  // Cells highlighted last time but fine now go back to how they were.
  for (const f of previous?.fills ?? []) {
    const k = key(f);
    if (highlighted.has(k)) continue;
    fills.push({ row: f.row, col: f.col, color: f.original });
    if (prevNotes.has(k)) notes.push({ row: f.row, col: f.col, text: null });
  }
  // Rows of the owned columns written last time and not now are emptied.
  for (const row of previous?.ownedRows ?? []) {
    if (ownedRows.has(row)) continue;
    for (const col of record.ownedColumns) values.push({ row, col, value: null });
  }
  record.ownedRows = [...ownedRows].sort((a, b) => a - b);
  return { sheet: grid.name, values, fills, notes, record, notesCapped };
}

function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * The colour of a criterion's own cell ("Đạt / Chưa đạt"): red where the sheet's mark disagrees
 * with the figures, and on a district sheet wherever the criterion is not met (every "Chưa đạt"
 * of a column looks alike); orange for an unreadable mark; yellow for a blank one.
 */
function criterionCellStatus(c: CriterionResult, layout: SheetMapping["layout"], blank: boolean): Status | undefined {
  if (c.disagreesWithSelfAssessment) return "not_met";
  if (c.status === "not_met" && (layout === "wide" || c.origin === "self_assessment")) return "not_met";
  if (c.status === "invalid" && c.origin === "self_assessment") return "invalid";
  if (c.status === "missing" && blank) return "missing";
  return undefined;
}

/** Undoes a run: every fill back to the original, the add-in's notes and columns removed. */
export function clearPlan(record: HighlightRecord): WritePlan {
  return {
    sheet: record.sheet,
    values: record.ownedRows.flatMap((row) => record.ownedColumns.map((col) => ({ row, col, value: null }))),
    fills: record.fills.map((f) => ({ row: f.row, col: f.col, color: f.original })),
    notes: record.notes.map((n) => ({ row: n.row, col: n.col, text: null })),
    record: { version: 1, sheet: record.sheet, fills: [], notes: [], ownedColumns: [], ownedRows: [] },
  };
}
