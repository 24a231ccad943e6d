/**
 * The task pane's DOM UI. All Excel I/O goes through ./excelAdapter; all judgement through shared/.
 */
import { config as zodConfig } from "zod/mini";
import {
  REGION_IDS,
  REGION_NAMES,
  builtInSets,
  getBuiltInSet,
  isAssessmentYear,
  parseRoadTarget,
  roadTargetText,
  type CriteriaSet,
  type Language,
  type MappingOverride,
  type RegionId,
  type SetRowError,
} from "../../shared/index.js";
import { DEFAULT_SETTINGS, setFunctionSettings, type AddinSettings } from "../common/state.js";
import { ui, type UiKey } from "../common/ui.js";
import { el } from "./dom.js";
import { renderMappingView } from "./mappingView.js";
import { renderResultsView } from "./resultsView.js";
import { renderSetInfoView } from "./setInfoView.js";
import type { Evaluation } from "./excelAdapter.js";
import { clearHighlights, createAssignmentSheet, createSetSheet, evaluateActiveSheet, saveResults } from "./lazyActions.js";
import { recalculate, selectCell } from "./paneCalls.js";
import { loadWorkbookState, saveSettings } from "./workbookState.js";

// Zod 4 compiles validators with new Function() unless told not to: keep it CSP-friendly.
zodConfig({ jitless: true });


let settings: AddinSettings = { ...DEFAULT_SETTINGS };
let workbookSet: CriteriaSet | undefined;
let workbookBase: string | undefined;
/** The set the last evaluation used (read from the sheet when none is chosen). */
let evaluatedSet: CriteriaSet | undefined;
let setErrors: SetRowError[] | undefined;
let last: Evaluation | undefined;
let busy = false;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const lang = (): Language => settings.lang;
const L = (key: UiKey, params?: Record<string, string | number>) => ui(key, lang(), params);

function showMessage(text: string, kind: "ok" | "error" | "info" = "info"): void {
  const m = $("message");
  m.textContent = text;
  m.className = `message ${kind}`;
}

/** The set chosen in the pane; with none chosen, the one the last evaluation read from the sheet. */
function currentSet(): CriteriaSet | undefined {
  if (!settings.setId) return evaluatedSet;
  return getBuiltInSet(settings.setId) ?? (workbookSet?.id === settings.setId ? workbookSet : undefined);
}

function renderStatic(): void {
  document.documentElement.lang = lang();
  const texts: Array<[string, UiKey]> = [
    ["title", "title"],
    ["subtitle", "subtitle"],
    ["lang", "langSwitch"],
    ["settings-title", "settings"],
    ["set-label", "set"],
    ["region-label", "region"],
    ["year-label", "year"],
    ["target-label", "targetLabel"],
    ["blank-label", "blankLabel"],
    ["blank-not-met", "blankNotMet"],
    ["blank-missing", "blankMissing"],
    ["actions-title", "actions"],
    ["evaluate", "evaluate"],
    ["clear", "clear"],
    ["report", "report"],
    ["save-results", "saveResults"],
    ["set-sheet", "setSheet"],
    ["assign-sheet", "assignSheet"],
    ["mapping-title", "mapping"],
    ["mapping-hint", "mappingHint"],
    ["results-title", "results"],
    ["tech-title", "techDetails"],
  ];
  for (const [id, key] of texts) $(id).textContent = L(key);
  $("lang").setAttribute("lang", lang() === "vi" ? "en" : "vi");
}

function renderSettings(): void {
  const setSelect = $<HTMLSelectElement>("set");
  setSelect.replaceChildren();
  const sets = [...builtInSets().values()];
  if (workbookSet && !getBuiltInSet(workbookSet.id)) sets.push(workbookSet);
  for (const s of sets) {
    const title = lang() === "en" && s.titleEn ? s.titleEn : s.title;
    setSelect.append(el("option", { value: s.id }, title));
  }
  setSelect.prepend(el("option", { value: "" }, L("autoSetShort")));
  setSelect.value = settings.setId ?? "";

  const regionSelect = $<HTMLSelectElement>("region");
  regionSelect.replaceChildren(el("option", { value: "" }, L("regionNone")));
  for (const id of REGION_IDS) regionSelect.append(el("option", { value: id }, REGION_NAMES[id][lang()]));
  regionSelect.value = settings.region ?? "";

  $<HTMLInputElement>("year").value = settings.year === undefined ? "" : String(settings.year);
  $<HTMLInputElement>("target").value = settings.target ? roadTargetText(settings.target) : "";
  $<HTMLSelectElement>("blank").value = settings.blankMeans ?? "";
  renderSetInfo();
}

function renderSetInfo(): void {
  renderSetInfoView({ info: $("set-info"), name: $("set-name"), tech: $("tech-set") }, { set: currentSet(), workbookSet, setErrors }, lang());
}

async function persistSettings(): Promise<void> {
  setFunctionSettings(settings, workbookSet, workbookBase);
  try {
    await saveSettings(settings);
    showMessage(L("saved"), "ok");
  } catch (e) {
    showMessage(L("unknownError", { detail: e instanceof Error ? e.message : String(e) }), "error");
  }
}

function setBusy(on: boolean): void {
  busy = on;
  for (const id of ["evaluate", "clear", "report", "save-results", "set-sheet", "assign-sheet"]) $<HTMLButtonElement>(id).disabled = on;
  if (on) showMessage(L("working"), "info");
}

async function guarded(fn: () => Promise<void>): Promise<void> {
  if (busy) return;
  if (typeof Excel === "undefined") {
    showMessage(L("notInExcel"), "error");
    return;
  }
  setBusy(true);
  try {
    await fn();
  } catch (e) {
    showMessage(L("unknownError", { detail: e instanceof Error ? e.message : String(e) }), "error");
  } finally {
    setBusy(false);
  }
}

async function runEvaluation(mode: "evaluate" | "report", override?: { sheet: string; override: MappingOverride }): Promise<void> {
  const out = await evaluateActiveSheet({ settings, mode, ...(override ? { override } : {}), ...(last ? { fallbackSheet: last.sheet } : {}) });
  if (!out.ok) {
    showMessage(out.message, "error");
    return;
  }
  last = out;
  evaluatedSet = out.set;
  renderSetInfo();
  renderMapping();
  renderResults();
  const lines = [mode === "report" ? L("reportDone", { sheet: "NTM_BaoCao" }) : L("evaluated", { sheet: out.sheet, units: out.units.length, cells: out.highlighted })];
  if (mode === "evaluate") lines.push(L("reportDone", { sheet: "NTM_BaoCao" }));
  lines.push(...(out.sinceLastSave ?? []), ...(out.followUp ?? []), ...out.warnings);
  $("tech-syncs").textContent = L("syncs", { syncs: out.syncs });
  showMessage(lines.join("\n"), "ok");
}

function renderMapping(): void {
  const card = $("mapping-card");
  card.hidden = !last;
  renderMappingView($("mapping"), last, lang(), (sheet, override) => void guarded(() => runEvaluation("evaluate", { sheet, override })));
}

function renderResults(): void {
  const select = (sheet: string, address: string) => void selectCell(sheet, address).catch((e) => showMessage(String(e), "error"));
  renderResultsView($("results"), last, lang(), select);
  // The units × criteria grid above the list, loaded with the actions (the evaluation has loaded them
  // already): a chunk of its own would pull the report modules both use into the initial engine chunk.
  const shown = last;
  if (!shown) $("grid").replaceChildren();
  else void import(/* webpackChunkName: "actions" */ "./gridView.js").then((m) => last === shown && m.renderGridView($("grid"), shown, lang(), select)).catch(() => undefined);
}

function wire(): void {
  $("lang").addEventListener("click", () => {
    settings = { ...settings, lang: settings.lang === "vi" ? "en" : "vi" };
    renderStatic();
    renderSettings();
    renderMapping();
    renderResults();
    void persistSettings();
  });
  $<HTMLSelectElement>("set").addEventListener("change", (e) => {
    const { setId: _previous, ...rest } = settings;
    const value = (e.target as HTMLSelectElement).value;
    settings = value ? { ...rest, setId: value } : rest;
    renderSetInfo();
    void persistSettings();
  });
  $<HTMLSelectElement>("region").addEventListener("change", (e) => {
    const v = (e.target as HTMLSelectElement).value;
    const next: AddinSettings = { ...settings };
    if (v) next.region = v as RegionId;
    else delete next.region;
    settings = next;
    void persistSettings();
  });
  $<HTMLSelectElement>("blank").addEventListener("change", (e) => {
    const { blankMeans: _previous, ...rest } = settings;
    settings = (e.target as HTMLSelectElement).value === "missing" ? { ...rest, blankMeans: "missing" } : rest;
    void persistSettings();
  });
  $<HTMLInputElement>("year").addEventListener("change", (e) => {
    const raw = (e.target as HTMLInputElement).value.trim();
    const y = Number(raw);
    const next: AddinSettings = { ...settings };
    if (raw && isAssessmentYear(y)) next.year = y;
    else delete next.year;
    settings = next;
    void persistSettings();
  });
  // "12/2025": the district's target, checked in the report against the units meeting the standard.
  $<HTMLInputElement>("target").addEventListener("change", (e) => {
    const input = e.target as HTMLInputElement;
    const raw = input.value.trim();
    const target = raw ? parseRoadTarget(raw) : undefined;
    const { target: _previous, ...next } = settings;
    if (raw && !target) {
      showMessage(L("badTarget", { value: raw }), "error");
      return;
    }
    settings = target ? { ...next, target } : next;
    void persistSettings();
  });
  $("evaluate").addEventListener("click", () => void guarded(() => runEvaluation("evaluate")));
  $("report").addEventListener("click", () => void guarded(() => runEvaluation("report")));
  $("save-results").addEventListener("click", () =>
    void guarded(async () => {
      const out = await saveResults(settings);
      showMessage(out.message, out.ok ? "ok" : "error");
    }),
  );
  $("clear").addEventListener("click", () =>
    void guarded(async () => {
      const out = await clearHighlights(settings);
      showMessage(out.message, out.ok ? "ok" : "error");
    }),
  );
  $("assign-sheet").addEventListener("click", () =>
    void guarded(async () => {
      const out = await createAssignmentSheet(settings);
      showMessage(out.message, out.ok ? "ok" : "error");
    }),
  );
  $("set-sheet").addEventListener("click", () =>
    void guarded(async () => {
      const out = await createSetSheet(settings);
      showMessage(out.message, out.ok ? "ok" : "error");
    }),
  );
}

async function start(): Promise<void> {
  wire();
  renderStatic();
  renderSettings();
  renderResults();
  if (typeof Excel === "undefined") {
    showMessage(L("notInExcel"), "error");
    return;
  }
  try {
    const loaded = await loadWorkbookState();
    settings = loaded.state.settings;
    workbookSet = loaded.workbookSet;
    workbookBase = loaded.workbookBase;
    setErrors = loaded.setErrors;
    setFunctionSettings(settings, workbookSet, workbookBase);
    // Functions that ran before the saved settings were known are computed again.
    if (loaded.state.settings.setId !== undefined || settings.region || settings.year !== undefined || settings.lang !== "vi" || workbookSet) await recalculate();
    renderStatic();
    renderSettings();
    renderResults();
  } catch (e) {
    showMessage(L("unknownError", { detail: e instanceof Error ? e.message : String(e) }), "error");
  }
  document.body.dataset.ready = "true";
  // The NTM_* names and formulas from Google Sheets: a card of its own, shown only when it has something to offer.
  // Loaded after the pane is ready (its own chunk): the first paint does not wait for it.
  void import(/* webpackChunkName: "formulas" */ "./formulaCard.js").then((m) => m.setupFormulaCard(lang)).catch(() => undefined);
}

Office.onReady(() => void start());
