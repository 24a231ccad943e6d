// The files of a run: which inputs a folder holds, where each copy goes, and how a copy is
// written so that an interrupted run leaves no half-written file and never replaces an input.
import { existsSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Language } from "../shared/index.js";
import { say } from "../shared/i18n/cliStrings.js";
import { InputError } from "./evaluateWorkbook.js";
import { UsageError } from "./usageError.js";

/**
 * Writes a copy under a temporary name in the same folder, then renames it: an interrupted run
 * leaves no half-written file under the final name. An output that is an input is refused.
 */
export function writeOutput(output: string, bytes: Uint8Array, inputs: readonly string[], lang: Language): void {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : path.resolve(p));
  const target = real(output);
  if (inputs.some((f) => real(f) === target)) {
    throw new UsageError(say("outIsInput", lang, { out: output }));
  }
  const tmp = path.join(path.dirname(output), `.${path.basename(output)}.ntm-tmp-${process.pid}`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, output);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * The document a unit a line, each unit turned into JSON only as it is written, and waiting for
 * a slow reader (a pipe): no string or list of hundreds of megabytes for a province's villages.
 */
const OWN_OUTPUT = /\.ntm\.xls[xm]$|^NTM_BaoCao.*\.xlsx$|^~\$|\.ntm-tmp-/i;
const WORKBOOK = /\.xls[xm]$/i;

const OTHER_SPREADSHEET = /\.(xls|xlsb|ods|csv)$/i;

function otherSpreadsheetAdvice(file: string, lang: Language): string {
  const ext = path.extname(file).toLowerCase();
  return ext === ".xls" ? say("xls", lang) : say("otherSpreadsheet", lang, { ext });
}

export function listInputs(input: string, lang: Language): { files: string[]; folder: boolean; skipped: Array<{ file: string; error: string }> } {
  if (!existsSync(input)) throw new InputError(say("noInput", lang, { input }));
  if (statSync(input).isDirectory()) {
    const names = readdirSync(input)
      .filter((f) => !OWN_OUTPUT.test(f))
      .sort((a, b) => a.localeCompare(b, "vi"));
    const files = names.filter((f) => WORKBOOK.test(f)).map((f) => path.join(input, f));
    // Other spreadsheets in the folder are listed, never passed over in silence.
    const skipped = names.filter((f) => OTHER_SPREADSHEET.test(f)).map((f) => ({ file: path.join(input, f), error: `${path.join(input, f)}: ${otherSpreadsheetAdvice(f, lang)}` }));
    if (files.length === 0) throw new InputError(say("noWorkbooks", lang, { input, others: skipped.length ? say("resaveThese", lang, { files: skipped.map((x) => path.basename(x.file)).join(", ") }) : "" }));
    return { files, folder: true, skipped };
  }
  // One file: its content, not its name, says what it is (an .xls renamed .xlsx, an encrypted workbook...).
  return { files: [input], folder: false, skipped: [] };
}

export function copyPath(file: string, out: string | undefined, folder: boolean): string {
  // An .xlsm stays an .xlsm: its macros are carried into the copy.
  const ext = /\.xlsm$/i.test(file) ? ".xlsm" : ".xlsx";
  const base = path.basename(file).replace(/\.[^.]*$/, "") + ".ntm" + ext;
  if (!out) return path.join(path.dirname(file), base);
  if (folder || out.endsWith(path.sep) || (existsSync(out) && statSync(out).isDirectory())) return path.join(out, base);
  return out;
}

