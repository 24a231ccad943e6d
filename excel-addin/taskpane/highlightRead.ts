// Before highlighting: the current fills and notes of the cells the plan touches, read once,
// so "Xoá đánh dấu" can put back exactly what was there and a user's own note is never replaced.
import { a1, type HighlightRecord, type SheetGrid, type WritePlan } from "../../shared/index.js";
import { Batch, BATCH_BYTES, COMMAND_BYTES, FILL_READ_BYTES, quoteSheet } from "./batch.js";
import type { Capabilities } from "./capabilities.js";
import { encodeFill } from "./fill.js";

export interface Originals {
  fills: (string | null)[][];
  notes: (string | null)[][];
  /** Notes on the sheet now, by grid "row:col" (loaded proxies). */
  existingNotes: Map<string, Excel.Note>;
  /** Cells whose note was read: the plan's first notes (up to the cap) and the previous run's. */
  noteCells: Map<string, { row: number; col: number }>;
  noteProxies: Map<string, Excel.Note>;
}

/** `cells`: the cells whose notes are read (the shared use case chose them: the first to be noted, and the previous run's). */
export async function readOriginals(batch: Batch, ws: Excel.Worksheet, sheetName: string, grid: SheetGrid, plan: WritePlan, previous: HighlightRecord | undefined, cells: ReadonlyArray<{ row: number; col: number }>, caps: Capabilities): Promise<Originals> {
  const origin = grid.origin ?? { row: 0, col: 0 };
  const key = (c: { row: number; col: number }) => `${c.row}:${c.col}`;
  const known = new Set(previous?.fills.map(key) ?? []);
  const toRead = plan.fills.filter((f) => !known.has(key(f)));
  const noteCells = new Map<string, { row: number; col: number }>();
  if (caps.notes) for (const n of cells) noteCells.set(key(n), n);
  const fillResults: Array<{ col: number; row: number; result: OfficeExtension.ClientResult<Excel.CellProperties[][]> }> = [];
  const noteProxies = new Map<string, Excel.Note>();
  if (toRead.length || noteCells.size) {
    // One read per column over the rows to highlight, split to keep responses under the limit.
    const spans = new Map<number, { min: number; max: number }>();
    for (const f of toRead) {
      const sp = spans.get(f.col);
      if (!sp) spans.set(f.col, { min: f.row, max: f.row });
      else {
        sp.min = Math.min(sp.min, f.row);
        sp.max = Math.max(sp.max, f.row);
      }
    }
    const rowsPerRead = Math.floor(BATCH_BYTES / FILL_READ_BYTES / 2);
    for (const [col, sp] of spans) {
      for (let row = sp.min; row <= sp.max; row += rowsPerRead) {
        const count = Math.min(rowsPerRead, sp.max - row + 1);
        await batch.add(COMMAND_BYTES + count * FILL_READ_BYTES);
        const range = ws.getRangeByIndexes(row + origin.row, col + origin.col, count, 1);
        fillResults.push({ col, row, result: range.getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } }) });
      }
    }
    for (const [k, cell] of noteCells) {
      await batch.add(COMMAND_BYTES + 400);
      const note = ws.notes.getItemOrNullObject(`${quoteSheet(sheetName)}!${a1(cell, origin)}`);
      note.load("content");
      noteProxies.set(k, note);
    }
    await batch.sync();
  }
  // The pattern's own colour and tint only where there is a pattern (rare): one more round
  // trip then, and the reads above stay small enough for one batch.
  const wanted = new Set(toRead.map(key));
  const patterned: Array<[Excel.CellPropertiesFill, OfficeExtension.ClientResult<Excel.CellProperties[][]>]> = [];
  for (const f of fillResults) {
    for (const [i, row] of (f.result.value ?? []).entries()) {
      const fill = row[0]?.format?.fill;
      if (!fill || !wanted.has(`${f.row + i}:${f.col}`) || /^(None|Solid)$|Gradient/.test(fill.pattern ?? "None")) continue;
      await batch.add(COMMAND_BYTES + FILL_READ_BYTES);
      patterned.push([fill, ws.getRangeByIndexes(f.row + i + origin.row, f.col + origin.col, 1, 1).getCellProperties({ format: { fill: { patternColor: true, patternTintAndShade: true } } })]);
    }
  }
  if (patterned.length) await batch.sync();
  for (const [fill, more] of patterned) Object.assign(fill, more.value[0]?.[0]?.format?.fill);
  const fills: (string | null)[][] = grid.values.map(() => []);
  for (const f of fillResults) {
    (f.result.value ?? []).forEach((row, i) => {
      (fills[f.row + i] ??= [])[f.col] = encodeFill(row[0]?.format?.fill);
    });
  }
  const notes: (string | null)[][] = grid.values.map(() => []);
  const existingNotes = new Map<string, Excel.Note>();
  for (const [k, note] of noteProxies) {
    if (note.isNullObject) continue;
    existingNotes.set(k, note);
    const [r, c] = k.split(":").map(Number) as [number, number];
    (notes[r] ??= [])[c] = note.content;
  }
  return { fills, notes, existingNotes, noteCells, noteProxies };
}
