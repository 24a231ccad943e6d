/**
 * The shared actions' port (shared/app/hostPort.ts) on Office.js, inside one Excel.run: reads
 * are synced when asked, writes are queued and go out at `commit` (split only past the
 * payload limit). Round trips per evaluation, whatever the sheet size:
 *   1. the active sheet's first 300 rows × 40 columns (values, number formats), its size,
 *      merges and protection, the sheet list, NTM_BaoCao's protection and the saved state;
 *   2. only for a larger sheet or when the workbook has an NTM_BoTieuChi sheet: the rest and that sheet;
 *   3. the fills and notes of the cells about to be highlighted (skipped when none);
 *   4. values, fills, notes, the report sheet, its charts and the state.
 * The report's earlier charts are listed in the first (NTM_BaoCao is looked up there anyway).
 */
import { ASSIGNMENT_SHEET, CHART_PREFIX, HISTORY_SHEET, REPORT_SHEET, WORKBOOK_SET_SHEET, a1, formatMessage, message, type AsyncPort, type OpenedSheet } from "../../shared/index.js";
import { STATE_KEY, parseState, shiftRecord, type AddinSettings, type WorkbookState } from "../common/state.js";
import { Batch, BATCH_BYTES, COMMAND_BYTES, quoteSheet } from "./batch.js";
import type { Capabilities } from "./capabilities.js";
import { queueCharts } from "./chartWrite.js";
import { readOriginals } from "./highlightRead.js";
import { CELL_READ_BYTES, gridFromRange, HEAD_COLS, HEAD_ROWS, parseMerges, queueSheetRead } from "./sheetRead.js";
import { queuePlan, queueReport, queueState, queueTextSheet } from "./sheetWrite.js";

export function excelPort(context: Excel.RequestContext, batch: Batch, settings: AddinSettings, caps: Capabilities): AsyncPort {
  let ws: Excel.Worksheet | undefined;
  let state: WorkbookState = parseState("");
  let names: string[] = [];
  let reportProtected = false;
  /** NTM_BaoCao as queued by writeReport, and the charts the add-in drew on it before. */
  let report: Excel.Worksheet | undefined;
  let ownCharts: Excel.Chart[] = [];
  /** Notes on the sheet now, by grid "row:col" (loaded proxies, existing notes only). */
  const existingNotes = new Map<string, Excel.Note>();
  const notesRead = new Set<string>();
  const sheet = (): Excel.Worksheet => ws ?? context.workbook.worksheets.getActiveWorksheet();
  const sheetState = (name: string) => state.sheets[name] ?? {};
  /** An own sheet rewritten whole (NTM_LichSu hidden and all text; NTM_TheoDoi shown). */
  async function writeOwn(name: string, rows: ReadonlyArray<ReadonlyArray<string | number>>, shown: boolean, widths?: readonly number[]) {
    // The sheet list of round trip 1 when the sheet was opened whole; else one round trip for it.
    if (!names.length) {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await batch.sync();
      names = sheets.items.map((x) => x.name);
    }
    // A sheet the user protected is left as it is, and said so: a refused write would fail the whole batch.
    if (names.includes(name)) {
      const existing = context.workbook.worksheets.getItem(name);
      existing.protection.load("protected");
      await batch.sync();
      if (existing.protection.protected) return { ok: false as const, detail: formatMessage(message("sheet.protected", { sheet: name }), settings.lang), protected: true };
    }
    const sheet = await queueTextSheet(batch, context, name, names.includes(name), rows, shown);
    if (!names.includes(name)) names.push(name);
    // Characters to points (Calibri 11: about 6 pt a character).
    widths?.forEach((w, c) => (sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w * 6));
    return { ok: true as const };
  }

  async function openRecordOnly(name?: string): Promise<OpenedSheet> {
    ws = name ? context.workbook.worksheets.getItem(name) : context.workbook.worksheets.getActiveWorksheet();
    ws.load("name");
    ws.protection.load("protected");
    const item = context.workbook.settings.getItemOrNullObject(STATE_KEY);
    item.load("value");
    await batch.sync();
    state = parseState(item.isNullObject ? "" : item.value);
    const st = sheetState(ws.name);
    return { name: ws.name, protected: ws.protection.protected, ...(st.record ? { record: st.record } : {}), ...(st.override ? { override: st.override } : {}) };
  }

  return {
    async open({ sheet: wanted, withRecord, withGrid, withHistory, withAssignments }) {
      if (withGrid === false) return openRecordOnly(wanted);
      const read = queueSheetRead(context, wanted);
      ws = read.ws;
      const reportSheet = context.workbook.worksheets.getItemOrNullObject(REPORT_SHEET);
      reportSheet.load("name");
      reportSheet.protection.load("protected");
      const charts = reportSheet.charts.load("items/name");
      await batch.sync();
      const name = read.ws.name;
      names = context.workbook.worksheets.items.map((s) => s.name);
      reportProtected = !reportSheet.isNullObject && reportSheet.protection.protected;
      ownCharts = reportSheet.isNullObject ? [] : charts.items.filter((c) => c.name.startsWith(CHART_PREFIX));
      state = parseState(read.item.isNullObject ? "" : read.item.value);
      const rows = read.used.rowCount;
      const cols = read.used.columnCount;
      const head = read.head.values as unknown[][];
      const st = sheetState(name);
      const opened: OpenedSheet = { name, protected: read.ws.protection.protected, ...(st.override ? { override: st.override } : {}) };
      const blank = (v: unknown) => v === "" || v === null || v === undefined;
      if (rows <= 1 && cols <= 1 && blank(head[0]?.[0])) return opened;
      let values = head.slice(0, rows).map((r) => r.slice(0, cols));
      let formats = (read.head.numberFormat as unknown[][]).slice(0, rows).map((r) => r.slice(0, cols));
      // Only when needed: the rest of a large sheet (in chunks under the payload limit) and NTM_BoTieuChi.
      const large = rows > HEAD_ROWS || cols > HEAD_COLS;
      const hasSetSheet = names.includes(WORKBOOK_SET_SHEET) && name !== WORKBOOK_SET_SHEET;
      const hasHistory = withHistory === true && names.includes(HISTORY_SHEET);
      const hasAssignments = withAssignments === true && names.includes(ASSIGNMENT_SHEET) && name !== ASSIGNMENT_SHEET;
      let setRange: Excel.Range | undefined;
      let historyRange: Excel.Range | undefined;
      let assignmentRange: Excel.Range | undefined;
      let assignmentMerged: Excel.RangeAreas | undefined;
      if (large || hasSetSheet || hasHistory || hasAssignments) {
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
        if (hasHistory) {
          historyRange = context.workbook.worksheets.getItem(HISTORY_SHEET).getUsedRangeOrNullObject(true);
          historyRange.load("values,rowIndex,columnIndex");
        }
        if (hasAssignments) {
          assignmentRange = context.workbook.worksheets.getItem(ASSIGNMENT_SHEET).getUsedRangeOrNullObject(true);
          assignmentRange.load("values,rowIndex,columnIndex");
          // A department merged down the criteria it holds reads for each of them, as on the command line.
          assignmentMerged = context.workbook.worksheets.getItem(ASSIGNMENT_SHEET).getRange().getMergedAreasOrNullObject();
          assignmentMerged.load("address");
        }
        await batch.sync();
        for (const part of parts) {
          values.push(...(part.values as unknown[][]));
          formats.push(...(part.numberFormat as unknown[][]));
        }
      }
      const grid = gridFromRange(name, { rowIndex: read.used.rowIndex, columnIndex: read.used.columnIndex, values, numberFormat: formats }, read.merged.isNullObject ? "" : read.merged.address);
      const hiddenColumns = read.columns.flatMap((c, i) => (i < cols && c.columnHidden === true ? [i] : []));
      if (hiddenColumns.length) grid.hiddenColumns = hiddenColumns;
      opened.grid = grid;
      if (setRange && !setRange.isNullObject) opened.setRows = setRange.values as unknown[][];
      // The history is written from A1; its used range starts there unless the user cleared its top.
      if (historyRange && !historyRange.isNullObject && historyRange.rowIndex === 0 && historyRange.columnIndex === 0) opened.historyRows = historyRange.values as unknown[][];
      if (assignmentRange && !assignmentRange.isNullObject) {
        opened.assignmentRows = assignmentRange.values as unknown[][];
        opened.assignmentOrigin = { row: assignmentRange.rowIndex, col: assignmentRange.columnIndex };
        const merges = assignmentMerged && !assignmentMerged.isNullObject ? parseMerges(assignmentMerged.address, opened.assignmentOrigin) : [];
        if (merges?.length) opened.assignmentMerges = merges;
      }
      // Records are kept in sheet coordinates; the use cases work in the grid's.
      if (withRecord && st.record) opened.record = shiftRecord(st.record, -grid.origin!.row, -grid.origin!.col);
      return opened;
    },

    async readOriginals({ grid, plan, previous, noteCells }) {
      const o = await readOriginals(batch, sheet(), grid.name, grid, plan, previous, noteCells, caps);
      for (const [k, note] of o.existingNotes) existingNotes.set(k, note);
      for (const k of o.noteCells.keys()) notesRead.add(k);
      return { fills: o.fills, notes: o.notes };
    },

    async saveSheetState({ sheet: name, origin, record, override }) {
      // Without the notes API no note is written, so none is recorded.
      const kept = caps.notes ? record : { ...record, notes: [] };
      state.sheets[name] = { record: shiftRecord(kept, origin.row, origin.col), ...(override && Object.keys(override).length ? { override } : {}) };
      state.settings = settings;
      // Queued first, in the same batch as the writes it undoes (counted against the payload limit).
      await queueState(batch, context, state);
      return { ok: true };
    },

    async applyPlan({ sheet: name, origin, plan }) {
      // Notes to remove that were not read yet (clearing): which of them still exist.
      if (caps.notes) {
        const unread = plan.notes.filter((n) => n.text === null && !notesRead.has(`${n.row}:${n.col}`));
        if (unread.length) {
          const proxies = unread.map((n) => {
            const note = sheet().notes.getItemOrNullObject(`${quoteSheet(name)}!${a1(n, origin)}`);
            note.load("content");
            return [`${n.row}:${n.col}`, note] as const;
          });
          await batch.sync();
          for (const [k, note] of proxies) if (!note.isNullObject) existingNotes.set(k, note);
        }
      }
      await queuePlan(batch, { ws: sheet(), sheetName: name, origin, plan, existingNotes, caps });
      return { ok: true };
    },

    async writeReport({ rows, show, print }) {
      if (reportProtected) return { ok: false, detail: formatMessage(message("sheet.protected", { sheet: REPORT_SHEET }), settings.lang), protected: true };
      report = await queueReport(batch, context, names.includes(REPORT_SHEET), rows, settings.lang, caps.pageLayout ? print : undefined);
      if (show) context.workbook.worksheets.getItem(REPORT_SHEET).activate();
      return { ok: true };
    },

    async writeCharts({ charts }) {
      if (!report) return { ok: true };
      await queueCharts(batch, report, ownCharts, charts);
      ownCharts = [];
      return { ok: true };
    },

    async createTextSheet({ name, rows, boldRow }) {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await batch.sync();
      if (sheets.items.some((s) => s.name === name)) {
        sheets.getItem(name).activate();
        return { created: false };
      }
      const width = rows[0]?.length ?? 1;
      const added = sheets.add(name);
      const range = added.getRangeByIndexes(0, 0, rows.length, width);
      // Text format first: comparators such as "=" must stay text, not become formulas.
      range.numberFormat = rows.map((r) => r.map(() => "@"));
      range.values = rows;
      if (boldRow !== undefined) added.getRangeByIndexes(boldRow, 0, 1, width).format.font.bold = true;
      range.format.autofitColumns();
      added.activate();
      return { created: true };
    },

    writeHistory: ({ rows }) => writeOwn(HISTORY_SHEET, rows, false),
    writeOwnSheet: ({ name, rows, columnWidths }) => writeOwn(name, rows, true, columnWidths),

    async commit() {
      await batch.sync();
    },
  };
}
