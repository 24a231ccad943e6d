// The report's two charts on NTM_BaoCao (ExcelApi 1.1), queued in the report's batch: the add-in's
// earlier charts (named NTM_Chart_*) deleted, a user's left alone, then each chart added on its
// cells of the report, named, titled and placed over the cells the shared layout gives it.
import { a1, type ReportChart } from "../../shared/index.js";
import { Batch, COMMAND_BYTES } from "./batch.js";

export async function queueCharts(batch: Batch, sheet: Excel.Worksheet, previous: readonly Excel.Chart[], charts: readonly ReportChart[]): Promise<void> {
  for (const c of previous) {
    await batch.add(COMMAND_BYTES);
    c.delete();
  }
  for (const c of charts) {
    const s = c.source;
    const at = c.anchor;
    // Add, name, title, legend, position: one command each, the title's text counted.
    await batch.add(5 * COMMAND_BYTES + c.title.length * 2);
    const chart = sheet.charts.add(c.type === "bar" ? "BarClustered" : "ColumnClustered", sheet.getRangeByIndexes(s.row, s.col, s.rows, s.cols), "Columns");
    chart.name = c.name;
    chart.title.text = c.title;
    chart.legend.visible = false;
    chart.setPosition(a1(at), a1({ row: at.row + at.rows - 1, col: at.col + at.cols - 1 }));
  }
}
