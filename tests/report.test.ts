import { describe, expect, it } from "vitest";
import { contractUnit, contractUnitJson, countWithNoun, Evaluator, getBuiltInSet, listUnitsByGroup, REPORT_COLOURS, reportMatrixFills, reportProse, reportTable, type UnitInput } from "../shared/index.js";
import { fiveVillageResults, VILLAGE_SET, villageInput } from "./fixtures/villageResults.js";

const set = VILLAGE_SET;
const results = fiveVillageResults();

describe("the district report", () => {
  it("writes counts the way notices do", () => {
    expect(countWithNoun(8, "thôn")).toBe("08 thôn");
    expect(countWithNoun(21, "thôn")).toBe("21 thôn");
    expect(listUnitsByGroup([{ name: "Bản Vén", group: "Đôn Phong" }, { name: "Bản Đán", group: "Đôn Phong" }, { name: "Đông Bun", group: "Vũ Muộn" }])).toBe("Bản Vén, Bản Đán xã Đôn Phong; Đông Bun xã Vũ Muộn");
  });

  it("reads like the district notice", () => {
    const text = reportProse(results, { set, year: 2024 });
    expect(text).toContain("- Số thôn đạt 16 tiêu chí: 03 thôn (Bản Vén, Bản Đán xã Đôn Phong; Đông Bun xã Vũ Muộn).");
    expect(text).toContain("- Số thôn đạt 19/19 tiêu chí: 01 thôn (Nà Pài xã Vũ Muộn).");
    expect(text).toContain("- Tiêu chí số 10 (Thu nhập): 04 thôn (Bản Vén, Bản Đán xã Đôn Phong; Đông Bun, Bản Chàn xã Vũ Muộn).");
    expect(text).toContain("- Bình quân đạt 16,8 tiêu chí/thôn.");
    expect(text).toContain("Còn thiếu số liệu hoặc chưa có chỉ tiêu để đánh giá: 01 thôn (Bản Chàn xã Vũ Muộn).");
    expect(reportProse(results, { set, lang: "en" })).toContain("- Criterion 17 (Environment): 1 village (Bản Đán (commune Đôn Phong)).");
  });

  it("lays out the report sheet: the unit matrix, the text, counts, failing criteria", () => {
    const rows = reportTable(results, { set, region: "tdmnpb", year: 2024 });
    const at = (label: string) => rows.findIndex((r) => r[0] === label);
    expect(rows[at("Số tiêu chí đạt") + 1]).toEqual([19, 1, "Nà Pài xã Vũ Muộn"]);
    expect(rows[at("Tiêu chí số") + 1]).toEqual([10, "Thu nhập", 4, "Bản Vén, Bản Đán xã Đôn Phong; Đông Bun, Bản Chàn xã Vũ Muộn"]);
    const matrix = at("STT");
    expect(rows[matrix]!.slice(0, 6)).toEqual(["STT", "Xã", "Tên", "Số tiêu chí đạt", "Chưa đạt", "Thiếu số liệu"]);
    expect(rows[matrix + 4]!.slice(0, 6)).toEqual([4, "Vũ Muộn", "Bản Chàn", "17/19", "10", "5"]);
    expect(rows[matrix + 4]![6 + 4]).toBe("Thiếu số liệu");
  });
});

describe("the report sheet's title and notes", () => {
  it("names the region, not its id, and carries what the reader must know", () => {
    const rows = reportTable(results, { set, region: "tdmnpb", year: 2024, lang: "vi", notes: ["ô trống trong khối đánh dấu \"x\" được hiểu là chưa đạt"] });
    expect(String(rows[1]![0])).toContain("vùng Trung du và miền núi phía Bắc; năm 2024");
    expect(String(rows[1]![0])).not.toContain("tdmnpb");
    const texts = rows.map((r) => String(r[0] ?? ""));
    expect(texts.slice(texts.indexOf("Lưu ý"))).toEqual(["Lưu ý", "- ô trống trong khối đánh dấu \"x\" được hiểu là chưa đạt"]);
    expect(reportTable(results, { set, region: "tdmnpb", lang: "en" })[1]![0]).toContain("region Northern Midlands and Mountains");
  });
});

describe("a report of thousands of units", () => {
  it("keeps every cell within what Excel holds (32,767 characters), saying where the rest is", () => {
    const many = new Evaluator({ set }).evaluateUnits(Array.from({ length: 4000 }, (_, i) => villageInput(`Thôn số ${i + 1} dài tên`, `Xã ${i % 50}`, [10])));
    const rows = reportTable(many, { set, lang: "vi" });
    const longest = Math.max(...rows.map((r) => Math.max(0, ...r.map((c) => String(c).length))));
    expect(longest).toBeLessThanOrEqual(32_767);
    expect(rows.some((r) => r.some((c) => String(c).endsWith("(còn nữa: xem bảng từng đơn vị bên dưới)")))).toBe(true);
    // The per-unit table below still lists every unit.
    expect(rows.filter((r) => /^Thôn số \d+ dài tên$/.test(String(r[2] ?? ""))).length).toBe(4000);
  });
});

describe("the report's heat map", () => {
  it("colours exactly the status cells of the unit matrix, by status, in either language", () => {
    for (const lang of ["vi", "en"] as const) {
      const table = reportTable(results, { set, year: 2024, lang });
      const all = reportMatrixFills(table, lang);
      // The legend above the matrix: its five status words, each in its colour.
      const legend = table.findIndex((r) => r[0] === (lang === "vi" ? "Chú giải" : "Legend"));
      expect(all.filter((f) => f.row === legend).map((f) => f.color)).toEqual([REPORT_COLOURS.met, REPORT_COLOURS.not_met, REPORT_COLOURS.missing, REPORT_COLOURS.invalid, REPORT_COLOURS.no_threshold]);
      const fills = all.filter((f) => f.row !== legend);
      // 5 villages × 19 criteria, every one a status word.
      expect(fills).toHaveLength(5 * 19);
      const header = table.findIndex((r) => r[0] === (lang === "vi" ? "STT" : "No."));
      const tc1 = table[header]!.indexOf(lang === "vi" ? "TC 1" : "C1");
      expect(tc1).toBeGreaterThan(0);
      const at = (name: string, no: number) => fills.find((f) => table[f.row]!.includes(name) && f.col === tc1 + no - 1)?.color;
      // Bản Vén misses 10, 12, 13; Bản Chàn has no data for 5; Nà Pài meets everything.
      expect(at("Bản Vén", 10)).toBe(REPORT_COLOURS.not_met);
      expect(at("Bản Vén", 11)).toBe(REPORT_COLOURS.met);
      expect(at("Bản Chàn", 5)).toBe(REPORT_COLOURS.missing);
      expect(at("Nà Pài", 19)).toBe(REPORT_COLOURS.met);
      // Nothing else: not the totals under the matrix, not the notice text or the counts below.
      for (const f of fills) expect(f.row).toBeGreaterThan(header);
      expect(Math.max(...fills.map((f) => f.row))).toBe(header + 5);
    }
  });
});

describe("the --json unit text", () => {
  it("is exactly JSON.stringify(contractUnit(...)), for shared (marked) and own criterion results alike", () => {
    const commune = getBuiltInSet("xa-ntm-2021-2025")!;
    const own = new Evaluator({ set: commune, region: "tdmnpb", year: 2024 }).evaluateUnits([{ name: "Xã A", values: { "10": "41,2", "11": "14,5%" }, criterionAssessments: { 19: "Đạt" } }]);
    for (const lang of ["vi", "en"] as const) {
      for (const r of [...results, ...own]) {
        const u = { file: "f.xlsx", sheet: "S", result: r };
        expect(contractUnitJson(u, lang)).toBe(JSON.stringify(contractUnit(u, lang)));
        expect(contractUnitJson(u, lang)).toBe(JSON.stringify(contractUnit(u, lang)));
      }
    }
  });
});
