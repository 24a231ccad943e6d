/// <reference types="google-apps-script" />
// The Apps Script adapter (apps-script/src) against typed fakes of SpreadsheetApp, Range, Ui,
// PropertiesService and HtmlService: batched calls, exact restore, idempotent re-runs, report.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  REPORT_SHEET,
  WORKBOOK_SET_SHEET,
  builtInSets,
  evaluateSheet,
  getBuiltInSet,
  ntmCount,
  ntmThreshold,
  readWorkbookSet,
  reportWithRoad,
  type HighlightRecord,
  type SheetGrid,
} from "../../shared/index.js";
import { clearActiveSheet, createReport, createSetSheet, evaluateActiveSheet, saveResults, setColumnMapping, sidebarState, updateSettings } from "../../apps-script/src/actions.js";
import * as fn from "../../apps-script/src/functions.js";
import { normaliseColor, parseA1Range } from "../../apps-script/src/sheetIO.js";
import { CHUNK, decodeRecord, encodeRecord, loadRecord, saveRecord, SETTINGS_KEY } from "../../apps-script/src/store.js";
import { communeFormGrid, communeGrid, villageGrid } from "../fixtures/grids.js";
import { bigCommuneGrid, bigVillageGrid } from "./data.js";
import { fakeGas, type FakeChart, type FakeGas, type FakeSheet } from "./fakes.js";

const xa = getBuiltInSet("xa-ntm-2021-2025")!;
const thon = getBuiltInSet("thon-ntm-bac-kan-2022-2025")!;

let gas: FakeGas;
function install(grids: SheetGrid[], settings?: object): FakeGas {
  gas = fakeGas(grids);
  for (const [k, v] of Object.entries(gas.globals())) vi.stubGlobal(k, v);
  if (settings) gas.props.data[SETTINGS_KEY] = JSON.stringify(settings);
  return gas;
}

beforeEach(() => install([]));
afterEach(() => vi.unstubAllGlobals());

const settings2024 = { setId: "xa-ntm-2021-2025", region: "tdmnpb", year: 2024, lang: "vi" };
const villageSettings = { setId: "thon-ntm-bac-kan-2022-2025", year: 2024, lang: "vi" };

describe("evaluate: one read, batched writes, same answers as the engine", () => {
  it("evaluates the shared village table like evaluateSheet does, and writes the plan", () => {
    install([villageGrid()], villageSettings);
    const sheet = gas.book.active;
    const r = evaluateActiveSheet();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const direct = evaluateSheet(villageGrid(), { set: thon, year: 2024 });
    if (!direct.ok) throw new Error("fixture");
    expect(r.view.units.map((u) => [u.name, u.group, u.met])).toEqual(direct.results.map((u) => [u.name, u.group, u.criteriaMet]));
    // Every criterion named, as the set names it, not only numbered.
    expect(r.view.units.map((u) => u.unmet)).toEqual(["10. Thu nhập; 12. Lao động; 13. Tổ chức sản xuất", "10. Thu nhập; 13. Tổ chức sản xuất; 17. Môi trường", "10. Thu nhập", ""]);
    expect(r.view.units[3]!.missing).toBe("5");
    expect(r.view.layout).toBe("wide");
    expect(r.view.columns.some((c) => c.maps === "Tiêu chí số 10")).toBe(true);
    // Every value, fill and note of the engine's plan is on the sheet.
    for (const v of direct.plan.values) expect(sheet.cell(v.row, v.col)).toBe(v.value ?? "");
    for (const f of direct.plan.fills) expect(sheet.background(f.row, f.col)).toBe((f.color ?? "#ffffff").toLowerCase());
    for (const n of direct.plan.notes) expect(sheet.note(n.row, n.col)).toBe(n.text ?? "");
    expect(String(sheet.cell(3, 23))).toBe("[NTM] Kết quả");
    expect(r.message).toMatch(/Đã đánh giá trang "Thôn 2024": 4 thôn/);
  });

  it("uses one getValues and a constant number of SpreadsheetApp calls, whatever the number of rows", () => {
    const counts: Record<number, string[]> = {};
    for (const n of [10, 1000]) {
      install([bigVillageGrid(n)], villageSettings);
      const r = evaluateActiveSheet();
      expect(r.ok, r.message).toBe(true);
      counts[n] = gas.sheetCalls();
      expect(counts[n]!.filter((c) => c === "Range.getValues").length).toBe(1);
      // Fills: one setBackground per highlight colour, on a list of just the highlighted cells.
      expect(counts[n]!.filter((c) => c === "Range.setBackgrounds")).toEqual([]);
      expect(counts[n]!.filter((c) => c === "RangeList.setBackground").length).toBeGreaterThanOrEqual(1);
      // Up to 3 highlight colours on the sheet, up to 5 status colours on the report's heat map.
      expect(counts[n]!.filter((c) => c === "RangeList.setBackground").length).toBeLessThanOrEqual(8);
      // One block of values (with its text formats) on the sheet, one on the report sheet NTM_BaoCao.
      expect(counts[n]!.filter((c) => c === "Range.setNumberFormats").length).toBe(2);
      expect(counts[n]!.filter((c) => c === "Range.setNotes").length).toBe(1);
      expect(counts[n]!.filter((c) => c === "Range.setValues").length).toBe(2);
    }
    expect(counts[1000]!.length).toBe(counts[10]!.length);
    // One visibility call per column (SpreadsheetApp has no bulk one), none per row; at most 55 others
    // (the report sheet and its heat map take about fifteen, its two charts seven).
    const width = Math.max(...bigVillageGrid(10).values.map((r) => r.length));
    expect(counts[1000]!.filter((c) => c === "Sheet.isColumnHiddenByUser").length).toBe(width);
    expect(counts[1000]!.filter((c) => c !== "Sheet.isColumnHiddenByUser").length).toBeLessThanOrEqual(55);
    expect(counts[1000]!.filter((c) => c === "Sheet.insertChart").length).toBe(2);
  });

  it("reads merges, number formats and notes from the same block: a % format means 0.961 is 96.1%", () => {
    install([communeGrid()], settings2024);
    const r = evaluateActiveSheet();
    expect(r.ok).toBe(true);
    const direct = evaluateSheet(communeGrid(), { set: xa, region: "tdmnpb", year: 2024 });
    if (!r.ok || !direct.ok) throw new Error("evaluation failed");
    expect(r.view.units.map((u) => u.met)).toEqual(direct.results.map((u) => u.criteriaMet));
    expect(r.view.units.map((u) => u.unmet.replace(/\. [^;]+/g, "").split("; ").filter(Boolean).map(Number))).toEqual(direct.results.map((u) => u.unmet));
  });

  it("evaluates a commune's assessment form (long layout) into its own column", () => {
    install([communeFormGrid()], settings2024);
    const r = evaluateActiveSheet();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.view.layout).toBe("long");
    const sheet = gas.book.active;
    const col = 8; // right of the form's last column (Ghi chú, H)
    expect(String(sheet.cell(4, col))).toBe("[NTM] Đánh giá");
    expect(String(sheet.cell(9, col))).toMatch(/^Chưa đạt: thiếu 3,8 triệu đồng\/người$/);
  });
});

describe("clear and re-run", () => {
  function prepared(): FakeGas {
    const grid = villageGrid();
    // A user's own fill on a cell that will be highlighted, another elsewhere, and a user note.
    const fills: Array<Array<string | null>> = grid.values.map((r) => r.map(() => null));
    fills[5]![12] = "#D9EAD3"; // Bản Vén, criterion 10 (Chưa đạt)
    fills[7]![1] = "#CFE2F3";
    const notes: Array<Array<string | null>> = grid.values.map((r) => r.map(() => null));
    notes[6]![12] = "Xã đã báo cáo lại";
    return install([{ ...grid, fills, notes }], villageSettings);
  }

  it("restores every background, note and value exactly", () => {
    const g = prepared();
    const sheet = g.book.active;
    const before = sheet.snapshot();
    expect(evaluateActiveSheet().ok).toBe(true);
    expect(sheet.background(5, 12)).toBe("#f4cccc");
    expect(sheet.note(6, 12)).toBe("Xã đã báo cáo lại"); // a user's note is never replaced
    expect(sheet.snapshot()).not.toEqual(before);
    const c = clearActiveSheet();
    expect(c.ok, c.message).toBe(true);
    expect(sheet.snapshot()).toEqual(before);
    expect(sheet.background(5, 12)).toBe("#d9ead3");
    expect(loadRecord(sheet.name, g.props)).toBeUndefined();
    expect(clearActiveSheet()).toEqual({ ok: true, message: 'Trang "Thôn 2024" không có đánh dấu nào của NTM để xoá.' });
  });

  it("is idempotent: a second run leaves the sheet and the record unchanged, and one clear still restores", () => {
    const g = prepared();
    const sheet = g.book.active;
    const before = sheet.snapshot();
    evaluateActiveSheet();
    const once = sheet.snapshot();
    const record1 = loadRecord(sheet.name, g.props);
    evaluateActiveSheet();
    expect(sheet.snapshot()).toEqual(once);
    expect(loadRecord(sheet.name, g.props)).toEqual(record1);
    clearActiveSheet();
    expect(sheet.snapshot()).toEqual(before);
  });

  it("'Lưu kết quả' keeps the results in a hidden NTM_LichSu, and the next evaluation says what was lost and gained since, as Excel does", () => {
    const g = prepared();
    const sheet = g.book.active;
    const saved = saveResults(g.props, "2026-11-01T08:00:00.000Z");
    expect(saved).toEqual({ ok: true, message: 'Đã lưu kết quả 4 thôn của trang "Thôn 2024" vào trang NTM_LichSu (lần lưu lúc 2026-11-01 08:00); lần đánh giá sau sẽ so sánh với lần lưu này' });
    const history = g.book.getSheetByName("NTM_LichSu")!;
    expect(history.hidden).toBe(true);
    expect(g.book.active).toBe(sheet);
    expect([history.values[2]![6], history.values[2]![7], history.values[2]![17], history.values[2]![12]]).toEqual(["Bản Vén", "16/19", "CĐ", "Đ"]);
    // Since then: Bản Vén loses criterion 5, Bản Đán meets criterion 17.
    sheet.values[5]![7] = "Chưa đạt";
    sheet.values[6]![19] = "Đạt";
    const r = evaluateActiveSheet(g.props);
    if (!r.ok) throw new Error(r.message);
    const since = (r.view.sinceLastSave ?? []).join("\n");
    expect(since).toMatch(/giảm tiêu chí[^\n]*Bản Vén[^\n]*TC 5/);
    expect(since).toMatch(/Bản Đán[^\n]*TC 17/);
    expect(r.message).toContain((r.view.sinceLastSave ?? [])[0]);
  });

  it("puts a cell back when its value is fixed between runs", () => {
    const g = prepared();
    const sheet = g.book.active;
    evaluateActiveSheet();
    expect(sheet.background(5, 12)).toBe("#f4cccc");
    sheet.values[5]![12] = "Đạt";
    evaluateActiveSheet();
    expect(sheet.background(5, 12)).toBe("#d9ead3");
    expect(sheet.note(5, 12)).toBe("");
  });

  it("keeps a record of 1,000 rows within the 9 KB property limit by splitting it", () => {
    install([bigVillageGrid(1000)], villageSettings);
    const sheet = gas.book.active;
    const before = sheet.snapshot();
    expect(evaluateActiveSheet().ok).toBe(true);
    const keys = Object.keys(gas.props.data).filter((k) => k.startsWith("NTM_RECORD|"));
    expect(keys.length).toBeGreaterThan(2);
    expect(Math.max(...Object.values(gas.props.data).map((v) => v.length))).toBeLessThanOrEqual(CHUNK);
    expect(clearActiveSheet().ok).toBe(true);
    expect(sheet.snapshot()).toEqual(before);
    expect(Object.keys(gas.props.data).filter((k) => k.startsWith("NTM_RECORD|"))).toEqual([]);
  });
});

describe("clear messages for what cannot be evaluated", () => {
  it("a record too large for the property quota: nothing is highlighted", () => {
    install([bigVillageGrid(1000)], villageSettings);
    gas.props.quotaBytes = 10_000;
    const before = gas.book.active.snapshot();
    const r = evaluateActiveSheet();
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/quá nhiều ô cần đánh dấu.*Chưa có ô nào bị thay đổi/);
    expect(gas.book.active.snapshot()).toEqual(before);
  });

  it("an empty sheet, in Vietnamese and in English", () => {
    install([{ name: "Trống", values: [] }], settings2024);
    expect(evaluateActiveSheet()).toEqual({ ok: false, message: 'Trang "Trống" không có dữ liệu' });
    gas.props.data[SETTINGS_KEY] = JSON.stringify({ ...settings2024, lang: "en" });
    expect(evaluateActiveSheet()).toEqual({ ok: false, message: 'Sheet "Trống" has no data' });
  });

  it("an unrecognised layout", () => {
    install([{ name: "Danh bạ", values: [["Họ tên", "Điện thoại"], ["An", "0912"]] }], settings2024);
    const r = evaluateActiveSheet();
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^Trang "Danh bạ": không/);
    expect(gas.sheetCalls().filter((c) => c.startsWith("Range.set"))).toEqual([]);
  });

  it("a protected sheet: judged the same, said plainly, nothing written to it (the report goes to NTM_BaoCao)", () => {
    install([villageGrid()], villageSettings);
    gas.book.active.protections.push({ canEdit: () => false });
    const sheet = gas.book.active;
    const before = JSON.stringify([sheet.values, sheet.backgrounds, sheet.notes]);
    const r = evaluateActiveSheet();
    if (!r.ok) throw new Error(r.message);
    expect(r.view.units.map((u) => `${u.name}:${u.met}`)).toEqual(["Bản Vén:16", "Bản Đán:16", "Đông Bun:18", "Bản Chàn:18"]);
    expect(r.view.warnings[0]).toBe('Trang "Thôn 2024" đang được bảo vệ: đã đánh giá nhưng không tô màu, không ghi cột [NTM]; bỏ bảo vệ trang để đánh dấu các ô');
    expect(r.message).toContain("đang được bảo vệ");
    expect(JSON.stringify([sheet.values, sheet.backgrounds, sheet.notes])).toBe(before);
    expect(gas.book.active).toBe(sheet);
    expect(gas.book.sheets.map((s) => s.name)).toEqual(["Thôn 2024", REPORT_SHEET]);
    expect(gas.props.data).not.toHaveProperty("NTM_RECORD|Thôn 2024");
  });

  it("the add-on's own sheets are not evaluated", () => {
    install([{ name: REPORT_SHEET, values: [["x"]] }], settings2024);
    expect(evaluateActiveSheet().message).toMatch(/là trang của NTM/);
  });
});

describe("report, set sheet, settings", () => {
  it("writes the district report to NTM_BaoCao, replacing an earlier one", () => {
    install([villageGrid()], villageSettings);
    const r = createReport();
    expect(r.ok, r.message).toBe(true);
    const report = gas.book.getSheetByName(REPORT_SHEET)!;
    const direct = evaluateSheet(villageGrid(), { set: thon, year: 2024 });
    if (!direct.ok) throw new Error("fixture");
    // The district report, the road to certification, then the notes (shared/app/sheetReport.ts).
    const expected = reportWithRoad(direct.results, { set: thon, year: 2024, lang: "vi", source: "Thôn 2024" });
    expect(report.values.map((row) => row.filter((v) => v !== ""))).toEqual(expected.map((row) => row.filter((v) => v !== "")));
    expect(report.values.flat().join("\n")).toMatch(/Số thôn đạt 16 tiêu chí: 02 thôn \(Bản Vén, Bản Đán xã Đôn Phong\)/);
    // Frozen on the matrix's header row and the units' name column, as in Excel (print setup: by hand in Sheets).
    const header = report.values.findIndex((r) => r[0] === "STT" && r.includes("Số tiêu chí đạt"));
    expect(header).toBeGreaterThan(0);
    expect([report.frozenRows, report.frozenColumns]).toEqual([header + 1, report.values[header]!.indexOf("Số tiêu chí đạt")]);
    // Run from the report sheet itself, the last evaluated sheet is used; the old content is cleared.
    expect(gas.book.active.name).toBe(REPORT_SHEET);
    report.values.push(["left over"]);
    gas.props.data["NTM_LAST"] = JSON.stringify({ sheet: "Thôn 2024", at: "", summary: "" });
    expect(createReport().ok).toBe(true);
    expect(report.values.flat()).not.toContain("left over");
    expect(gas.book.sheets.filter((s) => s.name === REPORT_SHEET)).toHaveLength(1);
  });

  it("creates NTM_BoTieuChi from the chosen set, readable back, and never overwrites it", () => {
    install([communeGrid()], settings2024);
    const r = createSetSheet();
    expect(r.ok, r.message).toBe(true);
    const sheet = gas.book.getSheetByName(WORKBOOK_SET_SHEET)!;
    const back = readWorkbookSet(sheet.values, builtInSets());
    expect(back.ok).toBe(true);
    expect(createSetSheet()).toEqual({ ok: false, message: expect.stringMatching(/^Trang NTM_BoTieuChi đã có/) });
  });

  it("a broken NTM_BoTieuChi sheet stops the evaluation with its row named", () => {
    install([communeGrid(), { name: WORKBOOK_SET_SHEET, values: [["Mã bộ tiêu chí", "tinh-x"], [], ["Tiêu chí số", "Mã chỉ tiêu", "Ngưỡng"], ["10", "10", "nhiều"]] }], settings2024);
    const r = evaluateActiveSheet();
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^Trang NTM_BoTieuChi có 2 lỗi nên chưa dùng được; hãy sửa rồi chạy lại:\nDòng 1: thiếu "Tên bộ tiêu chí"\nDòng \d+/);
  });

  it("the district's target typed in the sidebar (\"3/2025\") is checked in the report; a malformed one is refused", () => {
    install([villageGrid()], villageSettings);
    expect(updateSettings({ ...villageSettings, target: "12-2025" }, gas.props)).toEqual({
      ok: false,
      message: '"12-2025" không phải mục tiêu: cần số đơn vị và năm, ví dụ 12/2025 (12 xã đạt chuẩn năm 2025) hoặc 1/xã/2025 (mỗi xã 01 thôn đạt chuẩn năm 2025)',
    });
    const saved = updateSettings({ ...villageSettings, target: " 3/2025 " }, gas.props);
    expect(saved.ok && saved.settings.target).toEqual({ count: 3, year: 2025 });
    expect(createReport().ok).toBe(true);
    // None of the four villages meets all 19 criteria (16, 16, 18, 18): three are still needed.
    const lines = gas.book.getSheetByName(REPORT_SHEET)!.values.map((r) => r.filter((v) => v !== "").join(" "));
    expect(lines.filter((l) => l.includes("Mục tiêu"))).toEqual(["Mục tiêu: 3/4 thôn đạt chuẩn năm 2025; hiện đạt 0/4, còn 3 thôn"]);
  });

  it("\"mỗi xã 01 thôn\" typed as 1/xã/2025: each commune's closest village in the report", () => {
    install([villageGrid()], villageSettings);
    const saved = updateSettings({ ...villageSettings, target: "1/xã/2025" }, gas.props);
    expect(saved.ok && saved.settings.target).toEqual({ count: 1, year: 2025, perGroup: true });
    expect(createReport().ok).toBe(true);
    const lines = gas.book.getSheetByName(REPORT_SHEET)!.values.map((r) => r.filter((v) => v !== "").join(" "));
    // Bản Vén and Bản Đán both have 3 to go (sheet order decides); Đông Bun and Bản Chàn 1 each.
    expect(lines.filter((l) => /^(Mục tiêu|- Xã )/.test(l))).toEqual([
      "Mục tiêu: mỗi xã có 01 thôn đạt chuẩn năm 2025; hiện 0/2 xã đã có, còn 2 xã",
      "- Xã Đôn Phong: đạt chuẩn 0/1 thôn; gần về đích nhất: Bản Vén (còn 3 tiêu chí).",
      "- Xã Vũ Muộn: đạt chuẩn 0/1 thôn; gần về đích nhất: Đông Bun (còn 1 tiêu chí).",
    ]);
  });

  it("saves checked settings; region names and English are accepted", () => {
    install([communeGrid()]);
    expect(updateSettings({ setId: "xa-ntm-2021-2025", region: "Trung du và miền núi phía Bắc", year: "2024", lang: "vi" })).toMatchObject({ ok: true, settings: { region: "tdmnpb", year: 2024 } });
    expect(JSON.parse(gas.props.data[SETTINGS_KEY]!)).toEqual({ setId: "xa-ntm-2021-2025", region: "tdmnpb", year: 2024, lang: "vi" });
    expect(updateSettings({ year: "hai nghìn" })).toEqual({ ok: false, message: 'Năm "hai nghìn" không hợp lệ: cần một năm như 2024' });
    expect(updateSettings({ region: "Miền Trăng", lang: "en" }).message).toMatch(/unknown region "Miền Trăng"/);
    expect(updateSettings({ setId: "bo-khong-co" }).message).toBe('Không có bộ tiêu chí "bo-khong-co"');
    const state = sidebarState();
    expect(state.settings.region).toBe("tdmnpb");
    expect(state.sets.map((s) => s.id)).toContain("thon-ntm-bac-kan-2022-2025");
    expect(state.sets.find((s) => s.id === "xa-ntm-2021-2025")!.unconfirmed).toBeGreaterThan(0);
    expect(state.regions).toHaveLength(7);
  });

  it("a column mapping chosen in the sidebar is used on the next run", () => {
    install([communeGrid()], settings2024);
    const first = evaluateActiveSheet();
    if (!first.ok) throw new Error(first.message);
    expect(setColumnMapping("Xã", 4, "ignore").ok).toBe(true);
    const second = evaluateActiveSheet();
    if (!second.ok) throw new Error(second.message);
    expect(second.view.columns.some((c) => c.cell.startsWith("E"))).toBe(false);
    expect(first.view.columns.some((c) => c.cell.startsWith("E"))).toBe(true);
    expect(setColumnMapping("Xã", 4, "15.2").ok).toBe(true);
    const third = evaluateActiveSheet();
    if (!third.ok) throw new Error(third.message);
    expect(third.view.columns.find((c) => c.cell.startsWith("E"))).toMatchObject({ maps: "Chỉ tiêu 15.2", by: "user" });
    expect(setColumnMapping("Xã", 4, "").ok).toBe(true);
    expect(gas.props.data["NTM_MAP|Xã"]).toBeUndefined();
    // Criterion 0 is no criterion: refused with the grammar, nothing saved.
    expect(setColumnMapping("Xã", 4, "c:0")).toEqual({ ok: false, message: '"c:0" không phải lựa chọn cột: cần mã chỉ tiêu ("10", "15.1"), "c:7" cho tiêu chí 7, hoặc "ignore"' });
    expect(gas.props.data["NTM_MAP|Xã"]).toBeUndefined();
  });
});

describe("records and helpers", () => {
  it("a record survives its compact encoding", () => {
    const rec: HighlightRecord = { version: 1, sheet: "Thôn 2024", fills: [{ row: 5, col: 12, original: "#D9EAD3" }, { row: 6, col: 3, original: null }], notes: [{ row: 6, col: 3 }], ownedColumns: [23, 24, 25], ownedRows: [3, 5, 6, 7, 8, 20] };
    expect(decodeRecord(encodeRecord(rec))).toEqual(rec);
    saveRecord(rec, gas.props);
    expect(loadRecord("Thôn 2024", gas.props)).toEqual(rec);
    saveRecord({ ...rec, fills: [], notes: [], ownedColumns: [], ownedRows: [] }, gas.props);
    expect(gas.props.data).toEqual({});
  });

  it("reads Sheets' colours and A1 merges", () => {
    expect(normaliseColor("#ffffff")).toBeNull();
    expect(normaliseColor("#f4cccc")).toBe("#F4CCCC");
    expect(parseA1Range("B3:W4")).toEqual({ top: 2, left: 1, bottom: 3, right: 22 });
    expect(parseA1Range("AA10")).toEqual({ top: 9, left: 26, bottom: 9, right: 26 });
  });
});

describe("custom functions take their defaults from the document", () => {
  const headers = [communeGrid().values[0]!.slice(2)];
  const values = communeGrid().values.slice(1).map((r) => r.slice(2));

  it("uses the sidebar's region and year, and answers like the shared functions", () => {
    install([communeGrid()], settings2024);
    expect(fn.NTM_THRESHOLD("10")).toBe("≥ 45 triệu đồng/người (chưa xác nhận)");
    expect(fn.NTM_COUNT(headers, values)).toEqual(ntmCount(headers, values, null, null, null, { setId: "xa-ntm-2021-2025", region: "tdmnpb", year: 2024 }));
  });

  it("falls back to the defaults when document properties cannot be read", () => {
    install([communeGrid()], settings2024);
    gas.props.unavailable = true;
    expect(fn.NTM_THRESHOLD("10")).toBe(ntmThreshold("10", null, null, null, {}));
    expect(fn.NTM_THRESHOLD("10", "tdmnpb", 2024)).toBe("≥ 45 triệu đồng/người (chưa xác nhận)");
  });

  it("falls back to the defaults when there is no document property store (getDocumentProperties() is null)", () => {
    install([communeGrid()], settings2024);
    vi.stubGlobal("PropertiesService", { getDocumentProperties: () => null });
    expect(fn.NTM_THRESHOLD("10", "tdmnpb", 2024)).toBe("≥ 45 triệu đồng/người (chưa xác nhận)");
    expect(fn.NTM_INDICATOR("10", [[46], [44]], null, null, "tdmnpb", 2024)).toEqual([["Đạt"], ["Chưa đạt"]]);
  });

  it("uses the thresholds of the workbook's NTM_BoTieuChi sheet", () => {
    install([communeGrid()], settings2024);
    expect(createSetSheet().ok).toBe(true);
    const sheet = gas.book.getSheetByName(WORKBOOK_SET_SHEET)!;
    const header = sheet.values.findIndex((r) => r.includes("Mã chỉ tiêu"));
    const cols = sheet.values[header]!;
    const code = cols.indexOf("Mã chỉ tiêu");
    const region = cols.indexOf("Vùng");
    const year = cols.indexOf("Năm");
    const value = cols.indexOf("Ngưỡng");
    const row = sheet.values.findIndex((r) => r[code] === "10" && r[region] === "tdmnpb" && r[year] === "2024");
    expect(row).toBeGreaterThan(header);
    sheet.values[row]![value] = "40";
    expect(fn.NTM_THRESHOLD("10")).toMatch(/^≥ 40 triệu đồng\/người/);
    expect(fn.NTM_INDICATOR("10", [[41.2]])).toEqual([["Đạt"]]);
  });

  it("shows argument errors as plain Errors with the message, in the document's language", () => {
    install([communeGrid()], { ...settings2024, lang: "en" });
    let error: unknown;
    try {
      fn.NTM_INDICATOR("mười", [[1]]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe("Error");
    expect((error as Error).message).toMatch(/Indicator code "mười" is not valid/);
  });

  it("answers a 1,000-row range in one call", () => {
    install([], settings2024);
    const grid = bigCommuneGrid(1000);
    const out = fn.NTM_GAPS([grid.values[0]!.slice(2)], grid.values.slice(1).map((r) => r.slice(2)));
    expect(out).toHaveLength(1000);
  });
});

describe("the reading of blanks in a block of tick marks", () => {
  const ticks = (): SheetGrid => ({ name: "Thôn", values: [["STT", "Tên thôn", "TC1", "TC2", "TC3"], [1, "Nà Pài", "x", "x", ""], [2, "Khuổi Khét", "x", "", "x"]] });
  const village = { setId: "thon-ntm-bac-kan-2022-2025", lang: "vi" };

  it("reads a blank as not met by default, says so, and the sidebar's choice reads it as missing data", () => {
    install([ticks()], village);
    const first = evaluateActiveSheet();
    if (!first.ok) throw new Error(first.message);
    expect(first.view.units.map((u) => u.unmet)).toEqual(["3", "2"]);
    expect(first.view.warnings.join("\n")).toMatch(/ô trống được hiểu là chưa đạt/);
    expect(clearActiveSheet().ok).toBe(true);
    expect(updateSettings({ ...village, blankMeans: "missing" }).ok).toBe(true);
    expect(JSON.parse(gas.props.data[SETTINGS_KEY]!)).toMatchObject({ blankMeans: "missing" });
    const second = evaluateActiveSheet();
    if (!second.ok) throw new Error(second.message);
    expect(second.view.units.map((u) => u.unmet)).toEqual(["", ""]);
    expect(second.view.units[0]!.missing.split("; ")).toContain("3");
  });
});

describe("the report's two charts (embedded charts on NTM_BaoCao)", () => {
  const report = () => gas.book.getSheetByName(REPORT_SHEET)!;
  const ours = (s: FakeSheet) => s.charts.filter((c) => String(c.options.title).startsWith("Số thôn") || String(c.options.title).startsWith("Units ("));
  const describeChart = (c: FakeChart) => [c.type, c.ranges, c.numHeaders, c.position, c.options.title, c.options.legend];

  it("a bar chart of the criteria by name and a column chart of the numbers met, bound to the report's cells, right of every table", () => {
    install([villageGrid()], villageSettings);
    expect(evaluateActiveSheet().ok).toBe(true);
    const s = report();
    const d = s.values.findIndex((r) => r[0] === "SỐ LIỆU BIỂU ĐỒ");
    const header = s.values.findIndex((r) => r[0] === "STT" && r.includes("Số tiêu chí đạt"));
    expect(d).toBeGreaterThan(header);
    // Charts.ChartType.BAR and COLUMN over A:B of the block (header row included), anchored at AA (column 27), 1-based.
    expect(s.charts.map(describeChart)).toEqual([
      ["BAR", [`A${d + 3}:B${d + 22}`], 1, { row: header + 2, column: 27, offsetX: 0, offsetY: 0 }, "Số thôn chưa đạt từng tiêu chí", { position: "none" }],
      ["COLUMN", [`A${d + 25}:B${d + 29}`], 1, { row: header + 23, column: 27, offsetX: 0, offsetY: 0 }, "Số thôn theo số tiêu chí đạt", { position: "none" }],
    ]);
    expect(s.values.slice(d + 24, d + 29).map((r) => r.slice(0, 2))).toEqual([["Số tiêu chí đạt", "Số thôn"], ["16/19", 2], ["17/19", 0], ["18/19", 2], ["19/19", 0]]);
    // 8 columns × 20 rows of Sheets' default cells, right of the widest written row (A:Y) past a blank column Z.
    expect(s.charts.map((c) => [c.options.width, c.options.height])).toEqual([[800, 420], [800, 420]]);
    const lastFilled = (r: unknown[]) => r.reduce<number>((n, v, i) => (v !== "" ? i + 1 : n), 0);
    expect(Math.max(...s.values.map(lastFilled))).toBe(25);
  });

  it("a re-run replaces them (still two), in English too; a user's own chart on NTM_BaoCao is kept", () => {
    install([villageGrid()], villageSettings);
    expect(evaluateActiveSheet().ok).toBe(true);
    const s = report();
    const first = s.charts.map(describeChart);
    const mine = s.newChart().setChartType("PIE" as unknown as GoogleAppsScript.Charts.ChartType).addRange(s.getRange(1, 1, 3, 2)).setOption("title", "Biểu đồ của tôi").build();
    s.insertChart(mine);
    const untitled = s.newChart().setChartType("LINE" as unknown as GoogleAppsScript.Charts.ChartType).addRange(s.getRange(1, 1, 2, 2)).build();
    s.insertChart(untitled);
    gas.book.active = gas.book.sheets[0]!;
    expect(evaluateActiveSheet().ok).toBe(true);
    expect(ours(s).map(describeChart)).toEqual(first);
    expect(s.charts).toHaveLength(4);
    expect(s.charts.slice(0, 2)).toEqual([mine, untitled]);
    gas.book.active = gas.book.sheets[0]!;
    expect(updateSettings({ ...villageSettings, lang: "en" }, gas.props).ok).toBe(true);
    expect(createReport().ok).toBe(true);
    expect(ours(s).map((c) => c.options.title)).toEqual(["Units (villages) not meeting each criterion", "Units (villages) by number of criteria met"]);
    expect(s.charts).toHaveLength(4);
  });

  it("a protected NTM_BaoCao keeps its charts as they were", () => {
    install([villageGrid(), { name: REPORT_SHEET, values: [["cũ"]] }], villageSettings);
    const s = report();
    s.protections.push({ canEdit: () => false });
    const old = s.newChart().setChartType("BAR" as unknown as GoogleAppsScript.Charts.ChartType).addRange(s.getRange(1, 1, 1, 1)).setOption("title", "Số thôn chưa đạt từng tiêu chí").build();
    s.insertChart(old);
    gas.book.active = gas.book.sheets[0]!;
    const r = evaluateActiveSheet();
    expect(r.ok && r.view.warnings.some((w) => w.includes("NTM_BaoCao"))).toBe(true);
    expect(s.charts).toEqual([old]);
  });
});
