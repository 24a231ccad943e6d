// The report's two charts, as data every host draws the same way: units not meeting each criterion
// (bars, criteria by name) and units by number of criteria met (columns). Their numbers are a small
// block of NTM_BaoCao itself (chartDataRows, written by every host and by the command line's copy),
// so each chart is bound to cells of the report; reportCharts finds that block in the rows written
// and says where each chart goes: right of the widest table, below the frozen header, never over it.
import type { CriteriaSet } from "../catalog/schema.js";
import type { UnitResult } from "../engine/types.js";
import { criterionName, t } from "../i18n/format.js";
import { LANGUAGES, type Language } from "../i18n/strings.js";
import { reportLayout } from "./reportLayout.js";
import { reportMatrix } from "./reportMatrix.js";

/** Cells of the report sheet, 0-based. */
export interface CellBox {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface ReportChart {
  /** "NTM_Chart_1", "NTM_Chart_2": how the Excel add-in knows its own charts from a user's. */
  name: string;
  title: string;
  type: "bar" | "column";
  /** The data: its header row (the series' name) and one row per category; categories in the first column, values in the second. */
  source: CellBox;
  /** The cells the chart covers, its top-left cell first. */
  anchor: CellBox;
}

export const CHART_PREFIX = "NTM_Chart_";
/** Cells a chart covers: about 510 × 400 px in Excel's default cells, 800 × 420 in Sheets'. */
export const CHART_CELLS = { rows: 20, cols: 8 } as const;

/**
 * The block under the report's tables: its title ("SỐ LIỆU BIỂU ĐỒ"), then per chart its title, a
 * header row and a row per category. Every criterion with the units not meeting it ("10. Thu nhập",
 * 4), and every number of criteria met from the fewest met to all, as the matrix writes it
 * ("16/19": text, never a number or a date), with its units; the HTML page's charts, as numbers.
 */
export function chartDataRows(results: readonly UnitResult[], set: CriteriaSet, noun: string, lang: Language = "vi"): Array<Array<string | number>> {
  if (!results.length) return [];
  const L = (key: Parameters<typeof t>[0], params?: Record<string, string>) => t(key, lang, params);
  const m = reportMatrix(results);
  const names = new Map(set.criteria.map((c) => [c.no, criterionName(c, lang)]));
  const rows: Array<Array<string | number>> = [[], [L("chart.data")], [L("chart.unmet", { noun })], [L("chart.h.criterion"), L("report.h.notMetCount", { noun })]];
  m.nos.forEach((no, i) => rows.push([names.has(no) ? `${no}. ${names.get(no)}` : L("report.h.tc", { no: String(no) }), m.notMet[i]!]));
  rows.push([], [L("chart.met", { noun })], [L("report.h.criteriaMet"), L("report.h.count", { noun })]);
  // Folded, not spread: a district of tens of thousands of units.
  const total = results.reduce((x, u) => Math.max(x, u.criteriaTotal), 0);
  const least = results.reduce((x, u) => Math.min(x, u.criteriaMet), total);
  const byMet = new Map<number, number>();
  for (const u of results) byMet.set(u.criteriaMet, (byMet.get(u.criteriaMet) ?? 0) + 1);
  for (let k = least; k <= total; k++) rows.push([`${k}/${total}`, byMet.get(k) ?? 0]);
  return rows;
}

const blank = (v: unknown) => v === "" || v === null || v === undefined;

/**
 * The two charts of a report table (rows as written to NTM_BaoCao): each bound to its block of
 * chartDataRows, the bars first. Both to the right of the widest table with a blank column between,
 * the first from the matrix's first unit row (under the frozen header), the second below it. None
 * when the table has no chart data; a chart whose block has no row is left out.
 */
export function reportCharts(rows: ReadonlyArray<ReadonlyArray<unknown>>, lang: Language = "vi"): ReportChart[] {
  const mark = t("chart.data", lang);
  const start = rows.findIndex((r) => r[0] === mark && r.slice(1).every(blank));
  if (start < 0) return [];
  const col = rows.reduce((w, r) => Math.max(w, r.length), 0) + 1;
  const top = reportLayout(rows, lang)?.firstUnitRow ?? 0;
  const charts: ReportChart[] = [];
  let at = start + 1;
  (["bar", "column"] as const).forEach((type, i) => {
    const header = at + 1;
    let end = header + 1;
    while (end < rows.length && !blank(rows[end]![0])) end++;
    if (end > header + 1) {
      const anchor = { row: top + i * (CHART_CELLS.rows + 1), col, ...CHART_CELLS };
      charts.push({ name: `${CHART_PREFIX}${i + 1}`, title: String(rows[at]![0]), type, source: { row: header, col: 0, rows: end - header, cols: 2 }, anchor });
    }
    at = end + 1;
  });
  return charts;
}

/** A chart title the add-ons write ("Số xã chưa đạt từng tiêu chí", in either language, any noun): how Sheets knows its own charts. */
export function isReportChartTitle(title: string): boolean {
  return LANGUAGES.some((lang) =>
    (["chart.unmet", "chart.met"] as const).some((key) => {
      const [head = "", tail = ""] = t(key, lang, { noun: "\u0000" }).split("\u0000");
      return title.length > head.length + tail.length && title.startsWith(head) && title.endsWith(tail);
    }),
  );
}
