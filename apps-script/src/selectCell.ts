// The sidebar's mini grid: a clicked cell is selected on the judged sheet. Both arguments come from
// the page, so they are checked here: a sheet of this spreadsheet, one plain A1 cell inside Sheets' limits.
import { columnIndex, type Language } from "../../shared/index.js";
import { spreadsheetApp } from "./host.js";
import { documentProps, loadSettings, type Props } from "./store.js";
import { ui } from "./strings.js";
import type { ActionResult } from "./actions.js";

/** Sheets' limits: 18,278 columns (ZZZ), 10 million cells. */
const MAX_COLUMN = 18278;
const MAX_ROW = 10_000_000;

/** "M6" -> 1-based row and column, or undefined for anything but one plain cell in range. */
export function parseCellAddress(address: unknown): { row: number; column: number } | undefined {
  if (typeof address !== "string") return undefined;
  const m = /^([A-Z]{1,3})([1-9][0-9]{0,7})$/.exec(address);
  if (!m) return undefined;
  const column = columnIndex(m[1]!) + 1;
  const row = Number(m[2]);
  return column <= MAX_COLUMN && row <= MAX_ROW ? { row, column } : undefined;
}

/** Activates the sheet and selects the cell. */
export function selectCell(sheetName: unknown, address: unknown, props: Props = documentProps()): ActionResult {
  const lang: Language = loadSettings(props).lang;
  const fail = { ok: false as const, message: ui("grid.badCell", lang, { cell: String(address ?? "").slice(0, 20), sheet: String(sheetName ?? "").slice(0, 100) }) };
  const cell = parseCellAddress(address);
  if (!cell || typeof sheetName !== "string" || !sheetName) return fail;
  const sheet = spreadsheetApp().getActiveSpreadsheet().getSheetByName(sheetName);
  if (!sheet) return fail;
  sheet.activate();
  sheet.getRange(cell.row, cell.column, 1, 1).activate();
  return { ok: true, message: "" };
}
