// Writes the workbooks tests/xlsx reads and copies, one per writer the tool meets:
//   npx tsx tools/make-xlsx-fixtures.ts
// openpyxl.xlsx (python3-openpyxl, absolute relationship targets), libreoffice.xlsx (that file
// re-saved by soffice), exceljs.xlsx, macro.xlsm (openpyxl's file with a stand-in vbaProject.bin),
// inline.xlsx (hand-made: inline strings, cells without r, no styles part), strict.xlsx (openpyxl's
// file in Strict OOXML namespaces). The files are committed: tests need neither python nor soffice.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

const here = path.dirname(new URL(import.meta.url).pathname);
const out = path.join(here, "..", "tests", "xlsx", "fixtures");
const FIXED_DATE = new Date("2024-12-01T00:00:00Z");
// Zip entry times fixed too, so re-running gives the same bytes.
const MTIME = new Date("2024-12-01T00:00:00");

function rezip(files: Record<string, Uint8Array>): Uint8Array {
  const z: Zippable = {};
  for (const [name, data] of Object.entries(files)) z[name] = [data, { level: 6, mtime: MTIME }];
  return zipSync(z);
}

function editText(files: Record<string, Uint8Array>, name: string, edit: (s: string) => string): void {
  files[name] = strToU8(edit(strFromU8(files[name]!)));
}

function openpyxlFixture(): void {
  execFileSync("/usr/bin/python3", [path.join(here, "make-xlsx-fixtures.py"), path.join(out, "openpyxl.xlsx")], { stdio: "inherit" });
}

function libreofficeFixture(): void {
  const dir = mkdtempSync(path.join(tmpdir(), "ntm-lo-"));
  execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "xlsx", "--outdir", dir, path.join(out, "openpyxl.xlsx")], { stdio: "ignore" });
  copyFileSync(path.join(dir, "openpyxl.xlsx"), path.join(out, "libreoffice.xlsx"));
}

async function exceljsFixture(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ntm fixtures";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet("Dữ liệu");
  ws.getCell("A1").value = "Bảng theo dõi tiêu chí 2024";
  ws.getCell("A1").font = { bold: true, size: 13 };
  ws.mergeCells("A1:E1");
  ws.addTable({
    name: "BangThon",
    ref: "A3",
    headerRow: true,
    style: { theme: "TableStyleMedium9", showRowStripes: true },
    columns: [{ name: "Thôn" }, { name: "Thu nhập" }, { name: "Tỷ lệ" }, { name: "Đạt" }, { name: "Ghi chú" }],
    rows: [
      ["Thôn 1", 41.2, 0.85, true, "ok"],
      ["Thôn 2", 47.5, 0.925, false, "  khoảng trắng  "],
      ["Thôn 3", 38, 0.5, true, { error: "#N/A" }],
      ["Thôn 4", 52.25, 1, false, "a & b < c"],
    ],
  });
  const shared = {
    border: { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } },
  } as const;
  for (let r = 4; r <= 7; r++) {
    Object.assign(ws.getCell(r, 2), { border: shared.border, fill: shared.fill, numFmt: "#,##0.0" });
    Object.assign(ws.getCell(r, 3), { border: shared.border, fill: shared.fill, numFmt: "0%" });
  }
  ws.getCell("B4").note = "Ghi chú của người dùng";
  ws.getRow(6).hidden = true;
  ws.getColumn(5).hidden = true;
  for (let r = 4; r <= 7; r++) ws.getCell(r, 6).dataValidation = { type: "list", allowBlank: true, formulae: ['"Đạt,Chưa đạt"'] };
  ws.addConditionalFormatting({ ref: "B4:B7", rules: [{ type: "cellIs", operator: "lessThan", formulae: [45], priority: 1, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFF4CCCC" } } } }] });
  wb.definedNames.add("'Dữ liệu'!$B$4:$B$7", "NguongThuNhap");
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
  ws.addImage(wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" }), "H20:I22");
  const calc = wb.addWorksheet("Công thức", { state: "hidden" });
  calc.addRow(["Giá trị", "Gấp đôi", "Văn bản"]);
  for (let i = 1; i <= 3; i++) calc.addRow([i * 10, { formula: `A${i + 1}*2`, result: i * 20 }, { formula: `"x"&A${i + 1}`, result: `x${i * 10}` }]);
  await calc.protect("", {});
  writeFileSync(path.join(out, "exceljs.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()));
}

function macroFixture(): void {
  const files = unzipSync(readFileSync(path.join(out, "openpyxl.xlsx")));
  // A stand-in for a VBA project: the copy must carry it byte for byte, whatever it holds.
  files["xl/vbaProject.bin"] = new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) & 0xff));
  editText(files, "[Content_Types].xml", (s) =>
    s
      .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
      .replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
  );
  editText(files, "xl/_rels/workbook.xml.rels", (s) =>
    s.replace("</Relationships>", '<Relationship Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin" Id="rIdVba"/></Relationships>'),
  );
  writeFileSync(path.join(out, "macro.xlsm"), rezip(files));
}

function inlineFixture(): void {
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const is = (t: string) => `t="inlineStr"><is><t>${t}</t></is></c>`;
  const sheet =
    `${decl}<worksheet xmlns="${main}"><dimension ref="A1:D4"/><sheetData>` +
    `<row r="1"><c r="A1" ${is("Thôn")}<c ${is("Thu nhập")}<c ${is("Ghi chú")}</row>` +
    `<row r="2"><c r="A2" ${is("Thôn 1")}<c><v>41.2</v></c><c r="C2" t="inlineStr"><is><r><t>giàu </t></r><r><rPr><b/></rPr><t>chữ</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></is></c></row>` +
    `<row r="4"><c r="A4" ${is("Thôn 2")}<c r="B4" t="e"><v>#N/A</v></c><c r="D4" t="b"><v>1</v></c></row>` +
    `</sheetData></worksheet>`;
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `${decl}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(`${decl}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(`${decl}<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Inline" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(`${decl}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    "xl/worksheets/sheet1.xml": strToU8(sheet),
  };
  writeFileSync(path.join(out, "inline.xlsx"), rezip(files));
}

function strictFixture(): void {
  const files = unzipSync(readFileSync(path.join(out, "openpyxl.xlsx")));
  const strict: Array<[string, string]> = [
    ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"],
    ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"],
    ["http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"],
    ["http://schemas.openxmlformats.org/drawingml/2006/chart", "http://purl.oclc.org/ooxml/drawingml/chart"],
    ["http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing", "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing"],
  ];
  for (const name of Object.keys(files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    editText(files, name, (s) => strict.reduce((acc, [from, to]) => acc.split(from).join(to), s));
  }
  editText(files, "xl/workbook.xml", (s) => s.replace(/<workbook\b/, '<workbook conformance="strict"'));
  writeFileSync(path.join(out, "strict.xlsx"), rezip(files));
}

mkdirSync(out, { recursive: true });
openpyxlFixture();
libreofficeFixture();
await exceljsFixture();
macroFixture();
inlineFixture();
strictFixture();
console.log(`fixtures written to ${out}`);
