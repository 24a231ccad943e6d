// The report's matrix as a heat map: each status word in the units × criteria block gets its
// colour, the same on every host, and so does the legend above it. The word stays in the cell:
// colour is never the only signal.
import { statusLabel } from "../i18n/format.js";
import type { Language } from "../i18n/strings.js";
import type { Status } from "../engine/types.js";
import { reportLayout } from "./reportLayout.js";

/**
 * Tints a step apart in lightness (CIELAB L* about 93, 85, 75, 66, 56), so the five statuses stay
 * apart in grey print and for red-green colour blindness (met is the lightest, not met the darkest),
 * each with black text at a contrast of 5.7:1 or more (tests/htmlChromium.test.ts measures it).
 */
export const REPORT_COLOURS: Record<Status, string> = {
  met: "#D8F3CD",
  missing: "#F2D263",
  no_threshold: "#B2BABF",
  invalid: "#DA8F55",
  not_met: "#D26561",
};

/** The text colour on every status colour. */
export const REPORT_TEXT_COLOUR = "#000000";

export interface ReportFill {
  row: number;
  col: number;
  color: string;
}

/** WCAG relative luminance of "#RRGGBB". */
export function relativeLuminance(hex: string): number {
  const h = hex.replace("#", "");
  const [r, g, b] = [0, 2, 4].map((i) => {
    const v = parseInt(h.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two "#RRGGBB" colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/**
 * The colour of a cell of a report table made by reportTable, or undefined: the status cells of
 * its matrix (the unit rows, from the first criterion column on) and the legend's words. Computed
 * once per table; asked per cell, so a province's report needs no list of a million fills.
 */
export function reportMatrixColour(table: ReadonlyArray<ReadonlyArray<unknown>>, lang: Language): (row: number, col: number) => string | undefined {
  const byWord = new Map<unknown, string>();
  for (const s of Object.keys(REPORT_COLOURS) as Status[]) byWord.set(statusLabel(s, lang), REPORT_COLOURS[s]);
  const layout = reportLayout(table, lang);
  if (!layout) return () => undefined;
  const { legendRow, firstUnitRow, lastUnitRow, firstStatusCol } = layout;
  return (row, col) => {
    if (row >= firstUnitRow && row <= lastUnitRow && col >= firstStatusCol) return byWord.get(table[row]![col]);
    if (row === legendRow && col > 0) return byWord.get(table[row]![col]);
    return undefined;
  };
}

/** The same as a list, for hosts that write fills by address. */
export function reportMatrixFills(table: ReadonlyArray<ReadonlyArray<unknown>>, lang: Language): ReportFill[] {
  const colour = reportMatrixColour(table, lang);
  const fills: ReportFill[] = [];
  table.forEach((cells, row) =>
    cells.forEach((_, col) => {
      const color = colour(row, col);
      if (color) fills.push({ row, col, color });
    }),
  );
  return fills;
}
