import type { RegionId } from "./regions.js";
import type { CriteriaSet, Indicator, ThresholdEntry } from "./schema.js";

/** The same result shape as the rest of shared/ (ok / not ok), with why it was not found. */
export type ThresholdLookup =
  | { ok: true; entry: ThresholdEntry & { value: NonNullable<ThresholdEntry["value"]> } }
  /** "unconfirmed": the document sets one here, but its value is not in the catalog yet. */
  | { ok: false; why: "none" | "unconfirmed" | "needsYear" | "needsRegion"; entry?: ThresholdEntry };

/**
 * The built-in target of an indicator for a region and year, most specific first:
 * region + year, region, every region + year, every region. Never guesses: a slot the
 * catalog leaves empty (`value: null`) or does not list is reported as not found.
 */
export function lookupThreshold(ind: Indicator, region: RegionId | undefined, year: number | undefined): ThresholdLookup {
  let best: ThresholdEntry | undefined;
  let bestScore = -1;
  for (const t of ind.thresholds) {
    if (t.region !== "all" && t.region !== region) continue;
    if (t.year !== undefined && t.year !== year) continue;
    const score = (t.region === "all" ? 0 : 2) + (t.year === undefined ? 0 : 1);
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  if (best && best.value !== null) return { ok: true, entry: best as ThresholdEntry & { value: NonNullable<ThresholdEntry["value"]> } };
  if (best) return { ok: false, why: "unconfirmed", entry: best };
  if (year === undefined && ind.thresholds.some((t) => t.year !== undefined)) return { ok: false, why: "needsYear" };
  if (region === undefined && ind.thresholds.some((t) => t.region !== "all")) return { ok: false, why: "needsRegion" };
  return { ok: false, why: "none" };
}

export interface ThresholdCounts {
  /** Threshold slots the document defines (entries in the catalog). */
  total: number;
  /** Slots holding a value. */
  withValue: number;
  /** Slots whose value was read in the legal text. */
  confirmed: number;
  indicators: number;
}

export function countThresholds(set: CriteriaSet): ThresholdCounts {
  let total = 0;
  let withValue = 0;
  let confirmed = 0;
  let indicators = 0;
  for (const c of set.criteria) {
    for (const ind of c.indicators) {
      indicators++;
      for (const t of ind.thresholds) {
        total++;
        if (t.value !== null) withValue++;
        if (t.confirmed) confirmed++;
      }
    }
  }
  return { total, withValue, confirmed, indicators };
}
