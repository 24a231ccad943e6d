import {
  REGION_IDS,
  REGION_NAMES,
  WORKBOOK_SET_SHEET,
  actionFailureText,
  builtInSets,
  clearFlow,
  countThresholds,
  createAssignmentSheetFlow,
  createSetSheetFlow,
  evaluateExtras,
  evaluateFlow,
  formatMessage,
  getBuiltInSet,
  isAssessmentYear,
  message,
  parseColumnChoice,
  parseRegionId,
  parseRoadTarget,
  runFlowSync,
  saveHistoryFlow,
  workbookSetFromRows,
  type CriteriaSet,
  type Language,
  type MappingOverride,
} from "../../shared/index.js";
import { spreadsheetApp, type SpreadsheetApi } from "./host.js";
import { sheetsPort } from "./sheetsPort.js";
import { documentProps, loadLast, loadOverride, loadSettings, saveLast, saveOverride, saveSettings, type GasSettings, type LastRun, type Props } from "./store.js";
import { ui } from "./strings.js";
import { summaryText, viewOf, type EvaluationView } from "./views.js";
import { miniGrid } from "../../shared/report/miniGrid.js";

/** What every action returns to the menu (shown in an alert) and to the sidebar (rendered). */
export type ActionResult<T = object> = ({ ok: true; message: string } & T) | { ok: false; message: string };

export type { ColumnView, EvaluationView, UnitView } from "./views.js";

const fail = (text: string): { ok: false; message: string } => ({ ok: false, message: text });

// ---- settings and sets -----------------------------------------------------------------

interface WorkbookSetRead {
  set?: CriteriaSet;
  /** The built-in set it amends ("Kế thừa"), when it names one. */
  base?: string;
  error?: string;
}

/** The set the workbook carries on NTM_BoTieuChi, read in one call; errors name their rows (the rule every host shares). */
export function readWorkbookSetSheet(ss: SpreadsheetApi, lang: Language): WorkbookSetRead {
  const sheet = ss.getSheetByName(WORKBOOK_SET_SHEET);
  if (!sheet) return {};
  const rows = sheet.getLastRow();
  const cols = sheet.getLastColumn();
  if (rows === 0 || cols === 0) return {};
  const res = workbookSetFromRows(sheet.getRange(1, 1, rows, cols).getValues());
  if (!res.ok) return { error: actionFailureText(res, lang) };
  return res.workbook ? { ...res.workbook } : {};
}

export interface SidebarState {
  settings: GasSettings;
  sets: Array<{ id: string; title: string; completeness: string; unconfirmed: number; total: number; workbook?: boolean }>;
  regions: Array<{ id: string; name: string }>;
  sheet: string;
  last?: LastRun;
  workbookSetError?: string;
}

export function sidebarState(props: Props = documentProps()): SidebarState {
  const settings = loadSettings(props);
  const lang = settings.lang;
  const ss = spreadsheetApp().getActiveSpreadsheet();
  const wb = readWorkbookSetSheet(ss, lang);
  const sets: SidebarState["sets"] = [...builtInSets().values()].map((s) => setInfo(s));
  if (wb.set && !getBuiltInSet(wb.set.id)) sets.push({ ...setInfo(wb.set), workbook: true });
  const state: SidebarState = {
    settings,
    sets,
    regions: REGION_IDS.map((id) => ({ id, name: REGION_NAMES[id][lang] })),
    sheet: ss.getActiveSheet().getName(),
  };
  const last = loadLast(props);
  if (last) state.last = last;
  if (wb.error) state.workbookSetError = wb.error;
  return state;
}

function setInfo(s: CriteriaSet) {
  const c = countThresholds(s);
  return { id: s.id, title: s.title, completeness: s.completeness, unconfirmed: c.total - c.confirmed, total: c.total };
}

/** Checks and saves the sidebar's settings; the answer is in the (new) language. */
export function updateSettings(input: { setId?: unknown; region?: unknown; year?: unknown; target?: unknown; blankMeans?: unknown; lang?: unknown }, props: Props = documentProps()): ActionResult<{ settings: GasSettings }> {
  const current = loadSettings(props);
  const lang: Language = input.lang === "en" ? "en" : input.lang === "vi" ? "vi" : current.lang;
  const next: GasSettings = { lang };
  // "" (or "auto"): no set chosen; the workbook's own, else the one the sheet names, judges it.
  const setId = typeof input.setId === "string" ? input.setId.trim().toLowerCase() : (current.setId ?? "");
  if (setId && setId !== "auto") {
    if (!getBuiltInSet(setId)) {
      const wb = readWorkbookSetSheet(spreadsheetApp().getActiveSpreadsheet(), lang);
      if (wb.set?.id !== setId) return fail(ui("badSet", lang, { value: setId }));
    }
    next.setId = setId;
  }
  const regionText = input.region === undefined || input.region === null ? "" : String(input.region).trim();
  if (regionText) {
    const region = parseRegionId(regionText);
    if (!region) return fail(formatMessage(message("region.unknown", { value: regionText }), lang));
    next.region = region;
  }
  const yearText = input.year === undefined || input.year === null ? "" : String(input.year).trim();
  if (yearText) {
    const year = Number(yearText);
    if (!isAssessmentYear(year)) return fail(ui("badYear", lang, { value: yearText }));
    next.year = year;
  }
  const targetText = input.target === undefined || input.target === null ? "" : String(input.target).trim();
  if (targetText) {
    const target = parseRoadTarget(targetText);
    if (!target) return fail(ui("badTarget", lang, { value: targetText }));
    next.target = target;
  }
  const blank = input.blankMeans === undefined ? current.blankMeans : input.blankMeans;
  if (blank === "missing") next.blankMeans = "missing";
  saveSettings(next, props);
  return { ok: true, message: ui("settingsSaved", lang), settings: next };
}

// ---- the shared actions, on this host's port ---------------------------------------------

function portFor(props: Props) {
  const settings = loadSettings(props);
  return { settings, lang: settings.lang, ss: spreadsheetApp().getActiveSpreadsheet(), props };
}

/** "Đánh giá trang tính": read once, evaluate, apply the plan in a few batched writes, write the report. */
export function evaluateActiveSheet(props: Props = documentProps()): ActionResult<{ view: EvaluationView }> {
  const { settings, lang, ss } = portFor(props);
  const port = sheetsPort(ss, props, lang);
  const out = runFlowSync(evaluateFlow({ settings, mode: "evaluate", extras: evaluateExtras }), port);
  if (!out.ok) return fail(actionFailureText(out, lang));
  const view = viewOf(out.run, lang);
  const { mapping, units, results } = out.run;
  view.grid = miniGrid({ sheet: out.sheet, origin: out.origin, mapping, units, results, set: out.run.choice.set }, lang);
  view.warnings = out.warnings.map((w) => formatMessage(w, lang));
  if (port.counts) view.counts = port.counts;
  const since = out.sinceLastSave?.lines ?? [];
  if (since.length) view.sinceLastSave = since;
  const summary = [summaryText(out.sheet, out.run.mapping, out.run.results, out.run.choice.set, lang, view), ...since.slice(0, 2)].join("\n");
  // NTM_TheoDoi, when the workbook has NTM_PhanCong: its counts, or the cells to fix (said now, not kept as the last summary).
  const text = [summary, ...(out.followUp ?? [])].join("\n");
  // Judged but not written to (a protected sheet): the reason goes with the summary.
  if (!out.wroteHighlights) return { ok: true, message: `${text}\n${view.warnings[0] ?? ""}`.trim(), view };
  saveLast({ sheet: out.sheet, at: new Date().toISOString(), summary }, props);
  return { ok: true, message: text, view };
}

/** "Xoá đánh dấu": the engine's exact undo of the recorded run. */
export function clearActiveSheet(props: Props = documentProps()): ActionResult {
  const { lang, ss } = portFor(props);
  const out = runFlowSync(clearFlow(), sheetsPort(ss, props, lang));
  return out.ok ? { ok: true, message: formatMessage(out.message, lang) } : fail(actionFailureText(out, lang));
}

/** "Tạo báo cáo": the active sheet (or, from NTM_BaoCao, the last one evaluated) into NTM_BaoCao. */
export function createReport(props: Props = documentProps()): ActionResult<{ rows: number }> {
  const { settings, lang, ss } = portFor(props);
  const last = loadLast(props)?.sheet;
  const out = runFlowSync(evaluateFlow({ settings, mode: "report", extras: evaluateExtras, ...(last ? { fallbackSheet: last } : {}) }), sheetsPort(ss, props, lang));
  if (!out.ok) return fail(actionFailureText(out, lang));
  return { ok: true, message: [formatMessage(out.summary!, lang), ...(out.followUp ?? [])].join("\n"), rows: out.reportRows };
}

/** "Lưu kết quả": the active sheet's results appended to NTM_LichSu, for the next evaluation to compare with. */
export function saveResults(props: Props = documentProps(), at: string = new Date().toISOString()): ActionResult {
  const { settings, lang, ss } = portFor(props);
  const out = runFlowSync(saveHistoryFlow(settings, at), sheetsPort(ss, props, lang));
  return out.ok ? { ok: true, message: formatMessage(out.message, lang) } : fail(actionFailureText(out, lang));
}

/** "Tạo trang NTM_BoTieuChi": the chosen built-in set as editable rows; never overwrites. */
export function createSetSheet(props: Props = documentProps()): ActionResult {
  const { settings, lang, ss } = portFor(props);
  const out = runFlowSync(createSetSheetFlow(settings), sheetsPort(ss, props, lang));
  return out.ok ? { ok: true, message: formatMessage(out.message, lang) } : fail(actionFailureText(out, lang));
}

/** "Tạo mẫu phân công": NTM_PhanCong for the set that would judge the active sheet; never overwrites. */
export function createAssignmentSheet(props: Props = documentProps()): ActionResult {
  const { settings, lang, ss } = portFor(props);
  const out = runFlowSync(createAssignmentSheetFlow(settings), sheetsPort(ss, props, lang));
  return out.ok ? { ok: true, message: out.text } : fail(out.text);
}

/** The sidebar's answer to an unclear column, in the shared grammar ("i:10" or "10", "c:7" or "tc:7", "ignore"), or "" to forget. */
export function setColumnMapping(sheetName: string, col: number, choice: string, props: Props = documentProps()): ActionResult {
  const lang = loadSettings(props).lang;
  const override: MappingOverride = { ...(loadOverride(sheetName, props) ?? {}) };
  const c = choice.trim();
  if (c === "") delete override[col];
  else {
    const parsed = parseColumnChoice(c);
    if (!parsed) return fail(ui("badColumnChoice", lang, { value: c }));
    override[col] = parsed;
  }
  saveOverride(sheetName, override, props);
  return { ok: true, message: ui("settingsSaved", lang) };
}
