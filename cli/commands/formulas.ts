// ntm formulas FILE --to excel|sheets [--out FILE]: a copy of the workbook whose formulas call the
// cell functions by the other host's names (NTM.CRITERION in Excel, NTM_CRITERION in Google
// Sheets), and the list of what changed. The input is never modified.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { hostFunctionNames, t, type FormulaHost, type Language } from "../../shared/index.js";
import { UsageError } from "../args.js";
import { InputError } from "../evaluateWorkbook.js";
import type { CliIo } from "../io.js";
import { say } from "../../shared/i18n/cliStrings.js";
import { rewritePackageFormulas, scanFunctionNames, type FormulaChange } from "../xlsx/formulaRewrite.js";
import { openXlsx, XlsxError, xlsxErrorMessage, type XlsxPackage } from "../xlsx/open.js";
import { writeOutput } from "./evaluate.js";

/** Changes listed on a terminal; --json lists them all. */
const LISTED = 200;

function open(file: string, lang: Language): XlsxPackage {
  if (!existsSync(file)) throw new InputError(say("noInput", lang, { input: file }));
  try {
    return openXlsx(readFileSync(file));
  } catch (e) {
    if (e instanceof XlsxError) throw new InputError(xlsxErrorMessage(e.code, lang, path.basename(file)));
    throw new InputError(say("cannotOpen", lang, { file }));
  }
}

function outputPath(file: string, to: FormulaHost, out: string | undefined): string {
  if (out) return out;
  const ext = /\.xlsm$/i.test(file) ? ".xlsm" : ".xlsx";
  return path.join(path.dirname(file), `${path.basename(file).replace(/\.[^.]*$/, "")}.${to}${ext}`);
}

/** A formula on one line, "=" in front, as the file holds it. */
const shown = (f: string) => {
  const one = `=${f}`.replace(/\s+/g, " ");
  return one.length > 120 ? `${one.slice(0, 117)}…` : one;
};

export async function formulas(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { to: { type: "string" }, out: { type: "string" }, json: { type: "boolean" }, lang: { type: "string" } },
  });
  if (values.lang !== undefined && values.lang !== "vi" && values.lang !== "en") throw new UsageError("--lang: vi | en");
  const lang: Language = values.lang === "en" ? "en" : "vi";
  const to = values.to;
  if (to !== "excel" && to !== "sheets") throw new UsageError(say("formulasTo", lang, { value: to ?? "" }));
  if (positionals.length !== 1) throw new UsageError(say("formulasOneInput", lang));
  const file = positionals[0]!;
  const pkg = open(file, lang);
  let result: ReturnType<typeof rewritePackageFormulas>;
  try {
    result = rewritePackageFormulas(pkg, to);
  } catch (e) {
    throw new InputError(e instanceof XlsxError ? xlsxErrorMessage(e.code, lang, path.basename(file)) : `${path.basename(file)}: ${(e as Error).message}`);
  }
  const host = t(`formulas.host.${to}`, lang);
  const calls = result.changes.reduce((n, c) => n + c.calls, 0);
  const summary = result.changes.length
    ? [t("formulas.rewritten", lang, { cells: result.changes.length, calls, host }), ...(result.spillCells.length ? [t("formulas.spillMerged", lang, { count: result.spillCells.length })] : [])]
    : [t("formulas.nothing", lang, { host })];
  let output: string | undefined;
  if (result.copy) {
    output = outputPath(file, to, values.out);
    mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
    writeOutput(output, result.copy, [file], lang);
  }
  if (values.json) {
    io.out(`${JSON.stringify({ file, output: output ?? null, to, cells: result.changes.length, calls, changes: result.changes, spillCells: result.spillCells, summary }, null, 1)}\n`);
    return 0;
  }
  let text = `\n== ${path.basename(file)}${output ? ` → ${output}` : ""} (${host}: ${hostFunctionNames(to).slice(0, 2).join(", ")}…)\n`;
  if (to === "excel" && result.changes.length) text += `  (${say("formulasXldudf", lang)})\n`;
  for (const c of result.changes.slice(0, LISTED)) text += `  ${line(c)}\n`;
  if (result.changes.length > LISTED) text += `  … ${result.changes.length - LISTED}\n`;
  for (const s of summary) text += `${s}\n`;
  io.out(text);
  return 0;
}

function line(c: FormulaChange): string {
  return `${c.sheet}!${c.cell}: ${shown(c.before)} → ${shown(c.after)}`;
}

/**
 * `ntm evaluate`'s warning: formulas calling the functions by Google Sheets' names (NTM_CRITERION)
 * in this Excel file, unless the workbook defines them as names; or calling them by both hosts'
 * names at once. A workbook using Excel's names only is an ordinary Excel workbook: no warning.
 */
export function formulaNamesWarning(file: string, lang: Language): string | undefined {
  let scan: ReturnType<typeof scanFunctionNames>;
  try {
    scan = scanFunctionNames(openXlsx(readFileSync(file)));
  } catch {
    // The evaluation read this file already; a scan that fails adds nothing to say.
    return undefined;
  }
  const defined = new Set(scan.definedNames.map((n) => n.toUpperCase()));
  const allDefined = hostFunctionNames("sheets").every((n) => defined.has(n));
  if (scan.sheets.length === 0 || allDefined) return undefined;
  const where = (cells: string[]) => cells.slice(0, 5).join(", ") + (cells.length > 5 ? ", …" : "");
  const parts = [t("formulas.sheetsNames", lang, { count: scan.sheets.length, example: "NTM_CRITERION", where: where(scan.sheets) })];
  if (scan.excel.length) parts.push(t("formulas.excelNames", lang, { count: scan.excel.length, example: "NTM.CRITERION", where: where(scan.excel) }));
  return `${parts.join("; ")}. ${t("formulas.inExcel", lang)} ${say("formulasFix", lang, { file: path.basename(file) })}`;
}
