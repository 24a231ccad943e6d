// The report sheet's frozen pane and print setup as raw worksheet XML, and its print titles as a
// _xlnm.Print_Titles name in workbook.xml, on every writer's package (openpyxl, LibreOffice, exceljs,
// .xlsm, Strict, a minimal one, a prefixed one): well-formed, in the schema's element order, scoped
// to the sheet's position, the workbook's own names kept, and read back by exceljs.
import ExcelJS from "exceljs";
import { XMLValidator } from "fast-xml-parser";
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { openXlsx } from "../../cli/xlsx/open.js";
import { readSheetGrid } from "../../cli/xlsx/readSheet.js";
import { writeCopy } from "../../cli/xlsx/writeCopy.js";
import { fixture, partText, REPORT, TARGETS } from "./support.js";

const PRINT = { header: '&C&"-,Bold"Huyện A && B – năm 2024', footer: "&CTrang &P/&N", titleRows: { first: 1, last: 2 } };
const SHEET = { ...REPORT, freeze: { rows: 3, cols: 2 }, print: PRINT };

/** The workbook part's path and the report sheet's part, from the copy. */
function partsOf(copy: Uint8Array) {
  const files = unzipSync(copy);
  const workbookPath = Object.keys(files).find((p) => /^xl\/workbook\d*\.xml$/.test(p))!;
  const workbook = new TextDecoder().decode(files[workbookPath]);
  const pkg = openXlsx(copy);
  const sheetPath = pkg.sheets.find((s) => s.name === "NTM_BaoCao")!.path;
  return { workbook, sheet: partText(copy, sheetPath), position: pkg.sheets.findIndex((s) => s.name === "NTM_BaoCao") };
}

/** A minimal package whose workbook binds the main namespace to a prefix ("x:"). */
function prefixed(): Uint8Array {
  const files = unzipSync(fixture("inline.xlsx"));
  const wb = new TextDecoder().decode(files["xl/workbook.xml"]);
  files["xl/workbook.xml"] = strToU8(
    wb
      .replace(/<workbook xmlns="([^"]+)"/, '<x:workbook xmlns:x="$1"')
      .replace("</workbook>", '<x:calcPr calcId="1"/></x:workbook>')
      .replace(/<(\/?)(sheets|sheet)\b/g, "<$1x:$2"),
  );
  return zipSync(files);
}

const CASES: Array<[string, () => Uint8Array]> = [...TARGETS.map((t) => [t.file, () => fixture(t.file)] as [string, () => Uint8Array]), ["prefixed", prefixed]];

describe("the report sheet's view and print setup in a copy", () => {
  for (const [name, bytes] of CASES) {
    it(`${name}: frozen pane, A4 landscape one page wide, header and footer, print titles`, async () => {
      const before = openXlsx(bytes());
      const copy = writeCopy(before, { plans: [], newSheets: [SHEET] });
      const { workbook, sheet, position } = partsOf(copy);
      expect(XMLValidator.validate(workbook)).toBe(true);
      expect(XMLValidator.validate(sheet)).toBe(true);
      // The names the workbook had are all still there, plus one print-titles name for the new sheet.
      const names = [...workbook.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([^<]*)</g)].map((m) => [/name="([^"]+)"/.exec(m[1]!)![1], /localSheetId="(\d+)"/.exec(m[1]!)?.[1], m[2]]);
      const own = names.filter((n) => n[0] === "_xlnm.Print_Titles");
      expect(own).toEqual([["_xlnm.Print_Titles", String(position), "'NTM_BaoCao'!$2:$3"]]);
      const kept = [...new TextDecoder().decode(unzipSync(bytes())[Object.keys(unzipSync(bytes())).find((p) => /^xl\/workbook\d*\.xml$/.test(p))!]).matchAll(/<(?:\w+:)?definedName\b/g)].length;
      expect(names.length).toBe(kept + 1);
      // definedNames after sheets and before calcPr, as the schema orders them.
      const at = (re: RegExp) => workbook.search(re);
      expect(at(/<(?:\w+:)?definedNames\b/)).toBeGreaterThan(at(/<\/(?:\w+:)?sheets>/));
      if (at(/<(?:\w+:)?calcPr\b/) >= 0) expect(at(/<(?:\w+:)?definedNames\b/)).toBeLessThan(at(/<(?:\w+:)?calcPr\b/));
      // The worksheet's elements in the schema's order.
      const order = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "sheetData", "printOptions", "pageMargins", "pageSetup", "headerFooter"].map((e) => sheet.indexOf(`<${e}`));
      expect(order.every((i) => i > 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(sheet).toContain('<pane xSplit="2" ySplit="3" topLeftCell="C4" activePane="bottomRight" state="frozen"/>');
      expect(sheet).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
      expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
      expect(sheet).toContain("<oddHeader>&amp;C&amp;&quot;-,Bold&quot;Huyện A &amp;&amp; B – năm 2024</oddHeader>".replace(/&quot;/g, '"'));
      expect(sheet).toContain("<oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter>");
      // The cells are as they were without a print setup.
      expect(readSheetGrid(openXlsx(copy), "NTM_BaoCao").grid.values[1]).toEqual(["Số tiêu chí đạt", 16]);
      // exceljs reads neither Strict, a prefixed workbook, nor these two originals (its drawing reader fails on them).
      if (["strict.xlsx", "prefixed", "openpyxl.xlsx", "macro.xlsm"].includes(name)) return;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(copy as unknown as ArrayBuffer);
      const ws = wb.getWorksheet("NTM_BaoCao")!;
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.pageSetup.printTitlesRow?.replace(/\$/g, "")).toBe("2:3");
      expect(ws.headerFooter.oddFooter).toBe("&CTrang &P/&N");
      expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 3 });
    });
  }

  it("a report written again replaces its print titles (and print area), and a sheet without print setup has none", () => {
    const once = writeCopy(openXlsx(fixture("exceljs.xlsx")), { plans: [], newSheets: [SHEET] });
    // An old print area of the report sheet, as a user might have set one.
    const files = unzipSync(once);
    const wb = new TextDecoder().decode(files["xl/workbook.xml"]);
    const position = openXlsx(once).sheets.findIndex((s) => s.name === "NTM_BaoCao");
    files["xl/workbook.xml"] = strToU8(wb.replace("</definedNames>", `<definedName name="_xlnm.Print_Area" localSheetId="${position}">'NTM_BaoCao'!$A$1:$C$3</definedName></definedNames>`));
    const twice = writeCopy(openXlsx(zipSync(files)), { plans: [], newSheets: [{ ...SHEET, print: { ...PRINT, titleRows: { first: 0, last: 0 } } }] });
    const again = partsOf(twice).workbook;
    expect([...again.matchAll(/name="_xlnm\.(Print_\w+)" localSheetId="(\d+)">([^<]*)</g)].map((m) => [m[1], m[3]])).toEqual([["Print_Titles", "'NTM_BaoCao'!$1:$1"]]);
    expect(again).toContain("NguongThuNhap");
    const plain = writeCopy(openXlsx(fixture("exceljs.xlsx")), { plans: [], newSheets: [REPORT] });
    const { workbook, sheet } = partsOf(plain);
    expect(workbook).not.toContain("_xlnm.Print_Titles");
    expect(sheet).not.toContain("<pageSetup");
    expect(sheet).not.toContain("<sheetViews");
  });
});
