import { describe, expect, it } from "vitest";
import { formatTarget, parseTarget } from "../shared/index.js";

describe("targets written in a template's own column", () => {
  it.each([
    ["≥ 45 triệu đồng/người", { comparator: ">=", value: 45, unit: "triệu đồng/người" }],
    [">=90%", { comparator: ">=", value: 90, unit: "%" }],
    ["=> 90 %", { comparator: ">=", value: 90, unit: "%" }],
    ["≤ 13%", { comparator: "<=", value: 13, unit: "%" }],
    ["<= 13 %", { comparator: "<=", value: 13, unit: "%" }],
    ["100%", { comparator: ">=", value: 100, unit: "%" }],
    ["≥ 01 HTX", { comparator: ">=", value: 1, unit: "HTX" }],
    ["≥ 2 m²/người", { comparator: ">=", value: 2, unit: "m²/người" }],
    ["Tối thiểu 90%", { comparator: ">=", value: 90, unit: "%" }],
    ["Không quá 13%", { comparator: "<=", value: 13, unit: "%" }],
    ["Từ 45 triệu đồng trở lên", { comparator: ">=", value: 45, unit: "triệu đồng" }],
    ["13% trở xuống", { comparator: "<=", value: 13, unit: "%" }],
    ["Dưới 5%", { comparator: "<", value: 5, unit: "%" }],
    ["Trên 50%", { comparator: ">", value: 50, unit: "%" }],
    ["≥ 42,5", { comparator: ">=", value: 42.5 }],
    ["Đạt", { comparator: "=", value: true }],
    ["Có", { comparator: "=", value: true }],
    ["Không", { comparator: "=", value: false }],
  ])("%s", (text, expected) => {
    expect(parseTarget(text)).toEqual(expected);
  });

  it("takes the indicator's comparator for a bare value", () => {
    expect(parseTarget("13%", { defaultComparator: "<=" })).toEqual({ comparator: "<=", value: 13, unit: "%" });
    expect(parseTarget(45)).toEqual({ comparator: ">=", value: 45 });
  });

  it("reads a grade with \"trở lên\"", () => {
    const grades = ["Hoàn thành nhiệm vụ", "Hoàn thành tốt nhiệm vụ"];
    expect(parseTarget("Hoàn thành tốt nhiệm vụ trở lên", { grades })).toEqual({ comparator: ">=", value: "Hoàn thành tốt nhiệm vụ" });
  });

  it.each(["", "theo quy định", "Xem ghi chú", "#N/A"])("finds no target in %j", (text) => {
    expect(parseTarget(text)).toBeUndefined();
  });

  it("writes targets back the way templates do", () => {
    for (const text of ["≥ 45 triệu đồng/người", "≤ 13%", "≥ 42,5"]) expect(formatTarget(parseTarget(text)!)).toBe(text);
    expect(formatTarget(parseTarget("Đạt")!)).toBe("Đạt");
    expect(formatTarget(parseTarget("≥ 42,5")!, "en")).toBe("≥ 42.5");
  });
});
