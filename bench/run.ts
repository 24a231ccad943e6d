// Engine throughput (npm run bench): 10,000 generated communes x the full national commune set.
// Figures, not assertions: the closing note of each issue reports them.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { compareRuns, compareSection, comparisonJson, detectLayout, extractUnits, planWrites, type LocatedUnit, type SheetGrid } from "../shared/index.js";
import { runCli } from "../cli/ntm.js";
import {
  builtInSets,
  Evaluator,
  getBuiltInSet,
  readWorkbookSet,
  criteriaSetToRows,
  type CriteriaSet,
  type Indicator,
  type UnitInput,
} from "../shared/index.js";

const UNITS = Number(process.env.BENCH_UNITS ?? 10_000);
const set = getBuiltInSet("xa-ntm-2021-2025")!;
const indicators: Indicator[] = set.criteria.flatMap((c) => c.indicators);

/** A deterministic pseudo-random sequence, so every run measures the same data. */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** Every unconfirmed slot filled, as a province would on its NTM_BoTieuChi sheet. */
function provinceSet(): CriteriaSet {
  const rows = criteriaSetToRows(set).map((row) => [...row]);
  const header = rows.findIndex((r) => r.includes("Mã chỉ tiêu"));
  const h = rows[header]!;
  const [kind, value, id] = [h.indexOf("Loại"), h.indexOf("Ngưỡng"), 1];
  rows[0]![id] = "bench-province";
  for (const r of rows.slice(header + 1)) if (r[value] === "") r[value] = r[kind] === "có/không" ? "Có" : r[kind] === "số" ? "40" : "80";
  const parsed = readWorkbookSet(rows, builtInSets());
  if (!parsed.ok) throw new Error("bench set invalid");
  return parsed.set;
}

function value(ind: Indicator, r: () => number): unknown {
  const x = r();
  switch (ind.kind) {
    case "percent":
      return x < 0.4 ? Math.round(60 + x * 100) / 100 : x < 0.7 ? `${(60 + x * 50).toFixed(1).replace(".", ",")}%` : Math.round(60 + x * 45);
    case "number":
      return x < 0.5 ? `${(35 + x * 20).toFixed(1).replace(".", ",")}` : 35 + x * 20;
    case "count":
      return x < 0.5 ? "1 HTX" : Math.floor(x * 3);
    case "boolean":
      return x < 0.8 ? "Đạt" : x < 0.9 ? "x" : "Không";
    case "grade":
      return ind.grades![Math.floor(x * ind.grades!.length)];
  }
}

function units(withTargets: boolean): UnitInput[] {
  const r = rng(42);
  return Array.from({ length: UNITS }, (_, i) => {
    const values: Record<string, unknown> = {};
    const targets: Record<string, unknown> = {};
    for (const ind of indicators) {
      values[ind.code] = r() < 0.03 ? (r() < 0.5 ? "" : "#N/A") : value(ind, r);
      if (withTargets) targets[ind.code] = ind.kind === "percent" ? "≥ 80%" : ind.kind === "number" ? "≥ 45 triệu đồng/người" : ind.kind === "boolean" ? "Đạt" : undefined;
    }
    return withTargets ? { name: `Xã ${i + 1}`, values, targets } : { name: `Xã ${i + 1}`, values };
  });
}

function measure(label: string, input: UnitInput[], make: () => Evaluator): void {
  const evals = input.length * indicators.length;
  make().evaluateUnits(input.slice(0, 500)); // warm-up
  const times: number[] = [];
  for (let k = 0; k < 5; k++) {
    const ev = make();
    const t0 = performance.now();
    const out = ev.evaluateUnits(input);
    times.push(performance.now() - t0);
    if (out.length !== input.length) throw new Error("lost units");
  }
  times.sort((a, b) => a - b);
  const median = times[2]!;
  console.log(
    `${label.padEnd(46)} ${input.length} units x ${indicators.length} indicators: median ${median.toFixed(1)} ms ` +
      `(min ${times[0]!.toFixed(1)}, max ${times[4]!.toFixed(1)}) = ${((evals / median) * 1000 / 1e6).toFixed(2)} M indicator evaluations/s`,
  );
}

const province = provinceSet();
console.log(`Node ${process.version}, ${UNITS} units, set ${set.id} (${indicators.length} indicators)`);
measure("thresholds from NTM_BoTieuChi + catalog", units(false), () => new Evaluator({ set, workbookSet: province, region: "tdmnpb", year: 2024 }));
measure("thresholds from each row's target column", units(true), () => new Evaluator({ set, region: "tdmnpb", year: 2024 }));
const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
console.log(`heap used after runs: ${heapMb.toFixed(0)} MB`);

// ---- A district sheet: 5,000 rows x 60 columns, from layout detection to the write plan.

function wideSheet(rows: number): SheetGrid {
  const r = rng(7);
  const header = ["STT", "Tên xã", ...indicators.map((i) => `${i.code}. ${i.text.slice(0, 30)}`)];
  const values: unknown[][] = [["BIỂU TỔNG HỢP CÁC XÃ"], header];
  for (let i = 0; i < rows; i++) values.push([i + 1, `Xã ${i + 1}`, ...indicators.map((ind) => (r() < 0.03 ? "" : value(ind, r)))]);
  return { name: "Các xã", values };
}

const grid = wideSheet(5000);
console.log(`\nWide sheet ${grid.values.length} rows x ${grid.values[1]!.length} columns (xa-ntm-2021-2025, thresholds from NTM_BoTieuChi):`);
const phases: Record<string, number[]> = { detect: [], extract: [], evaluate: [], plan: [], total: [] };
for (let k = 0; k < 5; k++) {
  const t0 = performance.now();
  const d = detectLayout(grid, set);
  const t1 = performance.now();
  if (!d.ok) throw new Error("layout not detected");
  const units = extractUnits(grid, d.mapping, "tdmnpb");
  const t2 = performance.now();
  const ev = new Evaluator({ set, workbookSet: province, region: "tdmnpb", year: 2024 });
  const results = units.map((u) => ev.evaluateUnit(u.input));
  const t3 = performance.now();
  const plan = planWrites(grid, d.mapping, units, results, { set });
  const t4 = performance.now();
  if (k === 0) console.log(`  ${units.length} units, ${d.mapping.layout === "wide" ? d.mapping.indicatorCols.length : 0} indicator columns mapped; plan: ${plan.values.length} values, ${plan.fills.length} fills, ${plan.notes.length} notes`);
  for (const [key, ms] of [["detect", t1 - t0], ["extract", t2 - t1], ["evaluate", t3 - t2], ["plan", t4 - t3], ["total", t4 - t0]] as const) phases[key]!.push(ms);
}
for (const [key, times] of Object.entries(phases)) {
  times.sort((a, b) => a - b);
  console.log(`  ${key.padEnd(9)} median ${times[2]!.toFixed(1)} ms (min ${times[0]!.toFixed(1)})`);
}

// ---- Year over year: two 5,000-unit results matched and compared (ntm compare after reading).
function yearOf(seed: number, n: number): LocatedUnit[] {
  const r = rng(seed);
  const ev = new Evaluator({ set, workbookSet: province, region: "tdmnpb", year: 2024 });
  return Array.from({ length: n }, (_, i) => {
    const values: Record<string, unknown> = {};
    for (const ind of indicators) values[ind.code] = value(ind, r);
    // Half the names written with their prefix one year and without it the next.
    return { sheet: "Các xã", result: ev.evaluateUnit({ name: `${seed % 2 && i % 2 ? "Xã " : ""}Xã số ${i + 1}`, group: `Huyện ${i % 40}`, values }) };
  });
}
const [before, after] = [yearOf(11, 5000), yearOf(12, 5000)];
const sides = [{ set: set.id, year: 2023, units: before }, { set: set.id, year: 2024, units: after }] as const;
const compareTimes: number[] = [];
let compared = compareRuns(...sides);
for (let k = 0; k < 5; k++) {
  const t0 = performance.now();
  compared = compareRuns(...sides);
  compareTimes.push(performance.now() - t0);
}
if (!compared.ok) throw new Error("comparison refused");
const t5 = performance.now();
const section = compareSection(compared, { set, oldYear: 2023, newYear: 2024 });
const doc = JSON.stringify(comparisonJson(compared, { ...sides[0], units: 5000 }, { ...sides[1], units: 5000 }, "vi", section));
const edges = performance.now() - t5;
compareTimes.sort((a, b) => a - b);
console.log(
  `\nCompare two 5,000-unit results (${compared.units.length} matched, ${compared.units.filter((u) => u.lost.length).length} losing a criterion): ` +
    `median ${compareTimes[2]!.toFixed(1)} ms (min ${compareTimes[0]!.toFixed(1)}); notice section + JSON (${(doc.length / 2 ** 20).toFixed(1)} MB) ${edges.toFixed(0)} ms`,
);

// ---- A folder of 100 commune workbooks through the command line.
const FILES = Number(process.env.BENCH_FILES ?? 100);
const folder = mkdtempSync(path.join(tmpdir(), "ntm-bench-"));
for (let i = 1; i <= FILES; i++) copyFileSync("samples/xa-thanh-van-tu-danh-gia-2024.xlsx", path.join(folder, `xa-${String(i).padStart(3, "0")}.xlsx`));
const t0 = performance.now();
let json = "";
const code = await runCli(["evaluate", folder, "--region", "tdmnpb", "--year", "2024", "--json"], { out: (s) => (json += s), err: () => {} });
const elapsed = performance.now() - t0;
const folderDoc = JSON.parse(json);
console.log(`\nCLI: folder of ${FILES} commune workbooks (read, evaluate, write ${FILES} highlighted copies + combined report): ${(elapsed / 1000).toFixed(2)} s, ${(elapsed / FILES).toFixed(0)} ms per file, exit ${code}, ${folderDoc.summary.unitCount} units`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
rmSync(folder, { recursive: true, force: true });
