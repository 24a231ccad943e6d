// `ntm formulas` and `ntm evaluate`'s warning on a workbook carrying both hosts' spellings: Excel's
// saved form (_xldudf_NTM_CRITERION), the form typed without the add-in (NTM.COUNT), Google Sheets'
// plain names and its export wrappers with their spilled placeholders, next to text, sheet names
// and functions that only look like ours. The copy changes those formulas and nothing else.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/ntm.js";
import { communeGrid } from "./fixtures/grids.js";
import { rawCells } from "./xlsx/support.js";

const dir = mkdtempSync(path.join(tmpdir(), "ntm-formulas-"));
const input = path.join(dir, "hai-cach-viet.xlsx");
const FORMULA_SHEET = "xl/worksheets/sheet2.xml";
let original: Buffer;

const WRAPPED = `IFERROR(__xludf.DUMMYFUNCTION("NTM_CRITERION(7,'Xã'!F2:F4)"),"Đạt")`;
const PLACEHOLDER = (v: string) => `IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),"${v}")`;
const UNTOUCHED = `IF('NTM.CRITERION'!A1="NTM.COUNT(x)",XNTM.CRITERION(1),SUM(1,2))`;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const grid = communeGrid();
  wb.addWorksheet(grid.name).addRows(grid.values.map((r) => [...r]));
  const f = wb.addWorksheet("Công thức");
  f.getCell("A1").value = { formula: "_xldudf_NTM_CRITERION(10,'Xã'!C2:C4)", result: "Chưa đạt" } as ExcelJS.CellFormulaValue;
  f.getCell("A2").value = { formula: "NTM.COUNT('Xã'!C1:G1,'Xã'!C2:G4)", result: "#NAME?" } as unknown as ExcelJS.CellFormulaValue;
  f.getCell("B1").value = { formula: WRAPPED, result: "Đạt" } as ExcelJS.CellFormulaValue;
  f.getCell("B2").value = { formula: PLACEHOLDER("Chưa đạt"), result: "Chưa đạt" } as ExcelJS.CellFormulaValue;
  f.getCell("B3").value = { formula: PLACEHOLDER("Đạt"), result: "Đạt" } as ExcelJS.CellFormulaValue;
  f.getCell("C1").value = { formula: "NTM_GAPS('Xã'!C1:G1,'Xã'!C2:G4)", result: "10: thiếu 3,8" } as ExcelJS.CellFormulaValue;
  f.getCell("D1").value = "=NTM.CRITERION(1) là chữ, không phải công thức";
  f.getCell("D2").value = { formula: UNTOUCHED, result: 3 } as ExcelJS.CellFormulaValue;
  wb.addWorksheet("NTM.CRITERION").getCell("A1").value = 1;
  await wb.xlsx.writeFile(input);
  original = readFileSync(input);
});

async function ntm(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runCli(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

const parts = (file: string) => unzipSync(readFileSync(file));
/** Every cell of the formula sheet, as raw XML. */
const cells = (file: string) => rawCells(strFromU8(parts(file)[FORMULA_SHEET]!));
const formulaOf = (cell: string | undefined) => /<f[^>]*>([^<]*)<\/f>/.exec(cell ?? "")?.[1]?.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");

describe("ntm formulas: the other host's names in a copy", () => {
  it("--to sheets: Excel's spellings become NTM_*, the export wrapper comes off, nothing else changes", async () => {
    const output = path.join(dir, "cho-sheets.xlsx");
    const r = await ntm("formulas", input, "--to", "sheets", "--out", output, "--json");
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.changes.map((c: { cell: string; after: string }) => [c.cell, c.after])).toEqual([
      ["A1", "NTM_CRITERION(10,'Xã'!C2:C4)"],
      ["B1", "NTM_CRITERION(7,'Xã'!F2:F4)"],
      ["A2", "NTM_COUNT('Xã'!C1:G1,'Xã'!C2:G4)"],
    ]);
    expect(doc.calls).toBe(2);
    const before = parts(input);
    const after = parts(output);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const [name, bytes] of Object.entries(before)) {
      if (name !== FORMULA_SHEET) expect(Buffer.from(after[name]!).equals(Buffer.from(bytes)), `${name} byte for byte`).toBe(true);
    }
    // The formula sheet: the same XML outside the formulas; a renamed formula differs by its names alone.
    const xmlBefore = strFromU8(before[FORMULA_SHEET]!);
    const xmlAfter = strFromU8(after[FORMULA_SHEET]!);
    const outside = (xml: string) => xml.replace(/<f>[^<]*<\/f>/g, "<f/>");
    expect(outside(xmlAfter)).toBe(outside(xmlBefore));
    const raw = (xml: string, cell: string) => /<f>([^<]*)<\/f>/.exec(rawCells(xml).get(cell)!.text)![1]!;
    expect(raw(xmlAfter, "A1")).toBe(raw(xmlBefore, "A1").replace("_xldudf_NTM_CRITERION", "NTM_CRITERION"));
    expect(raw(xmlAfter, "A2")).toBe(raw(xmlBefore, "A2").replace("NTM.COUNT", "NTM_COUNT"));
    expect(formulaOf(cells(output).get("C1")?.text)).toBe("NTM_GAPS('Xã'!C1:G1,'Xã'!C2:G4)");
    expect(formulaOf(cells(output).get("D2")?.text)).toBe(UNTOUCHED);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(output);
    expect(book.getWorksheet("Công thức")!.getCell("D1").value).toBe("=NTM.CRITERION(1) là chữ, không phải công thức");
    expect(readFileSync(input).equals(original), "the input is never modified").toBe(true);
  });

  it("--to excel: Excel's saved spelling, and a Sheets spilled result as one array formula over its cells", async () => {
    const output = path.join(dir, "cho-excel.xlsx");
    const r = await ntm("formulas", input, "--to", "excel", "--out", output);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("Công thức!C1: =NTM_GAPS('Xã'!C1:G1,'Xã'!C2:G4) → =_xldudf_NTM_GAPS('Xã'!C1:G1,'Xã'!C2:G4)");
    expect(r.out).toContain("Đã đổi 3 công thức (3 lần gọi hàm) sang tên hàm của Excel.");
    expect(r.out).toContain("2 ô giá trị tạm của Google Sheets được gộp vào công thức mảng của ô đầu.");
    const c = cells(output);
    expect(formulaOf(c.get("A1")?.text)).toBe("_xldudf_NTM_CRITERION(10,'Xã'!C2:C4)");
    expect(formulaOf(c.get("A2")?.text)).toBe("_xldudf_NTM_COUNT('Xã'!C1:G1,'Xã'!C2:G4)");
    expect(c.get("B1")?.text).toMatch(/<f t="array" ref="B1:B3">_xldudf_NTM_CRITERION\(7,'Xã'!F2:F4\)<\/f>/);
    // The spilled cells keep their values, without a formula of their own.
    expect(c.get("B2")?.text).not.toContain("<f");
    expect(c.get("B2")?.text).toMatch(/Chưa đạt|<v>\d+<\/v>/);
    expect(formulaOf(c.get("D2")?.text)).toBe(UNTOUCHED);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(output);
    expect(book.getWorksheet("Công thức")!.getCell("B2").text).toBe("Chưa đạt");
  });

  it("Excel → Sheets → Excel gives Excel's saved spelling back", async () => {
    const there = path.join(dir, "di.xlsx");
    const back = path.join(dir, "ve.xlsx");
    expect((await ntm("formulas", input, "--to", "sheets", "--out", there)).code).toBe(0);
    expect((await ntm("formulas", there, "--to", "excel", "--out", back)).code).toBe(0);
    expect(formulaOf(cells(back).get("A1")?.text)).toBe(formulaOf(cells(input).get("A1")?.text));
    expect(formulaOf(cells(back).get("C1")?.text)).toBe("_xldudf_NTM_GAPS('Xã'!C1:G1,'Xã'!C2:G4)");
  });

  it("a workbook with nothing to rename gets no copy; bad usage and bad files are named", async () => {
    const plain = path.join(dir, "khong-co.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("A").getCell("A1").value = { formula: "SUM(1,2)", result: 3 } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(plain);
    const none = await ntm("formulas", plain, "--to", "excel");
    expect(none.code).toBe(0);
    expect(none.out).toContain("Không có công thức nào cần đổi sang tên hàm của Excel.");
    expect(existsSync(path.join(dir, "khong-co.excel.xlsx"))).toBe(false);

    const noTo = await ntm("formulas", input);
    expect(noTo.code).toBe(2);
    expect(noTo.err).toContain("--to excel");
    expect((await ntm("formulas", input, "--to", "numbers")).code).toBe(2);
    const missing = await ntm("formulas", path.join(dir, "khong-co-tep.xlsx"), "--to", "sheets", "--lang", "en");
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("khong-co-tep.xlsx: no such file or folder");
    const self = await ntm("formulas", input, "--to", "sheets", "--out", input);
    expect(self.code).toBe(2);
    expect(self.err).toContain("tệp gốc không bao giờ bị ghi đè");
  });
});

describe("ntm evaluate: formulas with the other host's names", () => {
  it("warns about Google Sheets' names in an Excel file, naming the cells and the fix", async () => {
    const r = await ntm("evaluate", input, "--region", "tdmnpb", "--year", "2024", "--out", path.join(dir, "danh-gia.xlsx"), "--json");
    expect(r.code, r.err).toBe(0);
    const warnings: string[] = JSON.parse(r.out).files[0].warnings;
    const w = warnings.find((x) => x.includes("Google Sheets"));
    expect(w).toBeDefined();
    expect(w).toContain("2 công thức dùng tên hàm của Google Sheets (NTM_CRITERION) ở Công thức!B1, Công thức!C1");
    expect(w).toContain("2 công thức dùng tên hàm của Excel");
    expect(w).toContain('ntm formulas "hai-cach-viet.xlsx" --to excel');
  });

  it("says nothing about a workbook using Excel's names only", async () => {
    const excelOnly = path.join(dir, "chi-excel.xlsx");
    expect((await ntm("formulas", input, "--to", "excel", "--out", excelOnly)).code).toBe(0);
    const r = await ntm("evaluate", excelOnly, "--region", "tdmnpb", "--year", "2024", "--out", path.join(dir, "danh-gia-2.xlsx"), "--json");
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).files[0].warnings.join("\n")).not.toContain("Google Sheets");
  });
});
