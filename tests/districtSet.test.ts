// The national district set 2021-2025 (320/QĐ-TTg, amended by 211/QĐ-TTg): only what the sources
// give, every value with its source and unconfirmed; its Annex I conditions beside it; never chosen
// for a sheet by itself.
import { describe, expect, it } from "vitest";
import { runCli } from "../cli/ntm.js";
import {
  chooseSetForSheet,
  countThresholds,
  criteriaSetToRows,
  DistrictConditionsSchema,
  formatMessage,
  getBuiltInSet,
  getDistrictConditions,
  readWorkbookSet,
  resolveSet,
  unitNoun,
  type SheetGrid,
} from "../shared/index.js";
import { communeGrid, villageGrid } from "./fixtures/grids.js";

const ID = "huyen-ntm-2021-2025";

async function cli(args: string[]) {
  let out = "";
  let err = "";
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s), tty: false });
  return { code, out, err };
}

describe("the district set huyen-ntm-2021-2025", () => {
  const set = getBuiltInSet(ID)!;

  it("is a built-in set of level huyện, named after 320/QĐ-TTg, amended by 211/QĐ-TTg", () => {
    expect(set).toBeDefined();
    expect(set).toMatchObject({ id: ID, level: "huyen", period: { from: 2021, to: 2025 }, completeness: "structure-only", regions: [] });
    expect(set.legalBasis.map((b) => [b.document, b.date, b.confirmed])).toEqual([
      ["320/QĐ-TTg", "2022-03-08", true],
      ["211/QĐ-TTg", "2024-03-01", false],
    ]);
    expect(unitNoun(set, "vi")).toBe("huyện");
    expect(unitNoun(set, "en")).toBe("districts");
  });

  it("has 9 criteria, the names the sources give (1-5) and none invented (6-9), all unconfirmed", () => {
    expect(set.criteria.map((c) => c.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(set.criteria.map((c) => c.name)).toEqual([
      "Quy hoạch",
      "Giao thông",
      "Thủy lợi và phòng, chống thiên tai",
      "Điện",
      "Y tế - Văn hóa - Giáo dục",
      "Tiêu chí số 6",
      "Tiêu chí số 7",
      "Tiêu chí số 8",
      "Tiêu chí số 9",
    ]);
    for (const c of set.criteria) {
      expect(c.confirmed, `criterion ${c.no}`).toBe(false);
      expect(c.source).toMatch(c.no <= 5 ? /^211\/QĐ-TTg, Phụ lục V/ : /^320\/QĐ-TTg, Phụ lục I: name not retrieved$/);
    }
  });

  it("carries no indicator and no threshold: none was read", () => {
    expect(countThresholds(set)).toEqual({ total: 0, withValue: 0, confirmed: 0, indicators: 0 });
  });

  it("round-trips through NTM_BoTieuChi rows as a district set", () => {
    const back = readWorkbookSet(criteriaSetToRows(set));
    if (!back.ok) throw new Error(back.errors.map((e) => formatMessage(e.message)).join("; "));
    expect(back.set).toMatchObject({ id: ID, level: "huyen" });
    expect(back.set.criteria.map((c) => c.name)).toEqual(set.criteria.map((c) => c.name));
  });
});

describe("its Annex I conditions (shared/catalog/conditions/huyen-ntm-2021-2025.json)", () => {
  const d = getDistrictConditions(ID)!;

  it("lists each condition with its level, its document and no confirmation", () => {
    expect(d.document).toBe("320/QĐ-TTg, Phụ lục I");
    expect(d.conditions.map((c) => [c.id, c.needs, c.measure ?? null, c.comparator, c.value])).toEqual([
      ["communesStandard", "communeResults", "standard", ">=", 100],
      ["communesAdvanced", "communeResults", "advanced", ">=", 10],
      ["townsCivilised", "townResults", null, ">=", 100],
      ["satisfaction", "survey", null, ">=", 90],
      ["satisfactionCommunes", "survey", null, ">=", 80],
      ["districtCriteria", "districtCriteria", null, "=", null],
    ]);
    for (const c of d.conditions) {
      expect(c.confirmed, c.id).toBe(false);
      expect(c.source, c.id).toMatch(/^320\/QĐ-TTg, Phụ lục I/);
    }
    // The one passage read word for word.
    expect(d.conditions.find((c) => c.id === "satisfaction")!.quote).toContain("đạt từ 90% trở lên");
  });

  it("refuses a condition that would be a guess or that cannot be checked", () => {
    const base = d.conditions[0]!;
    const bad = (change: object) => DistrictConditionsSchema.safeParse({ ...d, conditions: [{ ...base, ...change }] }).success;
    expect(bad({})).toBe(true);
    expect(bad({ confirmed: true, value: null })).toBe(false);
    expect(bad({ measure: undefined })).toBe(false);
    expect(bad({ source: "a news page" })).toBe(false);
    expect(bad({ value: 120 })).toBe(false);
    expect(DistrictConditionsSchema.safeParse({ ...d, conditions: [base, base] }).success).toBe(false);
  });
});

describe("never chosen for a sheet by itself", () => {
  const titled = (title: string, grid: SheetGrid): SheetGrid => ({ ...grid, values: [[title], ...grid.values] });

  it("commune sheets, advanced ones and village sheets keep their sets", () => {
    const pick = (g: SheetGrid) => {
      const r = chooseSetForSheet(g, {});
      return r.ok ? r.choice.set.id : formatMessage(r.reason);
    };
    expect(pick(communeGrid())).toBe("xa-ntm-2021-2025");
    expect(pick(titled("TỔNG HỢP KẾT QUẢ CÁC XÃ CỦA HUYỆN CHỢ ĐỒN", communeGrid()))).toBe("xa-ntm-2021-2025");
    expect(pick(titled("KẾT QUẢ XÃ NÔNG THÔN MỚI NÂNG CAO HUYỆN NGÂN SƠN", communeGrid()))).toBe("xa-ntm-nang-cao-2021-2025");
    expect(pick(titled("THÔN NÔNG THÔN MỚI TỈNH BẮC KẠN", villageGrid()))).toBe("thon-ntm-bac-kan-2022-2025");
    // A village sheet naming no province lists the village sets only.
    const refused = pick(villageGrid());
    expect(refused).toContain("thon-ntm-bac-kan-2022-2025");
    expect(refused).not.toContain(ID);
    const fallback = resolveSet({});
    expect(fallback.ok && fallback.choice.set.id).toBe("xa-ntm-2021-2025");
  });

  it("is chosen only when named", () => {
    const r = resolveSet({ argument: ID });
    expect(r.ok && r.choice.set.id).toBe(ID);
  });
});

describe("ntm catalog --set huyen-ntm-2021-2025", () => {
  it("prints the criteria, the missing names and no threshold", async () => {
    const r = await cli(["catalog", "--set", ID]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Bộ tiêu chí quốc gia về huyện nông thôn mới giai đoạn 2021-2025 (${ID})`);
    expect(r.out).toContain("Căn cứ: 320/QĐ-TTg; 211/QĐ-TTg (chưa xác nhận)");
    expect(r.out).toContain("Ngưỡng: 0 ô, 0 có giá trị, 0 đã xác nhận");
    expect(r.out).toContain("Tiêu chí số 5: Y tế - Văn hóa - Giáo dục (chưa xác nhận)");
    expect(r.out).toContain("Tiêu chí số 9: (chưa có tên) (chưa xác nhận)");
  });

  it("and as JSON", async () => {
    const r = await cli(["catalog", "--set", ID, "--json"]);
    expect(r.code).toBe(0);
    const [doc] = JSON.parse(r.out);
    expect(doc).toMatchObject({ id: ID, thresholdCounts: { total: 0, withValue: 0, confirmed: 0, indicators: 0 } });
    expect(doc.criteria).toHaveLength(9);
  });
});
