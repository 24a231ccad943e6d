/// <reference types="google-apps-script" />
// The Google Sheets add-on over a corpus workbook: every sheet loaded into the typed SpreadsheetApp
// fakes, the settings saved through the sidebar's updateSettings, each sheet to check made the active
// one in turn and "Đánh giá trang tính" run on it.
import { vi } from "vitest";
import { clearActiveSheet, evaluateActiveSheet, updateSettings } from "../../../apps-script/src/actions.js";
import type { GasSettings } from "../../../apps-script/src/store.js";
import { a1, REPORT_SHEET, type UnitResult } from "../../../shared/index.js";
import { fakeGas, NO_FILL } from "../../gas/fakes.js";
import type { UnitRow } from "./diff.js";
import type { HostRun } from "./excelHost.js";
import { fillChanges, type BookSheet } from "./reference.js";

export interface SheetsRun extends HostRun {
  /** The sidebar's unit rows (what the user sees). */
  rows: UnitRow[];
}

/**
 * The view the add-on returns has no per-criterion statuses; `engineResults()` gives the
 * evaluateSheet results computed inside the host during the last run (see hosts.test.ts).
 */
export async function runSheets(book: readonly BookSheet[], sheets: readonly string[], settings: GasSettings, engineResults: () => UnitResult[] | undefined, resetEngine: () => void): Promise<SheetsRun[]> {
  // Protection: a workbook opened in Sheets by its owner stays editable (canEdit() is true), so
  // sheet protection from the .xlsx does not block the add-on; the fakes are left unprotected.
  const gas = fakeGas(book.map((s) => s.grid));
  for (const [k, v] of Object.entries(gas.globals())) vi.stubGlobal(k, v);
  const out: SheetsRun[] = [];
  try {
    const saved = updateSettings({ setId: settings.setId, region: settings.region ?? "", year: settings.year ?? "", lang: settings.lang }, gas.props);
    if (!saved.ok) throw new Error(`harness: settings refused: ${saved.message}`);
    for (const name of sheets) {
      const sheet = gas.book.sheets.find((s) => s.name === name);
      if (!sheet) throw new Error(`harness: no sheet ${name} in the fake spreadsheet`);
      gas.book.active = sheet;
      const before = sheet.backgrounds.map((r) => r.map((b) => (b && b !== NO_FILL ? b : null)));
      resetEngine();
      const original = JSON.stringify(sheet.snapshot());
      const r = evaluateActiveSheet(gas.props);
      const after = sheet.backgrounds.map((row) => Array.from(row, (b) => (b && b !== NO_FILL ? b : null)));
      const filled = fillChanges(name, before, after);
      if (!r.ok) out.push({ sheet: name, ok: false, message: r.message, results: [], rows: [], filled });
      else {
        const results = engineResults();
        if (!results) throw new Error(`harness: no engine results captured on ${name}`);
        const reportSheet = gas.book.sheets.find((s) => s.name === REPORT_SHEET);
        const report = reportSheet?.values.map((row) => [...row]);
        const reportFills: Record<string, string> = {};
        reportSheet?.backgrounds.forEach((row, r) => row?.forEach((b, c) => { if (b && b !== NO_FILL) reportFills[a1({ row: r, col: c })] = b.toUpperCase(); }));
        const charts = (reportSheet?.charts ?? []).map((c) => ({ type: c.type.toLowerCase(), source: c.ranges.join(","), title: String(c.options.title ?? ""), at: c.position ? a1({ row: c.position.row - 1, col: c.position.column - 1 }) : "" }));
        // The exact undo: "Xoá đánh dấu" gives back the sheet as it was (values, backgrounds, notes).
        gas.book.active = sheet;
        const cleared = clearActiveSheet(gas.props);
        const restored = cleared.ok && JSON.stringify(sheet.snapshot()) === original;
        out.push({ sheet: name, ok: true, results, rows: r.view.units, filled, restored, ...(report ? { report, reportFills, charts } : {}) });
      }
    }
  } finally {
    vi.unstubAllGlobals();
  }
  return out;
}
