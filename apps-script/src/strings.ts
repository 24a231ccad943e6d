import type { Language } from "../../shared/index.js";

/** The add-on's own words (menu, alerts); the engine's messages come from shared/i18n. */
const VI = {
  "menu.title": "NTM",
  "menu.evaluate": "Đánh giá trang tính",
  "menu.clear": "Xoá đánh dấu",
  "menu.report": "Tạo báo cáo",
  "menu.setSheet": "Tạo trang NTM_BoTieuChi",
  "menu.settings": "Cài đặt",
  "sidebar.title": "Tiêu chí nông thôn mới",
  "evaluated": "Đã đánh giá trang \"{sheet}\": {count} {noun}. {summary}",
  "evaluated.long": "Đã đánh giá trang \"{sheet}\": {summary}",
  "col.unitName": "Tên đơn vị",
  "col.commune": "Xã",
  "col.code": "Mã tiêu chí/chỉ tiêu",
  "col.value": "Kết quả thực hiện",
  "col.target": "Chỉ tiêu{region}",
  "col.self": "Tự đánh giá",
  "col.criterionShort": "TC{no}",
  "settingsSaved": "Đã lưu cài đặt.",
  "badColumnChoice": "\"{value}\" không phải lựa chọn cột: cần mã chỉ tiêu (\"10\", \"15.1\"), \"c:7\" cho tiêu chí 7, hoặc \"ignore\"",
  "badYear": "Năm \"{value}\" không hợp lệ: cần một năm như 2024",
  "badTarget": "\"{value}\" không phải mục tiêu: cần số đơn vị và năm, ví dụ 12/2025",
  "badSet": "Không có bộ tiêu chí \"{value}\"",
  "summary.unmet": "Chưa đạt: {list}",
  "summary.avg": "Bình quân đạt {avg} tiêu chí.",
  "unconfirmedUsed": "Có {count} mức yêu cầu chưa xác nhận được dùng (chỉ tiêu {codes}): hãy kiểm tra theo văn bản của tỉnh.",
} as const;

export type UiKey = keyof typeof VI;

const EN: Record<UiKey, string> = {
  "menu.title": "NTM",
  "menu.evaluate": "Evaluate sheet",
  "menu.clear": "Clear highlights",
  "menu.report": "Create report",
  "menu.setSheet": "Create NTM_BoTieuChi sheet",
  "menu.settings": "Settings",
  "sidebar.title": "New rural criteria",
  "evaluated": "Sheet \"{sheet}\" evaluated: {count} {noun}. {summary}",
  "evaluated.long": "Sheet \"{sheet}\" evaluated: {summary}",
  "col.unitName": "Unit name",
  "col.commune": "Commune",
  "col.code": "Criterion/indicator code",
  "col.value": "Actual value",
  "col.target": "Target{region}",
  "col.self": "Self-assessment",
  "col.criterionShort": "C{no}",
  "settingsSaved": "Settings saved.",
  "badColumnChoice": "\"{value}\" is not a column choice: an indicator code (\"10\", \"15.1\"), \"c:7\" for criterion 7, or \"ignore\"",
  "badYear": "Year \"{value}\" is not valid: a year such as 2024 is expected",
  "badTarget": "\"{value}\" is not a target: a number of units and a year are expected, e.g. 12/2025",
  "badSet": "No criteria set \"{value}\"",
  "summary.unmet": "Not met: {list}",
  "summary.avg": "Average {avg} criteria met.",
  "unconfirmedUsed": "{count} unconfirmed targets were used (indicators {codes}): check them against the province's documents.",
};

const TABLES: Record<Language, Record<UiKey, string>> = { vi: VI, en: EN };

export function ui(key: UiKey, lang: Language = "vi", params: Record<string, string | number> = {}): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (params[name] === undefined ? m : String(params[name])));
}

export const UI_KEYS = Object.keys(VI) as UiKey[];
export const UI_TABLES = TABLES;
