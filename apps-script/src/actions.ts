import {
  REGION_IDS,
  REGION_NAMES,
  REPORT_SHEET,
  WORKBOOK_SET_SHEET,
  builtInSets,
  clearPlan,
  countThresholds,
  criteriaSetToRows,
  DEFAULT_SET_ID,
  formatMessage,
  getBuiltInSet,
  isAssessmentYear,
  message,
  parseColumnChoice,
  parseRegionId,
  readWorkbookSet,
  sheetReportRows,
  runSheet,
  unitNoun,
  type CriteriaSet,
  type Language,
  type MappingOverride,
} from "../../shared/index.js";
import { spreadsheetApp, type SheetApi, type SpreadsheetApi } from "./host.js";
import { applyPlan, isEmptyGrid, isProtected, readSheet, rectangular, writeRows, type ApplyCounts } from "./sheetIO.js";
import { writeReport } from "./reportSheet.js";
import {
  documentProps,
  loadLast,
  loadOverride,
  loadRecord,
  loadSettings,
  MAP_PREFIX,
  parseOverride,
  parseSettings,
  SETTINGS_KEY,
  saveLast,
  saveOverride,
  saveRecord,
  saveSettings,
  type GasSettings,
  type LastRun,
  type Props,
} from "./store.js";
import { ui } from "./strings.js";
import { summaryText, viewOf, type EvaluationView } from "./views.js";

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

/** The set the workbook carries on NTM_BoTieuChi, read in one call; errors name their rows. */
export function readWorkbookSetSheet(ss: SpreadsheetApi, lang: Language): WorkbookSetRead {
  const sheet = ss.getSheetByName(WORKBOOK_SET_SHEET);
  if (!sheet) return {};
  const rows = sheet.getLastRow();
  const cols = sheet.getLastColumn();
  if (rows === 0 || cols === 0) return {};
  const res = readWorkbookSet(sheet.getRange(1, 1, rows, cols).getValues(), builtInSets());
  if (res.ok) return res.base ? { set: res.set, base: res.base } : { set: res.set };
  const errors = res.errors.slice(0, 10).map((e) => formatMessage(e.message, lang));
  if (res.errors.length > 10) errors.push("…");
  return { error: ui("workbookSetErrors", lang, { errors: errors.join("\n") }) };
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
export function updateSettings(input: { setId?: unknown; region?: unknown; year?: unknown; blankMeans?: unknown; lang?: unknown }, props: Props = documentProps()): ActionResult<{ settings: GasSettings }> {
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
  const blank = input.blankMeans === undefined ? current.blankMeans : input.blankMeans;
  if (blank === "missing") next.blankMeans = "missing";
  saveSettings(next, props);
  return { ok: true, message: ui("settingsSaved", lang), settings: next };
}

// ---- evaluation ------------------------------------------------------------------------

function ownSheet(name: string): boolean {
  return name === REPORT_SHEET || name === WORKBOOK_SET_SHEET;
}

interface Prepared {
  ss: SpreadsheetApi;
  sheet: SheetApi;
  settings: GasSettings;
  lang: Language;
  all: Record<string, string>;
}

function prepare(props: Props, sheetName?: string): Prepared | { error: string } {
  const all = props.getProperties();
  const settings = parseSettings(all[SETTINGS_KEY]);
  const lang = settings.lang;
  const ss = spreadsheetApp().getActiveSpreadsheet();
  const sheet = (sheetName ? ss.getSheetByName(sheetName) : null) ?? ss.getActiveSheet();
  if (ownSheet(sheet.getName())) return { error: ui("ownSheet", lang, { sheet: sheet.getName() }) };
  return { ss, sheet, settings, lang, all };
}

function run(p: Prepared, props: Props, withPrevious: boolean) {
  const name = p.sheet.getName();
  const previous = withPrevious ? loadRecord(name, props, p.all) : undefined;
  const read = readSheet(p.sheet, previous);
  if (!read || isEmptyGrid(read.grid)) return { error: formatMessage(message("sheet.empty", { sheet: name }), p.lang) };
  const wb = readWorkbookSetSheet(p.ss, p.lang);
  if (wb.error) return { error: wb.error };
  const override = parseOverride(p.all[MAP_PREFIX + name]);
  // The same use case as the command line and Excel: set choice, evaluation, plan, notices.
  const evaluation = runSheet(read.grid, {
    ...(p.settings.setId ? { settingSetId: p.settings.setId } : {}),
    ...(wb.set ? { workbook: wb.base ? { set: wb.set, base: wb.base } : { set: wb.set } } : {}),
    ...(p.settings.region ? { region: p.settings.region } : {}),
    ...(p.settings.year ? { year: p.settings.year } : {}),
    ...(p.settings.blankMeans ? { blankCriterion: p.settings.blankMeans } : {}),
    ...(override ? { override } : {}),
    ...(previous ? { previous } : {}),
    lang: p.lang,
  });
  if (!evaluation.ok) return { error: formatMessage(evaluation.reason, p.lang) };
  return { read, evaluation, set: evaluation.choice.set };
}

/** "Đánh giá trang tính": read once, evaluate, apply the plan in a few batched writes. */
export function evaluateActiveSheet(props: Props = documentProps()): ActionResult<{ view: EvaluationView }> {
  const p = prepare(props);
  if ("error" in p) return fail(p.error);
  const name = p.sheet.getName();
  const r = run(p, props, true);
  if ("error" in r) return fail(r.error!);
  const { read, evaluation, set } = r;
  // A protected sheet is still judged (the same answer as everywhere), only not written to.
  const report = () => {
    // The report as Excel and the command line write it on every evaluation (the add-on's own
    // sheet, so also when the judged sheet is protected); a new sheet becomes the active one.
    const written = writeReport(p.ss, sheetReportRows(evaluation, { region: p.settings.region, year: p.settings.year, lang: p.lang, source: name }), p.lang);
    p.sheet.activate();
    return written;
  };
  if (isProtected(p.sheet)) {
    const reported = report();
    const view = viewOf(evaluation, p.lang);
    view.warnings.unshift(formatMessage(message("sheet.protectedReadOnly", { sheet: name }), p.lang));
    if (!reported.ok) view.warnings.push(reported.message);
    return { ok: true, message: `${summaryText(name, evaluation.mapping, evaluation.results, set, p.lang, view)}\n${view.warnings[0]}`, view };
  }
  // The record goes first: if it cannot be kept, nothing is highlighted that could not be cleared.
  // (Should a write then fail, clearing only puts back what was read, which is harmless.)
  try {
    saveRecord(evaluation.plan.record, props, p.all);
  } catch (e) {
    return fail(ui("recordTooLarge", p.lang, { sheet: name, detail: e instanceof Error ? e.message : String(e) }));
  }
  let counts: ApplyCounts;
  try {
    counts = applyPlan(p.sheet, read, evaluation.plan);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    if (/protect|bảo vệ/i.test(detail)) return fail(formatMessage(message("sheet.protected", { sheet: name }), p.lang));
    return fail(ui("writeFailed", p.lang, { sheet: name, detail }));
  }
  // A protected report sheet is only a warning here: the highlights are done.
  const reported = report();
  const view = viewOf(evaluation, p.lang);
  if (!reported.ok) view.warnings.push(reported.message);
  view.counts = counts;
  const text = summaryText(name, evaluation.mapping, evaluation.results, set, p.lang, view);
  saveLast({ sheet: name, at: new Date().toISOString(), summary: text }, props);
  return { ok: true, message: text, view };
}

/** "Xoá đánh dấu": the engine's exact undo of the recorded run. */
export function clearActiveSheet(props: Props = documentProps()): ActionResult {
  const p = prepare(props);
  if ("error" in p) return fail(p.error);
  const name = p.sheet.getName();
  const record = loadRecord(name, props, p.all);
  if (!record) return fail(ui("nothingToClear", p.lang, { sheet: name }));
  if (isProtected(p.sheet)) return fail(formatMessage(message("sheet.protected", { sheet: name }), p.lang));
  const read = readSheet(p.sheet, record);
  const plan = clearPlan(record);
  if (read) applyPlan(p.sheet, read, plan);
  saveRecord(plan.record, props, p.all);
  return { ok: true, message: ui("cleared", p.lang, { sheet: name }) };
}

/** "Tạo báo cáo": evaluates the active sheet (or the last one evaluated) into NTM_BaoCao. */
export function createReport(props: Props = documentProps()): ActionResult<{ rows: number }> {
  const ss = spreadsheetApp().getActiveSpreadsheet();
  const activeName = ss.getActiveSheet().getName();
  const source = ownSheet(activeName) ? loadLast(props)?.sheet : undefined;
  const p = prepare(props, source);
  if ("error" in p) return fail(p.error);
  const name = p.sheet.getName();
  const r = run(p, props, false);
  if ("error" in r) return fail(r.error!);
  const { evaluation, set } = r;
  const written = writeReport(ss, sheetReportRows(evaluation, { region: p.settings.region, year: p.settings.year, lang: p.lang, source: name }), p.lang);
  if (!written.ok) return fail(written.message);
  ss.getSheetByName(REPORT_SHEET)?.activate();
  const noun = unitNoun(set, p.lang);
  return { ok: true, message: ui("reported", p.lang, { report: REPORT_SHEET, sheet: name, count: evaluation.results.length, noun }), rows: written.rows };
}

/** "Tạo trang NTM_BoTieuChi": the chosen built-in set as editable rows; never overwrites. */
export function createSetSheet(props: Props = documentProps()): ActionResult {
  const settings = loadSettings(props);
  const lang = settings.lang;
  const ss = spreadsheetApp().getActiveSpreadsheet();
  if (ss.getSheetByName(WORKBOOK_SET_SHEET)) return fail(ui("setSheetExists", lang, { sheet: WORKBOOK_SET_SHEET }));
  const set = getBuiltInSet(settings.setId ?? DEFAULT_SET_ID)!;
  const rows = rectangular(criteriaSetToRows(set));
  const sheet = ss.insertSheet(WORKBOOK_SET_SHEET);
  // All text, as in Excel: comparators such as "=" must not become formulas, nor a user's later edits.
  writeRows(sheet.getRange(1, 1, rows.length, rows[0]!.length), rows, rows.map((r) => r.map(() => "@")));
  sheet.activate();
  return { ok: true, message: ui("setSheetCreated", lang, { sheet: WORKBOOK_SET_SHEET, set: set.id }) };
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
