// Writes the corpus: workbooks laid out as offices lay them out, each with its truth.
//   npx tsx tests/corpus/generate.ts OUTDIR      (writes OUTDIR/*.xlsx and OUTDIR/truth.json)
// Deterministic: seeded PRNG, fixed dates; the truth comes from the generator's own data.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { formBooks } from "./forms.js";
import { mixedBooks } from "./mixed.js";
import type { CorpusEntry, CorpusTruth } from "./truth.js";
import { communeBooks } from "./wideCommunes.js";
import { wideBooks } from "./wideBooks.js";

export const corpus: CorpusEntry[] = [...wideBooks, ...communeBooks, ...formBooks, ...mixedBooks];

export interface GeneratedWorkbook {
  file: string;
  path: string;
  truth: CorpusTruth;
}

export async function generateCorpus(dir: string): Promise<GeneratedWorkbook[]> {
  mkdirSync(dir, { recursive: true });
  const out: GeneratedWorkbook[] = [];
  for (const entry of corpus) {
    const { wb, truth } = await entry.build();
    const file = path.join(dir, entry.file);
    await wb.xlsx.writeFile(file);
    out.push({ file: entry.file, path: file, truth });
  }
  return out;
}

if (process.argv[1] && /generate\.ts$/.test(process.argv[1])) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: npx tsx tests/corpus/generate.ts OUTDIR");
    process.exit(2);
  }
  const made = await generateCorpus(dir);
  writeFileSync(path.join(dir, "truth.json"), JSON.stringify(Object.fromEntries(made.map((m) => [m.file, m.truth])), null, 1));
  for (const m of made) console.log(`${m.path}  (${m.truth.units.length} units, ${Object.keys(m.truth.highlights).length} highlights${m.truth.expectedError ? ", must be refused" : ""})`);
  console.log(`${made.length} workbooks`);
}
