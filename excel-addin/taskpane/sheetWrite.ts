// Writing a plan, the report sheet and the state: values first, then fills by colour over
// multi-area addresses, then notes (one command each: Excel has no bulk notes API).
import { a1, REPORT_SHEET, reportMatrixFills, type Language, type ReportPrint, type WritePlan } from "../../shared/index.js";
import { STATE_KEY, serializeState, type WorkbookState } from "../common/state.js";
import { Batch, BATCH_BYTES, chunkAddresses, columnRuns, COMMAND_BYTES, quoteSheet } from "./batch.js";
import type { Capabilities } from "./capabilities.js";
import { applyFill } from "./fill.js";

export function existingNotesFor(proxies: Map<string, Excel.Note>, k: string): boolean {
  const p = proxies.get(k);
  return !!p && !p.isNullObject;
}

export interface ApplyInput {
  ws: Excel.Worksheet;
  sheetName: string;
  origin: { row: number; col: number };
  plan: WritePlan;
  /** Notes that exist on the sheet now, by grid "row:col" (loaded proxies). */
  existingNotes: Map<string, Excel.Note>;
  caps: Capabilities;
}

/**
 * Number formats for a block about to be written: text ("@") for every string, so Excel keeps
 * it as typed and never reads "=…", "+1" or "12/19" as a formula, number or date (a unit's
 * name is the user's text); General for the rest, which also resets an emptied cell.
 */
export function textFormats(block: ReadonlyArray<ReadonlyArray<unknown>>): string[][] {
  return block.map((r) => r.map((v) => (typeof v === "string" && v !== "" ? "@" : "General")));
}

/** Fills: one command per colour for many cells at once (a multi-area address of vertical runs). */
async function queueFills(batch: Batch, ws: Excel.Worksheet, fills: ReadonlyArray<{ row: number; col: number; color: string | null }>, origin: { row: number; col: number }): Promise<void> {
  const byColor = new Map<string, string[]>();
  for (const run of columnRuns(fills, (f) => f.color ?? "")) {
    const color = run.items[0]!.color ?? "";
    const top = a1(run, origin);
    const address = run.items.length === 1 ? top : `${top}:${a1({ row: run.row + run.items.length - 1, col: run.col }, origin)}`;
    const list = byColor.get(color) ?? [];
    list.push(address);
    byColor.set(color, list);
  }
  for (const [color, addresses] of byColor) {
    for (const part of chunkAddresses(addresses)) {
      // Counted per property written (colour, pattern, tint): each may carry the address again.
      await batch.add(3 * (COMMAND_BYTES + part.length));
      // The whole fill, not only its colour: a highlight is solid, a restored fill exact.
      applyFill(ws.getRanges(part).format.fill, color);
    }
  }
}

/** Queues a write plan; values first, then formats, then notes. */
export async function queuePlan(batch: Batch, input: ApplyInput): Promise<void> {
  const { ws, origin, plan } = input;
  for (const run of columnRuns(plan.values, () => "")) {
    const values = run.items.map((v) => [v.value ?? ""]);
    await batch.add(COMMAND_BYTES + JSON.stringify(values).length * 2);
    const range = ws.getRangeByIndexes(run.row + origin.row, run.col + origin.col, values.length, 1);
    range.numberFormat = textFormats(values);
    range.values = values;
  }
  await queueFills(batch, ws, plan.fills, origin);
  if (!input.caps.notes) return;
  for (const n of plan.notes) {
    const k = `${n.row}:${n.col}`;
    const existing = input.existingNotes.get(k);
    await batch.add(COMMAND_BYTES + (n.text?.length ?? 0) * 2);
    if (n.text === null) {
      if (existing) existing.delete();
    } else if (existing) existing.content = n.text;
    else ws.notes.add(`${quoteSheet(input.sheetName)}!${a1(n, origin)}`, n.text);
  }
}

/** Queues the state, counted against the payload limit first. */
export async function queueState(batch: Batch, context: Excel.RequestContext, state: WorkbookState): Promise<void> {
  const text = serializeState(state);
  await batch.add(COMMAND_BYTES + text.length * 2);
  context.workbook.settings.add(STATE_KEY, text);
}

/** A row's request size with its formats (UTF-16 worst case for Vietnamese text). */
const rowBytes = (row: ReadonlyArray<unknown>): number => JSON.stringify(row).length * 2 + row.length * 12;

/**
 * Rows written from A1 in chunks under the payload limit. Rows of very different lengths (the
 * matrix, long notes): each chunk is measured, not guessed from the first row.
 */
async function queueRows(batch: Batch, sheet: Excel.Worksheet, rows: ReadonlyArray<ReadonlyArray<unknown>>, formatsOf: (part: unknown[][]) => string[][]): Promise<void> {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const block = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
  const budget = BATCH_BYTES / 2;
  for (let r = 0; r < block.length; ) {
    let bytes = 0;
    let end = r;
    while (end < block.length && (end === r || bytes + rowBytes(block[end]!) <= budget)) bytes += rowBytes(block[end++]!);
    const part = block.slice(r, end);
    const formats = formatsOf(part);
    await batch.add(COMMAND_BYTES + JSON.stringify(part).length + JSON.stringify(formats).length);
    const range = sheet.getRangeByIndexes(r, 0, part.length, width);
    range.numberFormat = formats;
    range.values = part;
    r = end;
  }
}

/** Queues NTM_BaoCao rewritten whole; returns the sheet, for its charts. */
export async function queueReport(batch: Batch, context: Excel.RequestContext, exists: boolean, rows: Array<Array<string | number>>, lang: Language, print?: ReportPrint): Promise<Excel.Worksheet> {
  const sheet = exists ? context.workbook.worksheets.getItem(REPORT_SHEET) : context.workbook.worksheets.add(REPORT_SHEET);
  if (exists) sheet.getRange().clear();
  await queueRows(batch, sheet, rows, textFormats);
  // The heat map, as highlights are written.
  await queueFills(batch, sheet, reportMatrixFills(rows, lang), { row: 0, col: 0 });
  sheet.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
  if (print) queuePrint(sheet, print);
  return sheet;
}

/**
 * The report as offices print it: frozen on the matrix's header and name column, A4 landscape,
 * one page wide, the legend and header repeated on each page, the title on top, page numbers below.
 */
function queuePrint(sheet: Excel.Worksheet, print: ReportPrint): void {
  sheet.freezePanes.unfreeze();
  sheet.freezePanes.freezeAt(`A1:${a1({ row: print.freeze.rows - 1, col: print.freeze.cols - 1 })}`);
  const layout = sheet.pageLayout;
  layout.orientation = "Landscape" as Excel.PageOrientation;
  layout.paperSize = "A4" as Excel.PaperType;
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.setPrintTitleRows(`$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`);
  // Office.js takes each section apart: the codes after "&C" go in the centre.
  layout.headersFooters.defaultForAllPages.centerHeader = print.header.replace(/^&C/, "");
  layout.headersFooters.defaultForAllPages.centerFooter = print.footer.replace(/^&C/, "");
}

/**
 * A sheet of the add-in's own rewritten whole: NTM_LichSu as text, created hidden (there to read,
 * not in the way); `shown` (NTM_TheoDoi): visible, strings as text and numbers as numbers.
 */
export async function queueTextSheet(batch: Batch, context: Excel.RequestContext, name: string, exists: boolean, rows: ReadonlyArray<ReadonlyArray<string | number>>, shown = false): Promise<Excel.Worksheet> {
  const sheet = exists ? context.workbook.worksheets.getItem(name) : context.workbook.worksheets.add(name);
  if (exists) sheet.getRange().clear();
  else if (!shown) sheet.visibility = "Hidden" as Excel.SheetVisibility;
  await queueRows(batch, sheet, rows, shown ? textFormats : (part) => part.map((row) => row.map(() => "@")));
  return sheet;
}
