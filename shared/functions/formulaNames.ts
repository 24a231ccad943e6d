// The cell functions' names in formulas, as each host spells them, and the rewrite between them.
//
//   Excel, as the application shows it:  =NTM.CRITERION(10,B2:B40)   (the add-in's namespace "NTM")
//   Excel, as a saved .xlsx stores it:   _xldudf_NTM_CRITERION(10,B2:B40)
//       Excel stores an Office.js custom function with the prefix "_xldudf_" and its namespace's
//       dot written as "_" (the XML of a saved workbook in
//       https://github.com/evelyn-chrono/officejs-custom-functions-name-error-repro, linked from
//       https://github.com/OfficeDev/office-js/issues/6611; the prefix also in
//       https://github.com/OfficeDev/Excel-Custom-Functions/issues/108 and
//       https://github.com/OfficeDev/office-js/issues/5611). A formula typed while the add-in was
//       not loaded is stored as typed ("NTM.CRITERION(", cached #NAME?), and an external-book
//       prefix "[2]!_xldudf_..." has been seen after other add-ins broke the link
//       (https://github.com/OfficeDev/office-js/issues/2568): all three are read as Excel's.
//   Google Sheets:                       =NTM_CRITERION(10,B2:B40)
//   Google Sheets, downloaded as .xlsx:  IFERROR(__xludf.DUMMYFUNCTION("NTM_CRITERION(10,B2:B40)"),"Đạt")
//       and the other cells of its spilled result IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),"Chưa đạt")
//       (https://grid-is.github.io/apiary/explain/gsdv). A long formula's text may be split into
//       "..."&"..." pieces (Excel's 255-character limit on a text constant).
//
// The rewrite renames only calls: a name followed at once by "(", matched as a whole word. Text in
// quotes, quoted sheet names ('NTM.CRITERION (2)'!A1), structured references and other functions
// whose names contain ours (XNTM.CRITERION, NTM.CRITERIONS) are left as they are.
import { CELL_FUNCTIONS } from "./registry.js";

export type FormulaHost = "excel" | "sheets";
/** "host": as the application shows and takes formulas (Office.js, SpreadsheetApp); "file": as a .xlsx stores them. */
export type FormulaSpelling = "host" | "file";

const IDS = new Set<string>(CELL_FUNCTIONS.map((f) => f.id));
const XLDUDF = "_xldudf_";

/** One call of a cell function found in a formula: [start, end) covers its name (and a "[2]!" before it). */
interface Call {
  start: number;
  end: number;
  host: FormulaHost;
  /** "NTM" and the function id, as written (their case is kept by the rewrite). */
  prefix: string;
  id: string;
}

const NAME = /^(_xldudf_)?(ntm)([._])([a-z0-9_]+)$/i;

function readName(text: string): Omit<Call, "start" | "end"> | undefined {
  const m = NAME.exec(text);
  if (!m || !IDS.has(m[4]!.toUpperCase())) return undefined;
  if (m[1]) return m[3] === "_" ? { host: "excel", prefix: m[2]!, id: m[4]! } : undefined;
  return { host: m[3] === "." ? "excel" : "sheets", prefix: m[2]!, id: m[4]! };
}

const NAME_CHAR = /[\p{L}\p{N}_.\\?]/u;
const isNameChar = (ch: string | undefined) => ch !== undefined && NAME_CHAR.test(ch);

/** After a quoted run starting at `at` ("..." or '...', the quote doubled inside). */
function skipQuoted(s: string, at: number): number {
  const q = s[at]!;
  for (let i = at + 1; ; ) {
    const close = s.indexOf(q, i);
    if (close < 0) return s.length;
    if (s[close + 1] === q) i = close + 2;
    else return close + 1;
  }
}

/** After a bracketed run starting at `at` (structured references nest; "'" escapes the next character). */
function skipBrackets(s: string, at: number): number {
  let depth = 0;
  for (let i = at; i < s.length; i++) {
    const ch = s[i];
    if (ch === "'") i++;
    else if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return i + 1;
  }
  return s.length;
}

function findCalls(s: string): Call[] {
  const calls: Call[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '"' || ch === "'") {
      i = skipQuoted(s, i);
      continue;
    }
    const start = i;
    let nameAt = i;
    if (ch === "[") {
      // "[2]!_xldudf_NTM_COUNT(": a function Excel linked to another book; anything else bracketed is skipped.
      const ext = /^\[\d+\]!/.exec(s.slice(i, i + 16));
      if (!ext) {
        i = skipBrackets(s, i);
        continue;
      }
      nameAt = i + ext[0].length;
    } else if (!isNameChar(ch)) {
      i++;
      continue;
    }
    let end = nameAt;
    while (isNameChar(s[end])) end++;
    if (end === nameAt) {
      i = nameAt;
      continue;
    }
    const name = s[end] === "(" ? readName(s.slice(nameAt, end)) : undefined;
    // After "[2]!" only Excel's own spelling is a call of ours.
    if (name && (nameAt === start || name.host === "excel")) calls.push({ start, end, ...name });
    i = end;
  }
  return calls;
}

/** The name a call gets on a host. */
function spell(call: Pick<Call, "prefix" | "id">, to: FormulaHost, spelling: FormulaSpelling): string {
  if (to === "sheets") return `${call.prefix}_${call.id}`;
  return spelling === "file" ? `${XLDUDF}${call.prefix}_${call.id}` : `${call.prefix}.${call.id}`;
}

// IFERROR(__xludf.DUMMYFUNCTION("<formula>"), <cached value>): Google Sheets' export of a formula Excel lacks.
const PIECE = String.raw`"(?:[^"]|"")*"`;
const WRAPPER = new RegExp(String.raw`^(=?)\s*IFERROR\(\s*__xludf\.DUMMYFUNCTION\(\s*(${PIECE}(?:\s*&\s*${PIECE})*)\s*\)\s*,([\s\S]*)\)\s*$`, "i");

interface Wrapped {
  equals: string;
  /** The Sheets formula it carries, without "=". */
  inner: string;
  cached: string;
}

function unwrap(formula: string): Wrapped | undefined {
  const m = WRAPPER.exec(formula);
  if (!m) return undefined;
  const inner = [...m[2]!.matchAll(new RegExp(PIECE, "g"))].map((p) => p[0].slice(1, -1).replace(/""/g, '"')).join("");
  return { equals: m[1]!, inner: inner.replace(/^=/, ""), cached: m[3]!.trim() };
}

/**
 * A cell Google Sheets exported as part of another cell's spilled result:
 * IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""), <value>).
 */
export function isSpillPlaceholder(formula: string): boolean {
  return unwrap(formula)?.inner === '"COMPUTED_VALUE"';
}

export interface FormulaRewrite {
  text: string;
  /** Calls renamed. */
  calls: number;
  /** A Sheets export wrapper was taken off (its cached value dropped with it). */
  unwrapped: boolean;
}

/** A piece of a formula to replace: [start, end) by text. */
export interface NameEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * The renames a formula needs for `to`, as edits of its text (no wrapper handling): a caller
 * holding the formula in another form (escaped XML) can apply them there, keeping every other byte.
 */
export function nameEdits(formula: string, to: FormulaHost, spelling: FormulaSpelling = "host"): NameEdit[] {
  const edits: NameEdit[] = [];
  for (const call of findCalls(formula)) {
    const text = spell(call, to, spelling);
    if (formula.slice(call.start, call.end) !== text) edits.push({ start: call.start, end: call.end, text });
  }
  return edits;
}

function renameCalls(s: string, to: FormulaHost, spelling: FormulaSpelling): { text: string; calls: number } {
  const edits = nameEdits(s, to, spelling);
  let text = "";
  let at = 0;
  for (const e of edits) {
    text += s.slice(at, e.start) + e.text;
    at = e.end;
  }
  return { text: edits.length ? text + s.slice(at) : s, calls: edits.length };
}

/**
 * The formula with every cell-function call spelled for `to`. A Sheets export wrapper around a
 * formula that calls them is taken off (on either host the functions compute again); other
 * wrappers, and every other character of the formula, are kept.
 */
export function rewriteFormula(formula: string, to: FormulaHost, spelling: FormulaSpelling = "host"): FormulaRewrite {
  const wrapped = unwrap(formula);
  if (wrapped && findCalls(wrapped.inner).length > 0) {
    const inner = renameCalls(wrapped.inner, to, spelling);
    return { text: wrapped.equals + inner.text, calls: inner.calls, unwrapped: true };
  }
  const renamed = renameCalls(formula, to, spelling);
  return { ...renamed, unwrapped: false };
}

export interface FunctionNameCount {
  /** Calls spelled as Excel writes them: NTM.COUNT(, _xldudf_NTM_COUNT(. */
  excel: number;
  /** Calls spelled as Google Sheets writes them: NTM_COUNT(, inside a Sheets export wrapper too. */
  sheets: number;
}

/** How many calls of each host's spelling a formula holds. */
export function countFunctionNames(formula: string): FunctionNameCount {
  const wrapped = unwrap(formula);
  const count: FunctionNameCount = { excel: 0, sheets: 0 };
  for (const call of findCalls(wrapped ? wrapped.inner : formula)) count[call.host]++;
  return count;
}

/** Quick test before the full scan: could this text hold a call at all? */
export function mayHoldFunctionNames(text: string): boolean {
  return /ntm[._][a-z]/i.test(text);
}

/** "NTM.CRITERION" / "NTM_CRITERION" for every function, as a host shows them. */
export function hostFunctionNames(host: FormulaHost): string[] {
  return CELL_FUNCTIONS.map((f) => spell({ prefix: "NTM", id: f.id }, host, "host"));
}
