// --set-file FILE.xlsx: a criteria set read from the NTM_BoTieuChi sheet of another workbook (a
// province's thresholds, entered once by its Department of Agriculture), judging every workbook of
// the run as if each carried that sheet. A workbook that carries its own NTM_BoTieuChi keeps it:
// it is the commune's explicit choice (cli/evaluateWorkbook.ts says so in its warnings).
import { tRollup } from "../shared/i18n/rollupStrings.js";
import { readFileSync } from "node:fs";
import path from "node:path";
import { formatMessage, workbookSetFromRows, WORKBOOK_SET_SHEET, type CriteriaSet, type Language } from "../shared/index.js";
import { InputError } from "./evaluateWorkbook.js";
import { openXlsx, XlsxError, xlsxErrorMessage, type XlsxPackage } from "./xlsx/open.js";
import { readSheetGrid } from "./xlsx/readSheet.js";

export interface SetFile {
  /** The path as given. */
  file: string;
  /** Its base name, as messages name it. */
  name: string;
  /** The rows of its NTM_BoTieuChi sheet, passed to each workbook in place of a sheet of its own. */
  rows: unknown[][];
  /** The set they make (the built-in set they amend, filled in), checked once before any workbook. */
  set: CriteriaSet;
  /** The built-in set the rows amend ("Kế thừa"), when they do. */
  base?: string;
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * Reads and checks the set once: a file that cannot be read, has no NTM_BoTieuChi or a broken one stops
 * the run (exit 1). `option` tells the reader where the file was named (" (--set-file)").
 */
export function readSetFile(file: string, lang: Language, option = " (--set-file)"): SetFile {
  const name = path.basename(file);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new InputError(tRollup("setFile.cannotOpen", lang, { file, option }));
  }
  let pkg: XlsxPackage;
  let rows: unknown[][];
  try {
    pkg = openXlsx(bytes);
    if (!pkg.sheets.some((s) => s.name === WORKBOOK_SET_SHEET)) throw new InputError(tRollup("setFile.noSheet", lang, { file: name, option }));
    rows = readSheetGrid(pkg, WORKBOOK_SET_SHEET).grid.values as unknown[][];
  } catch (e) {
    if (e instanceof XlsxError) throw new InputError(`${xlsxErrorMessage(e.code, lang, name)}${option}`);
    throw e;
  }
  if (rows.every((r) => (r ?? []).every(blank))) throw new InputError(tRollup("setFile.empty", lang, { file: name, option }));
  const read = workbookSetFromRows(rows);
  if (!read.ok) {
    const details = (read.details ?? []).map((m) => `  ${formatMessage(m, lang)}`);
    const count = Number(read.reason.params?.count ?? details.length);
    throw new InputError([tRollup("setFile.broken", lang, { file: name, count }), ...details].join("\n"));
  }
  // Not blank, so workbookSetFromRows read a set (or said why not, above).
  const workbook = read.workbook!;
  return { file, name, rows, set: workbook.set, ...(workbook.base ? { base: workbook.base } : {}) };
}
