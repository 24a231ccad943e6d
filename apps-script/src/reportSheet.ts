// NTM_BaoCao in Google Sheets: the add-on's own sheet, rewritten whole, every string as text.
import { formatMessage, message, reportMatrixFills, REPORT_SHEET, type Language, type ReportPrint } from "../../shared/index.js";
import type { SheetApi, SpreadsheetApi } from "./host.js";
import { applyFills, isProtected, rectangular, writeRows } from "./sheetIO.js";

/**
 * `print`: the frozen pane (the matrix's header and name column). Apps Script sets no page
 * setup (orientation, fit to width, repeated rows): the README says what to choose when printing.
 */
export function writeReport(ss: SpreadsheetApi, table: Array<Array<string | number>>, lang: Language, print?: ReportPrint): { ok: true; rows: number; sheet: SheetApi } | { ok: false; message: string } {
  const rows = rectangular(table);
  let report = ss.getSheetByName(REPORT_SHEET);
  if (report) {
    if (isProtected(report)) return { ok: false, message: formatMessage(message("sheet.protected", { sheet: REPORT_SHEET }), lang) };
    report.clear();
  } else report = ss.insertSheet(REPORT_SHEET);
  writeRows(report.getRange(1, 1, rows.length, rows[0]!.length), rows);
  // The heat map, as highlights are written.
  applyFills(report, reportMatrixFills(table, lang));
  report.getRange(1, 1, 1, 1).setFontWeight("bold");
  report.setFrozenRows(print ? print.freeze.rows : 0);
  report.setFrozenColumns(print ? print.freeze.cols : 0);
  return { ok: true, rows: rows.length, sheet: report };
}
