// The NTM_PhanCong sheet read row by row: who holds each criterion (or indicator), for which
// commune or village, by when, with what evidence and status. As NTM_BoTieuChi is read
// (shared/catalog/workbookSet.ts): free rows above a header row found by its column names, then
// one row per assignment; every error names its row, cell and column, in the user's language.
// Dates are kept as "YYYY-MM-DD" text, so comparing two is comparing two strings, in no time zone.
import { columnLetters, type CellRange } from "../sheet/grid.js";
import { foldVietnamese } from "../text/fold.js";
import { readSheetDate } from "./sheetDates.js";
import type { AssignmentKey } from "../i18n/assignmentStrings.js";

/** The sheet a workbook carries its assignments on. */
export * from "./sheetDates.js";

export const ASSIGNMENT_SHEET = "NTM_PhanCong";

export type AssignmentField = "code" | "holder" | "deadline" | "evidence" | "status" | "note" | "commune" | "village" | "name";

/**
 * Header texts (folded, without a trailing colon or a bracketed hint such as "(dd/mm/yyyy)") for
 * each column, Vietnamese and English. The first matching header wins.
 */
export const ASSIGNMENT_COLUMNS: ReadonlyArray<[field: AssignmentField, headers: readonly string[]]> = [
  ["code", ["tieu chi/chi tieu", "tieu chi, chi tieu", "tieu chi", "chi tieu", "ma chi tieu", "tieu chi so", "criterion/indicator", "criterion", "indicator"]],
  ["holder", ["don vi/nguoi phu trach", "don vi, nguoi phu trach", "don vi phu trach", "nguoi phu trach", "phu trach", "don vi chu tri", "co quan chu tri", "responsible department/person", "responsible", "department", "assigned to"]],
  ["deadline", ["han hoan thanh", "thoi han hoan thanh", "thoi han", "han", "deadline", "due date", "due"]],
  ["evidence", ["minh chung", "evidence"]],
  ["status", ["trang thai", "tien do", "status", "progress"]],
  ["note", ["ghi chu", "note", "notes"]],
  ["commune", ["xa", "ten xa", "xa, phuong", "commune"]],
  ["village", ["thon", "ten thon", "thon, ban", "thon/ban", "ban", "village"]],
  ["name", ["ten tieu chi", "noi dung", "criterion name", "name"]],
];

/** One row of the sheet: a criterion (or indicator) held by someone. */
export interface Assignment {
  /** 1-based row on the sheet. */
  row: number;
  criterion: number;
  /** "17" (the whole criterion) or "17.1" (one indicator). */
  code: string;
  /** Set when the row holds one indicator. */
  indicator?: string;
  /** Who holds it: a department or a person ("Phòng TN&MT"); several in one cell are split on ";". */
  holder: string;
  /** "YYYY-MM-DD", or null when no deadline is written. */
  deadline: string | null;
  evidence: string;
  status: string;
  note: string;
  /** The commune (and village) it is assigned for; neither: every unit. */
  commune?: string;
  village?: string;
}

export interface AssignmentProblem {
  /** 1-based sheet row; 0 when the problem is the sheet's (no header row). */
  row: number;
  /** 0-based column on the sheet, and the header as the sheet writes it. */
  col?: number;
  column?: string;
  /** "F9". */
  cell?: string;
  key: AssignmentKey;
  params: Record<string, string>;
}

export type AssignmentRead =
  | {
      ok: true;
      assignments: Assignment[];
      /** Rows read but not counted, with the reason (a deadline with nobody responsible). */
      warnings: AssignmentProblem[];
      /** The set id the sheet names on its "Bộ tiêu chí" row, when it does. */
      setId?: string;
      /** 1-based row of the header, and which column holds what (0-based). */
      headerRow: number;
      columns: Partial<Record<AssignmentField, number>>;
    }
  | { ok: false; errors: AssignmentProblem[] };

export interface ReadAssignmentsOptions {
  /** Where the rows start on the sheet (a host reading its used range only), for cell names. */
  origin?: { row: number; col: number };
  /** Merged ranges (0-based, relative to the rows): a merged cell's value holds for each row it covers. */
  merges?: readonly CellRange[];
  /** Serial numbers count from 1904 (an old Mac workbook). */
  date1904?: boolean;
}

const text = (v: unknown): string => (v === null || v === undefined ? "" : v instanceof Date ? "" : String(v).replace(/\s+/g, " ").trim());

/** A header as compared: folded, no trailing colon, no "(...)" hint, spaces around "/" and "," closed up. */
function headerKey(v: unknown): string {
  return foldVietnamese(text(v))
    .replace(/\([^)]*\)/g, "")
    .replace(/\s*\/\s*/g, "/")
    .replace(/\s*,\s*/g, ", ")
    .replace(/[:*]+$/, "")
    .trim();
}

const SET_KEYS = new Set(["bo tieu chi", "ma bo tieu chi", "criteria set", "set"]);

/**
 * Reads the rows of an NTM_PhanCong sheet (values as the host reads them, from the sheet's first
 * row and column unless `origin` says otherwise). Above the header: free rows (a title, "Bộ tiêu
 * chí | xa-ntm-2021-2025"). Below it, skipped: blank rows, a row whose first cell starts with
 * "Ví dụ"/"Example" (the template's example), and rows holding one text that is no criterion (a
 * note, a section heading); a row listing a criterion with nobody responsible is not an
 * assignment. Every other row must name a criterion or indicator, and its deadline must be a date.
 */
export function readAssignments(rows: readonly (readonly unknown[])[], o: ReadAssignmentsOptions = {}): AssignmentRead {
  const origin = o.origin ?? { row: 0, col: 0 };
  const grid = o.merges?.length ? fillMerges(rows, o.merges) : rows;
  const errors: AssignmentProblem[] = [];
  const warnings: AssignmentProblem[] = [];
  const problem = (r: number, c: number | undefined, key: AssignmentKey, params: Record<string, string> = {}): AssignmentProblem => {
    const row = r + origin.row + 1;
    if (c === undefined) return { row, key, params };
    const cell = columnLetters(c + origin.col) + String(row);
    return { row, col: c + origin.col, column: text(grid[header]?.[c]) || columnLetters(c + origin.col), cell, key, params };
  };

  let header = -1;
  let setId: string | undefined;
  const col: Partial<Record<AssignmentField, number>> = {};
  for (let r = 0; r < grid.length && header < 0; r++) {
    const cells = grid[r] ?? [];
    const keys = cells.map(headerKey);
    const found: Partial<Record<AssignmentField, number>> = {};
    keys.forEach((k, i) => {
      for (const [field, headers] of ASSIGNMENT_COLUMNS) if (found[field] === undefined && headers.includes(k)) found[field] = i;
    });
    if (found.code !== undefined && found.holder !== undefined) {
      header = r;
      Object.assign(col, found);
      break;
    }
    if (SET_KEYS.has(keys[0] ?? "") && text(cells[1])) setId = text(cells[1]).toLowerCase();
  }
  if (header < 0) return { ok: false, errors: [{ row: 0, key: "assign.noHeader", params: {} }] };

  const assignments: Assignment[] = [];
  for (let r = header + 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const at = (f: AssignmentField) => (col[f] === undefined ? undefined : cells[col[f]!]);
    const get = (f: AssignmentField) => text(at(f));
    const filled = cells.map((c, i) => (c instanceof Date || text(c) !== "" ? i : -1)).filter((i) => i >= 0);
    if (filled.length === 0) continue;
    const first = foldVietnamese(text(cells[filled[0]!]));
    if (/^(vi du|example|vd)\b/.test(first)) continue;
    const codeCell = at("code");
    const code = readAssignmentCode(codeCell);
    // One text alone on its row that is no criterion: a note or a section heading.
    if (filled.length === 1 && (code === null || code === undefined) && filled[0] !== col.holder) continue;
    if (code === undefined) {
      if (get("holder")) errors.push(problem(r, col.code, "assign.noCode"));
      continue;
    }
    if (code === null) {
      // A code Excel turned into a date ("17.1" as 17 January) is shown as the date it became.
      const asDate = codeCell instanceof Date ? readSheetDate(codeCell) : undefined;
      errors.push(problem(r, col.code, "assign.badCode", { value: asDate?.ok && asDate.date ? asDate.date : text(codeCell) }));
      continue;
    }
    const due = col.deadline === undefined ? ({ ok: true, date: null } as const) : readSheetDate(at("deadline"), o.date1904);
    if (!due.ok) {
      errors.push(problem(r, col.deadline, due.key, due.params));
      continue;
    }
    const holder = get("holder");
    const assignment: Assignment = {
      row: r + origin.row + 1,
      criterion: code.criterion,
      code: code.code,
      ...(code.indicator ? { indicator: code.indicator } : {}),
      holder,
      deadline: due.date,
      evidence: get("evidence"),
      status: get("status"),
      note: get("note"),
      ...(get("commune") ? { commune: get("commune") } : {}),
      ...(get("village") ? { village: get("village") } : {}),
    };
    if (!holder) {
      if (assignment.deadline || assignment.evidence || assignment.status) warnings.push(problem(r, col.holder, "assign.noHolder"));
      continue;
    }
    assignments.push(assignment);
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, assignments, warnings, ...(setId ? { setId } : {}), headerRow: header + origin.row + 1, columns: col };
}

/** Rows with each merged range's first value copied into the cells it covers (a copy; the input is kept). */
function fillMerges(rows: readonly (readonly unknown[])[], merges: readonly CellRange[]): unknown[][] {
  const out = rows.map((r) => [...(r ?? [])]);
  for (const m of merges) {
    const v = out[m.top]?.[m.left];
    if (v === null || v === undefined || v === "") continue;
    for (let r = m.top; r <= m.bottom && r < out.length; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) out[r]![c] = v;
  }
  return out;
}

/**
 * "17", 17, "TC 17", "Tiêu chí số 17", "17. Môi trường" -> criterion 17; "17.1", "Chỉ tiêu 17.1",
 * "17,1" -> indicator 17.1. A number typed into a cell keeps no trailing zero: 17.10 reads as
 * 17.1 (the template's first column is text for that reason). undefined: blank; null: unreadable.
 */
export function readAssignmentCode(v: unknown): { criterion: number; code: string; indicator?: string } | null | undefined {
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return undefined;
  let s: string;
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v <= 0) return null;
    s = String(Math.round(v * 100) / 100);
  } else if (typeof v === "string") s = foldVietnamese(v);
  else return null;
  s = s.replace(/^(tieu chi so|tieu chi|chi tieu so|chi tieu|ma chi tieu|t\.\s?chi|tc|ct|criterion|indicator)\s*(so|no\.?)?\s*[:.]?\s*/, "");
  const m = /^(\d{1,2})(?:[.,](\d{1,2}))?(?:[\s:\-–.)]+\D.*)?$/.exec(s);
  if (!m) return null;
  const criterion = Number(m[1]);
  if (criterion < 1) return null;
  if (m[2] === undefined) return { criterion, code: String(criterion) };
  const code = `${criterion}.${Number(m[2])}`;
  return { criterion, code, indicator: code };
}
