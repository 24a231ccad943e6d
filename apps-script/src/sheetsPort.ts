// The shared actions' port (shared/app/hostPort.ts) on SpreadsheetApp: reads and writes only.
// Every call is synchronous; a sheet is read once (values, fills, notes, formats, merges), so
// the use cases never ask this host for the original fills again.
import { ASSIGNMENT_SHEET, HISTORY_SHEET, REPORT_SHEET, WORKBOOK_SET_SHEET, formatMessage, message, parseA1Range, type HighlightRecord, type Language, type SyncPort } from "../../shared/index.js";
import type { SheetApi, SpreadsheetApi } from "./host.js";
import { writeReportCharts } from "./reportCharts.js";
import { writeReport } from "./reportSheet.js";
import { applyPlan, isProtected, readSheet, rectangular, writeRows, type ApplyCounts, type ReadResult } from "./sheetIO.js";
import { loadRecord, MAP_PREFIX, parseOverride, saveRecord, type Props } from "./store.js";

export interface SheetsPort extends SyncPort {
  /** What the last plan applied took, in SpreadsheetApp calls (shown in the sidebar's details). */
  counts?: ApplyCounts;
}

export function sheetsPort(ss: SpreadsheetApi, props: Props, lang: Language): SheetsPort {
  const all = props.getProperties();
  const reads = new Map<string, ReadResult>();
  const records = new Map<string, HighlightRecord>();
  let judged: SheetApi | undefined;
  /** NTM_BaoCao as writeReport left it, for its charts. */
  let report: SheetApi | undefined;
  const sheetNamed = (name: string): SheetApi => ss.getSheetByName(name) ?? ss.getActiveSheet();
  const port: SheetsPort = {
    open({ sheet: wanted, withRecord, withGrid, withHistory, withAssignments }) {
      const sheet = (wanted ? ss.getSheetByName(wanted) : null) ?? ss.getActiveSheet();
      judged = sheet;
      const name = sheet.getName();
      const record = withRecord ? loadRecord(name, props, all) : undefined;
      if (record) records.set(name, record);
      const override = parseOverride(all[MAP_PREFIX + name]);
      const opened: ReturnType<SyncPort["open"]> = { name, protected: isProtected(sheet), ...(record ? { record } : {}), ...(override ? { override } : {}) };
      if (withGrid === false) return opened;
      // Widened over the cells an earlier run wrote, so they are put back even where the data shrank.
      const read = readSheet(sheet, record);
      if (read) {
        reads.set(name, read);
        opened.grid = read.grid;
      }
      const setSheet = name === WORKBOOK_SET_SHEET ? null : ss.getSheetByName(WORKBOOK_SET_SHEET);
      if (setSheet && setSheet.getLastRow() > 0 && setSheet.getLastColumn() > 0) opened.setRows = setSheet.getRange(1, 1, setSheet.getLastRow(), setSheet.getLastColumn()).getValues();
      const history = withHistory ? ss.getSheetByName(HISTORY_SHEET) : null;
      if (history && history.getLastRow() > 0 && history.getLastColumn() > 0) opened.historyRows = history.getRange(1, 1, history.getLastRow(), history.getLastColumn()).getValues();
      const assignments = withAssignments ? ss.getSheetByName(ASSIGNMENT_SHEET) : null;
      if (assignments && assignments.getLastRow() > 0 && assignments.getLastColumn() > 0) {
        const range = assignments.getRange(1, 1, assignments.getLastRow(), assignments.getLastColumn());
        opened.assignmentRows = range.getValues();
        // A department merged down the criteria it holds reads for each of them, as on the command line.
        const merges = range.getMergedRanges().flatMap((m) => parseA1Range(m.getA1Notation()) ?? []);
        if (merges.length) opened.assignmentMerges = merges;
      }
      return opened;
    },
    readOriginals({ grid }) {
      return { fills: grid.fills ?? [], notes: grid.notes ?? [] };
    },
    saveSheetState({ record }) {
      // The mapping is saved when the user chooses it (setColumnMapping); here the record only.
      try {
        saveRecord(record, props, all);
        return { ok: true };
      } catch (e) {
        return { ok: false, detail: e instanceof Error ? e.message : String(e) };
      }
    },
    applyPlan({ sheet: name, plan }) {
      const sheet = sheetNamed(name);
      const read = reads.get(name) ?? readSheet(sheet, records.get(name));
      if (!read) return { ok: true };
      try {
        port.counts = applyPlan(sheet, read, plan);
        return { ok: true };
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        return { ok: false, detail, protected: /protect|bảo vệ/i.test(detail) };
      }
    },
    writeReport({ rows, show, print }) {
      const written = writeReport(ss, rows, lang, print);
      if (written.ok) report = written.sheet;
      // A new sheet becomes the active one: the judged sheet stays in front unless the report was asked for.
      if (show && written.ok) ss.getSheetByName(REPORT_SHEET)?.activate();
      else judged?.activate();
      return written.ok ? { ok: true } : { ok: false, detail: written.message };
    },
    writeCharts({ charts }) {
      return report ? writeReportCharts(report, charts) : { ok: true };
    },
    createTextSheet({ name, rows, boldRow }) {
      const existing = ss.getSheetByName(name);
      if (existing) {
        existing.activate();
        return { created: false };
      }
      const sheet = ss.insertSheet(name);
      // All text: comparators such as "=" must not become formulas, nor a user's later edits.
      writeRows(sheet.getRange(1, 1, rows.length, rows[0]!.length), rows, rows.map((r) => r.map(() => "@")));
      if (boldRow !== undefined) sheet.getRange(boldRow + 1, 1, 1, rows[0]!.length).setFontWeight("bold");
      sheet.activate();
      return { created: true };
    },
    writeHistory({ rows }) {
      let sheet = ss.getSheetByName(HISTORY_SHEET);
      const created = !sheet;
      if (sheet) sheet.clear();
      else sheet = ss.insertSheet(HISTORY_SHEET);
      const block = rectangular(rows);
      writeRows(sheet.getRange(1, 1, block.length, block[0]!.length), block, block.map((r) => r.map(() => "@")));
      // Created hidden (the user may show it); the judged sheet stays in front.
      if (created) sheet.hideSheet();
      judged?.activate();
      return { ok: true };
    },
    writeOwnSheet({ name, rows, columnWidths }) {
      let sheet = ss.getSheetByName(name);
      if (sheet && isProtected(sheet)) return { ok: false, detail: formatMessage(message("sheet.protected", { sheet: name }), lang), protected: true };
      if (sheet) sheet.clear();
      else sheet = ss.insertSheet(name);
      const block = rectangular(rows);
      // Strings as text (a unit's name stays as typed), numbers as numbers; the judged sheet stays in front.
      writeRows(sheet.getRange(1, 1, block.length, block[0]!.length), block);
      // Characters to pixels (Arial 10: about 7 px a character).
      columnWidths?.forEach((w, c) => sheet.setColumnWidth(c + 1, Math.round(w * 7)));
      judged?.activate();
      return { ok: true };
    },
    commit() {},
  };
  return port;
}
