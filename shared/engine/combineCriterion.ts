// A criterion's status from its indicators' results, or from the sheet's own mark when it has no
// indicator data; results judged by a mark alone are shared between units.
import { parseCell } from "./parseValue.js";
import type { CriterionResult, IndicatorResult, Status } from "./types.js";

/** Order of precedence when indicators disagree: a failure outweighs a gap in the data. */
const SEVERITY: Record<Status, number> = { not_met: 4, invalid: 3, missing: 2, no_threshold: 1, met: 0 };

/**
 * A criterion is met when every applicable indicator is met; `missing` when data is absent
 * and nothing failed. With no indicator data at all, the sheet's own "Đạt / Chưa đạt" for
 * the criterion is its status.
 */
export function combineCriterion(no: number, indicators: IndicatorResult[], rawAssessment: unknown): CriterionResult {
  const self = readSelfAssessment(rawAssessment);
  let allAbsent = true;
  for (const r of indicators) if (r.status !== "missing") allAbsent = false;
  let status: Status = "met";
  for (const r of indicators) {
    if (r.optional && r.status === "missing" && !allAbsent) continue;
    if (SEVERITY[r.status] > SEVERITY[status]) status = r.status;
  }
  if (indicators.length === 0) status = "missing";
  if (allAbsent && self) return selfAssessed(no, self, indicators);
  const result: CriterionResult = { no, status, origin: "indicators", indicators, disagreesWithSelfAssessment: false };
  if (self && self !== "invalid") {
    result.selfAssessment = self;
    result.disagreesWithSelfAssessment = (status === "met" || status === "not_met") && status !== self;
  }
  return result;
}

/**
 * A criterion judged by the sheet's own mark, with no indicator data: the same result for every
 * unit with that mark, shared (frozen) like the blank indicators under it. A district's villages
 * are mostly marks: 50,000 rows × 19 criteria would otherwise be a million objects.
 */
const selfAssessedResults = new Map<string, CriterionResult>();
const objectIds = new WeakMap<object, number>();
let lastObjectId = 0;
const objectId = (o: object): number => {
  let id = objectIds.get(o);
  if (id === undefined) objectIds.set(o, (id = ++lastObjectId));
  return id;
};
function selfAssessed(no: number, self: "met" | "not_met" | "invalid", indicators: IndicatorResult[]): CriterionResult {
  const make = (): CriterionResult =>
    self === "invalid"
      ? { no, status: "invalid", origin: "self_assessment", indicators, disagreesWithSelfAssessment: false }
      : { no, status: self, origin: "self_assessment", indicators, selfAssessment: self, disagreesWithSelfAssessment: false };
  // Only blank indicators already shared can be shared again.
  if (!indicators.every((i) => Object.isFrozen(i))) return make();
  const key = `${no}|${self}|${indicators.map(objectId).join(",")}`;
  let r = selfAssessedResults.get(key);
  if (!r) {
    r = Object.freeze(make());
    Object.freeze(indicators);
    if (selfAssessedResults.size < 10_000) selfAssessedResults.set(key, r);
  }
  return r;
}

function readSelfAssessment(raw: unknown): "met" | "not_met" | "invalid" | undefined {
  const p = parseCell(raw);
  if (!p.ok) return p.missing ? undefined : "invalid";
  const v = p.value;
  if (v.type === "assessment") return v.met ? "met" : "not_met";
  if (v.type === "boolean") return v.value ? "met" : "not_met";
  if (v.type === "number" && (v.value === 1 || v.value === 0)) return v.value === 1 ? "met" : "not_met";
  return "invalid";
}

