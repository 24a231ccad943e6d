/**
 * Reads a number written the Vietnamese way or the English way: "42,5", "1.234,5",
 * "1,234.5", "1 234", "85%", "41,2 triệu đồng". Returns undefined when the text does not
 * start with a number. Vietnamese convention wins where both readings are possible:
 * "1.234" is one thousand two hundred thirty-four, "1,5" is one and a half.
 */
export interface ParsedNumber {
  value: number;
  percent: boolean;
  /** Text after the number ("triệu đồng/người", "HTX"), trimmed. */
  unit?: string;
}

const NUMBER_HEAD = /^([+-]?)\s*(\d[\d.,\u00a0\u202f ]*\d|\d)\s*(%?)\s*(.*)$/s;

export function parseNumberText(text: string): ParsedNumber | undefined {
  const m = NUMBER_HEAD.exec(text.trim());
  if (!m) return undefined;
  const [, sign, body, pct, rest] = m as unknown as [string, string, string, string, string];
  const digits = normaliseSeparators(body);
  if (digits === undefined) return undefined;
  const value = Number(sign + digits);
  if (!Number.isFinite(value)) return undefined;
  let unit = rest.trim();
  // "85 %" and "85 phần trăm" both mean a percent.
  let percent = pct === "%";
  if (!percent && /^(%|phan tram|phần trăm)(\s|$)/i.test(unit)) {
    percent = true;
    unit = unit.replace(/^(%|phan tram|phần trăm)/i, "").trim();
  }
  return unit ? { value, percent, unit } : { value, percent };
}

/** Turns "1.234,5" / "1,234.5" / "1 234" into "1234.5"; undefined when the grouping is not a number's. */
function normaliseSeparators(body: string): string | undefined {
  const s = body.replace(/[\u00a0\u202f ]/g, (_sp, offset: number) => {
    // A space may only group thousands: "1 234" (digit groups of three after it).
    return /^\d{3}(\D|$)/.test(body.slice(offset + 1)) ? "" : "\u0000";
  });
  if (s.includes("\u0000")) return undefined;
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  if (dots === 0 && commas === 0) return s;
  if (dots > 0 && commas > 0) {
    const decimal = s.lastIndexOf(",") > s.lastIndexOf(".") ? "," : ".";
    const group = decimal === "," ? "." : ",";
    const [intPart, frac, ...more] = s.split(decimal);
    if (more.length > 0 || frac === undefined || frac.includes(group)) return undefined;
    if (!isGrouped(intPart!, group)) return undefined;
    return intPart!.split(group).join("") + "." + frac;
  }
  const sep = dots > 0 ? "." : ",";
  const count = dots + commas;
  if (count > 1) {
    // "1.234.567" or "1,234,567": only thousands grouping can repeat.
    return isGrouped(s, sep) ? s.split(sep).join("") : undefined;
  }
  const [intPart, frac] = s.split(sep) as [string, string];
  // One dot followed by exactly three digits groups thousands ("45.000"); a comma is a decimal mark.
  if (sep === "." && frac.length === 3 && intPart !== "0") return intPart + frac;
  return intPart + "." + frac;
}

function isGrouped(s: string, sep: string): boolean {
  const parts = s.split(sep);
  return /^\d{1,3}$/.test(parts[0]!) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}
