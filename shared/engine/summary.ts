import type { UnitResult } from "./types.js";

export interface UnitRef {
  name: string;
  group?: string;
}

/** The district view over many units (DESIGN.md contract, plus the unit lists reports name). */
export interface UnitsSummary {
  unitCount: number;
  criteriaTotal: number;
  /** How many units meet each number of criteria: { "16": 8, ... }. */
  byCountMet: Record<string, number>;
  /** How many units fail each criterion: { "10": 20, ... }. */
  byUnmetCriterion: Record<string, number>;
  /** Mean criteria met per unit, at full precision (notices round it to one decimal when they print it). */
  averageMet: number;
  unitsByCountMet: Record<string, UnitRef[]>;
  unitsByUnmetCriterion: Record<string, UnitRef[]>;
  unitsMeetingAll: UnitRef[];
  /** Units with a criterion missing data, unreadable, or without a known target. */
  unitsWithMissing: UnitRef[];
}

export function summariseUnits(units: readonly UnitResult[]): UnitsSummary {
  const s: UnitsSummary = {
    unitCount: units.length,
    criteriaTotal: units.reduce((m, u) => Math.max(m, u.criteriaTotal), 0),
    byCountMet: {},
    byUnmetCriterion: {},
    averageMet: 0,
    unitsByCountMet: {},
    unitsByUnmetCriterion: {},
    unitsMeetingAll: [],
    unitsWithMissing: [],
  };
  let totalMet = 0;
  for (const u of units) {
    const ref: UnitRef = u.group === undefined ? { name: u.name } : { name: u.name, group: u.group };
    totalMet += u.criteriaMet;
    const k = String(u.criteriaMet);
    s.byCountMet[k] = (s.byCountMet[k] ?? 0) + 1;
    (s.unitsByCountMet[k] ??= []).push(ref);
    for (const no of u.unmet) {
      const key = String(no);
      s.byUnmetCriterion[key] = (s.byUnmetCriterion[key] ?? 0) + 1;
      (s.unitsByUnmetCriterion[key] ??= []).push(ref);
    }
    if (u.criteriaTotal > 0 && u.criteriaMet === u.criteriaTotal) s.unitsMeetingAll.push(ref);
    if (u.missing.length + u.invalid.length + u.noThreshold.length > 0) s.unitsWithMissing.push(ref);
  }
  s.averageMet = units.length ? totalMet / units.length : 0;
  return s;
}
