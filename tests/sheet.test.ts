import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  a1,
  clearPlan,
  columnIndex,
  columnLetters,
  parseA1Range,
  detectLayout,
  evaluateSheet,
  formatMessage,
  getBuiltInSet,
  OWNED_PREFIX,
  type SheetGrid,
  type WritePlan,
} from "../shared/index.js";
import { communeFormGrid, communeGrid, villageGrid } from "./fixtures/grids.js";

const xa = getBuiltInSet("xa-ntm-2021-2025")!;
const bk = getBuiltInSet("thon-ntm-bac-kan-2022-2025")!;

/** Applies a plan to a copy of the grid: values, fills and notes, as a host would. */
function apply(grid: SheetGrid, plan: WritePlan): SheetGrid {
  const values = grid.values.map((r) => [...r]);
  const fills = (grid.fills ?? []).map((r) => [...r]);
  const notes = (grid.notes ?? []).map((r) => [...r]);
  for (const v of plan.values) ((values[v.row] ??= [])[v.col] = v.value);
  for (const f of plan.fills) ((fills[f.row] ??= [])[f.col] = f.color);
  for (const n of plan.notes) ((notes[n.row] ??= [])[n.col] = n.text);
  return { ...grid, values, fills, notes };
}

describe("A1 addresses", () => {
  it("decodes what it encodes", () => {
    for (const col of [0, 25, 26, 51, 701, 702, 16383]) expect(columnIndex(columnLetters(col))).toBe(col);
    expect(parseA1Range("'Thôn 2024'!$B$3:W4")).toEqual({ top: 2, left: 1, bottom: 3, right: 22 });
    expect(parseA1Range("AA10")).toEqual({ top: 9, left: 26, bottom: 9, right: 26 });
    expect(parseA1Range("không phải địa chỉ")).toBeUndefined();
  });
});

describe("layout detection", () => {
  it("reads a district sheet of villages: two-row merged header, numbering row, subtotal and notes skipped", () => {
    const r = detectLayout(villageGrid(), bk);
    if (!r.ok) throw new Error(formatMessage(r.reason));
    const m = r.mapping;
    expect(m.layout).toBe("wide");
    if (m.layout !== "wide") return;
    expect(m.headerRows).toEqual({ top: 2, bottom: 3 });
    expect(m.criterionCols.map((c) => c.no)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(m.dataRows).toEqual([
      { row: 5, group: "Đôn Phong" },
      { row: 6, group: "Đôn Phong" },
      { row: 7, group: "Vũ Muộn" },
      { row: 8, group: "Vũ Muộn" },
    ]);
  });

  it("maps indicator columns by code, by name and by content", () => {
    const r = detectLayout(communeGrid(), xa);
    if (!r.ok || r.mapping.layout !== "wide") throw new Error("not wide");
    expect(r.mapping.indicatorCols.map((c) => [c.code, c.col, c.by])).toEqual([
      ["10", 2, "content"],
      ["11", 3, "name"],
      ["15.1", 4, "code"],
      ["3.1", 6, "code"],
    ]);
    expect(r.mapping.criterionCols.map((c) => [c.no, c.col])).toEqual([[7, 5]]);
  });

  it("reads a commune assessment form (long layout) with its regional target column", () => {
    const r = detectLayout(communeFormGrid(), xa);
    if (!r.ok || r.mapping.layout !== "long") throw new Error("not long");
    expect(r.mapping.unitName).toBe("Xã Thanh Vân");
    expect(r.mapping.rows.map((x) => x.code)).toEqual(["1", "1.1", "1.2", "10", "11", "17", "17.1", "17.2", "19"]);
    expect(r.mapping.targetCols).toEqual([
      { col: 3, header: "Chỉ tiêu / Chung" },
      { col: 4, region: "tdmnpb", header: "Chỉ tiêu / Vùng TDMNPB" },
    ]);
  });

  it("reads 17.10 typed into a number cell (17.1 after 17.9) and letters under a criterion", () => {
    const grid: SheetGrid = {
      name: "Biểu",
      values: [
        ["TT", "Nội dung", "Kết quả thực hiện"],
        [17, "Môi trường", ""],
        [17.8, "x", "90%"],
        [17.9, "y", "90%"],
        [17.1, "z", "90%"],
        [18, "Hệ thống chính trị", ""],
        ["a", "", "Đạt"],
        ["b)", "", "Đạt"],
      ],
    };
    const r = detectLayout(grid, xa);
    if (!r.ok || r.mapping.layout !== "long") throw new Error("not long");
    expect(r.mapping.rows.map((x) => x.code)).toEqual(["17", "17.8", "17.9", "17.10", "18", "18.1", "18.2"]);
  });

  it("accepts a user's mapping of a column", () => {
    const grid: SheetGrid = { name: "S", values: [["Xã", "Cột lạ", "Tiêu chí 7"], ["A", 41, "Đạt"]] };
    const r = detectLayout(grid, xa, { 1: { indicator: "10" } });
    if (!r.ok || r.mapping.layout !== "wide") throw new Error("not wide");
    expect(r.mapping.indicatorCols).toEqual([{ col: 1, header: "Cột lạ", code: "10", by: "user" }]);
  });

  it("lists candidates when a header fits several indicators", () => {
    const grid: SheetGrid = { name: "S", values: [["Xã", "Tỷ lệ hộ đảm bảo", "Tiêu chí 7"], ["A", "90%", "Đạt"]] };
    const r = detectLayout(grid, xa);
    if (!r.ok || r.mapping.layout !== "wide") throw new Error("not wide");
    expect(r.mapping.ambiguous[0]?.candidates.length).toBeGreaterThan(1);
    expect(formatMessage(r.warnings[0]!)).toContain("Tỷ lệ hộ đảm bảo");
  });

  it.each([
    [{ name: "Trống", values: [[], [null, ""]] }, "sheet.empty"],
    [{ name: "Lạ", values: [["a", "b"], [1, 2]] }, "sheet.noLayout"],
    [{ name: "Không tên", values: [["Tiêu chí 1", "Tiêu chí 2"], ["Đạt", "Đạt"]] }, "sheet.noUnitColumn"],
  ] as Array<[SheetGrid, string]>)("says why a sheet cannot be read (%#)", (grid, key) => {
    const r = detectLayout(grid, xa);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.key).toBe(key);
      expect(formatMessage(r.reason)).toContain(grid.name);
    }
  });
});

describe("evaluation of a sheet and its write plan", () => {
  it("reads values typed every way in a commune sheet", () => {
    const r = evaluateSheet(communeGrid(), { set: xa, region: "tdmnpb", year: 2024 });
    if (!r.ok) throw new Error("failed");
    const [thanhVan, hoaBinh, tanLap] = r.results;
    const code = (u: typeof thanhVan, c: string) => u!.criteria.flatMap((x) => x.indicators).find((i) => i.code === c)!;
    expect(code(thanhVan, "10")).toMatchObject({ status: "not_met", gap: { amount: 3.8 } });
    expect(code(thanhVan, "15.1").value).toMatchObject({ value: 96.1 });
    expect(code(hoaBinh, "11").value).toMatchObject({ value: 8.2 });
    expect(code(hoaBinh, "3.1")).toMatchObject({ status: "met", value: { value: 90 } });
    expect(code(tanLap, "10")).toMatchObject({ status: "invalid", reason: { key: "value.spreadsheetError" } });
    expect(code(tanLap, "15.1")).toMatchObject({ status: "invalid", reason: { key: "value.notANumber", params: { value: "khoảng 90" } } });
  });

  it("writes results in its own columns, highlights unmet cells and notes the gap", () => {
    const grid = communeGrid();
    const r = evaluateSheet(grid, { set: xa, region: "tdmnpb", year: 2024 });
    if (!r.ok) throw new Error("failed");
    expect(r.plan.values.filter((v) => v.row === 0).map((v) => v.value)).toEqual([`${OWNED_PREFIX} Kết quả`, `${OWNED_PREFIX} Tiêu chí chưa đạt`, `${OWNED_PREFIX} Thiếu số liệu`]);
    expect(Math.min(...r.plan.values.map((v) => v.col))).toBe(7);
    const c2 = r.plan.fills.find((f) => a1(f) === "C2");
    expect(c2?.color).toBe("#F4CCCC");
    expect(r.plan.notes.find((n) => a1(n) === "C2")?.text).toContain("thiếu 3,8 triệu đồng/người");
  });

  it("re-running the same plan changes nothing, and clearing restores the original fills exactly", () => {
    const grid: SheetGrid = { ...villageGrid(), fills: [[], [], [], [], [], [null, null, null, "#00FF00", null, null, null, null, null, null, null, null, "#123456"]], notes: [] };
    const r1 = evaluateSheet(grid, { set: bk });
    if (!r1.ok) throw new Error("failed");
    const once = apply(grid, r1.plan);
    const r2 = evaluateSheet(once, { set: bk, previous: r1.plan.record });
    if (!r2.ok) throw new Error("failed");
    const twice = apply(once, r2.plan);
    expect(twice.values).toEqual(once.values);
    expect(twice.fills).toEqual(once.fills);
    expect(twice.notes).toEqual(once.notes);
    expect(r2.plan.record).toEqual(r1.plan.record);
    // The highlighted M6 (criterion 10 of Bản Vén) had the user's own colour.
    expect(once.fills![5]![12]).toBe("#F4CCCC");
    const cleared = apply(twice, clearPlan(r2.plan.record));
    expect(cleared.fills![5]![12]).toBe("#123456");
    expect(cleared.fills![5]![3]).toBe("#00FF00");
    for (const row of cleared.values) for (const v of row.slice(23)) expect(v ?? null).toBeNull();
    expect(cleared.values.map((r) => r.slice(0, 23))).toEqual(grid.values.map((r) => r.slice(0, 23)));
  });

  it("un-highlights a cell that is fixed before the next run", () => {
    const grid = villageGrid();
    const r1 = evaluateSheet(grid, { set: bk });
    if (!r1.ok) throw new Error("failed");
    const once = apply(grid, r1.plan);
    const fixed = { ...once, values: once.values.map((r, i) => (i === 5 ? r.map((v, c) => (c === 12 ? "Đạt" : v)) : r)) };
    const r2 = evaluateSheet(fixed, { set: bk, previous: r1.plan.record });
    if (!r2.ok) throw new Error("failed");
    expect(r2.plan.fills.find((f) => f.row === 5 && f.col === 12)).toEqual({ row: 5, col: 12, color: null });
    expect(r2.plan.notes.find((n) => n.row === 5 && n.col === 12)).toEqual({ row: 5, col: 12, text: null });
  });

  it("never replaces a user's own note", () => {
    const grid: SheetGrid = { ...communeGrid(), notes: [[], [null, null, "ghi chú của xã"]] };
    const r = evaluateSheet(grid, { set: xa, region: "tdmnpb", year: 2024 });
    if (!r.ok) throw new Error("failed");
    expect(r.plan.fills.some((f) => a1(f) === "C2")).toBe(true);
    expect(r.plan.notes.some((n) => a1(n) === "C2")).toBe(false);
  });

  it("a property: no plan ever writes a value outside the add-in's columns, nor highlights a cell it did not read", () => {
    const cell = fc.oneof(fc.constantFrom("Đạt", "Chưa đạt", "x", "", "#N/A", "41,2", "85%", "abc", "Không"), fc.double({ min: 0, max: 120, noNaN: true }), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 12 }), fc.boolean(), (rows, secondRun) => {
        const grid: SheetGrid = {
          name: "P",
          values: [["STT", "Thôn", "Tiêu chí 1", "10. Thu nhập", "Tiêu chí 19", "Ghi chú"], ...rows.map((r, i) => [i + 1, `Thôn ${i + 1}`, r[0], r[1], r[2], r[3]])],
          notes: rows.map((r) => [null, null, typeof r[4] === "string" ? r[4] : null]),
        };
        let r = evaluateSheet(grid, { set: bk, year: 2024 });
        if (!r.ok) return;
        if (secondRun) {
          const next = evaluateSheet(apply(grid, r.plan), { set: bk, year: 2024, previous: r.plan.record });
          if (!next.ok) return;
          r = next;
        }
        const owned = new Set(r.plan.record.ownedColumns);
        const width = 6;
        for (const v of r.plan.values) expect(owned.has(v.col) && v.col >= width).toBe(true);
        const read = new Set<string>();
        for (const u of r.units) for (const c of [...Object.values(u.valueCells), ...Object.values(u.criterionCells)]) read.add(`${c.row}:${c.col}`);
        for (const f of r.plan.fills) expect(read.has(`${f.row}:${f.col}`)).toBe(true);
        for (const n of r.plan.notes) {
          expect(read.has(`${n.row}:${n.col}`)).toBe(true);
          const userNote = grid.notes?.[n.row]?.[n.col];
          if (n.text !== null) expect(userNote || null).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });

  it("fills the long form's own column and sums up under it", () => {
    const r = evaluateSheet(communeFormGrid(), { set: xa, region: "tdmnpb", year: 2024 });
    if (!r.ok) throw new Error("failed");
    const col = Math.max(...r.plan.values.map((v) => v.col));
    expect(col).toBe(8);
    const byRow = Object.fromEntries(r.plan.values.map((v) => [v.row, v.value]));
    expect(byRow[9]).toBe("Chưa đạt: thiếu 3,8 triệu đồng/người");
    expect(byRow[10]).toBe("Chưa đạt: vượt 1,5 điểm phần trăm");
    expect(byRow[13]).toBe("Chưa đạt: thiếu 2 điểm phần trăm");
    expect(byRow[15]).toMatch(/^đạt 2\/19 tiêu chí; chưa đạt: 10, 11, 17; thiếu số liệu: /);
    // The form's own "Đạt" for criterion 10 disagrees with its figures: that cell is flagged.
    expect(r.results[0]!.criteria.find((c) => c.no === 10)).toMatchObject({ disagreesWithSelfAssessment: true });
    expect(r.plan.fills.some((f) => f.row === 9 && f.col === 6)).toBe(true);
  });
});
