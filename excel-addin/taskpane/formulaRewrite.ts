/**
 * Formulas in the open workbook that call the cell functions by Google Sheets' names
 * (NTM_CRITERION: a district's workbook downloaded as .xlsx), found when the pane opens and, where
 * the client cannot define the NTM_* names, rewritten to Excel's (NTM.CRITERION). Every sheet's
 * used range is read in one sync; only the cells whose formulas change are written, a column's
 * run of them at once. Nothing else in a formula changes (shared/functions/formulaNames.ts).
 */
import { countFunctionNames, mayHoldFunctionNames, rewriteFormula, type FormulaHost } from "../../shared/index.js";

/** Cells read when the pane opens; a larger workbook is scanned when the user asks. */
export const SCAN_CELLS_AT_START = 500_000;

export interface WorkbookFormulaScan {
  /** Cells whose formulas use Excel's names / Google Sheets' names ("Sheet!A3"). */
  excel: string[];
  sheets: string[];
  /** false: the workbook was larger than the limit and was not read. */
  complete: boolean;
}

interface SheetFormulas {
  sheet: string;
  row: number;
  col: number;
  formulas: unknown[][];
}

const colLetters = (col: number): string => {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const address = (sheet: string, row: number, col: number) => `${sheet}!${colLetters(col)}${row + 1}`;

/** Every sheet's used-range formulas, unless the workbook holds more than `limit` cells. */
async function readFormulas(context: Excel.RequestContext, limit: number): Promise<SheetFormulas[] | undefined> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const used = sheets.items.map((ws) => ws.getUsedRangeOrNullObject().load("rowCount,columnCount,rowIndex,columnIndex"));
  await context.sync();
  const cells = used.reduce((n, r) => n + (r.isNullObject ? 0 : r.rowCount * r.columnCount), 0);
  if (cells > limit) return undefined;
  const ranges = used.map((r) => (r.isNullObject ? undefined : r.load("formulas")));
  await context.sync();
  return sheets.items.flatMap((ws, i) => {
    const r = ranges[i];
    return r ? [{ sheet: ws.name, row: r.rowIndex, col: r.columnIndex, formulas: r.formulas as unknown[][] }] : [];
  });
}

function* formulaCells(s: SheetFormulas): Generator<{ row: number; col: number; formula: string }> {
  for (let i = 0; i < s.formulas.length; i++) {
    const row = s.formulas[i]!;
    for (let j = 0; j < row.length; j++) {
      const f = row[j];
      if (typeof f === "string" && f.startsWith("=") && mayHoldFunctionNames(f)) yield { row: s.row + i, col: s.col + j, formula: f };
    }
  }
}

export async function scanWorkbookFormulas(limit = SCAN_CELLS_AT_START): Promise<WorkbookFormulaScan> {
  return Excel.run(async (context) => {
    const all = await readFormulas(context, limit);
    const scan: WorkbookFormulaScan = { excel: [], sheets: [], complete: all !== undefined };
    for (const s of all ?? []) {
      for (const c of formulaCells(s)) {
        const n = countFunctionNames(c.formula);
        if (n.excel) scan.excel.push(address(s.sheet, c.row, c.col));
        if (n.sheets) scan.sheets.push(address(s.sheet, c.row, c.col));
      }
    }
    return scan;
  });
}

export interface RewriteResult {
  cells: number;
  calls: number;
  /** A sheet that refused the writes (protected), with Excel's words. */
  failed?: { sheet: string; detail: string };
}

/** Rewrites every formula of every sheet to `to`'s names; returns what changed. */
export async function rewriteWorkbookFormulas(to: FormulaHost): Promise<RewriteResult> {
  return Excel.run(async (context) => {
    const all = (await readFormulas(context, Infinity)) ?? [];
    const result: RewriteResult = { cells: 0, calls: 0 };
    for (const s of all) {
      const changed = new Map<number, Map<number, string>>();
      let cells = 0;
      let calls = 0;
      for (const c of formulaCells(s)) {
        const r = rewriteFormula(c.formula, to);
        if (r.text === c.formula) continue;
        if (!changed.has(c.col)) changed.set(c.col, new Map());
        changed.get(c.col)!.set(c.row, r.text);
        cells++;
        calls += r.calls;
      }
      if (cells === 0) continue;
      const ws = context.workbook.worksheets.getItem(s.sheet);
      for (const [col, rows] of changed) {
        // Runs of consecutive rows: one range each.
        const sorted = [...rows.keys()].sort((a, b) => a - b);
        for (let i = 0; i < sorted.length; ) {
          let j = i + 1;
          while (j < sorted.length && sorted[j] === sorted[j - 1]! + 1) j++;
          ws.getRangeByIndexes(sorted[i]!, col, j - i, 1).formulas = sorted.slice(i, j).map((r) => [rows.get(r)!]);
          i = j;
        }
      }
      try {
        await context.sync();
      } catch (e) {
        return { ...result, failed: { sheet: s.sheet, detail: e instanceof Error ? e.message : String(e) } };
      }
      result.cells += cells;
      result.calls += calls;
    }
    return result;
  });
}
