// The command line's use case (every criteria sheet of a workbook) on the shared decisions.
import { describe, expect, it } from "vitest";
import { REPORT_SHEET, WORKBOOK_SET_SHEET, criteriaSetToRows, evaluateWorkbookSheets, formatMessage, getBuiltInSet, type SheetGrid } from "../shared/index.js";
import { communeGrid, villageGrid } from "./fixtures/grids.js";

const book = (sheets: SheetGrid[]) => {
  const reads: string[] = [];
  const read = (name: string) => {
    reads.push(name);
    return { grid: { ...sheets.find((s) => s.name === name)! } };
  };
  return { names: sheets.map((s) => s.name), read, reads };
};

describe("every criteria sheet of a workbook", () => {
  it("skips the add-in's own sheets, reads each other sheet once, and lets the first one judged choose the set", () => {
    // The title names the province: the first sheet chooses Bắc Kạn's village set, the second follows it.
    const titled = (name: string, title: string): SheetGrid => {
      const g = villageGrid();
      return { ...g, name, values: [[title], ...g.values.slice(1)] };
    };
    const village = titled("Thôn 2024", "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ THÔN NÔNG THÔN MỚI TỈNH BẮC KẠN NĂM 2024");
    const second = titled("Thôn 2024 (2)", "BIỂU TỔNG HỢP THÔN NĂM 2024");
    const b = book([{ name: REPORT_SHEET, values: [["BÁO CÁO"]] }, village, second]);
    const run = evaluateWorkbookSheets(b.names, b.read, { year: 2024, lang: "vi" });
    if (!run.ok) throw new Error(formatMessage(run.reason));
    expect(b.reads).toEqual(["Thôn 2024", "Thôn 2024 (2)"]);
    expect(run.choice.set.id).toBe("thon-ntm-bac-kan-2022-2025");
    expect(run.sheets.map((s) => [s.sheet, s.results.length])).toEqual([["Thôn 2024", 4], ["Thôn 2024 (2)", 4]]);
    // Why this set, said once in the notes, not once per sheet.
    expect(run.notes.filter((n) => n === run.choice.why)).toHaveLength(1);
  });

  it("a broken NTM_BoTieuChi stops the run with its rows named; an unknown --set is said once", () => {
    const b = book([communeGrid()]);
    const broken = evaluateWorkbookSheets(b.names, b.read, { setRows: [["Mã bộ tiêu chí", "tinh-x"], [], ["Tiêu chí số", "Mã chỉ tiêu", "Ngưỡng"], ["10", "10", "nhiều"]], lang: "vi" });
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.cause).toBe("workbookSet");
    expect(broken.details?.map((d) => formatMessage(d))[0]).toMatch(/^Dòng 1: /);
    const unknown = evaluateWorkbookSheets(b.names, b.read, { setId: "khong-co", lang: "vi" });
    expect(unknown.ok === false && unknown.cause).toBe("set");
    expect(b.reads).toEqual([]);
  });

  it("judges by the workbook's own set when it carries one, and names a missing --sheet with the sheets there are", () => {
    const set = getBuiltInSet("xa-ntm-2021-2025")!;
    const b = book([communeGrid(), { name: WORKBOOK_SET_SHEET, values: criteriaSetToRows(set) }]);
    const run = evaluateWorkbookSheets(b.names, b.read, { setRows: criteriaSetToRows(set), region: "tdmnpb", year: 2024, lang: "vi" });
    if (!run.ok) throw new Error(formatMessage(run.reason));
    expect(run.workbook?.id).toBe("xa-ntm-2021-2025");
    expect(run.choice.origin).toBe("workbook");
    const missing = evaluateWorkbookSheets(b.names, b.read, { sheet: "Không có", lang: "vi" });
    expect(missing.ok === false && formatMessage(missing.reason)).toBe(`không có trang "Không có"; có: ${communeGrid().name}, ${WORKBOOK_SET_SHEET}`);
  });

  it("a mapping naming what the set lacks stops the run (the user's words are wrong, not the sheet)", () => {
    const b = book([villageGrid()]);
    const run = evaluateWorkbookSheets(b.names, b.read, { setId: "thon-ntm-bac-kan-2022-2025", year: 2024, override: { 5: { criterion: 20 } }, lang: "vi" });
    expect(run.ok === false && run.cause).toBe("mapping");
  });
});
