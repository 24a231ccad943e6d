// The report's matrix as a heat map: each status word in the units × criteria block gets its
// colour, the same on every host. The word stays in the cell: colour is never the only signal.
import { statusLabel, t } from "../i18n/format.js";
import type { Language } from "../i18n/strings.js";
import type { Status } from "../engine/types.js";

/** Light tints that keep black text readable (contrast over 4.5:1) and stay apart in grey print by the word. */
export const REPORT_COLOURS: Record<Status, string> = {
  met: "#D9EAD3",
  not_met: "#F4CCCC",
  missing: "#FFF2CC",
  invalid: "#FCE5CD",
  no_threshold: "#E7E6E6",
};

export interface ReportFill {
  row: number;
  col: number;
  color: string;
}

/**
 * The colour of a cell of a report table made by reportTable, or undefined: the status cells of
 * its matrix (the rows under the header that starts with "STT", down to the first empty row, from
 * the "TC 1" column on). Computed once per table; asked per cell, so a province's report needs no
 * list of a million fills.
 */
export function reportMatrixColour(table: ReadonlyArray<ReadonlyArray<unknown>>, lang: Language): (row: number, col: number) => string | undefined {
  const byWord = new Map<unknown, string>();
  for (const s of Object.keys(REPORT_COLOURS) as Status[]) byWord.set(statusLabel(s, lang), REPORT_COLOURS[s]);
  const tc1 = t("report.h.tc", lang, { no: "1" });
  const header = table.findIndex((r) => r[0] === t("report.h.no", lang) && r.includes(tc1));
  if (header < 0) return () => undefined;
  const first = table[header]!.indexOf(tc1);
  let end = header + 1;
  while (end < table.length && table[end]!.some((v) => v !== "" && v !== null && v !== undefined)) end++;
  return (row, col) => (row > header && row < end && col >= first ? byWord.get(table[row]![col]) : undefined);
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
