// The command line's JSON document (docs/contracts.md), plus fields that say where each unit came from.
import {
  formatGap,
  formatTarget,
  summariseUnits,
  type Gap,
  type IndicatorResult,
  type Language,
  type ParsedValue,
  type ThresholdValue,
} from "../shared/index.js";
import type { EvaluatedUnit } from "./evaluateWorkbook.js";

function plainValue(v: ParsedValue | null): number | boolean | string | null {
  if (!v) return null;
  switch (v.type) {
    case "number":
      return v.value;
    case "boolean":
      return v.value;
    case "assessment":
      return v.met ? "Đạt" : "Chưa đạt";
    case "text":
      return v.value;
    case "not_applicable":
      return "Không áp dụng";
  }
}

function plainGap(g: Gap | null, lang: Language): number | string | null {
  if (!g) return null;
  return g.type === "requirement" ? formatGap(g, lang) : g.amount;
}

function indicatorJson(i: IndicatorResult, lang: Language) {
  const threshold: ThresholdValue | null = i.threshold ? i.threshold.value : null;
  return {
    code: i.code,
    value: plainValue(i.value),
    threshold,
    status: i.status,
    gap: plainGap(i.gap, lang),
    ...(i.threshold
      ? { comparator: i.threshold.comparator, thresholdText: formatTarget(i.threshold, lang), thresholdOrigin: i.threshold.origin, thresholdSource: i.threshold.source, thresholdConfirmed: i.threshold.confirmed }
      : {}),
    ...(i.gap ? { gapText: formatGap(i.gap, lang) } : {}),
  };
}

export interface ContractOptions {
  set: string;
  region: string | null;
  year: number | null;
  lang: Language;
}

export function contractJson(units: readonly EvaluatedUnit[], o: ContractOptions, extra: Record<string, unknown> = {}) {
  const s = summariseUnits(units.map((u) => u.result));
  return {
    set: o.set,
    region: o.region,
    year: o.year,
    units: units.map(({ file, sheet, result: r }) => ({
      name: r.name,
      ...(r.group !== undefined ? { group: r.group } : {}),
      file,
      sheet,
      criteriaMet: r.criteriaMet,
      criteriaTotal: r.criteriaTotal,
      unmet: r.unmet,
      missing: r.missing,
      invalid: r.invalid,
      noThreshold: r.noThreshold,
      criteria: r.criteria.map((c) => ({
        no: c.no,
        status: c.status,
        origin: c.origin,
        ...(c.selfAssessment ? { selfAssessment: c.selfAssessment, disagreesWithSelfAssessment: c.disagreesWithSelfAssessment } : {}),
        indicators: c.indicators.map((i) => indicatorJson(i, o.lang)),
      })),
    })),
    summary: {
      unitCount: s.unitCount,
      byCountMet: s.byCountMet,
      byUnmetCriterion: s.byUnmetCriterion,
      averageMet: s.averageMet,
    },
    ...extra,
  };
}
