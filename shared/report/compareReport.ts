// The year-over-year section of a district notice ("Số xã giảm tiêu chí so với năm 2023: 02 xã
// (Yên Phong: TC 17, 18; ...)") and one line per unit, lost criteria first.
import type { CriteriaSet } from "../catalog/schema.js";
import type { UnitRef } from "../engine/summary.js";
import type { IndicatorResult, Status } from "../engine/types.js";
import type { RunComparison, UnitComparison } from "../app/compareRuns.js";
import type { LocatedUnit } from "../app/resultContract.js";
import { criterionName, formatGap, formatTarget, formatValue, inLanguage, statusLabel, t } from "../i18n/format.js";
import type { Language } from "../i18n/strings.js";
import { countWithNoun, fitCell, listUnitsByGroup, unitNoun } from "./districtReport.js";

export interface CompareReportContext {
  set: CriteriaSet;
  oldYear?: number | null;
  newYear?: number | null;
  lang?: Language;
}

const ref = ({ result: r }: LocatedUnit): UnitRef => (r.group === undefined ? { name: r.name } : { name: r.name, group: r.group });

function label(u: UnitRef, lang: Language): string {
  return u.group ? t("report.inCommune", lang, { names: u.name, group: u.group }) : u.name;
}

/** "Yên Phong: TC 17, 18; Đông Tiến: TC 5": each unit with its own criteria. */
function withCriteria(units: readonly UnitComparison[], pick: (u: UnitComparison) => number[], lang: Language): string {
  return units.map((u) => `${label(ref(u.new), lang)}: ${t("compare.criteria", lang, { list: pick(u).join(", ") })}`).join("; ");
}

/** The section's lines, each fitted to a spreadsheet cell (the per-unit lines carry the rest). */
export function compareSection(c: RunComparison, ctx: CompareReportContext): string[] {
  const lang = ctx.lang ?? "vi";
  const noun = unitNoun(ctx.set, lang);
  const count = (n: number) => countWithNoun(n, noun, lang);
  const since = ctx.oldYear ? t("compare.since", lang, { year: String(ctx.oldYear) }) : t("compare.sincePrevious", lang);
  const title = inLanguage({ vi: ctx.set.title, en: ctx.set.titleEn }, lang);
  const lines = [t("compare.header", lang, { since, title, count: count(c.units.length) })];
  const losing = c.units.filter((u) => u.lost.length > 0);
  const gaining = c.units.filter((u) => u.gained.length > 0);
  lines.push(losing.length ? t("compare.lostLine", lang, { noun, since, count: count(losing.length), list: withCriteria(losing, (u) => u.lost, lang) }) : t("compare.lostNone", lang, { noun, since }));
  lines.push(gaining.length ? t("compare.gainedLine", lang, { noun, since, count: count(gaining.length), list: withCriteria(gaining, (u) => u.gained, lang) }) : t("compare.gainedNone", lang, { noun, since }));
  const kept = c.units.filter((u) => u.lost.length === 0 && !u.undetermined.some((d) => d.old === "met"));
  lines.push(t("compare.keptLine", lang, { noun, count: count(kept.length) }));
  const byCriterion = new Map<number, UnitRef[]>();
  for (const u of losing) for (const no of u.lost) byCriterion.set(no, [...(byCriterion.get(no) ?? []), ref(u.new)]);
  if (byCriterion.size) {
    lines.push(t("compare.lostHeader", lang));
    for (const [no, units] of [...byCriterion].sort((a, b) => a[0] - b[0])) {
      const cr = ctx.set.criteria.find((x) => x.no === no);
      const name = cr ? criterionName(cr, lang) : t("ui.criterion", lang, { no: String(no) });
      lines.push(t("prose.failingLine", lang, { no: String(no), name, count: count(units.length), list: listUnitsByGroup(units, lang) }));
    }
  }
  const unclear = c.units.filter((u) => u.undetermined.length > 0);
  if (unclear.length) lines.push(t("compare.undeterminedLine", lang, { count: count(unclear.length), list: withCriteria(unclear, (u) => u.undetermined.map((d) => d.no), lang) }));
  const [oldLabel, newLabel] = sideLabels(ctx, lang);
  if (c.onlyInOld.length) lines.push(t("compare.onlyInLine", lang, { label: oldLabel, count: count(c.onlyInOld.length), list: listUnitsByGroup(c.onlyInOld.map(ref), lang) }));
  if (c.onlyInNew.length) lines.push(t("compare.onlyInLine", lang, { label: newLabel, count: count(c.onlyInNew.length), list: listUnitsByGroup(c.onlyInNew.map(ref), lang) }));
  if (c.duplicates.length) {
    const first = c.duplicates.map((d) => ref((d.new[0] ?? d.old[0])!));
    lines.push(t("compare.duplicatesLine", lang, { count: count(first.length), list: listUnitsByGroup(first, lang) }));
  }
  return lines.map((l) => fitCell(l, lang));
}

/** "năm 2023" / "năm 2024", or "lần đánh giá trước" / "lần đánh giá này" when a year is not known. */
function sideLabels(ctx: CompareReportContext, lang: Language): [string, string] {
  return [
    ctx.oldYear ? t("compare.yearLabel", lang, { year: String(ctx.oldYear) }) : t("compare.previous", lang),
    ctx.newYear ? t("compare.yearLabel", lang, { year: String(ctx.newYear) }) : t("compare.current", lang),
  ];
}

/** A unit's line, then one line per figure that moved: "10: 41,2 → 44 (≥ 45 ...): thiếu 1 ...". */
export function compareUnitLines(u: UnitComparison, ctx: CompareReportContext): string[] {
  const lang = ctx.lang ?? "vi";
  const [o, n] = [u.old.result, u.new.result];
  const tc = (list: number[]) => t("compare.criteria", lang, { list: list.join(", ") });
  const renamed = o.name !== n.name ? ` (${sideLabels(ctx, lang)[0]}: ${o.name})` : "";
  const parts = [t("compare.unitMet", lang, { old: String(o.criteriaMet), new: String(n.criteriaMet) })];
  if (u.lost.length) parts.push(t("compare.lost", lang, { list: tc(u.lost) }));
  if (u.gained.length) parts.push(t("compare.gained", lang, { list: tc(u.gained) }));
  if (u.stillUnmet.length) parts.push(t("compare.stillUnmet", lang, { list: tc(u.stillUnmet) }));
  if (u.undetermined.length) parts.push(t("compare.undetermined", lang, { list: t("compare.criteria", lang, { list: u.undetermined.map((d) => `${d.no} (${side(d.old, lang)} → ${side(d.new, lang)})`).join(", ") }) }));
  if (parts.length === 1) parts.push(t("compare.unchanged", lang));
  const lines = [`${label(ref(u.new), lang)}${renamed}: ${parts.join("; ")}`];
  for (const m of u.indicators) {
    const target = m.new?.threshold ? formatTarget(m.new.threshold, lang) : "";
    const before = m.old?.threshold && m.new?.threshold && m.old.threshold.value !== m.new.threshold.value ? `; ${t("compare.before", lang, { target: formatTarget(m.old.threshold, lang) })}` : "";
    const gap = m.new?.gap ? `: ${formatGap(m.new.gap, lang)}` : "";
    lines.push(`  ${m.code}: ${figure(m.old, lang)} → ${figure(m.new, lang)}${target || before ? ` (${target}${before})` : ""}${gap}`);
  }
  return lines;
}

function side(s: Status | null, lang: Language): string {
  return s === null ? "—" : statusLabel(s, lang);
}

function figure(i: IndicatorResult | null, lang: Language): string {
  if (!i) return "—";
  return i.value?.type === "number" ? formatValue(i.value, lang) : statusLabel(i.status, lang);
}
