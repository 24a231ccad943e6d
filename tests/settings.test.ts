// One settings schema for every host: each field checked, a damaged one dropped alone.
import { describe, expect, it } from "vitest";
import { columnChoiceText, isAssessmentYear, parseColumnChoice, parseRegionId, parseSettings } from "../shared/index.js";

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
