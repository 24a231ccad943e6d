// The words of the report's two charts (NTM_BaoCao's chart data block and the charts the add-ins
// draw from it), kept apart so strings.ts stays readable; strings.ts spreads them into VI and EN,
// so the key-parity test covers them too.
export type ChartKey = "chart.data" | "chart.unmet" | "chart.met" | "chart.h.criterion" | "chart.notWritten";

export const CHART_VI: Record<ChartKey, string> = {
  "chart.data": "SỐ LIỆU BIỂU ĐỒ",
  "chart.unmet": "Số {noun} chưa đạt từng tiêu chí",
  "chart.met": "Số {noun} theo số tiêu chí đạt",
  "chart.h.criterion": "Tiêu chí",
  "chart.notWritten": "chưa vẽ được biểu đồ ({detail})",
};

export const CHART_EN: Record<ChartKey, string> = {
  "chart.data": "CHART DATA",
  "chart.unmet": "Units ({noun}) not meeting each criterion",
  "chart.met": "Units ({noun}) by number of criteria met",
  "chart.h.criterion": "Criterion",
  "chart.notWritten": "the charts could not be drawn ({detail})",
};
