// NTM_BaoCao in Google Sheets: the add-on's own sheet, rewritten whole, every string as text.
import { a1, formatMessage, message, reportMatrixFills, REPORT_SHEET, type Language } from "../../shared/index.js";
import type { SpreadsheetApi } from "./host.js";
import { isProtected, rectangular, writeRows } from "./sheetIO.js";

export function writeReport(ss: SpreadsheetApi, table: Array<Array<string | number>>, lang: Language): { ok: true; rows: number } | { ok: false; message: string } {
  const rows = rectangular(table);
  let report = ss.getSheetByName(REPORT_SHEET);
  if (report) {
    if (isProtected(report)) return { ok: false, message: formatMessage(message("sheet.protected", { sheet: REPORT_SHEET }), lang) };
    report.clear();
  } else report = ss.insertSheet(REPORT_SHEET);
  writeRows(report.getRange(1, 1, rows.length, rows[0]!.length), rows);
  // The heat map: one call per colour over the cells of that status.
  const byColor = new Map<string, string[]>();
  for (const f of reportMatrixFills(table, lang)) {
    const list = byColor.get(f.color);
    if (list) list.push(a1(f));
    else byColor.set(f.color, [a1(f)]);
  }
  for (const [color, cells] of byColor) report.getRangeList(cells).setBackground(color);
  report.getRange(1, 1, 1, 1).setFontWeight("bold");
  return { ok: true, rows: rows.length };
}
