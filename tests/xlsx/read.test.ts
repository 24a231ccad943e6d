// Reading: each writer's workbook gives the grid the engine expects, and the same grid as the
// exceljs path (cli/xlsxGrid.ts readGrid) where exceljs can open the file at all.
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readGrid } from "../../cli/xlsxGrid.js";
import { openXlsx } from "../../cli/xlsx/open.js";
import { readSheetGrid } from "../../cli/xlsx/readSheet.js";
import type { SheetGrid } from "../../shared/sheet/grid.js";
import { fixture } from "./support.js";

const DATA = [
  ["Bảng theo dõi tiêu chí 2024", null, null, null, null],
  [null, null, null, null, null],
  ["Thôn", "Thu nhập", "Tỷ lệ", "Đạt", "Ghi chú"],
  ["Thôn 1", 41.2, 0.85, true, "ok"],
  ["Thôn 2", 47.5, 0.925, false, "  khoảng trắng  "],
  ["Thôn 3", 38, 0.5, true, "E6"],
  ["Thôn 4", 52.25, 1, false, "a & b < c"],
];
// E6: a formula openpyxl leaves without a cached value; LibreOffice computes an error; exceljs writes #N/A.
const E6: Record<string, unknown> = { "openpyxl.xlsx": null, "macro.xlsm": null, "strict.xlsx": null, "libreoffice.xlsx": "#VALUE!", "exceljs.xlsx": "#N/A" };
// The formula sheet's cached results: openpyxl writes none.
const computed = [["Giá trị", "Gấp đôi", "Văn bản"], [10, 20, "x10"], [20, 40, "x20"], [30, 60, "x30"]];
const uncomputed = computed.map((r, i) => (i === 0 ? r : [r[0], null, null]));

/** A dense row-by-row view: undefined and missing entries as null, "General" as no format. */
function dense(rows: readonly (readonly unknown[])[] | undefined, height: number, width: number): unknown[][] {
  return Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => {
    const v = rows?.[r]?.[c];
    return v === undefined || v === "General" ? null : v;
  }));
}

describe.each(Object.keys(E6))("reading %s", (file) => {
  const pkg = openXlsx(fixture(file));

  it("reads values, formats, fills, notes, merges and hidden rows/columns", () => {
    const { grid, dropped } = readSheetGrid(pkg, "Dữ liệu");
    expect(dropped).toBeUndefined();
    expect(grid.name).toBe("Dữ liệu");
    expect(grid.values).toEqual(DATA.map((r) => r.map((v) => (v === "E6" ? E6[file] : v))));
    expect(grid.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 4 }]);
    expect(grid.hiddenRows).toEqual([5]);
    expect(grid.hiddenColumns).toEqual([4]);
    const formats = dense(grid.numberFormats, 7, 5);
    const fills = dense(grid.fills, 7, 5);
    for (let r = 3; r <= 6; r++) {
      expect(formats[r]!.slice(1, 3)).toEqual(["#,##0.0", "0%"]);
      expect(fills[r]!.slice(1, 3)).toEqual(["#DDEBF7", "#DDEBF7"]);
    }
    expect(fills.flat().filter(Boolean)).toHaveLength(8);
    expect(dense(grid.notes, 7, 5).flat().filter(Boolean)).toEqual(["Ghi chú của người dùng"]);
    expect(grid.notes?.[3]?.[1]).toBe("Ghi chú của người dùng");
  });

  it("reads a hidden, protected formula sheet's cached results", () => {
    const sheet = pkg.sheets.find((s) => s.name === "Công thức")!;
    expect([sheet.state, sheet.protected]).toEqual(["hidden", true]);
    const expected = file === "libreoffice.xlsx" || file === "exceljs.xlsx" ? computed : uncomputed;
    expect(readSheetGrid(pkg, "Công thức").grid.values).toEqual(expected);
  });
});

async function exceljsGrid(file: string, sheet: string): Promise<SheetGrid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(fixture(file)) as unknown as ArrayBuffer);
  return readGrid(wb.getWorksheet(sheet)!);
}

describe("the same grid as the exceljs path", () => {
  it.each(["exceljs.xlsx", "libreoffice.xlsx"])("%s", async (file) => {
    const theirs = await exceljsGrid(file, "Dữ liệu");
    const ours = readSheetGrid(openXlsx(fixture(file)), "Dữ liệu").grid;
    const h = theirs.values.length;
    const w = theirs.values[0]!.length;
    expect([ours.values.length, ours.values[0]!.length]).toEqual([h, w]);
    // exceljs loses the cached FALSE of LibreOffice's =FALSE() cells; everything else is the same.
    const values = dense(ours.values, h, w).map((row, r) => row.map((v, c) => (theirs.values[r]![c] === null && v === false ? null : v)));
    expect(values).toEqual(dense(theirs.values, h, w));
    expect(dense(ours.numberFormats, h, w)).toEqual(dense(theirs.numberFormats, h, w));
    expect(dense(ours.fills, h, w)).toEqual(dense(theirs.fills, h, w));
    expect(dense(ours.notes, h, w)).toEqual(dense(theirs.notes, h, w));
    expect(ours.merges).toEqual(theirs.merges);
    expect(ours.hiddenColumns).toEqual(theirs.hiddenColumns);
  });
});

describe("reading details", () => {
  it("reads inline strings, cells without an address, rich runs without phonetics, errors, booleans", () => {
    const { grid } = readSheetGrid(openXlsx(fixture("inline.xlsx")), "Inline");
    expect(grid.values).toEqual([
      ["Thôn", "Thu nhập", "Ghi chú", null],
      ["Thôn 1", 41.2, "giàu chữ", null],
      [null, null, null, null],
      ["Thôn 2", "#N/A", null, true],
    ]);
  });

  const MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
  const REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";
  const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
  function strictBook(sheet: string, sharedStrings: string, styles: string, date1904 = false): Uint8Array {
    return zipSync({
      "[Content_Types].xml": strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      "_rels/.rels": strToU8(`<Relationships xmlns="${PKG_REL}"><Relationship Id="a" Type="${REL}/officeDocument" Target="/x/book.xml"/></Relationships>`),
      "x/book.xml": strToU8(`<x:workbook xmlns:x="${MAIN}" xmlns:r="${REL}"><x:workbookPr date1904="${date1904 ? 1 : 0}"/><x:sheets><x:sheet name="S" sheetId="1" r:id="s1"/></x:sheets></x:workbook>`),
      "x/_rels/book.xml.rels": strToU8(
        `<Relationships xmlns="${PKG_REL}"><Relationship Id="s1" Type="${REL}/worksheet" Target="/x/s/one.xml"/><Relationship Id="ss" Type="${REL}/sharedStrings" Target="strings.xml"/><Relationship Id="st" Type="${REL}/styles" Target="./st.xml"/></Relationships>`,
      ),
      "x/s/one.xml": strToU8(`<x:worksheet xmlns:x="${MAIN}"><x:sheetData>${sheet}</x:sheetData></x:worksheet>`),
      "x/strings.xml": strToU8(`<x:sst xmlns:x="${MAIN}">${sharedStrings}</x:sst>`),
      "x/st.xml": strToU8(`<x:styleSheet xmlns:x="${MAIN}">${styles}</x:styleSheet>`),
    });
  }

  it("reads prefixed Strict parts, absolute and ./ targets, rich shared strings, _x escapes, dates and built-in formats", () => {
    const strings =
      '<x:si><x:r><x:t>Thu </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">nhập</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ふ</x:t></x:rPh></x:si>' +
      "<x:si><x:t>a_x000D_b _x005F_x0041_</x:t></x:si>";
    const styles =
      '<x:numFmts count="1"><x:numFmt numFmtId="170" formatCode="#,##0.00&quot;tr&quot;"/></x:numFmts>' +
      '<x:fills count="3"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill><x:fill><x:patternFill patternType="solid"><x:fgColor theme="4"/></x:patternFill></x:fill></x:fills>' +
      '<x:cellXfs count="4"><x:xf numFmtId="0"/><x:xf numFmtId="9"/><x:xf numFmtId="10" fillId="2"/><x:xf numFmtId="170"/></x:cellXfs>';
    const sheet =
      '<x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c r="C2" t="s" s="1"><x:v>1</x:v></x:c><x:c r="D2" s="2"><x:v>0.5</x:v></x:c>' +
      '<x:c r="E2" t="d" s="3"><x:v>2024-01-02</x:v></x:c><x:c r="F2" t="str"><x:f>A1</x:f><x:v>=x</x:v></x:c><x:c r="G2" t="e"><x:v>#DIV/0!</x:v></x:c></x:row>';
    const { grid } = readSheetGrid(openXlsx(strictBook(sheet, strings, styles)), "S");
    expect(grid.values[1]).toEqual([null, "Thu nhập", "a\rb _x0041_", 0.5, 45293, "=x", "#DIV/0!"]);
    expect(grid.numberFormats?.[1]).toEqual([null, null, "0%", "0.00%", '#,##0.00"tr"']);
    // A theme-coloured fill has no #RRGGBB: read as none.
    expect(grid.fills?.[1] ?? []).toEqual([]);
    const book1904 = readSheetGrid(openXlsx(strictBook(sheet, strings, styles, true)), "S").grid;
    expect(book1904.values[1]![4]).toBe(45293 - 1462);
  });
});
