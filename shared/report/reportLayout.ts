// Where things are on a report table made by reportTable (the legend, the matrix's header, its
// unit rows, its totals), found from the table itself in either language, and what follows for
// every host: which rows and columns to freeze, which rows to repeat on each printed page, and
// the printed page's header (title) and footer (page numbers).
import { t } from "../i18n/format.js";
import type { Language } from "../i18n/strings.js";

export interface ReportLayout {
  /** The legend row ("Chú giải" | Đạt | Chưa đạt | ...), if the table has one. */
  legendRow?: number;
  /** The matrix's header row ("STT" | ... | "TC 1" ...). */
  headerRow: number;
  /** The units' name column (the last column to freeze). */
  nameCol: number;
  /** The first criterion column (status words from here on). */
  firstStatusCol: number;
  /** The first and last unit rows (last < first when there is no unit). */
  firstUnitRow: number;
  lastUnitRow: number;
  /** The "Số đơn vị chưa đạt" row, if the table has one. */
  totalsRow?: number;
}

/** How the report sheet is viewed and printed: the same on every host that can set it. */
export interface ReportPrint {
  /** Rows above and columns left of the frozen pane (the title down to the matrix's header; STT to the name). */
  freeze: { rows: number; cols: number };
  /** 0-based rows repeated at the top of every printed page (the legend and the matrix's header). */
  titleRows: { first: number; last: number };
  /** The page header, in Excel's header codes (centred, bold; "&" doubled). */
  header: string;
  /** The page footer, in Excel's codes: "Trang &P/&N" centred. */
  footer: string;
}

const isBlank = (v: unknown) => v === "" || v === null || v === undefined;

export function reportLayout(table: ReadonlyArray<ReadonlyArray<unknown>>, lang: Language): ReportLayout | undefined {
  const no = t("report.h.no", lang);
  const met = t("report.h.criteriaMet", lang);
  const missing = t("report.h.missing", lang);
  const headerRow = table.findIndex((r) => r[0] === no && r.includes(met) && r.includes(missing));
  if (headerRow < 0) return undefined;
  const header = table[headerRow]!;
  const nameCol = header.indexOf(met) - 1;
  const firstStatusCol = header.indexOf(missing) + 1;
  const totalsLabel = t("report.h.unitsNotMet", lang);
  let end = headerRow + 1;
  let totalsRow: number | undefined;
  for (; end < table.length; end++) {
    const row = table[end]!;
    if (row[nameCol] === totalsLabel && isBlank(row[0])) {
      totalsRow = end;
      break;
    }
    if (row.every(isBlank)) break;
  }
  const legendLabel = t("report.legend", lang);
  const legendRow = table.findIndex((r, i) => i < headerRow && r[0] === legendLabel);
  return {
    ...(legendRow >= 0 ? { legendRow } : {}),
    headerRow,
    nameCol,
    firstStatusCol,
    firstUnitRow: headerRow + 1,
    lastUnitRow: end - 1,
    ...(totalsRow !== undefined ? { totalsRow } : {}),
  };
}

/** Excel holds at most 255 characters in a header or footer, codes included. */
const MAX_HEADER = 200;

/** Text in a page header: "&" is a code there, so a literal one is written "&&". */
export function pageHeaderText(text: string): string {
  const cut = text.length > MAX_HEADER ? `${text.slice(0, MAX_HEADER - 1)}…` : text;
  return cut.replace(/&/g, "&&");
}

/**
 * The report's view and print setup: freeze through the matrix's header row and the name
 * column; repeat the legend and header rows on every page; the title (what was evaluated, the
 * set, the year) at the top of each page and "Trang 1/3" at the bottom. Undefined for a table
 * without a matrix.
 */
export function reportPrint(table: ReadonlyArray<ReadonlyArray<unknown>>, lang: Language, title: string): ReportPrint | undefined {
  const layout = reportLayout(table, lang);
  if (!layout) return undefined;
  return {
    freeze: { rows: layout.headerRow + 1, cols: layout.nameCol + 1 },
    titleRows: { first: layout.legendRow ?? layout.headerRow, last: layout.headerRow },
    header: `&C&"-,Bold"${pageHeaderText(title)}`,
    footer: `&C${t("report.page", lang)}`,
  };
}
