import type { RegionId } from "../catalog/regions.js";
import type { CriteriaSet, Criterion, Indicator } from "../catalog/schema.js";
import { message, type Message } from "../i18n/message.js";
import { compareGrades, compareNumbers } from "./compare.js";
import { gapFor } from "./gap.js";
import { combineCriterion } from "./combineCriterion.js";
import { parseIndicatorValue, type ParseHints } from "./parseValue.js";
import { findIndicator, readTargetFor, resolveFromSets, targetFits } from "./resolveThreshold.js";
import type { CriterionResult, IndicatorResult, ParsedValue, ResolvedThreshold, Status, Target, UnitResult } from "./types.js";

export { combineCriterion } from "./combineCriterion.js";

export interface EvaluationOptions {
  set: CriteriaSet;
  region?: RegionId;
  year?: number;
  /** A set the workbook carries (NTM_BoTieuChi): its thresholds come before the built-in ones. */
  workbookSet?: CriteriaSet;
  /** Explicit targets (a function argument, a task-pane override), by indicator code. */
  overrides?: Readonly<Record<string, Target | string>>;
  parseHints?: ParseHints;
}

/** One commune or village as a host read it. */
export interface UnitInput {
  name: string;
  /** The commune a village belongs to, for grouping in reports. */
  group?: string;
  /** Indicator values by code ("10", "2.1"). */
  values: Readonly<Record<string, unknown>>;
  /** The row's own target column, by code ("≥ 45 triệu đồng/người"). */
  targets?: Readonly<Record<string, unknown>>;
  /** Criterion-level self-assessments ("Tiêu chí 10": Đạt / Chưa đạt), by criterion number. */
  criterionAssessments?: Readonly<Record<number, unknown>>;
  /** Per-unit region, e.g. an especially disadvantaged commune judged by the tdmnpb column. */
  region?: RegionId;
  /** Per-code reading hints (a column formatted as percent...). */
  parseHints?: Readonly<Record<string, ParseHints>>;
}

interface IndicatorPlan {
  ind: Indicator;
  threshold: ResolvedThreshold | null;
  noThresholdReason?: Message;
}

interface CriterionPlan {
  criterion: Criterion;
  indicators: IndicatorPlan[];
}

interface Plan {
  criteria: CriterionPlan[];
  codes: ReadonlySet<string>;
}

/** Indicators whose code is not in the set but whose row carries a target: judged by that target alone. */
function adHocIndicator(code: string, target: Target | undefined): Indicator {
  const kind = target === undefined ? "number" : typeof target.value === "boolean" ? "boolean" : target.unit === "%" ? "percent" : "number";
  return { code, text: code, unit: target?.unit ?? "", kind, comparator: target?.comparator ?? ">=", thresholds: [], confirmed: false, source: "row" };
}

/**
 * An evaluator bound to a set, region and year. Thresholds are resolved once per region,
 * so evaluating many units only reads and compares values.
 */
export class Evaluator {
  private readonly plans = new Map<string, Plan>();
  /** Row targets repeat down a sheet ("≥ 90%"): each text is read once per indicator. */
  private readonly rowTargets = new Map<string, Map<unknown, { ind: Indicator; threshold: ResolvedThreshold } | null>>();
  private readonly layers: ReadonlyArray<{ set: CriteriaSet; origin: "workbook" | "catalog" }>;

  constructor(readonly options: EvaluationOptions) {
    this.layers = options.workbookSet
      ? [
          { set: options.workbookSet, origin: "workbook" },
          { set: options.set, origin: "catalog" },
        ]
      : [{ set: options.set, origin: "catalog" }];
  }

  /** Criteria to judge: the set's own; for a set whose criteria are not known yet, those met in the data. */
  private plan(region: RegionId | undefined): Plan {
    const key = region ?? "";
    let plan = this.plans.get(key);
    if (plan) return plan;
    const { set, year, overrides } = this.options;
    const criteria: CriterionPlan[] = set.criteria.map((criterion) => ({
      criterion,
      indicators: criterion.indicators.map((base) => {
        const ind = (this.options.workbookSet && findIndicator(this.options.workbookSet, base.code)) || base;
        const override = overrides?.[ind.code];
        if (override !== undefined) {
          const t = typeof override === "string" ? readTargetFor(ind, override) : override;
          if (t && targetFits(ind, t)) return { ind, threshold: { ...t, origin: "argument" as const, source: "argument", confirmed: true } };
        }
        const r = resolveFromSets(ind.code, this.layers, region, year);
        return r.threshold ? { ind, threshold: r.threshold } : { ind, threshold: null, noThresholdReason: r.reason };
      }),
    }));
    plan = { criteria, codes: new Set(criteria.flatMap((c) => c.indicators.map((i) => i.ind.code))) };
    this.plans.set(key, plan);
    return plan;
  }

  evaluateUnit(unit: UnitInput): UnitResult {
    const plan = this.plan(unit.region ?? this.options.region);
    const criteria: CriterionResult[] = new Array(plan.criteria.length);
    for (let c = 0; c < plan.criteria.length; c++) {
      const cp = plan.criteria[c]!;
      const results: IndicatorResult[] = new Array(cp.indicators.length);
      for (let i = 0; i < cp.indicators.length; i++) results[i] = this.evaluateIndicatorPlan(cp.indicators[i]!, unit);
      criteria[c] = combineCriterion(cp.criterion.no, results, unit.criterionAssessments?.[cp.criterion.no]);
    }
    if (this.options.set.criteria.length === 0 || hasUnlistedCode(unit, plan.codes)) this.addUnlistedCodes(unit, plan.codes, criteria);
    return summariseUnit(unit, criteria);
  }

  /** Codes in the data that the set does not list: judged by the row's own target when there is one. */
  private addUnlistedCodes(unit: UnitInput, known: ReadonlySet<string>, criteria: CriterionResult[]): void {
    const byNo = new Map(criteria.map((c) => [c.no, c]));
    const setHasCriteria = this.options.set.criteria.length > 0;
    const extra = new Map<number, IndicatorResult[]>();
    for (const code of Object.keys(unit.values)) {
      if (known.has(code)) continue;
      const no = Number(code.split(".")[0]);
      if (!Number.isInteger(no) || no < 1) continue;
      if (setHasCriteria && !byNo.has(no)) continue;
      const rawTarget = unit.targets?.[code];
      const target = rawTarget === undefined ? undefined : readTargetFor({ kind: "number", comparator: ">=" }, rawTarget);
      const ind = adHocIndicator(code, target);
      const plan: IndicatorPlan = { ind, threshold: null, noThresholdReason: message("indicator.unknown", { code, set: this.options.set.id }) };
      const list = extra.get(no) ?? [];
      list.push(this.evaluateIndicatorPlan(plan, unit));
      extra.set(no, list);
    }
    if (!setHasCriteria && unit.criterionAssessments) {
      for (const k of Object.keys(unit.criterionAssessments)) if (!extra.has(Number(k))) extra.set(Number(k), []);
    }
    for (const [no, results] of extra) {
      const existing = byNo.get(no);
      if (existing) {
        const merged = combineCriterion(no, [...existing.indicators, ...results], unit.criterionAssessments?.[no]);
        criteria[criteria.indexOf(existing)] = merged;
      } else {
        criteria.push(combineCriterion(no, results, unit.criterionAssessments?.[no]));
      }
    }
    if (!setHasCriteria) criteria.sort((a, b) => a.no - b.no);
  }

  private evaluateIndicatorPlan(ip: IndicatorPlan, unit: UnitInput): IndicatorResult {
    let { ind } = ip;
    let threshold = ip.threshold;
    let reason = ip.noThresholdReason;
    // The row's own target outranks a set's, but never an explicit argument.
    if (threshold?.origin !== "argument") {
      const rawTarget = unit.targets?.[ind.code];
      if (rawTarget !== undefined && rawTarget !== null && rawTarget !== "") {
        const fromRow = this.rowTarget(ind, rawTarget);
        if (fromRow) ({ ind, threshold } = fromRow);
        else if (!threshold) reason = message("target.unreadable", { code: ind.code, value: String(rawTarget) });
      }
    }
    return evaluateIndicator(ind, unit.values[ind.code], threshold, unit.parseHints?.[ind.code] ?? this.options.parseHints, reason);
  }

  /**
   * A row's target, read for the indicator; when the form words it differently from the set
   * ("100%" where the set has a grade), the form's own target judges the row.
   */
  private rowTarget(ind: Indicator, raw: unknown): { ind: Indicator; threshold: ResolvedThreshold } | null {
    let byText = this.rowTargets.get(ind.code);
    if (!byText) this.rowTargets.set(ind.code, (byText = new Map()));
    let resolved = byText.get(raw);
    if (resolved === undefined) {
      const t = readTargetFor(ind, raw);
      if (t && targetFits(ind, t)) resolved = { ind, threshold: { ...t, origin: "row", source: "row", confirmed: true } };
      else {
        const own = readTargetFor({ kind: "number", comparator: ind.comparator }, raw) ?? readTargetFor({ kind: "boolean", comparator: "=" }, raw);
        const adHoc = own && { ...adHocIndicator(ind.code, own), text: ind.text, optional: ind.optional };
        resolved = own && adHoc && targetFits(adHoc, own) ? { ind: adHoc, threshold: { ...own, origin: "row", source: "row", confirmed: true } } : null;
      }
      if (byText.size < 1000) byText.set(raw, resolved);
    }
    return resolved;
  }

  evaluateUnits(units: readonly UnitInput[]): UnitResult[] {
    return units.map((u) => this.evaluateUnit(u));
  }
}

const ASSESSMENT_USED = Object.freeze(message("value.assessmentUsed"));
const NOT_APPLICABLE = Object.freeze(message("value.notApplicable"));

/** Judges one value against one resolved threshold. Never throws. */
export function evaluateIndicator(ind: Indicator, raw: unknown, threshold: ResolvedThreshold | null, hints?: ParseHints, noThresholdReason?: Message): IndicatorResult {
  if (raw === null || raw === undefined || raw === "") return missingResult(ind, threshold);
  const result = judge(ind, raw, threshold, hints, noThresholdReason);
  if (ind.optional) result.optional = true;
  return result;
}

/**
 * A blank indicator's result is the same for every unit: one shared (frozen) object per
 * indicator and threshold, so 50,000 villages judged by their criterion marks do not hold a
 * million copies of it.
 */
const missingResults = new WeakMap<Indicator, Map<ResolvedThreshold | null, IndicatorResult>>();
function missingResult(ind: Indicator, threshold: ResolvedThreshold | null): IndicatorResult {
  let byThreshold = missingResults.get(ind);
  if (!byThreshold) missingResults.set(ind, (byThreshold = new Map()));
  let r = byThreshold.get(threshold);
  if (!r) {
    const made: IndicatorResult = { code: ind.code, status: "missing", value: null, threshold, gap: null };
    if (ind.optional) made.optional = true;
    r = Object.freeze(made);
    if (byThreshold.size < 64) byThreshold.set(threshold, r);
  }
  return r;
}

function hasUnlistedCode(unit: UnitInput, codes: ReadonlySet<string>): boolean {
  for (const code in unit.values) if (!codes.has(code)) return true;
  return false;
}

function judge(ind: Indicator, raw: unknown, threshold: ResolvedThreshold | null, hints?: ParseHints, noThresholdReason?: Message): IndicatorResult {
  const parsed = parseIndicatorValue(raw, ind, hints);
  if (!parsed.ok) {
    return parsed.missing
      ? { code: ind.code, status: "missing", value: null, threshold, gap: null }
      : { code: ind.code, status: "invalid", value: null, threshold, gap: null, reason: parsed.reason };
  }
  const value = parsed.value;
  if (value.type === "assessment") {
    const status: Status = value.met ? "met" : "not_met";
    return { code: ind.code, status, value, threshold, gap: value.met ? null : gapFor(ind, value, threshold), reason: ASSESSMENT_USED };
  }
  if (value.type === "not_applicable") return { code: ind.code, status: "met", value, threshold, gap: null, reason: NOT_APPLICABLE };
  if (!threshold) return { code: ind.code, status: "no_threshold", value, threshold: null, gap: null, reason: noThresholdReason ?? message("threshold.none", { code: ind.code, set: "" }) };
  const met = meets(ind, value, threshold);
  if (met === undefined) {
    return { code: ind.code, status: "invalid", value, threshold, gap: null, reason: message("target.kindMismatch", { code: ind.code }) };
  }
  // A percent read from a fraction (0.85 -> 85) says so through value.fromFraction.
  return { code: ind.code, status: met ? "met" : "not_met", value, threshold, gap: met ? null : gapFor(ind, value, threshold) };
}

function meets(ind: Indicator, value: ParsedValue, t: ResolvedThreshold): boolean | undefined {
  if (value.type === "number" && typeof t.value === "number") return compareNumbers(value.value, t.comparator, t.value);
  if (value.type === "boolean" && typeof t.value === "boolean") return value.value === t.value;
  if (value.type === "text" && typeof t.value === "string") return compareGrades(value.value, t.comparator, t.value, ind.grades ?? []);
  return undefined;
}

function summariseUnit(unit: UnitInput, criteria: CriterionResult[]): UnitResult {
  const r: UnitResult = { name: unit.name, criteriaMet: 0, criteriaTotal: criteria.length, unmet: [], missing: [], invalid: [], noThreshold: [], criteria };
  if (unit.group !== undefined) r.group = unit.group;
  for (const c of criteria) {
    if (c.status === "met") r.criteriaMet++;
    else if (c.status === "not_met") r.unmet.push(c.no);
    else if (c.status === "missing") r.missing.push(c.no);
    else if (c.status === "invalid") r.invalid.push(c.no);
    else r.noThreshold.push(c.no);
  }
  return r;
}

/** Convenience for one unit. */
export function evaluateUnit(unit: UnitInput, options: EvaluationOptions): UnitResult {
  return new Evaluator(options).evaluateUnit(unit);
}
