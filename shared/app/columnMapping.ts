// The user's reading of a column, one grammar for every host: the pane's and sidebar's choices
// and the command line's --mapping all say "i:10" (indicator 10), "c:7" (criterion 7) or "ignore".
import type { CriteriaSet } from "../catalog/schema.js";
import { message, type Message } from "../i18n/message.js";
import type { MappingOverride } from "../sheet/detect.js";
import { columnLetters } from "../sheet/grid.js";

export type ColumnChoice = MappingOverride[number];

/** A choice, or why it cannot be one: a column never drops out in silence. */
export type ChoiceRead = { ok: true; choice: ColumnChoice } | { ok: false; reason: Message };

const CODE = /^\d{1,2}(\.\d{1,2})?$/;
/** Criterion numbers any set can have, before the set is known. */
const ANY_CRITERION = { min: 1, max: 99 };

/** "i:10", "c:7", "ignore": the text a select or a --mapping value holds. */
export function columnChoiceText(choice: ColumnChoice): string {
  if (choice === "ignore") return "ignore";
  return "indicator" in choice ? `i:${choice.indicator}` : `c:${choice.criterion}`;
}

/**
 * Reads a choice: "i:10" or a bare code ("10", "15.1") for an indicator; "c:7" (also "tc:7",
 * "TC 7") for a criterion 1..99; "ignore". Anything else is undefined, never a column silently dropped.
 */
export function parseColumnChoice(raw: unknown): ColumnChoice | undefined {
  const r = readColumnChoice(raw, "");
  return r.ok ? r.choice : undefined;
}

/**
 * The same grammar, saying what was expected for `column` ("C") when a choice cannot be read;
 * with a set, a criterion or indicator it does not have is refused too.
 */
export function readColumnChoice(raw: unknown, column: string, set?: CriteriaSet): ChoiceRead {
  const shown = typeof raw === "string" ? `"${raw}"` : JSON.stringify(raw) ?? String(raw);
  const bad = (): ChoiceRead => ({ ok: false, reason: message("mapping.badChoice", { column, value: shown }) });
  let criterion: unknown;
  let code: unknown;
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    const o = raw as { indicator?: unknown; criterion?: unknown };
    if ("indicator" in o) code = o.indicator;
    else if ("criterion" in o) criterion = o.criterion;
    else return bad();
  } else if (typeof raw === "string") {
    const text = raw.trim().toLowerCase();
    if (text === "ignore") return { ok: true, choice: "ignore" };
    const c = /^(?:c|tc)\s*:?\s*([+-]?[\d.].*)$/.exec(text);
    if (c) criterion = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(c[1]!) ? Number(c[1]) : c[1];
    else code = text.startsWith("i:") ? text.slice(2).trim() : text;
    // Words ("ignor", "abc"): the whole grammar is the useful answer.
    if (code !== undefined && !/^[+-]?[\d.]/.test(code as string)) return bad();
  } else return bad();

  if (criterion !== undefined) {
    const no = criterion;
    const range = set && set.criteria.length > 0 ? criterionRange(set) : undefined;
    const expected = range ?? `${ANY_CRITERION.min}–${ANY_CRITERION.max}`;
    const value = typeof no === "string" ? no : JSON.stringify(no) ?? String(no);
    if (typeof no !== "number" || !Number.isInteger(no) || no < ANY_CRITERION.min || no > ANY_CRITERION.max) {
      return { ok: false, reason: message("mapping.badCriterion", { column, value, expected }) };
    }
    if (range !== undefined && !set!.criteria.some((c) => c.no === no)) {
      return { ok: false, reason: message("mapping.criterionNotInSet", { column, value, set: set!.id, expected }) };
    }
    return { ok: true, choice: { criterion: no } };
  }
  if (typeof code !== "string" || !CODE.test(code) || Number(code.split(".")[0]) < 1) {
    return { ok: false, reason: message("mapping.badIndicator", { column, value: typeof code === "string" ? `"${code}"` : shown }) };
  }
  if (set && set.criteria.length > 0 && !set.criteria.some((c) => c.indicators.some((i) => i.code === code))) {
    const codes = set.criteria.flatMap((c) => c.indicators.map((i) => i.code)).join(", ");
    return { ok: false, reason: message("mapping.unknownIndicator", { column, value: code, set: set.id, expected: codes }) };
  }
  return { ok: true, choice: { indicator: code } };
}

/** "1–19" when a set numbers its criteria without gaps, else the list. */
function criterionRange(set: CriteriaSet): string {
  const nos = set.criteria.map((c) => c.no).sort((a, b) => a - b);
  const contiguous = nos.every((n, i) => n === nos[0]! + i);
  return contiguous && nos.length > 2 ? `${nos[0]}–${nos[nos.length - 1]}` : nos.join(", ");
}

/**
 * What in a saved or given mapping the chosen set cannot judge (criterion 20 of 19, an indicator
 * code it lacks): one message per column, naming it by letter.
 */
export function mappingProblems(override: MappingOverride | undefined, set: CriteriaSet, originCol = 0): Message[] {
  const problems: Message[] = [];
  for (const [key, choice] of Object.entries(override ?? {})) {
    if (choice === "ignore") continue;
    const r = readColumnChoice(choice, columnLetters(Number(key) + originCol), set);
    if (!r.ok) problems.push(r.reason);
  }
  return problems;
}
