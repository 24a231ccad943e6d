// ntm compare OLD NEW: two workbooks of the same units, evaluated as `ntm evaluate` would
// (no copies written), compared criterion by criterion: what was lost, gained, still unmet;
// then the income growth each unit had per year and the growth it needs to reach the target of
// --target-year (default: the last year of the set's period).
import path from "node:path";
import { parseArgs } from "node:util";
import {
  checkSides,
  compareRuns,
  compareSection,
  compareUnitLines,
  comparisonJson,
  formatMessage,
  growthJson,
  growthLines,
  incomeGrowth,
  isAssessmentYear,
  type Language,
  type RunSide,
} from "../../shared/index.js";
import { common, UsageError } from "../args.js";
import { evaluateWorkbook, InputError, type WorkbookEvaluation } from "../evaluateWorkbook.js";
import { jsonItems, writeJsonObject } from "../jsonOut.js";
import type { CliIo } from "../io.js";
import { say } from "../../shared/i18n/cliStrings.js";

/** --year 2023,2024 or --year 2023 --year 2024: [earlier, later]; one year judges both sides. */
function readYears(given: readonly string[], lang: Language): [number?, number?] {
  const parts = given.flatMap((v) => v.split(",")).map((v) => v.trim());
  if (parts.length > 2) throw new UsageError(say("compareYears", lang, { value: given.join(" ") }));
  const years = parts.map((v) => {
    const y = Number(v);
    if (!isAssessmentYear(y)) throw new UsageError(say("badYear", lang, { value: v }));
    return y;
  });
  return years.length === 1 ? [years[0], years[0]] : [years[0], years[1]];
}

export async function compare(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      set: { type: "string" },
      region: { type: "string" },
      year: { type: "string", multiple: true },
      sheet: { type: "string", multiple: true },
      "target-year": { type: "string" },
      json: { type: "boolean" },
      lang: { type: "string" },
    },
  });
  const c = common({ set: values.set, region: values.region, json: values.json, lang: values.lang });
  if (positionals.length !== 2) throw new UsageError(say("twoInputs", c.lang));
  const years = readYears(values.year ?? [], c.lang);
  const sheets = values.sheet ?? [];
  if (sheets.length > 2) throw new UsageError(say("compareSheets", c.lang));
  const targetYearText = values["target-year"];
  if (targetYearText !== undefined && !isAssessmentYear(Number(targetYearText))) throw new UsageError(say("badTargetYear", c.lang, { value: targetYearText }));
  // Years in the wrong order are the command line's fault: say so before reading two workbooks.
  const early = checkSides({ set: "", year: years[0] ?? null }, { set: "", year: years[1] ?? null });
  if (!early.ok) throw new UsageError(formatMessage(early.reason, c.lang));

  const files = positionals as [string, string];
  const evaluations: WorkbookEvaluation[] = [];
  for (const [i, file] of files.entries()) {
    evaluations.push(await evaluateWorkbook(file, { setId: c.setId, region: c.region, year: years[i], sheet: sheets[i] ?? sheets[0], lang: c.lang, copy: false }));
  }
  const sides = evaluations.map((e, i): RunSide => ({ set: e.set.id, region: c.region ?? null, year: years[i] ?? null, units: e.units })) as [RunSide, RunSide];
  const result = compareRuns(...sides);
  if (!result.ok) {
    const text = `${files.map((f) => path.basename(f)).join(", ")}: ${formatMessage(result.reason, c.lang)}`;
    throw result.cause === "years" ? new UsageError(text) : new InputError(text);
  }
  const set = evaluations[1]!.set;
  const ctx = { set, oldYear: years[0] ?? null, newYear: years[1] ?? null, lang: c.lang };
  const section = compareSection(result, ctx);
  const fix = years[0] === undefined ? [say("compareYearFix", c.lang)] : [];
  // Income growth: the later file's NTM_BoTieuChi targets first, then the set's.
  const targetYear = targetYearText !== undefined ? Number(targetYearText) : set.period.to;
  const growth = incomeGrowth(sides, { set, workbookSet: evaluations[1]!.workbookSet ?? evaluations[0]!.workbookSet, region: c.region ?? null, targetYear });

  if (c.json) {
    const describe = (i: number) => ({ ...sides[i]!, file: files[i]!, units: evaluations[i]!.units.length, skippedSheets: evaluations[i]!.skipped, warnings: evaluations[i]!.warnings });
    const doc = { ...comparisonJson(result, describe(0), describe(1), c.lang, section, fix), incomeGrowth: growthJson(growth, set, c.lang, c.region ?? null) };
    // 5,000 units each way: written unit by unit, never one string.
    await writeJsonObject(
      Object.entries(doc).map(([key, value]) => (key === "units" ? { key, items: jsonItems(doc.units) } : { key, value })),
      io,
    );
    return 0;
  }
  const warnings = [...result.warnings.map((m) => formatMessage(m, c.lang)), ...fix, ...evaluations.flatMap((e) => e.warnings)];
  // One write: 5,000 villages are 5,000 lines.
  const side = (i: number) => `${path.basename(files[i]!)}${years[i] ? ` (${years[i]})` : ""}`;
  let text = `\n== ${say("compareTitle", c.lang, { old: side(0), new: side(1) })} [${set.id}${c.region ? ", " + c.region : ""}]\n`;
  for (const w of warnings) text += `  ! ${w}\n`;
  text += `\n${section.join("\n")}\n\n${say("compareUnits", c.lang)}\n`;
  for (const u of result.units) for (const line of compareUnitLines(u, ctx)) text += `  ${line}\n`;
  text += `\n${growthLines(growth, { set, lang: c.lang, region: c.region ?? null }).join("\n")}\n`;
  io.out(text);
  return 0;
}
