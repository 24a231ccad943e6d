import { isRegionId, REGION_NAMES } from "../catalog/regions.js";
import type { CriteriaSet } from "../catalog/schema.js";
import type { UnitResult } from "../engine/types.js";
import { summariseUnits, type UnitRef, type UnitsSummary } from "../engine/summary.js";
import { criterionName, formatNumber, inLanguage, t } from "../i18n/format.js";
import type { Language } from "../i18n/strings.js";
import { chartDataRows } from "./reportCharts.js";
import { legendRow, matrixRows, reportMatrix, roundAverage, type ReportSort } from "./reportMatrix.js";

/** The report sheet the add-in owns. */
export const REPORT_SHEET = "NTM_BaoCao";

export interface ReportContext {
  set: CriteriaSet;
  region?: string;
  year?: number;
  lang?: Language;
  /** Title line, e.g. the file or sheet evaluated. */
  source?: string;
  /** What the reader of the report must know: how blanks were read, checks that could not run, disputed totals. */
  notes?: readonly string[];
  /** The matrix's order: the source sheet's (default) or most criteria met first. */
  sort?: ReportSort;
}

/** Excel holds at most 32,767 characters in a cell; Sheets 50,000. */
export const MAX_CELL_TEXT = 32_767;

/** A cell's text cut to what every host holds, saying where the rest is. */
export function fitCell(text: string, lang: Language = "vi"): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  const more = t("report.more", lang);
  return text.slice(0, MAX_CELL_TEXT - more.length) + more;
}

/** "Trung du và miền núi phía Bắc" for "tdmnpb": people read names, not ids. */
function regionLabel(region: string, lang: Language): string {
  return isRegionId(region) ? REGION_NAMES[region][lang] : region;
}

/** "thôn", "bản" or "xã", as notices count units: the set's own word, else its level's. */
export function unitNoun(set: CriteriaSet, lang: Language = "vi"): string {
  return set.unitNoun?.[lang] ?? t(set.level === "xa" ? "noun.xa" : "noun.thon", lang);
}

/** Counts as notices write them: "08 thôn", "21 thôn"; in English "1 village", "21 villages". */
const COUNT_STYLE: Record<Language, (n: number, noun: string) => string> = {
  vi: (n, noun) => `${String(n).padStart(2, "0")} ${noun}`,
  en: (n, noun) => `${n} ${n === 1 ? noun.replace(/ies$/, "y").replace(/s$/, "") : noun}`,
};

export function countWithNoun(n: number, noun: string, lang: Language = "vi"): string {
  return COUNT_STYLE[lang](n, noun);
}

/** "Bản Vén, Bản Đán xã Đôn Phong; Đông Bun xã Vũ Muộn": units listed by commune, in sheet order. */
export function listUnitsByGroup(units: readonly UnitRef[], lang: Language = "vi"): string {
  const groups: Array<{ group?: string; names: string[] }> = [];
  // By commune in a Map: a district of thousands of communes is listed in linear time.
  const byGroup = new Map<string, { group?: string; names: string[] }>();
  for (const u of units) {
    if (u.group !== undefined) {
      let g = byGroup.get(u.group);
      if (!g) {
        g = { group: u.group, names: [] };
        byGroup.set(u.group, g);
        groups.push(g);
      }
      g.names.push(u.name);
      continue;
    }
    const last = groups[groups.length - 1];
    if (last && last.group === undefined) last.names.push(u.name);
    else groups.push({ names: [u.name] });
  }
  return groups.map((g) => (g.group ? t("report.inCommune", lang, { names: g.names.join(", "), group: g.group }) : g.names.join(", "))).join("; ");
}

/** The district notice's paragraph, counted from the sheet instead of by hand. */
export function reportProse(results: readonly UnitResult[], ctx: ReportContext): string {
  const lang = ctx.lang ?? "vi";
  const s = summariseUnits(results);
  const noun = unitNoun(ctx.set, lang);
  const count = (n: number) => countWithNoun(n, noun, lang);
  const title = inLanguage({ vi: ctx.set.title, en: ctx.set.titleEn }, lang);
  const lines: string[] = [t("prose.total", lang, { count: count(s.unitCount), title, year: ctx.year ? t("prose.year", lang, { year: String(ctx.year) }) : "" })];
  for (const [k, units] of countsDescending(s)) {
    const label = t(Number(k) === s.criteriaTotal ? "prose.metAll" : "prose.met", lang, { met: k, total: String(s.criteriaTotal) });
    lines.push(t("prose.countLine", lang, { noun, label, count: count(units.length), list: listUnitsByGroup(units, lang) }));
  }
  lines.push(t("prose.average", lang, { avg: formatNumber(s.averageMet, lang, 1), noun }));
  const failing = criteriaAscending(s);
  if (failing.length) {
    lines.push(t("prose.failingHeader", lang));
    for (const [no, units] of failing) lines.push(t("prose.failingLine", lang, { no, name: nameOf(ctx.set, no, lang), count: count(units.length), list: listUnitsByGroup(units, lang) }));
  }
  if (s.unitsWithMissing.length) lines.push(t("prose.missingLine", lang, { count: count(s.unitsWithMissing.length), list: listUnitsByGroup(s.unitsWithMissing, lang) }));
  return lines.join("\n");
}

function countsDescending(s: UnitsSummary): Array<[string, UnitRef[]]> {
  return Object.entries(s.unitsByCountMet).sort((a, b) => Number(b[0]) - Number(a[0]));
}

function criteriaAscending(s: UnitsSummary): Array<[string, UnitRef[]]> {
  return Object.entries(s.unitsByUnmetCriterion).sort((a, b) => Number(a[0]) - Number(b[0]));
}

function nameOf(set: CriteriaSet, no: string | number, lang: Language): string {
  const c = set.criteria.find((x) => x.no === Number(no));
  return c ? criterionName(c, lang) : t("ui.criterion", lang, { no: String(no) });
}

/**
 * The report as rows for the NTM_BaoCao sheet: the title, the legend and the units × criteria
 * matrix (with "Số đơn vị chưa đạt" per criterion and the average under it) at the top, where a
 * frozen pane keeps its header in view; then the notice's paragraph as one block a notice can
 * paste; then counts by criteria met and units per failing criterion; then the two charts' numbers
 * (chartDataRows: every host binds its charts to them); then the notes.
 */
export function reportTable(results: readonly UnitResult[], ctx: ReportContext): Array<Array<string | number>> {
  const lang = ctx.lang ?? "vi";
  const L = (key: Parameters<typeof t>[0], params?: Record<string, string | number>) => t(key, lang, params);
  const s = summariseUnits(results);
  const noun = unitNoun(ctx.set, lang);
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  const rows: Array<Array<string | number>> = [];
  rows.push([L("report.title")]);
  rows.push([reportSubtitle(ctx)]);
  rows.push([]);
  rows.push(legendRow(lang));
  for (const r of matrixRows(reportMatrix(results, ctx.sort), lang, L("report.averageUnit", { noun }))) rows.push(r);
  rows.push([]);
  for (const line of reportProse(results, ctx).split("\n")) rows.push([line]);
  rows.push([]);
  rows.push([L("report.h.countMet"), L("report.h.count", { noun }), L("report.h.names", { noun })]);
  for (const [k, units] of countsDescending(s)) rows.push([Number(k), units.length, listUnitsByGroup(units, lang)]);
  rows.push([L("report.average"), roundAverage(s.averageMet), L("report.averageUnit", { noun })]);
  rows.push([]);
  rows.push([L("report.h.criterion"), L("report.h.criterionName"), L("report.h.notMetCount", { noun }), L("report.h.notMetUnits", { Noun })]);
  for (const [no, units] of criteriaAscending(s)) rows.push([Number(no), nameOf(ctx.set, no, lang), units.length, listUnitsByGroup(units, lang)]);
  for (const r of chartDataRows(results, ctx.set, noun, lang)) rows.push(r);
  if (ctx.notes?.length) {
    rows.push([]);
    rows.push([L("report.notes")]);
    for (const n of ctx.notes) rows.push([`- ${n}`]);
  }
  return rows.map((r) => r.map((c) => (typeof c === "string" ? fitCell(c, lang) : c)));
}

/** The line under the title: the set, the region, the year, what was evaluated, the order. */
export function reportSubtitle(ctx: ReportContext): string {
  const lang = ctx.lang ?? "vi";
  const region = ctx.region ? `; ${t("report.region", lang, { region: regionLabel(ctx.region, lang) })}` : "";
  const year = ctx.year ? `; ${t("report.year", lang, { year: String(ctx.year) })}` : "";
  const sorted = ctx.sort === "closest" ? `; ${t("report.sortedClosest", lang)}` : "";
  return `${ctx.set.title} (${ctx.set.id})${region}${year}${ctx.source ? `; ${ctx.source}` : ""}${sorted}`;
}

/** The printed page's title: what was evaluated (the district's or commune's file), the set, the year. */
export function reportPrintTitle(ctx: ReportContext): string {
  const lang = ctx.lang ?? "vi";
  const title = inLanguage({ vi: ctx.set.title, en: ctx.set.titleEn }, lang);
  return [ctx.source, title, ctx.year ? t("report.year", lang, { year: String(ctx.year) }) : undefined].filter((x) => x).join(" – ");
}
