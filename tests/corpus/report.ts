// Prints the corpus table (workbook, what it covers, current result and first reason) as markdown.
//   npx tsx tests/corpus/report.ts
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateCorpus } from "./generate.js";
import { checkWorkbook } from "./run.js";

const made = await generateCorpus(mkdtempSync(path.join(tmpdir(), "ntm-corpus-")));
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const lines = ["| workbook | covers | result | first reason |", "|---|---|---|---|"];
let passed = 0;
for (const g of made) {
  const problems = await checkWorkbook(g);
  if (problems.length === 0) passed++;
  const first = problems[0] ?? "";
  lines.push(`| \`${g.file}\` | ${cell(g.truth.covers)} | ${problems.length ? `fail (${problems.length})` : "pass"} | ${cell(first.length > 260 ? first.slice(0, 257) + "..." : first)} |`);
}
console.log(lines.join("\n"));
console.log(`\n${passed} of ${made.length} pass`);
