import { describe, expect, it } from "vitest";
import { builtInSets, criteriaSetToRows, formatMessage, getBuiltInSet, readWorkbookSet } from "../shared/index.js";

describe("a set carried by the workbook (NTM_BoTieuChi)", () => {
  it("round-trips every built-in set through the sheet rows", () => {
    for (const set of builtInSets().values()) {
      if (set.criteria.length === 0) continue;
      const back = readWorkbookSet(criteriaSetToRows(set));
      if (!back.ok) throw new Error(set.id + ": " + back.errors.map((e) => formatMessage(e.message)).join("; "));
      expect(back.set.id).toBe(set.id);
      expect(back.set.criteria.map((c) => [c.no, c.name])).toEqual(set.criteria.map((c) => [c.no, c.name]));
      for (const c of set.criteria) {
        for (const ind of c.indicators) {
          const got = back.set.criteria.find((x) => x.no === c.no)!.indicators.find((i) => i.code === ind.code)!;
          expect({ kind: got.kind, comparator: got.comparator, unit: got.unit, text: got.text, grades: got.grades }).toEqual({
            kind: ind.kind,
            comparator: ind.comparator,
            unit: ind.unit,
            text: ind.text,
            grades: ind.grades,
          });
          const key = (t: { region: string; year?: number; value: unknown; confirmed: boolean; source: string }) => [t.region, t.year ?? null, t.value, t.confirmed, t.source];
          expect(got.thresholds.map(key)).toEqual(ind.thresholds.map(key));
        }
      }
    }
  });

  it("reads a province's own set written by hand", () => {
    const rows = [
      ["BỘ TIÊU CHÍ BẢN NÔNG THÔN MỚI"],
      ["Mã bộ tiêu chí:", "ban-ntm-tinh-y-2024-2025"],
      ["Tên bộ tiêu chí", "Bộ tiêu chí bản NTM tỉnh Y"],
      ["Cấp", "bản"],
      ["Giai đoạn", "2024-2025"],
      ["Căn cứ", "Quyết định 1487/QĐ-UBND"],
      [],
      ["Tiêu chí số", "Tên tiêu chí", "Mã chỉ tiêu", "Nội dung chỉ tiêu", "Đơn vị", "Loại", "So sánh", "Vùng", "Năm", "Ngưỡng", "Nguồn", "Đã xác nhận"],
      [1, "Giao thông", "1.1", "Tỷ lệ đường bản được cứng hóa", "%", "tỷ lệ (%)", "≥", "", "", "70%", "1487/QĐ-UBND, tiêu chí 1", "Có"],
      [2, "Thu nhập", "2", "Thu nhập bình quân", "triệu đồng/người", "số", ">=", "", 2024, "30,5", "1487/QĐ-UBND, tiêu chí 2", "x"],
      [2, "Thu nhập", "2", "", "", "", "", "", 2025, 33, "1487/QĐ-UBND, tiêu chí 2", "Có"],
      [3, "Nhà ở", "", "", "", "", "", "", "", "", "", ""],
    ];
    const r = readWorkbookSet(rows);
    if (!r.ok) throw new Error(r.errors.map((e) => formatMessage(e.message)).join("; "));
    expect(r.set).toMatchObject({ id: "ban-ntm-tinh-y-2024-2025", level: "thon", period: { from: 2024, to: 2025 }, regions: [] });
    expect(r.set.criteria.map((c) => c.no)).toEqual([1, 2, 3]);
    const income = r.set.criteria[1]!.indicators[0]!;
    expect(income.thresholds).toEqual([
      { region: "all", year: 2024, value: 30.5, source: "1487/QĐ-UBND, tiêu chí 2", confirmed: true },
      { region: "all", year: 2025, value: 33, source: "1487/QĐ-UBND, tiêu chí 2", confirmed: true },
    ]);
    expect(r.set.criteria[0]!.indicators[0]!.thresholds[0]!.value).toBe(70);
  });

  it("amends a built-in set: only the rows given replace its slots", () => {
    const rows = [
      ["Mã bộ tiêu chí", "xa-ntm-tinh-z"],
      ["Kế thừa", "xa-ntm-2021-2025"],
      ["Tiêu chí số", "Mã chỉ tiêu", "Vùng", "Năm", "Ngưỡng", "Nguồn", "Đã xác nhận"],
      [10, "10", "Đồng bằng sông Hồng", 2024, 60, "QĐ 1/QĐ-UBND tỉnh Z", "Có"],
    ];
    const r = readWorkbookSet(rows, builtInSets());
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const income = r.set.criteria.find((c) => c.no === 10)!.indicators[0]!;
    const base = getBuiltInSet("xa-ntm-2021-2025")!.criteria.find((c) => c.no === 10)!.indicators[0]!;
    expect(income.thresholds.length).toBe(base.thresholds.length);
    expect(income.thresholds.find((t) => t.region === "dbsh" && t.year === 2024)).toMatchObject({ value: 60, confirmed: true });
    expect(income.thresholds.find((t) => t.region === "tdmnpb" && t.year === 2024)).toMatchObject({ value: 45 });
    expect(r.set.criteria.length).toBe(19);
  });

  it("names the row and the column of every error, in Vietnamese", () => {
    const rows = [
      ["Mã bộ tiêu chí", "x"],
      ["Tên bộ tiêu chí", "X"],
      ["Tiêu chí số", "Mã chỉ tiêu", "Loại", "So sánh", "Vùng", "Năm", "Ngưỡng"],
      [1, "1.1", "tỷ lệ", "≥", "Miền Trăng", "", "90"],
      [2, "2.1", "kiểu lạ", "≥", "", "", "90"],
      [3, "3.1", "số", "≥", "", "năm ngoái", "90"],
      [4, "4.1", "có/không", "=", "", "", "42"],
      [5, "6.1", "số", "≥", "", "", "1"],
    ];
    const r = readWorkbookSet(rows);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.errors.map((e) => formatMessage(e.message));
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [4, "Vùng"],
      [5, "Loại"],
      [6, "Năm"],
      [7, "Ngưỡng"],
      [8, "Mã chỉ tiêu"],
    ]);
    expect(text[0]).toContain("Dòng 4");
    expect(text[0]).toContain("Miền Trăng");
    expect(formatMessage(r.errors[0]!.message, "en")).toMatch(/^Row 4:/);
  });

  it("says so when the sheet has no header row or the base set is unknown", () => {
    const none = readWorkbookSet([["Mã bộ tiêu chí", "x"]]);
    expect(none).toMatchObject({ ok: false, errors: [{ row: 1 }] });
    const unknown = readWorkbookSet([["Mã bộ tiêu chí", "x"], ["Kế thừa", "khong-co"], ["Mã chỉ tiêu"]], builtInSets());
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(formatMessage(unknown.errors[0]!.message)).toContain("Dòng 2");
  });
});
