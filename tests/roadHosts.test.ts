/// <reference types="office-js" />
/// <reference types="google-apps-script" />
// The road to certification on the add-ins: the Excel task pane (office-addin-mock over the fake
// workbook) and the Sheets add-on (typed SpreadsheetApp fakes) write the same road block below
// their report as the shared sheetReportRows builds it; the hand-computed ranking is checked here.
import { afterEach, describe, expect, it, vi } from "vitest";
import { REPORT_SHEET, getBuiltInSet, roadReportRows, runSheet, type SheetGrid } from "../shared/index.js";
import type { AddinSettings } from "../excel-addin/common/state.js";
import { evaluateActiveSheet as excelEvaluate } from "../excel-addin/taskpane/excelAdapter.js";
import { createReport } from "../apps-script/src/actions.js";
import { SETTINGS_KEY } from "../apps-script/src/store.js";
import { installMockExcel, uninstallMockExcel } from "./excel/support/mockExcel.js";
import { sheetFromGrid } from "./excel/support/sheets.js";
import { fakeGas } from "./gas/fakes.js";

const MARKS = [1, 2, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19];

/** Four communes, tdmnpb 2024: Yên Phong meets all; Đông Tiến 3,8 short of 45; Bắc Lý 7 by its mark; Tam Giang 3, 10, 17. */
function district(): SheetGrid {
  const row = (i: number, name: string, unmet: number[], income: unknown, c31: unknown) => [i, name, ...MARKS.map((n) => (unmet.includes(n) ? "Chưa đạt" : "Đạt")), income, c31, "Đạt"];
  return {
    name: "Các xã 2024",
    values: [
      ["TỔNG HỢP KẾT QUẢ THỰC HIỆN TIÊU CHÍ NÔNG THÔN MỚI CÁC XÃ NĂM 2024"],
      ["TT", "Tên xã", ...MARKS.map((n) => `Tiêu chí ${n}`), "10. Thu nhập (tr.đ/người)", "Chỉ tiêu 3.1 (%)", "Chỉ tiêu 3.2"],
      row(1, "Yên Phong", [], 46, "85%"),
      row(2, "Đông Tiến", [], "41,2", "85%"),
      row(3, "Bắc Lý", [7], 47, "85%"),
      row(4, "Tam Giang", [17], 44, "75%"),
    ],
  };
}

const settings = { setId: "xa-ntm-2021-2025", region: "tdmnpb" as const, year: 2024, lang: "vi" as const };
const RANKING = [
  ["Thứ tự", "Tên", "Số tiêu chí còn thiếu", "Chưa đạt", "Thiếu số liệu", "Chưa có chỉ tiêu", "Khoảng cách đến mức yêu cầu"],
  [1, "Đông Tiến", 1, "10", "", "", "10: 41,2 / ≥ 45 triệu đồng/người: thiếu 3,8 triệu đồng/người"],
  [2, "Bắc Lý", 1, "7", "", "", ""],
  [3, "Tam Giang", 3, "3, 10, 17", "", "", "3.1: 75% / ≥ 80%: thiếu 5 điểm phần trăm; 10: 44 / ≥ 45 triệu đồng/người: thiếu 1 triệu đồng/người"],
];

/** The road block the shared report appends, as the engine computes it for this grid. */
function expectedRoad(): Array<Array<string | number>> {
  const run = runSheet(district(), { settingSetId: settings.setId, region: "tdmnpb", year: 2024, lang: "vi" });
  if (!run.ok) throw new Error("fixture");
  return roadReportRows(run.results, { set: getBuiltInSet(settings.setId)!, year: 2024, lang: "vi" });
}

/**
 * The rows from the road's title down to the district roll-up that follows it (four communes: 1/4
 * meet the set, as by hand) or the report's notes ("Lưu ý", each host's own), trailing blanks dropped.
 */
function roadOf(rows: unknown[][]): unknown[][] {
  const title = rows.findIndex((r) => r[0] === "KHẢ NĂNG VỀ ĐÍCH NÔNG THÔN MỚI");
  expect(title).toBeGreaterThan(0);
  const rollup = rollupAt(rows);
  const notes = rollup > 0 ? rollup : rows.findIndex((r, i) => i > title && r[0] === "Lưu ý");
  const trimmed = rows.slice(title - 1, notes < 0 ? undefined : notes).map((r) => {
    const c = r.map((v) => (v === undefined || v === null ? "" : v));
    while (c.length && c[c.length - 1] === "") c.pop();
    return c;
  });
  while (trimmed.length && trimmed[trimmed.length - 1]!.length === 0) trimmed.pop();
  return trimmed;
}

/** Where the district roll-up starts (after the road), or -1. */
const rollupAt = (rows: unknown[][]) => rows.findIndex((r) => String(r[0]).startsWith("ĐIỀU KIỆN HUYỆN ĐẠT CHUẨN"));

describe("the road block on both add-ins", () => {
  afterEach(() => {
    uninstallMockExcel();
    vi.unstubAllGlobals();
  });

  it("Excel (mock): the report sheet has the road, ranked as worked out by hand, then the roll-up", async () => {
    const book = installMockExcel([sheetFromGrid(district())]);
    const out = await excelEvaluate({ settings: settings as AddinSettings, caps: { notes: true }, mode: "report" });
    if (!out.ok) throw new Error(out.message);
    const sheet = book.sheet(REPORT_SHEET)!;
    const rows: unknown[][] = [];
    for (let r = 0; r < 200; r++) rows.push(Array.from({ length: 30 }, (_, c) => sheet.cell(r, c)?.value ?? ""));
    const road = roadOf(rows);
    expect(road).toEqual(roadOf(expectedRoad()));
    // Below the road, the district roll-up of the four communes: Yên Phong alone meets the set.
    expect(String(rows[rollupAt(rows) + 1]?.[0])).toContain("Chưa đạt: 1/4 xã (25%)");
    const header = road.findIndex((r) => r[0] === "Thứ tự");
    expect(road.slice(header, header + 4)).toEqual(RANKING.map((r) => r.filter((_, i, a) => a.slice(i).some((v) => v !== ""))));
  });

  it("Sheets (fakes): the same block below the same report", () => {
    const gas = fakeGas([district()]);
    for (const [k, v] of Object.entries(gas.globals())) vi.stubGlobal(k, v);
    gas.props.data[SETTINGS_KEY] = JSON.stringify(settings);
    const r = createReport();
    expect(r.ok, r.message).toBe(true);
    const values = gas.book.getSheetByName(REPORT_SHEET)!.values;
    const road = roadOf(values);
    expect(road).toEqual(roadOf(expectedRoad()));
    expect(String(values[rollupAt(values) + 1]?.[0])).toContain("Chưa đạt: 1/4 xã (25%)");
    expect(road.flat()).toContain("- Có thể về đích (thiếu ≤ 2 tiêu chí): 02 xã (Đông Tiến, Bắc Lý).");
  });
});
