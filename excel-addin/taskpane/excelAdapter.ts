/**
 * All of the task pane's Office.js I/O, and nothing else: read a block once, let shared/
 * decide, write the plan in one batch. No DOM here, so it runs under office-addin-mock.
 *
 * Round trips per evaluation (whatever the sheet size, up to the payload limit):
 *   1. read the active sheet's first 300 rows × 40 columns (values, number formats), its
 *      size and merges, the sheet list and the saved state;
 *   2. only for a larger sheet or when the workbook has an NTM_BoTieuChi sheet: read the
 *      rest and that sheet (split into more batches only past ~4 MB);
 *   3. read the fills and notes of the cells about to be highlighted (skipped when none);
 *   4. write values, fills, notes, the report sheet and the state (split likewise).
 */
import {
  REPORT_SHEET,
  WORKBOOK_SET_SHEET,
  a1,
  clearPlan,
  criteriaSetToRows,
  formatMessage,
  runSheet,
  planWrites,
  sheetReportRows,
  type CriteriaSet,
  type HighlightRecord,
  type Language,
  type MappingOverride,
  type SetRowError,
  type SheetMapping,
  type SheetUnit,
  type UnitResult,
} from "../../shared/index.js";
import { STATE_KEY, parseState, shiftRecord, type AddinSettings } from "../common/state.js";
import { ui } from "../common/ui.js";
import { Batch, BATCH_BYTES, COMMAND_BYTES, quoteSheet } from "./batch.js";
import { detectCapabilities, MAX_NOTES, type Capabilities } from "./capabilities.js";
import { readOriginals } from "./highlightRead.js";
import { readSetRows, type LoadedState } from "./workbookState.js";

export { detectCapabilities, MAX_NOTES, type Capabilities } from "./capabilities.js";
import { CELL_READ_BYTES, gridFromRange, HEAD_COLS, HEAD_ROWS, queueSheetRead } from "./sheetRead.js";
import { existingNotesFor, queuePlan, queueReport, queueState } from "./sheetWrite.js";

export { BATCH_BYTES, chunkAddresses } from "./batch.js";
export { loadWorkbookState, saveSettings, type LoadedState } from "./workbookState.js";
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
  setErrors?: SetRowError[];
  /** The column-mapping corrections in force for this sheet. */
  override: MappingOverride;
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
  caps?: Capabilities;
}

/** "Đánh giá trang tính" and "Tạo báo cáo". */
export async function evaluateActiveSheet(options: EvaluateOptions): Promise<Outcome<Evaluation>> {
  const lang: Language = options.settings.lang;
  const caps = options.caps ?? detectCapabilities();
  const mode = options.mode ?? "evaluate";
  return Excel.run(async (context) => {
    const batch = new Batch(context);
    // 1. Read everything the engine needs, once (the first HEAD_ROWS × HEAD_COLS cells).
    const read = queueSheetRead(context);
    await batch.sync();
    const sheetName = read.ws.name;
    const names = context.workbook.worksheets.items.map((s) => s.name);
    const state = parseState(read.item.isNullObject ? "" : read.item.value);
    const fail = (message: string) => ({ ok: false as const, message, syncs: batch.syncs });
    const rows = read.used.rowCount;
    const cols = read.used.columnCount;
    const head = read.head.values as unknown[][];
    const empty = rows <= 1 && cols <= 1 && (head[0]?.[0] === "" || head[0]?.[0] === null || head[0]?.[0] === undefined);
    if (empty) return fail(formatMessage({ key: "sheet.empty", params: { sheet: sheetName } }, lang));
    // A protected sheet is still judged (the same answer as everywhere), only not written to.
    const readOnly = mode === "evaluate" && read.ws.protection.protected;
    let values = head.slice(0, rows).map((r) => r.slice(0, cols));
    let formats = (read.head.numberFormat as unknown[][]).slice(0, rows).map((r) => r.slice(0, cols));

    // 2. Only when needed: the rest of a large sheet (in chunks under the payload limit)
    //    and the workbook's own set (NTM_BoTieuChi).
    const large = rows > HEAD_ROWS || cols > HEAD_COLS;
    const hasSetSheet = names.includes(WORKBOOK_SET_SHEET) && sheetName !== WORKBOOK_SET_SHEET;
    let setRange: Excel.Range | undefined;
    if (large || hasSetSheet) {
      const parts: Excel.Range[] = [];
      if (large) {
        values = [];
        formats = [];
        const perChunk = Math.max(1, Math.floor(BATCH_BYTES / (cols * CELL_READ_BYTES)));
        for (let r = 0; r < rows; r += perChunk) {
          const n = Math.min(perChunk, rows - r);
          await batch.add(COMMAND_BYTES + n * cols * CELL_READ_BYTES);
          const part = read.ws.getRangeByIndexes(read.used.rowIndex + r, read.used.columnIndex, n, cols);
          part.load("values,numberFormat");
          parts.push(part);
        }
      }
      // Columns right of the head block: which are hidden.
      for (let c = HEAD_COLS; c < cols; c++) read.columns.push(read.used.getColumn(c).load("columnHidden"));
      if (hasSetSheet) {
        setRange = context.workbook.worksheets.getItem(WORKBOOK_SET_SHEET).getUsedRangeOrNullObject(true);
        setRange.load("values");
      }
      await batch.sync();
      for (const part of parts) {
        values.push(...(part.values as unknown[][]));
        formats.push(...(part.numberFormat as unknown[][]));
      }
    }
    const grid = gridFromRange(sheetName, { rowIndex: read.used.rowIndex, columnIndex: read.used.columnIndex, values, numberFormat: formats }, read.merged.isNullObject ? "" : read.merged.address);
    const hiddenColumns = read.columns.flatMap((c, i) => (i < cols && c.columnHidden === true ? [i] : []));
    if (hiddenColumns.length) grid.hiddenColumns = hiddenColumns;
    const origin = grid.origin!;
    const setRead: Pick<LoadedState, "workbookSet" | "workbookBase" | "setErrors"> = setRange ? readSetRows(setRange.isNullObject ? undefined : (setRange.values as unknown[][])) : {};
    const sheetState = state.sheets[sheetName] ?? {};
    const override = options.override && options.override.sheet === sheetName ? options.override.override : sheetState.override;
    const previous = sheetState.record ? shiftRecord(sheetState.record, -origin.row, -origin.col) : undefined;
    // The same use case as the command line and Sheets: set choice, evaluation, plan, notices.
    const workbook = setRead.workbookSet ? (setRead.workbookBase ? { set: setRead.workbookSet, base: setRead.workbookBase } : { set: setRead.workbookSet }) : undefined;
    const { settings } = options;
    const first = runSheet(grid, {
      ...(settings.setId ? { settingSetId: settings.setId } : {}),
      ...(workbook ? { workbook } : {}),
      ...(settings.region ? { region: settings.region } : {}),
      ...(settings.year !== undefined ? { year: settings.year } : {}),
      ...(settings.blankMeans ? { blankCriterion: settings.blankMeans } : {}),
      ...(override ? { override } : {}),
      ...(previous ? { previous } : {}),
      lang,
    });
    if (!first.ok) return fail(formatMessage(first.reason, lang));
    const set = first.choice.set;
    const shown = first.choice.origin === "inferred" || first.choice.origin === "workbook" ? [first.choice.why] : [];
    const warnings = [...shown, ...first.notices].map((w) => formatMessage(w, lang));
    const base: Omit<Evaluation, "highlighted" | "syncs"> = { ok: true, sheet: sheetName, origin, mapping: first.mapping, units: first.units, results: first.results, warnings, set, override: override ?? {} };
    if (setRead.setErrors) base.setErrors = setRead.setErrors;
    const reportRows = sheetReportRows(first, { region: options.settings.region, year: options.settings.year, lang, source: sheetName, origin });

    // The report sheet is the add-in's own: written even when the judged sheet is protected.
    if (readOnly || mode === "report") {
      if (readOnly) base.warnings.unshift(formatMessage({ key: "sheet.protectedReadOnly", params: { sheet: sheetName } }, lang));
      await queueReport(batch, context, names.includes(REPORT_SHEET), reportRows, lang);
      await batch.sync();
      return { ...base, highlighted: 0, syncs: batch.syncs };
    }

    // 3. The current fills and notes of the cells about to be highlighted.
    const key = (c: { row: number; col: number }) => `${c.row}:${c.col}`;
    const prevNotes = new Set(previous?.notes.map(key) ?? []);
    const { fills, notes, existingNotes, noteCells, noteProxies } = await readOriginals(batch, read.ws, sheetName, grid, first.plan, previous, caps);
    const plan = planWrites({ ...grid, fills, notes }, first.mapping, first.units, first.results, { set, lang, previous, mismatches: first.totalMismatches });
    // Notes beyond the cap: not written; an own note left from an earlier run is removed.
    let noted = 0;
    const kept = new Set<string>();
    plan.notes = plan.notes.flatMap((n) => {
      if (n.text === null) return [n];
      if (noted < MAX_NOTES && noteCells.has(key(n))) {
        noted++;
        kept.add(key(n));
        return [n];
      }
      return prevNotes.has(key(n)) && existingNotesFor(noteProxies, key(n)) ? [{ ...n, text: null }] : [];
    });
    const dropped = plan.record.notes.length - plan.record.notes.filter((n) => kept.has(key(n))).length;
    plan.record.notes = plan.record.notes.filter((n) => kept.has(key(n)));
    if (caps.notes && dropped > 0) warnings.push(ui("notesCapped", lang, { max: MAX_NOTES, count: dropped }));

    // 4. One batch of writes (more only for very large sheets).
    await queuePlan(batch, { ws: read.ws, sheetName, origin, plan, existingNotes, caps });
    await queueReport(batch, context, names.includes(REPORT_SHEET), reportRows, lang);
    const record = caps.notes ? plan.record : { ...plan.record, notes: [] };
    state.sheets[sheetName] = { record: shiftRecord(record, origin.row, origin.col), ...(override && Object.keys(override).length ? { override } : {}) };
    state.settings = options.settings;
    queueState(context, state);
    await batch.sync();
    return { ...base, highlighted: plan.record.fills.length, syncs: batch.syncs };
  });
}

/** "Xoá đánh dấu": every fill back to what it was, the add-in's notes and columns removed. */
export async function clearHighlights(lang: Language, caps: Capabilities = detectCapabilities()): Promise<Outcome<{ ok: true; sheet: string; message: string; syncs: number }>> {
  return Excel.run(async (context) => {
    const batch = new Batch(context);
    const ws = context.workbook.worksheets.getActiveWorksheet();
    ws.load("name");
    ws.protection.load("protected");
    const item = context.workbook.settings.getItemOrNullObject(STATE_KEY);
    item.load("value");
    await batch.sync();
    const state = parseState(item.isNullObject ? "" : item.value);
    const record: HighlightRecord | undefined = state.sheets[ws.name]?.record;
    if (!record || (!record.fills.length && !record.notes.length && !record.ownedColumns.length)) {
      return { ok: true as const, sheet: ws.name, message: ui("nothingToClear", lang, { sheet: ws.name }), syncs: batch.syncs };
    }
    if (ws.protection.protected) return { ok: false as const, message: formatMessage({ key: "sheet.protected", params: { sheet: ws.name } }, lang), syncs: batch.syncs };
    const origin = { row: 0, col: 0 };
    const existingNotes = new Map<string, Excel.Note>();
    if (caps.notes && record.notes.length) {
      for (const n of record.notes) {
        const note = ws.notes.getItemOrNullObject(`${quoteSheet(ws.name)}!${a1(n, origin)}`);
        note.load("content");
        existingNotes.set(`${n.row}:${n.col}`, note);
      }
      await batch.sync();
      for (const [k, note] of [...existingNotes]) if (note.isNullObject) existingNotes.delete(k);
    }
    await queuePlan(batch, { ws, sheetName: ws.name, origin, plan: clearPlan(record), existingNotes, caps });
    const st = state.sheets[ws.name]!;
    delete st.record;
    queueState(context, state);
    await batch.sync();
    return { ok: true as const, sheet: ws.name, message: ui("cleared", lang, { sheet: ws.name }), syncs: batch.syncs };
  });
}

/** "Tạo trang NTM_BoTieuChi": the chosen set as an editable sheet, all cells as text. */
export async function createSetSheet(set: CriteriaSet, lang: Language): Promise<Outcome<{ ok: true; message: string; syncs: number }>> {
  return Excel.run(async (context) => {
    const batch = new Batch(context);
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await batch.sync();
    if (sheets.items.some((s) => s.name === WORKBOOK_SET_SHEET)) {
      sheets.getItem(WORKBOOK_SET_SHEET).activate();
      await batch.sync();
      return { ok: true as const, message: ui("setSheetExists", lang, { sheet: WORKBOOK_SET_SHEET }), syncs: batch.syncs };
    }
    const rows = criteriaSetToRows(set);
    const width = Math.max(...rows.map((r) => r.length));
    const block = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
    const sheet = sheets.add(WORKBOOK_SET_SHEET);
    const range = sheet.getRangeByIndexes(0, 0, block.length, width);
    // Text format first: comparators such as "=" must stay text, not become formulas.
    range.numberFormat = block.map((r) => r.map(() => "@"));
    range.values = block;
    const header = rows.findIndex((r) => r.length === width);
    if (header >= 0) sheet.getRangeByIndexes(header, 0, 1, width).format.font.bold = true;
    range.format.autofitColumns();
    sheet.activate();
    await batch.sync();
    return { ok: true as const, message: ui("setSheetDone", lang, { sheet: WORKBOOK_SET_SHEET }), syncs: batch.syncs };
  });
}

/** Recalculates the workbook so the functions see settings loaded after they first ran. */
export async function recalculate(): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.application.calculate("Full" as Excel.CalculationType);
    await context.sync();
  });
}

/** Clicking a result: select its cell. */
export async function selectCell(sheet: string, address: string): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}
