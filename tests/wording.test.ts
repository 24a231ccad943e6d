// The words an officer reads: notes on cells, report lines, the add-ins' labels and the command
// line's messages. Vietnamese as a notice is written: "điểm phần trăm", region names (never the
// ids the command line takes), no English or machine addresses in a Vietnamese note, nothing
// about the library that writes the copy.
import { describe, expect, it } from "vitest";
import { CLI_STRINGS } from "../shared/i18n/cliStrings.js";
import { PANE_TABLES } from "../shared/i18n/paneStrings.js";
import { builtInSets, EN, Evaluator, formatGap, getBuiltInSet, indicatorNote, REGION_IDS, REGION_NAMES, reportSubtitle, VI, type IndicatorResult, type UnitResult } from "../shared/index.js";

const xa = getBuiltInSet("xa-ntm-2021-2025")!;
const indicator = (u: UnitResult, code: string): IndicatorResult => u.criteria.flatMap((c) => c.indicators).find((i) => i.code === code)!;

/** A region id standing as a word ("vùng tdmnpb", "(dbsh)"), in either case. */
const REGION_ID = new RegExp(`(^|[^\\p{L}\\d])(${REGION_IDS.join("|")})(?=$|[^\\p{L}\\d])`, "iu");
const IP = /\b\d{1,3}(\.\d{1,3}){3}\b/;
/** Words that give away English provenance text inside a Vietnamese note. */
const ENGLISH = /\b(as amended|amended by|requirement|for every|read (in|at)|copy|not retrieved|retrieved|secondary source|at least|the page|not yet|the decision)\b/i;

/** Every Vietnamese text the user can meet: the engine's and report's, the add-ins', the command line's. */
const vietnamese = (): Array<[string, string]> => [
  ...Object.entries(VI).map(([k, v]) => [`strings.ts ${k}`, v] as [string, string]),
  ...Object.entries(PANE_TABLES.vi).map(([k, v]) => [`paneStrings.json ${k}`, v] as [string, string]),
  ...Object.entries(CLI_STRINGS.vi).map(([k, v]) => [`cli/strings.ts ${k}`, v] as [string, string]),
];

describe("percentage points", () => {
  it("a gap in percent reads 'điểm phần trăm' (and 'percentage points'), never 'điểm %'", () => {
    const u = new Evaluator({ set: xa, region: "tdmnpb", year: 2024 }).evaluateUnit({ name: "A", values: { "11": "14,5%" }, targets: { "11": "≤ 13%" } });
    const r = indicator(u, "11");
    expect(formatGap(r.gap)).toBe("vượt 1,5 điểm phần trăm");
    expect(formatGap(r.gap, "en")).toContain("1.5 percentage points");
    expect(indicatorNote(r)).toContain("vượt 1,5 điểm phần trăm");
  });

  it("no Vietnamese text anywhere says 'điểm %'", () => {
    for (const [where, text] of vietnamese()) expect(text, where).not.toMatch(/điểm\s*%/);
  });
});

describe("region names, not ids", () => {
  it("a cell's note names the region in words", () => {
    const u = new Evaluator({ set: xa, region: "tdmnpb", year: 2024 }).evaluateUnit({ name: "A", values: { "10": "41,2" } });
    const note = indicatorNote(indicator(u, "10"));
    expect(note).toContain("vùng Trung du và miền núi phía Bắc");
    expect(note).toContain("thiếu 3,8 triệu đồng/người");
    expect(note).not.toMatch(REGION_ID);
    expect(indicatorNote(indicator(u, "10"), "en")).not.toMatch(REGION_ID);
  });

  it("the report's subtitle names the region in words", () => {
    for (const id of REGION_IDS) {
      const line = reportSubtitle({ set: xa, region: id, year: 2024, lang: "vi" });
      expect(line).toContain(`vùng ${REGION_NAMES[id].vi}`);
      expect(line.replace(xa.id, "")).not.toMatch(REGION_ID);
    }
  });
});

describe("the catalogue's words that reach a note or the NTM_BoTieuChi sheet", () => {
  it("every threshold's source and note is Vietnamese: region names, no English, no IP address", () => {
    let checked = 0;
    for (const set of builtInSets().values()) {
      for (const c of set.criteria)
        for (const ind of c.indicators)
          for (const th of ind.thresholds) {
            for (const text of [th.source, th.note ?? ""]) {
              const where = `${set.id} ${ind.code} ${th.region}${th.year ? " " + th.year : ""}: ${text}`;
              expect(text, where).not.toMatch(REGION_ID);
              expect(text, where).not.toMatch(IP);
              expect(text, where).not.toMatch(ENGLISH);
            }
            checked++;
          }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("a regional threshold's source names its region", () => {
    const slot = xa.criteria.find((c) => c.no === 10)!.indicators[0]!.thresholds.find((t) => t.region === "dbscl" && t.year === 2024)!;
    expect(slot.source).toBe("318/QĐ-TTg, Phụ lục I, sửa đổi theo 211/QĐ-TTg, chỉ tiêu 10, vùng Đồng bằng sông Cửu Long, năm 2024");
  });
});

describe("no developer details in an officer's words", () => {
  it("nothing Vietnamese mentions the library that writes the copy", () => {
    for (const [where, text] of vietnamese()) expect(text, where).not.toMatch(/exceljs|sheetjs|openpyxl|xlsx-populate/i);
    for (const text of [...Object.values(EN), ...Object.values(PANE_TABLES.en), ...Object.values(CLI_STRINGS.en)]) expect(text).not.toMatch(/exceljs/i);
  });

  it("the copy's note says what is kept in words an officer knows", () => {
    expect(CLI_STRINGS.vi.copyNote).toMatch(/biểu đồ/);
    expect(CLI_STRINGS.vi.copyNote).toMatch(/Tệp gốc không bị thay đổi/);
  });

  it("the add-ins' words have what the folded technical details need, in both languages", () => {
    expect(PANE_TABLES.vi.techDetails).toBe("Chi tiết kỹ thuật");
    expect(PANE_TABLES.en.techDetails).toBe("Technical details");
    expect(PANE_TABLES.vi.sourceCol).toBe("Nguồn");
  });
});
