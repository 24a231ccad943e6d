import type { IndicatorKind } from "../catalog/schema.js";
import { message } from "../i18n/message.js";
import { foldVietnamese } from "../text/fold.js";
import { hiddenCharInNumber, parseNumberText, showHiddenChars } from "./parseNumber.js";
import type { ParseResult, ParsedValue } from "./types.js";

/** How a host says a plain number in a percent indicator should be read. */
export type PercentScale = "auto" | "fraction" | "points";

export interface IndicatorShape {
  kind: IndicatorKind;
  grades?: readonly string[];
  optional?: boolean;
}

export interface ParseHints {
  /**
   * "fraction": the cell is formatted as a percent, so 0.85 means 85%.
   * "points": the column says "(%)" and holds 85 for 85%.
   * "auto" (default): a numeric cell between 0 and 1 is read as a fraction; text without "%" as points.
   */
  percentScale?: PercentScale;
}

const SPREADSHEET_ERROR = /^#(N\/A|VALUE!|REF!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|BUSY!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!|PYTHON!|LOADING)/i;

/** Folded words, so "Đạt", "ĐẠT" and "dat" all match. */
// "Đ" / "CĐ" / "K.Đ" are how district sheets abbreviate in narrow criterion columns.
const ASSESSMENT_MET = new Set(["dat", "da dat", "dat chuan", "da dat chuan", "d", "d.", "dat yeu cau"]);
const ASSESSMENT_NOT_MET = new Set(["chua dat", "khong dat", "chua dat chuan", "khong dat chuan", "cd", "kd", "c.d", "k.d", "c/d", "k/d", "c d", "k d", "chua", "chua dat yeu cau", "khong dat yeu cau"]);
const YES = new Set(["co", "x", "✓", "✔", "☑", "✅", "true", "yes", "y", "dung", "co/dat", "v"]);
const NO = new Set(["khong", "false", "no", "n", "✗", "✘", "☐", "sai", "khong co"]);
const NOT_APPLICABLE = new Set(["khong ap dung", "kad", "n/a", "na", "khong thuoc dien", "khong co lang nghe"]);
const MISSING = new Set(["", "-", "--", "–", "—", "...", "…", "?", "chua co so lieu", "khong co so lieu", "dang cap nhat", "chua cap nhat"]);

/**
 * Reads any cell: never throws. Classifies into number / yes-no / self-assessment / text,
 * or says the cell is empty, or says precisely why it cannot be read.
 */
export function parseCell(raw: unknown): ParseResult {
  if (raw === null || raw === undefined) return MISSING_RESULT;
  if (typeof raw === "string") {
    // Sheets repeat the same few texts ("Đạt", "x", "85%") thousands of times: read each once.
    let cached = textCache.get(raw);
    if (cached === undefined) {
      if (textCache.size >= TEXT_CACHE_LIMIT) textCache.clear();
      cached = parseText(raw);
      textCache.set(raw, cached);
    }
    return cached;
  }
  return parseNonText(raw);
}

/** Results are shared between cells: callers treat them as read-only. */
const textCache = new Map<string, ParseResult>();
const TEXT_CACHE_LIMIT = 20_000;
const NO_HINTS: ParseHints = Object.freeze({});
const MISSING_RESULT: ParseResult = Object.freeze({ ok: false, missing: true }) as ParseResult;

function parseNonText(raw: unknown): ParseResult {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return invalid("value.notANumber", { value: String(raw) });
    return ok({ type: "number", value: raw });
  }
  if (typeof raw === "boolean") return ok({ type: "boolean", value: raw });
  if (raw instanceof Date) {
    return Number.isNaN(raw.getTime()) ? invalid("value.notANumber", { value: "Date" }) : invalid("value.dateNotExpected", { value: raw.toISOString().slice(0, 10) });
  }
  return invalid("value.notANumber", { value: Object.prototype.toString.call(raw) });
}

function parseText(raw: string): ParseResult {
  const text = raw.trim();
  if (text === "") return MISSING_RESULT;
  // "4\u200b5" must not read as 4: say which character hides in the number.
  const hidden = hiddenCharInNumber(text);
  if (hidden !== undefined) return invalid("value.hiddenChar", { value: showHiddenChars(text), char: hidden });
  // Numbers first: most values are numbers, and they need no folding.
  const first = text.charCodeAt(0);
  if ((first >= 48 && first <= 57) || first === 43 || first === 45) {
    const num = parseNumberText(text);
    if (num && (num.unit === undefined || !/^(\/|\.|-)/.test(num.unit))) return numberResult(num);
  }
  const err = SPREADSHEET_ERROR.exec(text);
  if (err) return invalid("value.spreadsheetError", { value: text });
  if (/^loading\.*$/i.test(text) || /^dang tai/i.test(foldVietnamese(text))) return invalid("value.spreadsheetError", { value: text });

  const folded = foldVietnamese(text).replace(/[.!]+$/, "");
  if (MISSING.has(folded)) return MISSING_RESULT;
  if (ASSESSMENT_MET.has(folded)) return ok({ type: "assessment", met: true });
  if (ASSESSMENT_NOT_MET.has(folded)) return ok({ type: "assessment", met: false });
  if (YES.has(folded)) return ok({ type: "boolean", value: true });
  if (NO.has(folded)) return ok({ type: "boolean", value: false });
  if (NOT_APPLICABLE.has(folded)) return ok({ type: "not_applicable" });

  const num = parseNumberText(text);
  if (num) return numberResult(num);
  return ok({ type: "text", value: text });
}

function numberResult(num: NonNullable<ReturnType<typeof parseNumberText>>): ParseResult {
  if (num.percent) return ok({ type: "number", value: num.value, unit: "%" });
  return ok(num.unit ? { type: "number", value: num.value, unit: num.unit } : { type: "number", value: num.value });
}

/**
 * Reads a cell as a value of one indicator: a number for number/percent/count indicators
 * (percent in points, 0..100), yes/no for boolean ones, a grade from the indicator's list.
 * A self-assessment ("Đạt", "Chưa đạt") is accepted for any kind. Never throws.
 */
export function parseIndicatorValue(raw: unknown, shape: IndicatorShape, hints: ParseHints = NO_HINTS): ParseResult {
  if (typeof raw === "number" && shape.kind !== "boolean" && shape.kind !== "grade" && raw >= 0 && raw <= 1e15) {
    // The common case, a plain number in a numeric column, without intermediate objects.
    if (shape.kind !== "percent") return { ok: true, value: { type: "number", value: raw } };
    const scale = hints.percentScale ?? "auto";
    const fraction = scale === "fraction" || (scale === "auto" && raw <= 1);
    const points = fraction ? fractionToPoints(raw) : raw;
    if (points > 100) return invalid("value.percentOutOfRange", { value: display(raw) });
    return { ok: true, value: scale === "auto" && fraction ? { type: "number", value: points, unit: "%", fromFraction: true } : { type: "number", value: points, unit: "%" } };
  }
  const cell = parseCell(raw);
  if (!cell.ok) return cell;
  const v = cell.value;
  if (v.type === "assessment") return cell;
  // Only error messages quote the cell (display(raw)): no text is built on the hot path.
  if (v.type === "not_applicable") {
    return shape.optional ? cell : invalid("value.notApplicableNotAllowed", { value: display(raw) });
  }
  switch (shape.kind) {
    case "number":
    case "count":
    case "percent": {
      if (v.type === "boolean") return invalid(typeof raw === "boolean" ? "value.booleanNotExpected" : "value.notANumber", { value: display(raw) });
      if (v.type !== "number") return invalid("value.notANumber", { value: display(raw) });
      if (v.value < 0) return invalid("value.negative", { value: display(raw) });
      if (shape.kind !== "percent") return cell;
      return readPercent(v, typeof raw === "number", hints.percentScale ?? "auto", raw);
    }
    case "boolean": {
      if (v.type === "boolean") return cell;
      if (v.type === "number" && (v.value === 1 || v.value === 0) && v.unit === undefined) return ok({ type: "boolean", value: v.value === 1 });
      return invalid("value.notYesNo", { value: display(raw) });
    }
    case "grade": {
      const grade = matchGrade(display(raw), shape.grades ?? []);
      return grade === undefined ? invalid("value.notAGrade", { value: display(raw), expected: (shape.grades ?? []).join(" / ") }) : ok({ type: "text", value: grade });
    }
  }
}

/** 0.855 from a percent-formatted cell -> 85.5 points, without binary noise (85.50000000000001). */
export function fractionToPoints(fraction: number): number {
  return Math.round(fraction * 100 * 1e9) / 1e9;
}

function display(raw: unknown): string {
  return typeof raw === "string" ? raw.trim() : String(raw);
}

function readPercent(v: Extract<ParsedValue, { type: "number" }>, numericCell: boolean, scale: PercentScale, raw: unknown): ParseResult {
  if (v.unit === "%") return v.value > 100 ? invalid("value.percentOutOfRange", { value: display(raw) }) : { ok: true, value: v };
  let points = v.value;
  let fromFraction = false;
  {
    // A percent-formatted cell reaches us as 0.85; a typed "85" or "85 (%)" as points.
    const asFraction = scale === "fraction" || (scale === "auto" && numericCell && points <= 1);
    if (asFraction) {
      points = fractionToPoints(points);
      fromFraction = scale === "auto";
    }
  }
  if (points > 100) return invalid("value.percentOutOfRange", { value: display(raw) });
  return ok(fromFraction ? { type: "number", value: points, unit: "%", fromFraction: true } : { type: "number", value: points, unit: "%" });
}

/** Matches "Hoàn thành tốt nhiệm vụ" against a grade list, ignoring case, diacritics and "trở lên". */
export function matchGrade(text: string, grades: readonly string[]): string | undefined {
  let known = foldedGrades.get(grades);
  if (!known) foldedGrades.set(grades, (known = new Map(grades.flatMap((g) => [[foldVietnamese(g), g] as const, [g, g] as const]))));
  // Exact spellings are found without folding; others are folded once and remembered.
  const hit = known.get(text);
  if (hit !== undefined || known.has(text)) return hit;
  const found = known.get(foldVietnamese(text).replace(/\s*tro len$/, ""));
  if (known.size < 200) known.set(text, found);
  return found;
}

const foldedGrades = new WeakMap<readonly string[], Map<string, string | undefined>>();

function ok(value: ParsedValue): ParseResult {
  return { ok: true, value };
}

function invalid(key: Parameters<typeof message>[0], params: Record<string, string>): ParseResult {
  return { ok: false, missing: false, reason: message(key, params) };
}
