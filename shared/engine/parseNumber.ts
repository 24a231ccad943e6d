/**
 * Reads a number written the Vietnamese way or the English way: "42,5", "1.234,5",
 * "1,234.5", "1 234", "85%", "41,2 triệu đồng", "4,5E+01". Returns undefined when the text does
 * not start with a number, or when the number could be misread (a hidden character inside it,
 * digits cut by a line break). Vietnamese convention wins where both readings are possible:
 * "1.234" is one thousand two hundred thirty-four, "1,5" is one and a half.
 */
export interface ParsedNumber {
  value: number;
  percent: boolean;
  /** Text after the number ("triệu đồng/người", "HTX"), trimmed. */
  unit?: string;
}

// The exponent must touch the mantissa ("4.5E+01"): "45 e5" is not a number.
const NUMBER_HEAD = /^([+-]?)\s*(\d[\d.,\u00a0\u202f\u2009 ]*\d|\d)(?:[eE]([+-]?\d{1,3}))?\s*(%?)\s*(.*)$/s;
const SPACES = /[\u00a0\u202f\u2009 ]/g;
const HAS_SPACE = /[\u00a0\u202f\u2009 ]/;

export function parseNumberText(text: string): ParsedNumber | undefined {
  if (hiddenCharInNumber(text) !== undefined) return undefined;
  const m = NUMBER_HEAD.exec(text.trim());
  if (!m) return undefined;
  const [, sign, body, exponent, pct, rest] = m as unknown as [string, string, string, string | undefined, string, string];
  const digits = exponent === undefined ? normaliseSeparators(body) : mantissa(body);
  if (digits === undefined) return undefined;
  const value = Number(sign + digits + (exponent === undefined ? "" : "e" + exponent));
  if (!Number.isFinite(value)) return undefined;
  // "1e-400" is not zero: refuse rather than lose the number.
  if (value === 0 && /[1-9]/.test(digits)) return undefined;
  let unit = rest.trim();
  // A unit that starts like more number ("4\t5", "45 e5") means the number was cut short.
  if (/^(\d|[eE][+-]?\d)/.test(unit)) return undefined;
  // "85 %" and "85 phần trăm" both mean a percent.
  let percent = pct === "%";
  if (!percent && /^(%|phan tram|phần trăm)(\s|$)/i.test(unit)) {
    percent = true;
    unit = unit.replace(/^(%|phan tram|phần trăm)/i, "").trim();
  }
  return unit ? { value, percent, unit } : { value, percent };
}

/** A mantissa is never grouped ("4,5E+01", "4.5E+01"): its one mark is the decimal one. */
function mantissa(body: string): string | undefined {
  if (HAS_SPACE.test(body)) return undefined;
  const marks = body.replace(/\d/g, "");
  if (marks.length > 1) return undefined;
  return marks.length === 1 ? body.replace(marks, ".") : body;
}

/** Turns "1.234,5" / "1,234.5" / "1 234" into "1234.5"; undefined when the grouping is not a number's. */
function normaliseSeparators(body: string): string | undefined {
  const s = body.replace(SPACES, (_sp, offset: number) => {
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

// Invisible format characters (zero-width space, soft hyphen, BOM), control characters other
// than tab and line breaks, and combining marks: a cell can hold them without showing them.
const HIDDEN_CLASS = "\\u0000-\\u0008\\u000e-\\u001f\\u007f-\\u0084\\u0086-\\u009f\\p{Cf}\\p{Mn}\\p{Me}";
const HIDDEN = new RegExp(`[${HIDDEN_CLASS}]`, "u");
const HIDDEN_ALL = new RegExp(`[${HIDDEN_CLASS}]`, "gu");
/** Signs, digits, marks, spaces and hidden characters from the start: where a hidden one changes the number. */
const NUMBER_ZONE = new RegExp(`^[\\s+\\-${HIDDEN_CLASS}]*\\d(?:[\\d.,\\s+\\-%${HIDDEN_CLASS}]|[eE](?=[+\\-]?\\d))*`, "u");
/** A tab or line break between digits: "4\n5" shows as two lines, not as 4. */
const BREAK_IN_NUMBER = /\d[ \u00a0\u202f\u2009]*([\t\n\v\f\r\u0085\u2028\u2029])\s*\d/;

/**
 * The first character inside or next to a number that a reader cannot see ("U+200B"), or
 * undefined. Words after the number may carry combining marks (text typed decomposed).
 */
export function hiddenCharInNumber(text: string): string | undefined {
  if (!HIDDEN.test(text) && !BREAK_IN_NUMBER.test(text)) return undefined;
  const zone = NUMBER_ZONE.exec(text)?.[0];
  if (zone === undefined) return undefined;
  const ch = HIDDEN.exec(zone)?.[0] ?? BREAK_IN_NUMBER.exec(zone)?.[1];
  return ch === undefined ? undefined : codePointName(ch);
}

/** The text with each hidden character shown as ⟨U+200B⟩, for a message quoting the cell. */
export function showHiddenChars(text: string): string {
  return text.replace(HIDDEN_ALL, (ch) => `⟨${codePointName(ch)}⟩`).replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, (ch) => `⟨${codePointName(ch)}⟩`);
}

function codePointName(ch: string): string {
  return "U+" + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
}
