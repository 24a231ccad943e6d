// The words of the printable HTML page (`ntm evaluate --html`): the command line's alone, so
// kept out of strings.ts (and the add-ins' bundles); tests/i18n.test.ts checks their parity.

import { translator } from "./format.js";

export type HtmlKey =
  | "html.title"
  | "html.notice"
  | "html.noticeHint"
  | "html.matrix"
  | "html.matrixCaption"
  | "html.group"
  | "html.charts"
  | "html.chartUnmet"
  | "html.chartUnmetDesc"
  | "html.chartMet"
  | "html.chartMetDesc"
  | "html.axisUnits"
  | "html.axisCriteriaMet"
  | "html.files"
  | "html.filesRead"
  | "html.filesSkipped"
  | "html.filesFailed"
  | "html.fileUnits"
  | "html.skippedSheet"
  | "html.none"
  | "html.noUnits"
  | "html.generated";

export const HTML_VI: Record<HtmlKey, string> = {
  "html.title": "Báo cáo kết quả đánh giá tiêu chí nông thôn mới",
  "html.notice": "Nội dung thông báo",
  "html.noticeHint": "Đoạn dưới đây là một khối: chọn cả khối, sao chép và dán vào văn bản thông báo.",
  "html.matrix": "Kết quả từng {noun} theo tiêu chí",
  "html.matrixCaption": "Kết quả từng {noun} theo tiêu chí: mỗi ô ghi kết quả (Đạt, Chưa đạt, Thiếu số liệu...) và được tô màu theo kết quả",
  "html.group": "Xã {group}",
  "html.charts": "Biểu đồ",
  "html.chartUnmet": "Số {noun} chưa đạt từng tiêu chí",
  "html.chartUnmetDesc": "Biểu đồ thanh ngang: mỗi thanh là một tiêu chí, độ dài là số {noun} chưa đạt tiêu chí đó (trên tổng số {total} {noun}).",
  "html.chartMet": "Số {noun} theo số tiêu chí đạt",
  "html.chartMetDesc": "Biểu đồ cột: mỗi cột là một mức số tiêu chí đạt, chiều cao là số {noun} đạt đúng số tiêu chí đó.",
  "html.axisUnits": "Số {noun}",
  "html.axisCriteriaMet": "Số tiêu chí đạt",
  "html.files": "Các tệp",
  "html.filesRead": "Đã đọc ({count} tệp)",
  "html.filesSkipped": "Bỏ qua ({count} tệp)",
  "html.filesFailed": "Không đánh giá được ({count} tệp)",
  "html.fileUnits": "{count} đơn vị, bộ tiêu chí {set}",
  "html.skippedSheet": "bỏ qua trang \"{sheet}\": {reason}",
  "html.none": "Không có",
  "html.noUnits": "Không có đơn vị nào được đánh giá.",
  "html.generated": "Lập bằng công cụ ntm: {date}",
};

export const HTML_EN: Record<HtmlKey, string> = {
  "html.title": "New rural criteria assessment report",
  "html.notice": "Notice text",
  "html.noticeHint": "The text below is one block: select it all, copy it and paste it into the notice.",
  "html.matrix": "Results of each unit ({noun}) by criterion",
  "html.matrixCaption": "Results of each unit ({noun}) by criterion: each cell holds the result (Met, Not met, Missing data...) and is coloured by it",
  "html.group": "Commune {group}",
  "html.charts": "Charts",
  "html.chartUnmet": "Units ({noun}) not meeting each criterion",
  "html.chartUnmetDesc": "Bar chart: one bar per criterion, its length the number of units ({noun}) not meeting it (out of {total} {noun}).",
  "html.chartMet": "Units ({noun}) by number of criteria met",
  "html.chartMetDesc": "Column chart: one column per number of criteria met, its height the number of units ({noun}) meeting exactly that many.",
  "html.axisUnits": "Units ({noun})",
  "html.axisCriteriaMet": "Criteria met",
  "html.files": "Files",
  "html.filesRead": "Read ({count} files)",
  "html.filesSkipped": "Skipped ({count} files)",
  "html.filesFailed": "Failed ({count} files)",
  "html.fileUnits": "{count} units, criteria set {set}",
  "html.skippedSheet": "sheet \"{sheet}\" skipped: {reason}",
  "html.none": "None",
  "html.noUnits": "No unit was evaluated.",
  "html.generated": "Made with the ntm tool: {date}",
};

export const tHtml = translator(HTML_VI, HTML_EN);
