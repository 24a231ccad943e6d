// ntm assign template: a new workbook holding the NTM_PhanCong sheet to fill in (who holds each
// criterion, by when, with what evidence), read back by `ntm evaluate --assignments`.
import { tAssign } from "../../shared/i18n/assignmentStrings.js";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import { ASSIGNMENT_SHEET, assignmentTemplate, getBuiltInSet, type Language } from "../../shared/index.js";
import { common, UsageError } from "../args.js";
import type { CliIo } from "../io.js";

/** Rows below the set's criteria formatted as text too, for the indicator rows an office adds. */
const SPARE_ROWS = 200;

/** The template as an .xlsx file: the header bold, frozen below it, the code and deadline columns as text. */
export async function writeAssignmentTemplate(file: string, setId: string, lang: Language): Promise<number> {
  const set = getBuiltInSet(setId)!;
  const tpl = assignmentTemplate(set, lang);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(ASSIGNMENT_SHEET, { views: [{ state: "frozen", ySplit: tpl.headerRow + 1 }] });
  for (const r of tpl.rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true, size: 13 };
  ws.getRow(tpl.headerRow + 1).font = { bold: true };
  ws.getRow(tpl.headerRow + 2).font = { italic: true, color: { argb: "FF595959" } };
  ws.getRow(tpl.headerRow + 3).font = { italic: true, color: { argb: "FF595959" } };
  tpl.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  // Text, so "17.10" stays 17.10 and "8/6/2023" is not turned into 6 August by an English Excel.
  for (let r = tpl.headerRow + 2; r <= tpl.rows.length + SPARE_ROWS; r++) {
    ws.getCell(r, tpl.codeColumn + 1).numFmt = "@";
    ws.getCell(r, tpl.deadlineColumn + 1).numFmt = "@";
  }
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await wb.xlsx.writeFile(file);
  return tpl.rows.length - tpl.headerRow - 3;
}

export async function assign(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { set: { type: "string" }, out: { type: "string" }, lang: { type: "string" } } });
  const c = common(values);
  if (positionals[0] !== "template" || positionals.length !== 1) throw new UsageError(tAssign("assign.cli.usage", c.lang));
  const out = values.out ?? `${ASSIGNMENT_SHEET}.xlsx`;
  if (!/\.xlsx$/i.test(out.trim())) throw new UsageError(tAssign("assign.cli.notXlsx", c.lang, { value: out }));
  // The office's filled-in assignments are never written over.
  if (existsSync(out)) throw new UsageError(tAssign("assign.cli.exists", c.lang, { file: out }));
  const setId = c.setId ?? "xa-ntm-2021-2025";
  const count = await writeAssignmentTemplate(out, setId, c.lang);
  io.out(`${tAssign("assign.cli.written", c.lang, { file: out, sheet: ASSIGNMENT_SHEET, count: String(count), set: setId })}\n`);
  return 0;
}
