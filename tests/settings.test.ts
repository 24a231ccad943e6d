// One settings schema for every host: each field checked, a damaged one dropped alone.
import { describe, expect, it } from "vitest";
import { columnChoiceText, decodeRecord, encodeRecord, isAssessmentYear, parseColumnChoice, parseRegionId, parseSettings, recordFromText, recordToText, splitChunks, unitKey } from "../shared/index.js";

describe("settings", () => {
  it("reads every field, in any spelling the hosts store", () => {
    expect(parseSettings('{"setId":" XA-NTM-2021-2025 ","region":"Trung du và miền núi phía Bắc","year":2024,"lang":"en"}')).toEqual({ setId: "xa-ntm-2021-2025", region: "tdmnpb", year: 2024, lang: "en" });
    expect(parseSettings({ region: "dbscl" })).toEqual({ region: "dbscl", lang: "vi" });
  });

  it("drops a damaged field and keeps the others", () => {
    expect(parseSettings('{"setId":"../x","region":"Miền Trăng","year":2024,"lang":"fr"}')).toEqual({ year: 2024, lang: "vi" });
    expect(parseSettings({ year: 2024.5, region: "tn" })).toEqual({ region: "tn", lang: "vi" });
    expect(parseSettings("not json")).toEqual({ lang: "vi" });
    expect(parseSettings(null)).toEqual({ lang: "vi" });
  });

  it("no set means: the workbook's own, else read from the sheet", () => {
    expect(parseSettings("{}").setId).toBeUndefined();
  });

  it("a region named like an object's own member is no region", () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(parseRegionId(name)).toBeUndefined();
      expect(parseSettings({ region: name }).region).toBeUndefined();
    }
  });

  it("one year range", () => {
    expect([1999, 2000, 2024, 2100, 2101, 2024.5, "2024"].map(isAssessmentYear)).toEqual([false, true, true, true, false, false, false]);
  });
});

describe("a column choice, one grammar on every host", () => {
  it("reads indicators, criteria and 'ignore' in every spelling the hosts send", () => {
    expect(["i:10", "10", " 15.1 ", { indicator: "17.10" }].map(parseColumnChoice)).toEqual([{ indicator: "10" }, { indicator: "10" }, { indicator: "15.1" }, { indicator: "17.10" }]);
    expect(["c:7", "tc:7", "TC 7", { criterion: 19 }].map(parseColumnChoice)).toEqual([{ criterion: 7 }, { criterion: 7 }, { criterion: 7 }, { criterion: 19 }]);
    expect(parseColumnChoice("ignore")).toBe("ignore");
  });

  it("refuses what would make a column drop out silently", () => {
    for (const bad of ["c:0", "c:-5", { criterion: 1e300 }, { criterion: 0 }, "0", "10.1.2", "abc", "", null, 7]) expect(parseColumnChoice(bad), JSON.stringify(bad)).toBeUndefined();
  });

  it("writes back what it reads", () => {
    for (const text of ["i:10", "i:15.1", "c:7", "ignore"]) expect(columnChoiceText(parseColumnChoice(text)!)).toBe(text);
  });
});

describe("the highlight record, one codec on every host", () => {
  const record = {
    version: 1 as const,
    sheet: "Thôn 2024",
    fills: [
      { row: 5, col: 12, original: null },
      { row: 6, col: 12, original: null },
      { row: 7, col: 12, original: "#FFFF00" },
      { row: 5, col: 15, original: "#FFFF00" },
    ],
    notes: [
      { row: 5, col: 12 },
      { row: 6, col: 12 },
    ],
    ownedColumns: [23, 24, 25],
    ownedRows: [3, 5, 6, 7, 8],
  };
  const sorted = (r: typeof record) => ({ ...r, fills: [...r.fills].sort((a, b) => a.col - b.col || a.row - b.row), notes: [...r.notes].sort((a, b) => a.col - b.col || a.row - b.row) });

  it("comes back identical from text and from the stored object, at any origin", () => {
    expect(sorted(recordFromText(recordToText(record)) as typeof record)).toEqual(sorted(record));
    const origin = { row: 2, col: 1 };
    expect(sorted(decodeRecord(encodeRecord(record, origin), origin) as typeof record)).toEqual(sorted(record));
    expect(encodeRecord(record).fills[""]!["12"]).toEqual([[5, 6]]);
  });

  it("reads the Sheets add-on's first format, and says nothing of garbage", () => {
    const first = JSON.stringify({ v: 1, s: "S", p: [null, "#FFFF00"], f: "5.12.0,7.12.1", n: "5.12", c: [23], r: "3,5-7" });
    expect(recordFromText(first)).toEqual({ version: 1, sheet: "S", fills: [{ row: 5, col: 12, original: null }, { row: 7, col: 12, original: "#FFFF00" }], notes: [{ row: 5, col: 12 }], ownedColumns: [23], ownedRows: [3, 5, 6, 7] });
    expect(recordFromText("not json")).toBeUndefined();
    expect(recordFromText('{"v":9}')).toBeUndefined();
  });

  it("splits into chunks that join back", () => {
    const text = recordToText(record);
    expect(splitChunks(text, 7).join("")).toBe(text);
    expect(splitChunks(text, 7).every((c) => c.length <= 7)).toBe(true);
  });
});

describe("the stable unit key of the result contract", () => {
  it("matches the same unit across spellings, and keeps communes apart", () => {
    expect(unitKey({ name: "Thôn Đông Bun", group: "Vũ Muộn" })).toBe(unitKey({ name: "đông bun", group: "Xã VŨ MUỘN" }));
    expect(unitKey({ name: "Xã Bằng Lãng" })).toBe(unitKey({ name: "Bằng Lãng".normalize("NFD") }));
    expect(unitKey({ name: "Nà Pài", group: "Đôn Phong" })).not.toBe(unitKey({ name: "Nà Pài", group: "Vũ Muộn" }));
  });
});
