// Shared helpers for the .xlsx package tests: fixtures, parts, raw cells, the plan each copy gets.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { parseCellRef } from "../../cli/xlsx/cellRef.js";
import { TagCursor, getAttr } from "../../cli/xlsx/xmlText.js";
import { a1 } from "../../shared/sheet/grid.js";
import type { HighlightRecord, WritePlan } from "../../shared/sheet/plan.js";

export const FIXTURES = path.resolve("tests/xlsx/fixtures");
export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

/** Every part's uncompressed bytes, by name. */
export const parts = (bytes: Uint8Array): Record<string, Uint8Array> => unzipSync(bytes);
export const partText = (bytes: Uint8Array, name: string): string => strFromU8(parts(bytes)[name]!);

/** "B4" -> the raw <c> element and its s attribute, for every cell of a sheet part. */
export function rawCells(xml: string): Map<string, { text: string; s: number }> {
  const cells = new Map<string, { text: string; s: number }>();
  const c = new TagCursor(xml);
  let row = 0;
  let col = -1;
  while (c.next()) {
    if (c.local === "row" && c.kind !== "close") {
      row = Number(getAttr(c.text, "r") ?? row + 1);
      col = -1;
    }
    if (c.local !== "c" || c.kind === "close") continue;
    const tag = c.text;
    const start = c.start;
    const at = parseCellRef(getAttr(tag, "r") ?? "");
    col = at ? at.col : col + 1;
    c.skipToClose();
    cells.set(a1({ row: row - 1, col }), { text: xml.slice(start, c.end), s: Number(getAttr(tag, "s") ?? 0) });
  }
  return cells;
}

export interface CopyTarget {
  file: string;
  sheet: string;
  /** Cells the copy highlights: some share one style with their neighbours, one has no <c> yet. */
  fills: Array<{ row: number; col: number; color: string }>;
  notes: Array<{ row: number; col: number; text: string }>;
  /** The cell with a user's note that the plan also names: it must keep the user's note. */
  userNote?: { row: number; col: number; text: string };
  ownedCol: number;
}

const MAIN = (file: string): CopyTarget => ({
  file,
  sheet: "Dữ liệu",
  fills: [
    { row: 4, col: 1, color: "#F4CCCC" }, // B5: shares one border+fill style with B4:C7
    { row: 5, col: 2, color: "#FFF2CC" }, // C6, on a hidden row
    { row: 3, col: 0, color: "#FCE5CD" }, // A4: default style
    { row: 4, col: 5, color: "#F4CCCC" }, // F5: no <c> in the sheet
    { row: 3, col: 1, color: "#F4CCCC" }, // B4: the user's note
  ],
  notes: [
    { row: 4, col: 1, text: "Chỉ tiêu 10.1: chưa đạt\nGiá trị: 47,5 & < 50" },
    { row: 5, col: 2, text: "Thiếu số liệu" },
    { row: 3, col: 1, text: "must not replace the user's note" },
  ],
  userNote: { row: 3, col: 1, text: "Ghi chú của người dùng" },
  ownedCol: 6,
});

export const TARGETS: CopyTarget[] = [
  MAIN("openpyxl.xlsx"),
  MAIN("libreoffice.xlsx"),
  MAIN("exceljs.xlsx"),
  MAIN("macro.xlsm"),
  MAIN("strict.xlsx"),
  {
    file: "inline.xlsx",
    sheet: "Inline",
    fills: [
      { row: 1, col: 1, color: "#F4CCCC" }, // B2: a <c> without r
      { row: 3, col: 1, color: "#FFF2CC" },
      { row: 2, col: 2, color: "#F4CCCC" }, // C3: a row that does not exist
    ],
    notes: [{ row: 1, col: 1, text: "ghi chú mới" }],
    ownedCol: 5,
  },
];

/** The plan a run would make: fills, notes, values in the tool's own column (one string starting with "="). */
export function planFor(t: CopyTarget, originalFills: (row: number, col: number) => string | null): WritePlan {
  const values = [
    { row: 0, col: t.ownedCol, value: "[NTM] Kết quả" },
    { row: 1, col: t.ownedCol, value: "=SUM(A1:A9)" },
    { row: 2, col: t.ownedCol, value: 12.5 },
    { row: 8, col: t.ownedCol, value: "  khoảng trắng & <b>  " },
  ];
  const record: HighlightRecord = {
    version: 1,
    sheet: t.sheet,
    fills: t.fills.map((f) => ({ row: f.row, col: f.col, original: originalFills(f.row, f.col) })),
    notes: t.notes.filter((n) => !(t.userNote && n.row === t.userNote.row && n.col === t.userNote.col)).map((n) => ({ row: n.row, col: n.col })),
    ownedColumns: [t.ownedCol],
    ownedRows: values.map((v) => v.row),
  };
  return { sheet: t.sheet, values, fills: t.fills, notes: t.notes, record };
}

export const REPORT = { name: "NTM_BaoCao", rows: [["Báo cáo kết quả", null], ["Số tiêu chí đạt", 16], ["=không phải công thức", "x < y"]], replace: true };

export function hasSoffice(): boolean {
  return spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0;
}
