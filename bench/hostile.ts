// Hostile workbooks through the command line as a user runs it (a child process each): what
// it answers, how long it takes, its peak memory. The inputs' checksums are compared after.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { columnLetters } from "../shared/index.js";
import { ENCRYPTED_PACKAGE, oleFile, storedZip, zerosDeflated } from "../tests/support/hostileFiles.js";

const dir = mkdtempSync(path.join(tmpdir(), "ntm-hostile-"));
const sample = new Uint8Array(readFileSync("samples/xa-thanh-van-tu-danh-gia-2024.xlsx"));

/** The sample with `rows` added at the end of its first sheet's data. */
function withRows(rows: string): Uint8Array {
  const parts = unzipSync(sample);
  const sheet = Object.keys(parts).find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))!;
  parts[sheet] = strToU8(strFromU8(parts[sheet]!).replace("</sheetData>", `${rows}</sheetData>`));
  return zipSync(parts);
}

/** A sheet of "Xã" + "Tiêu chí 1" and 16,000 columns of numbers. */
function wideNumbers(): Uint8Array {
  const ct = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>';
  const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
  const wb = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>';
  const wbRels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
  const row = (r: number, first: string[], n: (c: number) => number) =>
    `<row r="${r}">${first.map((t, c) => `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t>${t}</t></is></c>`).join("")}${Array.from({ length: 16000 }, (_, c) => `<c r="${columnLetters(c + first.length)}${r}"><v>${n(c)}</v></c>`).join("")}</row>`;
  const rows = [row(1, ["Xã", "Tiêu chí 1"], (c) => c + 1), ...Array.from({ length: 20 }, (_, i) => row(i + 2, [`Xã ${i + 1}`, "Đạt"], (c) => (c * (i + 3)) % 7))];
  const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`;
  return zipSync({ "[Content_Types].xml": strToU8(ct), "_rels/.rels": strToU8(rels), "xl/workbook.xml": strToU8(wb), "xl/_rels/workbook.xml.rels": strToU8(wbRels), "xl/worksheets/sheet1.xml": strToU8(sheet) });
}


let seed = 3;
const cases: Array<[string, Uint8Array]> = [
  ["one cell at XFD1048576", withRows('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')],
  ["one cell at A1048576", withRows('<row r="1048576"><c r="A1048576"><v>1</v></c></row>')],
  ["1 GB declared zip entry", storedZip("xl/worksheets/sheet1.xml", zerosDeflated(2 ** 30), 2 ** 30)],
  ["random bytes", Uint8Array.from({ length: 1 << 20 }, () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed & 0xff))],
  ["truncated download", sample.subarray(0, sample.length >> 1)],
  ["password-protected", oleFile(ENCRYPTED_PACKAGE)],
  ["old .xls renamed .xlsx", oleFile(new Uint8Array([0x57, 0, 0x6f, 0]))],
  [".ods renamed .xlsx", zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }], "content.xml": strToU8("<x/>") })],
  ["16,000 numeric columns", wideNumbers()],
];

console.log("\nHostile workbooks (`ntm evaluate`, a child process each): answer, time, peak memory");
for (const [label, bytes] of cases) {
  const file = path.join(dir, `${label.replace(/\W+/g, "-")}.xlsx`);
  writeFileSync(file, bytes);
  const before = createHash("sha256").update(bytes).digest("hex");
  const rssFile = path.join(dir, "rss.txt");
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--import", path.resolve("bench/peakRss.mjs"), "bin/ntm.js", "evaluate", file, "--out", path.join(dir, "copy.xlsx"), "--region", "tdmnpb", "--year", "2024"], {
    env: { ...process.env, NTM_PEAK_RSS_FILE: rssFile },
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const seconds = (performance.now() - t0) / 1000;
  const peak = Number(readFileSync(rssFile, "utf8")) / 1024;
  const unchanged = createHash("sha256").update(readFileSync(file)).digest("hex") === before;
  const said = (r.stderr.trim().split("\n").find((l) => l.startsWith("ntm:")) ?? r.stdout.split("\n").find((l) => l.includes("!")) ?? "").replace(dir + path.sep, "").slice(0, 110);
  console.log(`  ${label.padEnd(26)} exit ${r.status}  ${seconds.toFixed(1).padStart(5)} s  ${peak.toFixed(0).padStart(5)} MB  input ${unchanged ? "unchanged" : "CHANGED"}  ${said}`);
}
rmSync(dir, { recursive: true, force: true });
