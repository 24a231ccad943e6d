// The report's two charts as data (shared/report/reportCharts.ts), pure: the chart data block of
// NTM_BaoCao counted by hand, where each chart's cells are, where it is placed (never over a table),
// the same numbers as the HTML page's charts, the titles the add-ons know again, and the use case
// asking for the charts right after the report, on every path that writes it.
import { describe, expect, it } from "vitest";
import {
  CHART_CELLS,
  chartDataRows,
  evaluateFlow,
  Evaluator,
  getBuiltInSet,
  htmlReport,
  isReportChartTitle,
  reportCharts,
  reportLayout,
  reportTable,
  reportWithRoad,
  runFlowSync,
  type HostRequest,
  type ReportChart,
  type SyncPort,
  type UnitInput,
} from "../shared/index.js";
import { fiveVillageResults, VILLAGE_SET } from "./fixtures/villageResults.js";
import { villageGrid } from "./fixtures/grids.js";

const set = VILLAGE_SET;
// By hand: TC 10 not met by 4, TC 12 by 2, TC 13 by 3, TC 17 by 1, every other criterion by none (TC 5
// is missing for Bản Chàn, not "not met"). Criteria met: 16, 16, 16, 17 (Bản Chàn), 19 (Nà Pài).
const results = fiveVillageResults();
const NOT_MET: Record<number, number> = { 10: 4, 12: 2, 13: 3, 17: 1 };

/** The cells of a table inside a box, as rows. */
const cellsOf = (table: ReadonlyArray<ReadonlyArray<unknown>>, b: ReportChart["source"]) =>
  Array.from({ length: b.rows }, (_, r) => Array.from({ length: b.cols }, (_, c) => table[b.row + r]?.[b.col + c] ?? ""));

describe("the chart data block of NTM_BaoCao", () => {
  it("lists every criterion with its units not met, and every number of criteria met from the fewest to all", () => {
    const rows = chartDataRows(results, set, "thôn", "vi");
    expect(rows.slice(0, 4)).toEqual([[], ["SỐ LIỆU BIỂU ĐỒ"], ["Số thôn chưa đạt từng tiêu chí"], ["Tiêu chí", "Số thôn chưa đạt"]]);
    const bars = rows.slice(4, 4 + 19);
    expect(bars.map((r) => r[1])).toEqual(Array.from({ length: 19 }, (_, i) => NOT_MET[i + 1] ?? 0));
    expect(bars[9]).toEqual(["10. Thu nhập", 4]);
    expect(bars[16]).toEqual(["17. Môi trường", 1]);
    expect(rows.slice(23)).toEqual([[], ["Số thôn theo số tiêu chí đạt"], ["Số tiêu chí đạt", "Số thôn"], ["16/19", 3], ["17/19", 1], ["18/19", 0], ["19/19", 1]]);
    expect(chartDataRows(results, set, "villages", "en").slice(1, 4)).toEqual([["CHART DATA"], ["Units (villages) not meeting each criterion"], ["Criterion", "villages not met"]]);
    expect(chartDataRows([], set, "thôn")).toEqual([]);
  });

  it("is part of the report table, under the failing criteria and above the notes", () => {
    const table = reportTable(results, { set, year: 2024, notes: ["một ghi chú"] });
    const at = table.findIndex((r) => r[0] === "SỐ LIỆU BIỂU ĐỒ");
    expect(at).toBeGreaterThan(table.findIndex((r) => r[0] === "Tiêu chí số"));
    expect(table.slice(at - 1, at + 2)).toEqual(chartDataRows(results, set, "thôn").slice(0, 3));
    expect(table.slice(-2)).toEqual([["Lưu ý"], ["- một ghi chú"]]);
  });
});

describe("the two charts of a report table", () => {
  const table = reportTable(results, { set, year: 2024 });
  const charts = reportCharts(table, "vi");

  it("are a bar chart of the criteria by name and a column chart of the numbers met, bound to their cells", () => {
    expect(charts.map((c) => [c.name, c.type, c.title])).toEqual([
      ["NTM_Chart_1", "bar", "Số thôn chưa đạt từng tiêu chí"],
      ["NTM_Chart_2", "column", "Số thôn theo số tiêu chí đạt"],
    ]);
    const [bar, column] = charts as [ReportChart, ReportChart];
    // The header row (the series' name) and 19 criteria; the header and 4 numbers met (16 to 19).
    expect(bar.source).toMatchObject({ col: 0, rows: 20, cols: 2 });
    expect(column.source).toMatchObject({ col: 0, rows: 5, cols: 2 });
    expect(cellsOf(table, bar.source)[0]).toEqual(["Tiêu chí", "Số thôn chưa đạt"]);
    expect(cellsOf(table, bar.source)[10]).toEqual(["10. Thu nhập", 4]);
    expect(cellsOf(table, column.source)).toEqual([["Số tiêu chí đạt", "Số thôn"], ["16/19", 3], ["17/19", 1], ["18/19", 0], ["19/19", 1]]);
  });

  it("are placed right of the widest table, under the frozen header, one below the other, over no written cell", () => {
    const layout = reportLayout(table, "vi")!;
    // STT, Xã, Tên, Số tiêu chí đạt, Chưa đạt, Thiếu số liệu and TC 1..19: 25 columns (A:Y); Z stays blank.
    expect(Math.max(...table.map((r) => r.length))).toBe(25);
    expect(charts.map((c) => c.anchor)).toEqual([
      { row: layout.firstUnitRow, col: 26, ...CHART_CELLS },
      { row: layout.firstUnitRow + CHART_CELLS.rows + 1, col: 26, ...CHART_CELLS },
    ]);
    expect(layout.firstUnitRow).toBe(5);
    for (const c of charts) expect(cellsOf(table, c.anchor).flat().every((v) => v === "")).toBe(true);
  });

  it("are found in the rows every host writes (the road block and the notes after them), in English too", () => {
    const rows = reportWithRoad(results, { set, year: 2024, lang: "en", notes: ["a note"], target: { count: 3, year: 2025 } });
    const en = reportCharts(rows, "en");
    expect(en.map((c) => c.title)).toEqual(["Units (villages) not meeting each criterion", "Units (villages) by number of criteria met"]);
    expect(cellsOf(rows, en[1]!.source).slice(1)).toEqual([["16/19", 3], ["17/19", 1], ["18/19", 0], ["19/19", 1]]);
    expect(en[0]!.anchor.col).toBe(Math.max(...rows.map((r) => r.length)) + 1);
    // The Vietnamese marker is not looked for in an English table, nor any in a table without the block.
    expect(reportCharts(rows, "vi")).toEqual([]);
    expect(reportCharts(table.slice(0, table.findIndex((r) => r[0] === "SỐ LIỆU BIỂU ĐỒ")), "vi")).toEqual([]);
  });

  it("show the HTML page's numbers: each bar and column of its charts, label and count", () => {
    const html = htmlReport({ sections: [{ set, results }], year: 2024 });
    const titles = [...html.matchAll(/<g><title>([^<]*)<\/title>/g)].map((m) => m[1]!);
    const [bar, column] = charts as [ReportChart, ReportChart];
    const bars = cellsOf(table, bar.source).slice(1).map(([label, n]) => `${label}: ${n}`);
    const columns = cellsOf(table, column.source).slice(1).map(([label, n]) => `Số tiêu chí đạt ${String(label).split("/")[0]}: ${n}`);
    expect(titles).toEqual([...bars, ...columns]);
  });
});

describe("the add-ons' chart titles", () => {
  it("are known in either language and with any unit noun; a user's title is not", () => {
    for (const title of ["Số xã chưa đạt từng tiêu chí", "Số bản theo số tiêu chí đạt", "Units (communes) not meeting each criterion", "Units (villages) by number of criteria met"]) expect(isReportChartTitle(title), title).toBe(true);
    for (const title of ["", "Thu nhập bình quân", "Số  chưa đạt", "Số chưa đạt từng tiêu chí", "Biểu đồ của tôi: Số xã chưa đạt từng tiêu chí"]) expect(isReportChartTitle(title), title).toBe(false);
  });
});

describe("the use case asks for the charts right after the report", () => {
  const settings = { setId: "thon-ntm-bac-kan-2022-2025", year: 2024, lang: "vi" as const };
  function port(over: Partial<SyncPort> = {}): { port: SyncPort; asked: HostRequest["kind"][]; charts: ReportChart[][] } {
    const asked: HostRequest["kind"][] = [];
    const charts: ReportChart[][] = [];
    const base: SyncPort = {
      open: () => ({ name: "Thôn 2024", protected: false, grid: { ...villageGrid(), fills: [], notes: [] } }),
      readOriginals: () => ({ fills: [], notes: [] }),
      saveSheetState: () => ({ ok: true }),
      applyPlan: () => ({ ok: true }),
      writeReport: () => ({ ok: true }),
      writeCharts: (r) => {
        charts.push(r.charts);
        return { ok: true };
      },
      createTextSheet: () => ({ created: true }),
      writeHistory: () => ({ ok: true }),
      writeOwnSheet: () => ({ ok: true }),
      commit: () => undefined,
    };
    const all = { ...base, ...over } as SyncPort;
    const logged = Object.fromEntries(Object.entries(all).map(([k, f]) => [k, (r: unknown) => (asked.push(k as HostRequest["kind"]), (f as (r: unknown) => unknown)(r))])) as SyncPort;
    return { port: logged, asked, charts };
  }

  it("in both modes, with the two charts of the rows written; not when the report was not written", () => {
    for (const mode of ["evaluate", "report"] as const) {
      const p = port();
      const out = runFlowSync(evaluateFlow({ settings, mode }), p.port);
      expect(out.ok).toBe(true);
      expect(p.asked.slice(-3)).toEqual(["writeReport", "writeCharts", "commit"]);
      // 4 villages meeting 16, 16, 18 and 18 criteria: a header and 16/19, 17/19, 18/19, 19/19.
      expect(p.charts[0]!.map((c) => c.name)).toEqual(["NTM_Chart_1", "NTM_Chart_2"]);
      expect(p.charts[0]![1]!.source.rows).toBe(1 + 4);
    }
    const refused = port({ writeReport: () => ({ ok: false, detail: "bị khoá" }) });
    runFlowSync(evaluateFlow({ settings, mode: "evaluate" }), refused.port);
    expect(refused.asked).not.toContain("writeCharts");
  });

  it("says so when the charts could not be drawn, the report and highlights kept", () => {
    const p = port({ writeCharts: () => ({ ok: false, detail: "lỗi máy chủ" }) });
    const out = runFlowSync(evaluateFlow({ settings, mode: "evaluate" }), p.port);
    if (!out.ok) throw new Error("evaluation failed");
    expect(out.reportWritten).toBe(true);
    expect(out.wroteHighlights).toBe(true);
    expect(out.warnings.map((w) => w.params?.detail)).toContain("chưa vẽ được biểu đồ (lỗi máy chủ)");
  });
});
