// Sheets laid out as offices lay them out: each case here once failed on a real-looking template.
import { describe, expect, it } from "vitest";
import { detectLayout, evaluateSheet, formatMessage, getBuiltInSet, type SheetGrid } from "../shared/index.js";
import { communeForm, districtVillageSheet, gridOf, phoneList } from "./fixtures/officeGrids.js";

const xa = getBuiltInSet("xa-ntm-2021-2025")!;
const bk = getBuiltInSet("thon-ntm-bac-kan-2022-2025")!;

function evaluate(grid: SheetGrid, set = xa, extra: { blankCriterion?: "not_met" | "missing" } = {}) {
  const r = evaluateSheet(grid, { set, region: "tdmnpb", year: 2024, ...extra });
  if (!r.ok) throw new Error(formatMessage(r.reason));
  return r;
}

const villages = () =>
  districtVillageSheet([
    { name: "Đôn Phong", villages: [{ name: "Bản Vén", unmet: [10, 13] }, { name: "Bản Đán", unmet: [10] }] },
    { name: "Vũ Muộn", villages: [{ name: "Đông Bun", unmet: [] }, { name: "Khuổi Hát", unmet: [7], blank: [12] }] },
  ]);

describe("a district's village sheet with a title block, commune headings and Đ/CĐ marks", () => {
  it("finds the two-row header under the motto and title, and criteria 1..19 under 'Kết quả thực hiện các tiêu chí'", () => {
    const r = detectLayout(villages(), bk);
    if (!r.ok || r.mapping.layout !== "wide") throw new Error("not wide");
    expect(r.mapping.headerRows).toEqual({ top: 6, bottom: 7 });
    expect(r.mapping.criterionCols.map((c) => c.no)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(r.mapping.countCol).toBe(21);
    expect(r.mapping.level).toBe("thon");
  });

  it("groups villages under their commune: headings, totals, notes and signatures are not units", () => {
    const r = evaluate(villages(), bk);
    expect(r.results.map((u) => [u.group, u.name, u.criteriaMet, u.unmet, u.missing])).toEqual([
      ["Đôn Phong", "Bản Vén", 17, [10, 13], []],
      ["Đôn Phong", "Bản Đán", 18, [10], []],
      ["Vũ Muộn", "Đông Bun", 19, [], []],
      ["Vũ Muộn", "Khuổi Hát", 17, [7], [12]],
    ]);
  });

  it.each([
    ["Các tiêu chí"],
    ["Tiêu chí NTM"],
    ["Tiêu chí"],
  ])("reads 1..19 under the heading %s", (heading) => {
    const r = evaluate(districtVillageSheet([{ name: "Đôn Phong", villages: [{ name: "Bản Vén", unmet: [3] }] }], { heading }), bk);
    expect(r.results[0]!.unmet).toEqual([3]);
  });

  it.each([
    ["Đạt", "Chưa đạt"],
    ["ĐẠT", "Không đạt"],
    [" đạt ", "K.Đ"],
    ["Đ", "chưa"],
    ["đạt", "CĐ"],
  ])("reads the marks %s / %s", (met, notMet) => {
    const r = evaluate(districtVillageSheet([{ name: "Đôn Phong", villages: [{ name: "Bản Vén", unmet: [2, 19] }] }], { met, notMet }), bk);
    expect(r.results[0]!.unmet).toEqual([2, 19]);
    expect(r.results[0]!.criteriaMet).toBe(17);
  });
});

describe("tick marks", () => {
  const ticks = () =>
    gridOf("Thôn", [
      ["STT", "Tên thôn", "TC1", "TC2", "TC3", "TC4"],
      [1, "Nà Pài", "x", "x", "", "x"],
      [2, "Khuổi Khét", "✓", "", "", "X"],
    ]);

  it("in a block of ticks and blanks, a blank is not met, and the reading is said", () => {
    const r = evaluate(ticks(), bk);
    expect(r.results.map((u) => u.unmet)).toEqual([[3], [2, 3]]);
    expect(r.warnings.map((w) => w.key)).toContain("sheet.tickBlankNotMet");
  });

  it("the user can choose the other reading: a blank is missing data", () => {
    const r = evaluate(ticks(), bk, { blankCriterion: "missing" });
    expect(r.results.map((u) => u.missing)).toEqual([[3], [2, 3]].map((m) => [...m, ...Array.from({ length: 15 }, (_, i) => i + 5)]));
    expect(r.warnings.map((w) => w.key)).toContain("sheet.tickBlankMissing");
  });
});

describe("a commune's self-assessment form as provinces publish it", () => {
  const form = () =>
    communeForm("Thanh Vân", [
      { section: "QUY HOẠCH", roman: "I" },
      { tt: 1, name: "Quy hoạch" },
      { tt: "1.1", content: "Có quy hoạch chung xây dựng xã", general: "Đạt", regional: "Đạt", result: "Đạt", self: "Đạt" },
      { section: "HẠ TẦNG KINH TẾ - XÃ HỘI", roman: "II" },
      { tt: 2, name: "Giao thông" },
      { tt: "2.2", content: "Tỷ lệ đường thôn, bản được cứng hóa", general: "", regional: "≥ 90%", result: "85%" },
      { section: "KINH TẾ VÀ TỔ CHỨC SẢN XUẤT", roman: "III" },
      { tt: 10, name: "Thu nhập", content: "Thu nhập bình quân đầu người (triệu đồng/người)", general: "", regional: "≥ 45 triệu đồng/người", result: "41,2" },
      { tt: 18, name: "Hệ thống chính trị và tiếp cận pháp luật" },
      { tt: "18.3", content: "Tổ chức chính trị - xã hội của xã xếp loại hoàn thành tốt nhiệm vụ", general: "100%", regional: "100%", result: "100%" },
    ]);

  it("is read under its motto, merged title and section rows, named from its title", () => {
    const r = evaluate(form());
    expect(r.mapping.layout).toBe("long");
    expect(r.mapping.headerRows).toEqual({ top: 4, bottom: 5 });
    expect(r.results[0]!.name).toBe("Xã Thanh Vân");
  });

  it("judges each row by the target written in its own row, even where the set words it otherwise (18.3: 100%)", () => {
    const u = evaluate(form()).results[0]!;
    const ind = (code: string) => u.criteria.flatMap((c) => c.indicators).find((i) => i.code === code)!;
    expect(ind("18.3")).toMatchObject({ status: "met", threshold: { origin: "row" } });
    expect(ind("2.2")).toMatchObject({ status: "not_met" });
    expect(ind("10")).toMatchObject({ status: "not_met", gap: { type: "shortfall", amount: 3.8 } });
    expect(ind("1.1").status).toBe("met");
  });
});

describe("sheets that are not criteria tables", () => {
  it("a phone list with an 'Đơn vị' column is skipped, saying why", () => {
    const r = detectLayout(phoneList(), xa);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatMessage(r.reason)).toMatch(/không giống một bảng tiêu chí/);
  });
});

describe("notes on a very large sheet", () => {
  it("are written on the first cells up to the cap, fills on every gap, and the cap is said", () => {
    const rows = Array.from({ length: 40 }, (_, i) => [i + 1, `Thôn ${i + 1}`, "CĐ", "Đ", "CĐ"]);
    const grid = gridOf("Thôn", [["STT", "Thôn, bản", "TC1", "TC2", "TC3"], ...rows]);
    const capped = evaluateSheet(grid, { set: bk, maxNotes: 10 });
    if (!capped.ok) throw new Error("not read");
    expect(capped.plan.fills).toHaveLength(80);
    expect(capped.plan.notes.filter((n) => n.text !== null)).toHaveLength(10);
    expect(capped.plan.record.notes).toHaveLength(10);
    expect(capped.plan.notesCapped).toBe(70);
    // A re-run with a cell past the cap that carried the tool's note last time takes that note off.
    const previous = { ...capped.plan.record, notes: [...capped.plan.record.notes, { row: 40, col: 4 }] };
    const again = evaluateSheet(grid, { set: bk, maxNotes: 10, previous });
    if (!again.ok) throw new Error("not read");
    expect(again.plan.notes).toContainEqual({ row: 40, col: 4, text: null });
  });
});
