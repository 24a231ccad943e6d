// The road to certification, written once for every host: per unit the criteria still to meet
// (not met, and separately those not judged), how far each unmet numeric indicator is from its
// target, the units ranked by how close they are, and a district's target against the count now.
// Pure data in, data out; roadReport.ts words it.
import type { CriteriaSet } from "../catalog/schema.js";
import { isAssessmentYear } from "../catalog/years.js";
import type { Comparator, UnitResult } from "../engine/types.js";
import { unitKey } from "./resultContract.js";

/** "12 communes meeting the standard by 2025": what a district sets itself. */
export interface RoadTarget {
  count: number;
  year: number;
  /** "01 thôn in every commune" ("mỗi xã phải đạt 01 thôn nông thôn mới"): `count` units in each group. */
  perGroup?: true;
}

/** Units this many criteria or fewer from the standard are "close" unless said otherwise. */
export const DEFAULT_CLOSE_WITHIN = 2;

/** Largest target count accepted: more units than any province holds is a typo. */
export const MAX_TARGET_COUNT = 1_000_000;

export function isRoadTarget(t: unknown): t is RoadTarget {
  if (!t || typeof t !== "object") return false;
  const { count, year, perGroup } = t as Record<string, unknown>;
  return typeof count === "number" && Number.isInteger(count) && count >= 1 && count <= MAX_TARGET_COUNT && isAssessmentYear(year) && (perGroup === undefined || perGroup === true);
}

/**
 * "12/2025" (count/year), or "1/xã/2025" (count in every commune/year; "xa", "commune" too),
 * spaces allowed: the target, or undefined when it is not one.
 */
export function parseRoadTarget(text: string): RoadTarget | undefined {
  const m = /^\s*(\d{1,7})\s*\/\s*(?:(x[aã]|commune)\s*\/\s*)?(\d{4})\s*$/i.exec(text.normalize("NFC"));
  if (!m) return undefined;
  const t: RoadTarget = { count: Number(m[1]), year: Number(m[3]), ...(m[2] ? { perGroup: true as const } : {}) };
  return isRoadTarget(t) ? t : undefined;
}

/** The target as the pane's field and the command line take it: "12/2025", "1/xã/2025". */
export function roadTargetText(t: RoadTarget): string {
  return t.perGroup ? `${t.count}/xã/${t.year}` : `${t.count}/${t.year}`;
}

/** How far an unmet numeric indicator is from its target, in the indicator's unit ("%" for rates). */
export interface Distance {
  criterion: number;
  code: string;
  value: number;
  threshold: number;
  comparator: Comparator;
  unit: string;
  /** Short of a "≥" target, or over a "≤" one. */
  kind: "shortfall" | "excess";
  amount: number;
  /** amount / |threshold| (the amount itself for a target of 0): how far, comparable across indicators. */
  relative: number;
}

export interface UnitRoad {
  key: string;
  name: string;
  group?: string;
  /** Position in the sheet (0-based), the last tie-break of the ranking. */
  index: number;
  /** Every criterion not met yet: not met, missing or unreadable data, no target. */
  remaining: number[];
  unmet: number[];
  /** Missing or unreadable data (the report's "Thiếu số liệu" column). */
  missing: number[];
  noThreshold: number[];
  distances: Distance[];
  /** Sum of the distances' `relative`; null when no remaining criterion carries a figure. */
  relativeShortfall: number | null;
}

export interface TargetCheck extends RoadTarget {
  /** Units in the table. */
  total: number;
  met: number;
  /** Units still needed to reach the target (0 when reached). */
  need: number;
  reached: boolean;
  /** The target asks for more units than the table holds. */
  overTotal: boolean;
  /** The assessment year, when the target year is before it (a typo, most likely). */
  beforeAssessment?: number;
  /** The `need` units closest to the standard, in ranking order (fewer when fewer remain). */
  closest: UnitRoad[];
  /**
   * A target per commune: `total`, `met` and `need` then count communes, `count` is per commune,
   * `closest` the units each commune short of it still needs (commune by commune, closest first),
   * `overTotal` that a commune has fewer units than `count`; `ungrouped` the units with no commune.
   */
  groups?: GroupTargetCheck[];
  ungrouped?: number;
}

/** One commune against a per-commune target. */
export interface GroupTargetCheck {
  group: string;
  /** Units of the commune in the table. */
  total: number;
  met: number;
  need: number;
  reached: boolean;
  /** The `need` units of this commune closest to the standard, in ranking order. */
  closest: UnitRoad[];
}

export interface CertificationRoad {
  within: number;
  /** Every judged unit, in sheet order. */
  units: UnitRoad[];
  /** Meeting every criterion now, in sheet order. */
  met: UnitRoad[];
  /** The others, closest first: fewest criteria to go, then smallest relative shortfall, then sheet order. */
  ranking: UnitRoad[];
  /** In the ranking with 1..within criteria to go. */
  close: UnitRoad[];
  /** The ranking by criteria to go: 1, 2, .. within, then "within + 1 or more" (`orMore`). */
  byRemaining: Array<{ remaining: number; orMore: boolean; units: UnitRoad[] }>;
  target: TargetCheck | null;
}

export interface RoadOptions {
  set: CriteriaSet;
  within?: number | undefined;
  target?: RoadTarget | undefined;
  /** The assessment year, to flag a target year before it. */
  year?: number | undefined;
}

export function distancesOf(r: UnitResult): Distance[] {
  const out: Distance[] = [];
  for (const c of r.criteria) {
    if (c.status !== "not_met") continue;
    for (const i of c.indicators) {
      if (i.status !== "not_met" || i.value?.type !== "number" || !i.threshold || typeof i.threshold.value !== "number") continue;
      if (!i.gap || i.gap.type === "requirement") continue;
      const threshold = i.threshold.value;
      out.push({
        criterion: c.no,
        code: i.code,
        value: i.value.value,
        threshold,
        comparator: i.threshold.comparator,
        unit: i.gap.unit,
        kind: i.gap.type,
        amount: i.gap.amount,
        relative: i.gap.amount / (threshold === 0 ? 1 : Math.abs(threshold)),
      });
    }
  }
  return out;
}

export function unitRoad(r: UnitResult, index: number): UnitRoad {
  const distances = distancesOf(r);
  const missing = [...r.missing, ...r.invalid].sort((a, b) => a - b);
  return {
    key: unitKey(r),
    name: r.name,
    ...(r.group !== undefined ? { group: r.group } : {}),
    index,
    remaining: r.criteria.filter((c) => c.status !== "met").map((c) => c.no).sort((a, b) => a - b),
    unmet: [...r.unmet].sort((a, b) => a - b),
    missing,
    noThreshold: [...r.noThreshold].sort((a, b) => a - b),
    distances,
    relativeShortfall: distances.length ? distances.reduce((s, d) => s + d.relative, 0) : null,
  };
}

/** Closest first: fewest criteria to go, then smallest relative shortfall (unmeasured last), then sheet order. */
export function byCloseness(a: UnitRoad, b: UnitRoad): number {
  if (a.remaining.length !== b.remaining.length) return a.remaining.length - b.remaining.length;
  const [ra, rb] = [a.relativeShortfall ?? Infinity, b.relativeShortfall ?? Infinity];
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a.index - b.index;
}

export function certificationRoad(results: readonly UnitResult[], o: RoadOptions): CertificationRoad {
  const within = o.within !== undefined && Number.isInteger(o.within) && o.within >= 0 ? o.within : DEFAULT_CLOSE_WITHIN;
  // A unit with no criterion judged at all is neither met nor on the way: it is not counted.
  const units = results.map(unitRoad).filter((u, i) => results[i]!.criteriaTotal > 0);
  const met = units.filter((u) => u.remaining.length === 0);
  const ranking = units.filter((u) => u.remaining.length > 0).sort(byCloseness);
  const close = ranking.filter((u) => u.remaining.length <= within);
  const byRemaining: CertificationRoad["byRemaining"] = [];
  for (let n = 1; n <= within; n++) {
    const list = ranking.filter((u) => u.remaining.length === n);
    if (list.length) byRemaining.push({ remaining: n, orMore: false, units: list });
  }
  const rest = ranking.filter((u) => u.remaining.length > within);
  if (rest.length) byRemaining.push({ remaining: within + 1, orMore: true, units: rest });
  return { within, units, met, ranking, close, byRemaining, target: o.target ? (o.target.perGroup ? checkGroupTarget(o.target, units, ranking, o.year) : checkTarget(o.target, units.length, met.length, ranking, o.year)) : null };
}

/** "01 thôn in every commune": each commune (in sheet order) against the count, the district against all communes. */
function checkGroupTarget(t: RoadTarget, units: UnitRoad[], ranking: UnitRoad[], year: number | undefined): TargetCheck {
  const byGroup = new Map<string, { all: number; met: number; ranked: UnitRoad[] }>();
  let ungrouped = 0;
  for (const u of units) {
    if (u.group === undefined) {
      ungrouped++;
      continue;
    }
    const g = byGroup.get(u.group) ?? { all: 0, met: 0, ranked: [] };
    g.all++;
    if (u.remaining.length === 0) g.met++;
    byGroup.set(u.group, g);
  }
  for (const u of ranking) if (u.group !== undefined) byGroup.get(u.group)!.ranked.push(u);
  const groups: GroupTargetCheck[] = [...byGroup].map(([group, g]) => {
    const need = Math.max(0, t.count - g.met);
    return { group, total: g.all, met: g.met, need, reached: need === 0, closest: g.ranked.slice(0, need) };
  });
  const short = groups.filter((g) => !g.reached);
  return {
    count: t.count,
    year: t.year,
    perGroup: true,
    total: groups.length,
    met: groups.length - short.length,
    need: short.length,
    reached: groups.length > 0 && short.length === 0,
    overTotal: groups.some((g) => g.total < t.count),
    ...(year !== undefined && t.year < year ? { beforeAssessment: year } : {}),
    closest: short.flatMap((g) => g.closest),
    groups,
    ungrouped,
  };
}

function checkTarget(t: RoadTarget, total: number, met: number, ranking: UnitRoad[], year: number | undefined): TargetCheck {
  const need = Math.max(0, t.count - met);
  return {
    count: t.count,
    year: t.year,
    total,
    met,
    need,
    reached: need === 0,
    overTotal: t.count > total,
    ...(year !== undefined && t.year < year ? { beforeAssessment: year } : {}),
    closest: ranking.slice(0, need),
  };
}
