// The printable page (`ntm evaluate FOLDER --html FILE`) on a folder of 100 communes (one workbook
// each, the national commune set's 19 criteria):   npx tsx bench/html.ts   (BENCH_COMMUNES=100)
// Figures, not assertions: the page is made (htmlReport) and rendered (headless Chromium, from disk
// to the load event and a full layout), and the whole command is timed as a child process.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { htmlPage } from "../cli/htmlPage.js";
import { evaluateWorkbook, type EvaluatedUnit, type WorkbookEvaluation } from "../cli/evaluateWorkbook.js";

const COMMUNES = Number(process.env.BENCH_COMMUNES ?? 100);
const dir = mkdtempSync(path.join(tmpdir(), "ntm-html-bench-"));
const folder = path.join(dir, "cac-xa");

/** A deterministic pseudo-random sequence, so every run measures the same data. */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** One commune per workbook, as communes send their sheet to the district: a title, a header, one row. */
async function makeFolder(): Promise<void> {
  const next = rng(7);
  for (let i = 0; i < COMMUNES; i++) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Kết quả 2024");
    ws.addRow([`KẾT QUẢ THỰC HIỆN TIÊU CHÍ NÔNG THÔN MỚI XÃ SỐ ${i + 1} NĂM 2024`]);
    ws.addRow(["STT", "Tên xã", ...Array.from({ length: 19 }, (_, c) => `Tiêu chí ${c + 1}`)]);
    ws.addRow([1, `Xã số ${i + 1}`, ...Array.from({ length: 19 }, () => (next() < 0.18 ? "Chưa đạt" : "Đạt"))]);
    await wb.xlsx.writeFile(path.join(folder, `xa-${String(i + 1).padStart(3, "0")}.xlsx`));
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

await import("node:fs").then((fs) => fs.mkdirSync(folder, { recursive: true }));
await makeFolder();

// 1. Making the page from the results in hand (what --html adds to a run).
const done: Array<{ evaluation: WorkbookEvaluation }> = [];
for (const f of (await import("node:fs")).readdirSync(folder).sort()) done.push({ evaluation: await evaluateWorkbook(path.join(folder, f), { lang: "vi", region: "tdmnpb", year: 2024, copy: false }) });
const units: EvaluatedUnit[] = done.flatMap((d) => d.evaluation.units);
const run = { groups: [{ set: done[0]!.evaluation.set, units, source: `cac-xa (${COMMUNES} tệp)` }], done, skipped: [], failed: [], region: "tdmnpb" as const, year: 2024, lang: "vi" as const, now: new Date() };
const makeTimes: number[] = [];
let page = "";
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  page = htmlPage(run);
  makeTimes.push(performance.now() - t0);
}
console.log(`\nThe --html page for ${units.length} communes (${(page.length / 1024).toFixed(0)} KB)`);
console.log(`  made (htmlReport, median of 20): ${median(makeTimes).toFixed(1)} ms`);

// 2. The whole command, as a user runs it: 100 workbooks read, 100 copies, NTM_BaoCao.xlsx and the page.
const html = path.join(dir, "bao-cao.html");
const t0 = performance.now();
const r = spawnSync(process.execPath, ["bin/ntm.js", "evaluate", folder, "--region", "tdmnpb", "--year", "2024", "--out", path.join(dir, "out"), "--html", html], { stdio: ["ignore", "ignore", "pipe"] });
const seconds = (performance.now() - t0) / 1000;
console.log(`  ntm evaluate FOLDER --html (child process, ${COMMUNES} files, copies and combined report included): ${seconds.toFixed(1)} s, exit ${r.status}${r.status ? `: ${String(r.stderr).slice(0, 300)}` : ""}`);

// 3. Rendering it: Chromium opens the file and lays it out (load event, then a full-page layout).
if (existsSync("/usr/bin/chromium") && existsSync(html)) {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  const wall: number[] = [];
  const inPage: number[] = [];
  for (let i = 0; i < 7; i++) {
    const p = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const t = performance.now();
    await p.goto(pathToFileURL(html).href, { waitUntil: "load" });
    // From the page's navigation start to its layout done: the page's own time, without opening a tab.
    inPage.push(await p.evaluate(() => ((globalThis as any).document.body.getBoundingClientRect(), performance.now())));
    wall.push(performance.now() - t);
    await p.close();
  }
  await browser.close();
  console.log(`  rendered in headless Chromium: ${median(inPage).toFixed(0)} ms (median of 7; fastest ${Math.min(...inPage).toFixed(0)} ms) from navigation to load and full layout; ${median(wall).toFixed(0)} ms with opening the tab; page ${(statSync(html).size / 1024).toFixed(0)} KB`);
  console.log(`  (load average while measuring: ${(await import("node:os")).loadavg()[0]!.toFixed(1)} on ${(await import("node:os")).cpus().length} cores)`);
  if (readFileSync(html, "utf8").length < 1000) console.log("  (the page is unexpectedly short)");
}
// BENCH_KEEP=1 leaves the folder and the page for a look.
if (process.env.BENCH_KEEP) console.log(`  (kept in ${dir})`);
else rmSync(dir, { recursive: true, force: true });
