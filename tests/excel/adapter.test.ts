/// <reference types="office-js" />
// Excel.run flows of the task pane against office-addin-mock proxies over a fake workbook.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { REPORT_SHEET, WORKBOOK_SET_SHEET, getBuiltInSet } from "../../shared/index.js";
import { STATE_KEY, decodeRecord, encodeRecord, getFunctionSettings, parseState, serializeState, setFunctionSettings, type AddinSettings } from "../../excel-addin/common/state.js";
import { UI_KEYS, UI_TABLES } from "../../excel-addin/common/ui.js";
import { BATCH_BYTES, clearHighlights, createSetSheet, evaluateActiveSheet, saveResults, loadWorkbookState, parseMerges, saveSettings, selectCell } from "../../excel-addin/taskpane/excelAdapter.js";
import { communeFormGrid, communeGrid, villageGrid } from "../fixtures/grids.js";
import { parseAddress, type FakeChart, type FakeWorkbook } from "./support/fakeExcel.js";
import { installMockExcel, uninstallMockExcel } from "./support/mockExcel.js";
import { bigSheet, sheetFromGrid } from "./support/sheets.js";

const VI = { lang: "vi" } as const;

const village: AddinSettings = { setId: "thon-ntm-bac-kan-2022-2025", region: "tdmnpb", year: 2024, lang: "vi" };
const commune: AddinSettings = { setId: "xa-ntm-2021-2025", region: "tdmnpb", year: 2024, lang: "vi" };
const caps = { notes: true, pageLayout: true };

/** The user's sheet only: what "Xoá đánh dấu" must give back exactly. */
const userSheet = (book: FakeWorkbook, name: string) => (book.snapshot() as Array<{ name: string }>).find((s) => s.name === name);

afterEach(() => uninstallMockExcel());

describe("evaluate the active sheet (wide village sheet)", () => {
  let book: FakeWorkbook;
  beforeEach(() => {
    book = installMockExcel([sheetFromGrid(villageGrid(), { fills: { M7: "#FFFF00" }, notes: { P6: "Ghi chú của xã" } })]);
  });

  it("reads once, evaluates, and writes status columns, fills, notes, report and state in 3 round trips", async () => {
    const out = await evaluateActiveSheet({ settings: village, caps });
    if (!out.ok) throw new Error(out.message);
    expect(out.syncs).toBe(3);
    expect(book.syncCount).toBe(3);
    expect(out.mapping.layout).toBe("wide");
    expect(out.results.map((r) => `${r.name}:${r.criteriaMet}/${r.criteriaTotal}`)).toEqual(["Bản Vén:16/19", "Bản Đán:16/19", "Đông Bun:18/19", "Bản Chàn:18/19"]);
    // Owned columns right of the table (X, Y, Z), header on the header row.
    expect(book.value("Thôn 2024", "X4")).toBe("[NTM] Kết quả");
    expect(book.value("Thôn 2024", "Y4")).toBe("[NTM] Tiêu chí chưa đạt");
    expect(book.value("Thôn 2024", "X6")).toBe("16/19");
    expect(book.value("Thôn 2024", "Y6")).toBe("10, 12, 13");
    // Bản Vén's "Chưa đạt" for criterion 10 (column M) is filled and annotated.
    expect(book.fill("Thôn 2024", "M6")).toBe("#F4CCCC");
    expect(book.note("Thôn 2024", "M6")).toMatch(/Tiêu chí số 10 \(Thu nhập\): Chưa đạt/);
    // A cell that is fine keeps no fill.
    expect(book.fill("Thôn 2024", "D6")).toBeUndefined();
    // The user's own note on a highlighted cell (P6 = Bản Vén, criterion 13) is kept.
    expect(book.fill("Thôn 2024", "P6")).toBe("#F4CCCC");
    expect(book.note("Thôn 2024", "P6")).toBe("Ghi chú của xã");
    // Report sheet and saved state.
    expect(book.value(REPORT_SHEET, "A1")).toBe("BÁO CÁO KẾT QUẢ ĐÁNH GIÁ TIÊU CHÍ NÔNG THÔN MỚI");
    const report = book.sheet(REPORT_SHEET)!;
    const texts = [...report.cells.values()].map((c) => String(c.value ?? ""));
    expect(texts.some((v) => v.includes("Bản Vén, Bản Đán xã Đôn Phong"))).toBe(true);
    const state = parseState(book.settings.get(STATE_KEY));
    expect(state.settings).toEqual(village);
    expect(state.sheets["Thôn 2024"]!.record!.fills.length).toBe(out.highlighted);
  });

  it("'Xoá đánh dấu' restores the user's sheet exactly (fills, notes, no [NTM] columns)", async () => {
    const before = userSheet(book, "Thôn 2024");
    const out = await evaluateActiveSheet({ settings: village, caps });
    expect(out.ok).toBe(true);
    expect(userSheet(book, "Thôn 2024")).not.toEqual(before);
    expect(book.fill("Thôn 2024", "M7")).toBe("#F4CCCC");
    const cleared = await clearHighlights(VI, caps);
    expect(cleared.ok).toBe(true);
    expect(cleared.syncs).toBe(3);
    expect(userSheet(book, "Thôn 2024")).toEqual(before);
    expect(book.fill("Thôn 2024", "M7")).toBe("#FFFF00");
    expect(book.note("Thôn 2024", "P6")).toBe("Ghi chú của xã");
    const again = await clearHighlights(VI, caps);
    expect(again.ok && again.message).toMatch(/không có đánh dấu/);
  });

  it("a re-run is idempotent, and a fixed value loses its highlight", async () => {
    await evaluateActiveSheet({ settings: village, caps });
    const once = book.snapshot();
    book.syncCount = 0;
    const second = await evaluateActiveSheet({ settings: village, caps });
    expect(second.ok && second.syncs).toBe(3);
    expect(book.snapshot()).toEqual(once);
    // The commune fixes criterion 10 for Bản Vén: its cell goes back to no fill and no note.
    book.sheet("Thôn 2024")!.setValue(5, 12, "Đạt");
    const third = await evaluateActiveSheet({ settings: village, caps });
    expect(third.ok).toBe(true);
    expect(book.fill("Thôn 2024", "M6")).toBeUndefined();
    expect(book.note("Thôn 2024", "M6")).toBeUndefined();
    expect(book.value("Thôn 2024", "X6")).toBe("17/19");
    // Clearing after several runs still gives the original sheet back.
    book.sheet("Thôn 2024")!.setValue(5, 12, "Chưa đạt");
    await clearHighlights(VI, caps);
    expect(book.fill("Thôn 2024", "M7")).toBe("#FFFF00");
    expect(book.value("Thôn 2024", "X6")).toBeUndefined();
  });

  it("uses the user's column mapping and saves it with the sheet", async () => {
    // Column M (index 12) = criterion 10: tell the add-in to ignore it.
    // A correction made for another sheet is not applied here.
    const elsewhere = await evaluateActiveSheet({ settings: village, caps, override: { sheet: "Khác", override: { 12: "ignore" } } });
    expect(elsewhere.ok && elsewhere.mapping.layout === "wide" && elsewhere.mapping.criterionCols.some((c) => c.col === 12)).toBe(true);
    const out = await evaluateActiveSheet({ settings: village, caps, override: { sheet: "Thôn 2024", override: { 12: "ignore" } } });
    if (!out.ok) throw new Error(out.message);
    expect(out.mapping.layout === "wide" && out.mapping.criterionCols.some((c) => c.col === 12)).toBe(false);
    expect(book.fill("Thôn 2024", "M6")).toBeUndefined();
    expect(parseState(book.settings.get(STATE_KEY)).sheets["Thôn 2024"]!.override).toEqual({ 12: "ignore" });
    // The next run without an explicit override reuses the saved one.
    const next = await evaluateActiveSheet({ settings: village, caps });
    expect(next.ok && next.mapping.layout === "wide" && next.mapping.criterionCols.some((c) => c.col === 12)).toBe(false);
    expect(next.ok && next.override).toEqual({ 12: "ignore" });
  });

  it("the report is frozen on its matrix and set up for A4 landscape, one page wide, where the client can (ExcelApi 1.9)", async () => {
    const out = await evaluateActiveSheet({ settings: village, caps: { notes: true, pageLayout: true } });
    if (!out.ok) throw new Error(out.message);
    const report = book.sheet(REPORT_SHEET)!;
    const rows = book.sheetValues(REPORT_SHEET);
    // The matrix's header row ("STT" ... "TC 1") and the unit name column, found in what was written.
    const header = rows.findIndex((r) => r[0] === "STT" && r.includes("Số tiêu chí đạt"));
    expect(header).toBeGreaterThan(0);
    expect(report.frozen).toEqual({ rows: header + 1, cols: rows[header]!.indexOf("Số tiêu chí đạt") });
    expect(report.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, centerFooter: "Trang &P/&N" });
    expect(String(report.pageLayout.printTitleRows)).toMatch(new RegExp(`^\\$\\d+:\\$${header + 1}$`));
    expect(String(report.pageLayout.centerHeader)).toContain("Thôn 2024");
    expect(out.warnings.some((w) => w.includes("ExcelApi 1.9"))).toBe(false);
    // An older client: no page setup, and the pane says what to choose by hand.
    const old = await evaluateActiveSheet({ settings: village, caps: { notes: true, pageLayout: false } });
    expect(old.ok && old.warnings.some((w) => w.includes("A4, hướng ngang"))).toBe(true);
  });

  it("'Lưu kết quả' keeps the results in a hidden NTM_LichSu; the next evaluation names what was lost and gained since", async () => {
    const saved = await saveResults(village, "2026-11-01T08:00:00.000Z", caps);
    expect(saved.ok && saved.message).toBe('Đã lưu kết quả 4 thôn của trang "Thôn 2024" vào trang NTM_LichSu (lần lưu lúc 2026-11-01 08:00); lần đánh giá sau sẽ so sánh với lần lưu này');
    expect(book.sheet("NTM_LichSu")!.visibility).toBe("Hidden");
    // Bản Vén (row 6): 16/19, criteria 10, 12, 13 marked "CĐ" under TC 10, 12, 13.
    expect([book.value("NTM_LichSu", "G3"), book.value("NTM_LichSu", "H3"), book.value("NTM_LichSu", "R3"), book.value("NTM_LichSu", "M3")]).toEqual(["Bản Vén", "16/19", "CĐ", "Đ"]);
    // Since then: Bản Vén loses criterion 5 (column H), Bản Đán meets criterion 17 (column T).
    book.sheet("Thôn 2024")!.setValue(5, 7, "Chưa đạt");
    book.sheet("Thôn 2024")!.setValue(6, 19, "Đạt");
    const out = await evaluateActiveSheet({ settings: village, caps });
    if (!out.ok) throw new Error(out.message);
    const since = (out.sinceLastSave ?? []).join("\n");
    expect(since).toMatch(/giảm tiêu chí[^\n]*Bản Vén[^\n]*TC 5/);
    expect(since).toMatch(/Bản Đán[^\n]*TC 17/);
    // The same lines close the report.
    const report = book.sheetValues(REPORT_SHEET).map((r) => r.join(""));
    expect(report.slice(-(out.sinceLastSave ?? []).length)).toEqual(out.sinceLastSave);
    // Its own sheet is never judged as data.
    book.active = book.sheets.findIndex((x) => x.name === "NTM_LichSu");
    const own = await evaluateActiveSheet({ settings: village, caps });
    expect(own.ok).toBe(false);
    book.active = 0;
  });

  it("'Tạo báo cáo' writes only the report sheet", async () => {
    const before = userSheet(book, "Thôn 2024");
    const out = await evaluateActiveSheet({ settings: village, caps, mode: "report" });
    expect(out.ok && out.syncs).toBe(2);
    expect(userSheet(book, "Thôn 2024")).toEqual(before);
    expect(book.value(REPORT_SHEET, "A1")).toBe("BÁO CÁO KẾT QUẢ ĐÁNH GIÁ TIÊU CHÍ NÔNG THÔN MỚI");
    // Refreshing replaces the report rather than appending to it.
    // The report is shown; asked again from it, it is made from the sheet last evaluated.
    expect(book.sheets[book.active]!.name).toBe(REPORT_SHEET);
    const again = await evaluateActiveSheet({ settings: { ...village, lang: "en" }, caps, mode: "report", fallbackSheet: "Thôn 2024" });
    expect(again.ok && again.sheet).toBe("Thôn 2024");
    expect(book.value(REPORT_SHEET, "A1")).toBe("NEW RURAL CRITERIA ASSESSMENT REPORT");
    // Without one, its own sheet is refused, never read as data.
    const own = await evaluateActiveSheet({ settings: village, caps, mode: "report" });
    expect(own).toMatchObject({ ok: false, message: 'Trang "NTM_BaoCao" là trang của NTM: hãy chọn trang có bảng số liệu rồi chạy lại.' });
  });

  it("without the notes API (ExcelApi < 1.18) it still highlights, and clears exactly", async () => {
    uninstallMockExcel();
    book = installMockExcel([sheetFromGrid(villageGrid(), { fills: { M7: "#FFFF00" } })], { notes: false });
    const before = userSheet(book, "Thôn 2024");
    const out = await evaluateActiveSheet({ settings: village, caps: { notes: false } });
    expect(out.ok).toBe(true);
    expect(book.fill("Thôn 2024", "M6")).toBe("#F4CCCC");
    await clearHighlights(VI, { notes: false });
    expect(userSheet(book, "Thôn 2024")).toEqual(before);
  });
});

describe("other layouts and the messages a user sees", () => {
  it("the commune's long assessment form gets an [NTM] Đánh giá column with the gap", async () => {
    const book = installMockExcel([sheetFromGrid(communeFormGrid())]);
    const out = await evaluateActiveSheet({ settings: commune, caps });
    if (!out.ok) throw new Error(out.message);
    expect(out.mapping.layout).toBe("long");
    expect(book.value("Tự đánh giá", "I5")).toBe("[NTM] Đánh giá");
    expect(book.value("Tự đánh giá", "I10")).toBe("Chưa đạt: thiếu 3,8 triệu đồng/người");
    expect(book.fill("Tự đánh giá", "F10")).toBe("#F4CCCC");
  });

  it("a sheet that starts below and right of A1 is written in the right place", async () => {
    const grid = communeGrid();
    const book = installMockExcel([sheetFromGrid({ ...grid, origin: { row: 2, col: 1 } })]);
    const out = await evaluateActiveSheet({ settings: commune, caps });
    if (!out.ok) throw new Error(out.message);
    expect(out.origin).toEqual({ row: 2, col: 1 });
    // Grid column 7 -> sheet column I; grid row 0 -> sheet row 3.
    expect(book.value("Xã", "I3")).toBe("[NTM] Kết quả");
    // "41,2" for indicator 10 (grid C2 -> sheet D4) is short of 45.
    expect(book.fill("Xã", "D4")).toBe("#F4CCCC");
    await clearHighlights(VI, caps);
    expect(book.fill("Xã", "D4")).toBeUndefined();
    expect(book.value("Xã", "I3")).toBeUndefined();
  });

  it("a protected sheet: judged the same, said plainly, nothing written to it (the report goes to NTM_BaoCao)", async () => {
    const book = installMockExcel([sheetFromGrid(villageGrid(), { protected: true })]);
    const before = book.snapshot();
    const out = await evaluateActiveSheet({ settings: village, caps });
    if (!out.ok) throw new Error(out.message);
    expect(out.results.map((r) => `${r.name}:${r.criteriaMet}`)).toEqual(["Bản Vén:16", "Bản Đán:16", "Đông Bun:18", "Bản Chàn:18"]);
    expect(out.highlighted).toBe(0);
    expect(out.warnings[0]).toBe('Trang "Thôn 2024" đang được bảo vệ: đã đánh giá nhưng không tô màu, không ghi cột [NTM]; bỏ bảo vệ trang để đánh dấu các ô');
    expect(out.syncs).toBe(2);
    const after = book.snapshot() as Array<{ name: string }>;
    expect(after.filter((s) => s.name !== "NTM_BaoCao")).toEqual(before);
    expect(after.map((s) => s.name)).toEqual(["Thôn 2024", "NTM_BaoCao"]);
    expect(String(book.value("NTM_BaoCao", "A1"))).toBe("BÁO CÁO KẾT QUẢ ĐÁNH GIÁ TIÊU CHÍ NÔNG THÔN MỚI");
  });

  it("an empty sheet and an unrecognised layout say so, in the chosen language", async () => {
    installMockExcel([{ name: "Trống" }]);
    const empty = await evaluateActiveSheet({ settings: commune, caps });
    expect(!empty.ok && empty.message).toBe('Trang "Trống" không có dữ liệu');
    uninstallMockExcel();
    installMockExcel([{ name: "Chi tiêu", values: [["Ngày", "Khoản", "Số tiền"], ["1/3", "Xăng", 200000]] }]);
    const other = await evaluateActiveSheet({ settings: { ...commune, lang: "en" }, caps });
    expect(!other.ok && other.message).toMatch(/^Sheet "Chi tiêu": no criteria table recognised/);
  });

  it("the round trips stay constant whatever the size: 4 for 400 and 2,000 rows × 60 columns", async () => {
    for (const rows of [400, 2000]) {
      const book = installMockExcel([bigSheet(rows)]);
      const out = await evaluateActiveSheet({ settings: { ...village, setId: "xa-ntm-2021-2025" }, caps });
      if (!out.ok) throw new Error(out.message);
      expect(out.units.length).toBe(rows);
      expect(out.syncs).toBe(4);
      expect(book.syncCount).toBe(4);
      uninstallMockExcel();
    }
  });

  it("a very large sheet is split into batches under the payload limit (5,000 rows × 60 columns)", async () => {
    const book = installMockExcel([bigSheet(5000)]);
    const before = userSheet(book, "Tổng hợp");
    const out = await evaluateActiveSheet({ settings: { ...village, setId: "xa-ntm-2021-2025" }, caps });
    if (!out.ok) throw new Error(out.message);
    expect(out.units.length).toBe(5000);
    expect(out.highlighted).toBeGreaterThan(10_000);
    expect(out.syncs).toBeGreaterThan(4);
    expect(out.warnings.some((w) => w.startsWith("Ghi chú chỉ được ghi cho 1.000 ô đầu tiên"))).toBe(true);
    expect(out.syncs).toBe(book.syncCount);
    // No request over the budget (Excel on the web refuses about 5 MB).
    expect(Math.max(...book.batchBytes)).toBeLessThanOrEqual(BATCH_BYTES);
    // And the result is the same as in one batch: every highlighted cell filled.
    const record = parseState(book.settings.get(STATE_KEY)).sheets["Tổng hợp"]!.record!;
    expect(record.fills.every((f) => book.sheet("Tổng hợp")!.cell(f.row, f.col)?.fill === "#F4CCCC" || book.sheet("Tổng hợp")!.cell(f.row, f.col)?.fill === "#FFF2CC")).toBe(true);
    expect(record.notes.length).toBe(1000);
    // Notes capped, a second run and a clear: no orphan note, the sheet as it was.
    await evaluateActiveSheet({ settings: { ...village, setId: "xa-ntm-2021-2025" }, caps });
    await clearHighlights(VI, caps);
    expect(userSheet(book, "Tổng hợp")).toEqual(before);
  });
});

describe("the workbook's own criteria set (NTM_BoTieuChi)", () => {
  it("is created as text cells, read back on evaluation (4 round trips), and never duplicated", async () => {
    const book = installMockExcel([sheetFromGrid(communeGrid())]);
    const set = getBuiltInSet("xa-ntm-2021-2025")!;
    const made = await createSetSheet({ setId: set.id, lang: "vi" });
    expect(made.ok && made.message).toMatch(/Đã tạo trang NTM_BoTieuChi/);
    const sheet = book.sheet(WORKBOOK_SET_SHEET)!;
    expect(book.value(WORKBOOK_SET_SHEET, "B1")).toBe("xa-ntm-2021-2025");
    expect([...sheet.cells.values()].every((c) => c.numberFormat === "@")).toBe(true);
    const again = await createSetSheet({ setId: set.id, lang: "vi" });
    expect(again.ok).toBe(false);
    expect(again.message).toMatch(/^Trang NTM_BoTieuChi đã có/);
    expect(book.sheets.filter((s) => s.name === WORKBOOK_SET_SHEET)).toHaveLength(1);

    // Back on the data sheet: the set sheet is read (one more round trip).
    book.active = 0;
    const loaded = await loadWorkbookState();
    expect(loaded.workbookSet?.id).toBe("xa-ntm-2021-2025");
    const out = await evaluateActiveSheet({ settings: commune, caps });
    if (!out.ok) throw new Error(out.message);
    expect(out.syncs).toBe(4);
  });

  it("reports the rows of a broken set sheet", async () => {
    installMockExcel([
      sheetFromGrid(communeGrid()),
      { name: WORKBOOK_SET_SHEET, values: [["Mã bộ tiêu chí", "Tỉnh X"], ["không phải bảng"]] },
    ]);
    const loaded = await loadWorkbookState();
    expect(loaded.workbookSet).toBeUndefined();
    expect(loaded.setErrors?.length).toBeGreaterThan(0);
    expect(loaded.setErrors![0]!.row).toBeGreaterThan(0);
  });
});

describe("settings, state and selection", () => {
  it("saves the settings in the workbook, recalculates, and loads them back", async () => {
    const book = installMockExcel([sheetFromGrid(communeGrid())]);
    const first = await loadWorkbookState();
    // No set chosen: the workbook's own, else the one the sheet names, judges it.
    expect(first.state.settings).toEqual({ lang: "vi" });
    await saveSettings({ setId: "xa-ntm-nang-cao-2021-2025", region: "dbscl", year: 2025, lang: "en" });
    expect(book.calculations).toBe(1);
    const loaded = await loadWorkbookState();
    expect(loaded.state.settings).toEqual({ setId: "xa-ntm-nang-cao-2021-2025", region: "dbscl", year: 2025, lang: "en" });
    setFunctionSettings(loaded.state.settings);
    expect(getFunctionSettings()).toEqual({ setId: "xa-ntm-nang-cao-2021-2025", region: "dbscl", year: 2025, lang: "en" });
  });

  it("selecting a result selects its cell", async () => {
    const book = installMockExcel([sheetFromGrid(communeGrid()), { name: "Khác", values: [[1]] }]);
    book.active = 1;
    await selectCell("Xã", "C2");
    expect(book.selection).toBe("Xã!C2");
    expect(book.active).toBe(0);
  });

  it("records are stored compactly and come back identical", () => {
    const record = {
      version: 1 as const,
      sheet: "S",
      fills: [
        { row: 5, col: 3, original: null },
        { row: 6, col: 3, original: null },
        { row: 7, col: 3, original: "#FFFF00" },
        { row: 9, col: 4, original: null },
      ],
      notes: [{ row: 5, col: 3 }, { row: 9, col: 4 }],
      ownedColumns: [7, 8],
      ownedRows: [0, 1, 2, 3, 10],
    };
    const origin = { row: 2, col: 1 };
    const back = decodeRecord(JSON.parse(JSON.stringify(encodeRecord(record, origin))), origin);
    const sort = <T extends { row: number; col: number }>(a: T[]) => [...a].sort((x, y) => x.col - y.col || x.row - y.row);
    expect(sort(back.fills)).toEqual(sort(record.fills));
    expect(sort(back.notes)).toEqual(sort(record.notes));
    expect(back.ownedColumns).toEqual(record.ownedColumns);
    expect(back.ownedRows).toEqual(record.ownedRows);
    expect(parseState("not json").settings).toEqual({ lang: "vi" });
    expect(parseState(serializeState({ settings: { setId: "x", lang: "en" }, sheets: { S: { record } } })).sheets.S!.record!.fills).toHaveLength(4);
  });

  it("merged areas are read relative to the block", () => {
    expect(parseMerges("'Thôn 2024'!A1:W1,'Thôn 2024'!A3:A4,'Thôn 2024'!D3", { row: 0, col: 0 })).toEqual([
      { top: 0, left: 0, bottom: 0, right: 22 },
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 3, bottom: 2, right: 3 },
    ]);
    expect(parseMerges("S!C5:D6", { row: 2, col: 1 })).toEqual([{ top: 2, left: 1, bottom: 3, right: 2 }]);
  });

  it("the pane's strings exist in both languages", () => {
    for (const k of UI_KEYS) {
      expect(UI_TABLES.vi[k], k).toBeTruthy();
      expect(UI_TABLES.en[k], k).toBeTruthy();
    }
  });
});

describe("the reading of blanks in a block of tick marks", () => {
  const ticks = { name: "Thôn", values: [["STT", "Tên thôn", "TC1", "TC2", "TC3"], [1, "Nà Pài", "x", "x", ""], [2, "Khuổi Khét", "x", "", "x"]] };

  it("reads a blank as not met by default, says so, and the pane's choice reads it as missing data", async () => {
    installMockExcel([ticks]);
    const first = await evaluateActiveSheet({ settings: { setId: "thon-ntm-bac-kan-2022-2025", lang: "vi" }, caps });
    if (!first.ok) throw new Error(first.message);
    expect(first.results.map((r) => r.unmet)).toEqual([[3], [2]]);
    expect(first.warnings.join("\n")).toMatch(/ô trống được hiểu là chưa đạt/);
    uninstallMockExcel();
    installMockExcel([ticks]);
    const second = await evaluateActiveSheet({ settings: { setId: "thon-ntm-bac-kan-2022-2025", blankMeans: "missing", lang: "vi" }, caps });
    if (!second.ok) throw new Error(second.message);
    expect(second.results.map((r) => r.unmet)).toEqual([[], []]);
    expect(second.results[0]!.missing).toContain(3);
  });
});

describe("the report's two charts (ExcelApi 1.1, queued in the report's batch)", () => {
  const charts = (book: FakeWorkbook): FakeChart[] => book.sheet(REPORT_SHEET)?.charts ?? [];
  const ours = (book: FakeWorkbook) => charts(book).filter((c) => c.name.startsWith("NTM_Chart_"));
  const userChart: FakeChart = { name: "Biểu đồ của tôi", type: "Pie", source: "A1:B3", title: "Số thôn chưa đạt từng tiêu chí" };

  it("a bar chart of the criteria by name and a column chart of the numbers met, bound to the report's cells, right of every table", async () => {
    const book = installMockExcel([sheetFromGrid(villageGrid())]);
    const out = await evaluateActiveSheet({ settings: village, caps });
    expect(out.ok && out.syncs).toBe(3);
    const rows = book.sheetValues(REPORT_SHEET);
    // The block: its title (0-based row d), the bars' title, header and 19 criteria, a blank, the columns' title, header and 16/19 to 19/19.
    const d = rows.findIndex((r) => r[0] === "SỐ LIỆU BIỂU ĐỒ");
    expect(d).toBeGreaterThan(0);
    expect(charts(book).map((c) => [c.name, c.type, c.source, c.seriesBy, c.title, c.legend])).toEqual([
      ["NTM_Chart_1", "BarClustered", `A${d + 3}:B${d + 22}`, "Columns", "Số thôn chưa đạt từng tiêu chí", false],
      ["NTM_Chart_2", "ColumnClustered", `A${d + 25}:B${d + 29}`, "Columns", "Số thôn theo số tiêu chí đạt", false],
    ]);
    // Bản Vén, Bản Đán and Đông Bun miss criterion 10; two villages meet 16 and two 18; "16/19" stays text.
    expect([book.value(REPORT_SHEET, `A${d + 13}`), book.value(REPORT_SHEET, `B${d + 13}`)]).toEqual(["10. Thu nhập", 3]);
    expect([26, 27, 28, 29].map((r) => [book.value(REPORT_SHEET, `A${d + r}`), book.value(REPORT_SHEET, `B${d + r}`)])).toEqual([["16/19", 2], ["17/19", 0], ["18/19", 2], ["19/19", 0]]);
    // Right of the matrix (STT, Xã, Tên, 3 counts, TC 1..19: A:Y) past a blank column, from its first unit row down.
    const header = rows.findIndex((r) => r[0] === "STT" && r.includes("Số tiêu chí đạt"));
    expect(charts(book).map((c) => c.position)).toEqual([
      { start: `AA${header + 2}`, end: `AH${header + 21}` },
      { start: `AA${header + 23}`, end: `AH${header + 42}` },
    ]);
    for (const c of charts(book)) {
      const a = parseAddress(c.position!.start);
      const b = parseAddress(c.position!.end);
      const covered = rows.flatMap((r, i) => r.map((v, j) => (v !== "" && i >= a.row && i <= b.row && j >= a.col && j <= b.col ? `${i}:${j}` : ""))).filter((x) => x);
      expect(covered, c.name).toEqual([]);
    }
  });

  it("a re-run replaces them (still two), in English too; a user's own chart on NTM_BaoCao is kept", async () => {
    const book = installMockExcel([sheetFromGrid(villageGrid())]);
    await evaluateActiveSheet({ settings: village, caps });
    const first = structuredClone(charts(book));
    book.sheet(REPORT_SHEET)!.charts.push({ ...userChart });
    book.syncCount = 0;
    const again = await evaluateActiveSheet({ settings: village, caps });
    expect(again.ok && again.syncs).toBe(3);
    expect(ours(book)).toEqual(first);
    expect(charts(book).filter((c) => !c.name.startsWith("NTM_Chart_"))).toEqual([userChart]);
    book.active = 0;
    const report = await evaluateActiveSheet({ settings: { ...village, lang: "en" }, caps, mode: "report" });
    expect(report.ok && report.syncs).toBe(2);
    expect(ours(book).map((c) => c.title)).toEqual(["Units (villages) not meeting each criterion", "Units (villages) by number of criteria met"]);
    expect(charts(book)).toHaveLength(3);
  });

  it("a protected NTM_BaoCao keeps its charts as they were", async () => {
    const book = installMockExcel([sheetFromGrid(villageGrid()), { name: REPORT_SHEET, values: [["cũ"]], protected: true }]);
    const old: FakeChart = { name: "NTM_Chart_1", type: "BarClustered", source: "A1:B2", title: "Số thôn chưa đạt từng tiêu chí" };
    book.sheet(REPORT_SHEET)!.charts.push({ ...old });
    const out = await evaluateActiveSheet({ settings: village, caps });
    expect(out.ok && out.warnings.some((w) => w.includes("NTM_BaoCao"))).toBe(true);
    expect(charts(book)).toEqual([old]);
  });
});
