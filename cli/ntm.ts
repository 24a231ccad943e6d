// ntm: the criteria engine over .xlsx files, without Excel.
//   ntm evaluate <file.xlsx|folder> [--set ID] [--set-file FILE.xlsx] [--region ID] [--year YYYY] [--sheet NAME] [--out PATH] [--mapping JSON | --mapping-file FILE.json] [--target COUNT/YYYY] [--sort sheet|closest] [--html FILE] [--json] [--lang vi|en]
//   ntm compare <earlier.xlsx> <later.xlsx> [--sheet NAME [--sheet NAME]] [--set ID] [--region ID] [--year EARLIER,LATER] [--target-year YYYY] [--json] [--lang vi|en]
//   ntm catalog [--set ID] [--region ID] [--year YYYY] [--json]
//   ntm formulas <file.xlsx> --to excel|sheets [--out PATH] [--json] [--lang vi|en]
//   ntm assign template [--set ID] [--out FILE.xlsx] [--lang vi|en]   (evaluate takes --assignments FILE.xlsx [--report-date YYYY-MM-DD])
// Exit codes: 0 success, 1 input cannot be read, 2 wrong usage.
import { tRollup } from "../shared/i18n/rollupStrings.js";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { builtInSetIds, REGION_IDS, type Language } from "../shared/index.js";
import { common, readMappingOption, UsageError } from "./args.js";
import { readReportDate } from "./assignmentSheet.js";
import { assign } from "./commands/assign.js";
import { catalog } from "./commands/catalog.js";
import { compare } from "./commands/compare.js";
import { evaluate } from "./commands/evaluate.js";
import { formulas } from "./commands/formulas.js";
import { InputError } from "./evaluateWorkbook.js";
import { defaultIo, endQuietlyOnClosedPipe, type CliIo } from "./io.js";
import { say } from "../shared/i18n/cliStrings.js";

export type { CliIo } from "./io.js";

function usage(lang: Language): string {
  return say("usage", lang, { sets: builtInSetIds().join(", "), regions: REGION_IDS.join(", ") });
}

export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let lang: Language = argv.includes("--lang") && argv[argv.indexOf("--lang") + 1] === "en" ? "en" : "vi";
  try {
    const [command, ...rest] = argv;
    if (!command || command === "--help" || command === "-h" || command === "help") {
      io[command ? "out" : "err"](usage(lang));
      return command ? 0 : 2;
    }
    // Its own options: --year and --sheet may name each side.
    if (command === "compare") return await compare(rest, io);
    if (command === "formulas") return await formulas(rest, io);
    if (command === "assign") return await assign(rest, io);
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        set: { type: "string" },
        "set-file": { type: "string" },
        region: { type: "string" },
        year: { type: "string" },
        sheet: { type: "string" },
        mapping: { type: "string" },
        "mapping-file": { type: "string" },
        "blank-means": { type: "string" },
        out: { type: "string" },
        target: { type: "string" },
        html: { type: "string" },
        sort: { type: "string" },
        assignments: { type: "string" },
        "report-date": { type: "string" },
        json: { type: "boolean" },
        lang: { type: "string" },
      },
    });
    if (values["set-file"] !== undefined && command !== "evaluate") throw new UsageError(tRollup("setFile.onlyEvaluate", lang));
    const c = common(values);
    lang = c.lang;
    if (command === "catalog") return catalog(c, io);
    if (command !== "evaluate") throw new UsageError(say("unknownCommand", lang, { command }));
    if (positionals.length !== 1) throw new UsageError(say("oneInput", lang));
    const blankMeans = values["blank-means"];
    if (blankMeans !== undefined && blankMeans !== "not-met" && blankMeans !== "missing") throw new UsageError(`--blank-means: not-met | missing`);
    const blank = blankMeans === "not-met" ? "not_met" : blankMeans === "missing" ? "missing" : undefined;
    const sort = values.sort;
    if (sort !== undefined && sort !== "sheet" && sort !== "closest") throw new UsageError(say("badSort", lang, { value: sort }));
    // A page, never over a workbook: --html names an .html file.
    if (values.html !== undefined && !/\.html?$/i.test(values.html.trim())) throw new UsageError(say("badHtml", lang, { value: values.html }));
    return await evaluate(positionals[0]!, values.sheet, values.out, readMappingOption(values, c), blank, c, io, { ...(values.html ? { html: values.html } : {}), ...(sort ? { sort } : {}), ...(values.assignments !== undefined ? { assignments: values.assignments } : {}), reportDate: readReportDate(values["report-date"], lang) });
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`ntm: ${e.message}\n`);
      return 1;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`ntm: ${(e as Error).message}\n${usage(lang)}`);
      return 2;
    }
    io.err(`ntm: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}


// Run as a script (npm run ntm), not when bin/ntm.js or a test imports it.
const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  endQuietlyOnClosedPipe();
  // exitCode, not exit(): a large --json document on a pipe must drain before the process ends.
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
