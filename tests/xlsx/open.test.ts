// Opening: what the package says about itself, and every way a file can fail, as one code.
import { inflateRawSync } from "node:zlib";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { openXlsx, XlsxError, xlsxErrorMessage, type XlsxErrorCode } from "../../cli/xlsx/open.js";
import { readSheetGrid } from "../../cli/xlsx/readSheet.js";
import { inflateEntryBytes, readCentralDirectory } from "../../cli/xlsx/zip.js";
import { fixture } from "./support.js";
import { oleFile, storedZip, zerosDeflated } from "../support/hostileFiles.js";

function codeOf(f: () => unknown): XlsxErrorCode | "none" | "other" {
  try {
    f();
    return "none";
  } catch (e) {
    return e instanceof XlsxError ? e.code : "other";
  }
}

const CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';
const RELS =
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WB =
  '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WB_RELS =
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const sheetXml = (cells: string) => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells}</sheetData></worksheet>`;
const workbookWith = (sheet: string) =>
  zipSync({ "[Content_Types].xml": strToU8(CT), "_rels/.rels": strToU8(RELS), "xl/workbook.xml": strToU8(WB), "xl/_rels/workbook.xml.rels": strToU8(WB_RELS), "xl/worksheets/sheet1.xml": strToU8(sheet) });

describe("openXlsx", () => {
  it("reads kind, sheets, states, protection and the date system", () => {
    const pkg = openXlsx(fixture("openpyxl.xlsx"));
    expect(pkg.kind).toBe("xlsx");
    expect(pkg.date1904).toBe(false);
    expect(pkg.sheets.map((s) => [s.name, s.state, s.protected])).toEqual([
      ["Dữ liệu", "visible", false],
      ["Công thức", "hidden", true],
    ]);
    expect(pkg.sheets[0]!.path).toBe("xl/worksheets/sheet1.xml");
    expect(openXlsx(fixture("macro.xlsm")).kind).toBe("xlsm");
    expect(openXlsx(fixture("strict.xlsx")).strict).toBe(true);
    expect(openXlsx(fixture("exceljs.xlsx")).sheets[1]!.protected).toBe(true);
  });

  it("refuses random bytes, empty and tiny files as not_zip", () => {
    let seed = 7;
    const random = Uint8Array.from({ length: 5000 }, () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed & 0xff));
    expect(codeOf(() => openXlsx(random))).toBe("not_zip");
    expect(codeOf(() => openXlsx(new Uint8Array(0)))).toBe("not_zip");
    expect(codeOf(() => openXlsx(strToU8("Thôn,Thu nhập\n1,2")))).toBe("not_zip");
  });

  it("refuses a truncated zip", () => {
    const bytes = fixture("openpyxl.xlsx");
    expect(codeOf(() => openXlsx(bytes.subarray(0, bytes.length >> 1)))).toBe("truncated");
    expect(codeOf(() => openXlsx(bytes.subarray(0, bytes.length - 30)))).toBe("truncated");
  });

  it("tells an .xls from a password-protected workbook (both OLE files)", () => {
    const ole = oleFile;
    expect(codeOf(() => openXlsx(ole(new Uint8Array([0x57, 0, 0x6f, 0]))))).toBe("xls");
    const name = Uint8Array.from([..."EncryptedPackage"].flatMap((ch) => [ch.charCodeAt(0), 0]));
    expect(codeOf(() => openXlsx(ole(name)))).toBe("encrypted");
  });

  it("recognises an .ods and a zip that is no workbook", () => {
    const ods = zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }], "content.xml": strToU8("<x/>") });
    expect(codeOf(() => openXlsx(ods))).toBe("ods");
    expect(codeOf(() => openXlsx(zipSync({ "word/document.xml": strToU8("<w/>"), "_rels/.rels": strToU8(RELS.replace("xl/workbook.xml", "word/document.xml")) })))).toBe("not_workbook");
  });

  it("refuses a 1 GB declared entry before inflating anything", () => {
    const GiB = 2 ** 30;
    const deflated = zerosDeflated(GiB);
    expect(inflateRawSync(zerosDeflated(100_000)).equals(Buffer.alloc(100_000))).toBe(true);
    const bytes = storedZip("xl/worksheets/sheet1.xml", deflated, GiB);
    expect(bytes.length).toBeLessThan(8 << 20);
    const before = process.memoryUsage().rss;
    const t0 = performance.now();
    expect(codeOf(() => openXlsx(bytes))).toBe("too_large");
    expect(performance.now() - t0).toBeLessThan(200);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 << 20);
    // The directory is read right: with raised limits the entry passes the size check.
    expect(readCentralDirectory(bytes, { maxPartBytes: 2 ** 31, maxUncompressedBytes: 2 ** 31 })[0]!.size).toBe(GiB);
  });

  it("stops inflating an entry that lies about its size", () => {
    const bytes = zipSync({ "a.xml": new Uint8Array(1 << 20) });
    const [entry] = readCentralDirectory(bytes);
    const t0 = performance.now();
    expect(codeOf(() => inflateEntryBytes(bytes, { ...entry!, size: 1000 }))).toBe("corrupt");
    expect(codeOf(() => inflateEntryBytes(bytes, { ...entry!, crc: entry!.crc ^ 1 }))).toBe("corrupt");
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it("reports a damaged sheet as corrupt, not with the parser's text", () => {
    const pkg = openXlsx(workbookWith("<worksheet><sheetData><row><c r='A1'><v>1</v></row></sheetData></worksheet>"));
    expect(codeOf(() => readSheetGrid(pkg, "S"))).toBe("corrupt");
    expect(codeOf(() => readSheetGrid(pkg, "Không có"))).toBe("no_sheet");
  });

  it("drops a cell at XFD1048576 quickly instead of allocating for it", () => {
    const pkg = openXlsx(workbookWith(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>')));
    const t0 = performance.now();
    const before = process.memoryUsage().heapUsed;
    const read = readSheetGrid(pkg, "S");
    expect(performance.now() - t0).toBeLessThan(200);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(32 << 20);
    expect(read.dropped).toEqual({ cells: 1, farthest: "XFD1048576" });
    expect(read.grid.values).toEqual([[1]]);
    // A far cell within the column limit but past the dense-area limit is dropped too.
    const tall = openXlsx(workbookWith(sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="Z1"><v>1</v></c></row><row r="900000"><c r="B900000"><v>2</v></c></row>')));
    const r2 = readSheetGrid(tall, "S", { maxCells: 1000 });
    expect(r2.dropped).toEqual({ cells: 1, farthest: "B900000" });
    expect(r2.grid.values.length).toBe(1);
  });

  it("words every code in Vietnamese with diacritics and in English, naming the file", () => {
    expect(xlsxErrorMessage("encrypted", "vi", "bieu.xlsx")).toBe("bieu.xlsx: tệp được đặt mật khẩu: mở bằng Excel, bỏ mật khẩu rồi lưu lại");
    expect(xlsxErrorMessage("xls", "vi")).toBe("tệp Excel 97-2003 (.xls): mở bằng Excel và lưu lại dưới dạng .xlsx");
    expect(xlsxErrorMessage("ods", "en")).toMatch(/LibreOffice/);
    expect(xlsxErrorMessage("truncated", "vi")).toMatch(/hỏng/);
  });
});
