// The add-ins' assignment use cases (shared/app/assignmentActions.ts) and what evaluateFlow adds
// with evaluateExtras (the district roll-up in NTM_BaoCao, NTM_TheoDoi from NTM_PhanCong), over an
// in-memory port, against truths counted by hand from the fixture (tests/fixtures/assignmentBook.ts).
import { describe, expect, it } from "vitest";
import {
  ASSIGNMENT_SHEET,
  FOLLOW_UP_SHEET,
  REPORT_SHEET,
  assignmentTemplate,
  createAssignmentSheetFlow,
  evaluateExtras,
  evaluateFlow,
  getBuiltInSet,
  runFlowSync,
  type AppSettings,
  type HostRequest,
  type SheetGrid,
  type SyncPort,
} from "../shared/index.js";
import { assignmentRows, COL, districtGrid, DISTRICT_SHEET, ROW_OF } from "./fixtures/assignmentBook.js";
import { communeGrid, villageGrid } from "./fixtures/grids.js";

const VI: AppSettings = { lang: "vi" };
const TODAY = "2025-07-01";

/** A workbook in memory: sheets by name, the active one, what each request asked. */
function memoryBook(sheets: SheetGrid[], active: string, o: { assignmentOrigin?: { row: number; col: number } } = {}) {
  const book = new Map<string, unknown[][]>(sheets.map((s) => [s.name, s.values as unknown[][]]));
  const asked: HostRequest["kind"][] = [];
  const grid = (name: string): SheetGrid | undefined => {
    const s = sheets.find((x) => x.name === name);
    return s ? { ...s, fills: [], notes: [] } : book.has(name) ? { name, values: book.get(name)!, fills: [], notes: [] } : undefined;
  };
  const bold = new Map<string, number | undefined>();
  const port: SyncPort = {
    open: ({ sheet, withAssignments }) => {
      const name = sheet ?? active;
      const g = grid(name);
      const rows = withAssignments && name !== ASSIGNMENT_SHEET ? book.get(ASSIGNMENT_SHEET) : undefined;
      return { name, protected: false, ...(g ? { grid: g } : {}), ...(rows ? { assignmentRows: rows, ...(o.assignmentOrigin ? { assignmentOrigin: o.assignmentOrigin } : {}) } : {}) };
    },
    readOriginals: () => ({ fills: [], notes: [] }),
    saveSheetState: () => ({ ok: true }),
    applyPlan: () => ({ ok: true }),
    writeReport: ({ rows }) => (book.set(REPORT_SHEET, rows), { ok: true }),
    writeCharts: () => ({ ok: true }),
    createTextSheet: ({ name, rows, boldRow }) => {
      if (book.has(name)) return { created: false };
      book.set(name, rows);
      bold.set(name, boldRow);
      return { created: true };
    },
    writeHistory: () => ({ ok: true }),
    writeOwnSheet: ({ name, rows }) => (book.set(name, rows), { ok: true }),
    commit: () => undefined,
  };
  const logged = Object.fromEntries(Object.entries(port).map(([k, f]) => [k, (r: unknown) => (asked.push(k as HostRequest["kind"]), (f as (r: unknown) => unknown)(r))])) as SyncPort;
  return { port: logged, book, asked, bold };
}

const phanCong = (rows = assignmentRows()): SheetGrid => ({ name: ASSIGNMENT_SHEET, values: rows });
const text = (rows: unknown[][] | undefined) => (rows ?? []).map((r) => r.map((v) => (v === undefined || v === null ? "" : String(v))).join("|").replace(/\|+$/, ""));

describe("evaluating a sheet of communes with NTM_PhanCong in the workbook", () => {
  it("rewrites NTM_TheoDoi after the report and says how many open criteria are assigned, not assigned and overdue", () => {
    const m = memoryBook([districtGrid(), phanCong()], DISTRICT_SHEET);
    const out = runFlowSync(evaluateFlow({ settings: VI, mode: "evaluate", extras: evaluateExtras, today: TODAY }), m.port);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.followUp).toEqual(["Đã ghi trang NTM_TheoDoi (tính đến ngày 01/7/2025): 4 lượt tiêu chí chưa đạt hoặc thiếu số liệu; đã giao 3 lượt, chưa giao 1 lượt, quá hạn 2 lượt."]);
    // Written with the report, before everything goes out.
    expect(m.asked.slice(-4)).toEqual(["writeReport", "writeCharts", "writeOwnSheet", "commit"]);
    const rows = text(m.book.get(FOLLOW_UP_SHEET));
    expect(rows[0]).toBe("BÁO CÁO TIẾN ĐỘ THỰC HIỆN CÁC TIÊU CHÍ CHƯA ĐẠT");
    expect(rows[1]).toContain("01/7/2025");
    expect(rows[1]).toContain(DISTRICT_SHEET);
    expect(rows).toContain("- Đã phân công 3 lượt, trong đó quá hạn 2 lượt; chưa phân công 1 lượt.");
    // One row per open criterion of each commune: who holds it, by when, where it stands (2021-06-30 -> 2025-07-01: 1462 days).
    const detail = rows.filter((r) => /^\d+\|/.test(r)).map((r) => r.split("|"));
    expect(detail.map((d) => [d[1], d[2], d[4], d[5], d[6]])).toEqual([
      ["Thanh Vân", "17", "Chưa đạt", "Phòng TN&MT", "30/6/2021"],
      ["Hòa Bình", "5", "Chưa đạt", "Phòng VH-TT", "31/12/2099"],
      ["Hòa Bình", "17", "Chưa đạt", "Phòng TN&MT", "30/6/2021"],
      ["Tân Lập", "9", "Chưa đạt", "", ""],
    ]);
    expect(detail.map((d) => d[7])).toEqual(["Quá hạn 1462 ngày", "Còn hạn", "Quá hạn 1462 ngày", "Chưa phân công"]);
  });

  it("puts the district roll-up in NTM_BaoCao, after the road and before the notes: 0 of the 3 communes meet the set", () => {
    const m = memoryBook([districtGrid()], DISTRICT_SHEET);
    const out = runFlowSync(evaluateFlow({ settings: VI, mode: "evaluate", extras: evaluateExtras, today: TODAY }), m.port);
    expect(out.ok).toBe(true);
    const rows = text(m.book.get(REPORT_SHEET));
    const title = rows.findIndex((r) => r.startsWith("ĐIỀU KIỆN HUYỆN ĐẠT CHUẨN NÔNG THÔN MỚI"));
    const road = rows.indexOf("KHẢ NĂNG VỀ ĐÍCH NÔNG THÔN MỚI");
    expect(road).toBeGreaterThan(0);
    expect(title).toBeGreaterThan(road);
    expect(rows[title]).toContain("tính từ kết quả của 03 xã");
    expect(rows[title + 1]).toMatch(/^- Có 100% số xã trên địa bàn đạt chuẩn nông thôn mới .*: Chưa đạt: 0\/3 xã \(0%\)\.$/);
    expect(rows[title + 2]).toBe("  + Chưa đạt chuẩn: 03 xã (Thanh Vân, Hòa Bình, Tân Lập).");
    expect(rows[title - 1]).toBe("");
    // The notes close the report, as before.
    const notes = rows.indexOf("Lưu ý");
    expect(notes === -1 || notes > title).toBe(true);
    // No NTM_PhanCong: no NTM_TheoDoi, nothing said of it.
    expect(m.asked).not.toContain("writeOwnSheet");
    expect(out.ok && out.followUp).toBeUndefined();
  });

  it("'Tạo báo cáo' rewrites NTM_TheoDoi too", () => {
    const m = memoryBook([districtGrid(), phanCong()], DISTRICT_SHEET);
    const out = runFlowSync(evaluateFlow({ settings: VI, mode: "report", extras: evaluateExtras, today: TODAY }), m.port);
    expect(out.ok && out.followUp?.[0]).toMatch(/^Đã ghi trang NTM_TheoDoi .*đã giao 3 lượt, chưa giao 1 lượt, quá hạn 2 lượt\.$/);
    expect(m.book.has(FOLLOW_UP_SHEET)).toBe(true);
  });

  it("a deadline that is no date: NTM_TheoDoi is not written and the cell is named (where the host's rows start too)", () => {
    const bad = assignmentRows({ deadline5: "31/2/2025" });
    const m = memoryBook([districtGrid(), phanCong(bad)], DISTRICT_SHEET);
    const out = runFlowSync(evaluateFlow({ settings: VI, mode: "evaluate", extras: evaluateExtras, today: TODAY }), m.port);
    expect(out.ok).toBe(true);
    expect(out.ok && out.followUp).toEqual([
      "Chưa ghi trang NTM_TheoDoi: trang NTM_PhanCong có 1 chỗ cần sửa:",
      `- NTM_PhanCong!E${ROW_OF(5) + 1} ("Hạn hoàn thành"): "31/2/2025": không có ngày 31 tháng 2 năm 2025`,
    ]);
    expect(m.asked).not.toContain("writeOwnSheet");
    expect(m.book.has(FOLLOW_UP_SHEET)).toBe(false);
    // Excel reads the used range: rows starting at B2 name their cells one row and one column on.
    const shifted = memoryBook([districtGrid(), phanCong(bad)], DISTRICT_SHEET, { assignmentOrigin: { row: 1, col: 1 } });
    const again = runFlowSync(evaluateFlow({ settings: { lang: "en" }, mode: "evaluate", extras: evaluateExtras, today: TODAY }), shifted.port);
    expect(again.ok && again.followUp?.[1]).toBe(`- NTM_PhanCong!F${ROW_OF(5) + 2} ("Hạn hoàn thành"): "31/2/2025": there is no day 31 in month 2 of 2025`);
    expect(again.ok && again.followUp?.[0]).toBe("NTM_TheoDoi not written: sheet NTM_PhanCong has 1 problems to fix:");
  });

  it("without the extras, or for one commune, the report has no roll-up", () => {
    const without = memoryBook([districtGrid(), phanCong()], DISTRICT_SHEET);
    const out = runFlowSync(evaluateFlow({ settings: VI, mode: "evaluate" }), without.port);
    expect(out.ok && out.followUp).toBeUndefined();
    expect(text(without.book.get(REPORT_SHEET)).some((r) => r.startsWith("ĐIỀU KIỆN HUYỆN"))).toBe(false);
    const one = districtGrid();
    const single = memoryBook([{ ...one, values: one.values.slice(0, 2) }], DISTRICT_SHEET);
    runFlowSync(evaluateFlow({ settings: VI, mode: "evaluate", extras: evaluateExtras }), single.port);
    expect(text(single.book.get(REPORT_SHEET)).some((r) => r.startsWith("ĐIỀU KIỆN HUYỆN"))).toBe(false);
  });
});

describe("'Tạo mẫu phân công' (createAssignmentSheetFlow)", () => {
  it("creates NTM_PhanCong for the set judging the active sheet: the template's rows, its header bold", () => {
    const m = memoryBook([districtGrid()], DISTRICT_SHEET);
    const out = runFlowSync(createAssignmentSheetFlow(VI), m.port);
    expect(out).toEqual({
      ok: true,
      sheet: ASSIGNMENT_SHEET,
      text: 'Đã tạo trang NTM_PhanCong theo bộ "xa-ntm-2021-2025" (19 tiêu chí): hãy ghi đơn vị/người phụ trách và hạn hoàn thành của từng tiêu chí; từ đó, mỗi lần đánh giá sẽ ghi lại trang NTM_TheoDoi.',
    });
    const rows = m.book.get(ASSIGNMENT_SHEET)!;
    const tpl = assignmentTemplate(getBuiltInSet("xa-ntm-2021-2025")!, "vi");
    expect(rows.map((r) => r.join("|").replace(/\|+$/, ""))).toEqual(tpl.rows.map((r) => r.join("|").replace(/\|+$/, "")));
    expect(rows[3]!.slice(0, 5)).toEqual(["Tiêu chí/Chỉ tiêu", "Tên tiêu chí", "Xã", "Đơn vị/người phụ trách", "Hạn hoàn thành"]);
    expect(rows[ROW_OF(17)]![0]).toBe("17");
    expect(rows[ROW_OF(17)]![COL.holder]).toBe("");
    expect(m.bold.get(ASSIGNMENT_SHEET)).toBe(3);
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
  });

  it("a village sheet gets a village column; the setting's set, in English", () => {
    const m = memoryBook([villageGrid()], "Thôn 2024");
    const out = runFlowSync(createAssignmentSheetFlow({ lang: "en", setId: "thon-ntm-bac-kan-2022-2025" }), m.port);
    expect(out.ok && out.text).toMatch(/^Sheet NTM_PhanCong created for set "thon-ntm-bac-kan-2022-2025" \(\d+ criteria\)/);
    expect(m.book.get(ASSIGNMENT_SHEET)![3]).toContain("Village");
  });

  it("from an own or empty sheet: the setting, else the national commune set", () => {
    const m = memoryBook([communeGrid()], "NTM_BaoCao");
    const out = runFlowSync(createAssignmentSheetFlow(VI), m.port);
    expect(out.ok && out.text).toContain('theo bộ "xa-ntm-2021-2025"');
  });

  it("never writes over an existing NTM_PhanCong: it is left as it was and the user is told", () => {
    const filled = assignmentRows();
    const m = memoryBook([districtGrid(), phanCong(filled)], DISTRICT_SHEET);
    const out = runFlowSync(createAssignmentSheetFlow(VI), m.port);
    expect(out).toEqual({ ok: false, text: "Trang NTM_PhanCong đã có nên không tạo lại (trang đã có không bao giờ bị ghi đè): hãy sửa trực tiếp, hoặc đổi tên/xoá trang đó trước khi tạo mẫu mới." });
    expect(m.book.get(ASSIGNMENT_SHEET)).toBe(filled);
    expect(m.book.get(ASSIGNMENT_SHEET)![ROW_OF(17)]![COL.holder]).toBe("Phòng TN&MT");
  });
});
