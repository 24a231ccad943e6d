// The command line's .xlsx layer against today's exceljs path, each case in its own process so
// peak memory (max RSS) is its own:   npx tsx bench/xlsx.ts
// 5,000 x 60: read the sheet and write the highlighted copy (3,000 fills, 300 notes, owned values).
// 50,000 x 25: read only.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { applyPlan, readGrid } from "../cli/xlsxGrid.js";
import { openXlsx } from "../cli/xlsx/open.js";
import { readSheetGrid } from "../cli/xlsx/readSheet.js";
import { writeCopy } from "../cli/xlsx/writeCopy.js";
import type { WritePlan } from "../shared/sheet/plan.js";

const dir = path.join(tmpdir(), "ntm-xlsx-bench");
const file = (rows: number, cols: number) => path.join(dir, `sheet-${rows}x${cols}.xlsx`);

async function makeWorkbook(rows: number, cols: number): Promise<void> {
  if (existsSync(file(rows, cols))) return;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Dữ liệu");
  ws.addRow(Array.from({ length: cols }, (_, c) => `Cột ${c + 1}`));
  for (let r = 1; r < rows; r++) ws.addRow(Array.from({ length: cols }, (_, c) => (c % 3 === 0 ? `Thôn ${r}-${c}` : r * 0.5 + c)));
  const border = { top: { style: "thin" }, bottom: { style: "thin" } } as const;
  for (let r = 2; r <= Math.min(rows, 2000); r++) ws.getCell(r, 2).border = border;
  writeFileSync(file(rows, cols), new Uint8Array(await wb.xlsx.writeBuffer()));
}

function planFor(rows: number, cols: number): WritePlan {
  const fills = Array.from({ length: 3000 }, (_, i) => ({ row: 1 + ((i * 7) % (rows - 1)), col: 1 + (i % (cols - 1)), color: i % 2 ? "#F4CCCC" : "#FFF2CC" }));
  const notes = fills.slice(0, 300).map((f) => ({ row: f.row, col: f.col, text: `Chỉ tiêu: chưa đạt (${f.row})` }));
  const values = Array.from({ length: rows }, (_, r) => ({ row: r, col: cols, value: r === 0 ? "[NTM] Kết quả" : `${r % 19}/19` }));
  return { sheet: "Dữ liệu", fills, notes, values, record: { version: 1, sheet: "Dữ liệu", fills: [], notes: [], ownedColumns: [cols], ownedRows: [] } };
}

async function runCase(name: string): Promise<void> {
  const [kind, task, size] = name.split(":") as [string, string, string];
  const [rows, cols] = size.split("x").map(Number) as [number, number];
  const bytes = readFileSync(file(rows, cols));
  const t0 = performance.now();
  let cells = 0;
  if (kind === "ntm") {
    const pkg = openXlsx(bytes);
    const grid = readSheetGrid(pkg, "Dữ liệu").grid;
    cells = grid.values.length * (grid.values[0]?.length ?? 0);
    if (task === "copy") writeCopy(pkg, { plans: [planFor(rows, cols)], newSheets: [{ name: "NTM_BaoCao", rows: [["Báo cáo"]] }] });
  } else {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Dữ liệu")!;
    const grid = readGrid(ws);
    cells = grid.values.length * (grid.values[0]?.length ?? 0);
    if (task === "copy") {
      applyPlan(ws, planFor(rows, cols));
      await wb.xlsx.writeBuffer();
    }
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, cells, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

async function main(): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await makeWorkbook(5000, 60);
  await makeWorkbook(50000, 25);
  const cases = ["ntm:copy:5000x60", "exceljs:copy:5000x60", "ntm:read:50000x25", "exceljs:read:50000x25"];
  const rows: string[] = [];
  for (const c of cases) {
    const out = execFileSync(process.execPath, ["--import", "tsx", new URL(import.meta.url).pathname, "--case", c], { encoding: "utf8", maxBuffer: 1 << 20 });
    const r = JSON.parse(out) as { ms: number; cells: number; maxRssMb: number };
    const [kind, task, size] = c.split(":");
    rows.push(`| ${kind!.padEnd(7)} | ${(task === "copy" ? "read + highlighted copy" : "read").padEnd(23)} | ${size!.padEnd(8)} | ${String(r.cells).padStart(9)} | ${r.ms.toFixed(0).padStart(7)} | ${r.maxRssMb.toFixed(0).padStart(12)} |`);
  }
  console.log("| path    | task                    | sheet    |     cells | time ms | peak RSS MB |");
  console.log("|---------|-------------------------|----------|-----------|---------|-------------|");
  for (const r of rows) console.log(r);
}

const at = process.argv.indexOf("--case");
if (at >= 0) await runCase(process.argv[at + 1]!);
else await main();
