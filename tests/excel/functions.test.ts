/// <reference types="custom-functions-runtime" />
// The Excel custom functions through a real formula engine (HyperFormula), registered under
// their Excel names (NTM.CRITERION...): scalar and spilled formulas, #VALUE! with the message,
// and the workbook's settings (task pane) as defaults.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as fns from "../../excel-addin/functions/functions.js";
import { setFunctionSettings } from "../../excel-addin/common/state.js";
import { buildEngine, type NtmImplementations } from "../support/hyperformula.js";

const impl: NtmImplementations = {
  CRITERION: fns.criterion as never,
  INDICATOR: fns.indicator as never,
  COUNT: fns.count as never,
  GAPS: fns.gaps as never,
  THRESHOLD: fns.threshold as never,
  CHANGE: fns.change as never,
};

/** What Excel's runtime provides: the error class the functions throw. */
class FakeCustomFunctionError extends Error {
  constructor(public code: string, message?: string) {
    super(message);
  }
}

beforeEach(() => {
  (globalThis as any).CustomFunctions = { Error: FakeCustomFunctionError, ErrorCode: { invalidValue: "#VALUE!" } };
  setFunctionSettings({ setId: "xa-ntm-2021-2025", region: "tdmnpb", year: 2024, lang: "vi" });
});
afterEach(() => {
  delete (globalThis as any).CustomFunctions;
});

const districtSheet = [
  ["Tên xã", "10. Thu nhập (tr.đ/người)", "Tỷ lệ nghèo đa chiều (%)", "Tiêu chí 7", "Trạng thái 10", "Số TC đạt", "Thiếu"],
  ["Thanh Vân", "41,2", "14,5%", "Đạt", '=NTM.INDICATOR("10",B2:B4)', "=NTM.COUNT(B1:D1,B2:D4)", "=NTM.GAPS(B1:D1,B2:D4)"],
  ["Hòa Bình", 46.3, "8%", "Chưa đạt", null, null, null],
  ["Tân Lập", "#N/A", "", "x", null, null, null],
];

describe("NTM.* custom functions in a formula engine", () => {
  it("one formula per column spills a result per row", () => {
    const hf = buildEngine({ Data: districtSheet }, impl);
    const v = hf.getSheetValues(0);
    expect(v.slice(1).map((r) => r[4])).toEqual(["Chưa đạt", "Đạt", "Dữ liệu không hợp lệ"]);
    expect(v.slice(1).map((r) => r[5])).toEqual([1, 1, 1]);
    expect(v[1]![6]).toBe("10: thiếu 3,8 triệu đồng/người");
    expect(v[2]![6]).toBe("Tiêu chí số 7: Chưa đạt");
    // Recalculation follows the data.
    hf.setCellContents({ sheet: 0, col: 1, row: 1 }, [[47]]);
    expect(hf.getCellValue({ sheet: 0, col: 4, row: 1 })).toBe("Đạt");
    expect(hf.getCellValue({ sheet: 0, col: 6, row: 1 })).toBe("");
  });

  it("scalar forms: one cell, a criterion from its self-assessment, a threshold", () => {
    const hf = buildEngine(
      {
        S: [
          ["Chưa đạt", '=NTM.CRITERION(7,A1)', '=NTM.INDICATOR("10",44,"≥ 44")', '=NTM.THRESHOLD("10")', '=NTM.THRESHOLD("10","tdmnpb",2023)', '=NTM.CRITERION("Tiêu chí 10",E2)'],
          [null, null, null, null, 40],
        ],
      },
      impl,
    );
    expect(hf.getCellValue({ sheet: 0, col: 1, row: 0 })).toBe("Chưa đạt");
    expect(hf.getCellValue({ sheet: 0, col: 2, row: 0 })).toBe("Đạt");
    expect(hf.getCellValue({ sheet: 0, col: 3, row: 0 })).toBe("≥ 45 triệu đồng/người (chưa xác nhận)");
    expect(hf.getCellValue({ sheet: 0, col: 4, row: 0 })).toBe("≥ 42 triệu đồng/người (chưa xác nhận)");
    expect(hf.getCellValue({ sheet: 0, col: 5, row: 0 })).toBe("Chưa đạt");
  });

  it("defaults come from the workbook's settings; arguments override them", () => {
    setFunctionSettings({ setId: "xa-ntm-2021-2025", region: "dbsh", year: 2024, lang: "en" });
    const hf = buildEngine({ S: [['=NTM.THRESHOLD("10")', '=NTM.THRESHOLD("10","tdmnpb",2024)', '=NTM.INDICATOR("10",41)']] }, impl);
    expect(hf.getCellValue({ sheet: 0, col: 0, row: 0 })).toBe("No target");
    expect(hf.getCellValue({ sheet: 0, col: 1, row: 0 })).toBe("≥ 45 triệu đồng/người (unconfirmed)");
    expect(hf.getCellValue({ sheet: 0, col: 2, row: 0 })).toBe("No target");
  });

  it("bad arguments give #VALUE! with a message saying what was wrong", () => {
    const hf = buildEngine(
      { S: [['=NTM.THRESHOLD("10","Miền Trăng")', '=NTM.CRITERION(10,A2:B2,,"bo-khong-co")', '=NTM.COUNT(A2:C2,A3:B3)', '=NTM.INDICATOR("mười",A2)'], [1, 2, 3], [1, 2]] },
      impl,
    );
    const err = (col: number) => hf.getCellValue({ sheet: 0, col, row: 0 }) as { type: string; message: string };
    expect(err(0).type).toBe("VALUE");
    expect(err(0).message).toMatch(/không nhận ra vùng "Miền Trăng"/);
    expect(err(1).message).toMatch(/không có bộ tiêu chí "bo-khong-co"/);
    expect(err(2).message).toMatch(/3 cột.*2 cột/);
    expect(err(3).message).toMatch(/Mã chỉ tiêu "mười" không hợp lệ/);
  });

  it("throws Excel's CustomFunctions.Error (invalidValue) so Excel shows #VALUE! and the message", () => {
    expect(() => fns.threshold("10", "Miền Trăng")).toThrow(FakeCustomFunctionError);
    try {
      fns.threshold("10", "Miền Trăng");
    } catch (e) {
      expect((e as FakeCustomFunctionError).code).toBe("#VALUE!");
      expect((e as Error).message).toMatch(/Miền Trăng/);
    }
  });

  it("a blocked spill is #SPILL!, as in Excel", () => {
    const hf = buildEngine({ S: [["41", '=NTM.INDICATOR("10",A1:A2)'], ["46", "occupied"]] }, impl);
    expect((hf.getCellValue({ sheet: 0, col: 1, row: 0 }) as { type: string }).type).toBe("SPILL");
  });
});

describe("NTM.CHANGE (Excel's spelling) in a real formula engine", () => {
  it("gives the Sheets answers: kept, lost, newly met, counts up and down", () => {
    const hf = buildEngine({ S: [["Đạt", "Chưa đạt", "16/19", "CĐ", "x", 18], ["=NTM.CHANGE(A1:C1,D1:F1)"]] }, impl);
    expect([0, 1, 2].map((col) => hf.getCellValue({ sheet: 0, row: 1, col }))).toEqual(["Mất", "Mới đạt", "Tăng 2"]);
    hf.destroy();
  });
});
