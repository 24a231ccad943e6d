import { describe, expect, it } from "vitest";
import { CLI_STRINGS } from "../shared/i18n/cliStrings.js";
import { EN, formatNumber, parseRegionId, statusLabel, VI, REGION_IDS, REGION_NAMES, t } from "../shared/index.js";

describe("languages", () => {
  it("has the same keys in Vietnamese and English, none empty", () => {
    expect(Object.keys(EN).sort()).toEqual(Object.keys(VI).sort());
    for (const v of [...Object.values(VI), ...Object.values(EN)]) expect(v.trim()).not.toBe("");
  });

  it("the command line's table too: same keys, same placeholders, none empty", () => {
    const { vi, en } = CLI_STRINGS;
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(vi) as Array<keyof typeof vi>) {
      expect(en[key].trim(), key).not.toBe("");
      expect(ph(en[key]), key).toEqual(ph(vi[key]));
    }
  });

  it("uses the same placeholders in both languages", () => {
    for (const key of Object.keys(VI) as Array<keyof typeof VI>) {
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(ph(EN[key]), key).toEqual(ph(VI[key]));
    }
  });

  it("labels statuses as DESIGN.md says", () => {
    expect(["met", "not_met", "missing", "invalid", "no_threshold"].map((s) => statusLabel(s as never))).toEqual([
      "Đạt",
      "Chưa đạt",
      "Thiếu số liệu",
      "Dữ liệu không hợp lệ",
      "Chưa có chỉ tiêu",
    ]);
  });

  it("writes numbers the way notices do", () => {
    expect(formatNumber(17.8)).toBe("17,8");
    expect(formatNumber(1234.5)).toBe("1.234,5");
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
    expect(t("ui.criteriaMet", "vi", { met: 16, total: 19 })).toBe("đạt 16/19 tiêu chí");
  });

  it("accepts region ids and Vietnamese names with or without diacritics", () => {
    for (const id of REGION_IDS) {
      expect(parseRegionId(id)).toBe(id);
      expect(parseRegionId(id.toUpperCase())).toBe(id);
      expect(parseRegionId(REGION_NAMES[id].vi)).toBe(id);
      expect(parseRegionId(REGION_NAMES[id].vi.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d"))).toBe(id);
    }
    expect(parseRegionId("Trung du miền núi phía Bắc")).toBe("tdmnpb");
    expect(parseRegionId("vùng Tây Nguyên")).toBe("tn");
    expect(parseRegionId("Miền Trăng")).toBeUndefined();
  });
});

describe("the add-ins' own words (shared/i18n/paneStrings.json)", () => {
  it("has every key in both languages, with the same placeholders", async () => {
    const { PANE_TABLES, PANE_KEYS } = await import("../shared/i18n/paneStrings.js");
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(PANE_TABLES.en).sort()).toEqual([...PANE_KEYS].sort());
    for (const k of PANE_KEYS) {
      expect(PANE_TABLES.vi[k], k).toBeTruthy();
      expect(holes(PANE_TABLES.en[k]), k).toEqual(holes(PANE_TABLES.vi[k]));
    }
  });
});

describe("the command line's own tables (kept out of the add-ins' bundles)", () => {
  it("the HTML page, the district roll-up and the follow-up have every key in both languages, with the same placeholders", async () => {
    const { HTML_VI, HTML_EN } = await import("../shared/i18n/htmlStrings.js");
    const { ROLLUP_VI, ROLLUP_EN } = await import("../shared/i18n/rollupStrings.js");
    const { ASSIGNMENT_VI, ASSIGNMENT_EN } = await import("../shared/i18n/assignmentStrings.js");
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [vi, en] of [[HTML_VI, HTML_EN], [ROLLUP_VI, ROLLUP_EN], [ASSIGNMENT_VI, ASSIGNMENT_EN]] as Array<[Record<string, string>, Record<string, string>]>) {
      expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
      for (const k of Object.keys(vi)) {
        expect(vi[k], k).toBeTruthy();
        expect(holes(en[k]!), k).toEqual(holes(vi[k]!));
      }
    }
  });
});
