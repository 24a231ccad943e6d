// Income growth over two or more assessments of the same units (matched as compareRuns matches
// them): the growth each unit had per year, and the growth it needs per year to reach the income
// target of a chosen year. The target comes from the sets by the threshold lookup; a target the
// catalog does not hold (or holds without its value) is said, never guessed.
import type { RegionId } from "../catalog/regions.js";
import { isRegionId } from "../catalog/regions.js";
import type { CriteriaSet, Indicator } from "../catalog/schema.js";
import { lookupThreshold } from "../catalog/thresholds.js";
import { compareNumbers } from "../engine/compare.js";
import type { Comparator } from "../engine/types.js";
import type { Message } from "../i18n/message.js";
import { foldVietnamese } from "../text/fold.js";
import { compareRuns, type CompareRefusal, type RunSide } from "./compareRuns.js";
import type { LocatedUnit } from "./resultContract.js";

export interface IncomeIndicator {
  criterion: number;
  code: string;
  unit: string;
  comparator: Comparator;
}

const INCOME_NAME = /^thu nhap\b/;

/**
 * The set's income indicator. The catalogs mark it by its targets: it is the indicator whose
 * thresholds are set year by year (318/QĐ-TTg raises income each year). Several such indicators:
 * the one under a criterion named "Thu nhập". None: a criterion named "Thu nhập" with one indicator.
 */
export function incomeIndicator(set: CriteriaSet): IncomeIndicator | null {
  const of = (c: CriteriaSet["criteria"][number], i: Indicator): IncomeIndicator => ({ criterion: c.no, code: i.code, unit: i.unit, comparator: i.comparator });
  const named = (c: CriteriaSet["criteria"][number]) => INCOME_NAME.test(foldVietnamese(c.name));
  const byYear = set.criteria.flatMap((c) => c.indicators.filter((i) => i.thresholds.some((t) => t.year !== undefined)).map((i) => ({ c, i })));
  const pick = byYear.length === 1 ? byYear[0] : (byYear.find((x) => named(x.c)) ?? undefined);
  if (pick) return of(pick.c, pick.i);
  const c = set.criteria.find((x) => named(x) && x.indicators.length === 1);
  return c ? of(c, c.indicators[0]!) : null;
}

/** The target of the target year, from the most specific set that knows the indicator. */
export type TargetThreshold =
  | { ok: true; value: number; comparator: Comparator; unit: string; source: string; confirmed: boolean; origin: "workbook" | "catalog" }
  /** unconfirmed: the document sets one, its value is not in the catalog yet. */
  | { ok: false; why: "unconfirmed" | "none" | "needsRegion"; source?: string; set: string };

export function targetThreshold(code: string, sets: ReadonlyArray<{ set: CriteriaSet; origin: "workbook" | "catalog" }>, region: RegionId | undefined, year: number): TargetThreshold {
  let first: TargetThreshold | undefined;
  for (const { set, origin } of sets) {
    const ind = set.criteria.flatMap((c) => c.indicators).find((i) => i.code === code);
    if (!ind) continue;
    const found = lookupThreshold(ind, region, year);
    if (found.ok && typeof found.entry.value === "number") {
      return { ok: true, value: found.entry.value, comparator: ind.comparator, unit: ind.unit, source: found.entry.source, confirmed: found.entry.confirmed, origin };
    }
    const why = !found.ok && found.why === "unconfirmed" ? "unconfirmed" : !found.ok && found.why === "needsRegion" ? "needsRegion" : "none";
    first ??= { ok: false, why, ...(!found.ok && found.entry ? { source: found.entry.source } : {}), set: set.id };
  }
  return first ?? { ok: false, why: "none", set: sets[0]?.set.id ?? "" };
}

export interface IncomeFigure {
  year: number;
  value: number;
}

export type GrowthStatus =
  /** The growth needed is computed. */
  | "needed"
  /** The latest figure already meets the target year's target. */
  | "reached"
  /** No income figure in any assessment. */
  | "noFigures"
  /** The target year's target is not known: only the growth so far. */
  | "unknownThreshold"
  /** The latest figure is from the target year or later. */
  | "targetNotAfter";

export interface UnitGrowth {
  key: string;
  /** The unit as the latest assessment names it. */
  unit: LocatedUnit;
  /** The unit's income figures, oldest first. */
  figures: IncomeFigure[];
  /** Compound growth per year, in percent, from the first figure to the last; null with fewer than two. */
  had: number | null;
  /** Compound growth per year, in percent, from the last figure to the target; null unless `status` is "needed". */
  needed: number | null;
  /** The same as an amount per year (straight line), in the indicator's unit. */
  neededAmount: number | null;
  /** The growth so far is at least the growth needed; null when either is unknown. */
  onTrack: boolean | null;
  status: GrowthStatus;
}

export interface IncomeGrowthOptions {
  /** The set judging the runs, and a workbook's own NTM_BoTieuChi set before it (its targets come first). */
  set: CriteriaSet;
  workbookSet?: CriteriaSet | undefined;
  region?: string | null | undefined;
  targetYear: number;
}

export type IncomeGrowth =
  | {
      ok: true;
      indicator: IncomeIndicator;
      targetYear: number;
      threshold: TargetThreshold;
      /** Units of the latest assessment matched in at least one earlier one, in the latest assessment's order. */
      units: UnitGrowth[];
      warnings: Message[];
    }
  | { ok: false; cause: "noIndicator" | "needYears" | "fewRuns" }
  | CompareRefusal;

/** Each key of the latest run matched in an earlier one, with the matching unit of every run (compareRuns' matching). */
function matchAcross(runs: readonly RunSide[]): { ok: true; units: Map<string, Array<LocatedUnit | undefined>>; order: string[]; warnings: Message[] } | CompareRefusal {
  const last = runs.length - 1;
  const units = new Map<string, Array<LocatedUnit | undefined>>();
  const keyOfLatest = new Map<LocatedUnit, string>();
  const warnings = new Map<string, Message>();
  for (let i = 0; i < last; i++) {
    const c = compareRuns(runs[i]!, runs[last]!);
    if (!c.ok) return c;
    for (const w of c.warnings) warnings.set(JSON.stringify(w), w);
    for (const u of c.units) {
      let row = units.get(u.key);
      if (!row) units.set(u.key, (row = Array<LocatedUnit | undefined>(runs.length).fill(undefined)));
      row[i] = u.old;
      row[last] = u.new;
      keyOfLatest.set(u.new, u.key);
    }
  }
  // In the latest run's order (compareRuns lists losses first).
  const order = runs[last]!.units.flatMap((u) => (keyOfLatest.has(u) ? [keyOfLatest.get(u)!] : []));
  return { ok: true, units, order, warnings: [...warnings.values()] };
}

function figureOf(u: LocatedUnit | undefined, code: string): number | null {
  if (!u) return null;
  for (const c of u.result.criteria) for (const i of c.indicators) if (i.code === code && i.value?.type === "number") return i.value.value;
  return null;
}

/** Compound growth per year, in percent, from a to b over n years. */
function rate(a: number, b: number, years: number): number | null {
  if (!(a > 0) || !(b > 0) || years <= 0) return null;
  return (Math.pow(b / a, 1 / years) - 1) * 100;
}

export function incomeGrowth(runs: readonly RunSide[], o: IncomeGrowthOptions): IncomeGrowth {
  const layers = [...(o.workbookSet ? [{ set: o.workbookSet, origin: "workbook" as const }] : []), { set: o.set, origin: "catalog" as const }];
  const indicator = layers.map((l) => incomeIndicator(l.set)).find((x) => x !== null) ?? null;
  if (!indicator) return { ok: false, cause: "noIndicator" };
  if (runs.length < 2) return { ok: false, cause: "fewRuns" };
  if (runs.some((r) => r.year === null || r.year === undefined)) return { ok: false, cause: "needYears" };
  const sorted = [...runs].sort((a, b) => a.year! - b.year!);
  const matched = matchAcross(sorted);
  if (!matched.ok) return matched;
  const region = sorted[sorted.length - 1]!.region;
  const threshold = targetThreshold(indicator.code, layers, region && isRegionId(region) ? region : undefined, o.targetYear);
  const units = matched.order.map((key) => growthOf(key, matched.units.get(key)!, sorted, indicator, threshold, o.targetYear));
  return { ok: true, indicator, targetYear: o.targetYear, threshold, units, warnings: matched.warnings };
}

function growthOf(key: string, row: Array<LocatedUnit | undefined>, runs: readonly RunSide[], ind: IncomeIndicator, threshold: TargetThreshold, targetYear: number): UnitGrowth {
  const figures: IncomeFigure[] = [];
  row.forEach((u, i) => {
    const v = figureOf(u, ind.code);
    if (v !== null) figures.push({ year: runs[i]!.year!, value: v });
  });
  const unit = row[row.length - 1]!;
  const base = { key, unit, figures, had: null, needed: null, neededAmount: null, onTrack: null };
  if (!figures.length) return { ...base, status: "noFigures" };
  const [first, last] = [figures[0]!, figures[figures.length - 1]!];
  const had = figures.length > 1 ? rate(first.value, last.value, last.year - first.year) : null;
  if (!threshold.ok) return { ...base, had, status: "unknownThreshold" };
  if (compareNumbers(last.value, threshold.comparator, threshold.value)) return { ...base, had, status: "reached" };
  if (targetYear <= last.year) return { ...base, had, status: "targetNotAfter" };
  const years = targetYear - last.year;
  const needed = rate(last.value, threshold.value, years);
  return { ...base, had, needed, neededAmount: (threshold.value - last.value) / years, onTrack: had === null || needed === null ? null : had >= needed, status: "needed" };
}
