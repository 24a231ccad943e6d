// Assignments and their follow-up (shared/app/assignmentReader.ts, assignments.ts,
// assignmentReport.ts) on small hand-made results: every date, row, count, order and line below is
// worked out by hand from the rows and results written here, not computed.
import { describe, expect, it } from "vitest";
import {
  assignmentFollowUp,
  assignmentFollowUpRows,
  assignmentProblemText,
  assignmentTemplate,
  assignmentTemplateRows,
  daysBetween,
  followUpJson,
  followUpLines,
  followUpRows,
  formatNoticeDate,
  getBuiltInSet,
  readAssignments,
  readAssignmentCode,
  readSheetDate,
  runSheet,
  type Assignment,
  type SheetGrid,
  type Status,
  type UnitResult,
} from "../shared/index.js";

const xa = getBuiltInSet("xa-ntm-2021-2025")!;
const thon = getBuiltInSet("thon-ntm-bac-kan-2022-2025")!;
const laiChau = getBuiltInSet("ban-ntm-lai-chau-2021-2025")!;

/** A unit judged on criteria 1..19: met unless said otherwise; indicators only where given. */
function unit(name: string, statuses: Record<number, Status>, group?: string, indicators: Record<number, Array<[string, Status]>> = {}): UnitResult {
  const criteria = Array.from({ length: 19 }, (_, i) => i + 1).map((no) => ({
    no,
    status: statuses[no] ?? ("met" as Status),
    origin: "indicators" as const,
    indicators: (indicators[no] ?? []).map(([code, status]) => ({ code, status, value: null, threshold: null, gap: null })),
    disagreesWithSelfAssessment: false,
  }));
  const by = (s: Status) => criteria.filter((c) => c.status === s).map((c) => c.no);
  return { name, ...(group ? { group } : {}), criteriaMet: by("met").length, criteriaTotal: 19, unmet: by("not_met"), missing: by("missing"), invalid: by("invalid"), noThreshold: by("no_threshold"), criteria };
}

const HEADER = ["Tiêu chí/Chỉ tiêu", "Tên tiêu chí", "Xã", "Đơn vị/người phụ trách", "Hạn hoàn thành", "Minh chứng", "Trạng thái", "Ghi chú"];

/** A filled NTM_PhanCong: title, set, blank, header (row 4), then the rows given from row 5. */
function sheet(...rows: unknown[][]): unknown[][] {
  return [["PHÂN CÔNG PHỤ TRÁCH CÁC TIÊU CHÍ NÔNG THÔN MỚI"], ["Bộ tiêu chí", "xa-ntm-2021-2025"], [], HEADER, ...rows];
}

function read(rows: unknown[][]): Assignment[] {
  const r = readAssignments(rows);
  if (!r.ok) throw new Error(r.errors.map((e) => assignmentProblemText(e)).join("; "));
  return r.assignments;
}

describe("dates", () => {
  it("reads every accepted form of 8 June 2023 to the same day", () => {
    for (const v of ["08/6/2023", "8/6/2023", "08/06/2023", "8-6-2023", "8.6.2023", "2023-06-08", "2023-6-8", "2023-06-08T00:00:00", "ngày 08/6/2023", "Ngày 8 tháng 6 năm 2023", "trước ngày 08/6/2023", " 8/6/2023 "]) {
      expect(readSheetDate(v), v).toEqual({ ok: true, date: "2023-06-08" });
    }
    // Excel serial numbers: 45292 is 1 January 2024; 2024 has 366 days, so 45658 is 1 January 2025 and
    // 45838 (180 days on: 31+28+31+30+31+29) is 30 June 2025. The time of day is dropped.
    expect(readSheetDate(45292)).toEqual({ ok: true, date: "2024-01-01" });
    expect(readSheetDate(45838)).toEqual({ ok: true, date: "2025-06-30" });
    expect(readSheetDate(45838.75)).toEqual({ ok: true, date: "2025-06-30" });
    // The 1904 date system counts 1,462 days fewer.
    expect(readSheetDate(45838 - 1462, true)).toEqual({ ok: true, date: "2025-06-30" });
    // A date object at UTC midnight (exceljs) is that day in UTC.
    expect(readSheetDate(new Date(Date.UTC(2023, 5, 8)))).toEqual({ ok: true, date: "2023-06-08" });
    // Any other is the day on the local clock (Apps Script: the script's time zone).
    expect(readSheetDate(new Date(2023, 5, 8, 9, 30))).toEqual({ ok: true, date: "2023-06-08" });
    expect(readSheetDate(null)).toEqual({ ok: true, date: null });
    expect(readSheetDate("  ")).toEqual({ ok: true, date: null });
  });

  it("refuses what is not a date, saying why", () => {
    expect(readSheetDate("31/6/2025")).toEqual({ ok: false, key: "assign.noSuchDate", params: { value: "31/6/2025", day: "31", month: "6", year: "2025" } });
    expect(readSheetDate("29/2/2025")).toMatchObject({ ok: false, key: "assign.noSuchDate" });
    expect(readSheetDate("29/2/2024")).toEqual({ ok: true, date: "2024-02-29" });
    expect(readSheetDate("8/13/2023")).toMatchObject({ ok: false, key: "assign.noSuchDate" });
    for (const v of ["6/2023", "30/6/25", "hôm qua", "2023/06/08/1", "45838x"]) expect(readSheetDate(v), v).toEqual({ ok: false, key: "assign.badDate", params: { value: v } });
    // 2025 typed into a date cell is day 2,025 of Excel's calendar: 1900 (365 days, from serial 2), 1901,
    // 1902, 1903 (365 each), 1904 (366) bring it to 1 January 1905 at 1,828; 197 - 181 = 16 days after 1 July.
    expect(readSheetDate(2025)).toEqual({ ok: false, key: "assign.dateYear", params: { value: "2025", date: "17/7/1905" } });
    expect(readSheetDate("1/1/1999")).toMatchObject({ ok: false, key: "assign.dateYear" });
    expect(readSheetDate(true)).toEqual({ ok: false, key: "assign.badDate", params: { value: "true" } });
  });

  it("prints dates as Vietnamese documents do, and counts days", () => {
    expect(formatNoticeDate("2023-06-08")).toBe("08/6/2023");
    expect(formatNoticeDate("2025-06-30")).toBe("30/6/2025");
    expect(formatNoticeDate("2025-01-05")).toBe("05/01/2025");
    expect(formatNoticeDate("2025-02-14")).toBe("14/02/2025");
    expect(formatNoticeDate("2025-10-15")).toBe("15/10/2025");
    expect(formatNoticeDate("2025-06-30", "en")).toBe("2025-06-30");
    expect(daysBetween("2025-06-30", "2025-07-01")).toBe(1);
    expect(daysBetween("2024-06-30", "2024-09-30")).toBe(92);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
  });
});

describe("criterion and indicator codes", () => {
  it("reads criteria and indicators as offices write them", () => {
    for (const v of ["17", 17, "TC 17", "TC17", "Tiêu chí 17", "Tiêu chí số 17", "tieu chi so 17", "17. Môi trường", "17 - Môi trường"]) expect(readAssignmentCode(v), String(v)).toEqual({ criterion: 17, code: "17" });
    for (const v of ["17.1", 17.1, "Chỉ tiêu 17.1", "17,1", "17.1 Tỷ lệ hộ dùng nước sạch"]) expect(readAssignmentCode(v), String(v)).toEqual({ criterion: 17, code: "17.1", indicator: "17.1" });
    expect(readAssignmentCode("17.10")).toEqual({ criterion: 17, code: "17.10", indicator: "17.10" });
    expect(readAssignmentCode("")).toBeUndefined();
    expect(readAssignmentCode(null)).toBeUndefined();
    for (const v of ["abc", "II. HẠ TẦNG", "0", "123", -3, "17a"]) expect(readAssignmentCode(v), String(v)).toBeNull();
  });
});

describe("the NTM_PhanCong template", () => {
  it("has the title, the set, the header, an example and its note, then a row per criterion", () => {
    const rows = assignmentTemplateRows(xa);
    expect(rows[0]).toEqual(["PHÂN CÔNG PHỤ TRÁCH CÁC TIÊU CHÍ NÔNG THÔN MỚI"]);
    expect(rows[1]).toEqual(["Bộ tiêu chí", "xa-ntm-2021-2025", xa.title]);
    expect(rows[3]).toEqual(HEADER);
    expect(rows[4]).toEqual(["Ví dụ: 17", "Môi trường và an toàn thực phẩm", "Tân Lập", "Phòng TN&MT", "30/6/2025", "Biên bản kiểm tra ngày 15/6/2025", "Đang thực hiện", ""]);
    expect(rows[5]![0]).toMatch(/^Ghi chú: dòng "Ví dụ" chỉ để minh hoạ, không được đọc\..*để trống cột Xã là giao cho mọi xã/);
    expect(rows.length).toBe(6 + 19);
    expect(rows[6]).toEqual(["1", "Quy hoạch", "", "", "", "", "", ""]);
    expect(rows[6 + 16]).toEqual(["17", "Môi trường và an toàn thực phẩm", "", "", "", "", "", ""]);
    const tpl = assignmentTemplate(xa);
    expect([tpl.headerRow, tpl.codeColumn, tpl.deadlineColumn]).toEqual([3, 0, 4]);
  });

  it("in English, for villages (a village column) and for a set whose criteria come from the sheet", () => {
    expect(assignmentTemplateRows(xa, "en")[3]).toEqual(["Criterion/Indicator", "Criterion name", "Commune", "Responsible department/person", "Deadline", "Evidence", "Status", "Notes"]);
    expect(assignmentTemplateRows(xa, "en")[6 + 16]![1]).toBe("Environment and food safety");
    const v = assignmentTemplateRows(thon);
    expect(v[3]).toEqual(["Tiêu chí/Chỉ tiêu", "Tên tiêu chí", "Xã", "Thôn", "Đơn vị/người phụ trách", "Hạn hoàn thành", "Minh chứng", "Trạng thái", "Ghi chú"]);
    expect(v[5]![0]).toContain("để trống cột Xã/Thôn là giao cho mọi thôn");
    // Bắc Kạn's set names criterion 17 "Môi trường" but only numbers criterion 1.
    expect(v[6]).toEqual(["1", "", "", "", "", "", "", "", ""]);
    expect(v[6 + 16]![1]).toBe("Môi trường");
    const lc = assignmentTemplateRows(laiChau);
    expect(lc.length).toBe(6 + 19);
    expect(lc[6 + 18]![0]).toBe("19");
    expect(lc[4]![0]).toBe("Ví dụ: 1");
  });

  it("reads back as no assignment until someone is named; a filled row is read with its sheet row", () => {
    const rows = assignmentTemplateRows(xa);
    expect(readAssignments(rows)).toMatchObject({ ok: true, assignments: [], warnings: [], setId: "xa-ntm-2021-2025", headerRow: 4 });
    const filled = rows.map((r) => [...r]);
    filled[6 + 16]![3] = "Phòng TN&MT";
    filled[6 + 16]![4] = "30/6/2025";
    filled[6 + 9]![3] = "Phòng NN&PTNT";
    const en = readAssignments(filled);
    expect(en.ok && en.assignments.map((a) => [a.row, a.code, a.holder, a.deadline])).toEqual([
      [16, "10", "Phòng NN&PTNT", null],
      [23, "17", "Phòng TN&MT", "2025-06-30"],
    ]);
    // The English template reads back too.
    const english = assignmentTemplateRows(xa, "en").map((r) => [...r]);
    english[6]![3] = "Commune office";
    const r = readAssignments(english);
    expect(r.ok && r.assignments.map((a) => [a.code, a.holder])).toEqual([["1", "Commune office"]]);
  });
});

describe("reading NTM_PhanCong", () => {
  it("reads each column, skips examples, notes and headings, and keeps the sheet's rows", () => {
    const rows = sheet(
      ["Ví dụ: 17", "Môi trường", "Tân Lập", "Phòng TN&MT", "30/6/2025"], // row 5: the example
      ["Ghi chú: dòng ví dụ không được đọc"], // row 6: a note
      [], // row 7
      ["II. HẠ TẦNG KINH TẾ - XÃ HỘI"], // row 8: a heading
      ["TC 10", "Thu nhập", "", "Phòng NN&PTNT", 45838, "https://drive/bc-thu-nhap", "Đang thực hiện", "Báo cáo trước ngày 25 hàng tháng"], // row 9
      ["17.1", "", "Xã Yên Phong", "Trạm Y tế; UBND xã", new Date(Date.UTC(2025, 6, 31))], // row 10
      ["5", "Trường học", "", "", "", "", "", ""], // row 11: nobody yet, nothing said
      ["13", "", "", "", "15/8/2025"], // row 12: a deadline but nobody responsible
    );
    const r = readAssignments(rows);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.assignments).toEqual([
      { row: 9, criterion: 10, code: "10", holder: "Phòng NN&PTNT", deadline: "2025-06-30", evidence: "https://drive/bc-thu-nhap", status: "Đang thực hiện", note: "Báo cáo trước ngày 25 hàng tháng" },
      { row: 10, criterion: 17, code: "17.1", indicator: "17.1", holder: "Trạm Y tế; UBND xã", deadline: "2025-07-31", evidence: "", status: "", note: "", commune: "Xã Yên Phong" },
    ]);
    expect(r.warnings.map((w) => assignmentProblemText(w))).toEqual(['Dòng 12, ô D12 ("Đơn vị/người phụ trách"): có hạn, minh chứng hoặc trạng thái nhưng chưa ghi đơn vị/người phụ trách: dòng này chưa được tính là đã phân công']);
    expect(r.setId).toBe("xa-ntm-2021-2025");
    expect(r.columns).toEqual({ code: 0, name: 1, commune: 2, holder: 3, deadline: 4, evidence: 5, status: 6, note: 7 });
  });

  it("finds the header by its names, in any order, in English, without diacritics, with a hint", () => {
    const rows = [
      ["Deadline (dd/mm/yyyy)", "Village", "Criterion", "Responsible department/person", "Commune"],
      ["2025-06-30", "Nà Lẹng", "17", "Trưởng thôn", "Đôn Phong"],
    ];
    expect(read(rows)).toEqual([{ row: 2, criterion: 17, code: "17", holder: "Trưởng thôn", deadline: "2025-06-30", evidence: "", status: "", note: "", commune: "Đôn Phong", village: "Nà Lẹng" }]);
    const plain = [["tieu chi / chi tieu", "don vi / nguoi phu trach:", "han hoan thanh"], ["10", "Phong NN", "8/6/2023"]];
    expect(read(plain).map((a) => [a.code, a.holder, a.deadline])).toEqual([["10", "Phong NN", "2023-06-08"]]);
  });

  it("names the row, cell and column of each bad cell, in Vietnamese and English", () => {
    const rows = sheet(
      ["10", "", "", "Phòng NN&PTNT", "31/6/2025"], // row 5: no such day
      ["Môi trường", "", "", "Phòng TN&MT", "30/6/2025"], // row 6: no criterion number
      ["", "", "", "Phòng VH-TT", "30/6/2025"], // row 7: a holder without a criterion
      ["12", "", "", "Phòng LĐ-TB&XH", "sau Tết"], // row 8: not a date
      ["14", "", "", "Phòng GD&ĐT", 2025], // row 9: a year typed into a date cell
    );
    const r = readAssignments(rows);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.row, e.cell])).toEqual([
      [5, "E5"],
      [6, "A6"],
      [7, "A7"],
      [8, "E8"],
      [9, "E9"],
    ]);
    expect(r.errors.map((e) => assignmentProblemText(e))).toEqual([
      'Dòng 5, ô E5 ("Hạn hoàn thành"): "31/6/2025": không có ngày 31 tháng 6 năm 2025',
      'Dòng 6, ô A6 ("Tiêu chí/Chỉ tiêu"): "Môi trường" không phải số tiêu chí (ví dụ 17) hay mã chỉ tiêu (ví dụ 17.1)',
      'Dòng 7, ô A7 ("Tiêu chí/Chỉ tiêu"): dòng có đơn vị/người phụ trách nhưng chưa ghi tiêu chí: ghi số tiêu chí (17) hoặc mã chỉ tiêu (17.1)',
      'Dòng 8, ô E8 ("Hạn hoàn thành"): "sau Tết" không phải một ngày: cần ngày/tháng/năm như 30/6/2025 (hoặc 2025-06-30)',
      'Dòng 9, ô E9 ("Hạn hoàn thành"): "2025" đọc ra ngày 17/7/1905, năm ngoài khoảng 2000-2100: cần ngày/tháng/năm như 30/6/2025',
    ]);
    expect(assignmentProblemText(r.errors[0]!, "en")).toBe('Row 5, cell E5 ("Hạn hoàn thành"): "31/6/2025": there is no day 31 in month 6 of 2025');
    expect(assignmentProblemText(r.errors[3]!, "en", "NTM_PhanCong")).toBe('NTM_PhanCong!E8 ("Hạn hoàn thành"): "sau Tết" is not a date: day/month/year such as 30/6/2025 (or 2025-06-30) is expected');
  });

  it("shows a criterion Excel turned into a date as that date", () => {
    const r = readAssignments(sheet([new Date(Date.UTC(2025, 0, 17)), "", "", "Phòng TN&MT", "30/6/2025"]));
    expect(r.ok ? [] : r.errors.map((e) => assignmentProblemText(e))).toEqual(['Dòng 5, ô A5 ("Tiêu chí/Chỉ tiêu"): "2025-01-17" không phải số tiêu chí (ví dụ 17) hay mã chỉ tiêu (ví dụ 17.1)']);
  });

  it("says when there is no header row, and names cells where the rows start elsewhere on the sheet", () => {
    const none = readAssignments([["Xã", "Tiêu chí"], ["Yên Phong", "17"]]);
    expect(none.ok).toBe(false);
    if (!none.ok) {
      expect(none.errors).toEqual([{ row: 0, key: "assign.noHeader", params: {} }]);
      expect(assignmentProblemText(none.errors[0]!)).toMatch(/^không thấy dòng tiêu đề có các cột "Tiêu chí\/Chỉ tiêu" và "Đơn vị\/người phụ trách"/);
    }
    // A host reading its used range from C3: the first row is sheet row 3, the first column C.
    const r = readAssignments([["Tiêu chí", "Phụ trách", "Hạn"], ["17", "Phòng TN&MT", "30/02/2025"]], { origin: { row: 2, col: 2 } });
    expect(r.ok ? [] : r.errors.map((e) => assignmentProblemText(e))).toEqual(['Dòng 4, ô E4 ("Hạn"): "30/02/2025": không có ngày 30 tháng 2 năm 2025']);
  });

  it("lets a merged criterion cell hold for every row it covers", () => {
    const rows = sheet(["17", "Môi trường", "Yên Phong", "UBND xã Yên Phong", "30/6/2025"], [null, null, "Tân Lập", "UBND xã Tân Lập", "31/7/2025"]);
    // A5:A6 and B5:B6 merged (0-based rows 4..5).
    const merges = [
      { top: 4, left: 0, bottom: 5, right: 0 },
      { top: 4, left: 1, bottom: 5, right: 1 },
    ];
    // Without the merges the second row names a holder but no criterion.
    expect(readAssignments(rows)).toMatchObject({ ok: false, errors: [{ row: 6, cell: "A6", key: "assign.noCode" }] });
    const r = readAssignments(rows, { merges });
    expect(r.ok && r.assignments.map((a) => [a.row, a.code, a.commune, a.holder])).toEqual([
      [5, "17", "Yên Phong", "UBND xã Yên Phong"],
      [6, "17", "Tân Lập", "UBND xã Tân Lập"],
    ]);
  });
});

describe("the follow-up", () => {
  // A: 10 and 17 not met. B: 5 not met, 17 missing data. C: 10 not met, 5 unreadable.
  const A = unit("A", { 10: "not_met", 17: "not_met" });
  const B = unit("B", { 5: "not_met", 17: "missing" });
  const C = unit("C", { 10: "not_met", 5: "invalid" });
  const rows = sheet(
    ["10", "Thu nhập", "", "Phòng NN&PTNT", "30/6/2025"], // row 5: every commune
    ["17", "Môi trường", "", "Phòng TN&MT", "31/7/2025"], // row 6: every commune ...
    ["17", "Môi trường", "Xã A", "UBND xã A", "15/6/2025"], // row 7: ... but commune A holds its own
    ["14", "Giáo dục", "", "Phòng GD&ĐT", "30/6/2025"], // row 8: every commune meets 14
  );

  it("lists each unit's open criteria with who holds them, overdue and not assigned (report date 1/7/2025)", () => {
    const f = assignmentFollowUp([A, B, C], read(rows), { reportDate: "2025-07-01", set: xa });
    expect(f.reportDate).toBe("2025-07-01");
    // Units in order, criteria ascending, B-5, B-17, C-5, C-10.
    expect(f.items.map((i) => [i.name, i.criterion, i.status, i.holdings.map((h) => `${h.holder}@${h.assignment.row}/${h.scope}`).join(","), i.overdue])).toEqual([
      ["A", 10, "not_met", "Phòng NN&PTNT@5/all", true], // 30/6 < 1/7
      ["A", 17, "not_met", "UBND xã A@7/commune", true], // its commune's row, not the district's
      ["B", 5, "not_met", "", false],
      ["B", 17, "missing", "Phòng TN&MT@6/all", false], // 31/7 not reached
      ["C", 5, "invalid", "", false],
      ["C", 10, "not_met", "Phòng NN&PTNT@5/all", true],
    ]);
    expect(f.items.map((i) => i.holdings.map((h) => h.daysOverdue))).toEqual([[1], [16], [], [null], [], [1]]);
    expect(f.counts).toEqual({ items: 6, assigned: 4, overdue: 3, unassigned: 2, units: 3 });
    expect(f.byCriterion.map((c) => [c.criterion, c.items.map((i) => i.name).join("")])).toEqual([
      [5, "BC"],
      [10, "AC"],
      [17, "AB"],
    ]);
    expect(f.byHolder).toEqual([
      { holder: "Phòng NN&PTNT", open: [10], overdue: [10], done: [], items: 2, overdueItems: 2 },
      { holder: "Phòng TN&MT", open: [17], overdue: [], done: [], items: 1, overdueItems: 0 },
      { holder: "UBND xã A", open: [17], overdue: [17], done: [], items: 1, overdueItems: 1 },
      { holder: "Phòng GD&ĐT", open: [], overdue: [], done: [14], items: 0, overdueItems: 0 },
    ]);
    expect(f.warnings).toEqual([]);
  });

  it("is not overdue on the deadline itself", () => {
    const f = assignmentFollowUp([A, B, C], read(rows), { reportDate: "30/6/2025", set: xa });
    expect(f.items.filter((i) => i.overdue).map((i) => `${i.name}${i.criterion}`)).toEqual(["A17"]);
    expect(f.counts.overdue).toBe(1);
    // Before every deadline, nothing is overdue; a Date and a serial number say the same day.
    expect(assignmentFollowUp([A, B, C], read(rows), { reportDate: new Date(Date.UTC(2025, 5, 14)), set: xa }).counts.overdue).toBe(0);
    expect(assignmentFollowUp([A, B, C], read(rows), { reportDate: 45838, set: xa }).counts.overdue).toBe(1);
  });

  it("words it as a notice does", () => {
    const f = assignmentFollowUp([A, B, C], read(rows), { reportDate: "2025-07-01", set: xa });
    expect(followUpLines(f, { set: xa })).toEqual([
      "I. TÌNH HÌNH CHUNG",
      "- Còn 6 lượt tiêu chí chưa đạt hoặc thiếu số liệu ở 03 xã.",
      "- Đã phân công 4 lượt, trong đó quá hạn 3 lượt; chưa phân công 2 lượt.",
      "II. THEO TIÊU CHÍ",
      "- Tiêu chí số 5 (Trường học): 01 xã chưa đạt (B), 01 xã thiếu số liệu (C); chưa phân công.",
      "- Tiêu chí số 10 (Thu nhập): 02 xã chưa đạt (A, C); giao Phòng NN&PTNT, hạn 30/6/2025 — quá hạn: 02 xã (A, C).",
      "- Tiêu chí số 17 (Môi trường và an toàn thực phẩm): 01 xã chưa đạt (A), 01 xã thiếu số liệu (B); giao UBND xã A, hạn 15/6/2025 (A); Phòng TN&MT, hạn 31/7/2025 (B) — quá hạn: 01 xã (A).",
      "III. THEO ĐƠN VỊ, NGƯỜI PHỤ TRÁCH",
      "- Phòng NN&PTNT: 01 tiêu chí phụ trách chưa đạt (10), 01 quá hạn (10).",
      "- Phòng TN&MT: 01 tiêu chí phụ trách chưa đạt (17), chưa có tiêu chí quá hạn.",
      "- UBND xã A: 01 tiêu chí phụ trách chưa đạt (17), 01 quá hạn (17).",
      "- Phòng GD&ĐT: các tiêu chí phụ trách (14) không còn xã nào chưa đạt.",
      "- Chưa phân công: 01 tiêu chí (5) ở 02 xã.",
    ]);
    expect(followUpLines(f, { set: xa, lang: "en" })).toEqual([
      "I. OVERVIEW",
      "- 6 criteria not met or with missing data across 3 communes.",
      "- Assigned: 4, of which 3 overdue; not assigned: 2.",
      "II. BY CRITERION",
      "- Criterion 5 (Schools): 1 commune not met (B), 1 commune with missing data (C); not assigned.",
      "- Criterion 10 (Income): 2 communes not met (A, C); assigned to Phòng NN&PTNT, due 2025-06-30 — overdue: 2 communes (A, C).",
      "- Criterion 17 (Environment and food safety): 1 commune not met (A), 1 commune with missing data (B); assigned to UBND xã A, due 2025-06-15 (A); Phòng TN&MT, due 2025-07-31 (B) — overdue: 1 commune (A).",
      "III. BY DEPARTMENT OR PERSON RESPONSIBLE",
      "- Phòng NN&PTNT: 1 criterion held not met yet (10), 1 overdue (10).",
      "- Phòng TN&MT: 1 criterion held not met yet (17), none overdue.",
      "- UBND xã A: 1 criterion held not met yet (17), 1 overdue (17).",
      "- Phòng GD&ĐT: no communes left failing the criteria held (14).",
      "- Not assigned: 1 criterion (5) in 2 communes.",
    ]);
  });

  it("makes the report sheet: title, period, sections, one detail row per item", () => {
    const f = assignmentFollowUp([A, B, C], read(rows), { reportDate: "2025-07-01", set: xa });
    const out = followUpRows(f, { set: xa, source: "huyen.xlsx" });
    expect(out[0]).toEqual(["BÁO CÁO TIẾN ĐỘ THỰC HIỆN CÁC TIÊU CHÍ CHƯA ĐẠT"]);
    expect(out[1]).toEqual([`Kỳ báo cáo tháng 7/2025, tính đến ngày 01/7/2025; ${xa.title} (xa-ntm-2021-2025); huyen.xlsx`]);
    expect(out[3]).toEqual(["I. TÌNH HÌNH CHUNG"]);
    const detail = out.findIndex((r) => r[0] === "IV. CHI TIẾT");
    expect(out[detail + 1]).toEqual(["STT", "Tên", "Tiêu chí số", "Tên tiêu chí", "Tình trạng", "Đơn vị/người phụ trách", "Hạn hoàn thành", "Theo dõi", "Trạng thái", "Minh chứng", "Ghi chú"]);
    expect(out.slice(detail + 2)).toEqual([
      [1, "A", 10, "Thu nhập", "Chưa đạt", "Phòng NN&PTNT", "30/6/2025", "Quá hạn 1 ngày", "", "", ""],
      [2, "A", 17, "Môi trường và an toàn thực phẩm", "Chưa đạt", "UBND xã A", "15/6/2025", "Quá hạn 16 ngày", "", "", ""],
      [3, "B", 5, "Trường học", "Chưa đạt", "", "", "Chưa phân công", "", "", ""],
      [4, "B", 17, "Môi trường và an toàn thực phẩm", "Thiếu số liệu", "Phòng TN&MT", "31/7/2025", "Còn hạn", "", "", ""],
      [5, "C", 5, "Trường học", "Dữ liệu không hợp lệ", "", "", "Chưa phân công", "", "", ""],
      [6, "C", 10, "Thu nhập", "Chưa đạt", "Phòng NN&PTNT", "30/6/2025", "Quá hạn 1 ngày", "", "", ""],
    ]);
  });

  it("gives JSON with unit numbers in the document's list", () => {
    const f = assignmentFollowUp([A, B, C], read(rows), { reportDate: "2025-07-01", set: xa });
    // The document lists two other units before these three.
    const j = followUpJson(f, { set: xa }, (i) => i + 2);
    expect(j.counts).toEqual({ items: 6, assigned: 4, overdue: 3, unassigned: 2, units: 3 });
    expect(j.items[1]).toEqual({
      unit: 2,
      key: "/a",
      name: "A",
      criterion: 17,
      status: "not_met",
      assigned: true,
      overdue: true,
      holders: [{ holder: "UBND xã A", code: "17", deadline: "2025-06-15", overdue: true, daysOverdue: 16, scope: "commune", row: 7, evidence: "", status: "", note: "" }],
    });
    expect(j.byCriterion).toEqual([
      { criterion: 5, notMet: [3], missing: [4], overdue: [], unassigned: [3, 4] },
      { criterion: 10, notMet: [2, 4], missing: [], overdue: [2, 4], unassigned: [] },
      { criterion: 17, notMet: [2], missing: [3], overdue: [2], unassigned: [] },
    ]);
    expect(j.report).toEqual(followUpLines(f, { set: xa }));
  });

  it("holds villages by village first, then by commune, then for every village", () => {
    const units = [unit("Nà Lẹng", { 17: "not_met" }, "Đôn Phong"), unit("Bản Vén", { 17: "not_met" }, "Đôn Phong"), unit("Nà Lẹng", { 17: "not_met" }, "Vũ Muộn"), unit("Bản Chàn", { 17: "not_met", 10: "not_met" }, "Vũ Muộn")];
    const a = read([
      ["Tiêu chí", "Xã", "Thôn", "Người phụ trách", "Hạn hoàn thành"],
      ["17", "", "", "Phòng TN&MT", "30/9/2025"], // row 2: every village
      ["17", "Xã Đôn Phong", "", "Cán bộ ĐC-NN-XD&MT xã Đôn Phong", "30/6/2025"], // row 3: Đôn Phong's villages
      ["17", "Vũ Muộn", "Thôn Nà Lẹng", "Trưởng thôn Nà Lẹng", "15/6/2025"], // row 4: Nà Lẹng of Vũ Muộn only
      ["10", "", "nà lẹng", "Trưởng thôn", "15/6/2025"], // row 5: any Nà Lẹng; none has 10 open
    ]);
    const f = assignmentFollowUp(units, a, { reportDate: "2025-07-01", set: thon });
    expect(f.items.map((i) => [`${i.name} (${i.group})`, i.criterion, i.holdings.map((h) => `${h.assignment.row}/${h.scope}`).join(","), i.overdue])).toEqual([
      ["Nà Lẹng (Đôn Phong)", 17, "3/commune", true],
      ["Bản Vén (Đôn Phong)", 17, "3/commune", true],
      ["Nà Lẹng (Vũ Muộn)", 17, "4/village", true],
      ["Bản Chàn (Vũ Muộn)", 10, "", false],
      ["Bản Chàn (Vũ Muộn)", 17, "2/all", false],
    ]);
    expect(followUpLines(f, { set: thon })[4]).toBe(
      "- Tiêu chí số 10 (Thu nhập): 01 thôn chưa đạt (Bản Chàn xã Vũ Muộn); chưa phân công.",
    );
    expect(followUpLines(f, { set: thon })[5]).toBe(
      "- Tiêu chí số 17 (Môi trường): 04 thôn chưa đạt (Nà Lẹng, Bản Vén xã Đôn Phong; Nà Lẹng, Bản Chàn xã Vũ Muộn); giao Cán bộ ĐC-NN-XD&MT xã Đôn Phong, hạn 30/6/2025 (Nà Lẹng, Bản Vén xã Đôn Phong); Trưởng thôn Nà Lẹng, hạn 15/6/2025 (Nà Lẹng xã Vũ Muộn); Phòng TN&MT, hạn 30/9/2025 (Bản Chàn xã Vũ Muộn) — quá hạn: 03 thôn (Nà Lẹng, Bản Vén xã Đôn Phong; Nà Lẹng xã Vũ Muộn).",
    );
    expect(f.byHolder.map((h) => [h.holder, h.open, h.done])).toEqual([
      ["Phòng TN&MT", [17], []],
      ["Cán bộ ĐC-NN-XD&MT xã Đôn Phong", [17], []],
      ["Trưởng thôn Nà Lẹng", [17], []],
      ["Trưởng thôn", [], [10]],
    ]);
  });

  it("follows indicators: a holder of an indicator the unit met does not hold its criterion", () => {
    const u1 = unit("Yên Phong", { 17: "not_met" }, undefined, { 17: [["17.1", "met"], ["17.2", "not_met"]] });
    const u2 = unit("Tân Lập", { 17: "not_met" }, undefined, { 17: [["17.1", "not_met"], ["17.2", "met"]] });
    const u3 = unit("Kim Sơn", { 17: "missing" }, undefined, { 17: [["17.1", "missing"], ["17.2", "met"]] });
    const a = read(
      sheet(
        ["17.1", "", "", "Trạm Y tế; Phòng TN&MT", "30/6/2025"], // row 5: two holders in one cell
        ["17.2", "", "", "Phòng TN&MT", "31/8/2025"], // row 6
      ),
    );
    const f = assignmentFollowUp([u1, u2, u3], a, { reportDate: "2025-07-15", set: xa });
    expect(f.items.map((i) => [i.name, i.holdings.map((h) => `${h.holder}:${h.assignment.code}:${h.overdue}`)])).toEqual([
      ["Yên Phong", ["Phòng TN&MT:17.2:false"]],
      ["Tân Lập", ["Trạm Y tế:17.1:true", "Phòng TN&MT:17.1:true"]],
      ["Kim Sơn", ["Trạm Y tế:17.1:true", "Phòng TN&MT:17.1:true"]],
    ]);
    // Phòng TN&MT holds 17 for all three (once each), overdue for Tân Lập and Kim Sơn.
    expect(f.byHolder).toEqual([
      { holder: "Trạm Y tế", open: [17], overdue: [17], done: [], items: 2, overdueItems: 2 },
      { holder: "Phòng TN&MT", open: [17], overdue: [17], done: [], items: 3, overdueItems: 2 },
    ]);
    expect(followUpLines(f, { set: xa })[4]).toBe(
      "- Tiêu chí số 17 (Môi trường và an toàn thực phẩm): 02 xã chưa đạt (Yên Phong, Tân Lập), 01 xã thiếu số liệu (Kim Sơn); giao Phòng TN&MT (chỉ tiêu 17.2), hạn 31/8/2025 (Yên Phong); Trạm Y tế (chỉ tiêu 17.1), hạn 30/6/2025 và Phòng TN&MT (chỉ tiêu 17.1), hạn 30/6/2025 (Tân Lập, Kim Sơn) — quá hạn: 02 xã (Tân Lập, Kim Sơn).",
    );
  });

  it("does not count rows the set or the results cannot hold, and says so", () => {
    const a = read(
      sheet(
        ["21", "", "", "Phòng A", "30/6/2025"], // row 5: no criterion 21
        ["17.13", "", "", "Phòng B", "30/6/2025"], // row 6: 17 has 17.1..17.12
        ["10", "", "Xã Không Có", "Phòng C", "30/6/2025"], // row 7: no such commune
        ["10", "", "", "Phòng D", "30/6/2025"], // row 8: counted
      ),
    );
    const f = assignmentFollowUp([A], a, { reportDate: "2025-07-01", set: xa, sheetSetId: "xa-ntm-nang-cao-2021-2025" });
    expect(f.warnings.map((w) => assignmentProblemText(w))).toEqual([
      'trang phân công ghi bộ tiêu chí "xa-ntm-nang-cao-2021-2025" nhưng kết quả được đánh giá theo bộ xa-ntm-2021-2025',
      "Dòng 5: tiêu chí 21 không có trong bộ xa-ntm-2021-2025: dòng này không được tính",
      "Dòng 6: chỉ tiêu 17.13 không có trong tiêu chí 17 của bộ xa-ntm-2021-2025: dòng này không được tính",
      'Dòng 7: không có xã "Xã Không Có" trong kết quả đánh giá: dòng này không được tính',
    ]);
    expect(f.byHolder.map((h) => h.holder)).toEqual(["Phòng D"]);
    expect(f.items.map((i) => [i.criterion, i.holdings.map((h) => h.holder)])).toEqual([
      [10, ["Phòng D"]],
      [17, []],
    ]);
  });

  it("judges the engine's own results (a district sheet of communes)", () => {
    const MARKS = Array.from({ length: 19 }, (_, i) => i + 1);
    const grid: SheetGrid = {
      name: "Các xã",
      values: [
        ["TT", "Tên xã", ...MARKS.map((n) => `Tiêu chí ${n}`)],
        [1, "Yên Phong", ...MARKS.map((n) => (n === 17 ? "Chưa đạt" : "Đạt"))],
        [2, "Tân Lập", ...MARKS.map((n) => (n === 5 ? "" : n === 17 ? "Chưa đạt" : "Đạt"))],
        [3, "Kim Sơn", ...MARKS.map(() => "Đạt")],
      ],
    };
    const run = runSheet(grid, { lang: "vi", setId: "xa-ntm-2021-2025" });
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    const out = assignmentFollowUpRows(run.results, sheet(["17", "", "", "Phòng TN&MT", "30/6/2025"], ["17", "", "Tân Lập", "UBND xã Tân Lập", "31/7/2025"]), { set: xa, reportDate: "2025-07-01" });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.followUp.items.map((i) => [i.name, i.criterion, i.status, i.holdings.map((h) => h.holder).join(), i.overdue])).toEqual([
      ["Yên Phong", 17, "not_met", "Phòng TN&MT", true],
      ["Tân Lập", 5, "missing", "", false],
      ["Tân Lập", 17, "not_met", "UBND xã Tân Lập", false],
    ]);
    expect(out.rows.map((r) => r[0])).toContain("- Tiêu chí số 17 (Môi trường và an toàn thực phẩm): 02 xã chưa đạt (Yên Phong, Tân Lập); giao Phòng TN&MT, hạn 30/6/2025 (Yên Phong); UBND xã Tân Lập, hạn 31/7/2025 (Tân Lập) — quá hạn: 01 xã (Yên Phong).");
    // The same call on a broken sheet gives its errors, named by sheet and cell.
    const bad = assignmentFollowUpRows(run.results, sheet(["17", "", "", "Phòng TN&MT", "30/13/2025"]), { set: xa, reportDate: "2025-07-01", lang: "en", sheet: "NTM_PhanCong" });
    expect(bad.ok ? [] : bad.errors).toEqual(['NTM_PhanCong!E5 ("Hạn hoàn thành"): "30/13/2025": there is no day 30 in month 13 of 2025']);
  });
});
