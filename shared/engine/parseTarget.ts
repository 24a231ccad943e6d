import type { Comparator } from "../catalog/schema.js";
import { foldVietnamese } from "../text/fold.js";
import { parseNumberText } from "./parseNumber.js";
import { matchGrade } from "./parseValue.js";
import type { Target } from "./types.js";

const SYMBOLS: Array<[RegExp, Comparator]> = [
  [/^(≥|>=|=>|⩾|≧)/, ">="],
  [/^(≤|<=|=<|⩽|≦)/, "<="],
  [/^>/, ">"],
  [/^</, "<"],
  [/^=/, "="],
];

/** Folded word prefixes that carry a comparator: "tối thiểu 90%", "không quá 13%". */
const WORD_PREFIXES: Array<[string, Comparator]> = [
  ["khong vuot qua", "<="],
  ["khong qua", "<="],
  ["khong duoi", ">="],
  ["khong thap hon", ">="],
  ["khong cao hon", "<="],
  ["toi thieu", ">="],
  ["it nhat", ">="],
  ["toi da", "<="],
  ["lon hon", ">"],
  ["nho hon", "<"],
  ["cao hon", ">"],
  ["thap hon", "<"],
  ["tu", ">="],
  ["tren", ">"],
  ["duoi", "<"],
  ["bang", "="],
];

const SUFFIXES: Array<[RegExp, Comparator]> = [
  [/\s*(trở lên|tro len)\.?$/i, ">="],
  [/\s*(trở xuống|tro xuong)\.?$/i, "<="],
];

const YES_TARGETS = new Set(["dat", "co", "x", "dat chuan", "100% dat", "co/dat"]);
const NO_TARGETS = new Set(["khong", "khong co"]);

export interface TargetParseOptions {
  /** Comparator for a bare value ("100%", "45"): the indicator's own, else ">=". */
  defaultComparator?: Comparator;
  grades?: readonly string[];
}

/**
 * Reads a target as assessment templates write it in their own column:
 * "≥ 45 triệu đồng/người", ">=90%", "≤ 13%", "100%", "Đạt", "Có", "≥ 01 HTX",
 * "Tối thiểu 90%", "Không quá 13%", "Từ 45 triệu trở lên", "Hoàn thành tốt nhiệm vụ trở lên".
 * Returns undefined when the text holds no target.
 */
export function parseTarget(raw: unknown, options: TargetParseOptions = {}): Target | undefined {
  if (typeof raw === "number" && Number.isFinite(raw)) return { comparator: options.defaultComparator ?? ">=", value: raw };
  if (typeof raw === "boolean") return { comparator: "=", value: raw };
  if (typeof raw !== "string") return undefined;
  let text = raw.trim().replace(/\s+/g, " ");
  if (!text) return undefined;

  const folded = foldVietnamese(text).replace(/[.]+$/, "");
  if (YES_TARGETS.has(folded)) return { comparator: "=", value: true };
  if (NO_TARGETS.has(folded)) return { comparator: "=", value: false };
  if (options.grades?.length) {
    const grade = matchGrade(text, options.grades);
    if (grade !== undefined) return { comparator: ">=", value: grade };
  }

  let comparator: Comparator | undefined;
  for (const [re, cmp] of SYMBOLS) {
    const m = re.exec(text);
    if (m) {
      comparator = cmp;
      text = text.slice(m[0].length).trim();
      break;
    }
  }
  if (!comparator) {
    const f = foldVietnamese(text);
    for (const [prefix, cmp] of WORD_PREFIXES) {
      if (f.startsWith(prefix + " ") && /^\d/.test(f.slice(prefix.length + 1))) {
        comparator = cmp;
        text = text.replace(/^\S+(\s+\S+)*?\s+(?=\d)/, "");
        break;
      }
    }
  }
  for (const [re, cmp] of SUFFIXES) {
    if (re.test(text)) {
      comparator ??= cmp;
      text = text.replace(re, "");
    }
  }
  const num = parseNumberText(text);
  if (!num) return undefined;
  const unit = num.percent ? "%" : cleanUnit(num.unit);
  const target: Target = { comparator: comparator ?? options.defaultComparator ?? ">=", value: num.value };
  if (unit) target.unit = unit;
  return target;
}

function cleanUnit(unit: string | undefined): string | undefined {
  const u = unit?.replace(/^[(\s]+|[)\s.]+$/g, "").trim();
  return u ? u : undefined;
}
