/**
 * Benchmark of the task pane's Excel I/O in the mock (office-addin-mock proxies over a fake
 * workbook): context.sync() count, time and largest request per operation, for 1,000 and
 * 10,000 rows × 60 columns.   Run: npx tsx excel-addin/bench.ts
 */
import { evaluateActiveSheet, clearHighlights } from "./taskpane/excelAdapter.js";
import type { AddinSettings } from "./common/state.js";
import { installMockExcel, uninstallMockExcel } from "../tests/excel/support/mockExcel.js";
import { bigSheet } from "../tests/excel/support/sheets.js";

const settings: AddinSettings = { setId: "xa-ntm-2021-2025", region: "tdmnpb", year: 2024, lang: "vi" };
const caps = { notes: true };

async function measure(label: string, rows: number, run: () => Promise<{ ok: boolean; syncs: number }>, book: { syncCount: number; batchBytes: number[] }) {
  book.syncCount = 0;
  book.batchBytes = [];
  const t0 = performance.now();
  const out = await run();
  const ms = performance.now() - t0;
  if (!out.ok) throw new Error(`${label} failed`);
  const maxKB = Math.round(Math.max(...book.batchBytes) / 1024);
  console.log(`${String(rows).padStart(6)} rows × 60 | ${label.padEnd(10)} | syncs ${String(out.syncs).padStart(2)} | ${ms.toFixed(0).padStart(6)} ms | largest request ≈ ${maxKB} KB`);
}

for (const rows of [1_000, 10_000]) {
  const book = installMockExcel([bigSheet(rows, 60)]);
  await measure("evaluate", rows, () => evaluateActiveSheet({ settings, caps }), book);
  await measure("re-run", rows, () => evaluateActiveSheet({ settings, caps }), book);
  await measure("report", rows, () => evaluateActiveSheet({ settings, caps, mode: "report" }), book);
  await measure("clear", rows, () => clearHighlights(settings, caps), book);
  uninstallMockExcel();
}
