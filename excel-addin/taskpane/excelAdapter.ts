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
  type CriteriaSet,
  type Language,
  type MappingOverride,
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

/** "Xoá đánh dấu": every fill back to what it was, the add-in's notes and columns removed. */
export async function clearHighlights(settings: AddinSettings, caps: Capabilities = detectCapabilities()): Promise<Outcome<{ ok: true; sheet: string; message: string; syncs: number }>> {
  return Excel.run(async (context) => {
    const batch = new Batch(context);
    const out = await runFlow(clearFlow(), excelPort(context, batch, settings, caps));
    if (!out.ok) return { ok: false as const, message: actionFailureText(out, settings.lang), syncs: batch.syncs };
    return { ok: true as const, sheet: out.sheet, message: formatMessage(out.message, settings.lang), syncs: batch.syncs };
  });
}

/** "Lưu kết quả": the active sheet's results appended to NTM_LichSu, for the next evaluation to compare with. */
export async function saveResults(settings: AddinSettings, at: string = new Date().toISOString(), caps: Capabilities = detectCapabilities()): Promise<Outcome<{ ok: true; message: string; syncs: number }>> {
  return Excel.run(async (context) => {
    const batch = new Batch(context);
    const out = await runFlow(saveHistoryFlow(settings, at), excelPort(context, batch, settings, caps));
    if (!out.ok) return { ok: false as const, message: actionFailureText(out, settings.lang), syncs: batch.syncs };
    return { ok: true as const, message: formatMessage(out.message, settings.lang), syncs: batch.syncs };
  });
}

/** "Tạo trang NTM_BoTieuChi": the chosen set as an editable sheet, all cells as text. */
export async function createSetSheet(settings: AddinSettings, caps: Capabilities = detectCapabilities()): Promise<Outcome<{ ok: true; message: string; syncs: number }>> {
  return Excel.run(async (context) => {
    const batch = new Batch(context);
    const out = await runFlow(createSetSheetFlow(settings), excelPort(context, batch, settings, caps));
    if (!out.ok) return { ok: false as const, message: actionFailureText(out, settings.lang), syncs: batch.syncs };
    return { ok: true as const, message: formatMessage(out.message, settings.lang), syncs: batch.syncs };
  });
}

/** "Tạo mẫu phân công": NTM_PhanCong for the set that would judge the active sheet; never over an existing sheet. */
export async function createAssignmentSheet(settings: AddinSettings, caps: Capabilities = detectCapabilities()): Promise<Outcome<{ ok: true; message: string; syncs: number }>> {
  return Excel.run(async (context) => {
    const batch = new Batch(context);
    const out = await runFlow(createAssignmentSheetFlow(settings), excelPort(context, batch, settings, caps));
    return out.ok ? { ok: true as const, message: out.text, syncs: batch.syncs } : { ok: false as const, message: out.text, syncs: batch.syncs };
  });
}
