// ntm compare and shared/app/compareRuns: two years of the same district, matched unit by unit.
// Every expected list below is written by hand from the workbooks built here, not computed.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { compareRuns, compareSection, formatMessage, getBuiltInSet, MAX_CELL_TEXT, type CriterionResult, type LocatedUnit, type Status } from "../shared/index.js";
import { communeForm } from "../tools/make-samples.js";
import { cli } from "./support/cli.js";
import { saveBook } from "./support/xlsxFiles.js";

const save = (wb: ExcelJS.Workbook, name: string) => saveBook(wb, dir, name);

let dir: string;

type Village = [name: string, unmet: number[], missing?: number[]];

/** A district's village sheet: "Xã ..." rows over their villages, "Đạt / Chưa đạt" per criterion. */
function villageBook(year: number, communes: Array<[string, Village[]]>): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`Thôn ${year}`);
  ws.addRow([`BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ THÔN NÔNG THÔN MỚI NĂM ${year} - HUYỆN NA RÌ, TỈNH BẮC KẠN`]);
  ws.addRow(["STT", "Thôn, bản", "Tiêu chí", ...Array(18).fill(""), "Ghi chú"]);
  ws.addRow(["", "", ...Array.from({ length: 19 }, (_, i) => i + 1), ""]);
  ws.mergeCells("A2:A3");
  ws.mergeCells("B2:B3");
  ws.mergeCells("C2:U2");
  let stt = 0;
  for (const [xa, villages] of communes) {
    ws.addRow(["", `Xã ${xa}`]);
    for (const [name, unmet, missing = []] of villages) {
      ws.addRow([++stt, name, ...Array.from({ length: 19 }, (_, i) => (missing.includes(i + 1) ? "" : unmet.includes(i + 1) ? "Chưa đạt" : "Đạt")), ""]);
    }
  }
  ws.addRow(["Ghi chú: số liệu tự đánh giá của các xã."]);
  return wb;
}

const VILLAGES_2023: Array<[string, Village[]]> = [
  ["Đôn Phong", [["Thôn Bản Vén", [10, 13]], ["Bản Đán", [10, 13, 17]], ["Thôn Nà Lẹng", [10, 12]], ["Khuổi Mật", [10, 11, 13, 17]]]],
  ["Vũ Muộn", [["Đông Bun", [10, 12, 13]], ["Bản Chàn", [10], [5]], ["Nà Pài", []], ["Khuổi Hát", [10, 11, 13]], ["Nà Cà", [10, 11, 12, 13]]]],
];

// 2024: "Thôn" prefixes come and go, "Khuổi Mật" is typed without diacritics, "Khuổi Hát" in capitals,
// Nà Cà merged away, Nà Mới new.
const VILLAGES_2024: Array<[string, Village[]]> = [
  ["Đôn Phong", [["Bản Vén", [12, 13]], ["Bản Đán", [13]], ["Nà Lẹng", [10, 12, 17]], ["Khuoi Mat", [10, 11, 13]]]],
  ["Vũ Muộn", [["Đông Bun", [10, 12, 13]], ["Thôn Bản Chàn", [5, 10]], ["Nà Pài", [18, 19]], ["KHUỔI HÁT", [10, 11, 13]], ["Thôn Nà Mới", [10, 13]]]],
];

/** A district's commune sheet, criterion columns "Tiêu chí 1".."Tiêu chí 19". */
function communeSheet(year: number, communes: Array<[string, number[]]>): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`Các xã ${year}`);
  ws.addRow([`TỔNG HỢP KẾT QUẢ THỰC HIỆN TIÊU CHÍ NÔNG THÔN MỚI CÁC XÃ NĂM ${year}`]);
  ws.addRow(["STT", "Tên xã", ...Array.from({ length: 19 }, (_, i) => `Tiêu chí ${i + 1}`)]);
  communes.forEach(([name, unmet], i) => ws.addRow([i + 1, name, ...Array.from({ length: 19 }, (_, c) => (unmet.includes(c + 1) ? "Chưa đạt" : "Đạt"))]));
  return wb;
}

/** The sample self-assessment form (2024), or the same commune's form a year earlier. */
function formOf(year: 2023 | 2024): ExcelJS.Workbook {
  const wb = communeForm();
  const ws = wb.worksheets[0]!;
  const row = (tt: string | number) => {
    for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === tt) return r;
    throw new Error(`no row ${tt}`);
  };
  ws.getCell(2, 1).value = `BIỂU TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI NĂM ${year}`;
  // Income: 41,2 against 42 million in 2023; 44,0 against 45 million in 2024.
  ws.getCell(row(10), 5).value = year === 2023 ? "≥ 42" : "≥ 45";
  ws.getCell(row(10), 6).value = year === 2023 ? "41,2" : "44,0";
  if (year === 2023) {
    ws.getCell(row(5), 6).value = "65%"; // schools below 70%: criterion 5 not met, met in 2024 (75%)
    ws.getCell(row(11), 6).value = "12%"; // poverty within 13%: met; 14,5% in 2024
    ws.getCell(row("13.3"), 6).value = "Đạt"; // traceability met; "Chưa đạt" in 2024
    ws.getCell(row("17.1"), 6).value = "96%"; // clean water met; #N/A in 2024 (17.3-17.12 are not on the form)
  }
  return wb;
}

const files: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "ntm-compare-"));
  files.v23 = await save(villageBook(2023, VILLAGES_2023), "thon-2023.xlsx");
  files.v24 = await save(villageBook(2024, VILLAGES_2024), "thon-2024.xlsx");
  files.f23 = await save(formOf(2023), "xa-thanh-van-2023.xlsx");
  files.f24 = await save(formOf(2024), "xa-thanh-van-2024.xlsx");
  files.x23 = await save(communeSheet(2023, [["Yên Phong", [17]], ["Đông Tiến", []], ["Tam Giang", [10]]]), "cac-xa-2023.xlsx");
  // "Xã Yên Phong" pasted under "Yên Phong": one key twice.
  files.x24 = await save(communeSheet(2024, [["Yên Phong", []], ["Đông Tiến", [17, 18]], ["Xã Yên Phong", [17]], ["Tam Giang", []]]), "cac-xa-2024.xlsx");
});

interface UnitJson {
  name: string;
  group?: string;
  key: string;
  oldName?: string;
  lost: number[];
  gained: number[];
  stillUnmet: number[];
  undetermined: Array<{ no: number; old: string | null; new: string | null }>;
  indicators: Array<{ code: string; old: number | null; new: number | null; threshold: number | null; oldThreshold: number | null; comparator: string | null; gap: number | null; unit: string }>;
}

describe("ntm compare: a district's villages, 2023 and 2024", () => {
  it("matches villages across prefixes, diacritics and case, and lists what each lost and gained", async () => {
    const r = await cli(["compare", files.v23!, files.v24!, "--year", "2023,2024", "--json"]);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    const rows = doc.units.map((u: UnitJson) => [u.group, u.name, u.lost, u.gained, u.stillUnmet, u.undetermined.map((d) => d.no)]);
    // Lost first (Bản Vén, Nà Lẹng, Nà Pài), then gained only, then the rest, each in the 2024 order.
    expect(rows).toEqual([
      ["Đôn Phong", "Bản Vén", [12], [10], [13], []],
      ["Đôn Phong", "Nà Lẹng", [17], [], [10, 12], []],
      ["Vũ Muộn", "Nà Pài", [18, 19], [], [], []],
      ["Đôn Phong", "Bản Đán", [], [10, 17], [13], []],
      ["Đôn Phong", "Khuoi Mat", [], [17], [10, 11, 13], []],
      ["Vũ Muộn", "Đông Bun", [], [], [10, 12, 13], []],
      ["Vũ Muộn", "Thôn Bản Chàn", [], [], [10], [5]],
      ["Vũ Muộn", "KHUỔI HÁT", [], [], [10, 11, 13], []],
    ]);
    const chan = doc.units.find((u: UnitJson) => u.name === "Thôn Bản Chàn");
    expect(chan).toMatchObject({ oldName: "Bản Chàn", key: "vu muon/chan", undetermined: [{ no: 5, old: "missing", new: "not_met" }] });
    expect(doc.onlyInOld).toEqual(["Nà Cà"]);
    expect(doc.onlyInNew).toEqual(["Thôn Nà Mới"]);
    expect(doc.duplicates).toEqual([]);
    expect(doc.summary).toMatchObject({ matched: 8, unitsLosing: 3, unitsGaining: 3, lostByCriterion: { "12": 1, "17": 1, "18": 1, "19": 1 }, gainedByCriterion: { "10": 2, "17": 2 } });
  });

  it("prints the notice section in Vietnamese, counts padded, then the villages, losses first", async () => {
    const r = await cli(["compare", files.v23!, files.v24!, "--year", "2023,2024"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("thon-ntm-bac-kan-2022-2025");
    expect(r.out).toContain("- Số thôn giảm tiêu chí so với năm 2023: 03 thôn (Bản Vén xã Đôn Phong: TC 12; Nà Lẹng xã Đôn Phong: TC 17; Nà Pài xã Vũ Muộn: TC 18, 19).");
    expect(r.out).toContain("- Số thôn tăng tiêu chí so với năm 2023: 03 thôn (Bản Vén xã Đôn Phong: TC 10; Bản Đán xã Đôn Phong: TC 10, 17; Khuoi Mat xã Đôn Phong: TC 17).");
    // Bản Đán, Khuoi Mat, Đông Bun, Thôn Bản Chàn (criterion 5 had no data in 2023), KHUỔI HÁT.
    expect(r.out).toContain("- Số thôn giữ vững mọi tiêu chí đã đạt: 05 thôn.");
    expect(r.out).toMatch(/- Tiêu chí số 18 \([^)]*\): 01 thôn \(Nà Pài xã Vũ Muộn\)\./);
    expect(r.out).toContain("(Thôn Bản Chàn xã Vũ Muộn: TC 5)");
    expect(r.out).toContain("- Chỉ có trong kết quả năm 2023: 01 thôn (Nà Cà xã Vũ Muộn).");
    expect(r.out).toContain("- Chỉ có trong kết quả năm 2024: 01 thôn (Thôn Nà Mới xã Vũ Muộn).");
    const lines = r.out.split("\n");
    const first = lines.findIndex((l) => l.startsWith("  Bản Vén xã Đôn Phong ("));
    expect(lines[first]).toBe("  Bản Vén xã Đôn Phong (năm 2023: Thôn Bản Vén): đạt 17 → 17 tiêu chí; giảm: TC 12; tăng: TC 10; vẫn chưa đạt: TC 13");
    expect(lines.findIndex((l) => l.includes("Nà Pài xã Vũ Muộn: đạt"))).toBeLessThan(lines.findIndex((l) => l.includes("Bản Đán xã Đôn Phong: đạt")));
    expect(r.out).toContain("  Nà Lẹng xã Đôn Phong (năm 2023: Thôn Nà Lẹng): đạt 17 → 16 tiêu chí; giảm: TC 17; vẫn chưa đạt: TC 10, 12");
    // The inputs are only read: compare writes no copy.
    expect(r.out).not.toContain(".ntm.xlsx");
  });

  it("says the same in English", async () => {
    const r = await cli(["compare", files.v23!, files.v24!, "--year", "2023", "--year", "2024", "--lang", "en"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("- Losing criteria since 2023 (villages): 3 villages (Bản Vén (commune Đôn Phong): criteria 12; Nà Lẹng (commune Đôn Phong): criteria 17; Nà Pài (commune Vũ Muộn): criteria 18, 19).");
    expect(r.out).toContain("- Only in the results of 2024: 1 village (Thôn Nà Mới (commune Vũ Muộn)).");
    expect(r.out).toContain("Bản Vén (commune Đôn Phong) (2023: Thôn Bản Vén): criteria met 17 → 17; lost: criteria 12; gained: criteria 10; still not met: criteria 13");
  });
});

describe("ntm compare: a commune's self-assessment form, 2023 and 2024", () => {
  it("income 41,2 → 44,0 against 42 then 45 million: still not met, short by 1", async () => {
    const r = await cli(["compare", files.f23!, files.f24!, "--region", "tdmnpb", "--year", "2023,2024", "--json"]);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.old).toMatchObject({ set: "xa-ntm-2021-2025", region: "tdmnpb", year: 2023, file: files.f23 });
    expect(doc.new).toMatchObject({ set: "xa-ntm-2021-2025", region: "tdmnpb", year: 2024, file: files.f24 });
    expect(doc.units).toHaveLength(1);
    const u: UnitJson = doc.units[0];
    // 2023 unmet 5, 10, 18; 2024 unmet 10, 11, 13, 18. Criterion 17 has twelve indicators and the
    // form two: no data in 2023 (17.1 met, the rest absent), unreadable in 2024 (17.1 #N/A).
    expect(u).toMatchObject({ name: "Xã Thanh Vân", lost: [11, 13], gained: [5], stillUnmet: [10, 18], undetermined: [{ no: 17, old: "missing", new: "invalid" }] });
    expect(u.indicators.map((i) => i.code)).toEqual(["5", "10", "11"]);
    expect(u.indicators[1]).toEqual(expect.objectContaining({ code: "10", old: 41.2, new: 44, threshold: 45, oldThreshold: 42, comparator: ">=", gap: 1, unit: "triệu đồng/người" }));
    expect(u.indicators[2]).toEqual(expect.objectContaining({ code: "11", old: 12, new: 14.5, threshold: 13, comparator: "<=", gap: 1.5 }));
    expect(u.indicators[0]).toEqual(expect.objectContaining({ code: "5", old: 65, new: 75, threshold: 70, gap: null }));
  });

  it("prints the figure that moved under the commune", async () => {
    const r = await cli(["compare", files.f23!, files.f24!, "--region", "tdmnpb", "--year", "2023,2024"]);
    expect(r.out).toContain("- Số xã giảm tiêu chí so với năm 2023: 01 xã (Xã Thanh Vân: TC 11, 13).");
    expect(r.out).toMatch(/\n {4}10: 41,2 → 44 \(≥ 45[^;]*; năm trước ≥ 42[^)]*\): thiếu 1 /);
  });
});

describe("refusals, duplicates and warnings", () => {
  it("a village sheet against a commune sheet: refused in both languages, exit 1", async () => {
    const vi = await cli(["compare", files.v23!, files.x24!, "--year", "2023,2024"]);
    expect(vi.code).toBe(1);
    expect(vi.err).toContain("Không so sánh được: kết quả trước theo bộ tiêu chí thon-ntm-bac-kan-2022-2025, kết quả sau theo bộ xa-ntm-2021-2025");
    const en = await cli(["compare", files.v23!, files.x24!, "--year", "2023,2024", "--lang", "en"]);
    expect(en.code).toBe(1);
    expect(en.err).toContain("Cannot compare: the earlier results are judged by criteria set thon-ntm-bac-kan-2022-2025, the later ones by xa-ntm-2021-2025");
    expect(en.out).toBe("");
  });

  it("years going backwards: refused before reading, exit 2, both languages", async () => {
    const vi = await cli(["compare", files.v23!, files.v24!, "--year", "2024,2023"]);
    expect(vi.code).toBe(2);
    expect(vi.err).toContain("năm của kết quả sau (2023) trước năm của kết quả trước (2024)");
    const en = await cli(["compare", files.v23!, files.v24!, "--year", "2024,2023", "--lang", "en"]);
    expect(en.err).toContain("the later results' year (2023) is before the earlier results' year (2024)");
  });

  it("one commune twice in a sheet: not compared, said plainly, the others compared", async () => {
    const r = await cli(["compare", files.x23!, files.x24!, "--year", "2023,2024", "--json"]);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.duplicates).toEqual([expect.objectContaining({ key: "/yen phong", old: ["Yên Phong"], new: ["Yên Phong", "Xã Yên Phong"] })]);
    expect(doc.duplicates[0].messages[0]).toBe("Kết quả sau có 2 đơn vị trùng tên: Yên Phong, Xã Yên Phong (trang Các xã 2024); các đơn vị này không được so sánh, hãy đặt tên cho khác nhau");
    expect(doc.warnings).toContain(doc.duplicates[0].messages[0]);
    // Neither matched, nor counted as only on one side.
    expect(doc.units.map((u: UnitJson) => [u.name, u.lost, u.gained])).toEqual([
      ["Đông Tiến", [17, 18], []],
      ["Tam Giang", [], [10]],
    ]);
    expect([doc.onlyInOld, doc.onlyInNew]).toEqual([[], []]);
    expect(doc.report).toContain("- Số xã giảm tiêu chí so với năm 2023: 01 xã (Đông Tiến: TC 17, 18).");
    expect(doc.report).toContain("- Trùng tên, không so sánh được: 01 xã (Yên Phong).");
  });

  it("no year given: compared, with a warning and the fix; the same year twice: a warning", async () => {
    const none = JSON.parse((await cli(["compare", files.x23!, files.x24!, "--json", "--lang", "en"])).out);
    expect(none.old.year).toBeNull();
    expect(none.warnings).toEqual(expect.arrayContaining([expect.stringContaining("The assessment year of one or both results is not known"), "add --year EARLIER,LATER (e.g. --year 2023,2024)"]));
    expect(none.report[1]).toBe("- Losing criteria since the previous assessment (communes): 1 commune (Đông Tiến: criteria 17, 18).");
    const same = await cli(["compare", files.x23!, files.x24!, "--year", "2024"]);
    expect(same.code).toBe(0);
    expect(same.out).toContain("! Hai kết quả cùng năm 2024");
  });

  it("exit codes: usage 2, unreadable input 1", async () => {
    expect((await cli(["compare", files.v23!])).code).toBe(2);
    expect((await cli(["compare", files.v23!, files.v24!, "--year", "2022,2023,2024"])).code).toBe(2);
    expect((await cli(["compare", files.v23!, files.v24!, "--year", "năm ngoái"])).code).toBe(2);
    expect((await cli(["compare", files.v23!, files.v24!, "--sheet", "A", "--sheet", "B", "--sheet", "C"])).code).toBe(2);
    expect((await cli(["compare", files.v23!, path.join(dir, "khong-co.xlsx")])).code).toBe(1);
    const sheet = await cli(["compare", files.v23!, files.v24!, "--sheet", "Thôn 2023", "--sheet", "Khác"]);
    expect(sheet.code).toBe(1);
    expect(sheet.err).toContain("thon-2024.xlsx: không có trang \"Khác\"");
  });
});

describe("compareRuns on results built by hand", () => {
  const unit = (name: string, statuses: Record<number, Status>, group?: string): LocatedUnit => {
    const criteria: CriterionResult[] = Object.entries(statuses).map(([no, status]) => ({ no: Number(no), status, origin: "self_assessment", indicators: [], disagreesWithSelfAssessment: false }));
    const pick = (s: Status) => criteria.filter((c) => c.status === s).map((c) => c.no);
    return {
      sheet: "S",
      result: { name, ...(group ? { group } : {}), criteriaMet: pick("met").length, criteriaTotal: criteria.length, unmet: pick("not_met"), missing: pick("missing"), invalid: pick("invalid"), noThreshold: pick("no_threshold"), criteria },
    };
  };

  it("sorts each criterion into lost, gained, still unmet, still met, or not comparable", () => {
    const old = [unit("Yên Phong", { 1: "met", 2: "met", 3: "not_met", 4: "not_met", 5: "missing", 6: "met" })];
    const now = [unit("xã yên phong", { 1: "met", 2: "not_met", 3: "met", 4: "not_met", 5: "met", 7: "met" })];
    const r = compareRuns({ set: "xa-ntm-2021-2025", year: 2023, units: old }, { set: "xa-ntm-2021-2025", year: 2024, units: now });
    if (!r.ok) throw new Error("refused");
    expect(r.warnings).toEqual([]);
    expect(r.units[0]).toMatchObject({ lost: [2], gained: [3], stillUnmet: [4], stillMet: [1] });
    // A criterion with no data, or judged in one year only, is listed, never counted as kept or lost.
    expect(r.units[0]!.undetermined).toEqual([
      { no: 5, old: "missing", new: "met" },
      { no: 6, old: "met", new: null },
      { no: 7, old: null, new: "met" },
    ]);
  });

  it("refuses different sets and years going backwards, warns on equal or unknown years", () => {
    const u = [unit("A", { 1: "met" })];
    const refuse = (a: object, b: object) => compareRuns({ set: "x", units: u, ...a }, { set: "x", units: u, ...b });
    const sets = refuse({ set: "xa-ntm-2021-2025" }, { set: "thon-ntm-bac-kan-2022-2025" });
    expect(sets).toMatchObject({ ok: false, cause: "sets" });
    const years = refuse({ year: 2024 }, { year: 2023 });
    expect(years).toMatchObject({ ok: false, cause: "years" });
    if (years.ok) throw new Error("not refused");
    expect(formatMessage(years.reason, "en")).toContain("(2023) is before the earlier results' year (2024)");
    const keys = (r: ReturnType<typeof refuse>) => (r.ok ? r.warnings.map((w) => w.key) : ["refused"]);
    expect(keys(refuse({ year: 2024 }, { year: 2024 }))).toEqual(["compare.sameYear"]);
    expect(keys(refuse({ year: 2023 }, {}))).toEqual(["compare.unknownYear"]);
    expect(keys(refuse({ year: 2023, region: "tdmnpb" }, { year: 2024, region: "dbsh" }))).toEqual(["compare.regionDiffers"]);
  });

  it("a province's 3,000 villages losing criteria: each section line fits a spreadsheet cell and says where the rest is", () => {
    const old = Array.from({ length: 3000 }, (_, i) => unit(`Thôn số ${i} bản Khuổi Mật Nà Lẹng`, { 1: "met", 2: "met" }, `Xã ${i % 60}`));
    const now = Array.from({ length: 3000 }, (_, i) => unit(`Thôn số ${i} bản Khuổi Mật Nà Lẹng`, { 1: "not_met", 2: "met" }, `Xã ${i % 60}`));
    const r = compareRuns({ set: "s", year: 2023, units: old }, { set: "s", year: 2024, units: now });
    if (!r.ok) throw new Error("refused");
    const lines = compareSection(r, { set: getBuiltInSet("thon-ntm-bac-kan-2022-2025")!, oldYear: 2023, newYear: 2024 });
    const lost = lines.find((l) => l.startsWith("- Số thôn giảm tiêu chí so với năm 2023: 3000 thôn ("))!;
    expect(lost.length).toBe(MAX_CELL_TEXT);
    expect(lost.endsWith("… (còn nữa: xem bảng từng đơn vị bên dưới)")).toBe(true);
    expect(lines.every((l) => l.length <= MAX_CELL_TEXT)).toBe(true);
  });

  it("a key twice in the old results: those units go to duplicates, none silently picked or dropped", () => {
    const old = [unit("Nà Pài", { 1: "met" }, "Vũ Muộn"), unit("Thôn Nà Pài", { 1: "not_met" }, "Vũ Muộn"), unit("Nà Pài", { 1: "met" }, "Đôn Phong")];
    const now = [unit("Nà Pài", { 1: "not_met" }, "Vũ Muộn"), unit("Nà Pài", { 1: "not_met" }, "Đôn Phong")];
    const r = compareRuns({ set: "s", year: 2023, units: old }, { set: "s", year: 2024, units: now });
    if (!r.ok) throw new Error("refused");
    expect(r.units.map((u) => [u.new.result.group, u.lost])).toEqual([["Đôn Phong", [1]]]);
    expect(r.duplicates).toHaveLength(1);
    expect(r.duplicates[0]!.old.map((u) => u.result.name)).toEqual(["Nà Pài", "Thôn Nà Pài"]);
    expect(r.duplicates[0]!.new.map((u) => u.result.name)).toEqual(["Nà Pài"]);
    expect(formatMessage(r.duplicates[0]!.messages[0]!, "vi")).toBe("Kết quả trước có 2 đơn vị trùng tên: Nà Pài (Vũ Muộn), Thôn Nà Pài (Vũ Muộn) (trang S); các đơn vị này không được so sánh, hãy đặt tên cho khác nhau");
    expect([r.onlyInOld, r.onlyInNew]).toEqual([[], []]);
  });
});
