// The add-ins' actions, written once for every host (hostPort.ts): evaluate the active sheet
// (highlights, [NTM] columns, report), write the report only, clear the highlights, create
// the NTM_BoTieuChi sheet. What is decided here is what every host does: which sheets are
// the add-in's own, what a broken NTM_BoTieuChi means, that the undo record is kept before
// any cell is touched, that the report is written on every evaluation (also of a protected
// sheet), that its two charts are replaced right after it (never a user's chart), how many
// notes are written, and what the user is told.
import { builtInSets, DEFAULT_SET_ID, getBuiltInSet } from "../catalog/builtin.js";
import type { CriteriaSet } from "../catalog/schema.js";
import { criteriaSetToRows, readWorkbookSet } from "../catalog/workbookSet.js";
import { formatMessage, t } from "../i18n/format.js";
import { message, type Message } from "../i18n/message.js";
import type { Language } from "../i18n/strings.js";
import { REPORT_SHEET } from "../report/districtReport.js";
import { WORKBOOK_SET_SHEET } from "../catalog/workbookSet.js";
import type { MappingOverride } from "../sheet/detect.js";
import { isEmptyGrid, type SheetGrid } from "../sheet/grid.js";
import { clearPlan, planWrites, type HighlightRecord } from "../sheet/plan.js";
import { reportPrintTitle, unitNoun } from "../report/districtReport.js";
import { reportCharts } from "../report/reportCharts.js";
import { reportPrint } from "../report/reportLayout.js";
import { HISTORY_SHEET } from "./history.js";
import { todayIso } from "./sheetDates.js";
import { sinceLastSave, type SinceLastSave } from "./sinceLastSave.js";
import { ask, type Flow, type OpenedSheet } from "./hostPort.js";
import type { UnitResult } from "../engine/types.js";
import { DEFAULT_MAX_NOTES, runSheet, type SheetRun } from "./evaluateSheetUseCase.js";
import type { AppSettings } from "./settings.js";
import { sheetReportRows } from "./sheetReport.js";

/** Sheets the add-in writes itself: never read as data. */
export const OWN_SHEETS: readonly string[] = [REPORT_SHEET, WORKBOOK_SET_SHEET, HISTORY_SHEET, "NTM_PhanCong" /* ASSIGNMENT_SHEET */, "NTM_TheoDoi" /* FOLLOW_UP_SHEET */];

export type ActionFailure = { ok: false; reason: Message; details?: Message[] };

export interface EvaluateInput {
  settings: AppSettings;
  /** "evaluate": highlights, [NTM] columns and the report; "report": the report sheet only. */
  mode: "evaluate" | "report";
  /** The sheet to judge; none: the active one. */
  sheet?: string;
  /** When the sheet opened is the add-in's own (NTM_BaoCao), the report is made from this one (the last evaluated). */
  fallbackSheet?: string;
  /** Column-mapping corrections not saved yet, for the named sheet only; else the saved ones apply. */
  override?: { sheet: string; override: MappingOverride };
  /** Notes the host writes at most (0: it cannot write notes). Default DEFAULT_MAX_NOTES. */
  maxNotes?: number;
  /** The district roll-up and the NTM_TheoDoi follow-up (evaluateExtras.ts); every host passes them (Excel loads them apart). */
  extras?: EvaluateExtras;
  /** The report date of the follow-up, "YYYY-MM-DD" (default: today, in this machine's local time). */
  today?: string;
}

/**
 * What an evaluation adds when the workbook calls for it, kept out of this module so that a host
 * can load it apart (Excel's first bundle has no room): rows of the report after the road to
 * certification (the district roll-up when the units are communes), and NTM_TheoDoi rewritten
 * when the workbook has NTM_PhanCong. The same object on every host (shared/app/evaluateExtras.ts).
 */
export interface EvaluateExtras {
  reportBlock(results: readonly UnitResult[], set: CriteriaSet, lang: Language): Array<Array<string | number>>;
  /** What the user is told: NTM_TheoDoi written (counts), or why not (the NTM_PhanCong cells named). */
  followUp(input: FollowUpInput): Flow<string[]>;
}

export interface FollowUpInput {
  assignmentRows: unknown[][];
  origin?: { row: number; col: number } | undefined;
  /** Merged ranges of NTM_PhanCong, relative to `assignmentRows`. */
  merges?: ReadonlyArray<{ top: number; left: number; bottom: number; right: number }> | undefined;
  results: readonly UnitResult[];
  set: CriteriaSet;
  lang: Language;
  /** The judged sheet, as the follow-up's subtitle names it. */
  source: string;
  reportDate: string;
}

export interface EvaluateDone {
  ok: true;
  sheet: string;
  origin: { row: number; col: number };
  run: Extract<SheetRun, { ok: true }>;
  /** What the user is told, in order: why this set, protection, notices, a report not written. */
  warnings: Message[];
  /** The one line that says what was done. */
  summary?: Message;
  highlighted: number;
  override: MappingOverride;
  /** False when the sheet is protected or only the report was asked for. */
  wroteHighlights: boolean;
  reportWritten: boolean;
  /** Rows of the report sheet. */
  reportRows: number;
  /** This run against the last save of the same sheet in NTM_LichSu. */
  sinceLastSave?: SinceLastSave;
  /** When the workbook has NTM_PhanCong: NTM_TheoDoi written (what it counts), or why not. */
  followUp?: string[];
}

const fail = (reason: Message, details?: Message[]): ActionFailure => (details ? { ok: false, reason, details } : { ok: false, reason });

/** NTM_BoTieuChi read: nothing, a set (and the built-in one it amends), or why it cannot be used. */
/** A failure as one text: the reason, then its details one a line (NTM_BoTieuChi's rows, the mapping's problems). */
export function actionFailureText(f: ActionFailure, lang: Language): string {
  return [f.reason, ...(f.details ?? [])].map((m) => formatMessage(m, lang)).join("\n");
}

export function workbookSetFromRows(rows: unknown[][] | undefined): { ok: true; workbook?: { set: CriteriaSet; base?: string } } | ActionFailure {
  if (!rows || rows.length === 0) return { ok: true };
  const r = readWorkbookSet(rows, builtInSets());
  if (r.ok) return { ok: true, workbook: r.base ? { set: r.set, base: r.base } : { set: r.set } };
  return fail(message("action.workbookSetBroken", { count: r.errors.length }), r.errors.slice(0, 10).map((e) => e.message));
}

/** The report's charts, replaced once the report is written; what the user is told if they could not be. */
function* writeReportCharts(rows: Array<Array<string | number>>, lang: Language): Flow<Message[]> {
  const drawn = yield* ask("writeCharts", { charts: reportCharts(rows, lang) });
  return drawn.ok ? [] : [message("action.reportNotWritten", { report: REPORT_SHEET, detail: t("chart.notWritten", lang, { detail: drawn.detail }) })];
}

function recordIsEmpty(r: HighlightRecord | undefined): boolean {
  return !r || (r.fills.length === 0 && r.notes.length === 0 && r.ownedColumns.length === 0);
}

/** An opened sheet judged, on the rules every action shares: never an own sheet, never an empty one, NTM_BoTieuChi first. */
export function judgeOpenedSheet(opened: OpenedSheet, settings: AppSettings, o: { override?: MappingOverride; previous?: HighlightRecord; maxNotes?: number } = {}): { ok: true; run: Extract<SheetRun, { ok: true }>; grid: SheetGrid } | ActionFailure {
  const name = opened.name;
  if (OWN_SHEETS.includes(name)) return fail(message("action.ownSheet", { sheet: name }));
  const grid = opened.grid;
  if (!grid || isEmptyGrid(grid)) return fail(message("sheet.empty", { sheet: name }));
  const wb = workbookSetFromRows(opened.setRows);
  if (!wb.ok) return wb;
  const run = runSheet(grid, {
    ...(settings.setId ? { settingSetId: settings.setId } : {}),
    ...(wb.workbook ? { workbook: wb.workbook } : {}),
    ...(settings.region ? { region: settings.region } : {}),
    ...(settings.year !== undefined ? { year: settings.year } : {}),
    ...(settings.blankMeans ? { blankCriterion: settings.blankMeans } : {}),
    ...(o.override ? { override: o.override } : {}),
    ...(o.previous ? { previous: o.previous } : {}),
    maxNotes: o.maxNotes ?? DEFAULT_MAX_NOTES,
    lang: settings.lang,
  });
  if (!run.ok) return fail(run.reason, run.mapping);
  return { ok: true, run, grid };
}

/** "Đánh giá trang tính" and "Tạo báo cáo". */
export function* evaluateFlow(input: EvaluateInput): Flow<EvaluateDone | ActionFailure> {
  const { settings, mode } = input;
  const lang = settings.lang;
  const extras = input.extras;
  const withAssignments = extras !== undefined;
  let opened = yield* ask("open", { ...(input.sheet ? { sheet: input.sheet } : {}), withRecord: mode === "evaluate", withHistory: true, withAssignments });
  if (OWN_SHEETS.includes(opened.name) && mode === "report" && input.fallbackSheet && !OWN_SHEETS.includes(input.fallbackSheet)) {
    opened = yield* ask("open", { sheet: input.fallbackSheet, withRecord: false, withHistory: true, withAssignments });
  }
  const name = opened.name;
  const override = input.override && input.override.sheet === name ? input.override.override : opened.override;
  const previous = mode === "evaluate" ? opened.record : undefined;
  const maxNotes = input.maxNotes ?? DEFAULT_MAX_NOTES;
  const judged = judgeOpenedSheet(opened, settings, { ...(override ? { override } : {}), ...(previous ? { previous } : {}), maxNotes });
  if (!judged.ok) return judged;
  const { run, grid } = judged;
  const origin = grid.origin ?? { row: 0, col: 0 };
  const why = run.choice.origin === "inferred" || run.choice.origin === "workbook" ? [run.choice.why] : [];
  // Since the last save of this sheet in NTM_LichSu: said in the pane and written into the report.
  const history = sinceLastSave(opened.historyRows, name, run, settings);
  const notices = [...run.notices.filter((n) => n.key !== "sheet.notesCapped"), ...history.notices];
  const block = extras?.reportBlock(run.results, run.choice.set, lang);
  const base = sheetReportRows(run, { region: settings.region, year: settings.year, target: settings.target, lang, source: name, origin, ...(block?.length ? { block } : {}) });
  const rows = history.since ? [...base, [], ...history.since.lines.map((l) => [l])] : base;
  const print = reportPrint(rows, lang, reportPrintTitle({ set: run.choice.set, year: settings.year, lang, source: name }));
  // NTM_TheoDoi, when the workbook has NTM_PhanCong: rewritten with the report, on the same results.
  const followUp = function* (): Flow<string[] | undefined> {
    if (!extras || !opened.assignmentRows) return undefined;
    return yield* extras.followUp({ assignmentRows: opened.assignmentRows, origin: opened.assignmentOrigin, merges: opened.assignmentMerges, results: run.results, set: run.choice.set, lang, source: name, reportDate: input.today ?? todayIso() });
  };
  const done = (o: { warnings: Message[]; highlighted: number; wroteHighlights: boolean; reportWritten: boolean; summary?: Message; followUp?: string[] | undefined }): EvaluateDone => {
    const { followUp: said, ...rest } = o;
    return { ok: true, sheet: name, origin, run, override: override ?? {}, reportRows: rows.length, ...(history.since ? { sinceLastSave: history.since } : {}), ...(said ? { followUp: said } : {}), ...rest };
  };

  // A protected sheet is still judged (the same answer everywhere), only not written to; the
  // report is the add-in's own sheet, so it is written all the same.
  if (mode === "report" || opened.protected) {
    const head = mode === "evaluate" ? [message("sheet.protectedReadOnly", { sheet: name })] : [];
    const report = yield* ask("writeReport", { rows, show: mode === "report", ...(print ? { print } : {}) });
    const charts = report.ok ? yield* writeReportCharts(rows, lang) : [];
    const followed = yield* followUp();
    yield* ask("commit", {});
    const said = report.ok ? charts : [message("action.reportNotWritten", { report: REPORT_SHEET, detail: report.detail })];
    if (mode === "report" && !report.ok) return fail(said[0]!);
    const summary = mode === "report" ? message("action.reported", { report: REPORT_SHEET, sheet: name, count: run.results.length, noun: unitNoun(run.choice.set, lang) }) : undefined;
    return done({ warnings: [...head, ...why, ...notices, ...said], highlighted: 0, wroteHighlights: false, reportWritten: report.ok, ...(summary ? { summary } : {}), followUp: followed });
  }

  // A host whose grid has no fills yet reads the originals of the cells about to change, and
  // the notes of the first cells to be noted: notes are written only where a user's note is known absent.
  let plan = run.plan;
  if (!grid.fills) {
    const noteCells = [...plan.notes.filter((n) => n.text !== null).slice(0, maxNotes), ...(previous?.notes ?? [])];
    const originals = yield* ask("readOriginals", { grid, plan, ...(previous ? { previous } : {}), noteCells });
    plan = planWrites({ ...grid, fills: originals.fills, notes: originals.notes }, run.mapping, run.units, run.results, {
      set: run.choice.set,
      lang,
      ...(previous ? { previous } : {}),
      mismatches: run.totalMismatches,
      maxNotes,
      notesKnownAt: new Set(noteCells.map((c) => `${c.row}:${c.col}`)),
    });
  }
  const capped = maxNotes > 0 && plan.notesCapped ? [message("sheet.notesCapped", { max: maxNotes, count: plan.notesCapped })] : [];

  // The record first: if it cannot be kept, nothing is highlighted that could not be cleared.
  const saved = yield* ask("saveSheetState", { sheet: name, origin, record: plan.record, ...(override ? { override } : {}) });
  if (!saved.ok) return fail(message("action.recordTooLarge", { sheet: name, detail: saved.detail }));
  const applied = yield* ask("applyPlan", { sheet: name, origin, plan });
  if (!applied.ok) return fail(applied.protected ? message("sheet.protected", { sheet: name }) : message("action.writeFailed", { sheet: name, detail: applied.detail }));
  const report = yield* ask("writeReport", { rows, show: false, ...(print ? { print } : {}) });
  const charts = report.ok ? yield* writeReportCharts(rows, lang) : [];
  const followed = yield* followUp();
  yield* ask("commit", {});
  const said = report.ok ? charts : [message("action.reportNotWritten", { report: REPORT_SHEET, detail: report.detail })];
  return done({ warnings: [...why, ...notices, ...capped, ...said], highlighted: plan.record.fills.length, wroteHighlights: true, reportWritten: report.ok, followUp: followed });
}

export type ActionDone = { ok: true; sheet: string; message: Message };

/** "Xoá đánh dấu": every fill back to what it was, the add-in's notes and columns removed, the record forgotten. */
export function* clearFlow(): Flow<ActionDone | ActionFailure> {
  const opened = yield* ask("open", { withRecord: true, withGrid: false });
  const name = opened.name;
  const record = opened.record;
  if (recordIsEmpty(record)) return { ok: true, sheet: name, message: message("action.nothingToClear", { sheet: name }) };
  if (opened.protected) return fail(message("sheet.protected", { sheet: name }));
  const plan = clearPlan(record!);
  const origin = { row: 0, col: 0 };
  const applied = yield* ask("applyPlan", { sheet: name, origin, plan });
  if (!applied.ok) return fail(applied.protected ? message("sheet.protected", { sheet: name }) : message("action.writeFailed", { sheet: name, detail: applied.detail }));
  // Forgotten only once undone: a failed clear can be tried again.
  yield* ask("saveSheetState", { sheet: name, origin, record: plan.record, ...(opened.override ? { override: opened.override } : {}) });
  yield* ask("commit", {});
  return { ok: true, sheet: name, message: message("action.cleared", { sheet: name }) };
}

/** "Tạo trang NTM_BoTieuChi": the chosen built-in set (default: the national commune set) as editable text rows; never overwrites. */
export function* createSetSheetFlow(settings: Pick<AppSettings, "setId">): Flow<ActionDone | ActionFailure> {
  const set = (settings.setId ? getBuiltInSet(settings.setId) : undefined) ?? getBuiltInSet(DEFAULT_SET_ID)!;
  const raw = criteriaSetToRows(set);
  const width = Math.max(...raw.map((r) => r.length));
  const rows = raw.map((r) => Array.from({ length: width }, (_, i) => String(r[i] ?? "")));
  const header = raw.findIndex((r) => r.length === width);
  const made = yield* ask("createTextSheet", { name: WORKBOOK_SET_SHEET, rows, ...(header >= 0 ? { boldRow: header } : {}) });
  yield* ask("commit", {});
  if (!made.created) return fail(message("action.setSheetExists", { sheet: WORKBOOK_SET_SHEET }));
  return { ok: true, sheet: WORKBOOK_SET_SHEET, message: message("action.setSheetCreated", { sheet: WORKBOOK_SET_SHEET, set: set.id }) };
}
