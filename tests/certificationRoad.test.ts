// The road to certification (shared/app/certificationRoad.ts, roadReport.ts, roadContract.ts) and
// income growth (shared/app/incomeGrowth.ts) on small grids judged by the real engine. Every
// expected figure, order and line below is worked out by hand from the grids, not computed.
import { describe, expect, it } from "vitest";
import {
  certificationRoad,
  formatMessage,
  getBuiltInSet,
  growthJson,
  growthLines,
  incomeGrowth,
  incomeIndicator,
  parseRoadTarget,
  parseSettings,
  roadTargetText,
  readWorkbookSet,
  builtInSets,
  reportTable,
  roadJson,
  roadLines,
  roadUnitLine,
  runSheet,
  sheetReportNotes,
  sheetReportRows,
  type CriteriaSet,
  type RunSide,
  type SheetGrid,
} from "../shared/index.js";
import { villageGrid } from "./fixtures/grids.js";

const xa = getBuiltInSet("xa-ntm-2021-2025")!;

/** Criteria 1..19 as "Đạt / Chưa đạt" marks, except 3 and 10 (their indicators' columns); 15.3 beside its mark. */
const MARKS = [1, 2, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19];
type Commune = [name: string, unmet: number[], income: unknown, c31: unknown, c153?: unknown, blank?: number[]];

function communeSheet(rows: Commune[], year = 2024): SheetGrid {
  const header = ["TT", "Tên xã", ...MARKS.map((n) => `Tiêu chí ${n}`), "10. Thu nhập (tr.đ/người)", "Chỉ tiêu 3.1 (%)", "Chỉ tiêu 3.2", "Chỉ tiêu 15.3 (%)"];
  return {
    name: `Các xã ${year}`,
    values: [
      [`TỔNG HỢP KẾT QUẢ THỰC HIỆN TIÊU CHÍ NÔNG THÔN MỚI CÁC XÃ NĂM ${year}`],
      header,
      ...rows.map(([name, unmet, income, c31, c153 = "", blank = []], i) => [
        i + 1,
        name,
        ...MARKS.map((n) => (blank.includes(n) ? "" : unmet.includes(n) ? "Chưa đạt" : "Đạt")),
        income,
        c31,
        "Đạt",
        c153,
      ]),
    ],
  };
}

// Region tdmnpb, 2024: income ≥ 45 (catalog, unconfirmed), 3.1 ≥ 80%, 15.3 ≤ 24%.
const DISTRICT: Commune[] = [
  ["Yên Phong", [], 46, "85%"], // every criterion met
  ["Đông Tiến", [], "41,2", "85%"], // 10: 3,8 short of 45 -> relative 3,8/45 = 0,08444
  ["Tam Giang", [17], 44, "75%"], // 3 (3.1: 5 points short of 80 -> 5/80), 10 (1 short -> 1/45), 17 (mark): 3 to go, relative 0,08472
  ["Hòa Sơn", [], 50, "90%", "26,5%"], // 15 (15.3: 2,5 points over 24 -> 2,5/24 = 0,10417)
  ["Bắc Lý", [7], 47, "85%"], // 7 by its mark: no figure to measure
  ["Nam Sơn", [12], 45, "80%", "", [5]], // 12 not met, 5 left blank (missing): 2 to go, no figure
  ["Phú Lâm", [], 43, "82%"], // 10: 2 short -> 2/45 = 0,04444
  ["Lạc Vệ", [7], 46, "81%"], // the same as Bắc Lý, later on the sheet
];

function judge(grid: SheetGrid, o: { region?: "tdmnpb"; year?: number; setId?: string; workbook?: { set: CriteriaSet } } = { region: "tdmnpb", year: 2024 }) {
  const run = runSheet(grid, { lang: "vi", ...o });
  if (!run.ok) throw new Error(formatMessage(run.reason));
  return run;
}

describe("the road of a district's communes", () => {
  const run = judge(communeSheet(DISTRICT));
  const road = certificationRoad(run.results, { set: xa, target: { count: 4, year: 2025 }, year: 2024 });
  const of = (name: string) => road.units.find((u) => u.name === name)!;

  it("per unit: the criteria to go, not met and missing apart, and each numeric distance in its unit", () => {
    expect(road.units.map((u) => [u.name, u.remaining, u.unmet, u.missing])).toEqual([
      ["Yên Phong", [], [], []],
      ["Đông Tiến", [10], [10], []],
      ["Tam Giang", [3, 10, 17], [3, 10, 17], []],
      ["Hòa Sơn", [15], [15], []],
      ["Bắc Lý", [7], [7], []],
      ["Nam Sơn", [5, 12], [12], [5]],
      ["Phú Lâm", [10], [10], []],
      ["Lạc Vệ", [7], [7], []],
    ]);
    expect(of("Đông Tiến").distances).toEqual([
      { criterion: 10, code: "10", value: 41.2, threshold: 45, comparator: ">=", unit: "triệu đồng/người", kind: "shortfall", amount: 3.8, relative: 3.8 / 45 },
    ]);
    expect(of("Hòa Sơn").distances).toEqual([{ criterion: 15, code: "15.3", value: 26.5, threshold: 24, comparator: "<=", unit: "%", kind: "excess", amount: 2.5, relative: 2.5 / 24 }]);
    expect(of("Tam Giang").distances.map((d) => [d.code, d.kind, d.amount])).toEqual([
      ["3.1", "shortfall", 5],
      ["10", "shortfall", 1],
    ]);
    expect(of("Tam Giang").relativeShortfall).toBeCloseTo(5 / 80 + 1 / 45, 12);
    // No figure behind criterion 7's mark: nothing to measure, and said as null, not 0.
    expect(of("Bắc Lý").distances).toEqual([]);
    expect(of("Bắc Lý").relativeShortfall).toBeNull();
  });

  it("ranks by criteria to go, then relative shortfall (unmeasured last), then sheet order; groups the close ones", () => {
    expect(road.met.map((u) => u.name)).toEqual(["Yên Phong"]);
    expect(road.ranking.map((u) => u.name)).toEqual(["Phú Lâm", "Đông Tiến", "Hòa Sơn", "Bắc Lý", "Lạc Vệ", "Nam Sơn", "Tam Giang"]);
    expect(road.close.map((u) => u.name)).toEqual(["Phú Lâm", "Đông Tiến", "Hòa Sơn", "Bắc Lý", "Lạc Vệ", "Nam Sơn"]);
    expect(road.byRemaining.map((g) => [g.remaining, g.orMore, g.units.map((u) => u.name)])).toEqual([
      [1, false, ["Phú Lâm", "Đông Tiến", "Hòa Sơn", "Bắc Lý", "Lạc Vệ"]],
      [2, false, ["Nam Sơn"]],
      [3, true, ["Tam Giang"]],
    ]);
    const tight = certificationRoad(run.results, { set: xa, within: 1 });
    expect(tight.close.map((u) => u.name)).toEqual(["Phú Lâm", "Đông Tiến", "Hòa Sơn", "Bắc Lý", "Lạc Vệ"]);
    expect(tight.byRemaining.map((g) => [g.remaining, g.orMore, g.units.length])).toEqual([
      [1, false, 5],
      [2, true, 2],
    ]);
  });

  it("checks the target against the count now, with the names behind each number", () => {
    expect(road.target).toMatchObject({ count: 4, year: 2025, total: 8, met: 1, need: 3, reached: false, overTotal: false });
    expect(road.target!.closest.map((u) => u.name)).toEqual(["Phú Lâm", "Đông Tiến", "Hòa Sơn"]);
    expect(roadLines(road, { set: xa })).toEqual([
      "Mục tiêu: 4/8 xã đạt chuẩn năm 2025; hiện đạt 1/8, còn 3 xã",
      "- Đã đạt chuẩn: 01 xã (Yên Phong).",
      "- Cần thêm 3 xã để đạt mục tiêu; gần về đích nhất: 03 xã (Phú Lâm, Đông Tiến, Hòa Sơn).",
      "- Có thể về đích năm 2025 (thiếu ≤ 2 tiêu chí): 06 xã (Phú Lâm, Đông Tiến, Hòa Sơn, Bắc Lý, Lạc Vệ, Nam Sơn).",
      "- Thiếu 1 tiêu chí: 05 xã (Phú Lâm, Đông Tiến, Hòa Sơn, Bắc Lý, Lạc Vệ).",
      "- Thiếu 2 tiêu chí: 01 xã (Nam Sơn).",
      "- Thiếu từ 3 tiêu chí trở lên: 01 xã (Tam Giang).",
    ]);
    // More than the table holds, and a year before the assessment: said, not hidden.
    const over = certificationRoad(run.results, { set: xa, target: { count: 10, year: 2023 }, year: 2024 });
    expect(over.target).toMatchObject({ need: 9, overTotal: true, beforeAssessment: 2024 });
    expect(roadLines(over, { set: xa }).slice(0, 5)).toEqual([
      "Mục tiêu: 10/8 xã đạt chuẩn năm 2023; hiện đạt 1/8, còn 9 xã",
      "- Mục tiêu 10 xã lớn hơn số xã trong bảng (8): hãy kiểm tra lại mục tiêu hoặc bảng số liệu.",
      "- Năm mục tiêu 2023 trước năm đánh giá 2024: hãy kiểm tra lại năm mục tiêu.",
      "- Đã đạt chuẩn: 01 xã (Yên Phong).",
      "- Cần thêm 9 xã để đạt mục tiêu nhưng chỉ còn 07 xã chưa đạt chuẩn (Phú Lâm, Đông Tiến, Hòa Sơn, Bắc Lý, Lạc Vệ, Nam Sơn, Tam Giang).",
    ]);
    const reached = certificationRoad(run.results, { set: xa, target: { count: 1, year: 2025 } });
    expect(roadLines(reached, { set: xa })[0]).toBe("Mục tiêu: 1/8 xã đạt chuẩn năm 2025; hiện đạt 1/8: đã đạt mục tiêu");
    // Without a target: no year in the close line.
    expect(roadLines(certificationRoad(run.results, { set: xa }), { set: xa })[1]).toBe("- Có thể về đích (thiếu ≤ 2 tiêu chí): 06 xã (Phú Lâm, Đông Tiến, Hòa Sơn, Bắc Lý, Lạc Vệ, Nam Sơn).");
  });

  it("words distances as notices do: decimal comma, percentages in điểm phần trăm; English too", () => {
    expect(roadUnitLine(of("Tam Giang"), 7)).toBe("7. Tam Giang: còn 3 tiêu chí (chưa đạt: 3, 10, 17); 3.1: 75% / ≥ 80%: thiếu 5 điểm phần trăm; 10: 44 / ≥ 45 triệu đồng/người: thiếu 1 triệu đồng/người");
    expect(roadUnitLine(of("Hòa Sơn"), 3)).toBe("3. Hòa Sơn: còn 1 tiêu chí (chưa đạt: 15); 15.3: 26,5% / ≤ 24%: vượt 2,5 điểm phần trăm");
    expect(roadUnitLine(of("Nam Sơn"), 6)).toBe("6. Nam Sơn: còn 2 tiêu chí (chưa đạt: 12; thiếu số liệu: 5)");
    expect(roadUnitLine(of("Đông Tiến"), 2, "en")).toBe("2. Đông Tiến: criteria to go: 1 (not met: 10); 10: 41.2 / ≥ 45 triệu đồng/người: 3.8 triệu đồng/người short");
    expect(roadLines(road, { set: xa, lang: "en" }).slice(0, 4)).toEqual([
      "Target: 4/8 communes meeting the standard by 2025; 1/8 now, 3 communes to go",
      "- Meeting the standard now: 1 commune (Yên Phong).",
      "- 3 more communes needed for the target; closest to the standard: 3 communes (Phú Lâm, Đông Tiến, Hòa Sơn).",
      "- Could meet the standard by 2025 (≤ 2 criteria to go): 6 communes (Phú Lâm, Đông Tiến, Hòa Sơn, Bắc Lý, Lạc Vệ, Nam Sơn).",
    ]);
  });

  it("the report sheet: every row of the report unchanged, the road below it, the notes last", () => {
    const ctx = { region: "tdmnpb" as const, year: 2024, lang: "vi" as const, source: "Các xã 2024", target: { count: 4, year: 2025 } };
    const rows = sheetReportRows(run, ctx);
    const notes = sheetReportNotes(run, "vi");
    expect(notes.length).toBeGreaterThan(0);
    const table = reportTable(run.results, { set: xa, region: "tdmnpb", year: 2024, lang: "vi", source: "Các xã 2024", notes });
    const body = reportTable(run.results, { set: xa, region: "tdmnpb", year: 2024, lang: "vi", source: "Các xã 2024" });
    // The report's rows, then the road, then the same notes block (a blank row, "Lưu ý", a line per note).
    expect(rows.slice(0, body.length)).toEqual(body);
    expect(rows.slice(rows.length - notes.length - 2)).toEqual(table.slice(body.length));
    expect(rows.slice(rows.length - notes.length - 1)[0]).toEqual(["Lưu ý"]);
    const road = rows.slice(body.length, rows.length - notes.length - 2);
    expect(road.slice(0, 3)).toEqual([[], ["KHẢ NĂNG VỀ ĐÍCH NÔNG THÔN MỚI"], ["Mục tiêu: 4/8 xã đạt chuẩn năm 2025; hiện đạt 1/8, còn 3 xã"]]);
    const header = road.findIndex((r) => r[0] === "Thứ tự");
    expect(road[header]).toEqual(["Thứ tự", "Tên", "Số tiêu chí còn thiếu", "Chưa đạt", "Thiếu số liệu", "Chưa có chỉ tiêu", "Khoảng cách đến mức yêu cầu"]);
    expect(road.slice(header + 1, header + 8)).toEqual([
      [1, "Phú Lâm", 1, "10", "", "", "10: 43 / ≥ 45 triệu đồng/người: thiếu 2 triệu đồng/người"],
      [2, "Đông Tiến", 1, "10", "", "", "10: 41,2 / ≥ 45 triệu đồng/người: thiếu 3,8 triệu đồng/người"],
      [3, "Hòa Sơn", 1, "15", "", "", "15.3: 26,5% / ≤ 24%: vượt 2,5 điểm phần trăm"],
      [4, "Bắc Lý", 1, "7", "", "", ""],
      [5, "Lạc Vệ", 1, "7", "", "", ""],
      [6, "Nam Sơn", 2, "12", "5", "", ""],
      [7, "Tam Giang", 3, "3, 10, 17", "", "", "3.1: 75% / ≥ 80%: thiếu 5 điểm phần trăm; 10: 44 / ≥ 45 triệu đồng/người: thiếu 1 triệu đồng/người"],
    ]);
    expect(String(road[road.length - 1]![0])).toMatch(/^Số tiêu chí còn thiếu gồm tiêu chí chưa đạt và tiêu chí chưa đánh giá được/);
    // No target: the same block without the target's lines.
    const plain = sheetReportRows(run, { ...ctx, target: undefined });
    expect(plain.length).toBe(rows.length - 2);
    expect(plain.flat().some((c) => String(c).startsWith("Mục tiêu"))).toBe(false);
  });

  it("as JSON: indexes into the units list, full precision", () => {
    const doc = roadJson(road, xa, "vi", (i) => i + 100);
    expect(doc.ranking).toEqual([106, 101, 103, 104, 107, 105, 102]);
    expect(doc.met).toEqual([100]);
    expect(doc.close).toEqual([106, 101, 103, 104, 107, 105]);
    expect(doc.target).toEqual({ count: 4, year: 2025, total: 8, met: 1, need: 3, reached: false, overTotal: false, closest: [106, 101, 103] });
    expect(doc.units[5]).toEqual({ index: 105, key: "/nam son", name: "Nam Sơn", rank: 6, remaining: [5, 12], unmet: [12], missing: [5], noThreshold: [], distances: [], relativeShortfall: null });
    expect(doc.units[0]!.rank).toBeNull();
    expect(doc.units[1]!.relativeShortfall).toBe(3.8 / 45);
    expect(doc.report[0]).toBe("Mục tiêu: 4/8 xã đạt chuẩn năm 2025; hiện đạt 1/8, còn 3 xã");
  });
});

describe("villages: the set's own noun, never xã", () => {
  it("counts thôn for Bắc Kạn's villages, grouped by commune, missing data counted as to go", () => {
    const run = judge(villageGrid(), { setId: "thon-ntm-bac-kan-2022-2025", year: 2024 });
    const set = run.choice.set;
    // Bản Vén 10, 12, 13; Bản Đán 10, 13, 17; Đông Bun 10; Bản Chàn 5 blank (missing).
    const road = certificationRoad(run.results, { set, target: { count: 2, year: 2025 } });
    expect(road.ranking.map((u) => [u.name, u.remaining, u.missing])).toEqual([
      ["Đông Bun", [10], []],
      ["Bản Chàn", [5], [5]],
      ["Bản Vén", [10, 12, 13], []],
      ["Bản Đán", [10, 13, 17], []],
    ]);
    const lines = roadLines(road, { set });
    expect(lines).toEqual([
      "Mục tiêu: 2/4 thôn đạt chuẩn năm 2025; hiện đạt 0/4, còn 2 thôn",
      "- Chưa có thôn nào đạt đủ các tiêu chí.",
      "- Cần thêm 2 thôn để đạt mục tiêu; gần về đích nhất: 02 thôn (Đông Bun, Bản Chàn xã Vũ Muộn).",
      "- Có thể về đích năm 2025 (thiếu ≤ 2 tiêu chí): 02 thôn (Đông Bun, Bản Chàn xã Vũ Muộn).",
      "- Thiếu 1 tiêu chí: 02 thôn (Đông Bun, Bản Chàn xã Vũ Muộn).",
      "- Thiếu từ 3 tiêu chí trở lên: 02 thôn (Bản Vén, Bản Đán xã Đôn Phong).",
    ]);
    expect(lines.join("\n")).not.toMatch(/\bxã đạt|\d xã\b/);
    const rows = sheetReportRows(run, { year: 2024, lang: "vi", source: "Thôn 2024" });
    const header = rows.findIndex((r) => r[0] === "Thứ tự");
    expect(rows[header]).toEqual(["Thứ tự", "Xã", "Tên", "Số tiêu chí còn thiếu", "Chưa đạt", "Thiếu số liệu", "Chưa có chỉ tiêu", "Khoảng cách đến mức yêu cầu"]);
    expect(rows[header + 2]).toEqual([2, "Vũ Muộn", "Bản Chàn", 1, "", "5", "", ""]);
  });

  it("says bản for Lai Châu's villages, in both languages", () => {
    const run = judge(villageGrid(), { setId: "ban-ntm-lai-chau-2021-2025", year: 2024 });
    const road = certificationRoad(run.results, { set: run.choice.set, target: { count: 3, year: 2025 } });
    expect(roadLines(road, { set: run.choice.set })[0]).toBe("Mục tiêu: 3/4 bản đạt chuẩn năm 2025; hiện đạt 0/4, còn 3 bản");
    expect(roadLines(road, { set: run.choice.set, lang: "en" })[0]).toBe("Target: 3/4 villages meeting the standard by 2025; 0/4 now, 3 villages to go");
  });

  it("every unit meeting the standard: said so, no ranking table", () => {
    const run = judge(communeSheet([["Yên Phong", [], 46, "85%"]]));
    const road = certificationRoad(run.results, { set: xa });
    expect(roadLines(road, { set: xa })).toEqual(["- Đã đạt chuẩn: 01 xã (Yên Phong).", "- Không có xã nào chưa đạt chuẩn."]);
    const rows = sheetReportRows(run, { region: "tdmnpb", year: 2024, lang: "vi", source: "x" });
    expect(rows.some((r) => r[0] === "Thứ tự")).toBe(false);
  });
});

describe("a target per commune: \"mỗi xã phải đạt 01 thôn nông thôn mới\"", () => {
  /** villageGrid with Đông Bun (Vũ Muộn) meeting its one unmet criterion, 10. */
  function oneVillageMet(): SheetGrid {
    const g = villageGrid();
    const values = g.values.map((r) => [...r]);
    values[7]![3 + 9] = "Đạt";
    return { ...g, values };
  }

  it("counts communes that have their village, and names each commune's closest villages", () => {
    const run = judge(oneVillageMet(), { setId: "thon-ntm-bac-kan-2022-2025", year: 2024 });
    const set = run.choice.set;
    const road = certificationRoad(run.results, { set, target: parseRoadTarget("1/xã/2025") });
    const tg = road.target!;
    expect([tg.perGroup, tg.count, tg.total, tg.met, tg.need, tg.reached, tg.overTotal, tg.ungrouped]).toEqual([true, 1, 2, 1, 1, false, false, 0]);
    expect(tg.groups!.map((g) => [g.group, g.total, g.met, g.need, g.closest.map((u) => u.name)])).toEqual([
      ["Đôn Phong", 2, 0, 1, ["Bản Vén"]],
      ["Vũ Muộn", 2, 1, 0, []],
    ]);
    const lines = roadLines(road, { set });
    expect(lines.slice(0, 4)).toEqual([
      "Mục tiêu: mỗi xã có 01 thôn đạt chuẩn năm 2025; hiện 1/2 xã đã có, còn 1 xã",
      "- Xã đã có đủ: 01 xã (Vũ Muộn).",
      "- Xã Đôn Phong: đạt chuẩn 0/1 thôn; gần về đích nhất: Bản Vén (còn 3 tiêu chí).",
      "- Đã đạt chuẩn: 01 thôn (Đông Bun xã Vũ Muộn).",
    ]);
    // The district-wide "cần thêm N thôn" line belongs to a count target, not to this one.
    expect(lines.join("\n")).not.toContain("Cần thêm");
    expect(roadLines(road, { set, lang: "en" })[0]).toBe("Target: 1 village meeting the standard in every commune by 2025; 1/2 communes there now, 1 to go");
    const json = roadJson(road, set, "vi");
    expect(json.target).toMatchObject({ perCommune: true, count: 1, total: 2, met: 1, need: 1, ungrouped: 0, closest: [0] });
    expect(json.target!.communes).toEqual([
      { commune: "Đôn Phong", total: 2, met: 0, need: 1, reached: false, closest: [0] },
      { commune: "Vũ Muộn", total: 2, met: 1, need: 0, reached: true, closest: [] },
    ]);
  });

  it("two per commune: each commune's closest in ranking order; three: the communes too small for it are said", () => {
    const run = judge(oneVillageMet(), { setId: "thon-ntm-bac-kan-2022-2025", year: 2024 });
    const set = run.choice.set;
    const two = certificationRoad(run.results, { set, target: { count: 2, year: 2025, perGroup: true } }).target!;
    expect(two.groups!.map((g) => [g.group, g.need, g.closest.map((u) => u.name)])).toEqual([
      ["Đôn Phong", 2, ["Bản Vén", "Bản Đán"]],
      ["Vũ Muộn", 1, ["Bản Chàn"]],
    ]);
    expect(two.closest.map((u) => u.name)).toEqual(["Bản Vén", "Bản Đán", "Bản Chàn"]);
    const three = certificationRoad(run.results, { set, target: { count: 3, year: 2025, perGroup: true } });
    expect(three.target!.overTotal).toBe(true);
    expect(roadLines(three, { set })).toContain("- Xã Vũ Muộn: chỉ có 2 thôn trong bảng, ít hơn mục tiêu 3 thôn; đạt chuẩn 1.");
  });

  it("a commune table, or villages with no commune named: the target cannot be checked, and says why", () => {
    const run = judge(communeSheet(DISTRICT));
    const road = certificationRoad(run.results, { set: xa, target: { count: 1, year: 2025, perGroup: true } });
    expect(road.target!.total).toBe(0);
    expect(road.target!.reached).toBe(false);
    expect(roadLines(road, { set: xa })[0]).toBe("- Mục tiêu theo từng xã (SỐ/xã/NĂM) dành cho bộ tiêu chí thôn, bản; bảng này chấm các xã: hãy ghi mục tiêu dạng SỐ/NĂM.");
    // Villages whose commune is not named: the target cannot be checked on them.
    const villages = villageGrid();
    const flat = judge({ ...villages, values: villages.values.map((r, i) => (i >= 5 && i <= 8 ? r.map((c, j) => (j === 1 ? "" : c)) : r)) }, { setId: "thon-ntm-bac-kan-2022-2025", year: 2024 });
    const none = certificationRoad(flat.results, { set: flat.choice.set, target: { count: 1, year: 2025, perGroup: true } });
    expect(roadLines(none, { set: flat.choice.set })[0]).toBe("- Mục tiêu theo từng xã cần biết xã của mỗi thôn (cột xã hoặc dòng tiêu đề xã): bảng không có xã nào.");
  });
});

describe("a target: one grammar for the command line and the settings", () => {
  it("reads count/year and refuses anything else", () => {
    expect(parseRoadTarget("12/2025")).toEqual({ count: 12, year: 2025 });
    expect(parseRoadTarget(" 12 / 2025 ")).toEqual({ count: 12, year: 2025 });
    for (const perCommune of ["1/xã/2025", "1 / Xã / 2025", "1/xa/2025", "1/commune/2025", "1/xa\u0303/2025"]) expect(parseRoadTarget(perCommune), perCommune).toEqual({ count: 1, year: 2025, perGroup: true });
    expect(roadTargetText({ count: 1, year: 2025, perGroup: true })).toBe("1/xã/2025");
    expect(roadTargetText({ count: 12, year: 2025 })).toBe("12/2025");
    for (const bad of ["1/thôn/2025", "1/xã/", "xã/2025", "1/xã/xã/2025"]) expect(parseRoadTarget(bad), bad).toBeUndefined();
    for (const bad of ["12-2025", "12/25", "0/2025", "12/2101", "12/1999", "mười hai/2025", "12/2025/1", "-3/2025", "1.5/2025", ""]) expect(parseRoadTarget(bad), bad).toBeUndefined();
  });

  it("settings keep a valid target and drop a damaged one alone", () => {
    expect(parseSettings({ year: 2024, target: { count: 12, year: 2025 } })).toEqual({ year: 2024, target: { count: 12, year: 2025 }, lang: "vi" });
    expect(parseSettings('{"target":{"count":12,"year":2025},"lang":"en"}')).toEqual({ target: { count: 12, year: 2025 }, lang: "en" });
    expect(parseSettings({ target: { count: 1, year: 2025, perGroup: true } })).toEqual({ target: { count: 1, year: 2025, perGroup: true }, lang: "vi" });
    for (const target of [{ count: 0, year: 2025 }, { count: 12, year: 1999 }, { count: 1.5, year: 2025 }, { count: "12", year: 2025 }, "12/2025", { count: 12 }, { count: 1, year: 2025, perGroup: "yes" }, null]) {
      expect(parseSettings({ region: "tdmnpb", target }), JSON.stringify(target)).toEqual({ region: "tdmnpb", lang: "vi" });
    }
  });
});

describe("income growth over two or more years", () => {
  // Figures by year; "" is a blank cell. Every unit meets its other criteria.
  const book = (year: number, income: Record<string, unknown>) => communeSheet(Object.entries(income).map(([name, v]): Commune => [name, [], v, "85%"]), year);
  const side = (grid: SheetGrid, year: number | null, setId = "xa-ntm-2021-2025", workbook?: { set: CriteriaSet }): RunSide => {
    const run = judge(grid, { region: "tdmnpb", ...(year ? { year } : {}), setId, ...(workbook ? { workbook } : {}) });
    return { set: run.choice.set.id, region: "tdmnpb", year, units: run.results.map((result) => ({ sheet: grid.name, result })) };
  };
  const y2022 = book(2022, { "Yên Phong": 38, "Đông Tiến": 36, "Tam Giang": 50, "Phú Lâm": 40 });
  const y2023 = book(2023, { "Yên Phong": 40, "Đông Tiến": "", "Tam Giang": 52, "Hòa Sơn": 41, "Phú Lâm": 44 });

  it("the growth each commune had and needs per year, to the 2024 target of the catalog (45, unconfirmed)", () => {
    const g = incomeGrowth([side(y2022, 2022), side(y2023, 2023)], { set: xa, targetYear: 2024 });
    if (!g.ok) throw new Error(g.cause);
    expect(g.indicator).toEqual({ criterion: 10, code: "10", unit: "triệu đồng/người", comparator: ">=" });
    expect(g.threshold).toMatchObject({ ok: true, value: 45, confirmed: false, origin: "catalog" });
    const by = Object.fromEntries(g.units.map((u) => [u.unit.result.name, u]));
    // Hòa Sơn is only in 2023: not matched, so not here (ntm compare lists it).
    expect(Object.keys(by)).toEqual(["Yên Phong", "Đông Tiến", "Tam Giang", "Phú Lâm"]);
    // 38 -> 40: +5,263%/year; 40 -> 45 in one year: +12,5%, 5 a year.
    expect(by["Yên Phong"]).toMatchObject({ figures: [{ year: 2022, value: 38 }, { year: 2023, value: 40 }], status: "needed", neededAmount: 5, onTrack: false });
    expect(by["Yên Phong"]!.had).toBeCloseTo((40 / 38 - 1) * 100, 10);
    expect(by["Yên Phong"]!.needed).toBeCloseTo(12.5, 10);
    // Only 2022's 36 (2023 blank): two years to 45, sqrt(45/36) - 1 = 11,803%, 4,5 a year.
    expect(by["Đông Tiến"]).toMatchObject({ figures: [{ year: 2022, value: 36 }], had: null, status: "needed", neededAmount: 4.5, onTrack: null });
    expect(by["Đông Tiến"]!.needed).toBeCloseTo((Math.sqrt(1.25) - 1) * 100, 10);
    // 52 already over 45.
    expect(by["Tam Giang"]).toMatchObject({ status: "reached", needed: null });
    expect(by["Tam Giang"]!.had).toBeCloseTo(4, 10);
    // 40 -> 44: +10%; 44 -> 45: +2,27%: on track.
    expect(by["Phú Lâm"]).toMatchObject({ status: "needed", onTrack: true });
    expect(by["Phú Lâm"]!.needed).toBeCloseTo((45 / 44 - 1) * 100, 10);
    expect(growthLines(g, { set: xa, region: "tdmnpb" })).toEqual([
      "Tốc độ tăng thu nhập (chỉ tiêu 10) cần để đạt mức năm 2024 (≥ 45 triệu đồng/người, chưa xác nhận):",
      "- Yên Phong: 38 (2022) → 40 (2023); đã tăng 5,3%/năm; cần tăng 12,5%/năm (khoảng 5 triệu đồng/người/năm) đến năm 2024: cần tăng nhanh hơn",
      "- Đông Tiến: 36 (2022); chưa đủ hai năm số liệu để tính tốc độ đã có; cần tăng 11,8%/năm (khoảng 4,5 triệu đồng/người/năm) đến năm 2024",
      "- Tam Giang: 50 (2022) → 52 (2023); đã tăng 4%/năm; đã đạt mức năm 2024",
      "- Phú Lâm: 40 (2022) → 44 (2023); đã tăng 10%/năm; cần tăng 2,3%/năm (khoảng 1 triệu đồng/người/năm) đến năm 2024: giữ tốc độ đã có thì đạt",
    ]);
    expect(growthLines(g, { set: xa, lang: "en" })[1]).toBe("- Yên Phong: 38 (2022) → 40 (2023); grew 5.3% a year; needs 12.5% a year (about 5 triệu đồng/người a year) until 2024: needs faster growth");
  });

  it("a target year whose threshold the catalog does not hold (2025): says so, gives only the growth so far", () => {
    const g = incomeGrowth([side(y2022, 2022), side(y2023, 2023)], { set: xa, targetYear: 2025 });
    if (!g.ok) throw new Error(g.cause);
    expect(g.threshold).toEqual({ ok: false, why: "unconfirmed", source: "318/QĐ-TTg, Phụ lục I, sửa đổi theo 211/QĐ-TTg, chỉ tiêu 10, vùng Trung du và miền núi phía Bắc, năm 2025", set: "xa-ntm-2021-2025" });
    expect(g.units.every((u) => u.needed === null && u.neededAmount === null)).toBe(true);
    expect(g.units.map((u) => u.status)).toEqual(["unknownThreshold", "unknownThreshold", "unknownThreshold", "unknownThreshold"]);
    const lines = growthLines(g, { set: xa, region: "tdmnpb" });
    expect(lines[0]).toBe("Tốc độ tăng thu nhập (chỉ tiêu 10) cần để đạt mức năm 2025:");
    expect(lines[1]).toBe(
      "- Chưa biết mức thu nhập năm 2025 vùng Trung du và miền núi phía Bắc (bộ tiêu chí có mức này nhưng giá trị chưa được xác nhận (318/QĐ-TTg, Phụ lục I, sửa đổi theo 211/QĐ-TTg, chỉ tiêu 10, vùng Trung du và miền núi phía Bắc, năm 2025); có thể ghi mức ở trang NTM_BoTieuChi): không tính tốc độ tăng cần thiết, chỉ nêu tốc độ đã có.",
    );
    expect(lines[2]).toBe("- Yên Phong: 38 (2022) → 40 (2023); đã tăng 5,3%/năm");
    const doc = growthJson(g, xa, "vi", "tdmnpb");
    expect(doc).toMatchObject({ targetYear: 2025, threshold: null, thresholdUnknown: "unconfirmed" });
    // Without a region, the target of a regional indicator is not known either.
    const noRegion = incomeGrowth([{ ...side(y2022, 2022), region: null }, { ...side(y2023, 2023), region: null }], { set: xa, targetYear: 2024 });
    expect(noRegion.ok && noRegion.threshold).toEqual({ ok: false, why: "needsRegion", set: "xa-ntm-2021-2025" });
  });

  it("three years, and a province's own 2025 target on NTM_BoTieuChi before the catalog", () => {
    const amended = readWorkbookSet(
      [
        ["Mã bộ tiêu chí", "xa-ntm-tinh-x-2021-2025"],
        ["Kế thừa", "xa-ntm-2021-2025"],
        ["Tiêu chí số", "Mã chỉ tiêu", "Loại", "So sánh", "Vùng", "Năm", "Ngưỡng", "Nguồn"],
        [10, "10", "số", "≥", "tdmnpb", 2025, 50, "QĐ .../QĐ-UBND"],
      ],
      builtInSets(),
    );
    if (!amended.ok) throw new Error(formatMessage(amended.errors[0]!.message));
    const y2024 = book(2024, { "Yên Phong": 42, "Đông Tiến": 43.56, "Tam Giang": 55, "Phú Lâm": 48.4 });
    const runs = [side(y2022, 2022), side(y2023, 2023), side(y2024, 2024)];
    const g = incomeGrowth([runs[2]!, runs[0]!, runs[1]!], { set: xa, workbookSet: amended.set, targetYear: 2025 });
    if (!g.ok) throw new Error(g.cause);
    expect(g.threshold).toMatchObject({ ok: true, value: 50, origin: "workbook", source: "QĐ .../QĐ-UBND" });
    const by = Object.fromEntries(g.units.map((u) => [u.unit.result.name, u]));
    // 36 (2022) -> 43,56 (2024): sqrt(1,21) - 1 = 10%/year; 43,56 -> 50 in one year: 14,784%, 6,44.
    expect(by["Đông Tiến"]!.figures).toEqual([
      { year: 2022, value: 36 },
      { year: 2024, value: 43.56 },
    ]);
    expect(by["Đông Tiến"]!.had).toBeCloseTo(10, 10);
    expect(by["Đông Tiến"]!.needed).toBeCloseTo((50 / 43.56 - 1) * 100, 10);
    expect(by["Đông Tiến"]!.neededAmount).toBeCloseTo(6.44, 10);
    expect(by["Đông Tiến"]!.onTrack).toBe(false);
    // 40 -> 48,4 over two years: 10%/year; 48,4 -> 50: 3,306%: on track.
    expect(by["Phú Lâm"]!.had).toBeCloseTo(10, 10);
    expect(by["Phú Lâm"]!.onTrack).toBe(true);
    // 38, 40, 42: (42/38)^(1/2) - 1.
    expect(by["Yên Phong"]!.had).toBeCloseTo((Math.sqrt(42 / 38) - 1) * 100, 10);
    expect(by["Yên Phong"]!.figures.map((f) => f.year)).toEqual([2022, 2023, 2024]);
    expect(growthLines(g, { set: xa })[0]).toBe("Tốc độ tăng thu nhập (chỉ tiêu 10) cần để đạt mức năm 2025 (≥ 50 triệu đồng/người, chưa xác nhận):");
    // The target year is that of the latest figures: nothing per year to compute.
    const late = incomeGrowth(runs, { set: xa, targetYear: 2024 });
    expect(late.ok && late.units.find((u) => u.unit.result.name === "Yên Phong")!.status).toBe("targetNotAfter");
  });

  it("an income indicator that is not \"10\": found by its targets set year by year (a province's village set)", () => {
    const own = readWorkbookSet([
      ["Mã bộ tiêu chí:", "ban-ntm-tinh-y-2024-2025"],
      ["Tên bộ tiêu chí", "Bộ tiêu chí bản NTM tỉnh Y"],
      ["Cấp", "bản"],
      ["Giai đoạn", "2024-2025"],
      ["Căn cứ", "Quyết định 1487/QĐ-UBND"],
      [],
      ["Tiêu chí số", "Tên tiêu chí", "Mã chỉ tiêu", "Nội dung chỉ tiêu", "Đơn vị", "Loại", "So sánh", "Vùng", "Năm", "Ngưỡng", "Nguồn", "Đã xác nhận"],
      [1, "Giao thông", "1.1", "Tỷ lệ đường bản được cứng hóa", "%", "tỷ lệ (%)", "≥", "", "", "70%", "1487/QĐ-UBND, tiêu chí 1", "Có"],
      [2, "Thu nhập", "2", "Thu nhập bình quân", "triệu đồng/người", "số", ">=", "", 2024, "30,5", "1487/QĐ-UBND, tiêu chí 2", "x"],
      [2, "Thu nhập", "2", "Thu nhập bình quân", "triệu đồng/người", "số", ">=", "", 2025, 33, "1487/QĐ-UBND, tiêu chí 2", "Có"],
      [3, "Nhà ở", "", "", "", "", "", "", "", "", "", ""],
    ]);
    if (!own.ok) throw new Error(formatMessage(own.errors[0]!.message));
    expect(incomeIndicator(own.set)).toEqual({ criterion: 2, code: "2", unit: "triệu đồng/người", comparator: ">=" });
    expect(incomeIndicator(xa)).toMatchObject({ criterion: 10, code: "10" });
    expect(incomeIndicator(getBuiltInSet("thon-ntm-bac-kan-2022-2025")!)).toBeNull();
    const grid = (year: number, rows: Array<[string, string, unknown, unknown, string]>): SheetGrid => ({
      name: `Bản ${year}`,
      values: [[`TỔNG HỢP BẢN NĂM ${year}`], ["STT", "Xã", "Tên bản", "1.1 Tỷ lệ đường bản được cứng hóa (%)", "2. Thu nhập (tr.đ/người)", "Tiêu chí 3"], ...rows.map((r, i) => [i + 1, ...r])],
    });
    const run = (g: SheetGrid, year: number): RunSide => {
      const r = judge(g, { year, workbook: { set: own.set } });
      return { set: r.choice.set.id, region: null, year, units: r.results.map((result) => ({ sheet: g.name, result })) };
    };
    const a = run(grid(2023, [["Mường Mít", "Nà Khương", "75%", 25, "Đạt"], ["Mường Mít", "Huổi Lả", "60%", 30, "Chưa đạt"]]), 2023);
    const b = run(grid(2024, [["Mường Mít", "Nà Khương", "75%", 27.5, "Đạt"], ["Mường Mít", "Bản Huổi Lả", "72%", 31.2, "Đạt"]]), 2024);
    const g = incomeGrowth([a, b], { set: own.set, targetYear: 2025 });
    if (!g.ok) throw new Error(g.cause);
    // Nà Khương 25 -> 27,5: +10%; 27,5 -> 33: +20%, 5,5 a year. Huổi Lả 30 -> 31,2: +4%; 31,2 -> 33: +5,769%.
    expect(g.units.map((u) => [u.unit.result.name, u.figures.map((f) => f.value), u.status, u.onTrack])).toEqual([
      ["Nà Khương", [25, 27.5], "needed", false],
      ["Bản Huổi Lả", [30, 31.2], "needed", false],
    ]);
    expect(g.units[0]!.had).toBeCloseTo(10, 10);
    expect(g.units[0]!.needed).toBeCloseTo(20, 10);
    expect(g.units[1]!.needed).toBeCloseTo((33 / 31.2 - 1) * 100, 10);
    expect(growthLines(g, { set: own.set })).toEqual([
      "Tốc độ tăng thu nhập (chỉ tiêu 2) cần để đạt mức năm 2025 (≥ 33 triệu đồng/người):",
      "- Nà Khương xã Mường Mít: 25 (2023) → 27,5 (2024); đã tăng 10%/năm; cần tăng 20%/năm (khoảng 5,5 triệu đồng/người/năm) đến năm 2025: cần tăng nhanh hơn",
      "- Bản Huổi Lả xã Mường Mít: 30 (2023) → 31,2 (2024); đã tăng 4%/năm; cần tăng 5,8%/năm (khoảng 1,8 triệu đồng/người/năm) đến năm 2025: cần tăng nhanh hơn",
    ]);
  });

  it("refusals, each said plainly: no income indicator, no years, one run, different sets", () => {
    const village = judge(villageGrid(), { setId: "thon-ntm-bac-kan-2022-2025", year: 2024 });
    const vs: RunSide = { set: village.choice.set.id, year: 2024, units: village.results.map((result) => ({ sheet: "T", result })) };
    const none = incomeGrowth([{ ...vs, year: 2023 }, vs], { set: village.choice.set, targetYear: 2025 });
    expect(none).toEqual({ ok: false, cause: "noIndicator" });
    expect(growthLines(none, { set: village.choice.set })).toEqual(["Bộ tiêu chí thon-ntm-bac-kan-2022-2025 không có chỉ tiêu thu nhập có mức theo năm: không tính được tốc độ tăng thu nhập."]);
    const noYear = incomeGrowth([side(y2022, null), side(y2023, 2023)], { set: xa, targetYear: 2025 });
    expect(noYear).toEqual({ ok: false, cause: "needYears" });
    expect(growthLines(noYear, { set: xa, lang: "en" })[0]).toMatch(/^Each result's assessment year is needed/);
    expect(incomeGrowth([side(y2023, 2023)], { set: xa, targetYear: 2025 })).toEqual({ ok: false, cause: "fewRuns" });
    const mixed = incomeGrowth([{ ...vs, year: 2022 }, side(y2023, 2023)], { set: xa, targetYear: 2025 });
    expect(mixed).toMatchObject({ ok: false, cause: "sets" });
  });
});
