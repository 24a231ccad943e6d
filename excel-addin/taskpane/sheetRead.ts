// Reading the active (or a named) sheet: the first block (values, number formats, hidden columns, merges, the
// saved state) queued in one round trip, and the grid the engine reads built from it.
import { parseA1Range, type SheetGrid } from "../../shared/index.js";
import { STATE_KEY } from "../common/state.js";

export interface SheetRead {
  ws: Excel.Worksheet;
  used: Excel.Range;
  head: Excel.Range;
  /** The head block's columns, for which are hidden (a hidden column is not read as data). */
  columns: Excel.Range[];
  merged: Excel.RangeAreas;
  item: Excel.Setting;
}

/**
 * The block read in the first round trip (about 170 KB of response for an empty block):
 * commune forms and village sheets fit; larger sheets read the rest in a second one.
 */
export const HEAD_ROWS = 300;
export const HEAD_COLS = 40;
/** Response size of one cell's value and number format. */
export const CELL_READ_BYTES = 30;

export function queueSheetRead(context: Excel.RequestContext, sheet?: string): SheetRead {
  const ws = sheet ? context.workbook.worksheets.getItem(sheet) : context.workbook.worksheets.getActiveWorksheet();
  ws.load("name");
  ws.protection.load("protected");
  // getUsedRange (not ...OrNullObject) so that the head block can hang off it: on an empty
  // sheet it is A1 and holds "".
  const used = ws.getUsedRange(true);
  used.load("address,rowIndex,columnIndex,rowCount,columnCount");
  const head = used.getAbsoluteResizedRange(HEAD_ROWS, HEAD_COLS);
  head.load("values,numberFormat");
  const columns = Array.from({ length: HEAD_COLS }, (_, i) => head.getColumn(i).load("columnHidden"));
  const merged = ws.getRange().getMergedAreasOrNullObject();
  merged.load("address");
  context.workbook.worksheets.load("items/name");
  const item = context.workbook.settings.getItemOrNullObject(STATE_KEY);
  item.load("value");
  return { ws, used, head, merged, item, columns };
}

/** "'Thôn 2024'!A1:W1,'Thôn 2024'!A3:A4" -> boxes relative to the grid's origin. */
export function parseMerges(address: string, origin: { row: number; col: number }): SheetGrid["merges"] {
  const out: Array<{ top: number; left: number; bottom: number; right: number }> = [];
  for (const part of address.split(/,(?=(?:[^']*'[^']*')*[^']*$)/)) {
    const r = parseA1Range(part);
    if (!r) continue;
    out.push({ top: r.top - origin.row, left: r.left - origin.col, bottom: r.bottom - origin.row, right: r.right - origin.col });
  }
  return out.filter((b) => b.bottom >= 0 && b.right >= 0);
}

/** The grid the engine reads, from the loaded blocks. */
export function gridFromRange(name: string, used: { rowIndex: number; columnIndex: number; values: unknown[][]; numberFormat: unknown[][] }, mergesAddress: string): SheetGrid {
  const origin = { row: used.rowIndex, col: used.columnIndex };
  return {
    name,
    origin,
    values: used.values,
    numberFormats: used.numberFormat.map((row) => row.map((f) => (typeof f === "string" && f !== "General" && f !== "@" ? f : null))),
    merges: parseMerges(mergesAddress, origin),
  };
}

