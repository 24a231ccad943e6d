// The command line's answer on one corpus workbook (the reference the hosts are held to), and the
// workbook's sheets as the hosts see them: read once with exceljs, merged cells in their top-left cell.
import { evaluateWorkbook, type WorkbookEvaluation } from "../../../cli/evaluateWorkbook.js";
import { readGrid } from "../../../cli/xlsxGrid.js";
import { DEFAULT_SET_ID, FILLS, REPORT_SHEET, WORKBOOK_SET_SHEET, a1, type SheetGrid, type UnitResult } from "../../../shared/index.js";
import { copyBytes, readCopy } from "../compare.js";
import type { GeneratedWorkbook } from "../generate.js";

export interface BookSheet {
  grid: SheetGrid;
  /** Sheet protection is on (exceljs `sheetProtection.sheet`). */
  protected: boolean;
}

/** Every sheet of the original file, in workbook order (NTM_BoTieuChi included: the hosts read it). */
export async function readBook(file: string): Promise<BookSheet[]> {
  const wb = await readCopy(file);
  return wb.worksheets.map((ws) => ({
    grid: readGrid(ws),
    protected: !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
  }));
}

/** A highlight colour back to its mark ("#F4CCCC" -> "not_met"); any other colour stays as written. */
const MARKS = new Map(Object.entries(FILLS).map(([status, color]) => [color!.toUpperCase(), status]));
export const markOf = (color: string | null | undefined): string => (color ? (MARKS.get(color.toUpperCase()) ?? `fill ${color}`) : "fill removed");

/** "Sheet!C9" -> mark, for every cell whose fill differs between two fill grids of one sheet. */
export function fillChanges(sheet: string, before: ReadonlyArray<ReadonlyArray<string | null | undefined>>, after: ReadonlyArray<ReadonlyArray<string | null | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  const rows = Math.max(before.length, after.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(before[r]?.length ?? 0, after[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      const b = (before[r]?.[c] ?? null)?.toUpperCase() ?? null;
      const a = (after[r]?.[c] ?? null)?.toUpperCase() ?? null;
      if (a !== b) out[`${sheet}!${a1({ row: r, col: c })}`] = markOf(a);
    }
  }
  return out;
}

export interface SheetRef {
  name: string;
  /** Evaluated by the command line; otherwise skipped (or the whole workbook refused). */
  evaluated: boolean;
  reason?: string;
  units: UnitResult[];
  /** Cells the command line filled on this sheet of its copy: "Sheet!C9" -> mark. */
  highlights: Record<string, string>;
}

export interface Reference {
  /** The command line refused the workbook (its message). */
  error?: string;
  /** The set the command line judged by, and why (argument, workbook, inferred, default). */
  setId: string;
  setOrigin: string;
  /** Sheets in the order the hosts should be run on them: evaluated ones, then skipped ones. */
  sheets: SheetRef[];
  book: BookSheet[];
  /** NTM_BaoCao in the command line's copy. */
  report?: ReadonlyArray<ReadonlyArray<unknown>>;
  /** Its filled cells: "C9" -> "#RRGGBB" (the heat map). */
  reportFills?: Record<string, string>;
}

const OWNED = new Set([REPORT_SHEET, WORKBOOK_SET_SHEET]);

export async function cliReference(g: GeneratedWorkbook): Promise<Reference> {
  const book = await readBook(g.path);
  const { options } = g.truth;
  const candidates = options.sheet ? [options.sheet] : book.map((s) => s.grid.name).filter((n) => !OWNED.has(n));
  let ev: WorkbookEvaluation;
  try {
    ev = await evaluateWorkbook(g.path, { lang: "vi", ...options });
  } catch (e) {
    // Refused: every sheet it would have read must be refused by the hosts too.
    const sheets = candidates.map((name) => ({ name, evaluated: false, units: [], highlights: {} }));
    return { error: (e as Error).message, setId: options.setId ?? DEFAULT_SET_ID, setOrigin: options.setId ? "argument" : "default", sheets, book };
  }
  // The copy (bytes, or an exceljs Workbook in older versions) read back as the corpus test reads it.
  const copy = await readCopy(await copyBytes(ev));
  const sheets: SheetRef[] = [];
  for (const u of ev.units) {
    let s = sheets.find((x) => x.name === u.sheet);
    if (!s) {
      const before = book.find((b) => b.grid.name === u.sheet)!.grid.fills ?? [];
      const ws = copy.getWorksheet(u.sheet);
      if (!ws) throw new Error(`harness: the CLI's copy has no sheet ${u.sheet}`);
      sheets.push((s = { name: u.sheet, evaluated: true, units: [], highlights: fillChanges(u.sheet, before, readGrid(ws).fills ?? []) }));
    }
    s.units.push(u.result);
  }
  for (const k of ev.skipped) sheets.push({ name: k.sheet, evaluated: false, reason: k.reason, units: [], highlights: {} });
  const reportSheet = copy.getWorksheet(REPORT_SHEET);
  const reportGrid = reportSheet ? readGrid(reportSheet) : undefined;
  const reportFills: Record<string, string> = {};
  reportGrid?.fills?.forEach((row, r) => row.forEach((f, c) => { if (f) reportFills[a1({ row: r, col: c })] = f.toUpperCase(); }));
  return { setId: ev.set.id, setOrigin: ev.setChoice.origin, sheets, book, ...(reportGrid ? { report: reportGrid.values, reportFills } : {}) };
}
