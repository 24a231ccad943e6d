/**
 * The task pane's Office.js side: the shared actions (shared/app/sheetActions.ts) run over this
 * host's port (excelPort.ts), and the few calls the pane makes alone. No DOM here, so it runs
 * under office-addin-mock.
 */
import {
  actionFailureText,
  clearFlow,
  createSetSheetFlow,
  evaluateFlow,
  formatMessage,
  runFlow,
  saveHistoryFlow,
  type ActionFailure,
  type CriteriaSet,
  type Flow,
  type Language,
  type MappingOverride,
  type Message,
  type SheetMapping,
  type SheetUnit,
  type UnitResult,
} from "../../shared/index.js";
// The district roll-up and NTM_TheoDoi: with the actions, in the chunk the pane loads on first use (lazyActions.ts).
import { createAssignmentSheetFlow } from "../../shared/app/assignmentActions.js";
import { evaluateExtras } from "../../shared/app/evaluateExtras.js";
import type { AddinSettings } from "../common/state.js";
import { ui } from "../common/ui.js";
import { Batch } from "./batch.js";
import { detectCapabilities, MAX_NOTES, type Capabilities } from "./capabilities.js";
import { excelPort } from "./excelPort.js";

export { detectCapabilities, MAX_NOTES, type Capabilities } from "./capabilities.js";
export { BATCH_BYTES, chunkAddresses } from "./batch.js";
export { loadWorkbookState, saveSettings, type LoadedState } from "./workbookState.js";
export { recalculate, selectCell } from "./paneCalls.js";
export { gridFromRange, HEAD_COLS, HEAD_ROWS, parseMerges } from "./sheetRead.js";

export interface Evaluation {
  ok: true;
  sheet: string;
  origin: { row: number; col: number };
  mapping: SheetMapping;
  units: SheetUnit[];
  results: UnitResult[];
  warnings: string[];
  set: CriteriaSet;
  highlighted: number;
  syncs: number;
  /** The column-mapping corrections in force for this sheet. */
  override: MappingOverride;
  /** Against the last save of this sheet in NTM_LichSu ("Số thôn giảm tiêu chí so với lần lưu trước: ..."). */
  sinceLastSave?: string[];
  /** When the workbook has NTM_PhanCong: NTM_TheoDoi written (its counts), or the cells to fix. */
  followUp?: string[];
}

export type Outcome<T> = T | { ok: false; message: string; syncs: number };

export interface EvaluateOptions {
  settings: AddinSettings;
  /**
   * The user's corrections to the column mapping of one sheet (saved with its state); used
   * only if that sheet is still the active one. Without it, the saved corrections apply.
   */
  override?: { sheet: string; override: MappingOverride };
  /** "evaluate": highlight + report; "report": only the report sheet. */
  mode?: "evaluate" | "report";
  /** For "report" from NTM_BaoCao itself: the sheet last evaluated. */
  fallbackSheet?: string;
  caps?: Capabilities;
}

/** "Đánh giá trang tính" and "Tạo báo cáo". */
export async function evaluateActiveSheet(options: EvaluateOptions): Promise<Outcome<Evaluation>> {
  const lang: Language = options.settings.lang;
  const caps = options.caps ?? detectCapabilities();
  return Excel.run(async (context) => {
    const batch = new Batch(context);
    const flow = evaluateFlow({ settings: options.settings, mode: options.mode ?? "evaluate", maxNotes: caps.notes ? MAX_NOTES : 0, extras: evaluateExtras, ...(options.override ? { override: options.override } : {}), ...(options.fallbackSheet ? { fallbackSheet: options.fallbackSheet } : {}) });
    const out = await runFlow(flow, excelPort(context, batch, options.settings, caps));
    if (!out.ok) return { ok: false as const, message: actionFailureText(out, lang), syncs: batch.syncs };
    const { run } = out;
    return {
      ok: true as const,
      sheet: out.sheet,
      origin: out.origin,
      mapping: run.mapping,
      units: run.units,
      results: run.results,
      warnings: [...out.warnings.map((w) => formatMessage(w, lang)), ...(out.reportWritten && !caps.pageLayout ? [ui("printNotSupported", lang)] : [])],
      set: run.choice.set,
      highlighted: out.highlighted,
      syncs: batch.syncs,
      override: out.override,
      ...(out.sinceLastSave ? { sinceLastSave: out.sinceLastSave.lines } : {}),
      ...(out.followUp ? { followUp: out.followUp } : {}),
    };
  });
}

/** One use case in one Excel.run over this host's port; what it gave and the round trips it took. */
async function runOnExcel<T>(settings: AddinSettings, caps: Capabilities, flow: Flow<T>): Promise<{ out: T; syncs: number }> {
  return Excel.run(async (context) => {
    const batch = new Batch(context);
    const out = await runFlow(flow, excelPort(context, batch, settings, caps));
    return { out, syncs: batch.syncs };
  });
}

type Said = Outcome<{ ok: true; message: string; syncs: number }>;

/** An action that ends with a message (or, failing, why). */
async function messageAction(settings: AddinSettings, caps: Capabilities, flow: Flow<ActionFailure | { ok: true; message: Message }>): Promise<Said> {
  const { out, syncs } = await runOnExcel(settings, caps, flow);
  return out.ok ? { ok: true, message: formatMessage(out.message, settings.lang), syncs } : { ok: false, message: actionFailureText(out, settings.lang), syncs };
}

/** "Xoá đánh dấu": every fill back to what it was, the add-in's notes and columns removed. */
export async function clearHighlights(settings: AddinSettings, caps: Capabilities = detectCapabilities()): Promise<Outcome<{ ok: true; sheet: string; message: string; syncs: number }>> {
  const { out, syncs } = await runOnExcel(settings, caps, clearFlow());
  if (!out.ok) return { ok: false, message: actionFailureText(out, settings.lang), syncs };
  return { ok: true, sheet: out.sheet, message: formatMessage(out.message, settings.lang), syncs };
}

/** "Lưu kết quả": the active sheet's results appended to NTM_LichSu, for the next evaluation to compare with. */
export function saveResults(settings: AddinSettings, at: string = new Date().toISOString(), caps: Capabilities = detectCapabilities()): Promise<Said> {
  return messageAction(settings, caps, saveHistoryFlow(settings, at));
}

/** "Tạo trang NTM_BoTieuChi": the chosen set as an editable sheet, all cells as text. */
export function createSetSheet(settings: AddinSettings, caps: Capabilities = detectCapabilities()): Promise<Said> {
  return messageAction(settings, caps, createSetSheetFlow(settings));
}

/** "Tạo mẫu phân công": NTM_PhanCong for the set that would judge the active sheet; never over an existing sheet. */
export async function createAssignmentSheet(settings: AddinSettings, caps: Capabilities = detectCapabilities()): Promise<Said> {
  const { out, syncs } = await runOnExcel(settings, caps, createAssignmentSheetFlow(settings));
  return out.ok ? { ok: true, message: out.text, syncs } : { ok: false, message: out.text, syncs };
}
