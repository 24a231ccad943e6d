import type { Criterion } from "../catalog/schema.js";
import type { Gap, ParsedValue, Status, Target } from "../engine/types.js";
import type { Message } from "./message.js";
import { TABLES, type Language, type StringKey } from "./strings.js";

export function t(key: StringKey, lang: Language = "vi", params?: Record<string, string | number>): string {
  return fill(TABLES[lang][key] ?? TABLES.vi[key] ?? key, lang, params);
}

/**
 * The words of one surface that only the command line shows (the HTML page, the district
 * roll-up, the follow-up of assignments): their own VI/EN tables, kept out of the add-ins'
 * bundles, with the same placeholders and number formatting as t() (and their own parity test).
 */
export function translator<K extends string>(vi: Record<K, string>, en: Record<K, string>) {
  const tables: Record<Language, Record<K, string>> = { vi, en };
  return (key: K, lang: Language = "vi", params?: Record<string, string | number>): string => fill(tables[lang][key] ?? vi[key] ?? key, lang, params);
}

function fill(template: string, lang: Language, params?: Record<string, string | number>): string {
  if (!params || !template.includes("{")) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    return v === undefined ? m : typeof v === "number" ? formatNumber(v, lang) : v;
  });
}

export function formatMessage(msg: Message, lang: Language = "vi"): string {
  return t(msg.key, lang, msg.params);
}

export function statusLabel(status: Status, lang: Language = "vi"): string {
  return t(`status.${status}`, lang);
}

/** Digit grouping and decimal marks per language. */
const SEPARATORS: Record<Language, { groupSep: string; decSep: string }> = { vi: { groupSep: ".", decSep: "," }, en: { groupSep: ",", decSep: "." } };

/** Numbers as notices write them: "17,8", "1.234,5" in Vietnamese; "17.8", "1,234.5" in English. */
export function formatNumber(n: number, lang: Language = "vi", maxDecimals = 2): string {
  const rounded = Math.round(n * 10 ** maxDecimals) / 10 ** maxDecimals;
  const [int, frac] = Math.abs(rounded).toString().split(".") as [string, string | undefined];
  const { groupSep, decSep } = SEPARATORS[lang];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, groupSep);
  return (rounded < 0 ? "-" : "") + grouped + (frac ? decSep + frac : "");
}

function unitSuffix(unit: string | undefined): string {
  if (!unit) return "";
  return unit === "%" ? "%" : " " + unit;
}

/** "≥ 45 triệu đồng/người", "≤ 13%", "Đạt", "Hoàn thành tốt nhiệm vụ trở lên". */
export function formatTarget(target: Target, lang: Language = "vi"): string {
  const { comparator, value, unit } = target;
  if (typeof value === "boolean") return t(value ? "target.met" : "target.none", lang);
  if (typeof value === "string") return comparator === ">=" ? t("target.orBetter", lang, { value }) : value;
  const sym = comparator === ">=" ? "≥" : comparator === "<=" ? "≤" : comparator;
  return `${sym} ${formatNumber(value, lang)}${unitSuffix(unit)}`;
}

export function formatValue(value: ParsedValue | null, lang: Language = "vi"): string {
  if (!value) return "";
  switch (value.type) {
    case "number":
      return formatNumber(value.value, lang) + unitSuffix(value.unit);
    case "boolean":
      return t(value.value ? "value.yes" : "value.no", lang);
    case "assessment":
      return statusLabel(value.met ? "met" : "not_met", lang);
    case "text":
      return value.value;
    case "not_applicable":
      return t("value.na", lang);
  }
}

/** "thiếu 3,8 triệu đồng/người", "vượt 1,5 điểm %". */
export function formatGap(gap: Gap | null, lang: Language = "vi"): string {
  if (!gap) return "";
  if (gap.type === "requirement") return formatMessage(gap.text, lang);
  const unit = gap.unit === "%" ? " " + t("ui.percentPoints", lang) : unitSuffix(gap.unit);
  const amount = formatNumber(gap.amount, lang) + unit;
  return t(gap.type === "shortfall" ? "ui.short" : "ui.over", lang, { amount });
}

export function criterionName(c: Pick<Criterion, "no" | "name" | "nameEn">, lang: Language = "vi"): string {
  return inLanguage({ vi: c.name, en: c.nameEn }, lang);
}

/** "Tiêu chí số 4" is no name: a province's set that only numbers its criteria. */
const BARE_CRITERION_NAME = /^(tiêu chí|criterion)( số)? \d+$/i;

/** The criterion's own name, or "" where the set gives it none but its number. */
export function criterionOwnName(c: Pick<Criterion, "no" | "name" | "nameEn">, lang: Language = "vi"): string {
  const name = criterionName(c, lang);
  return BARE_CRITERION_NAME.test(name.trim()) ? "" : name;
}

/** A data field in the chosen language, falling back to the Vietnamese the legal texts use. */
export function inLanguage(texts: { vi: string; en?: string | undefined }, lang: Language): string {
  return texts[lang] ?? texts.vi;
}
