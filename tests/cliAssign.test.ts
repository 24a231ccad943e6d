// Assignments on the command line, over real .xlsx files written with exceljs: `ntm assign
// template`, `ntm evaluate --assignments --report-date` (the printed follow-up, the copy's and the
// folder's NTM_TheoDoi, --json's followUp), a workbook's own NTM_PhanCong, and the messages for a
// bad date or a missing sheet. Every expected line and count is worked out by hand.
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { cli } from "./support/cli.js";
import { saveBook, sheetRows as rowsOf } from "./support/xlsxFiles.js";

const save = (wb: ExcelJS.Workbook, name: string, folder = dir) => saveBook(wb, folder, name);

let dir: string;

const MARKS = Array.from({ length: 19 }, (_, i) => i + 1);
type Commune = [name: string, unmet: number[], blank?: number[]];

/** A district's commune sheet, "Đạt / Chưa đạt" per criterion, a blank for missing data. */
function communeBook(communes: Commune[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Các xã 2025");
  ws.addRow(["TỔNG HỢP KẾT QUẢ THỰC HIỆN TIÊU CHÍ NÔNG THÔN MỚI CÁC XÃ NĂM 2025"]);
  ws.addRow(["TT", "Tên xã", ...MARKS.map((n) => `Tiêu chí ${n}`)]);
  communes.forEach(([name, unmet, blank = []], i) => ws.addRow([i + 1, name, ...MARKS.map((n) => (blank.includes(n) ? "" : unmet.includes(n) ? "Chưa đạt" : "Đạt"))]));
  return wb;
}

// Yên Phong misses 17; Tân Lập misses 10 and 17 and has no figure for 5; Kim Sơn meets every criterion.
const DISTRICT: Commune[] = [
  ["Yên Phong", [17]],
  ["Tân Lập", [10, 17], [5]],
  ["Kim Sơn", []],
];

/**
 * The template made by `ntm assign template`, filled in as an office would (criterion n is on row
 * 6 + n; columns A criterion, C commune, D holder, E deadline): 10 to Phòng NN&PTNT by 30/6/2025
 * (typed as text), 17 to Phòng TN&MT by 31/7/2025 (a date cell), and, on a row added below,
 * 17 for Tân Lập to its commune office by 15/6/2025 (an Excel serial number, 45823). Nobody holds 5.
 */
async function filledTemplate(name: string, edit?: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const file = path.join(dir, name);
  const made = await cli(["assign", "template", "--out", file]);
  expect(made.code, made.err).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("NTM_PhanCong")!;
  ws.getCell("D16").value = "Phòng NN&PTNT";
  ws.getCell("E16").value = "30/6/2025";
  ws.getCell("D23").value = "Phòng TN&MT";
  ws.getCell("E23").value = new Date(Date.UTC(2025, 6, 31));
  ws.getRow(26).values = ["17", "", "Tân Lập", "UBND xã Tân Lập", 45823, "", "Đang thực hiện"];
  edit?.(ws);
  await wb.xlsx.writeFile(file);
  return file;
}

const FOLLOW_UP_LINES = [
  "I. TÌNH HÌNH CHUNG",
  "- Còn 4 lượt tiêu chí chưa đạt hoặc thiếu số liệu ở 02 xã.",
  "- Đã phân công 3 lượt, trong đó quá hạn 1 lượt; chưa phân công 1 lượt.",
  "II. THEO TIÊU CHÍ",
  "- Tiêu chí số 5 (Trường học): 01 xã thiếu số liệu (Tân Lập); chưa phân công.",
  "- Tiêu chí số 10 (Thu nhập): 01 xã chưa đạt (Tân Lập); giao Phòng NN&PTNT, hạn 30/6/2025.",
  "- Tiêu chí số 17 (Môi trường và an toàn thực phẩm): 02 xã chưa đạt (Yên Phong, Tân Lập); giao Phòng TN&MT, hạn 31/7/2025 (Yên Phong); UBND xã Tân Lập, hạn 15/6/2025 (Tân Lập) — quá hạn: 01 xã (Tân Lập).",
  "III. THEO ĐƠN VỊ, NGƯỜI PHỤ TRÁCH",
  "- Phòng NN&PTNT: 01 tiêu chí phụ trách chưa đạt (10), chưa có tiêu chí quá hạn.",
  "- Phòng TN&MT: 01 tiêu chí phụ trách chưa đạt (17), chưa có tiêu chí quá hạn.",
  "- UBND xã Tân Lập: 01 tiêu chí phụ trách chưa đạt (17), 01 quá hạn (17).",
  "- Chưa phân công: 01 tiêu chí (5) ở 01 xã.",
];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "ntm-assign-"));
});

describe("ntm assign template", () => {
  it("writes the NTM_PhanCong sheet: header on row 4, a row per criterion, text columns for codes and dates", async () => {
    const file = path.join(dir, "mau.xlsx");
    const r = await cli(["assign", "template", "--out", file]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`Đã tạo mẫu phân công: ${file} (trang NTM_PhanCong, 19 tiêu chí của bộ xa-ntm-2021-2025)`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["NTM_PhanCong"]);
    const rows = await rowsOf(file, "NTM_PhanCong");
    expect(rows[1]).toEqual(["Bộ tiêu chí", "xa-ntm-2021-2025", "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025"]);
    expect(rows[3]).toEqual(["Tiêu chí/Chỉ tiêu", "Tên tiêu chí", "Xã", "Đơn vị/người phụ trách", "Hạn hoàn thành", "Minh chứng", "Trạng thái", "Ghi chú"]);
    expect(rows[4]!.slice(0, 5)).toEqual(["Ví dụ: 17", "Môi trường và an toàn thực phẩm", "Tân Lập", "Phòng TN&MT", "30/6/2025"]);
    // The last criterion on row 25; below it only empty rows formatted as text.
    expect(rows[24]).toEqual(["19", "Quốc phòng và An ninh"]);
    expect(rows.slice(25).every((r) => r.length === 0)).toBe(true);
    expect(rows[22]).toEqual(["17", "Môi trường và an toàn thực phẩm"]);
    const ws = wb.getWorksheet("NTM_PhanCong")!;
    expect([ws.getCell("A23").numFmt, ws.getCell("E23").numFmt, ws.getCell("A100").numFmt]).toEqual(["@", "@", "@"]);
  });

  it("in English and for a village set; never over an existing file; wrong usage is exit 2", async () => {
    const file = path.join(dir, "template-en.xlsx");
    const r = await cli(["assign", "template", "--set", "thon-ntm-bac-kan-2022-2025", "--out", file, "--lang", "en"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("19 criteria of set thon-ntm-bac-kan-2022-2025");
    expect((await rowsOf(file, "NTM_PhanCong"))[3]).toEqual(["Criterion/Indicator", "Criterion name", "Commune", "Village", "Responsible department/person", "Deadline", "Evidence", "Status", "Notes"]);
    const again = await cli(["assign", "template", "--out", file]);
    expect(again.code).toBe(2);
    expect(again.err).toContain(`ntm: ${file} đã có: chọn tên khác bằng --out (tệp đã có không bao giờ bị ghi đè)`);
    expect((await cli(["assign", "list"])).code).toBe(2);
    expect((await cli(["assign", "template", "--out", path.join(dir, "x.csv")])).err).toContain('--out cần tên một tệp .xlsx, nhận "');
    const unknown = await cli(["assign", "template", "--set", "xa-khong-co", "--out", path.join(dir, "y.xlsx")]);
    expect(unknown.code).toBe(1);
    expect(existsSync(path.join(dir, "y.xlsx"))).toBe(false);
  });
});

describe("ntm evaluate --assignments", () => {
  it("prints the follow-up after the road, and writes NTM_TheoDoi into the copy", async () => {
    const book = await save(communeBook(DISTRICT), "huyen.xlsx");
    const pc = await filledTemplate("pc.xlsx");
    const copy = path.join(dir, "huyen-theo-doi.ntm.xlsx");
    const r = await cli(["evaluate", book, "--assignments", pc, "--report-date", "2025-06-30", "--out", copy]);
    expect(r.code, r.err).toBe(0);
    const title = "THEO DÕI PHÂN CÔNG (tính đến ngày 30/6/2025) — xa-ntm-2021-2025; huyen.xlsx; phân công: pc.xlsx";
    expect(r.out).toContain(`\n${title}\n${FOLLOW_UP_LINES.join("\n")}\n`);
    expect(r.out.indexOf(title)).toBeGreaterThan(r.out.indexOf("KHẢ NĂNG VỀ ĐÍCH NÔNG THÔN MỚI"));
    const rows = await rowsOf(copy, "NTM_TheoDoi");
    expect(rows[0]).toEqual(["BÁO CÁO TIẾN ĐỘ THỰC HIỆN CÁC TIÊU CHÍ CHƯA ĐẠT"]);
    expect(rows[1]![0]).toBe("Kỳ báo cáo tháng 6/2025, tính đến ngày 30/6/2025; Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025 (xa-ntm-2021-2025); huyen.xlsx; phân công: pc.xlsx");
    expect(rows.slice(3, 3 + FOLLOW_UP_LINES.length).map((r) => r[0])).toEqual(FOLLOW_UP_LINES);
    const detail = rows.findIndex((r) => r[0] === "IV. CHI TIẾT");
    expect(rows.slice(detail + 2)).toEqual([
      [1, "Yên Phong", 17, "Môi trường và an toàn thực phẩm", "Chưa đạt", "Phòng TN&MT", "31/7/2025", "Còn hạn"],
      [2, "Tân Lập", 5, "Trường học", "Thiếu số liệu", "", "", "Chưa phân công"],
      [3, "Tân Lập", 10, "Thu nhập", "Chưa đạt", "Phòng NN&PTNT", "30/6/2025", "Còn hạn"],
      [4, "Tân Lập", 17, "Môi trường và an toàn thực phẩm", "Chưa đạt", "UBND xã Tân Lập", "15/6/2025", "Quá hạn 15 ngày", "Đang thực hiện"],
    ]);
  });

  it("--json: followUp with hand-computed counts; a later report date makes the deadline of 30/6 overdue", async () => {
    const book = await save(communeBook(DISTRICT), "huyen-json.xlsx");
    const pc = await filledTemplate("pc-json.xlsx");
    const r = await cli(["evaluate", book, "--assignments", pc, "--report-date", "1/7/2025", "--out", path.join(dir, "json.ntm.xlsx"), "--json"]);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    const f = doc.followUp;
    expect(f.set).toBe("xa-ntm-2021-2025");
    expect(f.reportDate).toBe("2025-07-01");
    expect(f.source).toBe("huyen-json.xlsx; phân công: pc-json.xlsx");
    expect(f.counts).toEqual({ items: 4, assigned: 3, overdue: 2, unassigned: 1, units: 2 });
    expect(f.items.map((i: { unit: number; criterion: number; status: string; overdue: boolean }) => [doc.units[i.unit].name, i.criterion, i.status, i.overdue])).toEqual([
      ["Yên Phong", 17, "not_met", false],
      ["Tân Lập", 5, "missing", false],
      ["Tân Lập", 10, "not_met", true],
      ["Tân Lập", 17, "not_met", true],
    ]);
    expect(f.items[2].holders).toEqual([{ holder: "Phòng NN&PTNT", code: "10", deadline: "2025-06-30", overdue: true, daysOverdue: 1, scope: "all", row: 16, evidence: "", status: "", note: "" }]);
    expect(f.items[3].holders[0]).toMatchObject({ holder: "UBND xã Tân Lập", deadline: "2025-06-15", daysOverdue: 16, scope: "commune", row: 26, status: "Đang thực hiện" });
    expect(f.byHolder).toEqual([
      { holder: "Phòng NN&PTNT", open: [10], overdue: [10], done: [], items: 1, overdueItems: 1 },
      { holder: "Phòng TN&MT", open: [17], overdue: [], done: [], items: 1, overdueItems: 0 },
      { holder: "UBND xã Tân Lập", open: [17], overdue: [17], done: [], items: 1, overdueItems: 1 },
    ]);
    expect(f.byCriterion).toEqual([
      { criterion: 5, notMet: [], missing: [1], overdue: [], unassigned: [1] },
      { criterion: 10, notMet: [1], missing: [], overdue: [1], unassigned: [] },
      { criterion: 17, notMet: [0, 1], missing: [], overdue: [1], unassigned: [] },
    ]);
    expect(f.report).toContain("- Tiêu chí số 10 (Thu nhập): 01 xã chưa đạt (Tân Lập); giao Phòng NN&PTNT, hạn 30/6/2025 — quá hạn: 01 xã (Tân Lập).");
    expect(f.warnings).toEqual([]);
    expect(doc.otherFollowUps).toBeUndefined();
  });

  it("reads a workbook's own NTM_PhanCong (never judged as data), in English too", async () => {
    const wb = communeBook(DISTRICT);
    const ws = wb.addWorksheet("NTM_PhanCong");
    ws.addRow(["Tiêu chí/Chỉ tiêu", "Tên tiêu chí", "Xã", "Đơn vị/người phụ trách", "Hạn hoàn thành"]);
    ws.addRow(["17", "Môi trường và an toàn thực phẩm", "", "Phòng TN&MT", "08/6/2025"]);
    ws.addRow(["10", "Thu nhập", "", "Phòng NN&PTNT", "2025-06-08"]);
    const book = await save(wb, "huyen-rieng.xlsx");
    const r = await cli(["evaluate", book, "--report-date", "2025-06-30", "--out", path.join(dir, "rieng.ntm.xlsx"), "--json", "--lang", "en"]);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.units.length).toBe(3);
    expect(doc.files[0].skippedSheets).toEqual([]);
    expect(doc.followUp.source).toBe("huyen-rieng.xlsx");
    // 17 for Yên Phong and Tân Lập, 10 for Tân Lập: all three past 8 June; 5 for Tân Lập held by nobody.
    expect(doc.followUp.counts).toEqual({ items: 4, assigned: 3, overdue: 3, unassigned: 1, units: 2 });
    expect(doc.followUp.report).toEqual([
      "I. OVERVIEW",
      "- 4 criteria not met or with missing data across 2 communes.",
      "- Assigned: 3, of which 3 overdue; not assigned: 1.",
      "II. BY CRITERION",
      "- Criterion 5 (Schools): 1 commune with missing data (Tân Lập); not assigned.",
      "- Criterion 10 (Income): 1 commune not met (Tân Lập); assigned to Phòng NN&PTNT, due 2025-06-08 — overdue: 1 commune (Tân Lập).",
      "- Criterion 17 (Environment and food safety): 2 communes not met (Yên Phong, Tân Lập); assigned to Phòng TN&MT, due 2025-06-08 — overdue: 2 communes (Yên Phong, Tân Lập).",
      "III. BY DEPARTMENT OR PERSON RESPONSIBLE",
      "- Phòng TN&MT: 1 criterion held not met yet (17), 1 overdue (17).",
      "- Phòng NN&PTNT: 1 criterion held not met yet (10), 1 overdue (10).",
      "- Not assigned: 1 criterion (5) in 1 commune.",
    ]);
    // Without a follow-up asked for... there is always one: the default report date is today.
    const today = await cli(["evaluate", book, "--out", path.join(dir, "rieng2.ntm.xlsx"), "--json"]);
    const d = new Date();
    const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    expect(JSON.parse(today.out).followUp.reportDate).toBe(iso);
    expect((await rowsOf(path.join(dir, "rieng.ntm.xlsx"), "NTM_TheoDoi"))[0]).toEqual(["PROGRESS ON THE CRITERIA NOT YET MET"]);
  });

  it("a folder: one follow-up over every file, NTM_TheoDoi in the combined report", async () => {
    const folder = path.join(dir, "thu-muc");
    mkdirSync(folder);
    await save(communeBook([DISTRICT[0]!]), "a-yen-phong.xlsx", folder);
    await save(communeBook([DISTRICT[1]!, DISTRICT[2]!]), "b-tan-lap-kim-son.xlsx", folder);
    const pc = await filledTemplate("pc-folder.xlsx");
    const out = path.join(dir, "thu-muc-ra");
    const r = await cli(["evaluate", folder, "--assignments", pc, "--report-date", "2025-06-30", "--out", out, "--json"]);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.units.map((u: { name: string }) => u.name)).toEqual(["Yên Phong", "Tân Lập", "Kim Sơn"]);
    expect(doc.followUp.report).toEqual(FOLLOW_UP_LINES);
    expect(doc.followUp.source).toBe("thu-muc (2 tệp); phân công: pc-folder.xlsx");
    const combined = await rowsOf(path.join(out, "NTM_BaoCao.xlsx"), "NTM_TheoDoi");
    expect(combined.slice(3, 3 + FOLLOW_UP_LINES.length).map((x) => x[0])).toEqual(FOLLOW_UP_LINES);
    // Each copy carries the follow-up of its own units.
    const a = await rowsOf(path.join(out, "a-yen-phong.ntm.xlsx"), "NTM_TheoDoi");
    expect(a[4]).toEqual(["- Còn 1 lượt tiêu chí chưa đạt hoặc thiếu số liệu ở 01 xã."]);
  });
});

describe("bad assignments stop the run, naming file, sheet and cell", () => {
  it("a bad date, in Vietnamese and English, before any copy is written", async () => {
    const book = await save(communeBook(DISTRICT), "huyen-loi.xlsx");
    const pc = await filledTemplate("pc-loi.xlsx", (ws) => (ws.getCell("E16").value = "31/6/2025"));
    const copy = path.join(dir, "loi.ntm.xlsx");
    const vi = await cli(["evaluate", book, "--assignments", pc, "--out", copy]);
    expect(vi.code).toBe(1);
    expect(vi.err).toBe('ntm: pc-loi.xlsx, NTM_PhanCong!E16 ("Hạn hoàn thành"): "31/6/2025": không có ngày 31 tháng 6 năm 2025\n');
    expect(existsSync(copy)).toBe(false);
    const en = await cli(["evaluate", book, "--assignments", pc, "--out", copy, "--lang", "en"]);
    expect(en.code).toBe(1);
    expect(en.err).toBe('ntm: pc-loi.xlsx, NTM_PhanCong!E16 ("Hạn hoàn thành"): "31/6/2025": there is no day 31 in month 6 of 2025\n');
    // Two bad cells: the first named, the others counted.
    const two = await filledTemplate("pc-loi2.xlsx", (ws) => {
      ws.getCell("E16").value = "sau Tết";
      ws.getCell("A26").value = "Môi trường";
    });
    const r = await cli(["evaluate", book, "--assignments", two, "--out", copy]);
    expect(r.err).toBe('ntm: pc-loi2.xlsx, NTM_PhanCong!E16 ("Hạn hoàn thành"): "sau Tết" không phải một ngày: cần ngày/tháng/năm như 30/6/2025 (hoặc 2025-06-30) (và 1 lỗi khác)\n');
  });

  it("a file without NTM_PhanCong, a workbook's own bad sheet, a bad --report-date", async () => {
    const book = await save(communeBook(DISTRICT), "huyen-thieu.xlsx");
    const other = new ExcelJS.Workbook();
    other.addWorksheet("Phân công").addRow(["Tiêu chí", "Phụ trách"]);
    const file = await save(other, "khong-co-trang.xlsx");
    const r = await cli(["evaluate", book, "--assignments", file, "--out", path.join(dir, "thieu.ntm.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.err).toBe("ntm: khong-co-trang.xlsx: không có trang NTM_PhanCong (các trang: Phân công); tạo trang mẫu bằng lệnh: ntm assign template --out NTM_PhanCong.xlsx\n");

    const wb = communeBook(DISTRICT);
    const ws = wb.addWorksheet("NTM_PhanCong");
    ws.addRow(["Tiêu chí", "Phụ trách", "Hạn hoàn thành"]);
    ws.addRow(["17", "Phòng TN&MT", "30/02/2025"]);
    const own = await save(wb, "huyen-trang-loi.xlsx");
    const bad = await cli(["evaluate", own, "--out", path.join(dir, "trang-loi.ntm.xlsx"), "--lang", "en"]);
    expect(bad.code).toBe(1);
    expect(bad.err).toBe('ntm: huyen-trang-loi.xlsx, NTM_PhanCong!C2 ("Hạn hoàn thành"): "30/02/2025": there is no day 30 in month 2 of 2025\n');

    const noHeader = new ExcelJS.Workbook();
    noHeader.addWorksheet("NTM_PhanCong").addRow(["Xã", "Tiêu chí"]);
    const nh = await save(noHeader, "khong-tieu-de.xlsx");
    const h = await cli(["evaluate", book, "--assignments", nh, "--out", path.join(dir, "nh.ntm.xlsx")]);
    expect(h.code).toBe(1);
    expect(h.err).toMatch(/^ntm: khong-tieu-de\.xlsx, NTM_PhanCong: không thấy dòng tiêu đề có các cột "Tiêu chí\/Chỉ tiêu" và "Đơn vị\/người phụ trách"/);

    const date = await cli(["evaluate", book, "--report-date", "30-06", "--out", path.join(dir, "d.ntm.xlsx")]);
    expect(date.code).toBe(2);
    expect(date.err).toContain('ntm: --report-date cần một ngày như 2025-06-30 hoặc 30/6/2025, nhận "30-06"');
    const missing = await cli(["evaluate", book, "--assignments", path.join(dir, "khong-co.xlsx"), "--out", path.join(dir, "m.ntm.xlsx")]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("khong-co.xlsx: không mở được tệp");
  });
});
