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
  "cleared": "Đã xoá đánh dấu trên trang \"{sheet}\": màu nền và ghi chú đã trở lại như cũ.",
  "nothingToClear": "Trang \"{sheet}\" không có đánh dấu nào của NTM để xoá.",
  "reported": "Đã tạo báo cáo ở trang {report} từ trang \"{sheet}\" ({count} {noun}).",
  "setSheetExists": "Trang {sheet} đã có: hãy sửa trực tiếp, hoặc đổi tên/xoá trang đó trước khi tạo lại.",
  "setSheetCreated": "Đã tạo trang {sheet} từ bộ \"{set}\": hãy sửa cột Ngưỡng và Đã xác nhận theo văn bản của tỉnh.",
  "ownSheet": "Trang \"{sheet}\" là trang của NTM: hãy chọn trang có bảng số liệu rồi chạy lại.",
  "workbookSetErrors": "Trang NTM_BoTieuChi có lỗi:\n{errors}",
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
  "badSet": "Không có bộ tiêu chí \"{value}\"",
  "writeFailed": "Không ghi được vào trang \"{sheet}\": {detail}",
  "recordTooLarge": "Trang \"{sheet}\" có quá nhiều ô cần đánh dấu để lưu lại cách xoá ({detail}): hãy chia bảng thành nhiều trang rồi chạy lại. Chưa có ô nào bị thay đổi.",
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
  "cleared": "Highlights cleared on sheet \"{sheet}\": backgrounds and notes are back as they were.",
  "nothingToClear": "Sheet \"{sheet}\" has no NTM highlights to clear.",
  "reported": "Report written to sheet {report} from sheet \"{sheet}\" ({count} {noun}).",
  "setSheetExists": "Sheet {sheet} already exists: edit it, or rename/delete it before creating it again.",
  "setSheetCreated": "Sheet {sheet} created from set \"{set}\": edit the Ngưỡng and Đã xác nhận columns to match the province's documents.",
  "ownSheet": "Sheet \"{sheet}\" belongs to NTM: choose a sheet with a data table and run again.",
  "workbookSetErrors": "The NTM_BoTieuChi sheet has errors:\n{errors}",
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
  "badSet": "No criteria set \"{value}\"",
  "writeFailed": "Could not write to sheet \"{sheet}\": {detail}",
  "recordTooLarge": "Sheet \"{sheet}\" has too many cells to highlight for the undo record to be kept ({detail}): split the table over several sheets and run again. Nothing was changed.",
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
