// The add-ins' units × criteria mini grid (shared/report/miniGrid.ts) against hand-counted truths:
// statuses, letters, colours, the cell each click selects, communes, the cap and the totals.
import { describe, expect, it } from "vitest";
import { REPORT_COLOURS, runSheet, type SheetGrid } from "../shared/index.js";
import { miniGrid, statusLetter, type MiniGrid } from "../shared/report/miniGrid.js";
import { districtVillagesGrid } from "./fixtures/districtVillages.js";
import { communeFormGrid, communeGrid } from "./fixtures/grids.js";

function gridOf(grid: SheetGrid, setId: string, lang: "vi" | "en" = "vi", maxUnits?: number, origin = { row: 0, col: 0 }): MiniGrid {
  const run = runSheet(grid, { lang, setId, region: "tdmnpb", year: 2024 });
  if (!run.ok) throw new Error(JSON.stringify(run.reason));
  return miniGrid({ sheet: grid.name, origin, mapping: run.mapping, units: run.units, results: run.results, set: run.choice.set }, lang, maxUnits);
}

/** "Bản Vén": the unit's row of the grid. */
function unit(g: MiniGrid, name: string) {
  const u = g.groups.flatMap((x) => x.units).find((x) => x.name === name);
  if (!u) throw new Error(`no unit ${name}`);
  return u;
}

/** The cell of criterion `no` in a unit's row, as "status@address". */
function cell(g: MiniGrid, name: string, no: number): string {
  const c = unit(g, name).cells[g.criteria.findIndex((x) => x.no === no)]!;
  return `${c.status}@${c.address}`;
}

const VILLAGES = "thon-ntm-bac-kan-2022-2025";

describe("the mini grid of a district's villages, by commune", () => {
  const g = gridOf(districtVillagesGrid(), VILLAGES);

  it("rows are the villages under their communes, columns the 19 criteria", () => {
    expect(g.sheet).toBe("Thôn 2024");
    expect(g.criteria.map((c) => c.no)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(g.groups.map((x) => x.label)).toEqual(["Xã Đôn Phong", "Xã Vũ Muộn", "Xã Cao Sơn"]);
    expect(g.groups.map((x) => x.units.map((u) => u.name))).toEqual([["Bản Vén", "Bản Đán", "Nà Làng", "Khuổi Ít"], ["Đông Bun", "Bản Chàn", "Nà Mỏ"], ["Khuổi Bốc", "Nà Đon", "Lủng Vai"]]);
    expect(g.unitCount).toBe(10);
    expect(g.hidden).toBe(0);
  });

  it("each cell is the village's status and its self-assessment cell (criterion n in column D + n - 1, first village on row 6)", () => {
    expect(cell(g, "Bản Vén", 1)).toBe("met@D6");
    expect(cell(g, "Bản Vén", 10)).toBe("not_met@M6");
    expect(cell(g, "Bản Vén", 13)).toBe("not_met@P6");
    expect(cell(g, "Nà Làng", 5)).toBe("missing@H8");
    expect(cell(g, "Nà Làng", 6)).toBe("missing@I8");
    expect(cell(g, "Nà Mỏ", 14)).toBe("invalid@Q12");
    expect(cell(g, "Nà Mỏ", 2)).toBe("not_met@E12");
    expect(cell(g, "Lủng Vai", 19)).toBe("missing@V15");
    expect(unit(g, "Bản Vén")).toMatchObject({ address: "C6", met: 16, total: 19 });
    expect(unit(g, "Khuổi Ít")).toMatchObject({ address: "C9", met: 19, total: 19 });
    expect(unit(g, "Nà Mỏ")).toMatchObject({ met: 15, total: 19 });
  });

  it("totals: villages meeting each criterion, of all judged", () => {
    const met = Object.fromEntries(g.criteria.map((c) => [c.no, c.met]));
    // 10: not met in Bản Vén, Bản Đán, Đông Bun, Nà Mỏ, Nà Đon; 5: blank in Nà Làng and Bản Chàn; 14: unreadable in Nà Mỏ.
    expect(met).toMatchObject({ 1: 10, 2: 9, 3: 9, 5: 8, 6: 9, 10: 5, 11: 9, 12: 9, 13: 8, 14: 9, 17: 8, 19: 9 });
    expect(g.criteria.every((c) => c.judged === 10)).toBe(true);
    expect(g.criteria[9]!.label).toBe("Tiêu chí số 10 · Thu nhập");
  });

  it("the legend: the statuses present, with the heat map's words and colours and one letter each", () => {
    expect(g.legend).toEqual([
      { status: "met", word: "Đạt", letter: "Đ", colour: REPORT_COLOURS.met },
      { status: "not_met", word: "Chưa đạt", letter: "C", colour: REPORT_COLOURS.not_met },
      { status: "missing", word: "Thiếu số liệu", letter: "T", colour: REPORT_COLOURS.missing },
      { status: "invalid", word: "Dữ liệu không hợp lệ", letter: "K", colour: REPORT_COLOURS.invalid },
    ]);
    expect(g.textColour).toBe("#000000");
  });

  it("in English", () => {
    const en = gridOf(districtVillagesGrid(), VILLAGES, "en");
    expect(en.groups[0]!.label).toBe("Commune Đôn Phong");
    expect(en.criteria[9]!.label).toMatch(/^Criterion 10 · /);
    expect(en.legend.map((l) => `${l.letter} ${l.word}`)).toEqual(["M Met", "N Not met", "D Missing data", "I Invalid data"]);
    expect(statusLetter("no_threshold", "en")).toBe("–");
  });

  it("a large sheet: the first units drawn, the rest counted; totals still over every unit", () => {
    const capped = gridOf(districtVillagesGrid(), VILLAGES, "vi", 5);
    expect(capped.groups.map((x) => x.units.map((u) => u.name))).toEqual([["Bản Vén", "Bản Đán", "Nà Làng", "Khuổi Ít"], ["Đông Bun"]]);
    expect(capped.hidden).toBe(5);
    expect(capped.unitCount).toBe(10);
    expect(capped.criteria[9]!.met).toBe(5);
  });

  it("a commune's villages apart on the sheet are drawn together, each at its own row", () => {
    const grid = districtVillagesGrid();
    const values = [...grid.values];
    const [khuoiIt] = values.splice(8, 1); // Khuổi Ít (Đôn Phong) moved to the end
    values.splice(values.length - 1, 0, khuoiIt!);
    grid.values = values;
    const moved = gridOf(grid, VILLAGES);
    expect(moved.groups.map((x) => x.label)).toEqual(["Xã Đôn Phong", "Xã Vũ Muộn", "Xã Cao Sơn"]);
    expect(moved.groups[0]!.units.map((u) => u.name)).toEqual(["Bản Vén", "Bản Đán", "Nà Làng", "Khuổi Ít"]);
    expect(unit(moved, "Khuổi Ít").address).toBe("C15");
    expect(cell(moved, "Nà Đon", 10)).toBe("not_met@M13");
  });

  it("addresses are the sheet's own where the grid starts below and right of A1", () => {
    const shifted = gridOf(districtVillagesGrid(), VILLAGES, "vi", undefined, { row: 2, col: 1 });
    expect(unit(shifted, "Bản Vén").address).toBe("D8");
    expect(cell(shifted, "Bản Vén", 10)).toBe("not_met@N8");
  });
});

describe("the mini grid of one commune's form (rows are criteria)", () => {
  const g = gridOf(communeFormGrid(), "xa-ntm-2021-2025");

  it("is one row, without communes", () => {
    expect(g.groups).toHaveLength(1);
    expect(g.groups[0]!.label).toBeNull();
    expect(g.groups[0]!.units).toHaveLength(1);
    expect(g.unitCount).toBe(1);
    expect(g.criteria).toHaveLength(19);
  });

  it("selects the criterion's self-assessment, else its value short of the target, else the result column's header", () => {
    const name = g.groups[0]!.units[0]!.name;
    // The result column F ("Kết quả thực hiện") heads on row 4; the assessment column is G.
    expect(unit(g, name).address).toBe("F4");
    expect(cell(g, name, 1)).toBe("met@G7");
    expect(cell(g, name, 10)).toBe("not_met@G10"); // "Đạt" typed, 41,2 < 45 computed
    expect(cell(g, name, 11)).toBe("not_met@F11"); // 14,5% > 13%, no assessment
    expect(cell(g, name, 17)).toBe("not_met@F14"); // "b": 98% of the 100% required
    expect(cell(g, name, 19)).toBe("met@G15");
    expect(cell(g, name, 5)).toBe("missing@F4"); // not on the form
    expect(g.legend.map((l) => l.status)).toEqual(["met", "not_met", "missing"]);
  });
});

describe("the mini grid of a sheet of communes with indicator columns", () => {
  const g = gridOf(communeGrid(), "xa-ntm-2021-2025");

  it("selects the indicator's value cell, else the commune's name", () => {
    expect(g.groups.map((x) => x.label)).toEqual([null]);
    expect(cell(g, "Thanh Vân", 10)).toBe("not_met@C2");
    expect(cell(g, "Hòa Bình", 10)).toBe("met@C3");
    expect(cell(g, "Tân Lập", 10)).toBe("invalid@C4");
    expect(cell(g, "Thanh Vân", 7)).toBe("met@F2");
    expect(cell(g, "Hòa Bình", 7)).toBe("not_met@F3");
    expect(cell(g, "Thanh Vân", 2)).toBe("missing@B2");
    expect(unit(g, "Tân Lập").address).toBe("B4");
  });
});
