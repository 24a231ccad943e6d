// The road to certification on the command line, over real .xlsx files written with exceljs:
// `ntm evaluate --target`, the report sheet of the copy and of a folder, `--json`'s "road", and
// `ntm compare`'s income growth. Every expected line and figure is worked out by hand.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { cli } from "./support/cli.js";
import { saveBook, sheetRows as rowsOf } from "./support/xlsxFiles.js";

const save = (wb: ExcelJS.Workbook, name: string, folder = dir) => saveBook(wb, folder, name);

let dir: string;

const MARKS = [1, 2, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19];
type Commune = [name: string, unmet: number[], income: unknown, c31?: unknown, c153?: unknown];

/** A district's commune sheet: "Tiêu chí n" marks, the income, 3.1, 3.2 and 15.3 as figures. */
function communeBook(year: number, communes: Commune[], provinceIncome2025?: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`Các xã ${year}`);
  ws.addRow([`TỔNG HỢP KẾT QUẢ THỰC HIỆN TIÊU CHÍ NÔNG THÔN MỚI CÁC XÃ NĂM ${year}`]);
  ws.addRow(["TT", "Tên xã", ...MARKS.map((n) => `Tiêu chí ${n}`), "10. Thu nhập (tr.đ/người)", "Chỉ tiêu 3.1 (%)", "Chỉ tiêu 3.2", "Chỉ tiêu 15.3 (%)"]);
  communes.forEach(([name, unmet, income, c31 = "85%", c153 = ""], i) => ws.addRow([i + 1, name, ...MARKS.map((n) => (unmet.includes(n) ? "Chưa đạt" : "Đạt")), income, c31, "Đạt", c153]));
  if (provinceIncome2025 !== undefined) {
    // The province's own 2025 income target, as a user writes it on NTM_BoTieuChi (README's example).
    const set = wb.addWorksheet("NTM_BoTieuChi");
    set.addRow(["Mã bộ tiêu chí", "xa-ntm-tinh-x-2021-2025"]);
    set.addRow(["Kế thừa", "xa-ntm-2021-2025"]);
    set.addRow(["Tiêu chí số", "Mã chỉ tiêu", "Loại", "So sánh", "Vùng", "Năm", "Ngưỡng", "Nguồn"]);
    set.addRow([10, "10", "số", "≥", "tdmnpb", 2025, provinceIncome2025, "QĐ .../QĐ-UBND"]);
  }
  return wb;
}

/** Bắc Kạn's villages under their communes, "Đạt / Chưa đạt" per criterion, a blank for missing data. */
function villageBook(villages: Array<[xa: string, thon: string, unmet: number[], missing?: number[]]>): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Thôn 2024");
  ws.addRow(["BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ THÔN NÔNG THÔN MỚI NĂM 2024 - HUYỆN NA RÌ, TỈNH BẮC KẠN"]);
  ws.addRow(["STT", "Thôn, bản", "Tiêu chí", ...Array(18).fill(""), "Ghi chú"]);
  ws.addRow(["", "", ...Array.from({ length: 19 }, (_, i) => i + 1), ""]);
  ws.mergeCells("A2:A3");
  ws.mergeCells("B2:B3");
  ws.mergeCells("C2:U2");
  let stt = 0;
  let group = "";
  for (const [xa, thon, unmet, missing = []] of villages) {
    if (xa !== group) ws.addRow(["", `Xã ${(group = xa)}`]);
    ws.addRow([++stt, thon, ...Array.from({ length: 19 }, (_, i) => (missing.includes(i + 1) ? "" : unmet.includes(i + 1) ? "Chưa đạt" : "Đạt")), ""]);
  }
  return wb;
}

// Region tdmnpb, 2024: income ≥ 45, 3.1 ≥ 80%, 15.3 ≤ 24%.
const DISTRICT: Commune[] = [
  ["Yên Phong", [], 46], // every criterion met
  ["Đông Tiến", [], "41,2"], // 10: 3,8 short -> 3,8/45
  ["Tam Giang", [17], 44, "75%"], // 3 (5 points short), 10 (1 short), 17: three to go
  ["Hòa Sơn", [], 50, "90%", "26,5%"], // 15.3 2,5 points over 24
  ["Bắc Lý", [7], 47], // 7 by its mark: nothing to measure
];

const files: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "ntm-road-"));
  files.district = await save(communeBook(2024, DISTRICT), "cac-xa-2024.xlsx");
  files.villages = await save(villageBook([["Đôn Phong", "Bản Vén", [10, 12, 13]], ["Đôn Phong", "Nà Lẹng", [10]], ["Vũ Muộn", "Nà Pài", []], ["Vũ Muộn", "Bản Chàn", [13], [5]]]), "thon-2024.xlsx");
  files.x22 = await save(communeBook(2022, [["Yên Phong", [], 38], ["Đông Tiến", [], 36], ["Tam Giang", [], 50]]), "cac-xa-2022.xlsx");
  files.x23 = await save(communeBook(2023, [["Yên Phong", [], 40], ["Đông Tiến", [], "39,6"], ["Tam Giang", [], 52]]), "cac-xa-2023.xlsx");
  files.x23p = await save(communeBook(2023, [["Yên Phong", [], 40], ["Đông Tiến", [], "39,6"], ["Tam Giang", [], 52]], 50), "cac-xa-2023-tinh.xlsx");
});

describe("ntm evaluate --target: the road after the summary", () => {
  it("ranks the communes, groups the close ones and checks the target, in Vietnamese", async () => {
    const out = path.join(dir, "district.ntm.xlsx");
    const r = await cli(["evaluate", files.district!, "--region", "tdmnpb", "--year", "2024", "--target", "4/2025", "--out", out]);
    expect(r.code, r.err).toBe(0);
    const road = r.out.indexOf("KHẢ NĂNG VỀ ĐÍCH NÔNG THÔN MỚI (xa-ntm-2021-2025)");
    expect(road).toBeGreaterThan(r.out.indexOf("TỔNG HỢP (xa-ntm-2021-2025)"));
    const lines = r.out.slice(road).split("\n");
    expect(lines.slice(1, 13)).toEqual([
      "Mục tiêu: 4/5 xã đạt chuẩn năm 2025; hiện đạt 1/5, còn 3 xã",
      "- Đã đạt chuẩn: 01 xã (Yên Phong).",
      "- Cần thêm 3 xã để đạt mục tiêu; gần về đích nhất: 03 xã (Đông Tiến, Hòa Sơn, Bắc Lý).",
      "- Có thể về đích năm 2025 (thiếu ≤ 2 tiêu chí): 03 xã (Đông Tiến, Hòa Sơn, Bắc Lý).",
      "- Thiếu 1 tiêu chí: 03 xã (Đông Tiến, Hòa Sơn, Bắc Lý).",
      "- Thiếu từ 3 tiêu chí trở lên: 01 xã (Tam Giang).",
      "  1. Đông Tiến: còn 1 tiêu chí (chưa đạt: 10); 10: 41,2 / ≥ 45 triệu đồng/người: thiếu 3,8 triệu đồng/người",
      "  2. Hòa Sơn: còn 1 tiêu chí (chưa đạt: 15); 15.3: 26,5% / ≤ 24%: vượt 2,5 điểm phần trăm",
      "  3. Bắc Lý: còn 1 tiêu chí (chưa đạt: 7)",
      "  4. Tam Giang: còn 3 tiêu chí (chưa đạt: 3, 10, 17); 3.1: 75% / ≥ 80%: thiếu 5 điểm phần trăm; 10: 44 / ≥ 45 triệu đồng/người: thiếu 1 triệu đồng/người",
      "",
      expect.stringMatching(/^Lưu ý: bản sao/),
    ]);
    // The copy's report sheet: the district report, then the same road below it.
    const report = await rowsOf(out, "NTM_BaoCao");
    const title = report.findIndex((row) => row[0] === "KHẢ NĂNG VỀ ĐÍCH NÔNG THÔN MỚI");
    expect(title).toBeGreaterThan(report.findIndex((row) => row[0] === "STT"));
    expect(report[title - 1]).toEqual([]);
    expect(report[title + 1]).toEqual(["Mục tiêu: 4/5 xã đạt chuẩn năm 2025; hiện đạt 1/5, còn 3 xã"]);
    const header = report.findIndex((row) => row[0] === "Thứ tự");
    expect(report.slice(header, header + 5)).toEqual([
      ["Thứ tự", "Tên", "Số tiêu chí còn thiếu", "Chưa đạt", "Thiếu số liệu", "Chưa có chỉ tiêu", "Khoảng cách đến mức yêu cầu"],
      [1, "Đông Tiến", 1, "10", "", "", "10: 41,2 / ≥ 45 triệu đồng/người: thiếu 3,8 triệu đồng/người"],
      [2, "Hòa Sơn", 1, "15", "", "", "15.3: 26,5% / ≤ 24%: vượt 2,5 điểm phần trăm"],
      [3, "Bắc Lý", 1, "7"],
      [4, "Tam Giang", 3, "3, 10, 17", "", "", "3.1: 75% / ≥ 80%: thiếu 5 điểm phần trăm; 10: 44 / ≥ 45 triệu đồng/người: thiếu 1 triệu đồng/người"],
    ]);
  });

  it("--json: a road object with the ranking, the distances and the target check", async () => {
    const r = await cli(["evaluate", files.district!, "--region", "tdmnpb", "--year", "2024", "--target", "4/2025", "--out", path.join(dir, "d2.ntm.xlsx"), "--json"]);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    const road = doc.road;
    expect(road).toMatchObject({ set: "xa-ntm-2021-2025", within: 2, met: [0], ranking: [1, 3, 4, 2], close: [1, 3, 4] });
    expect(road.target).toEqual({ count: 4, year: 2025, total: 5, met: 1, need: 3, reached: false, overTotal: false, closest: [1, 3, 4] });
    expect(road.byRemaining).toEqual([
      { remaining: 1, orMore: false, units: [1, 3, 4] },
      { remaining: 3, orMore: true, units: [2] },
    ]);
    // Indexes point into the document's units.
    expect(road.ranking.map((i: number) => doc.units[i].name)).toEqual(["Đông Tiến", "Hòa Sơn", "Bắc Lý", "Tam Giang"]);
    const tam = road.units.find((u: { name: string }) => u.name === "Tam Giang");
    expect(tam).toMatchObject({ index: 2, key: "/tam giang", rank: 4, remaining: [3, 10, 17], unmet: [3, 10, 17], missing: [], noThreshold: [] });
    expect(tam.distances).toEqual([
      { criterion: 3, code: "3.1", value: 75, threshold: 80, comparator: ">=", unit: "%", kind: "shortfall", amount: 5, relative: 5 / 80 },
      { criterion: 10, code: "10", value: 44, threshold: 45, comparator: ">=", unit: "triệu đồng/người", kind: "shortfall", amount: 1, relative: 1 / 45 },
    ]);
    expect(tam.relativeShortfall).toBeCloseTo(5 / 80 + 1 / 45, 12);
    expect(road.units.find((u: { name: string }) => u.name === "Bắc Lý")).toMatchObject({ distances: [], relativeShortfall: null });
    expect(road.report[0]).toBe("Mục tiêu: 4/5 xã đạt chuẩn năm 2025; hiện đạt 1/5, còn 3 xã");
    // Without --target: no target check, the rest the same.
    const plain = JSON.parse((await cli(["evaluate", files.district!, "--region", "tdmnpb", "--year", "2024", "--out", path.join(dir, "d3.ntm.xlsx"), "--json"])).out);
    expect(plain.road.target).toBeNull();
    expect(plain.road.ranking).toEqual([1, 3, 4, 2]);
  });

  it("villages: thôn, grouped by commune, missing data counted; English too", async () => {
    const vi = await cli(["evaluate", files.villages!, "--year", "2024", "--target", "3/2025", "--out", path.join(dir, "v.ntm.xlsx")]);
    expect(vi.code, vi.err).toBe(0);
    expect(vi.out).toContain("Mục tiêu: 3/4 thôn đạt chuẩn năm 2025; hiện đạt 1/4, còn 2 thôn");
    expect(vi.out).toContain("- Đã đạt chuẩn: 01 thôn (Nà Pài xã Vũ Muộn).");
    expect(vi.out).toContain("- Có thể về đích năm 2025 (thiếu ≤ 2 tiêu chí): 02 thôn (Nà Lẹng xã Đôn Phong; Bản Chàn xã Vũ Muộn).");
    expect(vi.out).toContain("  2. Bản Chàn xã Vũ Muộn: còn 2 tiêu chí (chưa đạt: 13; thiếu số liệu: 5)");
    expect(vi.out.slice(vi.out.indexOf("KHẢ NĂNG VỀ ĐÍCH"))).not.toMatch(/\d xã\b/);
    const en = await cli(["evaluate", files.villages!, "--year", "2024", "--target", "3/2025", "--out", path.join(dir, "v2.ntm.xlsx"), "--lang", "en"]);
    expect(en.out).toContain("Target: 3/4 villages meeting the standard by 2025; 1/4 now, 2 villages to go");
    expect(en.out).toContain("- Could meet the standard by 2025 (≤ 2 criteria to go): 2 villages (Nà Lẹng (commune Đôn Phong); Bản Chàn (commune Vũ Muộn)).");
  });

  it("--target 1/xã/2025: \"mỗi xã 01 thôn\", commune by commune, in the text, the copy's report and --json", async () => {
    const out = path.join(dir, "v-per-commune.ntm.xlsx");
    const r = await cli(["evaluate", files.villages!, "--year", "2024", "--target", "1/xã/2025", "--out", out]);
    expect(r.code, r.err).toBe(0);
    // Vũ Muộn has Nà Pài; Đôn Phong has none, Nà Lẹng (10) is its closest.
    expect(r.out).toContain("Mục tiêu: mỗi xã có 01 thôn đạt chuẩn năm 2025; hiện 1/2 xã đã có, còn 1 xã");
    expect(r.out).toContain("- Xã đã có đủ: 01 xã (Vũ Muộn).");
    expect(r.out).toContain("- Xã Đôn Phong: đạt chuẩn 0/1 thôn; gần về đích nhất: Nà Lẹng (còn 1 tiêu chí).");
    expect((await rowsOf(out, "NTM_BaoCao")).flat()).toContain("- Xã Đôn Phong: đạt chuẩn 0/1 thôn; gần về đích nhất: Nà Lẹng (còn 1 tiêu chí).");
    const json = await cli(["evaluate", files.villages!, "--year", "2024", "--target", "2/xa/2025", "--json"]);
    const doc = JSON.parse(json.out);
    const at = (i: number) => doc.units[i].name;
    expect(doc.road.target).toMatchObject({ perCommune: true, count: 2, total: 2, met: 0, need: 2, reached: false, ungrouped: 0 });
    expect(doc.road.target.communes.map((c: { commune: string; met: number; need: number; closest: number[] }) => [c.commune, c.met, c.need, c.closest.map(at)])).toEqual([
      ["Đôn Phong", 0, 2, ["Nà Lẹng", "Bản Vén"]],
      ["Vũ Muộn", 1, 1, ["Bản Chàn"]],
    ]);
  });

  it("a folder: the combined report carries the road, and --json's indexes point into its units", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "ntm-road-folder-"));
    await save(communeBook(2024, DISTRICT.slice(0, 2)), "a.xlsx", folder);
    await save(communeBook(2024, DISTRICT.slice(2)), "b.xlsx", folder);
    const r = await cli(["evaluate", folder, "--region", "tdmnpb", "--year", "2024", "--target", "5/2025", "--json"]);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.units.map((u: { name: string }) => u.name)).toEqual(["Yên Phong", "Đông Tiến", "Tam Giang", "Hòa Sơn", "Bắc Lý"]);
    expect(doc.road.ranking).toEqual([1, 3, 4, 2]);
    expect(doc.road.target).toMatchObject({ count: 5, total: 5, met: 1, need: 4, closest: [1, 3, 4, 2] });
    expect(doc.otherRoads).toBeUndefined();
    const report = await rowsOf(path.join(folder, "NTM_BaoCao.xlsx"), "NTM_BaoCao");
    expect(report.flat()).toContain("Mục tiêu: 5/5 xã đạt chuẩn năm 2025; hiện đạt 1/5, còn 4 xã");
  });
});

describe("a malformed --target: exit 2, a message naming what was expected", () => {
  for (const bad of ["12-2025", "12/25", "0/2025", "mười hai", "12/2025/1", "12/2101", "1/thôn/2025", "0/xã/2025"]) {
    it(`--target ${bad}`, async () => {
      const r = await cli(["evaluate", files.district!, "--target", bad]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`ntm: --target cần số đơn vị và năm mục tiêu dạng SỐ/NĂM, ví dụ --target 12/2025 (12 xã đạt chuẩn năm 2025; số từ 1, năm từ 2000 đến 2100) hoặc --target 1/xã/2025 (mỗi xã 01 thôn đạt chuẩn năm 2025), nhận "${bad}"`);
      expect(r.out).toBe("");
    });
  }
  it("in English, and with the value missing", async () => {
    const en = await cli(["evaluate", files.district!, "--target", "twelve", "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.err).toContain('--target expects the number of units and the target year as COUNT/YEAR, e.g. --target 12/2025 (12 communes meeting the standard by 2025; a count from 1, a year from 2000 to 2100) or --target 1/xã/2025 (1 village in every commune by 2025), got "twelve"');
    const none = await cli(["evaluate", files.district!, "--target"]);
    expect(none.code).toBe(2);
  });
});

describe("ntm compare: the income growth had and needed per year", () => {
  it("to the 2024 target (45 for tdmnpb, unconfirmed): hand-computed rates", async () => {
    const r = await cli(["compare", files.x22!, files.x23!, "--region", "tdmnpb", "--year", "2022,2023", "--target-year", "2024", "--json"]);
    expect(r.code, r.err).toBe(0);
    const g = JSON.parse(r.out).incomeGrowth;
    expect(g).toMatchObject({ indicator: { criterion: 10, code: "10", unit: "triệu đồng/người", comparator: ">=" }, targetYear: 2024, threshold: 45, thresholdConfirmed: false, thresholdOrigin: "catalog" });
    const by = Object.fromEntries(g.units.map((u: { name: string }) => [u.name, u]));
    // Yên Phong 38 -> 40: +5,263%; to 45 in a year: +12,5%, 5 a year.
    expect(by["Yên Phong"].hadPerYear).toBeCloseTo((40 / 38 - 1) * 100, 10);
    expect(by["Yên Phong"]).toMatchObject({ neededPerYear: 12.5, neededAmountPerYear: 5, onTrack: false, status: "needed" });
    // Đông Tiến 36 -> 39,6: +10%; to 45: +13,636%.
    expect(by["Đông Tiến"].hadPerYear).toBeCloseTo(10, 10);
    expect(by["Đông Tiến"].neededPerYear).toBeCloseTo((45 / 39.6 - 1) * 100, 10);
    expect(by["Tam Giang"]).toMatchObject({ status: "reached", neededPerYear: null });
    const text = await cli(["compare", files.x22!, files.x23!, "--region", "tdmnpb", "--year", "2022,2023", "--target-year", "2024"]);
    expect(text.out).toContain("Tốc độ tăng thu nhập (chỉ tiêu 10) cần để đạt mức năm 2024 (≥ 45 triệu đồng/người, chưa xác nhận):");
    expect(text.out).toContain("- Đông Tiến: 36 (2022) → 39,6 (2023); đã tăng 10%/năm; cần tăng 13,6%/năm (khoảng 5,4 triệu đồng/người/năm) đến năm 2024: cần tăng nhanh hơn");
  });

  it("by default the set's last year (2025), whose threshold the catalog does not hold: said, not computed", async () => {
    const r = await cli(["compare", files.x22!, files.x23!, "--region", "tdmnpb", "--year", "2022,2023", "--json"]);
    expect(r.code, r.err).toBe(0);
    const g = JSON.parse(r.out).incomeGrowth;
    expect(g).toMatchObject({ targetYear: 2025, threshold: null, thresholdUnknown: "unconfirmed" });
    expect(g.units.map((u: { status: string; neededPerYear: unknown }) => [u.status, u.neededPerYear])).toEqual([
      ["unknownThreshold", null],
      ["unknownThreshold", null],
      ["unknownThreshold", null],
    ]);
    expect(g.report[1]).toMatch(/^- Chưa biết mức thu nhập năm 2025 vùng Trung du và miền núi phía Bắc \(bộ tiêu chí có mức này nhưng giá trị chưa được xác nhận/);
    const en = await cli(["compare", files.x22!, files.x23!, "--region", "tdmnpb", "--year", "2022,2023", "--lang", "en"]);
    expect(en.out).toContain("- The income target for 2025 region Northern Midlands and Mountains is not known");
    expect(en.out).toContain("- Đông Tiến: 36 (2022) → 39.6 (2023); grew 10% a year");
  });

  it("the later file's NTM_BoTieuChi gives 2025's target: the growth needed is computed from it", async () => {
    const r = await cli(["compare", files.x22!, files.x23p!, "--region", "tdmnpb", "--year", "2022,2023", "--json"]);
    expect(r.code, r.err).toBe(0);
    const g = JSON.parse(r.out).incomeGrowth;
    expect(g).toMatchObject({ targetYear: 2025, threshold: 50, thresholdOrigin: "workbook", thresholdSource: "QĐ .../QĐ-UBND" });
    // Yên Phong 40 (2023) -> 50 (2025): sqrt(1,25) - 1 = 11,803%/year, 5 a year.
    const yp = g.units.find((u: { name: string }) => u.name === "Yên Phong");
    expect(yp.neededPerYear).toBeCloseTo((Math.sqrt(1.25) - 1) * 100, 10);
    expect(yp.neededAmountPerYear).toBe(5);
  });

  it("villages of a set without an income indicator, and a malformed --target-year", async () => {
    const r = await cli(["compare", files.villages!, files.villages!, "--year", "2023,2024", "--json"]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).incomeGrowth).toEqual({ error: "noIndicator", report: ["Bộ tiêu chí thon-ntm-bac-kan-2022-2025 không có chỉ tiêu thu nhập có mức theo năm: không tính được tốc độ tăng thu nhập."] });
    const bad = await cli(["compare", files.x22!, files.x23!, "--target-year", "năm sau"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--target-year cần một năm như 2025 (năm cần đạt mức thu nhập), nhận "năm sau"');
  });
});
