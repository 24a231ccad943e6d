// The tool against workbooks laid out as offices lay them out, each with its truth
// (what a commune officer or district reviewer expects). See tests/corpus/README.md.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { corpus, generateCorpus, type GeneratedWorkbook } from "./generate.js";
import { checkWorkbook } from "./run.js";

let made: Map<string, GeneratedWorkbook>;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ntm-corpus-"));
  made = new Map((await generateCorpus(dir)).map((g) => [g.file, g]));
}, 120_000);

describe("corpus: real-looking workbooks against their truth", () => {
  it("has at least 30 workbooks, each with a truth", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    expect(made.size).toBe(corpus.length);
  });
  for (const entry of corpus) {
    it(entry.file, async () => {
      const g = made.get(entry.file)!;
      const problems = await checkWorkbook(g);
      expect(problems, `${entry.file} (${g.truth.covers})\n  ntm evaluate ${entry.file} ${g.truth.cliArgs.join(" ")}\n- ${problems.join("\n- ")}`).toEqual([]);
    });
  }
});
