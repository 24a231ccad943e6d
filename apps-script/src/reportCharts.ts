// The report's two charts on NTM_BaoCao in Google Sheets: the add-on's earlier charts removed (known
// by their titles, in either language; a user's chart is left alone), then each chart built on its
// cells of the report and placed where the shared layout puts it, right of the widest table.
import { isReportChartTitle, type ReportChart } from "../../shared/index.js";
import { chartsService, type SheetApi } from "./host.js";

/** Sheets' default cell in pixels: a chart covers about the cells it would in Excel. */
const CELL = { width: 100, height: 21 };

export function writeReportCharts(sheet: SheetApi, charts: readonly ReportChart[]): { ok: true } | { ok: false; detail: string } {
  try {
    for (const c of sheet.getCharts()) if (isReportChartTitle(String(c.getOptions().get("title") ?? ""))) sheet.removeChart(c);
    const types = chartsService().ChartType;
    for (const c of charts) {
      const { source: s, anchor: at } = c;
      const chart = sheet
        .newChart()
        .setChartType(c.type === "bar" ? types.BAR : types.COLUMN)
        .addRange(sheet.getRange(s.row + 1, s.col + 1, s.rows, s.cols))
        .setNumHeaders(1)
        .setPosition(at.row + 1, at.col + 1, 0, 0)
        .setOption("title", c.title)
        .setOption("legend", { position: "none" })
        .setOption("width", at.cols * CELL.width)
        .setOption("height", at.rows * CELL.height)
        .build();
      sheet.insertChart(chart);
    }
    return { ok: true };
  } catch (e) {
    return { ok: false, detail: e instanceof Error ? e.message : String(e) };
  }
}
