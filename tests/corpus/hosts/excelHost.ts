/// <reference types="office-js" />
// The Excel add-in over a corpus workbook: every sheet loaded into the fake workbook behind
// office-addin-mock, each sheet to check made the active one in turn, "Đánh giá trang tính" run on it.
import { clearHighlights, evaluateActiveSheet } from "../../../excel-addin/taskpane/excelAdapter.js";
import type { AddinSettings } from "../../../excel-addin/common/state.js";
import { a1, REPORT_SHEET, type UnitResult } from "../../../shared/index.js";
import type { FakeSheetData, FakeWorkbook } from "../../excel/support/fakeExcel.js";
import { installMockExcel, uninstallMockExcel } from "../../excel/support/mockExcel.js";
import { sheetFromGrid } from "../../excel/support/sheets.js";
import type { ChartView } from "./diff.js";
import { fillChanges, type BookSheet } from "./reference.js";

const VI = { lang: "vi" } as const;

export interface HostRun {
  sheet: string;
  ok: boolean;
  message?: string;
  results: UnitResult[];
  /** Cells whose fill the host changed on this sheet: "Sheet!C9" -> mark. */
  filled: Record<string, string>;
  /** NTM_BaoCao as the host left it after evaluating this sheet. */
  report?: unknown[][];
  /** Its filled cells: "C9" -> "#RRGGBB" (the heat map). */
  reportFills?: Record<string, string>;
  /** The add-in's charts on it, in order. */
  charts?: ChartView[];
  /** After "Xoá đánh dấu": the sheet is exactly as before the evaluation (values, fills, notes, formats). */
  restored?: boolean;
}

/** Office.js hands dates over as serial numbers (1900 date system). */
const EPOCH = Date.UTC(1899, 11, 30);
const officeValue = (v: unknown): unknown => (v instanceof Date ? (v.getTime() - EPOCH) / 86_400_000 : v);

/** A sheet of the file as the fake Excel holds it: values, number formats, merges, fills, notes, protection. */
export function fakeSheet(s: BookSheet): FakeSheetData {
  const fills: Record<string, string> = {};
  const notes: Record<string, string> = {};
  s.grid.fills?.forEach((row, r) => row.forEach((f, c) => { if (f) fills[a1({ row: r, col: c })] = f; }));
  s.grid.notes?.forEach((row, r) => row.forEach((n, c) => { if (n) notes[a1({ row: r, col: c })] = n; }));
  const grid = { ...s.grid, values: s.grid.values.map((row) => row.map(officeValue)) };
  return sheetFromGrid(grid, { fills, notes, protected: s.protected });
}

/** Fills of one fake sheet as a grid of "#RRGGBB" | null. */
function fillGrid(book: FakeWorkbook, name: string): (string | null)[][] {
  const s = book.sheet(name)!;
  const box = s.usedBox(false);
  if (!box) return [];
  return Array.from({ length: box.row + box.rows }, (_, r) => Array.from({ length: box.col + box.cols }, (_, c) => s.cell(r, c)?.fill ?? null));
}

export async function runExcel(book: readonly BookSheet[], sheets: readonly string[], settings: AddinSettings): Promise<HostRun[]> {
  const fake = installMockExcel(book.map(fakeSheet));
  const out: HostRun[] = [];
  try {
    for (const name of sheets) {
      fake.active = fake.sheets.findIndex((s) => s.name === name);
      if (fake.active < 0) throw new Error(`harness: no sheet ${name} in the fake workbook`);
      const before = fillGrid(fake, name);
      const original = sheetState(fake, name);
      const r = await evaluateActiveSheet({ settings, caps: { notes: true } });
      const filled = fillChanges(name, before, fillGrid(fake, name));
      const reportSheet = fake.sheet(REPORT_SHEET);
      const box = reportSheet?.usedBox(true);
      const report = reportSheet && box ? Array.from({ length: box.row + box.rows }, (_, r) => Array.from({ length: box.col + box.cols }, (_, c) => reportSheet.cell(r, c)?.value ?? "")) : undefined;
      const reportFills: Record<string, string> = {};
      if (reportSheet && box) for (let r = 0; r < box.row + box.rows; r++) for (let c = 0; c < box.col + box.cols; c++) { const f = reportSheet.cell(r, c)?.fill; if (f) reportFills[a1({ row: r, col: c })] = f.toUpperCase(); }
      const charts = (reportSheet?.charts ?? []).map((c) => ({ type: c.type.replace(/Clustered$/, "").toLowerCase(), source: c.source, title: c.title ?? "", at: c.position?.start ?? "" }));
      // The exact undo: clear, compare with the sheet as it was, then the next sheet starts clean.
      const cleared = r.ok ? await clearHighlights(VI, { notes: true }) : undefined;
      const restored = cleared?.ok === true && sheetState(fake, name) === original;
      out.push(r.ok ? { sheet: name, ok: true, results: r.results, filled, restored, ...(report ? { report, reportFills, charts } : {}) } : { sheet: name, ok: false, message: r.message, results: [], filled });
    }
  } finally {
    uninstallMockExcel();
  }
  return out;
}

/** One sheet's whole state (values, formulas, fills, formats, notes) as text. */
function sheetState(book: FakeWorkbook, name: string): string {
  return JSON.stringify((book.snapshot() as Array<{ name: string }>).find((s) => s.name === name));
}
