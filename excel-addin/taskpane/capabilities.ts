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
}

export function detectCapabilities(): Capabilities {
  try {
    return { notes: typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported("ExcelApi", "1.18") };
  } catch {
    return { notes: false };
  }
}
