import { describe, expect, it } from "vitest";
import {
  Evaluator,
  formatGap,
  getBuiltInSet,
  readWorkbookSet,
  builtInSets,
  summariseUnits,
  type IndicatorResult,
  type UnitInput,
  type UnitResult,
} from "../shared/index.js";

const xa = getBuiltInSet("xa-ntm-2021-2025")!;
const indicator = (u: UnitResult, code: string): IndicatorResult => u.criteria.flatMap((c) => c.indicators).find((i) => i.code === code)!;
const criterion = (u: UnitResult, no: number) => u.criteria.find((c) => c.no === no)!;

describe("indicator: threshold, status and gap", () => {
  const ev = new Evaluator({ set: xa, region: "tdmnpb", year: 2024 });

  it("income 41,2 against ≥ 45 is 3,8 million short; 45 is met", () => {
    const u = ev.evaluateUnit({ name: "A", values: { "10": "41,2" } });
    const r = indicator(u, "10");
    expect(r.status).toBe("not_met");
    expect(r.gap).toEqual({ type: "shortfall", amount: 3.8, unit: "triệu đồng/người" });
    expect(formatGap(r.gap)).toBe("thiếu 3,8 triệu đồng/người");
    expect(formatGap(r.gap, "en")).toBe("3.8 triệu đồng/người short");
    expect(indicator(ev.evaluateUnit({ name: "B", values: { "10": 45 } }), "10").status).toBe("met");
  });

  it("uses 42 million for 2023 in the same region", () => {
    const ev2023 = new Evaluator({ set: xa, region: "tdmnpb", year: 2023 });
    expect(indicator(ev2023.evaluateUnit({ name: "A", values: { "10": 43 } }), "10").status).toBe("met");
    expect(indicator(ev.evaluateUnit({ name: "A", values: { "10": 43 } }), "10").status).toBe("not_met");
  });

  it("poverty 14,5% against the row's ≤ 13% is 1,5 points over", () => {
    const u = ev.evaluateUnit({ name: "A", values: { "11": "14,5%" }, targets: { "11": "≤ 13%" } });
    const r = indicator(u, "11");
    expect(r).toMatchObject({ status: "not_met", threshold: { origin: "row", comparator: "<=", value: 13 }, gap: { type: "excess", amount: 1.5 } });
    expect(formatGap(r.gap)).toBe("vượt 1,5 điểm phần trăm");
  });

  it("a yes/no indicator explains the unmet requirement in words", () => {
    const u = ev.evaluateUnit({ name: "A", values: { "9.1": "Có", "1.1": "Không" } });
    expect(indicator(u, "9.1")).toMatchObject({ status: "not_met", gap: { type: "requirement", text: { key: "gap.requireNo" } } });
    expect(indicator(u, "1.1")).toMatchObject({ status: "not_met", gap: { type: "requirement", text: { key: "gap.requireYes" } } });
  });

  it("a grade below the required one is not met", () => {
    const u = ev.evaluateUnit({ name: "A", values: { "18.2": "Hoàn thành nhiệm vụ", "18.3": "Hoàn thành xuất sắc nhiệm vụ" } });
    expect(indicator(u, "18.2")).toMatchObject({ status: "not_met", gap: { type: "requirement", text: { key: "gap.requireGrade" } } });
    expect(indicator(u, "18.3").status).toBe("met");
  });

  it("reports unreadable values as invalid with the reason, and blanks as missing", () => {
    const u = ev.evaluateUnit({ name: "A", values: { "10": "#N/A", "3.1": "" } });
    expect(indicator(u, "10")).toMatchObject({ status: "invalid", reason: { key: "value.spreadsheetError", params: { value: "#N/A" } } });
    expect(indicator(u, "3.1").status).toBe("missing");
  });

  it("needs a year for income", () => {
    const u = new Evaluator({ set: xa, region: "tdmnpb" }).evaluateUnit({ name: "A", values: { "10": 50 } });
    expect(indicator(u, "10")).toMatchObject({ status: "no_threshold", reason: { key: "threshold.needsYear" } });
  });
});

describe("where the threshold comes from, most specific first", () => {
  const rows = [
    ["Mã bộ tiêu chí", "xa-ntm-tinh-x-2021-2025"],
    ["Kế thừa", "xa-ntm-2021-2025"],
    [],
    ["Tiêu chí số", "Mã chỉ tiêu", "Loại", "So sánh", "Vùng", "Năm", "Ngưỡng", "Nguồn", "Đã xác nhận"],
    [10, "10", "số", "≥", "tdmnpb", 2024, 44, "QĐ 99/QĐ-UBND tỉnh X", "Có"],
  ];
  const wb = readWorkbookSet(rows, builtInSets());
  if (!wb.ok) throw new Error(JSON.stringify(wb.errors));
  const unit: UnitInput = { name: "A", values: { "10": "44,5" }, targets: { "10": "≥ 46 triệu đồng/người" } };

  it("argument beats the row, the row beats the workbook, the workbook beats the catalog", () => {
    const argument = new Evaluator({ set: xa, workbookSet: wb.set, region: "tdmnpb", year: 2024, overrides: { "10": "≥ 44" } }).evaluateUnit(unit);
    expect(indicator(argument, "10")).toMatchObject({ status: "met", threshold: { origin: "argument", value: 44 } });
    const row = new Evaluator({ set: xa, workbookSet: wb.set, region: "tdmnpb", year: 2024 }).evaluateUnit(unit);
    expect(indicator(row, "10")).toMatchObject({ status: "not_met", threshold: { origin: "row", value: 46 } });
    const workbook = new Evaluator({ set: xa, workbookSet: wb.set, region: "tdmnpb", year: 2024 }).evaluateUnit({ ...unit, targets: {} });
    expect(indicator(workbook, "10")).toMatchObject({ status: "met", threshold: { origin: "workbook", value: 44, source: "QĐ 99/QĐ-UBND tỉnh X", confirmed: true } });
    const catalog = new Evaluator({ set: xa, region: "tdmnpb", year: 2024 }).evaluateUnit({ ...unit, targets: {} });
    expect(indicator(catalog, "10")).toMatchObject({ status: "not_met", threshold: { origin: "catalog", value: 45, confirmed: false } });
  });

  it("falls back to the next source when a row's target cannot be read", () => {
    const u = new Evaluator({ set: xa, region: "tdmnpb", year: 2024 }).evaluateUnit({ name: "A", values: { "10": 46 }, targets: { "10": "theo quy định" } });
    expect(indicator(u, "10").threshold?.origin).toBe("catalog");
  });

  it("a row target makes an unconfirmed slot usable", () => {
    const u = new Evaluator({ set: xa, region: "dbsh", year: 2024 }).evaluateUnit({ name: "A", values: { "2.2": "95%" }, targets: { "2.2": "100%" } });
    expect(indicator(u, "2.2")).toMatchObject({ status: "not_met", gap: { type: "shortfall", amount: 5, unit: "%" } });
  });

  it("an especially disadvantaged commune is judged by the tdmnpb column whatever its region", () => {
    const ev = new Evaluator({ set: xa, region: "dbsh", year: 2024 });
    expect(indicator(ev.evaluateUnit({ name: "A", values: { "10": 46 } }), "10").status).toBe("no_threshold");
    expect(indicator(ev.evaluateUnit({ name: "A", values: { "10": 46 }, region: "tdmnpb" }), "10").status).toBe("met");
  });
});

describe("criterion and unit", () => {
  const ev = new Evaluator({ set: xa, region: "tdmnpb", year: 2024 });

  it("a criterion is met only when every indicator is", () => {
    const u = ev.evaluateUnit({ name: "A", values: { "1.1": "Đạt", "1.2": "Đạt", "4.1": "Đạt", "4.2": "" } });
    expect(criterion(u, 1).status).toBe("met");
    expect(criterion(u, 4).status).toBe("missing");
  });

  it("a failure outweighs missing data", () => {
    const u = ev.evaluateUnit({ name: "A", values: { "4.1": "Chưa đạt" } });
    expect(criterion(u, 4).status).toBe("not_met");
  });

  it("counts a criterion-level self-assessment when the indicators are absent, and flags disagreement otherwise", () => {
    const u = ev.evaluateUnit({ name: "A", values: { "10": 40 }, criterionAssessments: { 7: "Đạt", 8: "Chưa đạt", 10: "Đạt", 11: "abc" } });
    expect(criterion(u, 7)).toMatchObject({ status: "met", origin: "self_assessment" });
    expect(criterion(u, 8)).toMatchObject({ status: "not_met", origin: "self_assessment" });
    expect(criterion(u, 10)).toMatchObject({ status: "not_met", origin: "indicators", selfAssessment: "met", disagreesWithSelfAssessment: true });
    expect(criterion(u, 11)).toMatchObject({ status: "invalid", origin: "self_assessment" });
  });

  it("an \"if any\" indicator left blank does not hold its criterion back", () => {
    const values = { "13.1": "1 HTX", "13.2": "Đạt", "13.3": "Đạt", "13.5": "Đạt" };
    expect(criterion(ev.evaluateUnit({ name: "A", values }), 13).status).toBe("met");
    expect(criterion(ev.evaluateUnit({ name: "A", values: { ...values, "13.4": "Không áp dụng" } }), 13).status).toBe("met");
    expect(criterion(ev.evaluateUnit({ name: "A", values: { ...values, "13.4": "Chưa đạt" } }), 13).status).toBe("not_met");
    expect(indicator(ev.evaluateUnit({ name: "A", values: { "1.1": "Không áp dụng" } }), "1.1")).toMatchObject({ status: "invalid", reason: { key: "value.notApplicableNotAllowed" } });
  });

  it("lists unmet and missing criteria of a unit out of its total", () => {
    const assessments = Object.fromEntries(Array.from({ length: 19 }, (_, i) => [i + 1, "Đạt"]));
    const u = ev.evaluateUnit({ name: "A", values: {}, criterionAssessments: { ...assessments, 7: "Chưa đạt", 13: "Chưa đạt", 16: undefined } });
    expect(u).toMatchObject({ criteriaMet: 16, criteriaTotal: 19, unmet: [7, 13], missing: [16] });
  });
});

describe("sets whose indicators are not in the catalog yet", () => {
  it("judges an advanced-commune form by its own target column", () => {
    const set = getBuiltInSet("xa-ntm-nang-cao-2021-2025")!;
    const u = new Evaluator({ set, region: "dbsh", year: 2024 }).evaluateUnit({
      name: "A",
      values: { "10": "70", "15.1": "96%", "17.1": "Có" },
      targets: { "10": "≥ 75 triệu đồng/người", "15.1": "≥ 95%", "17.1": "Đạt" },
    });
    expect(indicator(u, "10")).toMatchObject({ status: "not_met", gap: { type: "shortfall", amount: 5, unit: "triệu đồng/người" } });
    expect(indicator(u, "15.1").status).toBe("met");
    expect(indicator(u, "17.1").status).toBe("met");
    expect(u.criteriaTotal).toBe(19);
  });

  it("a code the set lacks, with no target, is reported, not guessed", () => {
    const set = getBuiltInSet("xa-ntm-nang-cao-2021-2025")!;
    const u = new Evaluator({ set }).evaluateUnit({ name: "A", values: { "10": 70 } });
    expect(indicator(u, "10")).toMatchObject({ status: "no_threshold", reason: { key: "indicator.unknown" } });
  });

  it("takes the criteria of a village set that lists none from the sheet's self-assessments", () => {
    const set = getBuiltInSet("ban-ntm-lai-chau-2021-2025")!;
    const u = new Evaluator({ set }).evaluateUnit({ name: "Bản Nà", values: {}, criterionAssessments: { 1: "Đạt", 2: "x", 3: "Chưa đạt" } });
    expect(u).toMatchObject({ criteriaMet: 2, criteriaTotal: 3, unmet: [3] });
  });
});

describe("many units: the district summary", () => {
  const set = getBuiltInSet("thon-ntm-bac-kan-2022-2025")!;
  const ev = new Evaluator({ set });
  const village = (name: string, group: string, unmet: number[]): UnitInput => ({
    name,
    group,
    values: {},
    criterionAssessments: Object.fromEntries(Array.from({ length: 19 }, (_, i) => [i + 1, unmet.includes(i + 1) ? "Chưa đạt" : "Đạt"])),
  });
  const results = ev.evaluateUnits([
    village("Bản Vén", "Đôn Phong", [10, 12, 13]),
    village("Bản Đán", "Đôn Phong", [10, 13, 17]),
    village("Đông Bun", "Vũ Muộn", [10]),
    village("Bản Chàn", "Vũ Muộn", []),
  ]);
  const s = summariseUnits(results);

  it("counts units by criteria met and by failing criterion, with their names", () => {
    expect(s.unitCount).toBe(4);
    expect(s.byCountMet).toEqual({ "16": 2, "18": 1, "19": 1 });
    expect(s.byUnmetCriterion).toEqual({ "10": 3, "12": 1, "13": 2, "17": 1 });
    expect(s.unitsByCountMet["16"]).toEqual([
      { name: "Bản Vén", group: "Đôn Phong" },
      { name: "Bản Đán", group: "Đôn Phong" },
    ]);
    expect(s.unitsByUnmetCriterion["10"]!.map((u) => u.name)).toEqual(["Bản Vén", "Bản Đán", "Đông Bun"]);
    expect(s.unitsMeetingAll).toEqual([{ name: "Bản Chàn", group: "Vũ Muộn" }]);
    expect(s.averageMet).toBe(69 / 4); // full precision: 17.25, printed "17,3"
  });
});
