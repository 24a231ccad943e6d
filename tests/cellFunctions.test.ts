import { describe, expect, it } from "vitest";
import { CellFunctionError, ntmCount, ntmCriterion, ntmGaps, ntmIndicator, ntmThreshold, type FunctionSettings } from "../shared/index.js";
import { buildEngine } from "./support/hyperformula.js";

const settings: FunctionSettings = { setId: "xa-ntm-2021-2025", region: "tdmnpb", year: 2024 };
const impl = {
  INDICATOR: (c: unknown, v: unknown, tg: unknown, s: unknown, r: unknown, y: unknown) => ntmIndicator(c, v, tg, s, r, y, settings),
  CRITERION: (c: unknown, v: unknown, h: unknown, s: unknown, r: unknown, y: unknown) => ntmCriterion(c, v, h, s, r, y, settings),
  COUNT: (h: unknown, v: unknown, s: unknown, r: unknown, y: unknown) => ntmCount(h, v, s, r, y, settings),
  GAPS: (h: unknown, v: unknown, s: unknown, r: unknown, y: unknown) => ntmGaps(h, v, s, r, y, settings),
  THRESHOLD: (c: unknown, r: unknown, y: unknown, s: unknown) => ntmThreshold(c, r, y, s, settings),
};

describe("shared cell functions, called directly", () => {
  it("NTM_INDICATOR judges every cell of a range", () => {
    expect(ntmIndicator("10", [["41,2"], [45], [""], ["#N/A"]], null, null, null, null, settings)).toEqual([["Chưa đạt"], ["Đạt"], ["Thiếu số liệu"], ["Dữ liệu không hợp lệ"]]);
    expect(ntmIndicator("10", 44, "≥ 44", null, null, null, settings)).toEqual([["Đạt"]]);
  });

  it("NTM_THRESHOLD flags an unconfirmed target and never invents one", () => {
    expect(ntmThreshold("10", null, null, null, settings)).toBe("≥ 45 triệu đồng/người (chưa xác nhận)");
    expect(ntmThreshold("10", "tdmnpb", 2023, null, { ...settings, lang: "en" })).toBe("≥ 42 triệu đồng/người (unconfirmed)");
    expect(ntmThreshold("10", "dbsh", 2024, null, settings)).toBe("Chưa có chỉ tiêu");
  });

  it("explains bad arguments in the user's language", () => {
    expect(() => ntmThreshold("10", "Miền Trăng", null, null, settings)).toThrow(CellFunctionError);
    expect(() => ntmThreshold("10", "Miền Trăng", null, null, settings)).toThrow(/không nhận ra vùng "Miền Trăng"/);
    expect(() => ntmIndicator("mười", [[1]], null, null, null, null, { ...settings, lang: "en" })).toThrow(/Indicator code "mười" is not valid/);
    expect(() => ntmCount([["Tiêu chí 1", "Tiêu chí 2"]], [[1]], null, null, null, settings)).toThrow(/2 cột.*1 cột/);
    expect(() => ntmCriterion(10, [[1]], null, "bo-khong-co", null, null, settings)).toThrow(/không có bộ tiêu chí "bo-khong-co"/);
  });
});

describe("through a real formula engine (HyperFormula), Excel and Sheets names", () => {
  const sheet = [
    ["Tên xã", "10. Thu nhập (tr.đ/người)", "Tỷ lệ nghèo đa chiều (%)", "Tiêu chí 7"],
    ["Thanh Vân", "41,2", "14,5%", "Đạt"],
    ["Hòa Bình", 40.1, "8%", "Chưa đạt"],
    ["Tân Lập", "#N/A", "", "x"],
  ];

  it.each([
    ["Excel", "NTM."],
    ["Sheets", "NTM_"],
  ])("%s: spilled columns from one formula each", (_host, p) => {
    const hf = buildEngine(
      {
        Data: [
          ...sheet.map((r, i) =>
            i === 0
              ? [...r, "status 10", "count", "gaps", "target"]
              : [...r, i === 1 ? `=${p}INDICATOR("10",B2:B4)` : null, i === 1 ? `=${p}COUNT(B1:D1,B2:D4)` : null, i === 1 ? `=${p}GAPS(B1:D1,B2:D4,,,)` : null, i === 1 ? `=${p}THRESHOLD("11","tdmnpb",2024,"xa-ntm-2021-2025")` : null],
          ),
        ],
      },
      impl,
    );
    const values = hf.getSheetValues(0);
    expect(values.slice(1).map((r) => r[4])).toEqual(["Chưa đạt", "Chưa đạt", "Dữ liệu không hợp lệ"]);
    expect(values.slice(1).map((r) => r[5])).toEqual([1, 0, 1]);
    expect(values[1]![6]).toBe("10: thiếu 3,8 triệu đồng/người");
    expect(values[2]![6]).toBe("Tiêu chí số 7: Chưa đạt; 10: thiếu 4,9 triệu đồng/người");
    expect(values[3]![6]).toBe("10: Dữ liệu không hợp lệ");
    expect(values[1]![7]).toBe("Chưa có chỉ tiêu");
    hf.setCellContents({ sheet: 0, col: 1, row: 3 }, [[50]]);
    expect(hf.getCellValue({ sheet: 0, col: 4, row: 3 })).toBe("Đạt");
    expect(hf.getCellValue({ sheet: 0, col: 5, row: 3 })).toBe(2);
  });

  it("shows a bad argument as #VALUE! with the message", () => {
    const hf = buildEngine({ S: [[`=NTM.THRESHOLD("10","Miền Trăng")`]] }, impl);
    const v = hf.getCellValue({ sheet: 0, col: 0, row: 0 }) as { type: string; message: string };
    expect(v.type).toBe("VALUE");
    expect(v.message).toMatch(/Miền Trăng/);
  });

  it("reports #SPILL! when the column below is taken", () => {
    const hf = buildEngine({ S: [["41", `=NTM.INDICATOR("10",A1:A2)`], ["46", "occupied"]] }, impl);
    expect((hf.getCellValue({ sheet: 0, col: 1, row: 0 }) as { type: string }).type).toBe("SPILL");
  });
});

describe("the set the functions judge by, with none given", () => {
  it("is the one the workbook's NTM_BoTieuChi amends, as when the sheet is evaluated", async () => {
    const { builtInSets, getBuiltInSet, ntmThreshold, readWorkbookSet, criteriaSetToRows } = await import("../shared/index.js");
    const parsed = readWorkbookSet(criteriaSetToRows(getBuiltInSet("thon-ntm-bac-kan-2022-2025")!), builtInSets());
    if (!parsed.ok) throw new Error("set sheet not read");
    const withWorkbook = { lang: "vi" as const, workbookSet: parsed.set, ...(parsed.base ? { workbookBase: parsed.base } : {}) };
    const village = ntmThreshold("10", "tdmnpb", 2024, "thon-ntm-bac-kan-2022-2025", withWorkbook);
    const commune = ntmThreshold("10", "tdmnpb", 2024, "xa-ntm-2021-2025", { lang: "vi" });
    expect(village).not.toBe(commune);
    expect(ntmThreshold("10", "tdmnpb", 2024, undefined, withWorkbook)).toBe(village);
    expect(ntmThreshold("10", "tdmnpb", 2024, undefined, { lang: "vi" })).toBe(commune);
    // A set chosen in the settings still wins over the workbook's.
    expect(ntmThreshold("10", "tdmnpb", 2024, undefined, { ...withWorkbook, setId: "xa-ntm-2021-2025" })).toBe(ntmThreshold("10", "tdmnpb", 2024, "xa-ntm-2021-2025", withWorkbook));
  });
});
