// Engine throughput (npm run bench): 10,000 generated communes x the full national commune set.
// Figures, not assertions: the closing note of each issue reports them.
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
