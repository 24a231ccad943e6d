// The road to certification in words, as notices write them ("Có thể về đích năm 2025 (thiếu ≤ 2
// tiêu chí): 03 xã (...)", "Mục tiêu: 12/12 xã đạt chuẩn năm 2025; hiện đạt 7/12, còn 5 xã"), and
// as the block of rows every host appends to its report sheet; the income growth likewise.
import { isRegionId, REGION_NAMES } from "../catalog/regions.js";
import type { CriteriaSet } from "../catalog/schema.js";
import type { UnitResult } from "../engine/types.js";
import { formatMessage, formatNumber, formatTarget, t } from "../i18n/format.js";
import type { Language } from "../i18n/strings.js";
import { countWithNoun, fitCell, listUnitsByGroup, reportTable, unitNoun, type ReportContext } from "../report/districtReport.js";
import { certificationRoad, type CertificationRoad, type Distance, type RoadTarget, type TargetCheck, type UnitRoad } from "./certificationRoad.js";
import type { IncomeGrowth, UnitGrowth } from "./incomeGrowth.js";

export interface RoadContext {
  set: CriteriaSet;
  lang?: Language | undefined;
}

const ref = (u: UnitRoad) => (u.group === undefined ? { name: u.name } : { name: u.name, group: u.group });

function label(u: { name: string; group?: string | undefined }, lang: Language): string {
  return u.group ? t("report.inCommune", lang, { names: u.name, group: u.group }) : u.name;
}

/** "41,2", "14,5%": a figure in its indicator's unit, the unit itself left to the target. */
function figure(n: number, unit: string, lang: Language): string {
  return formatNumber(n, lang) + (unit === "%" ? "%" : "");
}

/** "thiếu 3,8 triệu đồng/người", "vượt 1,5 điểm phần trăm". */
export function distanceGap(d: Pick<Distance, "kind" | "amount" | "unit">, lang: Language = "vi"): string {
  const unit = d.unit === "%" ? ` ${t("road.percentPoints", lang)}` : d.unit ? ` ${d.unit}` : "";
  return t(d.kind === "shortfall" ? "road.short" : "road.over", lang, { amount: formatNumber(d.amount, lang) + unit });
}

/** "10: 41,2 / ≥ 45 triệu đồng/người: thiếu 3,8 triệu đồng/người". */
export function distanceText(d: Distance, lang: Language = "vi"): string {
  const target = formatTarget({ comparator: d.comparator, value: d.threshold, unit: d.unit || undefined }, lang);
  return t("road.distance", lang, { code: d.code, value: figure(d.value, d.unit, lang), target, gap: distanceGap(d, lang) });
}

/** "chưa đạt: 10, 17; thiếu số liệu: 5". */
function remainingDetail(u: UnitRoad, lang: Language): string {
  const parts: string[] = [];
  if (u.unmet.length) parts.push(t("ui.unmetList", lang, { list: u.unmet.join(", ") }));
  if (u.missing.length) parts.push(t("ui.missingList", lang, { list: u.missing.join(", ") }));
  if (u.noThreshold.length) parts.push(t("road.noThresholdList", lang, { list: u.noThreshold.join(", ") }));
  return parts.join("; ");
}

/** One unit of the ranking: "1. Yên Phong: còn 1 tiêu chí (chưa đạt: 10); 10: 41,2 / ≥ 45 ...: thiếu 3,8 ...". */
export function roadUnitLine(u: UnitRoad, rank: number, lang: Language = "vi"): string {
  const head = t("road.unitLine", lang, { rank: String(rank), name: label(u, lang), remaining: String(u.remaining.length), detail: remainingDetail(u, lang) });
  return [head, ...u.distances.map((d) => distanceText(d, lang))].join("; ");
}

/** The summary lines: the target against the count now, who meets the standard, who is close. */
export function roadLines(road: CertificationRoad, ctx: RoadContext): string[] {
  const lang = ctx.lang ?? "vi";
  const noun = unitNoun(ctx.set, lang);
  const count = (n: number) => countWithNoun(n, noun, lang);
  const list = (units: readonly UnitRoad[]) => listUnitsByGroup(units.map(ref), lang);
  const lines: string[] = [];
  const tg = road.target;
  if (tg?.perGroup) lines.push(...(ctx.set.level === "xa" ? [t("road.groupNotVillages", lang)] : groupTargetLines(tg, noun, lang)));
  else if (tg) {
    const p = { count: String(tg.count), total: String(tg.total), noun, year: String(tg.year), met: String(tg.met), need: String(tg.need) };
    lines.push(t(tg.reached ? "road.targetReached" : "road.target", lang, p));
    if (tg.overTotal) lines.push(t("road.targetOverTotal", lang, p));
    if (tg.beforeAssessment !== undefined) lines.push(t("road.targetBeforeYear", lang, { year: String(tg.year), assessed: String(tg.beforeAssessment) }));
  }
  // The names behind each number: those meeting the standard, then the ones the target still needs.
  lines.push(road.met.length ? t("road.metLine", lang, { count: count(road.met.length), list: list(road.met) }) : t("road.metNone", lang, { noun }));
  if (tg && !tg.perGroup && tg.need > 0) lines.push(t(tg.closest.length < tg.need ? "road.closestShort" : "road.closestLine", lang, { need: String(tg.need), noun, count: count(tg.closest.length), list: list(tg.closest) }));
  if (!road.ranking.length) {
    lines.push(t("road.nothingLeft", lang, { noun }));
    return lines.map((l) => fitCell(l, lang));
  }
  const when = tg ? t("road.when", lang, { year: String(tg.year) }) : "";
  const within = String(road.within);
  lines.push(road.close.length ? t("road.closeLine", lang, { when, within, count: count(road.close.length), list: list(road.close) }) : t("road.closeNone", lang, { noun, within }));
  for (const g of road.byRemaining) {
    lines.push(t(g.orMore ? "road.remainingMore" : "road.remainingLine", lang, { n: String(g.remaining), count: count(g.units.length), list: list(g.units) }));
  }
  return lines.map((l) => fitCell(l, lang));
}

/** "Mỗi xã 01 thôn": the communes against the count, then each commune short of it with its closest units. */
function groupTargetLines(tg: TargetCheck, noun: string, lang: Language): string[] {
  const groups = tg.groups ?? [];
  const lines: string[] = [];
  if (!groups.length) return [t("road.groupNone", lang, { noun })];
  const p = { units: countWithNoun(tg.count, noun, lang), year: String(tg.year), met: String(tg.met), total: String(tg.total), need: String(tg.need) };
  lines.push(t(tg.reached ? "road.groupTargetReached" : "road.groupTarget", lang, p));
  if (tg.beforeAssessment !== undefined) lines.push(t("road.targetBeforeYear", lang, { year: String(tg.year), assessed: String(tg.beforeAssessment) }));
  const there = groups.filter((g) => g.reached);
  if (there.length) lines.push(t("road.groupReachedLine", lang, { count: countWithNoun(there.length, t("noun.xa", lang), lang), list: there.map((g) => g.group).join(", ") }));
  for (const g of groups) {
    if (g.reached) continue;
    const q = { group: g.group, met: String(g.met), count: String(tg.count), total: String(g.total), noun };
    if (g.total < tg.count) lines.push(t("road.groupTooSmall", lang, q));
    else lines.push(t("road.groupShort", lang, { ...q, list: g.closest.map((u) => t("road.toGo", lang, { name: u.name, remaining: String(u.remaining.length) })).join(", ") }));
  }
  if (tg.ungrouped) lines.push(t("road.groupUngrouped", lang, { count: countWithNoun(tg.ungrouped, noun, lang) }));
  return lines;
}

export interface RoadReportContext extends RoadContext {
  year?: number | undefined;
  target?: RoadTarget | undefined;
  within?: number | undefined;
}

/**
 * The block of rows appended to the report sheet (NTM_BaoCao) on every host, after a blank row:
 * the title, the summary lines, the ranking table (closest first) and how it is ordered.
 */
export function roadReportRows(results: readonly UnitResult[], ctx: RoadReportContext): Array<Array<string | number>> {
  const lang = ctx.lang ?? "vi";
  const road = certificationRoad(results, { set: ctx.set, within: ctx.within, target: ctx.target, year: ctx.year });
  const L = (key: Parameters<typeof t>[0], params?: Record<string, string | number>) => t(key, lang, params);
  const rows: Array<Array<string | number>> = [[], [L("road.title")]];
  for (const line of roadLines(road, { set: ctx.set, lang })) rows.push([line]);
  if (road.ranking.length) {
    const hasGroup = road.ranking.some((u) => u.group !== undefined);
    rows.push([]);
    rows.push([
      L("road.h.rank"),
      ...(hasGroup ? [L("report.h.commune")] : []),
      L("report.h.name"),
      L("road.h.remaining"),
      L("report.h.notMet"),
      L("report.h.missing"),
      L("road.h.noThreshold"),
      L("road.h.distance"),
    ]);
    road.ranking.forEach((u, i) => {
      rows.push([
        i + 1,
        ...(hasGroup ? [u.group ?? ""] : []),
        u.name,
        u.remaining.length,
        u.unmet.join(", "),
        u.missing.join(", "),
        u.noThreshold.join(", "),
        u.distances.map((d) => distanceText(d, lang)).join("; "),
      ]);
    });
    rows.push([]);
    rows.push([L("road.note", { noun: unitNoun(ctx.set, lang) })]);
  }
  return rows.map((r) => r.map((c) => (typeof c === "string" ? fitCell(c, lang) : c)));
}

/**
 * The report sheet every host writes: the district report, the road block, then the report's notes
 * ("Lưu ý"). The notes are last because they are each host's own (why this set, what could not be
 * judged); the tables and the road above them are the same on every host. The rows of the report
 * itself are left as they are.
 */
export function reportWithRoad(results: readonly UnitResult[], ctx: ReportContext & { target?: RoadTarget | undefined; within?: number | undefined }): Array<Array<string | number>> {
  const lang = ctx.lang ?? "vi";
  const table = reportTable(results, ctx);
  const road = roadReportRows(results, { set: ctx.set, year: ctx.year, lang, target: ctx.target, within: ctx.within });
  // The notes block closes the report: a blank row, "Lưu ý", a line per note.
  const n = ctx.notes?.length ?? 0;
  const at = table.length - n - 2;
  const notes = n > 0 && at >= 0 && table[at]!.length === 0 && table[at + 1]![0] === t("report.notes", lang) ? at : table.length;
  return [...table.slice(0, notes), ...road, ...table.slice(notes)];
}

/** "vùng Trung du và miền núi phía Bắc" for "tdmnpb". */
function regionText(region: string | null | undefined, lang: Language): string {
  if (!region) return "";
  return ` ${t("report.region", lang, { region: isRegionId(region) ? REGION_NAMES[region][lang] : region })}`;
}

/** Percent per year as notices write it: "12,5", one decimal. */
const pct = (n: number, lang: Language) => formatNumber(Math.abs(n), lang, 1);

/** The income growth section: a header naming the target, then a line per unit. */
export function growthLines(g: IncomeGrowth, ctx: RoadContext & { region?: string | null | undefined; targetYear?: number | undefined }): string[] {
  const lang = ctx.lang ?? "vi";
  if (!g.ok) {
    if (g.cause === "noIndicator") return [t("growth.noIndicator", lang, { set: ctx.set.id })];
    if (g.cause === "needYears") return [t("growth.needYears", lang)];
    if (g.cause === "fewRuns") return [t("growth.fewRuns", lang)];
    return "reason" in g ? [formatMessage(g.reason, lang)] : [];
  }
  const th = g.threshold;
  const year = String(g.targetYear);
  const target = th.ok ? ` (${formatTarget({ comparator: th.comparator, value: th.value, unit: th.unit || undefined }, lang)}${th.confirmed ? "" : `, ${t("ui.unconfirmed", lang)}`})` : "";
  const lines = [t("growth.header", lang, { code: g.indicator.code, year, target })];
  if (!th.ok) {
    const why =
      th.why === "unconfirmed"
        ? t("growth.thresholdUnconfirmed", lang, { source: th.source ?? th.set })
        : th.why === "needsRegion"
          ? t("growth.thresholdNeedsRegion", lang)
          : t("growth.thresholdNone", lang, { set: th.set });
    lines.push(t("growth.unknownThreshold", lang, { year, region: regionText(ctx.region, lang), why }));
  }
  for (const u of g.units) lines.push(growthUnitLine(u, g, lang));
  return lines.map((l) => fitCell(l, lang));
}

function growthUnitLine(u: UnitGrowth, g: Extract<IncomeGrowth, { ok: true }>, lang: Language): string {
  const r = u.unit.result;
  const name = label(r, lang);
  if (u.status === "noFigures") return t("growth.unitLine", lang, { name, parts: t("growth.noFigures", lang) });
  const parts = [u.figures.map((f) => t("growth.figure", lang, { value: formatNumber(f.value, lang), year: String(f.year) })).join(" → ")];
  parts.push(u.had === null ? t("growth.hadNone", lang) : t(u.had < 0 ? "growth.hadFall" : "growth.had", lang, { rate: pct(u.had, lang) }));
  const year = String(g.targetYear);
  if (u.status === "reached") parts.push(t("growth.reached", lang, { year }));
  if (u.status === "targetNotAfter") parts.push(t("growth.targetNotAfter", lang, { year, last: String(u.figures[u.figures.length - 1]!.year) }));
  if (u.status === "needed" && u.needed !== null && u.neededAmount !== null) {
    const amount = `${formatNumber(u.neededAmount, lang)}${g.indicator.unit ? ` ${g.indicator.unit}` : ""}`;
    const verdict = u.onTrack === null ? "" : t(u.onTrack ? "growth.onTrack" : "growth.offTrack", lang);
    parts.push(t("growth.needed", lang, { rate: pct(u.needed, lang), amount, year, verdict }).replace(/: $/, ""));
  }
  return t("growth.unitLine", lang, { name, parts: parts.join("; ") });
}
