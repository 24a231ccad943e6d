// Real .xlsx files for the command-line tests: a workbook saved into a folder, and a sheet of a
// written file read back as plain rows.
import path from "node:path";
import ExcelJS from "exceljs";

export async function saveBook(wb: ExcelJS.Workbook, folder: string, name: string): Promise<string> {
  const file = path.join(folder, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** A sheet's rows as plain values, blanks as "" and trailing blanks dropped; a missing sheet is an error naming the others. */
export async function sheetRows(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`${file}: no sheet ${sheet} (${wb.worksheets.map((w) => w.name).join(", ")})`);
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells = Array.from({ length: ws.columnCount }, (_, c) => row.getCell(c + 1).value ?? "");
    while (cells.length && cells[cells.length - 1] === "") cells.pop();
    rows[n - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}
