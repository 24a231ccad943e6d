// exceljs, where it still earns its place: writing brand-new workbooks (the folder run's combined
// report) and, in tests and the benchmark, a second reader and the old path to compare against.
// Copies of users' workbooks are made by cli/xlsx (the package patched, nothing rebuilt).
import ExcelJS from "exceljs";
import { a1, parseA1Range, type CellRange, type ReportPrint, type SheetGrid, type WritePlan } from "../shared/index.js";

/** A cell's value as the engine reads it: formula results, plain text of rich text, error codes. */
export function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== "object" || v instanceof Date) return v;
  if ("error" in v) return (v as ExcelJS.CellErrorValue).error;
  if ("richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
  if ("formula" in v || "sharedFormula" in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    return result === undefined ? null : cellValue(result as ExcelJS.CellValue);
  }
  if ("text" in v) return (v as ExcelJS.CellHyperlinkValue).text;
  return null;
}

function fillColor(cell: ExcelJS.Cell): string | null {
  const f = cell.fill;
  if (f && f.type === "pattern" && f.pattern === "solid") {
    const argb = (f.fgColor as { argb?: string } | undefined)?.argb;
    if (argb && /^[0-9A-Fa-f]{8}$/.test(argb)) return `#${argb.slice(2).toUpperCase()}`;
  }
  return null;
}

function noteText(cell: ExcelJS.Cell): string | null {
  const n = cell.note as unknown;
  if (!n) return null;
  if (typeof n === "string") return n;
  const texts = (n as { texts?: Array<{ text: string }> }).texts;
  return texts ? texts.map((t) => t.text).join("") : null;
}

/** Reads the whole used area from A1, so grid coordinates are sheet coordinates. */
export function readGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const values: unknown[][] = [];
  const numberFormats: (string | null)[][] = [];
  const fills: (string | null)[][] = [];
  const notes: (string | null)[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const v: unknown[] = [];
    const nf: (string | null)[] = [];
    const fi: (string | null)[] = [];
    const no: (string | null)[] = [];
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      // A merged range holds its text in its first cell only, as Excel and Sheets report it.
      v.push(cell.isMerged && cell.master !== cell ? null : cellValue(cell.value));
      nf.push(cell.numFmt ?? null);
      fi.push(fillColor(cell));
      no.push(noteText(cell));
    }
    values.push(v);
    numberFormats.push(nf);
    fills.push(fi);
    notes.push(no);
  }
  const hiddenColumns: number[] = [];
  for (let c = 1; c <= cols; c++) if (ws.getColumn(c).hidden) hiddenColumns.push(c - 1);
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(parseA1Range).filter((m): m is CellRange => m !== undefined);
  return { name: ws.name, values, merges, hiddenColumns, numberFormats, fills, notes };
}

/** Applies a plan to the copy: owned values, highlight fills and notes. */
export function applyPlan(ws: ExcelJS.Worksheet, plan: WritePlan): void {
  for (const w of plan.values) {
    const cell = ws.getCell(w.row + 1, w.col + 1);
    cell.value = w.value;
    if (typeof w.value === "string" && w.value.startsWith("[NTM]")) cell.style = { ...cell.style, font: { bold: true } };
  }
  for (const f of plan.fills) {
    const cell = ws.getCell(f.row + 1, f.col + 1);
    // Cells read from a file share style objects: give this cell its own before changing it,
    // or the fill spreads to every cell formatted like it.
    const fill: ExcelJS.Fill = f.color ? { type: "pattern", pattern: "solid", fgColor: { argb: `FF${f.color.slice(1)}` } } : { type: "pattern", pattern: "none" };
    cell.style = { ...cell.style, fill };
  }
  for (const n of plan.notes) {
    const cell = ws.getCell(n.row + 1, n.col + 1);
    if (n.text) cell.note = n.text;
    else (cell as { note?: unknown }).note = undefined;
  }
}

/** Writes (or rewrites) the report sheet the tool owns; with `print`, its frozen pane and A4-landscape page setup. */
export function writeReportSheet(wb: ExcelJS.Workbook, name: string, rows: Array<Array<string | number>>, fills: ReadonlyArray<{ row: number; col: number; color: string }> = [], print?: ReportPrint): ExcelJS.Worksheet {
  const existing = wb.getWorksheet(name);
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(name);
  for (const r of rows) ws.addRow(r);
  ws.getRow(1).font = { bold: true, size: 13 };
  ws.eachRow((row) => {
    const first = row.getCell(1).value;
    if (first === "Số tiêu chí đạt" || first === "Tiêu chí số" || first === "STT" || first === "Criteria met" || first === "Criterion" || first === "No.") row.font = { bold: true };
  });
  for (const f of fills) ws.getCell(f.row + 1, f.col + 1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${f.color.replace("#", "").toUpperCase()}` } };
  ws.getColumn(1).width = 16;
  for (let c = 2; c <= 6; c++) ws.getColumn(c).width = 22;
  if (print) applyReportPrint(ws, print);
  return ws;
}

/**
 * The report's view and print setup through exceljs: the frozen pane, A4 (paper size 9)
 * landscape one page wide and as many tall as it takes, the legend and header rows on every page,
 * the title at the top of each page and its number at the bottom.
 */
export function applyReportPrint(ws: ExcelJS.Worksheet, print: ReportPrint): void {
  const { rows, cols } = print.freeze;
  if (rows > 0 || cols > 0) ws.views = [{ state: "frozen", xSplit: cols, ySplit: rows, topLeftCell: a1({ row: rows, col: cols }), activeCell: a1({ row: rows, col: cols }) }];
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
    printTitlesRow: `${print.titleRows.first + 1}:${print.titleRows.last + 1}`,
  };
  ws.headerFooter = { ...ws.headerFooter, oddHeader: print.header, oddFooter: print.footer };
}
