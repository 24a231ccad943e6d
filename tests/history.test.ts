// NTM_LichSu: saved results read back and compared with a later evaluation.
import { describe, expect, it } from "vitest";
import { compareRuns, evaluateSheet, formatMessage, getBuiltInSet, historyRows, lastSnapshot, readHistory, type SheetGrid, type UnitResult } from "../shared/index.js";
import { villageGrid } from "./fixtures/grids.js";

const thon = getBuiltInSet("thon-ntm-bac-kan-2022-2025")!;

function results(grid: SheetGrid): UnitResult[] {
  const r = evaluateSheet(grid, { set: thon, year: 2024 });
  if (!r.ok) throw new Error("fixture");
  return r.results;
}

/** The village sheet with one cell changed: [row label, criterion, new word]. */
function changed(edits: Array<[string, number, string]>): SheetGrid {
  const g = villageGrid();
  const values = g.values.map((r) => [...r]);
  for (const [name, no, word] of edits) {
    const row = values.find((r) => r[2] === name)!;
    row[2 + no] = word;
  }
  return { ...g, values };
}

describe("NTM_LichSu", () => {
  it("keeps each unit's marks as offices write them, and reads them back as the same statuses", () => {
    const before = results(villageGrid());
    const rows = historyRows(undefined, { at: "2026-11-01T08:00:00Z", sheet: "Thôn 2024", set: thon, year: 2024, results: before, lang: "vi" });
    expect(rows[1]!.slice(0, 9)).toEqual(["Lưu lúc", "Trang", "Bộ tiêu chí", "Vùng", "Năm", "Xã", "Đơn vị", "Số tiêu chí đạt", "TC 1"]);
    // Bản Vén: criteria 10, 12, 13 not met (the fixture), 16/19.
    const ven = rows.find((r) => r[6] === "Bản Vén")!;
    expect(ven.slice(5, 8)).toEqual(["Đôn Phong", "Bản Vén", "16/19"]);
    expect([10, 12, 13].map((no) => ven[7 + no])).toEqual(["CĐ", "CĐ", "CĐ"]);
    expect(ven[8]).toBe("Đ");
    const read = readHistory(rows);
    expect(read.errors).toEqual([]);
    const snap = lastSnapshot(read, "Thôn 2024")!;
    expect(snap.units.map((u) => `${u.result.name}:${u.result.criteriaMet}/${u.result.criteriaTotal}:${u.result.unmet.join(",")}`)).toEqual(before.map((r) => `${r.name}:${r.criteriaMet}/${r.criteriaTotal}:${r.unmet.join(",")}`));
  });

  it("the next evaluation finds what was lost and gained since the last save of the same sheet", () => {
    const first = historyRows(undefined, { at: "2026-11-01T08:00:00Z", sheet: "Thôn 2024", set: thon, year: 2024, results: results(villageGrid()), lang: "vi" });
    // Another sheet saved later must not be taken for this one.
    const rows = historyRows(first, { at: "2026-11-02T08:00:00Z", sheet: "Khác", set: thon, year: 2024, results: results(villageGrid()).slice(0, 1), lang: "vi" });
    const snap = lastSnapshot(readHistory(rows), "Thôn 2024")!;
    expect(snap.at).toBe("2026-11-01T08:00:00Z");
    // Since then: Bản Vén lost criterion 5, Bản Đán met criterion 17.
    const now = results(changed([["Bản Vén", 5, "Chưa đạt"], ["Bản Đán", 17, "Đạt"]]));
    const c = compareRuns(snap, { set: thon.id, year: 2024, units: now.map((result) => ({ sheet: "Thôn 2024", result })) });
    if (!c.ok) throw new Error(formatMessage(c.reason));
    expect(c.units.filter((u) => u.lost.length).map((u) => [u.new.result.name, u.lost])).toEqual([["Bản Vén", [5]]]);
    expect(c.units.filter((u) => u.gained.length).map((u) => [u.new.result.name, u.gained])).toEqual([["Bản Đán", [17]]]);
    expect(c.onlyInOld).toEqual([]);
  });

  it("widens its header for a set with more criteria, keeps earlier rows in place, stays in the language it was written in, and names a row it cannot read", () => {
    const small = { ...thon, criteria: thon.criteria.filter((c) => c.no <= 10) };
    const first = historyRows(undefined, { at: "t1", sheet: "A", set: small, results: results(villageGrid()).slice(0, 1), lang: "en" });
    expect(first[1]!.filter((h) => h.startsWith("TC "))).toHaveLength(10);
    expect(first[1]![0]).toBe("Saved at");
    const rows = historyRows(first, { at: "t2", sheet: "A", set: thon, results: results(villageGrid()).slice(0, 1), lang: "vi" });
    expect(rows[1]![0]).toBe("Saved at");
    expect(rows[1]!.filter((h) => h.startsWith("TC "))).toHaveLength(19);
    // The first save's marks are still under TC 1..10; its figures column moved to the end.
    expect(rows[2]!.length).toBe(rows[1]!.length);
    expect(rows[2]!.slice(8, 18)).toEqual(first[2]!.slice(8, 18));
    const broken = [...rows, ["", "A", "x", "", "", "", "Bản Vén"]];
    const read = readHistory(broken);
    expect(read.errors.map((e) => formatMessage(e))).toEqual([`NTM_LichSu, dòng ${broken.length}: thiếu thời điểm lưu, trang, bộ tiêu chí hoặc tên đơn vị, hoặc năm không phải số: bỏ qua dòng này`]);
    expect(read.snapshots.map((s) => s.at)).toEqual(["t1", "t2"]);
  });
});
