// A province's villages on one sheet, end to end through the command line as a user runs it:
// 50,000 and 200,000 rows (BENCH_VILLAGES="50000,200000"), with and without --json.
// Each run is a child process (`node bin/ntm.js`), timed from outside; its peak memory is
// what the child's own process reports as it exits (bench/peakRss.mjs).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Zip, ZipDeflate, strToU8 } from "fflate";
import { createWriteStream } from "node:fs";
import { columnLetters } from "../shared/index.js";

const COUNTS = (process.env.BENCH_VILLAGES ?? "50000,200000").split(",").map(Number);
const dir = mkdtempSync(path.join(tmpdir(), "ntm-villages-"));

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** A district sheet as offices keep it: a title, a header row, a commune per 100 villages, Đ/CĐ marks, a typed total. */
async function makeVillages(file: string, villages: number, firstSeed = 42): Promise<void> {
  const out = createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => (out.on("finish", resolve), out.on("error", reject)));
  const zip = new Zip((err, chunk, final) => {
    if (err) throw err;
    out.write(chunk);
    if (final) out.end();
  });
  const add = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(strToU8(text), true);
  };
  add("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
  add("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  add("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Thôn" sheetId="1" r:id="rId1"/></sheets></workbook>');
  add("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
  const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 6 });
  zip.add(sheet);
  const str = (r: number, c: number, v: string) => `<c r="${columnLetters(c)}${r}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
  const num = (r: number, c: number, v: number) => `<c r="${columnLetters(c)}${r}"><v>${v}</v></c>`;
  let xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  xml += `<row r="1">${str(1, 0, "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ THÔN NÔNG THÔN MỚI TỈNH BẮC KẠN")}</row>`;
  xml += `<row r="2">${[["STT"], ["Xã"], ["Thôn, bản"], ...Array.from({ length: 19 }, (_, i) => [`TC${i + 1}`]), ["Tổng số tiêu chí đạt"]].map(([h], c) => str(2, c, h!)).join("")}</row>`;
  let seed = firstSeed;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed / 0x7fffffff);
  for (let v = 0; v < villages; v++) {
    const r = v + 3;
    let met = 0;
    const marks = Array.from({ length: 19 }, () => {
      const x = rnd();
      const mark = x < 0.8 ? "Đ" : x < 0.95 ? "CĐ" : "";
      if (mark === "Đ") met++;
      return mark;
    });
    xml += `<row r="${r}">${num(r, 0, v + 1)}${str(r, 1, `Xã ${Math.floor(v / 100) + 1}`)}${str(r, 2, `Thôn ${(v % 100) + 1}`)}${marks.map((m, i) => str(r, 3 + i, m)).join("")}${num(r, 22, rnd() < 0.02 ? met + 1 : met)}</row>`;
    if (xml.length > 1 << 20) {
      sheet.push(strToU8(xml));
      xml = "";
    }
  }
  sheet.push(strToU8(`${xml}</sheetData></worksheet>`), true);
  zip.end();
  await done;
}

function run(file: string, json: boolean): { seconds: number; peakMb: number; code: number | null } {
  const rssFile = path.join(dir, "rss.txt");
  const args = ["--import", path.resolve("bench/peakRss.mjs"), "bin/ntm.js", "evaluate", file, "--out", path.join(dir, "copy.xlsx"), ...(json ? ["--json"] : [])];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { env: { ...process.env, NTM_PEAK_RSS_FILE: rssFile }, stdio: ["ignore", json ? "pipe" : "ignore", "pipe"], maxBuffer: 2 ** 31 - 1 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) console.log(`  exit ${r.status}: ${String(r.stderr).slice(0, 300)}`);
  return { seconds, peakMb: Number(readFileSync(rssFile, "utf8")) / 1024, code: r.status };
}

console.log("\nVillages on one sheet, end to end (`ntm evaluate`, a child process): time and peak memory");
for (const n of COUNTS) {
  const file = path.join(dir, `thon-${n}.xlsx`);
  await makeVillages(file, n);
  const size = (statSync(file).size / 2 ** 20).toFixed(1);
  for (const json of process.env.BENCH_KEEP ? [] : [false, true]) {
    const r = run(file, json);
    console.log(`  ${n.toLocaleString("en")} rows (${size} MB)${json ? " --json" : "       "}: ${r.seconds.toFixed(1)} s, peak ${r.peakMb.toFixed(0)} MB, exit ${r.code}`);
  }
}
// Year over year: two 5,000-village results (two workbooks) through `ntm compare`, as a district runs it.
const COMPARE = Number(process.env.BENCH_COMPARE ?? 5000);
console.log(`\nTwo ${COMPARE.toLocaleString("en")}-village workbooks compared end to end (\`ntm compare\`, a child process, reading both included)`);
const [older, newer] = [path.join(dir, "thon-2023.xlsx"), path.join(dir, "thon-2024.xlsx")];
await makeVillages(older, COMPARE, 7);
await makeVillages(newer, COMPARE, 8);
for (const json of [false, true]) {
  const rssFile = path.join(dir, "rss.txt");
  const args = ["--import", path.resolve("bench/peakRss.mjs"), "bin/ntm.js", "compare", older, newer, "--year", "2023,2024", ...(json ? ["--json"] : [])];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { env: { ...process.env, NTM_PEAK_RSS_FILE: rssFile }, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 2 ** 31 - 1 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) console.log(`  exit ${r.status}: ${String(r.stderr).slice(0, 300)}`);
  const size = (r.stdout.length / 2 ** 20).toFixed(1);
  console.log(`  ${json ? "--json" : "text  "}: ${seconds.toFixed(2)} s, peak ${(Number(readFileSync(rssFile, "utf8")) / 1024).toFixed(0)} MB, ${size} MB out, exit ${r.status}`);
}

writeFileSync(path.join(dir, "done"), "");
// BENCH_KEEP=1 leaves the generated workbooks for profiling.
if (process.env.BENCH_KEEP) console.log(`  (kept in ${dir})`);
else rmSync(dir, { recursive: true, force: true });
