// The report sheet of one evaluated sheet, built the same way on every host: the units' table,
// the road to certification below it (what each unit has left, who is close, the district's
// target), the district roll-up where the units are communes, then its notes (why this set judged
// the sheet, each notice, each disputed typed total).
import { formatMessage } from "../i18n/format.js";
import { message } from "../i18n/message.js";
import type { Language } from "../i18n/strings.js";
import type { RegionId } from "../catalog/regions.js";
import { a1 } from "../sheet/grid.js";
import type { RoadTarget } from "./certificationRoad.js";
import type { SheetRun } from "./evaluateSheetUseCase.js";
import { reportWithRoad } from "./roadReport.js";

export interface SheetReportContext {
  region?: RegionId | undefined;
  year?: number | undefined;
  lang: Language;
  /** What was evaluated, as the report names it (the sheet's name). */
  source: string;
  /** Where the grid starts on the sheet (a host reading the used range only), for cell names. */
  origin?: { row: number; col: number } | undefined;
  /** The district's target ("12 communes by 2025"), checked against the units meeting the standard now. */
  target?: RoadTarget | undefined;
  /** Rows after the road block, before the notes (the district roll-up). */
  block?: Array<Array<string | number>> | undefined;
}

/** The notes a report on this run carries, in the user's language. */
export function sheetReportNotes(run: Extract<SheetRun, { ok: true }>, lang: Language, origin?: { row: number; col: number }): string[] {
  const why = run.choice.origin === "inferred" || run.choice.origin === "workbook" ? [run.choice.why] : [];
  const totals = run.totalMismatches.map((m) => message("sheet.totalMismatch", { cell: a1(m, origin), unit: m.unit, typed: m.typed, counted: m.counted }));
  return [...why, ...run.notices, ...totals].map((m) => formatMessage(m, lang));
}

/** The report's rows: the district report as it always was, the road block below it, then the notes. */
export function sheetReportRows(run: Extract<SheetRun, { ok: true }>, ctx: SheetReportContext): Array<Array<string | number>> {
  const notes = sheetReportNotes(run, ctx.lang, ctx.origin);
  const rows = reportWithRoad(run.results, { set: run.choice.set, region: ctx.region, year: ctx.year, lang: ctx.lang, source: ctx.source, notes, target: ctx.target });
  return ctx.block?.length ? insertBeforeNotes(rows, ctx.block, notes.length) : rows;
}

/** A block of rows put in a report just above its notes (a blank row, "Lưu ý", a line per note: the last `notes` + 2 rows). */
export function insertBeforeNotes<T>(rows: T[], block: readonly T[], notes: number): T[] {
  const at = notes > 0 ? rows.length - notes - 2 : rows.length;
  return [...rows.slice(0, at), ...block, ...rows.slice(at)];
}
