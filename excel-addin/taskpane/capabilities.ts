// What the Excel client can do, asked once, and the notes cap shared with the other hosts.
import { DEFAULT_MAX_NOTES } from "../../shared/index.js";

/**
 * Notes written per evaluation. A note costs one command per cell (no bulk API), so a sheet
 * with tens of thousands of unmet cells gets fills everywhere and notes on the first ones;
 * the [NTM] columns and the results list still carry every gap.
 */
export const MAX_NOTES = DEFAULT_MAX_NOTES;

export interface Capabilities {
  /** Worksheet notes (ExcelApi 1.18). Without them the gap stays in the results list only. */
  notes: boolean;
  /** The report's print setup: page layout (ExcelApi 1.9) and frozen panes (1.7). Without it the sheet prints as Excel's defaults. */
  pageLayout?: boolean;
}

export function detectCapabilities(): Capabilities {
  try {
    const has = (v: string) => typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported("ExcelApi", v);
    return { notes: has("1.18"), pageLayout: has("1.9") };
  } catch {
    return { notes: false, pageLayout: false };
  }
}
