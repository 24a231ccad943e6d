import type { RegionId } from "../catalog/regions.js";
import type { CriteriaSet, Indicator } from "../catalog/schema.js";
import { lookupThreshold } from "../catalog/thresholds.js";
import { message, type Message } from "../i18n/message.js";
import { parseTarget } from "./parseTarget.js";
import { fractionToPoints } from "./parseValue.js";
import type { ResolvedThreshold, Target } from "./types.js";

/** Does a target's value fit the indicator (a number for a percent, yes/no for a boolean...)? */
export function targetFits(ind: Pick<Indicator, "kind" | "grades">, t: Target): boolean {
  switch (ind.kind) {
    case "boolean":
      return typeof t.value === "boolean";
    case "grade":
      return typeof t.value === "string" && (ind.grades ?? []).includes(t.value);
    case "percent":
      return typeof t.value === "number" && t.value >= 0 && t.value <= 100;
    default:
      return typeof t.value === "number";
  }
}

/**
 * Reads a target written in a row's own target column (or given as an argument) for one
 * indicator. A percent written as a fraction (0.9 from a percent-formatted cell) becomes 90.
 */
export function readTargetFor(ind: Pick<Indicator, "kind" | "grades" | "comparator">, raw: unknown): Target | undefined {
  const t = parseTarget(raw, { defaultComparator: ind.comparator, grades: ind.grades });
  if (!t) return undefined;
  if (ind.kind === "percent" && typeof t.value === "number" && typeof raw === "number" && raw <= 1) {
    t.value = fractionToPoints(raw);
    t.unit = "%";
  }
  return t;
}

export type CatalogResolution = { threshold: ResolvedThreshold } | { threshold: null; reason: Message };

/**
 * The threshold a set (a workbook's NTM_BoTieuChi first, then the built-in catalog)
 * gives an indicator for a region and year, or why there is none.
 */
export function resolveFromSets(code: string, layers: ReadonlyArray<{ set: CriteriaSet; origin: "workbook" | "catalog" }>, region: RegionId | undefined, year: number | undefined): CatalogResolution {
  let reason: Message | undefined;
  for (const { set, origin } of layers) {
    const ind = findIndicator(set, code);
    if (!ind) continue;
    const found = lookupThreshold(ind, region, year);
    if (found.ok) {
      const e = found.entry;
      return { threshold: { comparator: ind.comparator, value: e.value, unit: ind.unit || undefined, origin, source: e.source, confirmed: e.confirmed } };
    }
    reason ??=
      found.why === "needsYear"
        ? message("threshold.needsYear", { code })
        : found.why === "unconfirmed"
          ? message("threshold.unconfirmed", { code, source: found.entry?.source ?? set.id })
          : message("threshold.none", { code, set: set.id });
  }
  return { threshold: null, reason: reason ?? message("threshold.none", { code, set: layers[0]?.set.id ?? "" }) };
}

const indicatorIndex = new WeakMap<CriteriaSet, Map<string, Indicator>>();

export function findIndicator(set: CriteriaSet, code: string): Indicator | undefined {
  let idx = indicatorIndex.get(set);
  if (!idx) {
    idx = new Map();
    for (const c of set.criteria) for (const ind of c.indicators) idx.set(ind.code, ind);
    indicatorIndex.set(set, idx);
  }
  return idx.get(code);
}
