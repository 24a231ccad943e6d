import { CellFunctionError, ntmChange, ntmCount, ntmCriterion, ntmGaps, ntmIndicator, ntmThreshold, type FunctionSettings } from "../../shared/index.js";
import { readWorkbookSetSheet } from "./actions.js";
import { spreadsheetApp } from "./host.js";
import { SETTINGS_KEY, documentProps, parseSettings } from "./store.js";

/**
 * The custom functions' defaults: the document's settings (sidebar) and the NTM_BoTieuChi sheet.
 * Custom functions run without authorization. Reading document properties and reading the
 * bound spreadsheet are allowed there; should either fail (e.g. the script runs as a library or
 * an add-on not yet enabled in this document), the functions fall back to the built-in defaults
 * (set xa-ntm-2021-2025, no region, no year, Vietnamese) rather than fail.
 */
export function functionSettings(): FunctionSettings {
  let saved = parseSettings(null);
  try {
    saved = parseSettings(documentProps().getProperty(SETTINGS_KEY));
  } catch {
    // Properties unavailable to this custom-function call: defaults.
  }
  const settings: FunctionSettings = { lang: saved.lang };
  if (saved.setId) settings.setId = saved.setId;
  if (saved.region) settings.region = saved.region;
  if (saved.year) settings.year = saved.year;
  let wb: ReturnType<typeof readWorkbookSetSheet> = {};
  try {
    wb = readWorkbookSetSheet(spreadsheetApp().getActiveSpreadsheet(), saved.lang);
  } catch {
    // The spreadsheet cannot be read from here: no workbook set.
  }
  // A broken NTM_BoTieuChi sheet is reported, not ignored: its rows are named in the message.
  if (wb.error) throw new Error(wb.error);
  if (wb.set) settings.workbookSet = wb.set;
  if (wb.set && wb.base) settings.workbookBase = wb.base;
  return settings;
}

/** Runs a cell function; argument errors become plain Errors, which Sheets shows as #ERROR! with the text. */
export function call<T>(fn: (settings: FunctionSettings) => T): T {
  try {
    return fn(functionSettings());
  } catch (e) {
    if (e instanceof CellFunctionError) throw new Error(e.message);
    throw e instanceof Error ? e : new Error(String(e));
  }
}

export const NTM_INDICATOR = (code: unknown, values: unknown, target?: unknown, set?: unknown, region?: unknown, year?: unknown) =>
  call((s) => ntmIndicator(code, values, target, set, region, year, s));
export const NTM_CRITERION = (criterion: unknown, values: unknown, headers?: unknown, set?: unknown, region?: unknown, year?: unknown) =>
  call((s) => ntmCriterion(criterion, values, headers, set, region, year, s));
export const NTM_COUNT = (headers: unknown, values: unknown, set?: unknown, region?: unknown, year?: unknown) => call((s) => ntmCount(headers, values, set, region, year, s));
export const NTM_GAPS = (headers: unknown, values: unknown, set?: unknown, region?: unknown, year?: unknown) => call((s) => ntmGaps(headers, values, set, region, year, s));
export const NTM_THRESHOLD = (code: unknown, region?: unknown, year?: unknown, set?: unknown) => call((s) => ntmThreshold(code, region, year, set, s));
export const NTM_CHANGE = (previous: unknown, current: unknown) => call((s) => ntmChange(previous, current, s));
