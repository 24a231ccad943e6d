import type { RegionId } from "../catalog/regions.js";
import type { CriteriaSet } from "../catalog/schema.js";
import { Evaluator, type EvaluationOptions } from "../engine/evaluate.js";
import type { UnitResult } from "../engine/types.js";
import type { Message } from "../i18n/message.js";
import type { Language } from "../i18n/strings.js";
import { detectLayout, type MappingOverride, type SheetMapping } from "./detect.js";
import { extractUnits, type SheetUnit } from "./extract.js";
import type { SheetGrid } from "./grid.js";
import { typedTotalMismatches, type TotalMismatch } from "./typedTotals.js";
import { planWrites, type HighlightRecord, type WritePlan } from "./plan.js";

export interface SheetEvaluationOptions extends Omit<EvaluationOptions, "set"> {
  set: CriteriaSet;
  region?: RegionId;
  override?: MappingOverride;
  /** Notes written at most (see PlanOptions.maxNotes). */
  maxNotes?: number;
  /** How a blank reads in a block of tick marks; by default, not met. */
  blankCriterion?: "not_met" | "missing";
  previous?: HighlightRecord;
  lang?: Language;
}

export type SheetEvaluation =
  | { ok: true; mapping: SheetMapping; units: SheetUnit[]; results: UnitResult[]; plan: WritePlan; warnings: Message[]; totalMismatches: TotalMismatch[] }
  | { ok: false; reason: Message };

/** The whole host-neutral pipeline: read the grid once, detect, evaluate, plan the writes. */
export function evaluateSheet(grid: SheetGrid, options: SheetEvaluationOptions): SheetEvaluation {
  const detected = detectLayout(grid, options.set, { override: options.override ?? {}, blankCriterion: options.blankCriterion });
  if (!detected.ok) return detected;
  const { mapping, warnings } = detected;
  const units = extractUnits(grid, mapping, options.region);
  const evaluator = new Evaluator(options);
  const results = units.map((u) => evaluator.evaluateUnit(u.input));
  const totalMismatches = typedTotalMismatches(grid, mapping, units, results);
  const plan = planWrites(grid, mapping, units, results, { set: options.set, lang: options.lang, previous: options.previous, mismatches: totalMismatches, ...(options.maxNotes !== undefined ? { maxNotes: options.maxNotes } : {}) });
  return { ok: true, mapping, units, results, plan, warnings, totalMismatches };
}
