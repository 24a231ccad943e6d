// The district roll-up: the conditions of the district set (320/QĐ-TTg, Phụ lục I) that can be
// computed from its communes' results: the share of communes meeting the commune set and the share
// meeting the advanced set, each with the names behind the number, against the district set's
// levels. Pure: any host can call it on the units it evaluated. The other conditions (towns,
// residents' satisfaction, the district's own criteria) are listed as undetermined, with why.
import { tRollup } from "../i18n/rollupStrings.js";
import { getBuiltInSet } from "../catalog/builtin.js";
import { DISTRICT_SET_ID, getDistrictConditions, type ConditionMeasure, type DistrictCondition, type DistrictConditions } from "../catalog/districtConditions.js";
import type { CriteriaSet } from "../catalog/schema.js";
import type { UnitResult } from "../engine/types.js";
import { formatNumber, formatTarget, inLanguage, t } from "../i18n/format.js";
import type { Language } from "../i18n/strings.js";
import { countWithNoun, fitCell, listUnitsByGroup } from "../report/districtReport.js";
import { unitKey } from "./resultContract.js";

export type RollupStatus = "met" | "not_met" | "unknown";

/** Why a condition is undetermined (or, for "undetermined", why it might still go either way). */
export type RollupWhy = "noThreshold" | "noStandardRun" | "noAdvancedRun" | "townResults" | "survey" | "districtCriteria" | "undetermined";

/** A unit of the run and the set that judged it. Its position in the list is its number in the result. */
export interface RollupUnit {
  set: CriteriaSet;
  result: UnitResult;
}

export interface RollupRef {
  /** Position in the units given to districtRollup. */
  index: number;
  name: string;
  group?: string;
}

/** The communes behind a share. Each commune (unit key) is counted once. */
export interface RollupCount {
  /** The commune sets that judged them (ids). */
  sets: string[];
  /** Communes meeting every criterion of their set. */
  met: RollupRef[];
  /** Communes with at least one criterion not met. */
  notMet: RollupRef[];
  /** Communes with no criterion unmet but some not judged (missing or unreadable data, no target). */
  undetermined: RollupRef[];
  /** Communes of the run with no result against a set of this kind. */
  notAssessed: RollupRef[];
  /** Communes of the run (every commune-level unit, by key). */
  total: number;
  /** met / total, in percent, at full precision. */
  share: number;
}

export interface ConditionResult {
  condition: DistrictCondition;
  status: RollupStatus;
  why?: RollupWhy;
  /** Only for the conditions on the communes' results. */
  count?: RollupCount;
}

export interface DistrictRollup {
  /** The district set whose conditions were checked. */
  setId: string;
  /** The document and annex the conditions come from. */
  document: string;
  /** Communes in the run (commune-level units, each key once). */
  communes: number;
  conditions: ConditionResult[];
}

export interface RollupOptions {
  /** The district set's conditions; default: those of huyen-ntm-2021-2025. */
  conditions?: DistrictConditions;
}

type UnitState = "met" | "notMet" | "undetermined";

/** Met: every criterion met. Not met: one criterion not met is enough. Otherwise undetermined. */
export function unitState(r: UnitResult): UnitState {
  if (r.unmet.length > 0) return "notMet";
  if (r.criteriaTotal > 0 && r.criteria.length > 0 && r.criteria.every((c) => c.status === "met")) return "met";
  return "undetermined";
}

const measureOf = (set: CriteriaSet): ConditionMeasure => (set.tier === "advanced" ? "advanced" : "standard");

/**
 * The conditions of the district set against the communes of the run (units judged by a
 * commune-level set; villages and districts are left out). Null when the run holds no commune.
 * A condition is met when the communes meeting the set already reach the level; not met when it
 * stays out of reach even if every undetermined or unassessed commune met the set; otherwise
 * undetermined, with the communes it depends on named.
 */
export function districtRollup(units: readonly RollupUnit[], o: RollupOptions = {}): DistrictRollup | null {
  const conditions = o.conditions ?? getDistrictConditions(DISTRICT_SET_ID);
  if (!conditions) return null;
  // Every commune once, by key, at its first position; and its states under each kind of set.
  const communes = new Map<string, RollupRef>();
  // Per commune: its first unit under the kind of set, and the first of its units not meeting it.
  const states: Record<ConditionMeasure, Map<string, { ref: RollupRef; notMet?: RollupRef; states: UnitState[] }>> = { standard: new Map(), advanced: new Map() };
  const sets: Record<ConditionMeasure, Set<string>> = { standard: new Set(), advanced: new Set() };
  units.forEach((u, index) => {
    if (u.set.level !== "xa") return;
    const key = unitKey(u.result);
    const ref: RollupRef = { index, name: u.result.name, ...(u.result.group !== undefined ? { group: u.result.group } : {}) };
    if (!communes.has(key)) communes.set(key, ref);
    const m = measureOf(u.set);
    sets[m].add(u.set.id);
    const entry = states[m].get(key) ?? { ref, states: [] };
    const state = unitState(u.result);
    if (state === "notMet" && !entry.notMet) entry.notMet = ref;
    entry.states.push(state);
    states[m].set(key, entry);
  });
  if (communes.size === 0) return null;

  const countFor = (m: ConditionMeasure): RollupCount => {
    const c: RollupCount = { sets: [...sets[m]], met: [], notMet: [], undetermined: [], notAssessed: [], total: communes.size, share: 0 };
    for (const [key, ref] of communes) {
      const e = states[m].get(key);
      if (!e) c.notAssessed.push(ref);
      else if (e.notMet) c.notMet.push(e.notMet);
      else if (e.states.every((s) => s === "met")) c.met.push(e.ref);
      else c.undetermined.push(e.ref);
    }
    c.share = (c.met.length / c.total) * 100;
    return c;
  };

  const results = conditions.conditions.map((condition): ConditionResult => {
    if (condition.needs !== "communeResults" || !condition.measure) {
      const why: RollupWhy = condition.needs === "townResults" ? "townResults" : condition.needs === "survey" ? "survey" : "districtCriteria";
      return { condition, status: "unknown", why };
    }
    const count = countFor(condition.measure);
    if (count.sets.length === 0) return { condition, status: "unknown", why: condition.measure === "advanced" ? "noAdvancedRun" : "noStandardRun", count };
    if (condition.value === null) return { condition, status: "unknown", why: "noThreshold", count };
    const reaches = (n: number) => compareShare(n, count.total, condition.comparator, condition.value!);
    if (reaches(count.met.length)) return { condition, status: "met", count };
    // Still out of reach if every commune not concluded (or not assessed) met the set: not met.
    const best = count.met.length + count.undetermined.length + count.notAssessed.length;
    if (!reaches(best)) return { condition, status: "not_met", count };
    return { condition, status: "unknown", why: "undetermined", count };
  });
  return { setId: conditions.setId, document: conditions.document, communes: communes.size, conditions: results };
}

/** n/total against a level in percent, in whole numbers: 100 × n vs level × total (no rounding error at 100%). */
function compareShare(n: number, total: number, comparator: DistrictCondition["comparator"], level: number): boolean {
  const a = 100 * n;
  const b = level * total;
  switch (comparator) {
    case ">=":
      return a >= b;
    case ">":
      return a > b;
    case "<=":
      return a <= b;
    case "<":
      return a < b;
    case "=":
      return a === b;
  }
}

// ---- Words: the notice's section, each line within a spreadsheet cell.

function conditionTarget(c: DistrictCondition, lang: Language): string {
  if (c.value === null) return t("status.no_threshold", lang);
  const target = formatTarget({ comparator: c.comparator, value: c.value, unit: c.unit }, lang);
  return tRollup("rollup.target", lang, { target, flag: c.confirmed ? "" : tRollup("rollup.unconfirmed", lang) });
}

function whyText(why: RollupWhy, lang: Language): string {
  const noun = t("noun.xa", lang);
  return tRollup(`rollup.why.${why}`, lang, { noun, set: getBuiltInSet("xa-ntm-nang-cao-2021-2025")?.id ?? "xa-ntm-nang-cao-2021-2025" });
}

/** The roll-up as notice lines: a title, a line per condition with the names behind each number, the notes. */
export function rollupLines(r: DistrictRollup, lang: Language = "vi"): string[] {
  const noun = t("noun.xa", lang);
  const count = (n: number) => countWithNoun(n, noun, lang);
  const list = (refs: readonly RollupRef[]) => listUnitsByGroup(refs, lang);
  const lines = [tRollup("rollup.title", lang, { document: r.document, count: count(r.communes) })];
  for (const c of r.conditions) {
    const parts: string[] = [];
    if (c.count && c.count.sets.length > 0) {
      parts.push(tRollup("rollup.share", lang, { count: String(c.count.met.length), total: String(c.count.total), noun, share: `${formatNumber(c.count.share, lang, 1)}%` }));
    }
    if (c.why) parts.push(whyText(c.why, lang));
    const text = inLanguage({ vi: c.condition.text, en: c.condition.textEn }, lang);
    lines.push(tRollup("rollup.line", lang, { text, target: conditionTarget(c.condition, lang), status: tRollup(`rollup.status.${c.status}`, lang), detail: parts.length ? `: ${parts.join("; ")}` : "" }));
    if (c.count && c.count.sets.length > 0) {
      if (c.count.met.length) lines.push(tRollup("rollup.metUnits", lang, { count: count(c.count.met.length), list: list(c.count.met) }));
      if (c.count.notMet.length) lines.push(tRollup("rollup.notMetUnits", lang, { count: count(c.count.notMet.length), list: list(c.count.notMet) }));
      if (c.count.undetermined.length) lines.push(tRollup("rollup.undeterminedUnits", lang, { count: count(c.count.undetermined.length), list: list(c.count.undetermined) }));
      if (c.count.notAssessed.length) lines.push(tRollup("rollup.notAssessedUnits", lang, { count: count(c.count.notAssessed.length), list: list(c.count.notAssessed) }));
    }
  }
  lines.push(tRollup("rollup.noteShares", lang, { count: count(r.communes), noun }));
  if (r.conditions.some((c) => c.condition.value !== null && !c.condition.confirmed)) lines.push(tRollup("rollup.noteUnconfirmed", lang, { document: r.document }));
  return lines.map((l) => fitCell(l, lang));
}

/**
 * The roll-up as a block of report rows (a blank row, then a line per row), for a sheet or a
 * workbook whose units are several communes judged by one set; none otherwise (a single commune's
 * form says nothing of its district). The same block in NTM_BaoCao on every host.
 */
export function rollupReportRows(results: readonly UnitResult[], set: CriteriaSet, lang: Language = "vi"): string[][] {
  const r = districtRollup(results.map((result) => ({ set, result })));
  return r && r.communes > 1 ? [[], ...rollupLines(r, lang).map((l) => [l])] : [];
}

/** The `districtRollup` of the JSON contract (docs/contracts.md); unit numbers are positions in the document's `units`. */
export function rollupJson(r: DistrictRollup, lang: Language = "vi", position: (index: number) => number = (i) => i) {
  const idx = (refs: readonly RollupRef[]) => refs.map((x) => position(x.index));
  return {
    set: r.setId,
    document: r.document,
    communes: r.communes,
    conditions: r.conditions.map((c) => ({
      id: c.condition.id,
      text: inLanguage({ vi: c.condition.text, en: c.condition.textEn }, lang),
      needs: c.condition.needs,
      ...(c.condition.measure ? { measure: c.condition.measure } : {}),
      comparator: c.condition.comparator,
      threshold: c.condition.value,
      ...(c.condition.unit ? { unit: c.condition.unit } : {}),
      source: c.condition.source,
      confirmed: c.condition.confirmed,
      status: c.status,
      ...(c.why ? { why: c.why } : {}),
      ...(c.count
        ? {
            sets: c.count.sets,
            count: c.count.met.length,
            total: c.count.total,
            share: c.count.share,
            met: idx(c.count.met),
            notMet: idx(c.count.notMet),
            undetermined: idx(c.count.undetermined),
            notAssessed: idx(c.count.notAssessed),
          }
        : {}),
    })),
    report: rollupLines(r, lang),
  };
}
