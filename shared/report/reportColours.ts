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
 * The fills of a report table made by reportTable: the status cells of its matrix (the rows under
 * the header that starts with "STT", down to the first empty row, from the first "TC 1" column).
 */
export function reportMatrixFills(table: ReadonlyArray<ReadonlyArray<unknown>>, lang: Language): ReportFill[] {
  const byWord = new Map<string, string>();
  for (const s of Object.keys(REPORT_COLOURS) as Status[]) byWord.set(statusLabel(s, lang), REPORT_COLOURS[s]);
  const header = table.findIndex((r) => r[0] === t("report.h.no", lang) && r.some((v) => v === t("report.h.tc", lang, { no: "1" })));
  if (header < 0) return [];
  const first = table[header]!.findIndex((v) => v === t("report.h.tc", lang, { no: "1" }));
  const fills: ReportFill[] = [];
  for (let r = header + 1; r < table.length; r++) {
    const row = table[r]!;
    if (row.length === 0 || row.every((v) => v === "" || v === null || v === undefined)) break;
    for (let c = first; c < row.length; c++) {
      const color = typeof row[c] === "string" ? byWord.get(row[c] as string) : undefined;
      if (color) fills.push({ row: r, col: c, color });
    }
  }
  return fills;
}
