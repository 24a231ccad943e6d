// One workbook through the engine: every recognisable sheet evaluated, a highlighted copy written.
import path from "node:path";
import ExcelJS from "exceljs";
import {
  a1,
  builtInSets,
  evaluateSheet,
  formatMessage,
  getBuiltInSet,
  readWorkbookSet,
  REPORT_SHEET,
  reportTable,
  WORKBOOK_SET_SHEET,
  type CriteriaSet,
  type Language,
  type MappingOverride,
  type Message,
  type RegionId,
  type SheetUnit,
  type UnitResult,
} from "../shared/index.js";
import { applyPlan, readGrid, writeReportSheet } from "./xlsxGrid.js";

export interface WorkbookOptions {
  setId?: string;
  region?: RegionId;
  year?: number;
  sheet?: string;
  /** The user's column mapping (0-based column -> indicator/criterion/"ignore"), as the add-ins save it. */
  mapping?: MappingOverride;
  lang: Language;
}

export interface EvaluatedUnit {
  file: string;
  sheet: string;
  result: UnitResult;
  unit: SheetUnit;
}

export interface WorkbookEvaluation {
  file: string;
  set: CriteriaSet;
  units: EvaluatedUnit[];
  /** Sheets that hold no criteria table, with the reason. */
  skipped: Array<{ sheet: string; reason: string }>;
  warnings: string[];
  /** Unreadable cells, as "Sheet!C4: reason". */
  invalidCells: string[];
  /** The workbook with highlights and the report sheet, ready to write. */
  copy: ExcelJS.Workbook;
}

/** An error that ends the run on one file with a message naming it. */
export class InputError extends Error {
  override name = "InputError";
}

const OWNED_SHEETS = new Set([REPORT_SHEET, WORKBOOK_SET_SHEET]);

export async function evaluateWorkbook(file: string, options: WorkbookOptions): Promise<WorkbookEvaluation> {
  const vi = options.lang === "vi";
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new InputError(vi ? `${file}: không đọc được tệp .xlsx (${(e as Error).message})` : `${file}: cannot read the .xlsx file (${(e as Error).message})`);
  }
  const name = path.basename(file);

  // A set the workbook carries on NTM_BoTieuChi: an amendment of a built-in set, or a set of its own.
  let set: CriteriaSet | undefined = options.setId ? getBuiltInSet(options.setId) : undefined;
  let workbookSet: CriteriaSet | undefined;
  const setSheet = wb.getWorksheet(WORKBOOK_SET_SHEET);
  if (setSheet) {
    const parsed = readWorkbookSet(readGrid(setSheet).values, builtInSets());
    if (!parsed.ok) {
      const first = parsed.errors[0]!;
      throw new InputError(`${name}, ${WORKBOOK_SET_SHEET}: ${formatMessage(first.message, options.lang)}${parsed.errors.length > 1 ? (vi ? ` (và ${parsed.errors.length - 1} lỗi khác)` : ` (and ${parsed.errors.length - 1} more)`) : ""}`);
    }
    // Its thresholds come first (origin "workbook"); the set judged is the one it amends, or itself.
    set ??= getBuiltInSet(parsed.base ?? parsed.set.id) ?? parsed.set;
    workbookSet = parsed.set;
  }
  set ??= getBuiltInSet("xa-ntm-2021-2025")!;

  const sheets = options.sheet ? [wb.getWorksheet(options.sheet)] : wb.worksheets.filter((ws) => !OWNED_SHEETS.has(ws.name));
  if (options.sheet && !sheets[0]) {
    throw new InputError(vi ? `${name}: không có trang "${options.sheet}"; có: ${wb.worksheets.map((w) => w.name).join(", ")}` : `${name}: no sheet "${options.sheet}"; sheets: ${wb.worksheets.map((w) => w.name).join(", ")}`);
  }
  const result: WorkbookEvaluation = { file, set, units: [], skipped: [], warnings: [], invalidCells: [], copy: wb };
  for (const ws of sheets as ExcelJS.Worksheet[]) {
    const grid = readGrid(ws);
    const ev = evaluateSheet(grid, { set, region: options.region, year: options.year, workbookSet, lang: options.lang, override: options.mapping });
    if (!ev.ok) {
      result.skipped.push({ sheet: ws.name, reason: formatMessage(ev.reason, options.lang) });
      continue;
    }
    result.warnings.push(...ev.warnings.map((w: Message) => `${name}, ${ws.name}: ${formatMessage(w, options.lang)}`));
    applyPlan(ws, ev.plan);
    ev.results.forEach((r, i) => {
      const unit = ev.units[i]!;
      result.units.push({ file, sheet: ws.name, result: r, unit });
      for (const c of r.criteria) {
        for (const ind of c.indicators) {
          const cell = unit.valueCells[ind.code];
          if (ind.status === "invalid" && cell && ind.reason) result.invalidCells.push(`${name}, ${ws.name}!${a1(cell)} (${r.name}, ${ind.code}): ${formatMessage(ind.reason, options.lang)}`);
        }
      }
    });
  }
  if (result.units.length === 0) {
    const why = result.skipped.map((s) => `${s.sheet}: ${s.reason}`).join("; ");
    throw new InputError(`${name}: ${why || (vi ? "không có trang nào" : "no sheet")}`);
  }
  writeReportSheet(wb, REPORT_SHEET, reportTable(result.units.map((u) => u.result), { set, region: options.region, year: options.year, lang: options.lang, source: name }));
  return result;
}
