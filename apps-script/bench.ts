// Benchmark of the Google Sheets add-on, on the BUILT bundle: `npx tsx apps-script/bench.ts`.
// - engine time of one custom-function call over a 1,000-row range, in node:vm (warm and cold:
//   Apps Script may start each custom-function call in a fresh runtime, so cold counts);
// - SpreadsheetApp calls (and time against the fakes) for "Đánh giá trang tính" on 1,000 rows;
// - bundle size.
import { performance } from "node:perf_hooks";
import { buildAndRead, runBundle } from "../tests/gas/bundle.js";
import { bigCommuneGrid, bigVillageGrid } from "../tests/gas/data.js";
import { fakeGas } from "../tests/gas/fakes.js";

const ROWS = 1000;
const SETTINGS = JSON.stringify({ setId: "xa-ntm-2021-2025", region: "tdmnpb", year: 2024, lang: "vi" });

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

const { code } = await buildAndRead();
const bytes = Buffer.byteLength(code);

const grid = bigCommuneGrid(ROWS);
const headers = [grid.values[0]!.slice(2)];
const values = grid.values.slice(1).map((r) => r.slice(2));
const income = values.map((r) => [r[0]]);
const calls: Array<[string, (g: ReturnType<typeof runBundle>) => unknown]> = [
  ["NTM_COUNT(headers 1x5, values 1000x5)", (g) => g.NTM_COUNT!(headers, values)],
  ["NTM_GAPS(headers 1x5, values 1000x5)", (g) => g.NTM_GAPS!(headers, values)],
  ["NTM_CRITERION(10, values 1000x1)", (g) => g.NTM_CRITERION!(10, income)],
  ["NTM_INDICATOR(\"10\", values 1000x1)", (g) => g.NTM_INDICATOR!("10", income)],
];

console.log(`Bundle: dist Code.js ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB; limit 400 KiB)`);
console.log(`\nCustom functions, one call over ${ROWS} rows (node ${process.version}, node:vm):`);
for (const [label, run] of calls) {
  const gas = fakeGas();
  gas.props.data.NTM_SETTINGS = SETTINGS;
  const g = runBundle(code, gas);
  run(g); // warm-up (catalog validated once per runtime)
  const warm: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const out = run(g) as unknown[];
    warm.push(performance.now() - t0);
    if (!Array.isArray(out) || out.length !== ROWS) throw new Error(`${label}: expected ${ROWS} rows`);
  }
  const cold: number[] = [];
  for (let i = 0; i < 3; i++) {
    const fresh = fakeGas();
    fresh.props.data.NTM_SETTINGS = SETTINGS;
    const t0 = performance.now();
    run(runBundle(code, fresh)); // load the bundle + first call, as a fresh runtime would
    cold.push(performance.now() - t0);
  }
  console.log(`  ${label.padEnd(40)} warm ${ms(median(warm)).padStart(9)}   cold (load bundle + call) ${ms(median(cold)).padStart(9)}`);
}

console.log(`\n"Đánh giá trang tính" on ${ROWS} rows (fakes):`);
for (const [label, make, settings] of [
  ["villages x 19 criteria", () => bigVillageGrid(ROWS), JSON.stringify({ setId: "thon-ntm-bac-kan-2022-2025", year: 2024 })],
  ["communes x 5 indicator columns", () => bigCommuneGrid(ROWS), SETTINGS],
] as const) {
  const counts: number[] = [];
  for (const n of [10, ROWS]) {
    const gas = fakeGas([n === ROWS ? make() : label.startsWith("v") ? bigVillageGrid(n) : bigCommuneGrid(n)]);
    gas.props.data.NTM_SETTINGS = settings;
    const g = runBundle(code, gas);
    const t0 = performance.now();
    g.ntmMenuEvaluate!();
    const t = performance.now() - t0;
    counts.push(gas.sheetCalls().length);
    if (n === ROWS) {
      const byKind = gas.sheetCalls().reduce<Record<string, number>>((m, c) => ((m[c] = (m[c] ?? 0) + 1), m), {});
      const reads = ["Range.getValues", "Range.getBackgrounds", "Range.getNotes", "Range.getNumberFormats", "Range.getMergedRanges"].map((k) => byKind[k] ?? 0).reduce((a, b) => a + b, 0);
      const writes = ["Range.setValues", "Range.setBackgrounds", "Range.setNotes"].map((k) => byKind[k] ?? 0).reduce((a, b) => a + b, 0);
      const propsCalls = gas.log.filter((c) => c.startsWith("Properties.")).length;
      console.log(`  ${label}: ${counts[1]} SpreadsheetApp calls (${reads} block reads, ${writes} batched writes), ${propsCalls} property calls; ${ms(t)} in node with fakes`);
      console.log(`    alert: ${gas.ui.alerts[0]!.split("\n")[0]!.slice(0, 110)}…`);
    }
  }
  console.log(`    calls for 10 rows: ${counts[0]}, for ${ROWS} rows: ${counts[1]} (${counts[0] === counts[1] ? "constant" : "NOT constant"})`);
}
