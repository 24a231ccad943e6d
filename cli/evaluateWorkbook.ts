// One workbook through the engine: every recognisable sheet evaluated, a highlighted copy written.
import { tRollup } from "../shared/i18n/rollupStrings.js";
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  a1,
  ASSIGNMENT_SHEET,
  FOLLOW_UP_SHEET,
  DEFAULT_MAX_NOTES,
  evaluateWorkbookSheets,
  formatMessage,
  insertBeforeNotes,
  message,
  REPORT_SHEET,
  reportMatrixColour,
  reportPrint,
  reportPrintTitle,
  reportWithRoad,
  rollupReportRows,
  WORKBOOK_SET_SHEET,
  type CriteriaSet,
  type Language,
  type MappingOverride,
  type Message,
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
import { followUpOf, followUpSheet, followUpSource, readAssignmentSheet, type AssignmentSource } from "./assignmentSheet.js";
import { say } from "../shared/i18n/cliStrings.js";
import { UsageError } from "./usageError.js";
import { writeCopy } from "./xlsx/writeCopy.js";

export interface WorkbookOptions {
  setId?: string;
  region?: RegionId;
  year?: number;
  sheet?: string;
  /** The user's column mapping (0-based column -> indicator/criterion/"ignore"), as the add-ins save it. */
  mapping?: MappingOverride;
  /** How a refused mapping is named: "--mapping" (default) or "--mapping-file FILE". */
  mappingOption?: string;
  /** How a blank reads in a block of tick marks (default: not met). */
  blankCriterion?: "not_met" | "missing";
  /** false: results only (ntm compare), no report sheet and no copy built. Default true. */
  copy?: boolean;
  /** The district's target ("12/2025"), checked in the report's road to certification. */
  target?: RoadTarget;
  /** The report matrix's order: the sheet's (default) or most criteria met first. */
  sort?: ReportSort;
  /**
   * Follow up the assignments on this report date ("YYYY-MM-DD"): those of `source` (--assignments),
   * else the workbook's own NTM_PhanCong when it has one; the copy gets an NTM_TheoDoi sheet.
   */
  followUp?: { reportDate: string; source?: AssignmentSource };
  /** --set-file: NTM_BoTieuChi rows of another workbook, judging this one unless it carries its own. */
  setFile?: { name: string; rows: unknown[][]; set: CriteriaSet };
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
  /** The --set-file whose NTM_BoTieuChi judged the workbook (it carries none of its own). */
  setFile?: string;
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
  /** The workbook's own NTM_PhanCong, read when a follow-up was asked and no other source given. */
  assignments?: AssignmentSource;
}

/** An error that ends the run on one file with a message naming it. */
export class InputError extends Error {
  override name = "InputError";
}


/** The command-line words that would let the named indicators be judged. */
function settingsFix(set: CriteriaSet, key: string, o: WorkbookOptions): string {
  const fix = key === "settings.yearOutsidePeriod" ? `--year ${set.period.to}` : `${o.region ? "" : "--region tdmnpb "}${o.year ? "" : `--year ${set.period.to}`}`.trim();
  return say("settingsFix", o.lang, { fix });
}

export async function evaluateWorkbook(file: string, options: WorkbookOptions): Promise<WorkbookEvaluation> {
  const pkg = openPackage(file, options.lang);
  const name = path.basename(file);

  const all = pkg.sheets.map((s) => s.name);
  // The workbook's own NTM_BoTieuChi is its explicit choice; a --set-file fills in where it has none.
  const ownRows = all.includes(WORKBOOK_SET_SHEET) && options.sheet !== WORKBOOK_SET_SHEET ? (readGrid(pkg, WORKBOOK_SET_SHEET, file, options.lang).grid.values as unknown[][]) : undefined;
  const hasOwn = ownRows !== undefined && ownRows.some((r) => (r ?? []).some((v) => v !== null && v !== undefined && String(v).trim() !== ""));
  const fromFile = !hasOwn && options.setFile !== undefined;
  const setRows = fromFile ? options.setFile!.rows : ownRows;
  // The shared use case over every sheet; this file reads the package and writes the copy.
  const plans: WritePlan[] = [];
  const run = evaluateWorkbookSheets(
    // The assignments sheet is the office's own list, not data (unless --sheet names it).
    all.filter((s) => s !== ASSIGNMENT_SHEET || options.sheet === s),
    (sheet) => {
      const read = readGrid(pkg, sheet, file, options.lang);
      return { grid: read.grid, ...(read.dropped ? { notice: message("workbook.farCells", { sheet, cells: read.dropped.cells, farthest: read.dropped.farthest }) } : {}) };
    },
    {
      ...(setRows ? { setRows } : {}),
      ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
      ...(options.setId ? { setId: options.setId } : {}),
      region: options.region,
      year: options.year,
      override: options.mapping,
      blankCriterion: options.blankCriterion,
      maxNotes: DEFAULT_MAX_NOTES,
      lang: options.lang,
    },
  );
  if (!run.ok) {
    const text = (m: Message) => formatMessage(m, options.lang);
    if (run.cause === "mapping") throw new UsageError(say("badMapping", options.lang, { option: options.mappingOption ?? "--mapping", why: (run.details ?? [run.reason]).map(text).join("; ") }));
    if (run.cause === "workbookSet") {
      const [first, ...more] = run.details ?? [];
      throw new InputError(`${name}, ${WORKBOOK_SET_SHEET}: ${first ? text(first) : text(run.reason)}${more.length ? say("moreErrors", options.lang, { count: more.length }) : ""}`);
    }
    if (run.cause === "noSheet" || run.cause === "set") throw new InputError(`${name}: ${text(run.reason)}`);
    throw new InputError(`${name}: ${run.skipped?.length ? run.skipped.map((s) => `${s.sheet}: ${text(s.reason)}`).join("; ") : text(run.reason)}`);
  }
  const result: WorkbookEvaluation = { file, set: run.choice.set, setChoice: run.choice, units: [], skipped: [], warnings: [], invalidCells: [], totalMismatches: [], copy: new Uint8Array() };
  if (run.workbook) result.workbookSet = run.workbook;
  for (const s of run.skipped) result.skipped.push({ sheet: s.sheet, reason: formatMessage(s.reason, options.lang) });
  if (fromFile) result.setFile = options.setFile!.name;
  // Why this set: the --set-file's, named as such rather than as the workbook's own sheet.
  const fileWhy = (m: Message) => (fromFile && m.key === "set.byWorkbook" ? tRollup("setFile.used", options.lang, { set: run.choice.set.id, file: options.setFile!.name }) : formatMessage(m, options.lang));
  const notes = run.notes.map(fileWhy);
  for (const n of notes) result.warnings.push(`${name}: ${n}`);
  if (hasOwn && options.setFile) result.warnings.push(`${name}: ${tRollup("setFile.ownWins", options.lang, { set: run.workbook?.id ?? WORKBOOK_SET_SHEET, fileSet: options.setFile.set.id, file: options.setFile.name })}`);
  // The command-line words that would judge more: said on the terminal, not in the report.
  const fixes = new Set<string>();
  for (const s of run.sheets) for (const w of s.notices) if (w.key.startsWith("settings.")) fixes.add(settingsFix(run.choice.set, w.key, options));
  for (const f of fixes) result.warnings.push(`${name}: ${f}`);
  for (const s of run.sheets) {
    for (const m of s.totalMismatches) result.totalMismatches.push({ ...m, sheet: s.sheet, cell: a1(m) });
    for (const c of s.invalidCells) result.invalidCells.push(`${name}, ${s.sheet}!${c.cell} (${c.unit}, ${c.code}): ${formatMessage(c.reason, options.lang)}`);
    plans.push(s.plan);
    for (const r of s.results) result.units.push({ file, sheet: s.sheet, result: r });
  }
  const own = options.followUp && !options.followUp.source ? readAssignmentSheet(pkg, file, options.lang) : undefined;
  if (own) result.assignments = own;
  if (options.copy === false) return result;
  const set = result.set;
  const results = result.units.map((u) => u.result);
  // The district report, the road to certification, the district roll-up (several communes), then
  // the notes: the rows every host writes.
  const context = { set, region: options.region, year: options.year, lang: options.lang, source: name, notes, ...(options.sort ? { sort: options.sort } : {}) };
  const report = insertBeforeNotes(reportWithRoad(results, { ...context, target: options.target }), rollupReportRows(results, set, options.lang), notes.length);
  try {
    // Frozen on the matrix's header and name column; printed A4 landscape, one page wide.
    const print = reportPrint(report, options.lang, reportPrintTitle(context));
    result.copy = writeCopy(pkg, { plans, newSheets: [{ name: REPORT_SHEET, rows: report, replace: true, columnWidths: REPORT_WIDTHS, fillOf: reportMatrixColour(report, options.lang), ...(print ? { freeze: print.freeze, print } : {}) }, ...followUpSheets(results, set, own, options, name)] });
  } catch (e) {
    throw e instanceof XlsxError ? new InputError(xlsxErrorMessage(e.code, options.lang, name)) : e;
  }
  return result;
}

/** The copy's NTM_TheoDoi, when a follow-up was asked and there are assignments to follow. */
function followUpSheets(results: UnitResult[], set: CriteriaSet, own: AssignmentSource | undefined, o: WorkbookOptions, name: string) {
  const source = o.followUp?.source ?? own;
  if (!o.followUp || !source) return [];
  return [followUpSheet(FOLLOW_UP_SHEET, followUpOf(results, set, source, o.followUp.reportDate, o.lang), set, followUpSource(name, source, o.lang), o.lang)];
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
