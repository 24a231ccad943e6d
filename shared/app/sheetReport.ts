// The report sheet of one evaluated sheet, built the same way on every host: the units' table,
// and its notes (why this set judged the sheet, each notice, each disputed typed total).
import { formatMessage } from "../i18n/format.js";
import { message } from "../i18n/message.js";
import type { Language } from "../i18n/strings.js";
import { reportTable } from "../report/districtReport.js";
import type { RegionId } from "../catalog/regions.js";
import { a1 } from "../sheet/grid.js";
import type { SheetRun } from "./evaluateSheetUseCase.js";

export interface SheetReportContext {
  region?: RegionId | undefined;
  year?: number | undefined;
  lang: Language;
  /** What was evaluated, as the report names it (the sheet's name). */
  source: string;
  /** Where the grid starts on the sheet (a host reading the used range only), for cell names. */
  origin?: { row: number; col: number } | undefined;
}

/** The notes a report on this run carries, in the user's language. */
export function sheetReportNotes(run: Extract<SheetRun, { ok: true }>, lang: Language, origin?: { row: number; col: number }): string[] {
  const why = run.choice.origin === "inferred" || run.choice.origin === "workbook" ? [run.choice.why] : [];
  const totals = run.totalMismatches.map((m) => message("sheet.totalMismatch", { cell: a1(m, origin), unit: m.unit, typed: m.typed, counted: m.counted }));
  return [...why, ...run.notices, ...totals].map((m) => formatMessage(m, lang));
}

export function sheetReportRows(run: Extract<SheetRun, { ok: true }>, ctx: SheetReportContext): Array<Array<string | number>> {
  return reportTable(run.results, { set: run.choice.set, region: ctx.region, year: ctx.year, lang: ctx.lang, source: ctx.source, notes: sheetReportNotes(run, ctx.lang, ctx.origin) });
}
