import { isRegionId, REGION_NAMES } from "../catalog/regions.js";
import type { CriteriaSet } from "../catalog/schema.js";
import type { UnitResult } from "../engine/types.js";
import { summariseUnits, type UnitRef, type UnitsSummary } from "../engine/summary.js";
import { criterionName, formatNumber, inLanguage, statusLabel, t } from "../i18n/format.js";
import type { Language } from "../i18n/strings.js";

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
 * The report as rows for the NTM_BaoCao sheet: counts by criteria met, units per failing
 * criterion, and the units × criteria matrix, then the prose a notice can paste.
 */
export function reportTable(results: readonly UnitResult[], ctx: ReportContext): Array<Array<string | number>> {
  const lang = ctx.lang ?? "vi";
  const L = (key: Parameters<typeof t>[0], params?: Record<string, string | number>) => t(key, lang, params);
  const s = summariseUnits(results);
  const noun = unitNoun(ctx.set, lang);
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  const nos = [...new Set(results.flatMap((u) => u.criteria.map((c) => c.no)))].sort((a, b) => a - b);
  const rows: Array<Array<string | number>> = [];
  rows.push([L("report.title")]);
  const region = ctx.region ? `; ${L("report.region", { region: regionLabel(ctx.region, lang) })}` : "";
  const year = ctx.year ? `; ${L("report.year", { year: String(ctx.year) })}` : "";
  rows.push([`${ctx.set.title} (${ctx.set.id})${region}${year}${ctx.source ? `; ${ctx.source}` : ""}`]);
  rows.push([]);
  rows.push([L("report.h.countMet"), L("report.h.count", { noun }), L("report.h.names", { noun })]);
  for (const [k, units] of countsDescending(s)) rows.push([Number(k), units.length, listUnitsByGroup(units, lang)]);
  rows.push([L("report.average"), Math.round(s.averageMet * 10) / 10, L("report.averageUnit", { noun })]);
  rows.push([]);
  rows.push([L("report.h.criterion"), L("report.h.criterionName"), L("report.h.notMetCount", { noun }), L("report.h.notMetUnits", { Noun })]);
  for (const [no, units] of criteriaAscending(s)) rows.push([Number(no), nameOf(ctx.set, no, lang), units.length, listUnitsByGroup(units, lang)]);
  rows.push([]);
  const hasGroup = results.some((u) => u.group !== undefined);
  rows.push([
    L("report.h.no"),
    ...(hasGroup ? [L("report.h.commune")] : []),
    L("report.h.name"),
    L("report.h.criteriaMet"),
    L("report.h.notMet"),
    L("report.h.missing"),
    ...nos.map((n) => L("report.h.tc", { no: String(n) })),
  ]);
  results.forEach((u, i) => {
    const byNo = new Map(u.criteria.map((c) => [c.no, c]));
    rows.push([
      i + 1,
      ...(hasGroup ? [u.group ?? ""] : []),
      u.name,
      `${u.criteriaMet}/${u.criteriaTotal}`,
      u.unmet.join(", "),
      [...u.missing, ...u.invalid].sort((a, b) => a - b).join(", "),
      ...nos.map((n) => {
        const c = byNo.get(n);
        return c ? statusLabel(c.status, lang) : "";
      }),
    ]);
  });
  rows.push([]);
  for (const line of reportProse(results, ctx).split("\n")) rows.push([line]);
  if (ctx.notes?.length) {
    rows.push([]);
    rows.push([L("report.notes")]);
    for (const n of ctx.notes) rows.push([`- ${n}`]);
  }
  return rows.map((r) => r.map((c) => (typeof c === "string" ? fitCell(c, lang) : c)));
}
