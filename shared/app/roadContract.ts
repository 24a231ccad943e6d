// The road to certification and the income growth as JSON (docs/contracts.md, "road" and
// "incomeGrowth"): plain values, numbers at full precision, text already in the user's language.
import type { CriteriaSet } from "../catalog/schema.js";
import type { Language } from "../i18n/strings.js";
import type { CertificationRoad, UnitRoad } from "./certificationRoad.js";
import type { IncomeGrowth } from "./incomeGrowth.js";
import { growthLines, roadLines } from "./roadReport.js";

/**
 * `indexOf` turns a unit's position among the units the road was computed on into its position in
 * the document's own `units` list (a folder's road covers one set's units of several files).
 */
export function roadJson(road: CertificationRoad, set: CriteriaSet, lang: Language, indexOf: (i: number) => number = (i) => i) {
  const idx = (units: readonly UnitRoad[]) => units.map((u) => indexOf(u.index));
  const rank = new Map(road.ranking.map((u, i) => [u, i + 1]));
  const tg = road.target;
  return {
    set: set.id,
    within: road.within,
    units: road.units.map((u) => ({
      index: indexOf(u.index),
      key: u.key,
      name: u.name,
      ...(u.group !== undefined ? { group: u.group } : {}),
      rank: rank.get(u) ?? null,
      remaining: u.remaining,
      unmet: u.unmet,
      missing: u.missing,
      noThreshold: u.noThreshold,
      distances: u.distances.map(({ criterion, code, value, threshold, comparator, unit, kind, amount, relative }) => ({ criterion, code, value, threshold, comparator, unit, kind, amount, relative })),
      relativeShortfall: u.relativeShortfall,
    })),
    met: idx(road.met),
    ranking: idx(road.ranking),
    close: idx(road.close),
    byRemaining: road.byRemaining.map((g) => ({ remaining: g.remaining, orMore: g.orMore, units: idx(g.units) })),
    target: tg
      ? {
          count: tg.count,
          year: tg.year,
          total: tg.total,
          met: tg.met,
          need: tg.need,
          reached: tg.reached,
          overTotal: tg.overTotal,
          ...(tg.beforeAssessment !== undefined ? { beforeAssessment: tg.beforeAssessment } : {}),
          closest: idx(tg.closest),
          ...(tg.perGroup
            ? {
                perCommune: true,
                communes: (tg.groups ?? []).map((g) => ({ commune: g.group, total: g.total, met: g.met, need: g.need, reached: g.reached, closest: idx(g.closest) })),
                ungrouped: tg.ungrouped ?? 0,
              }
            : {}),
        }
      : null,
    report: roadLines(road, { set, lang }),
  };
}

/** The income growth of `ntm compare --json`; a refusal is `{ error, report }`. */
export function growthJson(g: IncomeGrowth, set: CriteriaSet, lang: Language, region?: string | null) {
  const report = growthLines(g, { set, lang, region });
  if (!g.ok) return { error: g.cause, report };
  const th = g.threshold;
  return {
    indicator: g.indicator,
    targetYear: g.targetYear,
    threshold: th.ok ? th.value : null,
    comparator: th.ok ? th.comparator : g.indicator.comparator,
    ...(th.ok ? { thresholdSource: th.source, thresholdConfirmed: th.confirmed, thresholdOrigin: th.origin } : { thresholdUnknown: th.why, ...(th.source ? { thresholdSource: th.source } : {}) }),
    units: g.units.map((u) => {
      const r = u.unit.result;
      return {
        key: u.key,
        name: r.name,
        ...(r.group !== undefined ? { group: r.group } : {}),
        figures: u.figures,
        hadPerYear: u.had,
        neededPerYear: u.needed,
        neededAmountPerYear: u.neededAmount,
        onTrack: u.onTrack,
        status: u.status,
      };
    }),
    report,
  };
}
