// Every criteria sheet of a workbook, the command line's use case, on the same decisions as one
// sheet in the add-ins (sheetActions.ts): the add-in's own sheets are not data, NTM_BoTieuChi
// judges first (a broken one stops the run with its rows named), the first sheet read chooses
// the set for the others, and the report's notes say the same things in the same words.
import { resolveSet, type SetChoice } from "./resolveSet.js";
import { message, type Message } from "../i18n/message.js";
import type { UnitResult } from "../engine/types.js";
import type { WritePlan } from "../sheet/plan.js";
import type { SheetGrid } from "../sheet/grid.js";
import { a1 } from "../sheet/grid.js";
import type { TotalMismatch } from "../sheet/typedTotals.js";
import { runSheet, type InvalidCell, type SheetRunOptions } from "./evaluateSheetUseCase.js";
import { OWN_SHEETS, workbookSetFromRows, type ActionFailure } from "./sheetActions.js";

export interface JudgedSheet {
  sheet: string;
  results: UnitResult[];
  plan: WritePlan;
  notices: Message[];
  totalMismatches: TotalMismatch[];
  invalidCells: InvalidCell[];
}

export interface WorkbookRun {
  ok: true;
  choice: SetChoice;
  /** The workbook's own set, when it carries one. */
  workbook?: SetChoice["set"];
  sheets: JudgedSheet[];
  /** Sheets with no criteria table, and why. */
  skipped: Array<{ sheet: string; reason: Message }>;
  /** What the report's notes say, each once: why this set, the notices, the typed totals that disagree. */
  notes: Message[];
}

export type WorkbookRunFailure = ActionFailure & { cause: "workbookSet" | "set" | "mapping" | "noSheet" | "nothingJudged"; skipped?: Array<{ sheet: string; reason: Message }> };

export interface WorkbookRunOptions extends Omit<SheetRunOptions, "chosen" | "previous" | "workbook" | "settingSetId"> {
  /** The rows of NTM_BoTieuChi, when the workbook has that sheet. */
  setRows?: unknown[][];
  /** Only this sheet (an own sheet too, when named). */
  sheet?: string;
}

/** The sheets to judge, in the workbook's order. */
export function sheetsToJudge(names: readonly string[], only?: string): string[] {
  return only !== undefined ? names.filter((n) => n === only) : names.filter((n) => !OWN_SHEETS.includes(n));
}

/**
 * Judges each sheet as it comes (`read` is called once per sheet, so a caller reading a large
 * workbook keeps one grid at a time); `readerNotice` adds what the reader had to say of a sheet.
 */
export function evaluateWorkbookSheets(names: readonly string[], read: (sheet: string) => { grid: SheetGrid; notice?: Message }, o: WorkbookRunOptions): WorkbookRun | WorkbookRunFailure {
  const wb = workbookSetFromRows(o.setRows);
  if (!wb.ok) return { ...wb, cause: "workbookSet" };
  // A set named that neither the catalog nor the workbook has: said once, not once per sheet.
  if (o.setId) {
    const named = resolveSet({ argument: o.setId, ...(wb.workbook ? { workbook: wb.workbook } : {}) });
    if (!named.ok) return { ok: false, reason: named.reason, cause: "set" };
  }
  const judged = sheetsToJudge(names, o.sheet);
  if (o.sheet !== undefined && judged.length === 0) return { ok: false, reason: message("workbook.noSheet", { sheet: o.sheet, sheets: names.join(", ") }), cause: "noSheet" };
  const { setRows: _rows, sheet: _only, ...options } = o;
  const sheets: JudgedSheet[] = [];
  const skipped: WorkbookRun["skipped"] = [];
  const notes = new Map<string, Message>();
  const say = (m: Message) => notes.set(JSON.stringify(m), m);
  let chosen: SetChoice | undefined;
  for (const sheet of judged) {
    const { grid, notice } = read(sheet);
    if (notice) say(notice);
    const run = runSheet(grid, { ...options, ...(wb.workbook ? { workbook: wb.workbook } : {}), ...(chosen ? { chosen } : {}) });
    if (!run.ok) {
      // The user's mapping, not the sheet, is wrong: it stops the whole run.
      if (run.mapping) return { ok: false, reason: run.reason, details: run.mapping, cause: "mapping" };
      skipped.push({ sheet, reason: run.reason });
      continue;
    }
    if (!chosen) {
      chosen = run.choice;
      if (run.choice.origin === "inferred" || run.choice.origin === "workbook") say(run.choice.why);
    }
    for (const n of run.notices) say(n);
    sheets.push({ sheet, results: run.results, plan: run.plan, notices: run.notices, totalMismatches: run.totalMismatches, invalidCells: run.invalidCells });
  }
  if (!chosen) return { ok: false, reason: skipped.length ? skipped[0]!.reason : message("workbook.nothingJudged"), cause: "nothingJudged", skipped };
  // Typed totals that disagree, named by sheet when there are several.
  for (const s of sheets) {
    for (const m of s.totalMismatches) {
      const cell = sheets.length > 1 ? `${s.sheet}!${a1(m)}` : a1(m);
      say(message("sheet.totalMismatch", { cell, unit: m.unit, typed: m.typed, counted: m.counted }));
    }
  }
  return { ok: true, choice: chosen, ...(wb.workbook ? { workbook: wb.workbook.set } : {}), sheets, skipped, notes: [...notes.values()] };
}
