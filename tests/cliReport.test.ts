// NTM_BaoCao as the command line writes it, read back with exceljs: the coloured matrix with its
// legend, the "Số đơn vị chưa đạt" row and the average (counted by hand here), the frozen pane, and
// A4-landscape one-page-wide page setup with repeated header rows, title and page numbers; in a
// highlighted copy (raw worksheet XML) and in a folder's combined report (exceljs). A copy keeps the
// original sheet's own print settings. LibreOffice opens both and prints the report on A4 landscape.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/ntm.js";
import { cellValue } from "../cli/xlsxGrid.js";
import { REPORT_COLOURS } from "../shared/index.js";

let dir: string;

async function cli(args: string[]) {
  let out = "";
  let err = "";
  const code = await runCli(args, { out: (s) => void (out += s), err: (s) => void (err += s), tty: false });
  return { code, out, err };
}

/** A district's commune sheet: "Tiêu chí 1".."Tiêu chí 19" holding Đạt / Chưa đạt. */
function communeBook(communes: ReadonlyArray<[string, number[]]>, dress?: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Các xã 2024");
  ws.addRow(["TỔNG HỢP KẾT QUẢ THỰC HIỆN TIÊU CHÍ NÔNG THÔN MỚI CÁC XÃ NĂM 2024"]);
  ws.addRow(["STT", "Tên xã", ...Array.from({ length: 19 }, (_, i) => `Tiêu chí ${i + 1}`)]);
  communes.forEach(([name, unmet], i) => ws.addRow([i + 1, name, ...Array.from({ length: 19 }, (_, c) => (unmet.includes(c + 1) ? "Chưa đạt" : "Đạt"))]));
  dress?.(wb, ws);
  return wb;
}

// Hand count: criterion 10 is not met by Yên Phong, Tân Lập, Quang Minh (3); 13 by Yên Phong and
// Quang Minh (2); 17 by Tân Lập (1); 18 by Quang Minh (1). Met: 17, 17, 16, 19: average 69 / 4 = 17.25 -> 17.3.
const COMMUNES: Array<[string, number[]]> = [
  ["Yên Phong", [10, 13]],
  ["Tân Lập", [10, 17]],
  ["Quang Minh", [10, 13, 18]],
  ["Hòa Bình", []],
];
const NOT_MET: Record<number, number> = { 10: 3, 13: 2, 17: 1, 18: 1 };

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function values(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = Array.from({ length: ws.columnCount }, (_, c) => cellValue(row.getCell(c + 1).value));
  });
  return rows;
}

const fillOf = (ws: ExcelJS.Worksheet, row: number, col: number) => {
  const f = ws.getCell(row + 1, col + 1).fill;
  return f && f.type === "pattern" ? `#${String((f.fgColor as { argb?: string } | undefined)?.argb ?? "").slice(2).toUpperCase()}` : undefined;
};

/** The report's matrix, checked cell by cell against the hand count. */
function checkMatrix(ws: ExcelJS.Worksheet, names: string[]) {
  const rows = values(ws);
  const header = rows.findIndex((r) => r[0] === "STT");
  const legend = rows.findIndex((r) => r[0] === "Chú giải");
  expect(legend).toBeGreaterThan(0);
  expect(legend).toBeLessThan(header);
  expect(rows[legend]!.slice(1, 6).map((_, i) => fillOf(ws, legend, i + 1))).toEqual([REPORT_COLOURS.met, REPORT_COLOURS.not_met, REPORT_COLOURS.missing, REPORT_COLOURS.invalid, REPORT_COLOURS.no_threshold]);
  const h = rows[header]!;
  const name = h.indexOf("Tên");
  expect(rows.slice(header + 1, header + 1 + names.length).map((r) => r[name])).toEqual(names);
  const totals = rows[header + 1 + names.length]!;
  expect(totals[name]).toBe("Số đơn vị chưa đạt");
  for (let no = 1; no <= 19; no++) expect(totals[h.indexOf(`TC ${no}`)], `TC ${no}`).toBe(NOT_MET[no] ?? 0);
  const average = rows[header + 2 + names.length]!;
  expect(average.slice(name, name + 3)).toEqual(["Bình quân", 17.3, "tiêu chí/xã"]);
  // The heat map: Quang Minh's criterion 18 not met, its criterion 1 met.
  const qm = header + 1 + names.indexOf("Quang Minh");
  expect(fillOf(ws, qm, h.indexOf("TC 18"))).toBe(REPORT_COLOURS.not_met);
  expect(fillOf(ws, qm, h.indexOf("TC 1"))).toBe(REPORT_COLOURS.met);
  expect(rows[qm]![h.indexOf("TC 18")]).toBe("Chưa đạt");
  return { header, legend, name };
}

/** Frozen on the header and the name column; A4 landscape, one page wide; legend and header on every page. */
function checkPrint(ws: ExcelJS.Worksheet, layout: { header: number; legend: number; name: number }, title: RegExp) {
  const view = ws.views[0] as ExcelJS.WorksheetView & { xSplit?: number; ySplit?: number };
  expect(view).toMatchObject({ state: "frozen", xSplit: layout.name + 1, ySplit: layout.header + 1 });
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  expect(ws.pageSetup.printTitlesRow?.replace(/\$/g, "")).toBe(`${layout.legend + 1}:${layout.header + 1}`);
  expect(ws.headerFooter.oddHeader).toMatch(title);
  expect(ws.headerFooter.oddFooter).toBe("&CTrang &P/&N");
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "ntm-report-"));
});

describe("NTM_BaoCao in a highlighted copy", () => {
  let copy: string;

  beforeAll(async () => {
    const input = path.join(dir, "huyen-a.xlsx");
    // The office's own print settings on its sheet, and a name of its own.
    const book = communeBook(COMMUNES, (wb, ws) => {
      ws.pageSetup = { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" };
      ws.headerFooter = { oddHeader: "&CUBND HUYỆN A", oddFooter: "&RTrang &P" };
      wb.definedNames.add("'Các xã 2024'!$B$3:$B$6", "DanhSachXa");
    });
    await book.xlsx.writeFile(input);
    const r = await cli(["evaluate", input, "--year", "2024", "--region", "tdmnpb", "--out", path.join(dir, "copy") + path.sep]);
    expect(r.code, r.err).toBe(0);
    copy = path.join(dir, "copy", "huyen-a.ntm.xlsx");
  });

  it("holds the legend, the coloured matrix, the totals row and the average", async () => {
    const ws = (await readBook(copy)).getWorksheet("NTM_BaoCao")!;
    checkMatrix(ws, ["Yên Phong", "Tân Lập", "Quang Minh", "Hòa Bình"]);
  });

  it("is frozen on its header and name column and printed A4 landscape, one page wide, with title and page numbers", async () => {
    const ws = (await readBook(copy)).getWorksheet("NTM_BaoCao")!;
    checkPrint(ws, checkMatrix(ws, ["Yên Phong", "Tân Lập", "Quang Minh", "Hòa Bình"]), /^&C&"-,Bold"huyen-a\.xlsx – Bộ tiêu chí quốc gia .* – năm 2024$/);
  });

  it("keeps the original sheet's print settings and names", async () => {
    const wb = await readBook(copy);
    const ws = wb.getWorksheet("Các xã 2024")!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToPage: true, printTitlesRow: "1:2" });
    expect(ws.headerFooter).toMatchObject({ oddHeader: "&CUBND HUYỆN A", oddFooter: "&RTrang &P" });
    const xml = strFromU8(unzipSync(readFileSync(copy))["xl/workbook.xml"]!).replace(/&apos;/g, "'");
    // The original's names are there, each report sheet's print titles scoped to its own position.
    expect(xml).toContain(">'Các xã 2024'!$B$3:$B$6<");
    const titles = [...xml.matchAll(/<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)">([^<]*)</g)].map((m) => [Number(m[1]), m[2]]);
    expect(titles.sort()).toEqual([[0, "'Các xã 2024'!$1:$2"], [1, "'NTM_BaoCao'!$4:$5"]]);
  });

  it("rewrites an old report sheet with its own print titles, not a second set", async () => {
    const again = path.join(dir, "again");
    mkdirSync(again, { recursive: true });
    // The copy as input: its NTM_BaoCao is replaced, its print titles too.
    const input = path.join(again, "huyen-a-lan-2.xlsx");
    writeFileSync(input, readFileSync(copy));
    const r = await cli(["evaluate", input, "--year", "2024", "--region", "tdmnpb", "--sort", "closest"]);
    expect(r.code, r.err).toBe(0);
    const out = path.join(again, "huyen-a-lan-2.ntm.xlsx");
    const xml = strFromU8(unzipSync(readFileSync(out))["xl/workbook.xml"]!);
    expect([...xml.matchAll(/name="_xlnm.Print_Titles" localSheetId="(\d+)"/g)].map((m) => m[1]).sort()).toEqual(["0", "1"]);
    const ws = (await readBook(out)).getWorksheet("NTM_BaoCao")!;
    // Most criteria met first; ties (17) in the sheet's order.
    checkMatrix(ws, ["Hòa Bình", "Yên Phong", "Tân Lập", "Quang Minh"]);
  });
});

describe("the folder's combined report and --html", () => {
  let folder: string;
  let html: string;

  beforeAll(async () => {
    folder = path.join(dir, "thu-muc");
    mkdirSync(folder, { recursive: true });
    await communeBook(COMMUNES.slice(0, 2)).xlsx.writeFile(path.join(folder, "cum-1.xlsx"));
    await communeBook(COMMUNES.slice(2)).xlsx.writeFile(path.join(folder, "cum-2.xlsx"));
    writeFileSync(path.join(folder, "hong.xlsx"), "not a zip");
    writeFileSync(path.join(folder, "cu.xls"), "old");
    html = path.join(dir, "trang", "bao-cao.html");
    const r = await cli(["evaluate", folder, "--year", "2024", "--region", "tdmnpb", "--html", html]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`Trang báo cáo để in (HTML): ${html}`);
  });

  it("writes NTM_BaoCao.xlsx with the matrix, totals and the page setup (exceljs)", async () => {
    const ws = (await readBook(path.join(folder, "NTM_BaoCao.xlsx"))).getWorksheet("NTM_BaoCao")!;
    checkPrint(ws, checkMatrix(ws, ["Yên Phong", "Tân Lập", "Quang Minh", "Hòa Bình"]), /^&C&"-,Bold"thu-muc \(2 tệp\) – Bộ tiêu chí quốc gia .* – năm 2024$/);
  });

  it("writes the page: the same counts, and the files read, skipped and failed", () => {
    const page = readFileSync(html, "utf8");
    const foot = /<tfoot><tr>([\s\S]*?)<\/tr>/.exec(page)![1]!;
    const counts = [...foot.matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(counts).toEqual(Array.from({ length: 19 }, (_, i) => NOT_MET[i + 1] ?? 0));
    expect(page).toContain("17,3");
    expect(page).toContain("Đã đọc (2 tệp)");
    expect(page).toMatch(/<span class="file">cum-1\.xlsx<\/span>: 2 đơn vị/);
    expect(page).toMatch(/Bỏ qua \(1 tệp\)<\/h3><ul><li><span class="file">cu\.xls<\/span>: tệp Excel 97-2003/);
    expect(page).toMatch(/Không đánh giá được \(1 tệp\)<\/h3><ul><li><span class="file">hong\.xlsx<\/span>/);
  });

  it("writes the page in English with --lang en, and never writes the page over a workbook", async () => {
    const en = path.join(dir, "en.html");
    const r = await cli(["evaluate", path.join(folder, "cum-1.xlsx"), "--year", "2024", "--region", "tdmnpb", "--out", path.join(dir, "en") + path.sep, "--html", en, "--lang", "en"]);
    expect(r.code, r.err).toBe(0);
    const page = readFileSync(en, "utf8");
    expect(page).toContain('<html lang="en">');
    expect(page).toContain("Units not meeting");
    const input = path.join(folder, "cum-2.xlsx");
    const before = readFileSync(input);
    const workbook = await cli(["evaluate", path.join(folder, "cum-1.xlsx"), "--out", path.join(dir, "x") + path.sep, "--html", input]);
    expect(workbook.code).toBe(2);
    expect(workbook.err).toContain("--html cần tên một tệp .html");
    expect(readFileSync(input)).toEqual(before);
    expect((await cli(["evaluate", input, "--sort", "best"])).code).toBe(2);
  });
});

describe("LibreOffice opens the reports and prints them on A4 landscape, one page wide", () => {
  it("converts the copy and the combined report to PDF", () => {
    const pdfs = path.join(dir, "pdf");
    const profile = pathToFileURL(path.join(dir, "lo-profile")).href;
    const copy = path.join(dir, "copy", "huyen-a.ntm.xlsx");
    const combined = path.join(dir, "thu-muc", "NTM_BaoCao.xlsx");
    const r = spawnSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", pdfs, copy, combined], { encoding: "utf8", timeout: 110_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(pdfs).sort()).toEqual(["NTM_BaoCao.pdf", "huyen-a.ntm.pdf"]);
    /** Each page's size in points: A4 landscape is 842 × 595. */
    const pages = (file: string) => [...readFileSync(path.join(pdfs, file), "latin1").matchAll(/\/Type\s*\/Page\b[^s][\s\S]*?\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    const landscape = (ps: number[][]) => ps.filter(([w, h]) => w === 842 && h === 595).length;
    // The copy: the office's sheet portrait (its own setting), the 25-column report landscape, one page
    // wide (with the district roll-up of its communes it runs onto a second page).
    const copyPages = pages("huyen-a.ntm.pdf");
    expect(landscape(copyPages)).toBeGreaterThanOrEqual(1);
    expect(copyPages.every(([w, h]) => (w === 842 && h === 595) || h! > w!)).toBe(true);
    expect(copyPages.some(([w, h]) => h! > w!)).toBe(true);
    // The combined report: NTM_BaoCao on one landscape page (one page wide), then NTM_TepLoi.
    expect(landscape(pages("NTM_BaoCao.pdf"))).toBe(1);
  }, 120_000);
});
