// The command line's own words, one table per language, beside the engine's (strings.ts) and the
// add-ins' (paneStrings.json); imported by cli/ only, so no add-in bundle carries them.
import { formatNumber } from "./format.js";
import type { Language } from "./strings.js";

const VI = {
  usage: `Cách dùng:
  ntm evaluate <tệp.xlsx|thư mục> [--set ID] [--set-file TỆP.xlsx] [--region ID] [--year NĂM] [--sheet TÊN] [--out ĐƯỜNG_DẪN] [--mapping JSON | --mapping-file TỆP.json] [--blank-means not-met|missing] [--target SỐ/NĂM|SỐ/xã/NĂM] [--sort sheet|closest] [--html TỆP.html] [--assignments TỆP.xlsx] [--report-date NGÀY] [--json] [--lang vi|en]
  ntm compare <tệp-năm-trước.xlsx> <tệp-năm-nay.xlsx> [--sheet TÊN [--sheet TÊN]] [--set ID] [--region ID] [--year NĂM_TRƯỚC,NĂM_NAY] [--target-year NĂM] [--json] [--lang vi|en]
  ntm catalog [--set ID] [--region ID] [--year NĂM] [--json]
  ntm formulas <tệp.xlsx> --to excel|sheets [--out ĐƯỜNG_DẪN] [--json] [--lang vi|en]
  ntm assign template [--set ID] [--out TỆP.xlsx] [--lang vi|en]
Bộ tiêu chí: {sets}
Vùng: {regions} (hoặc tên vùng tiếng Việt)
`,
  badYear: "--year cần một năm như 2024, nhận \"{value}\"",
  badTarget: "--target cần số đơn vị và năm mục tiêu dạng SỐ/NĂM, ví dụ --target 12/2025 (12 xã đạt chuẩn năm 2025; số từ 1, năm từ 2000 đến 2100) hoặc --target 1/xã/2025 (mỗi xã 01 thôn đạt chuẩn năm 2025), nhận \"{value}\"",
  badTargetYear: "--target-year cần một năm như 2025 (năm cần đạt mức thu nhập), nhận \"{value}\"",
  badMapping: "{option}: {why}; ví dụ: '{\"C\": {\"indicator\": \"10\"}, \"D\": {\"criterion\": 7}, \"H\": \"ignore\"}'",
  notJson: "không phải JSON",
  notJsonAt: "không phải JSON (dòng {line}, cột {column})",
  mappingFileMissing: "--mapping-file {file}: không có tệp này (cần một tệp JSON ánh xạ cột, cùng nội dung với --mapping, ví dụ anh-xa.json)",
  mappingFileUnreadable: "--mapping-file {file}: không đọc được tệp",
  mappingFileEmpty: "tệp trống",
  mappingBoth: "dùng --mapping hoặc --mapping-file, không dùng cả hai",
  notObject: "cần một đối tượng JSON",
  unknownCommand: "lệnh không có: \"{command}\"",
  oneInput: "cần đúng một tệp .xlsx hoặc một thư mục",
  settingsFix: "thêm {fix} (vùng của xã và năm đánh giá)",
  moreErrors: " (và {count} lỗi khác)",
  cannotOpen: "{file}: không mở được tệp",
  outIsInput: "--out {out} là chính tệp đầu vào: chọn tên khác (tệp gốc không bao giờ bị ghi đè)",
  xls: "tệp Excel 97-2003 (.xls): mở bằng Excel và lưu lại dạng .xlsx",
  otherSpreadsheet: "tệp {ext} chưa đọc được: mở bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx",
  noInput: "{input}: không có tệp hoặc thư mục này",
  noWorkbooks: "{input}: thư mục không có tệp .xlsx nào{others}",
  resaveThese: " ({files}: cần lưu lại dạng .xlsx)",
  files: "{count} tệp",
  errorsTitle: "Tệp không đánh giá được",
  errorsHeader: "STT|Tệp|Lý do",
  errorsSheet: "NTM_TepLoi",
  summary: "TỔNG HỢP",
  combined: "Báo cáo tổng hợp",
  htmlPage: "Trang báo cáo để in (HTML)",
  badHtml: "--html cần tên một tệp .html (ví dụ --html bao-cao.html), nhận \"{value}\"",
  badSort: "--sort: sheet (thứ tự trên trang tính, mặc định) hoặc closest (nhiều tiêu chí đạt nhất trước); nhận \"{value}\"",
  stopping: "Đã nhận Ctrl-C: dừng sau tệp đang đánh giá (bấm lần nữa để thoát ngay)",
  partial: "Báo cáo CHƯA ĐẦY ĐỦ: dừng theo yêu cầu (Ctrl-C) sau {done}/{total} tệp",
  commune: "xã {group}",
  criteriaCount: "{count} tiêu chí",
  skippedSheet: "bỏ qua trang {sheet}: {reason}",
  copy: "Bản sao có đánh dấu",
  copyNote: "Lưu ý: bản sao giữ nguyên mọi thứ của tệp gốc (biểu đồ, hình, bảng, macro, định dạng); chỉ thêm tô màu, ghi chú, các cột [NTM] và trang NTM_BaoCao. Tệp gốc không bị thay đổi.",
  legalBasis: "Căn cứ",
  thresholds: "Ngưỡng: {total} ô, {withValue} có giá trị, {confirmed} đã xác nhận",
  nameMissing: "chưa có tên",
  chooseRegion: "Chọn vùng và năm để xem ngưỡng theo vùng: --region tdmnpb --year 2024",
  twoInputs: "cần hai tệp .xlsx: kết quả năm trước, rồi kết quả năm nay",
  compareYears: "--year: một năm cho cả hai tệp, hoặc hai năm (năm trước, năm nay) như --year 2023,2024; nhận \"{value}\"",
  compareSheets: "--sheet: một tên trang cho cả hai tệp, hoặc hai lần --sheet (tệp năm trước, tệp năm nay)",
  compareYearFix: "thêm --year NĂM_TRƯỚC,NĂM_NAY (ví dụ --year 2023,2024)",
  compareTitle: "So sánh {old} → {new}",
  compareUnits: "Từng đơn vị (giảm tiêu chí trước):",
  formulasTo: "--to excel (tên hàm NTM.CRITERION của Excel) hoặc --to sheets (NTM_CRITERION của Google Sheets); nhận \"{value}\"",
  formulasOneInput: "cần đúng một tệp .xlsx: ntm formulas <tệp.xlsx> --to excel|sheets",
  formulasFix: "Đổi tên trong một bản sao: ntm formulas \"{file}\" --to excel",
  formulasXldudf: "trong tệp .xlsx, Excel lưu hàm NTM.CRITERION của phần bổ trợ dưới tên _xldudf_NTM_CRITERION; trong Excel vẫn hiện là NTM.CRITERION",
};

const EN: Record<keyof typeof VI, string> = {
  usage: `Usage:
  ntm evaluate <file.xlsx|folder> [--set ID] [--set-file FILE.xlsx] [--region ID] [--year YYYY] [--sheet NAME] [--out PATH] [--mapping JSON | --mapping-file FILE.json] [--blank-means not-met|missing] [--target COUNT/YYYY|COUNT/xã/YYYY] [--sort sheet|closest] [--html FILE.html] [--assignments FILE.xlsx] [--report-date YYYY-MM-DD] [--json] [--lang vi|en]
  ntm compare <earlier.xlsx> <later.xlsx> [--sheet NAME [--sheet NAME]] [--set ID] [--region ID] [--year EARLIER,LATER] [--target-year YYYY] [--json] [--lang vi|en]
  ntm catalog [--set ID] [--region ID] [--year YYYY] [--json]
  ntm formulas <file.xlsx> --to excel|sheets [--out PATH] [--json] [--lang vi|en]
  ntm assign template [--set ID] [--out FILE.xlsx] [--lang vi|en]
Sets: {sets}
Regions: {regions} (or the Vietnamese region name)
`,
  badYear: "--year expects a year such as 2024, got \"{value}\"",
  badTarget: "--target expects the number of units and the target year as COUNT/YEAR, e.g. --target 12/2025 (12 communes meeting the standard by 2025; a count from 1, a year from 2000 to 2100) or --target 1/xã/2025 (1 village in every commune by 2025), got \"{value}\"",
  badTargetYear: "--target-year expects a year such as 2025 (the year whose income target is to be reached), got \"{value}\"",
  badMapping: "{option}: {why}; e.g. '{\"C\": {\"indicator\": \"10\"}, \"D\": {\"criterion\": 7}, \"H\": \"ignore\"}'",
  notJson: "not JSON",
  notJsonAt: "not JSON (line {line}, column {column})",
  mappingFileMissing: "--mapping-file {file}: no such file (a JSON file holding the column mapping, the same as --mapping, e.g. mapping.json)",
  mappingFileUnreadable: "--mapping-file {file}: cannot read the file",
  mappingFileEmpty: "the file is empty",
  mappingBoth: "use --mapping or --mapping-file, not both",
  notObject: "a JSON object is expected",
  unknownCommand: "unknown command \"{command}\"",
  oneInput: "exactly one .xlsx file or folder is expected",
  settingsFix: "add {fix} (the commune's region and the assessment year)",
  moreErrors: " (and {count} more)",
  cannotOpen: "{file}: cannot open the file",
  outIsInput: "--out {out} is the input itself: choose another name (the original is never overwritten)",
  xls: "an Excel 97-2003 file (.xls): open it in Excel and save it as .xlsx",
  otherSpreadsheet: "{ext} files are not read yet: open it in Excel or LibreOffice and save it as .xlsx",
  noInput: "{input}: no such file or folder",
  noWorkbooks: "{input}: the folder holds no .xlsx file{others}",
  resaveThese: " ({files}: save them as .xlsx)",
  files: "{count} files",
  errorsTitle: "Files not evaluated",
  errorsHeader: "No.|File|Reason",
  errorsSheet: "NTM_Errors",
  summary: "SUMMARY",
  combined: "Combined report",
  htmlPage: "Printable report page (HTML)",
  badHtml: "--html expects the name of an .html file (e.g. --html report.html), got \"{value}\"",
  badSort: "--sort: sheet (the sheet's order, the default) or closest (most criteria met first); got \"{value}\"",
  stopping: "Ctrl-C received: stopping after the file in hand (press again to quit at once)",
  partial: "INCOMPLETE report: stopped on request (Ctrl-C) after {done}/{total} files",
  commune: "commune {group}",
  criteriaCount: "{count} criteria",
  skippedSheet: "skipped sheet {sheet}: {reason}",
  copy: "Highlighted copy",
  copyNote: "Note: each copy keeps everything of the original (charts, pictures, tables, macros, formatting) and only adds fills, notes, the [NTM] columns and the NTM_BaoCao sheet. The original files are not modified.",
  legalBasis: "Legal basis",
  thresholds: "Thresholds: {total} slots, {withValue} with a value, {confirmed} confirmed",
  nameMissing: "name not retrieved",
  chooseRegion: "Choose a region and year to see regional thresholds: --region tdmnpb --year 2024",
  twoInputs: "two .xlsx files are expected: the earlier results, then the later ones",
  compareYears: "--year: one year for both files, or two (earlier, later) such as --year 2023,2024; got \"{value}\"",
  compareSheets: "--sheet: one sheet name for both files, or --sheet twice (earlier file, later file)",
  compareYearFix: "add --year EARLIER,LATER (e.g. --year 2023,2024)",
  compareTitle: "Comparing {old} → {new}",
  compareUnits: "Unit by unit (losses first):",
  formulasTo: "--to excel (Excel's names, NTM.CRITERION) or --to sheets (Google Sheets' names, NTM_CRITERION); got \"{value}\"",
  formulasOneInput: "exactly one .xlsx file is expected: ntm formulas <file.xlsx> --to excel|sheets",
  formulasFix: "Rename them in a copy: ntm formulas \"{file}\" --to excel",
  formulasXldudf: "in an .xlsx file Excel stores the add-in's NTM.CRITERION as _xldudf_NTM_CRITERION; Excel still shows NTM.CRITERION",
};

export type CliKey = keyof typeof VI;
export const CLI_STRINGS: Record<Language, Record<CliKey, string>> = { vi: VI, en: EN };

/** A command-line text with its {placeholders} filled (numbers as notices write them). */
export function say(key: CliKey, lang: Language, params: Record<string, string | number> = {}): string {
  return CLI_STRINGS[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    return v === undefined ? m : typeof v === "number" ? formatNumber(v, lang) : v;
  });
}
