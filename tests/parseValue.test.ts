import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumber, parseCell, parseIndicatorValue, parseNumberText, type IndicatorShape, type ParseHints } from "../shared/index.js";

const percent = { kind: "percent" as const };
const number = { kind: "number" as const };
const yesNo = { kind: "boolean" as const };

function num(raw: unknown, shape: IndicatorShape = number, hints: ParseHints = {}) {
  const r = parseIndicatorValue(raw, shape, hints);
  if (!r.ok || r.value.type !== "number") throw new Error(`not a number: ${JSON.stringify(r)}`);
  return r.value.value;
}

describe("Vietnamese and English number formats", () => {
  it.each([
    ["42,5", 42.5],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["1.234.567", 1234567],
    ["1,234,567", 1234567],
    ["45.000", 45000],
    ["42.5", 42.5],
    ["0.85", 0.85],
    ["1 234,5", 1234.5],
    ["41,2 triệu đồng", 41.2],
    [" 45 ", 45],
    ["+3", 3],
  ])("%s -> %d", (text, expected) => {
    expect(parseNumberText(text)?.value).toBe(expected);
  });

  it("keeps the unit written after the number", () => {
    expect(parseNumberText("41,2 triệu đồng/người")).toEqual({ value: 41.2, percent: false, unit: "triệu đồng/người" });
    expect(parseNumberText("85 %")).toEqual({ value: 85, percent: true });
  });

  it.each(["1,2,3", "1.2.3", "12 3", "abc", "", "1.234,5,6"])("refuses %j", (text) => {
    expect(parseNumberText(text)).toBeUndefined();
  });

  it("reads back every number written the Vietnamese way", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), (n) => {
        const rounded = Math.round(n * 100) / 100;
        expect(parseNumberText(formatNumber(rounded, "vi"))?.value).toBeCloseTo(rounded, 6);
      }),
    );
  });

  it("reads back every number written the English way when it has two decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e8 }), fc.integer({ min: 1, max: 99 }), (int, cents) => {
        const n = int + (cents % 10 === 0 ? cents + 1 : cents) / 100;
        expect(parseNumberText(formatNumber(n, "en"))?.value).toBeCloseTo(n, 6);
      }),
    );
  });
});

describe("percents", () => {
  it("reads 0.85 from a percent-formatted cell, 85 and \"85%\" as 85 points", () => {
    expect(num(0.85, percent)).toBe(85);
    expect(num(85, percent)).toBe(85);
    expect(num("85%", percent)).toBe(85);
    expect(num("85", percent)).toBe(85);
    expect(num("14,5%", percent)).toBe(14.5);
  });

  it("follows the host's hint for small numbers", () => {
    expect(num(0.8, percent, { percentScale: "points" })).toBe(0.8);
    expect(num(0.8, percent, { percentScale: "fraction" })).toBe(80);
    expect(num(1, percent)).toBe(100);
  });

  it("refuses a rate over 100%", () => {
    const r = parseIndicatorValue("120%", percent);
    expect(r).toMatchObject({ ok: false, missing: false, reason: { key: "value.percentOutOfRange" } });
  });
});

describe("yes/no and self-assessments", () => {
  it.each([
    ["Đạt", { type: "assessment", met: true }],
    ["ĐẠT", { type: "assessment", met: true }],
    ["Chưa đạt", { type: "assessment", met: false }],
    ["Không đạt", { type: "assessment", met: false }],
    ["Có", { type: "boolean", value: true }],
    ["Không", { type: "boolean", value: false }],
    ["x", { type: "boolean", value: true }],
    ["✓", { type: "boolean", value: true }],
    ["TRUE", { type: "boolean", value: true }],
    [true, { type: "boolean", value: true }],
    [false, { type: "boolean", value: false }],
    [1, { type: "boolean", value: true }],
    [0, { type: "boolean", value: false }],
  ])("%j", (raw, expected) => {
    expect(parseIndicatorValue(raw, yesNo)).toEqual({ ok: true, value: expected });
  });

  it("accepts a self-assessment in a number cell, but not a bare yes", () => {
    expect(parseIndicatorValue("Đạt", number)).toEqual({ ok: true, value: { type: "assessment", met: true } });
    expect(parseIndicatorValue("Có", number)).toMatchObject({ ok: false, reason: { key: "value.notANumber" } });
    expect(parseIndicatorValue(true, number)).toMatchObject({ ok: false, reason: { key: "value.booleanNotExpected" } });
  });

  it("reads grades regardless of case, diacritics and \"trở lên\"", () => {
    const grade = { kind: "grade" as const, grades: ["Hoàn thành nhiệm vụ", "Hoàn thành tốt nhiệm vụ"] };
    expect(parseIndicatorValue("hoan thanh tot nhiem vu tro len", grade)).toEqual({ ok: true, value: { type: "text", value: "Hoàn thành tốt nhiệm vụ" } });
    expect(parseIndicatorValue("Xuất sắc", grade)).toMatchObject({ ok: false, reason: { key: "value.notAGrade" } });
  });
});

describe("blanks, errors and stray text", () => {
  it.each([null, undefined, "", "   ", "-", "—", "…"])("%j is missing data", (raw) => {
    expect(parseCell(raw)).toEqual({ ok: false, missing: true });
  });

  it.each(["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#ERROR!", "Loading..."])("%s is an error with its reason", (raw) => {
    expect(parseIndicatorValue(raw, number)).toMatchObject({ ok: false, missing: false, reason: { key: "value.spreadsheetError", params: { value: raw } } });
  });

  it("says why stray text is not a number, quoting it", () => {
    expect(parseIndicatorValue("khoảng bốn mươi", number)).toEqual({ ok: false, missing: false, reason: { key: "value.notANumber", params: { value: "khoảng bốn mươi" } } });
    expect(parseIndicatorValue(new Date("2024-01-02"), number)).toMatchObject({ ok: false, reason: { key: "value.dateNotExpected" } });
    expect(parseIndicatorValue("-5", number)).toMatchObject({ ok: false, reason: { key: "value.negative" } });
  });

  it("never throws, and always gives a value or a reason, for anything a host can hand over", () => {
    const anyCell = fc.oneof(
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date(),
      fc.object(),
      fc.array(fc.anything()),
      fc.constantFrom("#N/A", "1.234,5", "85%", "Đạt", "x", "✓", "-", "1,2,3"),
    );
    const shape = fc.constantFrom(number, percent, yesNo, { kind: "count" as const }, { kind: "grade" as const, grades: ["A", "B"] });
    fc.assert(
      fc.property(anyCell, shape, (raw, s) => {
        const r = parseIndicatorValue(raw, s);
        if (r.ok) expect(r.value.type).toBeTypeOf("string");
        else if (!r.missing) expect(r.reason.key).toMatch(/^value\./);
        if (r.ok && r.value.type === "number") {
          expect(Number.isFinite(r.value.value)).toBe(true);
          expect(r.value.value).toBeGreaterThanOrEqual(0);
          if (s.kind === "percent") expect(r.value.value).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
