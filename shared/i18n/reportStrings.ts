// The words of the report sheet NTM_BaoCao, kept apart so strings.ts stays readable;
// strings.ts spreads them into VI and EN, so the key-parity test covers them too.
import type { UiKey } from "./strings.js";

/** The matrix's legend, totals row, sort note and printed page number (added with the heat map's print setup). */
export type ReportMatrixKey = "report.legend" | "report.h.unitsNotMet" | "report.sortedClosest" | "report.page";

type ReportKey = Extract<UiKey, `report.${string}`> | ReportMatrixKey;

export const REPORT_VI: Record<ReportKey, string> = {
  "report.title": "BÁO CÁO KẾT QUẢ ĐÁNH GIÁ TIÊU CHÍ NÔNG THÔN MỚI",
  "report.region": "vùng {region}",
  "report.year": "năm {year}",
  "report.h.countMet": "Số tiêu chí đạt",
  "report.h.count": "Số {noun}",
  "report.h.names": "Tên {noun}",
  "report.average": "Bình quân",
  "report.averageUnit": "tiêu chí/{noun}",
  "report.h.criterion": "Tiêu chí số",
  "report.h.criterionName": "Tên tiêu chí",
  "report.h.notMetCount": "Số {noun} chưa đạt",
  "report.h.notMetUnits": "{Noun} chưa đạt",
  "report.h.no": "STT",
  "report.h.commune": "Xã",
  "report.h.name": "Tên",
  "report.h.criteriaMet": "Số tiêu chí đạt",
  "report.h.notMet": "Chưa đạt",
  "report.h.missing": "Thiếu số liệu",
  "report.h.tc": "TC {no}",
  "report.notes": "Lưu ý",
  "report.more": " … (còn nữa: xem bảng từng đơn vị bên dưới)",
  "report.inCommune": "{names} xã {group}",
  "report.legend": "Chú giải",
  "report.h.unitsNotMet": "Số đơn vị chưa đạt",
  "report.sortedClosest": "xếp theo mức gần đạt chuẩn (nhiều tiêu chí đạt nhất trước)",
  "report.page": "Trang &P/&N",
};

export const REPORT_EN: Record<ReportKey, string> = {
  "report.title": "NEW RURAL CRITERIA ASSESSMENT REPORT",
  "report.region": "region {region}",
  "report.year": "year {year}",
  "report.h.countMet": "Criteria met",
  "report.h.count": "Number of {noun}",
  "report.h.names": "Names of {noun}",
  "report.average": "Average",
  "report.averageUnit": "criteria per unit ({noun})",
  "report.h.criterion": "Criterion",
  "report.h.criterionName": "Name",
  "report.h.notMetCount": "{noun} not met",
  "report.h.notMetUnits": "{Noun} not meeting it",
  "report.h.no": "No.",
  "report.h.commune": "Commune",
  "report.h.name": "Name",
  "report.h.criteriaMet": "Criteria met",
  "report.h.notMet": "Not met",
  "report.h.missing": "Missing",
  "report.h.tc": "C{no}",
  "report.notes": "Notes",
  "report.more": " … (more: see the table of units below)",
  "report.inCommune": "{names} (commune {group})",
  "report.legend": "Legend",
  "report.h.unitsNotMet": "Units not meeting",
  "report.sortedClosest": "sorted by closeness to certification (most criteria met first)",
  "report.page": "Page &P of &N",
};
