import type { Indicator } from "../catalog/schema.js";
import { message } from "../i18n/message.js";
import { roundForDisplay } from "./compare.js";
import type { Gap, ParsedValue, ResolvedThreshold } from "./types.js";

/**
 * How far an unmet indicator is from its target: for numbers the shortfall or excess in
 * the indicator's unit (income 41.2 vs ≥ 45 -> 3.8 short; poverty 14.5% vs ≤ 13% -> 1.5
 * points over), for the others the requirement in words.
 */
export function gapFor(ind: Pick<Indicator, "unit" | "kind">, value: ParsedValue, t: ResolvedThreshold | null): Gap | null {
  if (!t) return REQUIRE_MET;
  if (value.type === "number" && typeof t.value === "number") {
    const diff = roundForDisplay(value.value - t.value);
    const unit = ind.kind === "percent" ? "%" : (t.unit ?? ind.unit);
    if (t.comparator === ">=" || t.comparator === ">" || (t.comparator === "=" && diff < 0)) return { type: "shortfall", amount: Math.abs(diff), unit };
    return { type: "excess", amount: Math.abs(diff), unit };
  }
  if (typeof t.value === "boolean") return t.value ? REQUIRE_YES : REQUIRE_NO;
  if (typeof t.value === "string") return { type: "requirement", text: message("gap.requireGrade", { grade: t.value }) };
  if (typeof t.value === "number") return REQUIRE_MET;
  return null;
}

// Shared, read-only: unmet yes/no indicators are common and their gap never varies.
const REQUIRE_YES: Gap = Object.freeze({ type: "requirement", text: Object.freeze(message("gap.requireYes")) });
const REQUIRE_NO: Gap = Object.freeze({ type: "requirement", text: Object.freeze(message("gap.requireNo")) });
const REQUIRE_MET: Gap = Object.freeze({ type: "requirement", text: Object.freeze(message("gap.requireMet")) });
