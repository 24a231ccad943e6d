// The report's units × criteria matrix as data: units in the report's order, the criteria its
// columns, the units not meeting each criterion and the district's average. The sheet (reportTable)
// and the HTML page (htmlReport) both lay it out from here, so their counts are the same numbers.
import type { UnitResult, Status } from "../engine/types.js";
import { statusLabel, t } from "../i18n/format.js";
import type { Language } from "../i18n/strings.js";

/** "sheet": the source sheet's order (default); "closest": most criteria met first, ties in sheet order. */
export type ReportSort = "sheet" | "closest";
export const REPORT_SORTS: readonly ReportSort[] = ["sheet", "closest"];

/** The statuses in the legend's order: met first, then what keeps a unit from certification. */
export const LEGEND_STATUSES: readonly Status[] = ["met", "not_met", "missing", "invalid", "no_threshold"];

export interface ReportMatrix {
  /** The criteria numbers, one column each, ascending. */
  nos: number[];
  /** Some unit belongs to a commune (villages): the matrix has a commune column. */
  hasGroup: boolean;
  /** The units in the report's order. */
  units: UnitResult[];
  /** Units not meeting each criterion, in the order of `nos` (missing data is not "not met"). */
  notMet: number[];
  /** Mean criteria met per unit, at full precision (printed to one decimal). */
  averageMet: number;
  /** The order of `units`. */
  sort: ReportSort;
}

/** The units in the chosen order; "closest" is a stable sort, so equal units keep the sheet's order. */
export function orderUnits(results: readonly UnitResult[], sort: ReportSort = "sheet"): UnitResult[] {
  if (sort !== "closest") return [...results];
  return results
    .map((u, i) => ({ u, i }))
    .sort((a, b) => b.u.criteriaMet - a.u.criteriaMet || a.i - b.i)
    .map((x) => x.u);
}

export function reportMatrix(results: readonly UnitResult[], sort: ReportSort = "sheet"): ReportMatrix {
  const seen = new Set<number>();
  for (const u of results) for (const c of u.criteria) seen.add(c.no);
  const nos = [...seen].sort((a, b) => a - b);
  const column = new Map(nos.map((n, i) => [n, i]));
  const notMet = nos.map(() => 0);
  let met = 0;
  for (const u of results) {
    met += u.criteriaMet;
    for (const no of u.unmet) {
      const col = column.get(no);
      if (col !== undefined) notMet[col]!++;
    }
  }
  return {
    nos,
    hasGroup: results.some((u) => u.group !== undefined),
    units: orderUnits(results, sort),
    notMet,
    averageMet: results.length ? met / results.length : 0,
    sort,
  };
}

/** One decimal, as notices print the average (16.47 -> 16.5). */
export function roundAverage(avg: number): number {
  return Math.round(avg * 10) / 10;
}

/** The legend: its label, then each status word (each cell coloured by its status on every host). */
export function legendRow(lang: Language): string[] {
  return [t("report.legend", lang), ...LEGEND_STATUSES.map((s) => statusLabel(s, lang))];
}

/**
 * The matrix as sheet rows: the header, a row per unit (STT, commune, name, criteria met, not met,
 * missing, then a status word per criterion), the "Số đơn vị chưa đạt" row and the average.
 */
export function matrixRows(m: ReportMatrix, lang: Language, averageUnit: string): Array<Array<string | number>> {
  const L = (key: Parameters<typeof t>[0], params?: Record<string, string | number>) => t(key, lang, params);
  const lead = m.hasGroup ? 3 : 2;
  const rows: Array<Array<string | number>> = [];
  rows.push([
    L("report.h.no"),
    ...(m.hasGroup ? [L("report.h.commune")] : []),
    L("report.h.name"),
    L("report.h.criteriaMet"),
    L("report.h.notMet"),
    L("report.h.missing"),
    ...m.nos.map((n) => L("report.h.tc", { no: String(n) })),
  ]);
  m.units.forEach((u, i) => {
    const byNo = new Map(u.criteria.map((c) => [c.no, c]));
    rows.push([
      i + 1,
      ...(m.hasGroup ? [u.group ?? ""] : []),
      u.name,
      `${u.criteriaMet}/${u.criteriaTotal}`,
      u.unmet.join(", "),
      [...u.missing, ...u.invalid].sort((a, b) => a - b).join(", "),
      ...m.nos.map((n) => {
        const c = byNo.get(n);
        return c ? statusLabel(c.status, lang) : "";
      }),
    ]);
  });
  const pad = (cells: Array<string | number>) => [...Array<string>(lead - 1).fill(""), ...cells];
  rows.push([...pad([L("report.h.unitsNotMet"), "", "", ""]), ...m.notMet]);
  rows.push(pad([L("report.average"), roundAverage(m.averageMet), averageUnit]));
  return rows;
}
