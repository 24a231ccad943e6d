// The NTM_PhanCong sheet of a workbook, read with the product's own .xlsx reader: the rows, what
// they assign, and a message naming the file, sheet and cell when they cannot be read.
import { tAssign } from "../shared/i18n/assignmentStrings.js";
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  ASSIGNMENT_SHEET,
  FOLLOW_UP_WIDTHS as SHARED_FOLLOW_UP_WIDTHS,
  assignmentFollowUp,
  assignmentProblemText,
  followUpRows,
  readAssignments,
  readSheetDate,
  todayIso,
  type Assignment,
  type AssignmentProblem,
  type CriteriaSet,
  type FollowUp,
  type Language,
  type ReadAssignmentsOptions,
  type UnitResult,
} from "../shared/index.js";
import { InputError } from "./evaluateWorkbook.js";
import { say } from "../shared/i18n/cliStrings.js";
import { UsageError } from "./usageError.js";
import type { NewSheet } from "./xlsx/newSheet.js";
import { openXlsx, XlsxError, xlsxErrorMessage, type XlsxPackage } from "./xlsx/open.js";
import { readSheetGrid } from "./xlsx/readSheet.js";

export interface AssignmentSource {
  /** The workbook's name, as messages and the report name it. */
  label: string;
  rows: unknown[][];
  options: ReadAssignmentsOptions;
  assignments: Assignment[];
  /** Rows not counted (a deadline with nobody responsible). */
  warnings: AssignmentProblem[];
  /** The set the sheet names on its "Bộ tiêu chí" row. */
  setId?: string;
}

/** The sheet of an opened package, or undefined when it has none; a bad row is an InputError naming it. */
export function readAssignmentSheet(pkg: XlsxPackage, file: string, lang: Language): AssignmentSource | undefined {
  const label = path.basename(file);
  if (!pkg.sheets.some((s) => s.name === ASSIGNMENT_SHEET)) return undefined;
  let grid;
  try {
    grid = readSheetGrid(pkg, ASSIGNMENT_SHEET).grid;
  } catch (e) {
    if (e instanceof XlsxError) throw new InputError(`${xlsxErrorMessage(e.code, lang, label)} (${ASSIGNMENT_SHEET})`);
    throw e;
  }
  const rows = grid.values as unknown[][];
  const options: ReadAssignmentsOptions = { ...(grid.merges?.length ? { merges: grid.merges } : {}), ...(pkg.date1904 ? { date1904: true } : {}) };
  const read = readAssignments(rows, options);
  if (!read.ok) {
    const [first, ...more] = read.errors.map((e) => assignmentProblemText(e, lang, ASSIGNMENT_SHEET));
    // A problem of the whole sheet (no header row) names the sheet; a cell's names it with the cell.
    const where = read.errors[0]!.row === 0 ? `${label}, ${ASSIGNMENT_SHEET}: ` : `${label}, `;
    throw new InputError(`${where}${first}${more.length ? say("moreErrors", lang, { count: more.length }) : ""}`);
  }
  return { label, rows, options, assignments: read.assignments, warnings: read.warnings, ...(read.setId ? { setId: read.setId } : {}) };
}

/** `--assignments FILE`: its NTM_PhanCong sheet, or a message saying the file has none. */
export function loadAssignmentFile(file: string, lang: Language): AssignmentSource {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new InputError(say("cannotOpen", lang, { file }));
  }
  let pkg: XlsxPackage;
  try {
    pkg = openXlsx(bytes);
  } catch (e) {
    if (e instanceof XlsxError) throw new InputError(xlsxErrorMessage(e.code, lang, path.basename(file)));
    throw e;
  }
  const source = readAssignmentSheet(pkg, file, lang);
  if (!source) throw new InputError(tAssign("assign.cli.noSheet", lang, { file: path.basename(file), sheet: ASSIGNMENT_SHEET, sheets: pkg.sheets.map((s) => s.name).join(", ") }));
  return source;
}

/** The follow-up of `results` against a sheet's assignments on the report date, its warnings first. */
export function followUpOf(results: readonly UnitResult[], set: CriteriaSet, source: AssignmentSource, reportDate: string, lang: Language): FollowUp {
  const f = assignmentFollowUp(results, source.assignments, { reportDate, set, lang, sheetSetId: source.setId });
  f.warnings.unshift(...source.warnings);
  return f;
}

/** Widths of the follow-up sheet's columns, in characters (shared with the add-ins). */
export const FOLLOW_UP_WIDTHS: number[] = [...SHARED_FOLLOW_UP_WIDTHS];

/** "huyen.xlsx; phân công: phan-cong.xlsx": what the follow-up covers and where its assignments come from. */
export function followUpSource(covered: string, source: AssignmentSource, lang: Language): string {
  return source.label === covered ? covered : `${covered}${tAssign("assign.cli.source", lang, { file: source.label })}`;
}

/** The NTM_TheoDoi sheet of a copy or of the combined report. */
export function followUpSheet(name: string, f: FollowUp, set: CriteriaSet, source: string, lang: Language): NewSheet {
  return { name, rows: followUpRows(f, { set, lang, source, sheet: ASSIGNMENT_SHEET }), replace: true, columnWidths: FOLLOW_UP_WIDTHS };
}

/** --report-date: the date overdue is judged on (default: today, in local time); a bad one is a usage error. */
export function readReportDate(text: string | undefined, lang: Language, now: Date = new Date()): string {
  if (text === undefined) return todayIso(now);
  const d = readSheetDate(text);
  if (!d.ok || d.date === null) throw new UsageError(tAssign("assign.cli.badReportDate", lang, { value: text }));
  return d.date;
}
