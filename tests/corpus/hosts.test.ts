// The same workbook, the same answer on the three hosts: on every corpus workbook, the Excel add-in
// (office-addin-mock over a fake workbook) and the Google Sheets add-on (typed SpreadsheetApp fakes)
// against the command line, sheet by sheet: units, statuses, highlighted cells, the report sheet, and
// the exact undo ("Xoá đánh dấu" gives back the sheet as it was). Each host gets
// the settings a user would give (a set only where the command line got --set), so the choice of
// set (the workbook's NTM_BoTieuChi, villages of a province, refusal without one) is tested too.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { a1, reportCharts, type SheetEvaluation, type UnitResult } from "../../shared/index.js";
import { corpus, generateCorpus, type GeneratedWorkbook } from "./generate.js";
import { chartLines, diffFills, diffRows, diffUnits } from "./hosts/diff.js";
import { runExcel, type HostRun } from "./hosts/excelHost.js";
import { cliReference, type Reference } from "./hosts/reference.js";
import { runSheets, type SheetsRun } from "./hosts/sheetsHost.js";

// The Sheets add-on returns a view without per-criterion statuses: record what the shared use case
// returned inside it (the mock passes every call through unchanged, for all three hosts).
const engine = vi.hoisted(() => ({ last: undefined as unknown }));
vi.mock("../../shared/index.js", async (importOriginal) => {
  const mod = await importOriginal<typeof import("../../shared/index.js")>();
  return {
    ...mod,
    evaluateFlow: function* (...args: Parameters<typeof mod.evaluateFlow>) {
      const out = yield* mod.evaluateFlow(...args);
      engine.last = out.ok ? out.run : out;
      return out;
    },
  };
});
const engineResults = (): UnitResult[] | undefined => {
  const r = engine.last as SheetEvaluation | undefined;
  return r && r.ok ? r.results : undefined;
};

let made: Map<string, GeneratedWorkbook>;
const refs = new Map<string, Promise<Reference>>();
const reference = (file: string) => {
  if (!refs.has(file)) refs.set(file, cliReference(made.get(file)!));
  return refs.get(file)!;
};

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ntm-hosts-"));
  made = new Map((await generateCorpus(dir)).map((g) => [g.file, g]));
}, 120_000);

/** Every difference between the CLI's answer and one host's, sheet by sheet. */
function compare(ref: Reference, runs: ReadonlyArray<HostRun | SheetsRun>, who: "excel" | "sheets"): string[] {
  const out: string[] = [];
  for (const s of ref.sheets) {
    const run = runs.find((r) => r.sheet === s.name)!;
    if (!s.evaluated) {
      const why = ref.error ? `the CLI refuses the workbook (${ref.error})` : `the CLI skips it (${s.reason})`;
      if (run.ok) out.push(`${s.name}: ${why}, but ${who} evaluates it: ${run.results.length} units [${run.results.map((u) => u.name).join("; ")}]`);
      else if (Object.keys(run.filled).length) out.push(`${s.name}: ${who} refuses the sheet but fills ${Object.keys(run.filled).join(", ")}`);
      continue;
    }
    if (!run.ok) {
      out.push(`${s.name}: the CLI evaluates ${s.units.length} units, ${who} refuses the sheet: ${run.message}`);
      continue;
    }
    out.push(...diffUnits(s.name, s.units, run.results, who));
    if ("rows" in run) out.push(...diffRows(s.name, s.units, run.rows));
    // Excel cannot write into a protected sheet: it judges it the same and highlights nothing.
    const isProtected = who === "excel" && ref.book.find((b) => b.grid.name === s.name)?.protected === true;
    out.push(...diffFills(isProtected ? {} : s.highlights, run.filled, who).map((d) => `${s.name}: ${d}`));
    if (run.restored === false) out.push(`${s.name}: after "Xoá đánh dấu" ${who} does not give back the sheet as it was`);
  }
  return out;
}

/** A report table as text rows: empty cells and trailing blanks dropped, numbers as written. */
function reportRows(table: ReadonlyArray<ReadonlyArray<unknown>> | undefined): string[] {
  const rows = (table ?? []).map((r) => r.map((v) => (v === null || v === undefined ? "" : String(v))).join("\t").replace(/\t+$/, ""));
  while (rows.length && rows[rows.length - 1] === "") rows.pop();
  return rows;
}

/** The tables of a report: from its header line to its notes (the first lines name the source, the notes the host). */
function reportBody(rows: string[]): string[] {
  const notes = rows.findIndex((r) => r === "Lưu ý" || r === "Notes");
  const body = rows.slice(2, notes < 0 ? undefined : notes);
  while (body.length && body[body.length - 1] === "") body.pop();
  return body;
}

const lastReport = (runs: ReadonlyArray<HostRun>): string[] => reportRows([...runs].reverse().find((r) => r.ok)?.report);
const excelRuns = new Map<string, HostRun[]>();
const sheetsRuns = new Map<string, SheetsRun[]>();

function message(file: string, who: string, ref: Reference, problems: string[]): string {
  const g = made.get(file)!;
  const head = `${file} [${who}] (${g.truth.covers})\n  ntm evaluate ${file} ${g.truth.cliArgs.join(" ")}  -> set ${ref.setId} (${ref.setOrigin})${ref.error ? `, refused` : ""}`;
  return `${head}\n- ${problems.join("\n- ")}`;
}

describe("corpus: the Excel add-in and the Sheets add-on give the command line's answer", () => {
  it("has every corpus workbook", () => {
    expect(made.size).toBe(corpus.length);
  });
  for (const entry of corpus) {
    it(`excel: ${entry.file}`, async () => {
      const ref = await reference(entry.file);
      const { options } = made.get(entry.file)!.truth;
      // The same choices a user makes: a set only where the command line was given one (--set).
      const runs = await runExcel(ref.book, ref.sheets.map((s) => s.name), { ...(options.setId ? { setId: options.setId } : {}), region: options.region, year: options.year, lang: "vi" });
      excelRuns.set(entry.file, runs);
      const problems = compare(ref, runs, "excel");
      expect(problems, message(entry.file, "excel", ref, problems)).toEqual([]);
    });
    it(`sheets: ${entry.file}`, async () => {
      const ref = await reference(entry.file);
      const { options } = made.get(entry.file)!.truth;
      const settings = { ...(options.setId ? { setId: options.setId } : {}), lang: "vi" as const, ...(options.region ? { region: options.region } : {}), ...(options.year ? { year: options.year } : {}) };
      const runs = await runSheets(ref.book, ref.sheets.map((s) => s.name), settings, engineResults, () => (engine.last = undefined));
      sheetsRuns.set(entry.file, runs);
      const problems = compare(ref, runs, "sheets");
      expect(problems, message(entry.file, "sheets", ref, problems)).toEqual([]);
    });
    it(`report: ${entry.file}`, async () => {
      const ref = await reference(entry.file);
      const excel = excelRuns.get(entry.file);
      const sheets = sheetsRuns.get(entry.file);
      if (!excel || !sheets) throw new Error("harness: run the excel and sheets cases of this file first");
      // Both add-ins write the same NTM_BaoCao for the last sheet they evaluated, notes included.
      expect(lastReport(sheets)).toEqual(lastReport(excel));
      // The same heat map: each status cell of the matrix in its colour.
      const fillsOf = (runs: ReadonlyArray<HostRun>) => [...runs].reverse().find((r) => r.ok)?.reportFills ?? {};
      if (lastReport(excel).length) expect(Object.keys(fillsOf(excel)).length).toBeGreaterThan(0);
      expect(fillsOf(sheets)).toEqual(fillsOf(excel));
      // The same two charts (type, cells, title, place), each replaced rather than added to on every sheet evaluated.
      const chartsOf = (runs: ReadonlyArray<HostRun>) => chartLines([...runs].reverse().find((r) => r.ok)?.charts);
      if (lastReport(excel).length) expect(chartsOf(excel)).toHaveLength(2);
      expect(chartsOf(sheets)).toEqual(chartsOf(excel));
      // Where the command line judged one sheet, its report's tables are the add-ins' too.
      const evaluated = ref.sheets.filter((s) => s.evaluated);
      const last = [...excel].reverse().find((r) => r.ok);
      if (evaluated.length === 1 && last?.sheet === evaluated[0]!.name) {
        expect(reportBody(lastReport(excel)).length).toBeGreaterThan(3);
        expect(reportBody(lastReport(excel))).toEqual(reportBody(reportRows(ref.report)));
        expect(ref.reportFills).toEqual(fillsOf(excel));
        // The command line's copy has the charts' numbers in the same cells (its charts: the add-ins and --html).
        const box = (b: { row: number; col: number; rows: number; cols: number }) => `${a1(b)}:${a1({ row: b.row + b.rows - 1, col: b.col + b.cols - 1 })}`;
        const cli = reportCharts(ref.report ?? [], "vi").map((c) => ({ type: c.type, source: box(c.source), title: c.title, at: a1(c.anchor) }));
        expect(chartLines(cli)).toEqual(chartsOf(excel));
      }
    });
  }
});
