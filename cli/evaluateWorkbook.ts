// One workbook through the engine: every recognisable sheet evaluated, a highlighted copy written.
import path from "node:path";
import ExcelJS from "exceljs";
import {
  a1,
  builtInSets,
  DEFAULT_SET_ID,
  detectLayout,
  evaluateSheet,
  resolveSet,
  settingsWarnings,
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
  type SetChoice,
  type SheetUnit,
  type TotalMismatch,
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
  /** How a blank reads in a block of tick marks (default: not met). */
  blankCriterion?: "not_met" | "missing";
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
  /** Which set judged the workbook, and why (a chosen one, the workbook's own, or read from the sheet). */
  setChoice: SetChoice;
  units: EvaluatedUnit[];
  /** Sheets that hold no criteria table, with the reason. */
  skipped: Array<{ sheet: string; reason: string }>;
  warnings: string[];
  /** Unreadable cells, as "Sheet!C4: reason". */
  invalidCells: string[];
  /** The office's typed "Tổng số tiêu chí đạt" that disagree with the count (flagged, never rewritten). */
  totalMismatches: Array<TotalMismatch & { sheet: string; cell: string }>;
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
  let workbook: { set: CriteriaSet; base?: string } | undefined;
  const setSheet = wb.getWorksheet(WORKBOOK_SET_SHEET);
  if (setSheet) {
    const parsed = readWorkbookSet(readGrid(setSheet).values, builtInSets());
    if (!parsed.ok) {
      const first = parsed.errors[0]!;
      throw new InputError(`${name}, ${WORKBOOK_SET_SHEET}: ${formatMessage(first.message, options.lang)}${parsed.errors.length > 1 ? (vi ? ` (và ${parsed.errors.length - 1} lỗi khác)` : ` (and ${parsed.errors.length - 1} more)`) : ""}`);
    }
    workbook = parsed.base ? { set: parsed.set, base: parsed.base } : { set: parsed.set };
  }
  // Its thresholds come first (origin "workbook"); the set judged is the one it amends, or itself.
  const workbookSet = workbook?.set;
  const fixed = options.setId || workbook ? resolveSet({ argument: options.setId, workbook }) : undefined;
  if (fixed && !fixed.ok) throw new InputError(`${name}: ${formatMessage(fixed.reason, options.lang)}`);

  const sheets = options.sheet ? [wb.getWorksheet(options.sheet)] : wb.worksheets.filter((ws) => !OWNED_SHEETS.has(ws.name));
  if (options.sheet && !sheets[0]) {
    throw new InputError(vi ? `${name}: không có trang "${options.sheet}"; có: ${wb.worksheets.map((w) => w.name).join(", ")}` : `${name}: no sheet "${options.sheet}"; sheets: ${wb.worksheets.map((w) => w.name).join(", ")}`);
  }
  const defaultSet = getBuiltInSet(DEFAULT_SET_ID)!;
  let choice = fixed?.ok ? fixed.choice : undefined;
  const result: WorkbookEvaluation = { file, set: choice?.set ?? defaultSet, setChoice: choice ?? { set: defaultSet, origin: "default", why: { key: "set.byDefault", params: { set: defaultSet.id } } }, units: [], skipped: [], warnings: [], invalidCells: [], totalMismatches: [], copy: wb };
  const said = new Set<string>();
  const warn = (w: Message) => {
    const text = formatMessage(w, options.lang);
    if (!said.has(text)) result.warnings.push(`${name}: ${text}`);
    said.add(text);
  };
  for (const ws of sheets as ExcelJS.Worksheet[]) {
    const grid = readGrid(ws);
    // Without a chosen set, the sheet says what it lists (villages of a province, advanced communes...).
    let sheetChoice = choice;
    if (!sheetChoice) {
      const probe = detectLayout(grid, defaultSet, { override: options.mapping ?? {} });
      if (!probe.ok) {
        result.skipped.push({ sheet: ws.name, reason: formatMessage(probe.reason, options.lang) });
        continue;
      }
      const level = probe.mapping.layout === "wide" ? probe.mapping.level : "xa";
      const inferred = resolveSet({ hints: { sheet: ws.name, level, title: probe.title } });
      if (!inferred.ok) {
        result.skipped.push({ sheet: ws.name, reason: formatMessage(inferred.reason, options.lang) });
        continue;
      }
      sheetChoice = inferred.choice;
    }
    // One workbook, one set: the first sheet read decides for the others.
    choice ??= sheetChoice;
    result.set = choice.set;
    result.setChoice = choice;
    const set = choice.set;
    const ev = evaluateSheet(grid, { set, region: options.region, year: options.year, workbookSet, lang: options.lang, override: options.mapping, blankCriterion: options.blankCriterion });
    if (!ev.ok) {
      result.skipped.push({ sheet: ws.name, reason: formatMessage(ev.reason, options.lang) });
      continue;
    }
    for (const w of ev.warnings) warn(w);
    for (const w of settingsWarnings(set, options.region, options.year, ev.results)) {
      const fix = w.key === "settings.yearOutsidePeriod" ? `--year ${set.period.to}` : `${options.region ? "" : "--region tdmnpb "}${options.year ? "" : `--year ${set.period.to}`}`.trim();
      warn({ key: w.key, params: { ...w.params, codes: `${w.params?.codes ?? ""}` } });
      said.add(fix);
      if (!said.has(`fix:${fix}`)) result.warnings.push(vi ? `${name}: thêm ${fix} (vùng của xã và năm đánh giá)` : `${name}: add ${fix} (the commune's region and the assessment year)`);
      said.add(`fix:${fix}`);
    }
    for (const m of ev.totalMismatches) {
      const cell = a1(m);
      result.totalMismatches.push({ ...m, sheet: ws.name, cell });
      result.warnings.push(`${name}, ${ws.name}!${formatMessage({ key: "sheet.totalMismatch", params: { cell, unit: m.unit, typed: m.typed, counted: m.counted } }, options.lang)}`);
    }
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
  const set = result.set;
  writeReportSheet(wb, REPORT_SHEET, reportTable(result.units.map((u) => u.result), { set, region: options.region, year: options.year, lang: options.lang, source: name }));
  return result;
}
