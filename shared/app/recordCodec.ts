// The highlight record ("what the add-in changed, and what was there before") stored compactly,
// one codec for every host: fills grouped by their original colour, then by column, as runs of
// rows. Excel keeps the object in its workbook settings; Sheets keeps the text in document
// properties, split into chunks under the property size limit.
import type { HighlightRecord } from "../sheet/plan.js";

/** Column -> runs of rows [first, last], per original fill ("" = no fill). */
type FillRuns = Record<string, Record<string, Array<[number, number]>>>;

export interface StoredRecord {
  sheet: string;
  fills: FillRuns;
  notes: Record<string, Array<[number, number]>>;
  ownedColumns: number[];
  ownedRows: Array<[number, number]>;
}

type Origin = { row: number; col: number };
const ZERO: Origin = { row: 0, col: 0 };

function runs(rows: number[]): Array<[number, number]> {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

function unruns(rs: Array<[number, number]>): number[] {
  const out: number[] = [];
  for (const [a, b] of rs) for (let r = a; r <= b; r++) out.push(r);
  return out;
}

function byColumn<T extends { row: number; col: number }>(cells: readonly T[]): Map<number, number[]> {
  const m = new Map<number, number[]>();
  for (const c of cells) {
    const list = m.get(c.col) ?? [];
    list.push(c.row);
    m.set(c.col, list);
  }
  return m;
}

/** A record in grid coordinates -> stored, in sheet coordinates (the grid read at `origin`). */
export function encodeRecord(record: HighlightRecord, origin: Origin = ZERO): StoredRecord {
  const shift = <T extends { row: number; col: number }>(c: T) => ({ ...c, row: c.row + origin.row, col: c.col + origin.col });
  const fills: FillRuns = {};
  const byOriginal = new Map<string, Array<{ row: number; col: number }>>();
  for (const f of record.fills) {
    const k = f.original ?? "";
    const list = byOriginal.get(k) ?? [];
    list.push(shift(f));
    byOriginal.set(k, list);
  }
  for (const [orig, cells] of byOriginal) {
    fills[orig] = {};
    for (const [col, rows] of byColumn(cells)) fills[orig]![String(col)] = runs(rows);
  }
  const notes: StoredRecord["notes"] = {};
  for (const [col, rows] of byColumn(record.notes.map(shift))) notes[String(col)] = runs(rows);
  return { sheet: record.sheet, fills, notes, ownedColumns: record.ownedColumns.map((c) => c + origin.col), ownedRows: runs(record.ownedRows.map((r) => r + origin.row)) };
}

/** Stored -> a record in the coordinates of a grid read at `origin`. */
export function decodeRecord(stored: StoredRecord, origin: Origin = ZERO): HighlightRecord {
  const record: HighlightRecord = { version: 1, sheet: stored.sheet, fills: [], notes: [], ownedColumns: [], ownedRows: [] };
  for (const [orig, cols] of Object.entries(stored.fills ?? {})) {
    for (const [col, rs] of Object.entries(cols)) {
      for (const row of unruns(rs)) record.fills.push({ row: row - origin.row, col: Number(col) - origin.col, original: orig === "" ? null : orig });
    }
  }
  for (const [col, rs] of Object.entries(stored.notes ?? {})) for (const row of unruns(rs)) record.notes.push({ row: row - origin.row, col: Number(col) - origin.col });
  record.ownedColumns = (stored.ownedColumns ?? []).map((c) => c - origin.col);
  record.ownedRows = unruns(stored.ownedRows ?? []).map((r) => r - origin.row);
  return record;
}

/** The record as text, for hosts that store strings. */
export function recordToText(record: HighlightRecord): string {
  return JSON.stringify({ v: 2, ...encodeRecord(record) });
}

/** Text -> record; also reads the Sheets add-on's first format ({v:1, s, p, f, n, c, r}). Never throws. */
export function recordFromText(text: string): HighlightRecord | undefined {
  try {
    const o = JSON.parse(text) as Record<string, unknown>;
    if (o.v === 2 && typeof o.sheet === "string") return decodeRecord(o as unknown as StoredRecord);
    if (o.v === 1 && typeof o.s === "string") return decodeFirstFormat(o as unknown as FirstFormat);
    return undefined;
  } catch {
    return undefined;
  }
}

interface FirstFormat {
  s: string;
  p: Array<string | null>;
  f: string;
  n: string;
  c: number[];
  r: string;
}

function decodeFirstFormat(o: FirstFormat): HighlightRecord {
  const cells = (s: string) => (s ? s.split(",").map((x) => x.split(".").map(Number)) : []);
  const rows = (text: string) =>
    !text
      ? []
      : text.split(",").flatMap((part) => {
          const [a, b] = part.split("-").map(Number) as [number, number | undefined];
          return b === undefined ? [a] : Array.from({ length: b - a + 1 }, (_, i) => a + i);
        });
  return {
    version: 1,
    sheet: o.s,
    fills: cells(o.f).map(([row, col, p]) => ({ row: row!, col: col!, original: o.p[p!] ?? null })),
    notes: cells(o.n).map(([row, col]) => ({ row: row!, col: col! })),
    ownedColumns: o.c,
    ownedRows: rows(o.r),
  };
}

/** Text in pieces of at most `size` characters (Sheets' document properties hold about 9 KB each). */
export function splitChunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length ? out : [""];
}
