// The district roll-up (shared/app/districtRollup.ts): the district set's conditions computed from its
// communes' results, against hand-counted truths; and `ntm evaluate FOLDER` printing it.
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runCli } from "../cli/ntm.js";
import {
  districtRollup,
  evaluateSheet,
  getBuiltInSet,
  getDistrictConditions,
  rollupJson,
  rollupLines,
  type CriteriaSet,
  type DistrictConditions,
  type RollupUnit,
} from "../shared/index.js";

const xa = getBuiltInSet("xa-ntm-2021-2025")!;
const advanced = getBuiltInSet("xa-ntm-nang-cao-2021-2025")!;
const thon = getBuiltInSet("thon-ntm-bac-kan-2022-2025")!;

type Row = [name: string, marks?: Record<number, string>];
const CRITERIA = Array.from({ length: 19 }, (_, i) => `Tiêu chí ${i + 1}`);
const marks = (over: Record<number, string> = {}) => Array.from({ length: 19 }, (_, k) => over[k + 1] ?? "Đạt");

/** Communes judged by `set` from a sheet of "Đạt" / "Chưa đạt" marks (a blank is missing data). */
function judged(set: CriteriaSet, rows: Row[]): RollupUnit[] {
  const grid = { name: "Các xã", values: [["STT", "Tên xã", ...CRITERIA], ...rows.map(([name, over], i) => [i + 1, name, ...marks(over)])] };
  const ev = evaluateSheet(grid, { set });
  if (!ev.ok) throw new Error("fixture");
  return ev.results.map((result) => ({ set, result }));
}

const met = (...names: string[]): Row[] => names.map((n) => [n]);
const EIGHT = ["An Bình", "Bình Minh", "Cẩm Sơn", "Đông Hà", "Gia Lộc", "Hòa Mục", "Kim Lư", "Lam Sơn"];
const condition = (r: ReturnType<typeof districtRollup>, id: string) => r!.conditions.find((c) => c.condition.id === id)!;
const names = (refs: ReadonlyArray<{ name: string }>) => refs.map((x) => x.name);

describe("share of communes meeting the commune set (≥ 100%)", () => {
  it("8 met, 1 not met, 1 undetermined: 80%, not met even if the undetermined one met", () => {
    const units = judged(xa, [...met(...EIGHT), ["Mỹ Thanh", { 10: "Chưa đạt" }], ["Nam Cường", { 5: "" }]]);
    const r = districtRollup(units)!;
    expect(r.communes).toBe(10);
    const c = condition(r, "communesStandard");
    expect(c.status).toBe("not_met");
    expect(c.why).toBeUndefined();
    expect(c.count).toMatchObject({ sets: ["xa-ntm-2021-2025"], total: 10, share: 80 });
    expect(names(c.count!.met)).toEqual(EIGHT);
    expect(c.count!.notMet).toEqual([{ index: 8, name: "Mỹ Thanh" }]);
    expect(c.count!.undetermined).toEqual([{ index: 9, name: "Nam Cường" }]);
    expect(c.count!.notAssessed).toEqual([]);
  });

  it("9 met and 1 undetermined: 90%, undetermined (it depends on that commune)", () => {
    const r = districtRollup(judged(xa, [...met(...EIGHT, "Mỹ Thanh"), ["Nam Cường", { 17: "" }]]))!;
    const c = condition(r, "communesStandard");
    expect([c.status, c.why, c.count!.share]).toEqual(["unknown", "undetermined", 90]);
    expect(names(c.count!.undetermined)).toEqual(["Nam Cường"]);
  });

  it("all 10 met: 100%, met", () => {
    const c = condition(districtRollup(judged(xa, met(...EIGHT, "Mỹ Thanh", "Nam Cường"))), "communesStandard");
    expect([c.status, c.count!.met.length, c.count!.total, c.count!.share]).toEqual(["met", 10, 10, 100]);
  });

  it("counts a commune once when two files hold it: not met if either says so", () => {
    const first = judged(xa, met("An Bình", "Bình Minh"));
    const second = judged(xa, [["Xã An Bình", { 19: "Chưa đạt" }]]);
    const c = condition(districtRollup([...first, ...second]), "communesStandard");
    expect(c.count!.total).toBe(2);
    expect(c.count!.notMet).toEqual([{ index: 2, name: "Xã An Bình" }]);
    expect(names(c.count!.met)).toEqual(["Bình Minh"]);
  });

  it("without a commune-set result: undetermined, said why", () => {
    const c = condition(districtRollup(judged(advanced, met("An Bình"))), "communesStandard");
    expect([c.status, c.why]).toEqual(["unknown", "noStandardRun"]);
    expect(names(c.count!.notAssessed)).toEqual(["An Bình"]);
  });
});

describe("share of communes meeting the advanced set (≥ 10%)", () => {
  const ten = met(...EIGHT, "Mỹ Thanh", "Nam Cường");
  const notAdvanced = (n: string): Row => [n, { 13: "Chưa đạt" }];

  it("1 of 10 communes: exactly 10%, met", () => {
    const adv = judged(advanced, [["An Bình"], ...ten.slice(1).map(([n]) => notAdvanced(n))]);
    const c = condition(districtRollup([...judged(xa, ten), ...adv]), "communesAdvanced");
    expect([c.status, c.count!.met.length, c.count!.total, c.count!.share]).toEqual(["met", 1, 10, 10]);
    expect(c.count!.sets).toEqual(["xa-ntm-nang-cao-2021-2025"]);
    // Its position in the run: after the 10 units of the commune set.
    expect(c.count!.met).toEqual([{ index: 10, name: "An Bình" }]);
  });

  it("1 of 11 communes, the others judged and not met: 9.09%, not met", () => {
    const eleven = [...ten, ...met("Phú Lương")];
    const adv = judged(advanced, [["An Bình"], ...eleven.slice(1).map(([n]) => notAdvanced(n))]);
    const c = condition(districtRollup([...judged(xa, eleven), ...adv]), "communesAdvanced");
    expect(c.status).toBe("not_met");
    expect(c.count!.share).toBeCloseTo(100 / 11, 10);
    expect(c.count!.notMet).toHaveLength(10);
  });

  it("2 of 10 judged, neither met: undetermined, the 8 without an advanced result named", () => {
    const adv = judged(advanced, [notAdvanced("An Bình"), notAdvanced("Bình Minh")]);
    const c = condition(districtRollup([...judged(xa, ten), ...adv]), "communesAdvanced");
    expect([c.status, c.why, c.count!.share]).toEqual(["unknown", "undetermined", 0]);
    expect(names(c.count!.notAssessed)).toEqual(EIGHT.slice(2).concat(["Mỹ Thanh", "Nam Cường"]));
  });

  it("no advanced result in the run: undetermined, said why", () => {
    const c = condition(districtRollup(judged(xa, ten)), "communesAdvanced");
    expect([c.status, c.why, c.count!.notAssessed.length]).toEqual(["unknown", "noAdvancedRun", 10]);
  });
});

describe("what the communes cannot tell, and what is not communes", () => {
  it("towns, satisfaction and the district's own criteria stay undetermined", () => {
    const r = districtRollup(judged(xa, met("An Bình")))!;
    expect(r.conditions.filter((c) => !c.count).map((c) => [c.condition.id, c.status, c.why])).toEqual([
      ["townsCivilised", "unknown", "townResults"],
      ["satisfaction", "unknown", "survey"],
      ["satisfactionCommunes", "unknown", "survey"],
      ["districtCriteria", "unknown", "districtCriteria"],
    ]);
  });

  it("villages are not communes: none, nothing; mixed in, left out", () => {
    const villages = evaluateSheet(
      { name: "Thôn", values: [["STT", "Thôn, bản", "Xã", ...Array.from({ length: 19 }, (_, i) => `TC${i + 1}`)], [1, "Nà Pài", "Đôn Phong", ...marks()]] },
      { set: thon },
    );
    if (!villages.ok) throw new Error("fixture");
    const v = villages.results.map((result) => ({ set: thon, result }));
    expect(districtRollup(v)).toBeNull();
    expect(districtRollup([...v, ...judged(xa, met("An Bình", "Bình Minh"))])!.communes).toBe(2);
  });

  it("uses the conditions it is given: a level not known yet is undetermined, never guessed", () => {
    const base = getDistrictConditions()!;
    const own = (value: number | null, confirmed = false): DistrictConditions => ({
      ...base,
      conditions: [{ ...base.conditions[0]!, value, confirmed, source: "320/QĐ-TTg, Phụ lục I (test)" }],
    });
    const units = judged(xa, [...met("A1", "A2", "A3", "A4", "A5"), ...["B1", "B2", "B3", "B4", "B5"].map((n): Row => [n, { 2: "Chưa đạt" }])]);
    expect(condition(districtRollup(units, { conditions: own(null) }), "communesStandard")).toMatchObject({ status: "unknown", why: "noThreshold", count: { share: 50 } });
    expect(condition(districtRollup(units, { conditions: own(50, true) }), "communesStandard").status).toBe("met");
    expect(condition(districtRollup(units, { conditions: own(51, true) }), "communesStandard").status).toBe("not_met");
    // Confirmed levels: no "unconfirmed" note.
    expect(rollupLines(districtRollup(units, { conditions: own(50, true) })!).join("\n")).not.toContain("chưa xác nhận");
  });
});

describe("the notice's words and the JSON", () => {
  const units = judged(xa, [["An Bình"], ["Bình Minh", { 10: "Chưa đạt" }], ["Cẩm Sơn"]]);
  const r = districtRollup(units)!;

  it("in Vietnamese, names behind each number", () => {
    const lines = rollupLines(r, "vi");
    expect(lines.slice(0, 4)).toEqual([
      "ĐIỀU KIỆN HUYỆN ĐẠT CHUẨN NÔNG THÔN MỚI (320/QĐ-TTg, Phụ lục I), tính từ kết quả của 03 xã",
      "- Có 100% số xã trên địa bàn đạt chuẩn nông thôn mới (≥ 100%, mức chưa xác nhận): Chưa đạt: 2/3 xã (66,7%).",
      "  + Đạt chuẩn: 02 xã (An Bình, Cẩm Sơn).",
      "  + Chưa đạt chuẩn: 01 xã (Bình Minh).",
    ]);
    expect(lines[4]).toBe(
      "- Có ít nhất 10% số xã trên địa bàn đạt chuẩn nông thôn mới nâng cao (≥ 10%, mức chưa xác nhận): Chưa xác định: lần đánh giá này không có xã nào được đánh giá theo bộ tiêu chí xã nông thôn mới nâng cao (xa-ntm-nang-cao-2021-2025).",
    );
    // Without an advanced run there is no list: every commune would be on it.
    expect(lines[5]).toMatch(/^- 100% thị trấn trên địa bàn \(nếu có\) đạt tiêu chí đô thị văn minh \(≥ 100%, mức chưa xác nhận\): Chưa xác định: /);
    expect(lines).toContain("- Đạt chuẩn các tiêu chí của Bộ tiêu chí quốc gia về huyện nông thôn mới (Chưa có chỉ tiêu): Chưa xác định: cần kết quả các tiêu chí của huyện; danh mục chưa có chỉ tiêu của bộ tiêu chí huyện.");
    expect(lines.slice(-2)).toEqual([
      "Lưu ý: tỷ lệ tính trên 03 xã có trong lần đánh giá này; nếu huyện còn xã khác thì tỷ lệ sẽ khác.",
      "Các mức theo 320/QĐ-TTg, Phụ lục I chưa được đối chiếu với văn bản (chưa xác nhận).",
    ]);
  });

  it("in English", () => {
    const lines = rollupLines(r, "en");
    expect(lines[0]).toBe("DISTRICT CONDITIONS FOR THE NEW-RURAL STANDARD (320/QĐ-TTg, Phụ lục I), from the results of 3 communes");
    expect(lines[1]).toBe("- 100% of the district's communes meet the new-rural standard (≥ 100%, unconfirmed level): Not met: 2/3 communes (66.7%).");
    expect(lines[3]).toBe("  + Not meeting it: 1 commune (Bình Minh).");
  });

  it("as JSON: unit numbers through the caller's positions", () => {
    const doc = rollupJson(r, "vi", (i) => i + 100);
    expect(doc).toMatchObject({ set: "huyen-ntm-2021-2025", document: "320/QĐ-TTg, Phụ lục I", communes: 3 });
    expect(doc.conditions[0]).toMatchObject({
      id: "communesStandard",
      status: "not_met",
      threshold: 100,
      comparator: ">=",
      confirmed: false,
      count: 2,
      total: 3,
      met: [100, 102],
      notMet: [101],
      undetermined: [],
      notAssessed: [],
    });
    expect(doc.conditions[0]!.share).toBeCloseTo(200 / 3, 10);
    expect(doc.conditions[2]).toEqual(expect.objectContaining({ id: "townsCivilised", status: "unknown", why: "townResults" }));
    expect(doc.conditions[2]).not.toHaveProperty("count");
    expect(doc.report).toEqual(rollupLines(r, "vi"));
  });
});

// ---- The command line: a folder of the district's communes.

async function book(file: string, sheet: string, rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

async function cli(args: string[]) {
  let out = "";
  let err = "";
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s), tty: false });
  return { code, out, err };
}

describe("ntm evaluate FOLDER", () => {
  it("prints the roll-up after the summary and puts districtRollup in the JSON", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ntm-rollup-"));
    const folder = path.join(dir, "huyen");
    mkdirSync(folder);
    const head = ["STT", "Tên xã", ...CRITERIA];
    await book(path.join(folder, "a-cac-xa.xlsx"), "Các xã", [["TỔNG HỢP CÁC XÃ NĂM 2024"], head, [1, "An Bình", ...marks()], [2, "Bình Minh", ...marks({ 10: "Chưa đạt" })], [3, "Cẩm Sơn", ...marks()]]);
    await book(path.join(folder, "b-nang-cao.xlsx"), "Nâng cao", [["KẾT QUẢ XÃ NÔNG THÔN MỚI NÂNG CAO NĂM 2024"], head, [1, "An Bình", ...marks()]]);
    const out = path.join(dir, "out");

    const json = await cli(["evaluate", folder, "--out", out, "--json"]);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.out);
    expect(doc.files.map((f: { set: string }) => f.set)).toEqual(["xa-ntm-2021-2025", "xa-ntm-nang-cao-2021-2025"]);
    const [standard, adv] = doc.districtRollup.conditions;
    expect(doc.districtRollup.communes).toBe(3);
    // Hand count: 2 of 3 communes meet the commune set (66.7% < 100%); 1 of 3 the advanced set (33.3% ≥ 10%).
    expect(standard).toMatchObject({ status: "not_met", count: 2, total: 3, met: [0, 2], notMet: [1] });
    expect(adv).toMatchObject({ status: "met", count: 1, total: 3, met: [3], notAssessed: [1, 2] });
    expect(doc.units[3]).toMatchObject({ name: "An Bình", file: expect.stringContaining("b-nang-cao.xlsx") });

    const text = await cli(["evaluate", folder, "--out", out]);
    expect(text.code).toBe(0);
    const at = (s: string) => text.out.indexOf(s);
    expect(at("ĐIỀU KIỆN HUYỆN ĐẠT CHUẨN NÔNG THÔN MỚI")).toBeGreaterThan(at("TỔNG HỢP (xa-ntm-2021-2025)"));
    expect(at("KHẢ NĂNG VỀ ĐÍCH")).toBeGreaterThan(at("ĐIỀU KIỆN HUYỆN"));
    expect(text.out).toContain("(≥ 10%, mức chưa xác nhận): Đạt: 1/3 xã (33,3%).");

    // The combined report: the roll-up of the whole folder on its first sheet (the commune set's), after the road.
    const combined = new ExcelJS.Workbook();
    await combined.xlsx.readFile(path.join(out, "NTM_BaoCao.xlsx"));
    const column = (name: string) => Array.from(combined.getWorksheet(name)!.getColumn(1).values, (v) => String(v ?? ""));
    const first = column("NTM_BaoCao");
    const title = first.findIndex((l) => l.startsWith("ĐIỀU KIỆN HUYỆN ĐẠT CHUẨN NÔNG THÔN MỚI"));
    expect(title).toBeGreaterThan(first.findIndex((l) => l.startsWith("KHẢ NĂNG VỀ ĐÍCH")));
    expect(first.slice(title).join("\n")).toContain("Đạt: 1/3 xã (33,3%).");
    expect(column("NTM_BaoCao_2").some((l) => l.startsWith("ĐIỀU KIỆN HUYỆN"))).toBe(false);
  });

  it("says nothing of a district for one commune's form", async () => {
    const r = await cli(["evaluate", path.resolve("samples", "xa-thanh-van-tu-danh-gia-2024.xlsx"), "--out", path.join(mkdtempSync(path.join(tmpdir(), "ntm-rollup-")), "x.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).not.toHaveProperty("districtRollup");
  });
});
