// One workbook through the engine: every recognisable sheet evaluated, a highlighted copy written.
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  a1,
  builtInSets,
  DEFAULT_MAX_NOTES,
  DEFAULT_SET_ID,
  formatMessage,
  message,
  resolveSet,
  runSheet,
  getBuiltInSet,
  readWorkbookSet,
  REPORT_SHEET,
  reportMatrixColour,
  reportPrint,
  reportPrintTitle,
  reportWithRoad,
  WORKBOOK_SET_SHEET,
  type CriteriaSet,
  type Language,
  type MappingOverride,
  type RegionId,
  type ReportSort,
  type RoadTarget,
  type SetChoice,
  type TotalMismatch,
  type UnitResult,
  type WritePlan,
} from "../shared/index.js";
import { openXlsx, XlsxError, xlsxErrorMessage, type XlsxPackage } from "./xlsx/open.js";
import { readSheetGrid } from "./xlsx/readSheet.js";
import { say } from "./strings.js";
import { UsageError } from "./usageError.js";
import { writeCopy } from "./xlsx/writeCopy.js";

export interface WorkbookOptions {
  setId?: string;
  region?: RegionId;
  year?: number;
  sheet?: string;
  /** The user's column mapping (0-based column -> indicator/criterion/"ignore"), as the add-ins save it. */
  mapping?: MappingOverride;
  /** How a blank reads in a block of tick marks (default: not met). */
  blankCriterion?: "not_met" | "missing";
  /** false: results only (ntm compare), no report sheet and no copy built. Default true. */
  copy?: boolean;
  /** The district's target ("12/2025"), checked in the report's road to certification. */
  target?: RoadTarget;
  /** The report matrix's order: the sheet's (default) or most criteria met first. */
  sort?: ReportSort;
  lang: Language;
}

export interface EvaluatedUnit {
  file: string;
  sheet: string;
  result: UnitResult;
}

export interface WorkbookEvaluation {
  file: string;
  set: CriteriaSet;
  /** Which set judged the workbook, and why (a chosen one, the workbook's own, or read from the sheet). */
  setChoice: SetChoice;
  /** The set the workbook carries on NTM_BoTieuChi, when it does: its thresholds come before the set's. */
  workbookSet?: CriteriaSet;
  units: EvaluatedUnit[];
  /** Sheets that hold no criteria table, with the reason. */
  skipped: Array<{ sheet: string; reason: string }>;
  warnings: string[];
  /** Unreadable cells, as "Sheet!C4: reason". */
  invalidCells: string[];
  /** The office's typed "Tổng số tiêu chí đạt" that disagree with the count (flagged, never rewritten). */
  totalMismatches: Array<TotalMismatch & { sheet: string; cell: string }>;
  /** The highlighted copy: the original package patched where the plans say, every other part as it was (empty with `copy: false`). */
  copy: Uint8Array;
}

/** An error that ends the run on one file with a message naming it. */
export class InputError extends Error {
  override name = "InputError";
}

const OWNED_SHEETS = new Set([REPORT_SHEET, WORKBOOK_SET_SHEET]);

/** The command-line words that would let the named indicators be judged. */
function settingsFix(set: CriteriaSet, key: string, o: WorkbookOptions): string {
  const fix = key === "settings.yearOutsidePeriod" ? `--year ${set.period.to}` : `${o.region ? "" : "--region tdmnpb "}${o.year ? "" : `--year ${set.period.to}`}`.trim();
  return say("settingsFix", o.lang, { fix });
}

export async function evaluateWorkbook(file: string, options: WorkbookOptions): Promise<WorkbookEvaluation> {
  const pkg = openPackage(file, options.lang);
  const name = path.basename(file);

  // A set the workbook carries on NTM_BoTieuChi: an amendment of a built-in set, or a set of its own.
  let workbook: { set: CriteriaSet; base?: string } | undefined;
  const setSheet = pkg.sheets.find((s) => s.name === WORKBOOK_SET_SHEET);
  if (setSheet) {
    const parsed = readWorkbookSet(readGrid(pkg, setSheet.name, file, options.lang).grid.values, builtInSets());
    if (!parsed.ok) {
      const first = parsed.errors[0]!;
      throw new InputError(`${name}, ${WORKBOOK_SET_SHEET}: ${formatMessage(first.message, options.lang)}${parsed.errors.length > 1 ? say("moreErrors", options.lang, { count: parsed.errors.length - 1 }) : ""}`);
    }
    workbook = parsed.base ? { set: parsed.set, base: parsed.base } : { set: parsed.set };
  }
  const all = pkg.sheets.map((s) => s.name);
  const sheets = options.sheet ? all.filter((n) => n === options.sheet) : all.filter((n) => !OWNED_SHEETS.has(n));
  if (options.sheet && !sheets[0]) {
    throw new InputError(say("noSheet", options.lang, { file: name, sheet: options.sheet ?? "", sheets: all.join(", ") }));
  }
  if (options.setId) {
    const r = resolveSet({ argument: options.setId, workbook });
    if (!r.ok) throw new InputError(`${name}: ${formatMessage(r.reason, options.lang)}`);
  }
  const defaultSet = getBuiltInSet(DEFAULT_SET_ID)!;
  const result: WorkbookEvaluation = { file, set: defaultSet, setChoice: { set: defaultSet, origin: "default", why: message("set.byDefault", { set: defaultSet.id }) }, units: [], skipped: [], warnings: [], invalidCells: [], totalMismatches: [], copy: new Uint8Array() };
  const plans: WritePlan[] = [];
  const said = new Set<string>();
  const notes: string[] = [];
  const note = (text: string) => {
    if (!said.has(text)) {
      result.warnings.push(`${name}: ${text}`);
      notes.push(text);
    }
    said.add(text);
  };
  // One workbook, one set: the first sheet read decides for the others.
  let chosen: SetChoice | undefined;
  for (const sheetName of sheets) {
    const ws = { name: sheetName };
    const read = readGrid(pkg, sheetName, file, options.lang);
    if (read.dropped) note(say("farCells", options.lang, { sheet: sheetName, cells: read.dropped.cells, farthest: read.dropped.farthest }));
    const run = runSheet(read.grid, { setId: options.setId, workbook, chosen, region: options.region, year: options.year, override: options.mapping, blankCriterion: options.blankCriterion, maxNotes: DEFAULT_MAX_NOTES, lang: options.lang });
    if (!run.ok) {
      // The user's --mapping, not the sheet, is wrong: a usage error for the whole run.
      if (run.mapping) throw new UsageError(say("badMapping", options.lang, { why: run.mapping.map((m) => formatMessage(m, options.lang)).join("; ") }));
      result.skipped.push({ sheet: ws.name, reason: formatMessage(run.reason, options.lang) });
      continue;
    }
    chosen ??= run.choice;
    result.set = run.choice.set;
    result.setChoice = run.choice;
    for (const w of run.notices) {
      note(formatMessage(w, options.lang));
      if (w.key.startsWith("settings.")) note(settingsFix(run.choice.set, w.key, options));
    }
    for (const m of run.totalMismatches) {
      const cell = a1(m);
      result.totalMismatches.push({ ...m, sheet: ws.name, cell });
      const text = `${ws.name}!${formatMessage(message("sheet.totalMismatch", { cell, unit: m.unit, typed: m.typed, counted: m.counted }), options.lang)}`;
      result.warnings.push(`${name}, ${text}`);
      notes.push(text);
    }
    for (const c of run.invalidCells) result.invalidCells.push(`${name}, ${ws.name}!${c.cell} (${c.unit}, ${c.code}): ${formatMessage(c.reason, options.lang)}`);
    plans.push(run.plan);
    // The results only: the cells each value came from are not kept once the plan is made.
    for (const r of run.results) result.units.push({ file, sheet: ws.name, result: r });
  }
  if (workbook) result.workbookSet = workbook.set;
  if (result.units.length === 0) {
    const why = result.skipped.map((s) => `${s.sheet}: ${s.reason}`).join("; ");
    throw new InputError(`${name}: ${why || say("noSheets", options.lang)}`);
  }
  if (options.copy === false) return result;
  const set = result.set;
  const results = result.units.map((u) => u.result);
  // The district report, the road to certification, then the notes: the rows every host writes.
  const context = { set, region: options.region, year: options.year, lang: options.lang, source: name, notes, ...(options.sort ? { sort: options.sort } : {}) };
  const report = reportWithRoad(results, { ...context, target: options.target });
  try {
    // Frozen on the matrix's header and name column; printed A4 landscape, one page wide.
    const print = reportPrint(report, options.lang, reportPrintTitle(context));
    result.copy = writeCopy(pkg, { plans, newSheets: [{ name: REPORT_SHEET, rows: report, replace: true, columnWidths: REPORT_WIDTHS, fillOf: reportMatrixColour(report, options.lang), ...(print ? { freeze: print.freeze, print } : {}) }] });
  } catch (e) {
    throw e instanceof XlsxError ? new InputError(xlsxErrorMessage(e.code, options.lang, name)) : e;
  }
  return result;
}

/** Widths of the report sheet's columns, in characters: counts first, then names. */
export const REPORT_WIDTHS = [16, 22, 22, 22, 22, 22];

/** The package, or a message in the user's language saying what the file is and what to do. */
function openPackage(file: string, lang: Language): XlsxPackage {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new InputError(say("cannotOpen", lang, { file }));
  }
  try {
    return openXlsx(bytes);
  } catch (e) {
    if (e instanceof XlsxError) throw new InputError(xlsxErrorMessage(e.code, lang, path.basename(file)));
    throw e;
  }
}

function readGrid(pkg: XlsxPackage, sheet: string, file: string, lang: Language) {
  try {
    return readSheetGrid(pkg, sheet);
  } catch (e) {
    if (e instanceof XlsxError) throw new InputError(`${xlsxErrorMessage(e.code, lang, path.basename(file))} (${sheet})`);
    throw e;
  }
}
