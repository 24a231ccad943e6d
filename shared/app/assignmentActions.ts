// The add-ins' assignment use cases, written once for every host (hostPort.ts): "Tạo mẫu phân
// công" creates NTM_PhanCong for the set that would judge the active sheet (never over an
// existing sheet), and, on each evaluation of a workbook that has NTM_PhanCong, NTM_TheoDoi is
// rewritten with the rows `ntm evaluate` writes (assignmentFollowUpRows), or the user is told
// which cells of NTM_PhanCong to fix. Messages are text in the user's language
// (assignmentStrings.ts), so that Excel loads them with this module, apart from its first bundle.
import { formatMessage } from "../i18n/format.js";
import { tAssign } from "../i18n/assignmentStrings.js";
import type { Language } from "../i18n/strings.js";
import { isEmptyGrid } from "../sheet/grid.js";
import type { CriteriaSet } from "../catalog/schema.js";
import { ASSIGNMENT_SHEET, formatNoticeDate } from "./assignmentReader.js";
import { assignmentFollowUpRows, FOLLOW_UP_WIDTHS } from "./assignmentReport.js";
import { FOLLOW_UP_SHEET } from "./assignments.js";
import { assignmentTemplate } from "./assignmentTemplate.js";
import { chooseSetForSheet } from "./evaluateSheetUseCase.js";
import { ask, type Flow, type OpenedSheet } from "./hostPort.js";
import { resolveSet } from "./resolveSet.js";
import type { AppSettings } from "./settings.js";
import { actionFailureText, OWN_SHEETS, workbookSetFromRows, type FollowUpInput } from "./sheetActions.js";

export type AssignmentActionResult = { ok: true; sheet: string; text: string } | { ok: false; text: string };

/** Problems of NTM_PhanCong named at most in the message (the first ones, in the sheet's order). */
const MAX_NAMED = 10;

/**
 * The set the template is made for: the one that would judge the active sheet (the setting, the
 * workbook's NTM_BoTieuChi, what the sheet says of itself); from an own, empty or unrecognised
 * sheet, the setting, NTM_BoTieuChi or the national commune set.
 */
function templateSet(opened: OpenedSheet, settings: Pick<AppSettings, "setId" | "lang">): { ok: true; set: CriteriaSet } | { ok: false; text: string } {
  const lang = settings.lang;
  const wb = workbookSetFromRows(opened.setRows);
  if (!wb.ok) return { ok: false, text: actionFailureText(wb, lang) };
  const grid = opened.grid;
  if (grid && !isEmptyGrid(grid) && !OWN_SHEETS.includes(opened.name)) {
    const bySheet = chooseSetForSheet(grid, { ...(settings.setId ? { settingSetId: settings.setId } : {}), ...(wb.workbook ? { workbook: wb.workbook } : {}), ...(opened.override ? { override: opened.override } : {}) });
    if (bySheet.ok) return { ok: true, set: bySheet.choice.set };
  }
  const r = resolveSet({ ...(settings.setId ? { setting: settings.setId } : {}), ...(wb.workbook ? { workbook: wb.workbook } : {}) });
  return r.ok ? { ok: true, set: r.choice.set } : { ok: false, text: formatMessage(r.reason, lang) };
}

/** "Tạo mẫu phân công": NTM_PhanCong as text cells, the header bold; an existing sheet is never touched. */
export function* createAssignmentSheetFlow(settings: Pick<AppSettings, "setId" | "lang">): Flow<AssignmentActionResult> {
  const lang = settings.lang;
  const opened = yield* ask("open", { withRecord: false });
  const chosen = templateSet(opened, settings);
  if (!chosen.ok) return chosen;
  const tpl = assignmentTemplate(chosen.set, lang);
  const width = Math.max(...tpl.rows.map((r) => r.length));
  const rows = tpl.rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
  const made = yield* ask("createTextSheet", { name: ASSIGNMENT_SHEET, rows, boldRow: tpl.headerRow });
  yield* ask("commit", {});
  if (!made.created) return { ok: false, text: tAssign("assign.add.exists", lang, { sheet: ASSIGNMENT_SHEET }) };
  const count = tpl.rows.length - tpl.headerRow - 3;
  return { ok: true, sheet: ASSIGNMENT_SHEET, text: tAssign("assign.add.created", lang, { sheet: ASSIGNMENT_SHEET, set: chosen.set.id, count: String(count), followUp: FOLLOW_UP_SHEET }) };
}

/**
 * NTM_TheoDoi rewritten from NTM_PhanCong and the results just judged, on the report date; what
 * the user is told: the counts (assigned, not assigned, overdue) and the rows not counted, or, when
 * NTM_PhanCong cannot be read, each problem with its cell (the sheet written before is kept).
 */
export function* writeFollowUpFlow(i: FollowUpInput): Flow<string[]> {
  const { lang } = i;
  const report = assignmentFollowUpRows(i.results, i.assignmentRows, { set: i.set, lang, source: i.source, sheet: ASSIGNMENT_SHEET, reportDate: i.reportDate, read: { ...(i.origin ? { origin: i.origin } : {}), ...(i.merges?.length ? { merges: i.merges } : {}) } });
  if (!report.ok) {
    const head = tAssign("assign.add.badSheet", lang, { followUp: FOLLOW_UP_SHEET, sheet: ASSIGNMENT_SHEET, count: String(report.errors.length) });
    return [head, ...report.errors.slice(0, MAX_NAMED).map((e) => `- ${e}`)];
  }
  const written = yield* ask("writeOwnSheet", { name: FOLLOW_UP_SHEET, rows: report.rows, columnWidths: FOLLOW_UP_WIDTHS });
  if (!written.ok) return [tAssign("assign.add.notWritten", lang, { sheet: FOLLOW_UP_SHEET, detail: written.detail })];
  return [followUpCounts(report.followUp, lang), ...report.warnings.slice(0, MAX_NAMED).map((w) => `- ${w}`)];
}

function followUpCounts(f: { reportDate: string; counts: { items: number; assigned: number; unassigned: number; overdue: number } }, lang: Language): string {
  const c = f.counts;
  return tAssign("assign.add.followUp", lang, { sheet: FOLLOW_UP_SHEET, date: formatNoticeDate(f.reportDate, lang), items: String(c.items), assigned: String(c.assigned), unassigned: String(c.unassigned), overdue: String(c.overdue) });
}
