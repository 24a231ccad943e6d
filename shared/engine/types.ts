import type { Comparator, IndicatorKind, ThresholdValue } from "../catalog/schema.js";
import type { Message } from "../i18n/message.js";

/** The five outcomes of the contract (DESIGN.md). */
export type Status = "met" | "not_met" | "missing" | "invalid" | "no_threshold";
export const STATUSES: readonly Status[] = ["met", "not_met", "missing", "invalid", "no_threshold"];

/** A raw cell value as any host reads it. */
export type RawCell = string | number | boolean | Date | null | undefined;

/** What a cell was understood to say. */
export type ParsedValue =
  | { type: "number"; value: number; unit?: string; fromFraction?: boolean }
  | { type: "boolean"; value: boolean }
  | { type: "assessment"; met: boolean }
  | { type: "text"; value: string }
  | { type: "not_applicable" };

export type ParseResult =
  | { ok: true; value: ParsedValue }
  | { ok: false; missing: true }
  | { ok: false; missing: false; reason: Message };

/** A target: comparator and value, plus the unit a template wrote next to it. */
export interface Target {
  comparator: Comparator;
  value: ThresholdValue;
  unit?: string;
}

/** Where a threshold came from, most specific first (DESIGN.md). */
export type ThresholdOrigin = "argument" | "row" | "workbook" | "catalog";

export interface ResolvedThreshold extends Target {
  origin: ThresholdOrigin;
  /** Document and article, or the cell that carried it. */
  source: string;
  confirmed: boolean;
}

export type Gap =
  | { type: "shortfall"; amount: number; unit: string }
  | { type: "excess"; amount: number; unit: string }
  | { type: "requirement"; text: Message };

export interface IndicatorResult {
  code: string;
  status: Status;
  value: ParsedValue | null;
  threshold: ResolvedThreshold | null;
  gap: Gap | null;
  /** Why the status is invalid / missing / no_threshold, or a note on a met status. */
  reason?: Message;
  /** "nếu có": a blank does not hold the criterion back when its other indicators have data. */
  optional?: true;
}

export type CriterionOrigin = "indicators" | "self_assessment";

export interface CriterionResult {
  no: number;
  status: Status;
  origin: CriterionOrigin;
  indicators: IndicatorResult[];
  /** The unit's own "Đạt / Chưa đạt" for this criterion, when its sheet carries one. */
  selfAssessment?: "met" | "not_met";
  /** The sheet's own judgement differs from the computed one. */
  disagreesWithSelfAssessment: boolean;
}

export interface UnitResult {
  name: string;
  group?: string;
  criteriaMet: number;
  criteriaTotal: number;
  unmet: number[];
  missing: number[];
  invalid: number[];
  noThreshold: number[];
  criteria: CriterionResult[];
}

export type { Comparator, IndicatorKind, ThresholdValue };
