/// <reference types="google-apps-script" />
// A district's NTM_BoTieuChi pulled from the province's spreadsheet with IMPORTRANGE
// (apps-script/README.md): the sheet holds one formula in A1 and the values it spills. The add-on
// reads it with getValues, as any NTM_BoTieuChi, so the province's levels judge; on the fakes the
// values are what getValues returns, the formula stays in A1 and is never written over.
import { afterEach, describe, expect, it, vi } from "vitest";
import { WORKBOOK_SET_SHEET, type SheetGrid } from "../../shared/index.js";
import { evaluateActiveSheet } from "../../apps-script/src/actions.js";
import * as fn from "../../apps-script/src/functions.js";
import { SETTINGS_KEY } from "../../apps-script/src/store.js";
import { communeGrid } from "../fixtures/grids.js";
import { fakeGas, type FakeGas } from "./fakes.js";

const FORMULA = '=IMPORTRANGE("https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz/edit"; "NTM_BoTieuChi!A:O")';

/** What getValues returns over IMPORTRANGE's spill: numbers as numbers, blanks as "", 15 columns (A:O). */
function imported(rows: unknown[][]): SheetGrid {
  const width = 15;
  return { name: WORKBOOK_SET_SHEET, values: rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "")) };
}

/** The province's sheet: the national set with its own income level for TDMNPB in 2024. */
const PROVINCE = [
  ["Mã bộ tiêu chí", "xa-ntm-tinh-bac-kan-2021-2025"],
  ["Tên bộ tiêu chí", "Bộ tiêu chí xã nông thôn mới tỉnh Bắc Kạn (mức của tỉnh)"],
  ["Kế thừa", "xa-ntm-2021-2025"],
  [],
  ["Tiêu chí số", "Mã chỉ tiêu", "Loại", "So sánh", "Vùng", "Năm", "Ngưỡng", "Nguồn", "Đã xác nhận"],
  [10, "10", "số", "≥", "tdmnpb", 2024, 50, "123/QĐ-UBND, tiêu chí 10", true],
  [],
  [],
];

let gas: FakeGas;
function install(grids: SheetGrid[]): FakeGas {
  gas = fakeGas(grids);
  for (const [k, v] of Object.entries(gas.globals())) vi.stubGlobal(k, v);
  gas.props.data[SETTINGS_KEY] = JSON.stringify({ region: "tdmnpb", year: 2024, lang: "vi" });
  return gas;
}
afterEach(() => vi.unstubAllGlobals());

function withImport(values: SheetGrid) {
  install([communeGrid(), values]);
  const set = gas.book.getSheetByName(WORKBOOK_SET_SHEET)!;
  set.formulas = [[FORMULA]];
  return set;
}

describe("NTM_BoTieuChi whose values come from IMPORTRANGE", () => {
  it("judges with the province's level: Hòa Bình's 46,3 meets the catalog's 45 but not the province's 50", () => {
    // Without the sheet: criterion 10 met for Hòa Bình, only 7 unmet.
    install([communeGrid()]);
    const before = evaluateActiveSheet();
    if (!before.ok) throw new Error(before.message);
    expect(before.view.units.find((u) => u.name === "Hòa Bình")!.unmet).toBe("7. Cơ sở hạ tầng thương mại nông thôn");

    const set = withImport(imported(PROVINCE));
    const r = evaluateActiveSheet();
    if (!r.ok) throw new Error(r.message);
    expect(r.view.units.map((u) => [u.name, u.unmet])).toEqual([
      ["Thanh Vân", "10. Thu nhập"],
      ["Hòa Bình", "7. Cơ sở hạ tầng thương mại nông thôn; 10. Thu nhập"],
      ["Tân Lập", ""],
    ]);
    // The note on Hòa Bình's income (C3): 50 - 46,3 = 3,7 short, from the province's document.
    const note = gas.book.active.note(2, 2)!;
    expect(note).toContain("≥ 50 triệu đồng/người");
    expect(note).toContain("thiếu 3,7 triệu đồng/người");
    expect(note).toContain("123/QĐ-UBND, tiêu chí 10");
    // The formula is kept, and nothing is written to the imported sheet.
    expect(set.formulas[0]![0]).toBe(FORMULA);
    expect(set.values).toEqual(imported(PROVINCE).values);
  });

  it("the cell functions read it too", () => {
    withImport(imported(PROVINCE));
    expect(fn.NTM_THRESHOLD("10")).toMatch(/^≥ 50 triệu đồng\/người/);
    expect(fn.NTM_INDICATOR("10", [[46.3], [52]])).toEqual([["Chưa đạt"], ["Đạt"]]);
  });

  it('before the one-time "Allow access", A1 shows #REF!: the evaluation stops and says which row', () => {
    withImport(imported([["#REF!"]]));
    const r = evaluateActiveSheet();
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^Trang NTM_BoTieuChi có 1 lỗi nên chưa dùng được; hãy sửa rồi chạy lại:\nDòng 1: /);
  });
});
