/// <reference types="google-apps-script" />
// The Sheets function names (NTM_X), implemented by the BUILT bundle's globals, in a real
// formula engine over the shared fixture tables: the same answers as the shared functions
// under the Excel names (NTM.X), i.e. one test table, two hosts.
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateSheet, getBuiltInSet, ntmChange, ntmCount, ntmCriterion, ntmGaps, ntmIndicator, ntmThreshold, type FunctionSettings, type SheetGrid } from "../../shared/index.js";
import { communeGrid, villageGrid } from "../fixtures/grids.js";
import { buildEngine, type NtmImplementations } from "../support/hyperformula.js";
import { buildAndRead, runBundle, type BundleGlobals } from "./bundle.js";
import { fakeGas } from "./fakes.js";

let g: BundleGlobals;
const settings: FunctionSettings = { setId: "xa-ntm-2021-2025", region: "tdmnpb", year: 2024 };

beforeAll(async () => {
  const { code } = await buildAndRead();
  const gas = fakeGas();
  gas.props.data.NTM_SETTINGS = JSON.stringify({ ...settings, lang: "vi" });
  g = runBundle(code, gas);
}, 120_000);

const sheetsImpl = (): NtmImplementations => ({
  INDICATOR: g.NTM_INDICATOR!,
  CRITERION: g.NTM_CRITERION!,
  COUNT: g.NTM_COUNT!,
  GAPS: g.NTM_GAPS!,
  THRESHOLD: g.NTM_THRESHOLD!,
  CHANGE: g.NTM_CHANGE!,
});
const sharedImpl: NtmImplementations = {
  INDICATOR: (c, v, tg, s, r, y) => ntmIndicator(c, v, tg, s, r, y, settings),
  CRITERION: (c, v, h, s, r, y) => ntmCriterion(c, v, h, s, r, y, settings),
  COUNT: (h, v, s, r, y) => ntmCount(h, v, s, r, y, settings),
  GAPS: (h, v, s, r, y) => ntmGaps(h, v, s, r, y, settings),
  THRESHOLD: (c, r, y, s) => ntmThreshold(c, r, y, s, settings),
  CHANGE: (a, b) => ntmChange(a, b, settings),
};

/** The grid's values as sheet contents, with formulas added to the right (one per column, spilling). */
function withFormulas(grid: SheetGrid, firstRow: number, formulas: string[]): unknown[][] {
  const width = Math.max(...grid.values.map((r) => r.length));
  return grid.values.map((r, i) => {
    const row: unknown[] = [...r, ...Array(width - r.length).fill(null)].map((v) => (v === "" ? null : v));
    return i === firstRow ? [...row, ...formulas] : row;
  });
}

function twoHosts(grid: SheetGrid, firstRow: number, formulas: (prefix: string) => string[]) {
  const width = Math.max(...grid.values.map((r) => r.length));
  const sheets = buildEngine({ Data: withFormulas(grid, firstRow, formulas("NTM_")) }, sheetsImpl());
  const sheetsOut = sheets.getSheetValues(0).map((r) => r.slice(width));
  const excel = buildEngine({ Data: withFormulas(grid, firstRow, formulas("NTM.")) }, sharedImpl);
  const excelOut = excel.getSheetValues(0).map((r) => r.slice(width));
  return { sheetsOut, excelOut };
}

describe("NTM_ functions of the bundle in HyperFormula, on the shared tables", () => {
  it("commune table (indicator columns): every column equals the Excel names' answer", () => {
    const { sheetsOut, excelOut } = twoHosts(communeGrid(), 1, (p) => [
      `=${p}INDICATOR("10",C2:C4)`,
      `=${p}COUNT(C1:G1,C2:G4)`,
      `=${p}GAPS(C1:G1,C2:G4)`,
      `=${p}CRITERION(7,F2:F4)`,
      `=${p}CRITERION(10,C2:C4)`,
      `=${p}THRESHOLD("10")`,
    ]);
    expect(sheetsOut).toEqual(excelOut);
    const col = (i: number) => sheetsOut.slice(1, 4).map((r) => r[i]);
    expect(col(0)).toEqual(["Chưa đạt", "Đạt", "Dữ liệu không hợp lệ"]);
    expect(col(3)).toEqual(["Đạt", "Chưa đạt", "Đạt"]);
    expect(col(4)).toEqual(col(0));
    expect(sheetsOut[1]![2]).toMatch(/^10: thiếu 3,8 triệu đồng\/người/);
    expect(sheetsOut[1]![5]).toBe("≥ 45 triệu đồng/người (chưa xác nhận)");
  });

  it("village table (criterion self-assessments): counts equal the sheet evaluation's", () => {
    const grid = villageGrid();
    const { sheetsOut, excelOut } = twoHosts(grid, 5, (p) => [`=${p}COUNT(D4:V4,D6:V9,"thon-ntm-bac-kan-2022-2025")`, `=${p}CRITERION(10,M6:M9,,"thon-ntm-bac-kan-2022-2025")`]);
    expect(sheetsOut).toEqual(excelOut);
    const direct = evaluateSheet(grid, { set: getBuiltInSet("thon-ntm-bac-kan-2022-2025")!, year: 2024 });
    if (!direct.ok) throw new Error("fixture");
    expect(sheetsOut.slice(5, 9).map((r) => r[0])).toEqual(direct.results.map((u) => u.criteriaMet));
    expect(sheetsOut.slice(5, 9).map((r) => r[1])).toEqual(["Chưa đạt", "Chưa đạt", "Chưa đạt", "Đạt"]);
  });

  it("recalculates when a value changes, and shows a bad argument as an error with the message", () => {
    const hf = buildEngine({ S: [["41,2", `=NTM_INDICATOR("10",A1:A2)`], [50, null], [`=NTM_THRESHOLD("10","Miền Trăng")`, null]] }, sheetsImpl());
    expect(hf.getCellValue({ sheet: 0, col: 1, row: 0 })).toBe("Chưa đạt");
    hf.setCellContents({ sheet: 0, col: 0, row: 0 }, [[45]]);
    expect(hf.getCellValue({ sheet: 0, col: 1, row: 0 })).toBe("Đạt");
    const err = hf.getCellValue({ sheet: 0, col: 0, row: 2 }) as { type: string; message: string };
    expect(err.type).toBe("VALUE");
    expect(err.message).toMatch(/không nhận ra vùng "Miền Trăng"/);
  });
});

describe("NTM_CHANGE in a real formula engine (the built Sheets bundle)", () => {
  it("last year against this year, per criterion and per count, spilled over the range", () => {
    const sheet = [
      ["Thôn", "TC 5 2023", "TC 17 2023", "Số TC 2023", "TC 5 2024", "TC 17 2024", "Số TC 2024"],
      ["Bản Vén", "Đạt", "Chưa đạt", "16/19", "Chưa đạt", "Đạt", 16],
      ["Bản Đán", "Đ", "CĐ", 15, "x", "Chưa đạt", "17/19"],
      ["Nà Ngò", "", "Đạt", 18, "Đạt", "Đạt", 17],
      [],
      ["=NTM_CHANGE(B2:D4,E2:G4)"],
    ];
    for (const impl of [sheetsImpl(), sharedImpl]) {
      const hf = buildEngine({ S: sheet }, impl);
      const out = [4, 5, 6].map((r) => [0, 1, 2].map((c) => hf.getCellValue({ sheet: 0, row: r + 1, col: c })));
      // Hand-read: Vén lost TC 5, met TC 17, count unchanged; Đán kept TC 5, still not TC 17, up 2; Ngò's TC 5 was blank.
      expect(out).toEqual([
        ["Mất", "Mới đạt", "Không đổi"],
        ["Giữ vững", "Vẫn chưa đạt", "Tăng 2"],
        ["", "Giữ vững", "Giảm 1"],
      ]);
      hf.destroy();
    }
  });

  it("ranges of different sizes: an error naming both sizes", () => {
    const hf = buildEngine({ S: [["Đạt", "Đạt"], ["=NTM_CHANGE(A1:B1,A1)"]] }, sheetsImpl());
    const v = hf.getCellValue({ sheet: 0, row: 1, col: 0 }) as { message?: string };
    expect(v.message).toBe("Error: Hai vùng phải cùng kích thước: năm trước 1×2, năm nay 1×1 (dòng × cột)");
    hf.destroy();
  });
});
