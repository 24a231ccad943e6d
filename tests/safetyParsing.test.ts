// Inputs that used to be read wrongly without a word: numbers in scientific notation or with a
// hidden character inside, NTM_BoTieuChi rows that contradict each other or cannot be targets,
// column mappings naming what the set lacks, and data rows of small integers taken for a header.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/ntm.js";
import {
  builtInSets,
  detectLayout,
  evaluateSheet,
  formatMessage,
  getBuiltInSet,
  parseCell,
  parseColumnChoice,
  parseIndicatorValue,
  parseNumberText,
  parseTarget,
  readWorkbookSet,
  runSheet,
  type CellRange,
  type SheetGrid,
} from "../shared/index.js";

const xa = getBuiltInSet("xa-ntm-2021-2025")!;
const bk = getBuiltInSet("thon-ntm-bac-kan-2022-2025")!;
/** Letters only Vietnamese writes: none may be left in an English message outside quotes. */
const VIETNAMESE = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;

describe("numbers in scientific notation", () => {
  it.each([
    ["4.5E+01", 45],
    ["4,5E+01", 45],
    ["1e5", 100000],
    ["1,5E+2", 150],
    ["1.234E+3", 1234],
    ["1E-3", 0.001],
    ["-2e3", -2000],
    ["8,5E+01%", 85],
  ])("%s -> %d", (text, expected) => {
    const n = parseNumberText(text);
    // The exponent is part of the number, never a unit ("E+01").
    expect(n && { value: n.value, unit: n.unit }).toEqual({ value: expected, unit: undefined });
    const cell = parseCell(text);
    expect(cell.ok && cell.value.type === "number" ? cell.value.value : undefined).toBe(expected);
  });

  it("never reads a shorter number from what only looks like one", () => {
    // Each of these was read as its first digits before ("45 e5" as 45, "1e309" as 1).
    for (const text of ["45 e5", "1e309", "1e-400", "1,234.5E2"]) expect(parseNumberText(text), text).toBeUndefined();
    expect(parseIndicatorValue("1e309", { kind: "number" })).toMatchObject({ ok: false, reason: { key: "value.notANumber" } });
  });
});

describe("a hidden character inside a number", () => {
  it.each([
    ["4\u200b5", "U+200B"],
    ["4\u00005", "U+0000"],
    ["4\u03015", "U+0301"],
    ["4\u00ad5", "U+00AD"],
    ["4\ufeff5", "U+FEFF"],
    ["\u200b45", "U+200B"],
    ["45\u200b", "U+200B"],
    ["4\n5", "U+000A"],
    ["41,2\u200b triệu đồng", "U+200B"],
  ])("%j makes the cell invalid, naming %s", (text, char) => {
    const r = parseIndicatorValue(text, { kind: "number" });
    expect(r).toMatchObject({ ok: false, missing: false, reason: { key: "value.hiddenChar", params: { char } } });
    if (r.ok || r.missing) return;
    expect(formatMessage(r.reason)).toContain(`ký tự ẩn ${char} trong số`);
    expect(formatMessage(r.reason, "en")).toContain(`hidden character ${char} inside the number`);
    // The cell quoted in the message shows where the character is.
    expect(formatMessage(r.reason)).toContain(`⟨${char}⟩`);
    expect(parseNumberText(text)).toBeUndefined();
  });

  it("a target with a hidden character is unreadable, not a smaller target", () => {
    expect(parseTarget("≥ 4\u200b5")).toBeUndefined();
    expect(parseTarget("≥ 4,5E+01 triệu đồng")).toEqual({ comparator: ">=", value: 45, unit: "triệu đồng" });
  });

  it("a property: no invisible, control or combining character inside digits ever gives a number", () => {
    const hidden = fc.constantFrom("\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\u0000", "\u0007", "\u001f", "\u007f", "\u0301", "\u0323", "\u20dd", "\ufeff", "\t", "\r");
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 1e9 }), fc.nat(), hidden, (n, at, ch) => {
        const digits = String(n);
        const i = 1 + (at % (digits.length - 1));
        const r = parseCell(digits.slice(0, i) + ch + digits.slice(i));
        expect(r.ok).toBe(false);
      }),
    );
  });

  it("keeps every reading that was right", () => {
    const cases: Array<[string, number, string | undefined]> = [
      ["42,5", 42.5, undefined],
      ["1.234,5", 1234.5, undefined],
      ["1,234.5", 1234.5, undefined],
      ["1 234", 1234, undefined],
      ["1\u00a0234,5", 1234.5, undefined],
      ["85%", 85, "%"],
      ["41,2 triệu đồng", 41.2, "triệu đồng"],
      // Decomposed Vietnamese (combining marks in the unit, not in the number) and a wrapped unit.
      ["41,2 triệu đồng".normalize("NFD"), 41.2, "triệu đồng".normalize("NFD")],
      ["41,2\ntriệu đồng", 41.2, "triệu đồng"],
      ["45.000", 45000, undefined],
      ["3 HTX", 3, "HTX"],
      ["12E", 12, "E"],
    ];
    for (const [text, value, unit] of cases) {
      const r = parseCell(text);
      expect(r, JSON.stringify(text)).toEqual({ ok: true, value: unit === undefined ? { type: "number", value } : { type: "number", value, unit } });
    }
  });
});

const SET_HEAD = [["Mã bộ tiêu chí", "x"], ["Tên bộ tiêu chí", "X"], ["Tiêu chí số", "Mã chỉ tiêu", "Loại", "So sánh", "Vùng", "Năm", "Ngưỡng"]];

function setErrors(rows: unknown[][], lang: "vi" | "en" = "vi") {
  const r = readWorkbookSet([...SET_HEAD, ...rows], builtInSets());
  return r.ok ? [] : r.errors.map((e) => ({ row: e.row, key: e.message.key, text: formatMessage(e.message, lang) }));
}

describe("NTM_BoTieuChi thresholds read through the same path", () => {
  it("reads 4,5E+01 as 45", () => {
    const r = readWorkbookSet([...SET_HEAD, [10, "10", "số", "≥", "", "", "4,5E+01"]]);
    expect(r.ok && r.set.criteria[0]!.indicators[0]!.thresholds[0]!.value).toBe(45);
  });

  it.each([["1e308"], [1e308], [Infinity], ["1e309"]])("refuses %s as a threshold, naming the row", (value) => {
    const errors = setErrors([[10, "10", "số", "≥", "", "", value]]);
    expect(errors).toMatchObject([{ row: 4, key: "setRow.absurd" }]);
    expect(errors[0]!.text).toMatch(/^Dòng 4: "Ngưỡng"/);
  });

  it("refuses a threshold with a hidden character, naming it", () => {
    const errors = setErrors([[10, "10", "số", "≥", "", "", "4\u200b5"]]);
    expect(errors).toMatchObject([{ row: 4, key: "setRow.hiddenChar" }]);
    expect(errors[0]!.text).toContain("ký tự ẩn U+200B trong số");
  });
});

describe("NTM_BoTieuChi rows that cannot all be true", () => {
  it("two rows for one indicator, region and year: an error naming both rows", () => {
    const rows = [
      [10, "10", "số", "≥", "dbsh", 2024, 45],
      [10, "10", "số", "≥", "", "", 40],
      [10, "10", "số", "≥", "Đồng bằng sông Hồng", 2024, 50],
    ];
    const errors = setErrors(rows);
    expect(errors).toMatchObject([{ row: 6, key: "setRow.duplicate" }]);
    expect(errors[0]!.text).toMatch(/^Dòng 6: .*dòng 4/);
    expect(setErrors(rows, "en")[0]!.text).toMatch(/^Row 6: indicator 10 .*row 4/);
    // Another year, or the base set's own entry for the same slot, is no duplicate.
    expect(setErrors([[10, "10", "số", "≥", "dbsh", 2024, 45], [10, "10", "số", "≥", "dbsh", 2025, 50]])).toEqual([]);
    const amend = readWorkbookSet([["Mã bộ tiêu chí", "xa-ntm-tinh-z"], ["Kế thừa", "xa-ntm-2021-2025"], ["Tiêu chí số", "Mã chỉ tiêu", "Vùng", "Năm", "Ngưỡng"], [10, "10", "dbsh", 2024, 60]], builtInSets());
    expect(amend.ok).toBe(true);
  });

  it.each([
    ["a negative count", [5, "5.1", "đếm", "≥", "", "", -1], "setRow.negative"],
    ["a negative rate", [5, "5.1", "tỷ lệ", "≥", "", "", "-5%"], "setRow.negative"],
    ["a rate over 100%", [5, "5.1", "tỷ lệ", "≥", "", "", "120%"], "setRow.percentOver"],
    ["a rate of 120 points", [5, "5.1", "tỷ lệ", "≥", "", "", 120], "setRow.percentOver"],
  ])("%s is an error naming the row", (_what, row, key) => {
    const errors = setErrors([row]);
    expect(errors).toMatchObject([{ row: 4, key }]);
    expect(errors[0]!.text).toMatch(/^Dòng 4: "Ngưỡng" .* chỉ tiêu 5\.1/);
  });

  it("every error is in the user's language: no Vietnamese left in English outside the quoted cells", () => {
    const rows = [
      ["x", "", "số", "≥", "", "", 1],
      [2, "3.1", "số", "≥", "", "", 1],
      [3, "3.1", "kiểu lạ", "≥", "", "", 1],
      [4, "4.1", "số", "≈", "", "", 1],
      [5, "5.1", "số", "≥", "Miền Trăng", "", 1],
      [6, "6.1", "số", "≥", "", "năm ngoái", 1],
      [7, "7", "có/không", "=", "", "", 42],
      [8, "8.1", "đếm", "≥", "", "", -2],
      [9, "9.1", "tỷ lệ", "≥", "", "", "150%"],
      [10, "10", "số", "≥", "", "", "1e308"],
      [11, "11", "số", "≥", "", "", "4\u200b5"],
      [12, "12.1", "số", "≥", "", "", 1],
      [12, "12.1", "số", "≥", "", "", 2],
    ];
    const vi = setErrors(rows);
    const en = setErrors(rows, "en");
    expect(vi.map((e) => e.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16]);
    for (const e of vi) expect(e.text).toMatch(/^Dòng \d+: /);
    for (const e of en) {
      expect(e.text).toMatch(/^Row \d+: /);
      expect(e.text.replace(/"[^"]*"/g, ""), e.text).not.toMatch(VIETNAMESE);
    }
    const meta = readWorkbookSet([["Giai đoạn", "sau này"], ["Mã chỉ tiêu"]]);
    expect(meta.ok).toBe(false);
    if (!meta.ok) for (const e of meta.errors) expect(formatMessage(e.message, "en").replace(/"[^"]*"/g, "")).not.toMatch(VIETNAMESE);
  });
});

describe("a column mapping naming what the set lacks", () => {
  const grid: SheetGrid = { name: "S", values: [["Xã", "Cột A", "Tiêu chí 7"], ["Xã A", 41, "Chưa đạt"]] };

  it("is refused by the shared run, naming the column and the set's range, instead of dropping the column", () => {
    const r = runSheet(grid, { setId: xa.id, override: { 1: { criterion: 20 } } });
    expect(r).toMatchObject({ ok: false, reason: { key: "mapping.criterionNotInSet", params: { column: "B", value: "20", expected: "1–19" } } });
    const code = runSheet(grid, { setId: xa.id, override: { 1: { indicator: "10.9" } } });
    expect(code).toMatchObject({ ok: false, reason: { key: "mapping.unknownIndicator", params: { column: "B", value: "10.9" } } });
    if (!code.ok) expect(formatMessage(code.reason, "en")).toMatch(/Column B: set xa-ntm-2021-2025 has no indicator "10\.9"; its codes: 1\.1, .*, 19\.2$/);
    expect(runSheet(grid, { setId: xa.id, override: { 1: { indicator: "10" } } }).ok).toBe(true);
  });

  it("still refuses in the grammar what no set can hold", () => {
    for (const bad of ["c:0", "c:-5", { criterion: 1e300 }, { criterion: 2.5 }, "c:2.5"]) expect(parseColumnChoice(bad), JSON.stringify(bad)).toBeUndefined();
  });
});

describe("ntm evaluate --mapping: a usage error naming the column and what was expected", () => {
  let file: string;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "ntm-mapping-"));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.addRow(["Xã", "Cột A", "Tiêu chí 7"]);
    ws.addRow(["Xã A", 41, "Chưa đạt"]);
    file = path.join(dir, "mapping.xlsx");
    await wb.xlsx.writeFile(file);
  });

  async function cli(args: string[]) {
    let out = "";
    let err = "";
    const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
    return { code, out, err };
  }
  const run = (mapping: string, ...extra: string[]) => cli(["evaluate", file, "--region", "tdmnpb", "--year", "2024", "--out", path.join(dir, "out.xlsx"), "--mapping", mapping, ...extra]);

  it.each([
    ['{"B": {"criterion": 0}}', /Cột B: tiêu chí 0 không hợp lệ: cần một số nguyên trong khoảng 1–19/],
    ['{"B": "c:-5"}', /Cột B: tiêu chí -5 không hợp lệ: .*1–19/],
    ['{"B": {"criterion": 20}}', /Cột B: bộ tiêu chí xa-ntm-2021-2025 không có tiêu chí 20: .*1–19/],
    ['{"B": {"criterion": 1e300}}', /Cột B: tiêu chí 1e\+300 không hợp lệ: .*1–19/],
    ['{"B": {"criterion": 2.5}}', /Cột B: tiêu chí 2\.5 không hợp lệ: .*1–19/],
    ['{"B": {"indicator": "10.9"}}', /Cột B: bộ tiêu chí xa-ntm-2021-2025 không có chỉ tiêu "10\.9"; các mã có: 1\.1, 1\.2, /],
  ])("with --set: %s exits 2", async (mapping, said) => {
    const r = await run(mapping, "--set", "xa-ntm-2021-2025");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(said);
  });

  it("without --set: criterion 20 is refused once the workbook's set is known; the grammar's range otherwise", async () => {
    const twenty = await run('{"B": "c:20"}');
    expect(twenty.code).toBe(2);
    expect(twenty.err).toMatch(/^ntm: --mapping: Cột B: bộ tiêu chí xa-ntm-2021-2025 không có tiêu chí 20: cần một số nguyên trong khoảng 1–19/);
    const zero = await run('{"B": {"criterion": 0}}', "--lang", "en");
    expect(zero.code).toBe(2);
    expect(zero.err).toMatch(/Column B: criterion 0 is not valid: a whole number in 1–99 is expected/);
    const word = await run('{"B": "ignor"}');
    expect(word.code).toBe(2);
    expect(word.err).toContain('Cột B: không đọc được "ignor"');
    expect((await run('{"B": {"indicator": "10"}}')).code).toBe(0);
  });

  it("the installed bin exits 2 on a criterion the set lacks", () => {
    const r = spawnSync(process.execPath, ["bin/ntm.js", "evaluate", file, "--mapping", '{"B": {"criterion": 20}}', "--out", path.join(dir, "bin.xlsx")], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Cột B: bộ tiêu chí xa-ntm-2021-2025 không có tiêu chí 20");
  });
});

describe("the header row, on sheets whose data rows are small integers", () => {
  const nums = Array.from({ length: 19 }, (_, i) => i + 1);
  const header = (g: SheetGrid, set = bk) => {
    const r = detectLayout(g, set);
    if (!r.ok) throw new Error(formatMessage(r.reason));
    if (r.mapping.layout !== "wide") throw new Error("not wide");
    return r.mapping;
  };

  it("a header STT, Tên thôn, TC1..TC19 over 300 rows of small integers and of ticks", () => {
    for (const cell of [(r: number, n: number) => (r + n) % 3, (r: number, n: number) => ((r + n) % 2 ? "x" : ""), (_r: number, n: number) => n]) {
      const values: unknown[][] = [["STT", "Tên thôn", ...nums.map((n) => `TC${n}`)]];
      for (let r = 0; r < 300; r++) values.push([r + 1, `Thôn ${r + 1}`, ...nums.map((n) => cell(r, n))]);
      const m = header({ name: "A", values });
      expect(m.headerRows).toEqual({ top: 0, bottom: 0 });
      expect(m.dataRows.length).toBe(300);
      expect(m.criterionCols.map((c) => c.no)).toEqual(nums);
    }
  });

  it("the numbered-criteria style, with and without the host's merges", () => {
    const values: unknown[][] = [["STT", "Tên thôn", "Tiêu chí", ...Array(18).fill("")], ["", "", ...nums]];
    for (let r = 0; r < 300; r++) values.push([r + 1, `Thôn ${r + 1}`, ...nums.map((n) => ((r + n) % 2 ? "x" : ""))]);
    const merges: CellRange[] = [{ top: 0, left: 2, bottom: 0, right: 20 }, { top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 1, right: 1 }];
    for (const g of [{ name: "B", values, merges }, { name: "B", values }]) {
      const m = header(g);
      expect(m.headerRows).toEqual({ top: 0, bottom: 1 });
      expect(m.nameCol).toBe(1);
      expect(m.criterionCols.map((c) => c.no)).toEqual(nums);
      expect(m.dataRows.length).toBe(300);
    }
  });

  it("16,000 columns of numbers next to a name column: the header stays the header", () => {
    const width = 16_000;
    const values: unknown[][] = [["Xã", "Tiêu chí 1", ...Array(width).fill(null)]];
    for (let r = 0; r < 20; r++) values.push([`Xã ${r + 1}`, ...Array.from({ length: width + 1 }, (_, i) => (r * 7 + i * 3) % 20)]);
    const m = header({ name: "D", values }, xa);
    expect(m.headerRows).toEqual({ top: 0, bottom: 0 });
    expect(m.nameCol).toBe(0);
    expect(m.dataRows.length).toBe(20);
    const ev = evaluateSheet({ name: "D", values }, { set: xa });
    expect(ev.ok && ev.results.map((u) => u.name)).toEqual(Array.from({ length: 20 }, (_, r) => `Xã ${r + 1}`));
  });

  it("rows of numbers grouped by a merged commune column are not a header block", () => {
    const width = 200;
    const values: unknown[][] = [["STT", "Xã", "Thôn", ...nums.map((n) => `TC${n}`), ...Array(width - 19).fill("")]];
    const merges: CellRange[] = [];
    for (let r = 0; r < 40; r++) {
      values.push([r + 1, r % 4 === 0 ? `Xã ${r / 4 + 1}` : "", `Thôn ${r + 1}`, ...Array.from({ length: width }, (_, i) => (r * 13 + i * 7) % 20)]);
      if (r % 4 === 0) merges.push({ top: r + 1, left: 1, bottom: r + 4, right: 1 });
    }
    const m = header({ name: "G", values, merges });
    expect(m.headerRows).toEqual({ top: 0, bottom: 0 });
    expect(m.nameCol).toBe(2);
    expect(m.dataRows.length).toBe(40);
  });
});
