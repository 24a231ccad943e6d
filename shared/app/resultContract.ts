// The result contract (docs/contracts.md): the document --json prints and any host can produce,
// with a stable key per unit so two runs (two years, two hosts) can be compared without host code.
import type { ThresholdValue } from "../catalog/schema.js";
import { summariseUnits } from "../engine/summary.js";
import type { CriterionResult, Gap, IndicatorResult, ParsedValue, UnitResult } from "../engine/types.js";
import { formatGap, formatTarget } from "../i18n/format.js";
import type { Language } from "../i18n/strings.js";
import { foldVietnamese } from "../text/fold.js";

/** A unit as a host evaluated it: where it came from and its result. */
export interface LocatedUnit {
  file?: string;
  sheet: string;
  result: UnitResult;
}

// A run of them: "Thôn Bản Chàn" one year is "Bản Chàn" the next, so both words go.
const UNIT_PREFIX = /^(?:(?:xa|phuong|thi tran|thon|ban|ap|xom|lang|to dan pho)\s+)+/;

/**
 * "vu muon/dong bun": the commune and the name, case, diacritics and leading "Xã"/"Thôn"/"Bản"
 * folded, so "Thôn Đông Bun" (xã Vũ Muộn) one year and "Đông Bun" (Xã Vũ Muộn) the next match.
 */
export function unitKey(u: { name: string; group?: string | undefined }): string {
  const fold = (s: string) => foldVietnamese(s.normalize("NFC")).replace(UNIT_PREFIX, "");
  return `${u.group === undefined ? "" : fold(u.group)}/${fold(u.name)}`;
}

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

/** One unit of the contract's "units" list. */
export function contractUnit({ file, sheet, result: r }: LocatedUnit, lang: Language) {
  return {
    key: unitKey(r),
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
    criteria: r.criteria.map((c) => criterionJson(c, lang)),
  };
}

function criterionJson(c: CriterionResult, lang: Language) {
  return {
    no: c.no,
    status: c.status,
    origin: c.origin,
    ...(c.selfAssessment ? { selfAssessment: c.selfAssessment, disagreesWithSelfAssessment: c.disagreesWithSelfAssessment } : {}),
    indicators: c.indicators.map((i) => indicatorJson(i, lang)),
  };
}

/** Shared (frozen) criterion results serialised once per language: a district's marks repeat. */
const criterionText = { vi: new WeakMap<CriterionResult, string>(), en: new WeakMap<CriterionResult, string>() };

/** contractUnit as JSON text, the same as JSON.stringify(contractUnit(u, lang)), faster on marks. */
export function contractUnitJson(u: LocatedUnit, lang: Language): string {
  const { criteria, ...head } = contractUnit({ ...u, result: { ...u.result, criteria: [] } }, lang);
  void criteria;
  const cache = criterionText[lang];
  const parts = u.result.criteria.map((c) => {
    if (!Object.isFrozen(c)) return JSON.stringify(criterionJson(c, lang));
    let text = cache.get(c);
    if (text === undefined) cache.set(c, (text = JSON.stringify(criterionJson(c, lang))));
    return text;
  });
  const text = JSON.stringify(head);
  return `${text.slice(0, -1)},"criteria":[${parts.join(",")}]}`;
}

/**
 * The document around its units, in key order: the fields before "units", then those after.
 * A host writing a province's villages turns each unit into JSON as it writes it (contractUnit).
 */
export function contractFrame(units: readonly LocatedUnit[], o: ContractOptions, extra: Record<string, unknown> = {}) {
  const s = summariseUnits(units.map((u) => u.result));
  return {
    before: { set: o.set, region: o.region, year: o.year },
    after: {
      summary: { unitCount: s.unitCount, byCountMet: s.byCountMet, byUnmetCriterion: s.byUnmetCriterion, averageMet: s.averageMet },
      ...extra,
    },
  };
}

export function contractJson(units: readonly LocatedUnit[], o: ContractOptions, extra: Record<string, unknown> = {}) {
  const { before, after } = contractFrame(units, o, extra);
  return { ...before, units: units.map((u) => contractUnit(u, o.lang)), ...after };
}
