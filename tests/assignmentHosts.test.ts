/// <reference types="google-apps-script" />
// The same workbook (a district sheet of three communes and its NTM_PhanCong) through the three
// hosts: the command line on the real .xlsx, the Excel add-in (office-addin-mock over the fake
// workbook) and the BUILT Google Sheets Code.js (node:vm over the typed fakes). They write the same
// NTM_TheoDoi rows and the same district roll-up in NTM_BaoCao, name the same bad cell, and create
// (never overwrite) NTM_PhanCong alike. Truths by hand in tests/fixtures/assignmentBook.ts.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import vm from "node:vm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateWorkbook } from "../cli/evaluateWorkbook.js";
import { readGrid } from "../cli/xlsxGrid.js";
import { createAssignmentSheet, evaluateActiveSheet } from "../excel-addin/taskpane/excelAdapter.js";
import { ASSIGNMENT_SHEET, FOLLOW_UP_SHEET, FOLLOW_UP_WIDTHS, REPORT_SHEET, assignmentTemplate, daysBetween, getBuiltInSet, todayIso, type SheetGrid } from "../shared/index.js";
import { copyBytes, readCopy } from "./corpus/compare.js";
import { fakeSheet } from "./corpus/hosts/excelHost.js";
import { readBook, type BookSheet } from "./corpus/hosts/reference.js";
import { installMockExcel, uninstallMockExcel } from "./excel/support/mockExcel.js";
import { buildAndRead, runBundle } from "./gas/bundle.js";
import { fakeGas } from "./gas/fakes.js";
import { assignmentGrid, assignmentRows, COL, districtGrid, DISTRICT_SHEET, ROW_OF } from "./fixtures/assignmentBook.js";

const TODAY = todayIso();
const OVERDUE = `Quá hạn ${daysBetween("2021-06-30", TODAY)} ngày`;
const BAD_CELL = `NTM_PhanCong!E${ROW_OF(5) + 1} ("Hạn hoàn thành")`;

let dir = "";
let code = "";

async function writeBook(file: string, sheets: SheetGrid[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.values) ws.addRow([...r]);
  }
  const out = path.join(dir, file);
  await wb.xlsx.writeFile(out);
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "ntm-assign-hosts-"));
  ({ code } = await buildAndRead());
}, 180_000);

/** Rows as text, numbers as written, trailing blanks (cells and rows) dropped. */
function rowsText(rows: ReadonlyArray<ReadonlyArray<unknown>> | undefined): string[] {
  const out = (rows ?? []).map((r) => r.map((v) => (v === null || v === undefined ? "" : String(v))).join("\t").replace(/\t+$/, ""));
  while (out.length && out[out.length - 1] === "") out.pop();
  return out;
}

/** The command line on the .xlsx: its copy's sheets, or the error that refused it. */
async function cli(file: string): Promise<{ sheets: Map<string, string[]> } | { error: string }> {
  try {
    const ev = await evaluateWorkbook(file, { lang: "vi", followUp: { reportDate: TODAY } });
    const copy = await readCopy(await copyBytes(ev));
    return { sheets: new Map(copy.worksheets.map((ws) => [ws.name, rowsText(readGrid(ws).values)])) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** The Excel add-in: "Đánh giá trang tính" on the district sheet of the fake workbook. */
async function excel(book: readonly BookSheet[]) {
  const fake = installMockExcel(book.map(fakeSheet));
  try {
    fake.active = fake.sheets.findIndex((s) => s.name === DISTRICT_SHEET);
    const r = await evaluateActiveSheet({ settings: { lang: "vi" }, caps: { notes: true } });
    if (!r.ok) throw new Error(r.message);
    const sheet = (name: string) => (fake.sheet(name) ? rowsText(fake.sheetValues(name)) : undefined);
    return { followUp: r.followUp, theoDoi: sheet(FOLLOW_UP_SHEET), report: sheet(REPORT_SHEET), active: fake.sheets[fake.active]?.name };
  } finally {
    uninstallMockExcel();
  }
}

/** The built Code.js: the menu's "Đánh giá trang tính" on the district sheet of the fakes. */
function sheets(book: readonly BookSheet[]) {
  const gas = fakeGas(book.map((s) => s.grid));
  const g = runBundle(code, gas);
  // Dates as Apps Script hands them over: Date objects of the script's own realm.
  const InnerDate = vm.runInContext("Date", g as unknown as vm.Context) as DateConstructor;
  for (const s of gas.book.sheets) s.values = s.values.map((r) => r.map((v) => (v instanceof Date ? new InnerDate(v.getTime()) : v)));
  gas.book.active = gas.book.getSheetByName(DISTRICT_SHEET)!;
  g.ntmMenuEvaluate!();
  const sheet = (name: string) => (gas.book.getSheetByName(name) ? rowsText(gas.book.getSheetByName(name)!.values) : undefined);
  const widths = gas.book.getSheetByName(FOLLOW_UP_SHEET)?.columnWidths;
  return { alert: gas.ui.alerts.at(-1) ?? "", theoDoi: sheet(FOLLOW_UP_SHEET), report: sheet(REPORT_SHEET), active: gas.book.active.getName(), widths };
}

/** The rows of NTM_TheoDoi but its subtitle, whose last part names what was judged (the file, or the sheet). */
const withoutSource = (rows: string[] | undefined) => (rows ?? []).filter((_, i) => i !== 1);

/** The roll-up block of a report: from its title to the notes (or the end). */
function rollup(rows: string[] | undefined): string[] {
  const all = rows ?? [];
  const start = all.findIndex((r) => r.startsWith("ĐIỀU KIỆN HUYỆN ĐẠT CHUẨN NÔNG THÔN MỚI"));
  if (start < 0) return [];
  const notes = all.indexOf("Lưu ý", start);
  return all.slice(start, notes < 0 ? undefined : notes).filter((r) => r !== "");
}

describe("NTM_PhanCong followed up on the three hosts", () => {
  it("the command line, Excel and Google Sheets write the same NTM_TheoDoi, counted as by hand", async () => {
    const file = await writeBook("huyen.xlsx", [districtGrid(), assignmentGrid()]);
    const ref = await cli(file);
    if ("error" in ref) throw new Error(ref.error);
    const theoDoi = ref.sheets.get(FOLLOW_UP_SHEET)!;
    // By hand: 4 open items, 3 assigned (2 overdue), 1 not assigned.
    expect(theoDoi).toContain("- Đã phân công 3 lượt, trong đó quá hạn 2 lượt; chưa phân công 1 lượt.");
    const detail = theoDoi.filter((r) => /^\d+\t/.test(r)).map((r) => r.split("\t"));
    expect(detail.map((d) => [d[1], d[2], d[5], d[6], d[7]])).toEqual([
      ["Thanh Vân", "17", "Phòng TN&MT", "30/6/2021", OVERDUE],
      ["Hòa Bình", "5", "Phòng VH-TT", "31/12/2099", "Còn hạn"],
      ["Hòa Bình", "17", "Phòng TN&MT", "30/6/2021", OVERDUE],
      ["Tân Lập", "9", "", "", "Chưa phân công"],
    ]);
    expect(theoDoi[1]).toMatch(/; huyen\.xlsx$/);

    const book = await readBook(file);
    const x = await excel(book);
    const s = sheets(book);
    const said = "đã giao 3 lượt, chưa giao 1 lượt, quá hạn 2 lượt.";
    expect(x.followUp?.[0]).toContain(said);
    expect(s.alert).toContain(said);
    expect(withoutSource(x.theoDoi)).toEqual(withoutSource(theoDoi));
    expect(withoutSource(s.theoDoi)).toEqual(withoutSource(theoDoi));
    for (const rows of [x.theoDoi, s.theoDoi]) expect(rows![1]).toMatch(new RegExp(`; ${DISTRICT_SHEET}$`));
    // The command line's column widths (characters, 7 px each in Sheets).
    expect(s.widths).toEqual(Object.fromEntries(FOLLOW_UP_WIDTHS.map((w, i) => [i + 1, w * 7])));
    // The judged sheet stays in front.
    expect([x.active, s.active]).toEqual([DISTRICT_SHEET, DISTRICT_SHEET]);

    // NTM_BaoCao: the same roll-up of the three communes on every host, none meeting the set.
    const block = rollup(ref.sheets.get(REPORT_SHEET));
    expect(block[0]).toContain("tính từ kết quả của 03 xã");
    expect(block[1]).toContain("Chưa đạt: 0/3 xã (0%)");
    expect(rollup(x.report)).toEqual(block);
    expect(rollup(s.report)).toEqual(block);
  }, 60_000);

  it("a deadline that is no date: every host names the cell, and none writes NTM_TheoDoi", async () => {
    const file = await writeBook("huyen-sai.xlsx", [districtGrid(), assignmentGrid({ deadline5: "31/2/2025" })]);
    const ref = await cli(file);
    expect("error" in ref && ref.error).toContain(`${BAD_CELL}: "31/2/2025": không có ngày 31 tháng 2 năm 2025`);
    const book = await readBook(file);
    const x = await excel(book);
    const s = sheets(book);
    expect(x.followUp).toEqual(["Chưa ghi trang NTM_TheoDoi: trang NTM_PhanCong có 1 chỗ cần sửa:", `- ${BAD_CELL}: "31/2/2025": không có ngày 31 tháng 2 năm 2025`]);
    expect(s.alert).toContain(`- ${BAD_CELL}: "31/2/2025"`);
    expect([x.theoDoi, s.theoDoi]).toEqual([undefined, undefined]);
    // The evaluation itself went through: the report is there.
    expect(x.report?.length).toBeGreaterThan(10);
    expect(s.report?.length).toBeGreaterThan(10);
  }, 60_000);
});

describe("NTM_PhanCong as offices merge it: one department down the criteria it holds", () => {
  it("criteria 8 and 9 under one merged holder and deadline: the three hosts read it for both", async () => {
    const rows = assignmentRows();
    rows[ROW_OF(8)]![COL.holder] = "Phòng Kinh tế";
    rows[ROW_OF(8)]![COL.deadline] = "31/12/2099";
    const grid: SheetGrid = { name: "NTM_PhanCong", values: rows };
    const wb = new ExcelJS.Workbook();
    for (const g of [districtGrid(), grid]) {
      const ws = wb.addWorksheet(g.name);
      for (const r of g.values) ws.addRow([...r]);
    }
    // Rows 14-15 (criteria 8, 9): columns D (holder) and E (deadline) merged down.
    const pc = wb.getWorksheet("NTM_PhanCong")!;
    pc.mergeCells(ROW_OF(8) + 1, COL.holder + 1, ROW_OF(9) + 1, COL.holder + 1);
    pc.mergeCells(ROW_OF(8) + 1, COL.deadline + 1, ROW_OF(9) + 1, COL.deadline + 1);
    const file = path.join(dir, "huyen-gop-o.xlsx");
    await wb.xlsx.writeFile(file);

    const ref = await cli(file);
    if ("error" in ref) throw new Error(ref.error);
    const theoDoi = ref.sheets.get(FOLLOW_UP_SHEET)!;
    // By hand: Tân Lập's 9 is now Phòng Kinh tế's, until 31/12/2099: 4 assigned, 2 overdue, none left.
    const nine = theoDoi.map((r) => r.split("\t")).find((d) => d[1] === "Tân Lập" && d[2] === "9")!;
    expect([nine[5], nine[6], nine[7]]).toEqual(["Phòng Kinh tế", "31/12/2099", "Còn hạn"]);
    const book = await readBook(file);
    const x = await excel(book);
    const s = sheets(book);
    const said = "đã giao 4 lượt, chưa giao 0 lượt, quá hạn 2 lượt.";
    expect(x.followUp?.[0]).toContain(said);
    expect(s.alert).toContain(said);
    expect(withoutSource(x.theoDoi)).toEqual(withoutSource(theoDoi));
    expect(withoutSource(s.theoDoi)).toEqual(withoutSource(theoDoi));
  }, 60_000);
});

describe("a protected NTM_TheoDoi: left as the user locked it, the evaluation still done", () => {
  it("Excel and Google Sheets say the sheet is protected and write the rest", async () => {
    const mine = { name: FOLLOW_UP_SHEET, values: [["Theo dõi của phòng, đã khoá"]] };
    const file = await writeBook("huyen-khoa.xlsx", [districtGrid(), assignmentGrid(), mine]);
    const book = (await readBook(file)).map((s) => (s.grid.name === FOLLOW_UP_SHEET ? { ...s, protected: true } : s));
    const said = 'Chưa ghi được trang NTM_TheoDoi: Trang "NTM_TheoDoi" đang được bảo vệ';
    const x = await excel(book);
    expect(x.followUp?.[0]).toContain(said);
    expect(x.theoDoi).toEqual(["Theo dõi của phòng, đã khoá"]);
    expect(rollup(x.report).length).toBeGreaterThan(2);

    const gas = fakeGas(book.map((b) => b.grid));
    gas.book.getSheetByName(FOLLOW_UP_SHEET)!.protections.push({ canEdit: () => false });
    const g = runBundle(code, gas);
    const InnerDate = vm.runInContext("Date", g as unknown as vm.Context) as DateConstructor;
    for (const sh of gas.book.sheets) sh.values = sh.values.map((r) => r.map((v) => (v instanceof Date ? new InnerDate(v.getTime()) : v)));
    gas.book.active = gas.book.getSheetByName(DISTRICT_SHEET)!;
    g.ntmMenuEvaluate!();
    expect(gas.ui.alerts.at(-1)).toContain(said);
    expect(rowsText(gas.book.getSheetByName(FOLLOW_UP_SHEET)!.values)).toEqual(["Theo dõi của phòng, đã khoá"]);
    expect(rollup(rowsText(gas.book.getSheetByName(REPORT_SHEET)!.values)).length).toBeGreaterThan(2);
  }, 60_000);
});

describe("'Tạo mẫu phân công' in Excel and in Google Sheets", () => {
  const template = rowsText(assignmentTemplate(getBuiltInSet("xa-ntm-2021-2025")!, "vi").rows);

  it("creates NTM_PhanCong with the template's rows; a second time it refuses and leaves the sheet as it was", async () => {
    const refused = "Trang NTM_PhanCong đã có nên không tạo lại (trang đã có không bao giờ bị ghi đè): hãy sửa trực tiếp, hoặc đổi tên/xoá trang đó trước khi tạo mẫu mới.";
    // Excel
    const fake = installMockExcel([fakeSheet({ grid: districtGrid(), protected: false })]);
    try {
      const made = await createAssignmentSheet({ lang: "vi" }, { notes: true });
      expect(made.ok && made.message).toMatch(/^Đã tạo trang NTM_PhanCong theo bộ "xa-ntm-2021-2025" \(19 tiêu chí\)/);
      expect(rowsText(fake.sheetValues(ASSIGNMENT_SHEET))).toEqual(template);
      fake.sheet(ASSIGNMENT_SHEET)!.edit(ROW_OF(17), 3).value = "Phòng TN&MT";
      const before = JSON.stringify(fake.sheetValues(ASSIGNMENT_SHEET));
      const again = await createAssignmentSheet({ lang: "vi" }, { notes: true });
      expect(again).toMatchObject({ ok: false, message: refused });
      expect(JSON.stringify(fake.sheetValues(ASSIGNMENT_SHEET))).toBe(before);
    } finally {
      uninstallMockExcel();
    }
    // Google Sheets: the menu item and the sidebar's call.
    const gas = fakeGas([districtGrid()]);
    const g = runBundle(code, gas);
    g.onOpen!();
    const items = gas.ui.menus.flatMap((m) => m.items).filter((i) => i !== "separator") as Array<{ caption: string; fn: string }>;
    expect(items).toContainEqual({ caption: "Tạo mẫu phân công", fn: "ntmMenuCreateAssignmentSheet" });
    g.ntmMenuCreateAssignmentSheet!();
    expect(gas.ui.alerts.at(-1)).toMatch(/^Đã tạo trang NTM_PhanCong theo bộ "xa-ntm-2021-2025" \(19 tiêu chí\)/);
    const sheet = gas.book.getSheetByName(ASSIGNMENT_SHEET)!;
    expect(rowsText(sheet.values)).toEqual(template);
    sheet.values[ROW_OF(17)]![3] = "Phòng TN&MT";
    const before = JSON.stringify(sheet.values);
    expect(g.ntmSidebarCreateAssignmentSheet!()).toEqual({ ok: false, message: refused });
    expect(JSON.stringify(sheet.values)).toBe(before);
  }, 60_000);
});
