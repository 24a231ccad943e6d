import type { Status } from "../engine/types.js";
import { ACTION_EN, ACTION_VI } from "./actionStrings.js";
import { CHART_EN, CHART_VI, type ChartKey } from "./chartStrings.js";
import { CHANGE_EN, CHANGE_VI, type ChangeKey } from "./changeStrings.js";
import { COMPARE_EN, COMPARE_VI, type CompareUiKey } from "./compareStrings.js";
import { FORMULA_EN, FORMULA_VI, type FormulaKey } from "./formulaStrings.js";
import { REPORT_EN, REPORT_VI, type ReportMatrixKey } from "./reportStrings.js";
import { ROAD_EN, ROAD_VI, type RoadKey } from "./roadStrings.js";
import { SET_ROW_EN, SET_ROW_VI } from "./setRowStrings.js";
import type { MessageKey } from "./message.js";

export type Language = "vi" | "en";
export const LANGUAGES: readonly Language[] = ["vi", "en"];

type Table = Record<MessageKey | `status.${Status}` | UiKey | CompareUiKey | ChangeKey | RoadKey | ReportMatrixKey | FormulaKey | ChartKey, string>;

export type UiKey =
  | "ui.unconfirmed"
  | "ui.criteriaMet"
  | "ui.unmetList"
  | "ui.missingList"
  | "ui.invalidList"
  | "ui.short"
  | "ui.over"
  | "ui.percentPoints"
  | "ui.origin.argument"
  | "ui.origin.row"
  | "ui.origin.workbook"
  | "ui.origin.catalog"
  | "ui.criterion"
  | "ui.indicator"
  | "ui.selfAssessment"
  | "noun.xa"
  | "noun.thon"
  | "report.title"
  | "report.region"
  | "report.year"
  | "report.h.countMet"
  | "report.h.count"
  | "report.h.names"
  | "report.average"
  | "report.averageUnit"
  | "report.h.criterion"
  | "report.h.criterionName"
  | "report.h.notMetCount"
  | "report.h.notMetUnits"
  | "report.h.no"
  | "report.h.commune"
  | "report.h.name"
  | "report.h.criteriaMet"
  | "report.h.notMet"
  | "report.h.missing"
  | "report.h.tc"
  | "report.notes"
  | "report.more"
  | "report.inCommune"
  | "prose.total"
  | "prose.year"
  | "prose.metAll"
  | "prose.met"
  | "prose.countLine"
  | "prose.average"
  | "prose.failingHeader"
  | "prose.failingLine"
  | "prose.missingLine"
  | "note.value"
  | "note.target"
  | "target.met"
  | "target.none"
  | "target.orBetter"
  | "value.yes"
  | "value.no"
  | "value.na"
  | "fn.badYear"
  | "fn.badCode"
  | "fn.noCriteriaHeaders"
  | "fn.widthMismatch"
  | "fn.criterionUnknown"
  | "fn.criterionWidth";

/** Vietnamese first: the default language of every surface. Placeholders are {name}. */
export const VI: Table = {
  ...COMPARE_VI,
  ...CHANGE_VI,
  ...ACTION_VI,
  ...SET_ROW_VI,
  ...REPORT_VI,
  ...ROAD_VI,
  ...FORMULA_VI,
  ...CHART_VI,
  "status.met": "Đạt",
  "status.not_met": "Chưa đạt",
  "status.missing": "Thiếu số liệu",
  "status.invalid": "Dữ liệu không hợp lệ",
  "status.no_threshold": "Chưa có chỉ tiêu",
  "value.spreadsheetError": "ô đang báo lỗi {value}: cần một giá trị",
  "value.notANumber": "\"{value}\" không phải là số: cần một số (ví dụ 42,5)",
  "value.notYesNo": "\"{value}\" không đọc được: cần Đạt/Chưa đạt hoặc Có/Không",
  "value.notAGrade": "\"{value}\" không phải mức xếp loại: cần một trong {expected}",
  "value.dateNotExpected": "ô chứa ngày tháng ({value}): cần một số",
  "value.booleanNotExpected": "ô chứa {value}: cần một số",
  "value.negative": "\"{value}\" là số âm: cần một số không âm",
  "value.percentOutOfRange": "\"{value}\" vượt quá 100%: cần một tỷ lệ từ 0 đến 100%",
  "value.notApplicableNotAllowed": "\"{value}\": chỉ tiêu này áp dụng cho mọi đơn vị",
  "value.notApplicable": "không áp dụng (chỉ tiêu \"nếu có\")",
  "value.assessmentUsed": "theo kết quả tự đánh giá ghi trong ô",
  "value.fractionRead": "đọc là {value}% (ô định dạng tỷ lệ)",
  "value.hiddenChar": "\"{value}\": ký tự ẩn {char} trong số; hãy xoá ký tự đó (thường có khi dán từ trang web hay tệp khác) rồi nhập lại số",
  "target.unreadable": "chỉ tiêu {code}: không đọc được mức \"{value}\" (ví dụ đúng: \"≥ 45 triệu đồng/người\", \">=90%\", \"Đạt\")",
  "target.kindMismatch": "chỉ tiêu {code}: giá trị và mức yêu cầu không cùng loại",
  "threshold.none": "chỉ tiêu {code}: bộ tiêu chí {set} không có mức yêu cầu cho vùng và năm đã chọn",
  "threshold.needsYear": "chỉ tiêu {code}: mức yêu cầu thay đổi theo năm, hãy chọn năm đánh giá",
  "threshold.unconfirmed": "chỉ tiêu {code}: mức yêu cầu chưa được xác nhận ({source}); hãy ghi mức ở cột chỉ tiêu hoặc trang NTM_BoTieuChi",
  "gap.requireYes": "cần đạt yêu cầu",
  "gap.requireNo": "yêu cầu: không còn",
  "gap.requireGrade": "cần xếp loại {grade} trở lên",
  "gap.requireMet": "cần đạt yêu cầu của chỉ tiêu",
  "indicator.unknown": "chỉ tiêu {code} không có trong bộ tiêu chí {set}",
  "set.row": "Dòng {row}: {detail}",
  "region.unknown": "không nhận ra vùng \"{value}\": cần một trong tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl",
  "set.unknown": "không có bộ tiêu chí \"{value}\"; có: {expected}",
  "sheet.empty": "Trang \"{sheet}\" không có dữ liệu",
  "sheet.noLayout": "Trang \"{sheet}\": không nhận ra bảng tiêu chí. Cần một dòng tiêu đề có cột tên xã/thôn và các cột \"Tiêu chí 1\"... hoặc mã chỉ tiêu (\"10\", \"2.1\"); hoặc biểu đánh giá có cột TT, Nội dung, Kết quả thực hiện",
  "sheet.noUnitColumn": "Trang \"{sheet}\": không thấy cột tên đơn vị (\"Xã\", \"Thôn\", \"Bản\", \"Tên đơn vị\")",
  "sheet.noCriteriaColumns": "Trang \"{sheet}\": không thấy cột tiêu chí hoặc chỉ tiêu nào (ví dụ \"Tiêu chí 10\", \"10.1\", \"Thu nhập\")",
  "sheet.noDataRows": "Trang \"{sheet}\": có tiêu đề nhưng không có dòng dữ liệu nào bên dưới",
  "sheet.ambiguousColumn": "Cột \"{header}\" có thể là chỉ tiêu {candidates}: hãy chọn trong phần ánh xạ cột",
  "mapping.badChoice": "Cột {column}: không đọc được {value}; cần {\"indicator\": \"10\"}, {\"criterion\": 7}, \"i:10\", \"c:7\" hoặc \"ignore\"",
  "mapping.badCriterion": "Cột {column}: tiêu chí {value} không hợp lệ: cần một số nguyên trong khoảng {expected}",
  "mapping.criterionNotInSet": "Cột {column}: bộ tiêu chí {set} không có tiêu chí {value}: cần một số nguyên trong khoảng {expected}",
  "mapping.badIndicator": "Cột {column}: {value} không phải mã chỉ tiêu: cần dạng \"10\" hoặc \"2.1\"",
  "mapping.unknownIndicator": "Cột {column}: bộ tiêu chí {set} không có chỉ tiêu \"{value}\"; các mã có: {expected}",
  "sheet.protected": "Trang \"{sheet}\" đang được bảo vệ: hãy bỏ bảo vệ hoặc chọn trang khác",
  "sheet.notesCapped": "Ghi chú chỉ được ghi cho {max} ô đầu tiên; {count} ô khác chỉ được tô màu (các cột [NTM] và trang NTM_BaoCao vẫn có đủ)",
  "sheet.protectedReadOnly": "Trang \"{sheet}\" đang được bảo vệ: đã đánh giá nhưng không tô màu, không ghi cột [NTM]; bỏ bảo vệ trang để đánh dấu các ô",
  "sheet.cell": "{sheet}!{cell}: {detail}",
  "sheet.notCriteriaTable": "Trang \"{sheet}\": không giống một bảng tiêu chí (chỉ có {found} gần giống tên chỉ tiêu); bỏ qua trang này",
  "sheet.tickBlankNotMet": "Trang \"{sheet}\": các cột tiêu chí chỉ đánh dấu \"x\"; ô trống được hiểu là chưa đạt (chọn cách đọc khác: ô trống là thiếu số liệu)",
  "sheet.tickBlankMissing": "Trang \"{sheet}\": các cột tiêu chí chỉ đánh dấu \"x\"; ô trống được hiểu là thiếu số liệu theo lựa chọn của bạn",
  "sheet.totalMismatch": "{cell}: {unit} ghi tổng {typed} tiêu chí đạt, nhưng đếm được {counted}; ô không bị sửa",
  "set.byArgument": "Bộ tiêu chí {set}: theo lựa chọn của bạn",
  "set.byWorkbook": "Bộ tiêu chí {set}: theo trang NTM_BoTieuChi của bảng tính",
  "set.bySetting": "Bộ tiêu chí {set}: theo cài đặt đã lưu",
  "set.byDefault": "Bộ tiêu chí {set}: mặc định",
  "set.byVillages": "Bộ tiêu chí {set}: bảng liệt kê thôn, bản và tiêu đề nêu tỉnh {province}",
  "set.byAdvanced": "Bộ tiêu chí {set}: tiêu đề nêu \"nâng cao\"",
  "set.byCommunes": "Bộ tiêu chí {set}: bảng liệt kê xã (không có tiêu đề nêu thôn, bản hay \"nâng cao\")",
  "set.needsProvince": "Trang \"{sheet}\" liệt kê thôn, bản: cần chọn bộ tiêu chí thôn, bản của tỉnh: {choices}",
  "settings.regionYearNeeded": "Chỉ tiêu {codes} chưa được đánh giá vì chưa chọn vùng và năm đánh giá",
  "settings.regionNeeded": "Chỉ tiêu {codes} chưa được đánh giá vì chưa chọn vùng",
  "settings.yearNeeded": "Chỉ tiêu {codes} chưa được đánh giá vì chưa chọn năm đánh giá",
  "settings.yearOutsidePeriod": "Năm {year} nằm ngoài giai đoạn {from}-{to} của bộ tiêu chí {set}: các chỉ tiêu theo năm ({codes}) không đánh giá được",
  "ui.unconfirmed": "chưa xác nhận",
  "ui.criteriaMet": "đạt {met}/{total} tiêu chí",
  "ui.unmetList": "chưa đạt: {list}",
  "ui.missingList": "thiếu số liệu: {list}",
  "ui.invalidList": "dữ liệu không hợp lệ: {list}",
  "ui.short": "thiếu {amount}",
  "ui.over": "vượt {amount}",
  "ui.percentPoints": "điểm phần trăm",
  "ui.origin.argument": "mức nhập trực tiếp",
  "ui.origin.row": "cột chỉ tiêu của biểu",
  "ui.origin.workbook": "trang NTM_BoTieuChi",
  "ui.origin.catalog": "bộ tiêu chí",
  "ui.criterion": "Tiêu chí số {no}",
  "ui.indicator": "Chỉ tiêu {code}",
  "ui.selfAssessment": "tự đánh giá: {value}",
  "noun.xa": "xã",
  "noun.thon": "thôn",
  "prose.total": "Tổng số {count} được đánh giá theo {title}{year}.",
  "prose.year": " năm {year}",
  "prose.metAll": "đạt {met}/{total} tiêu chí",
  "prose.met": "đạt {met} tiêu chí",
  "prose.countLine": "- Số {noun} {label}: {count} ({list}).",
  "prose.average": "- Bình quân đạt {avg} tiêu chí/{noun}.",
  "prose.failingHeader": "Các tiêu chí chưa đạt:",
  "prose.failingLine": "- Tiêu chí số {no} ({name}): {count} ({list}).",
  "prose.missingLine": "Còn thiếu số liệu hoặc chưa có chỉ tiêu để đánh giá: {count} ({list}).",
  "note.value": "Giá trị",
  "note.target": "Mức yêu cầu",
  "target.met": "Đạt",
  "target.none": "Không",
  "target.orBetter": "{value} trở lên",
  "value.yes": "Có",
  "value.no": "Không",
  "value.na": "Không áp dụng",
  "fn.badYear": "Năm \"{value}\" không hợp lệ: cần một năm như 2024",
  "fn.badCode": "Mã chỉ tiêu \"{value}\" không hợp lệ: cần dạng \"10\" hoặc \"2.1\"",
  "fn.noCriteriaHeaders": "Hàng tiêu đề không có cột tiêu chí hay chỉ tiêu nào (ví dụ \"Tiêu chí 10\", \"10.1\", \"Thu nhập\")",
  "fn.widthMismatch": "Vùng tiêu đề có {headers} cột nhưng vùng số liệu có {values} cột: cần bằng nhau",
  "fn.criterionUnknown": "Tiêu chí \"{value}\" không có trong bộ {set}",
  "fn.criterionWidth": "Tiêu chí {no} có {indicators} chỉ tiêu nhưng vùng có {width} cột: hãy thêm vùng tiêu đề (mã chỉ tiêu)",
};

export const EN: Table = {
  ...COMPARE_EN,
  ...CHANGE_EN,
  ...ACTION_EN,
  ...SET_ROW_EN,
  ...REPORT_EN,
  ...ROAD_EN,
  ...FORMULA_EN,
  ...CHART_EN,
  "status.met": "Met",
  "status.not_met": "Not met",
  "status.missing": "Missing data",
  "status.invalid": "Invalid data",
  "status.no_threshold": "No target",
  "value.spreadsheetError": "the cell shows the error {value}: a value is expected",
  "value.notANumber": "\"{value}\" is not a number: a number is expected (e.g. 42.5)",
  "value.notYesNo": "\"{value}\" cannot be read: Met/Not met or Yes/No is expected",
  "value.notAGrade": "\"{value}\" is not a grade: one of {expected} is expected",
  "value.dateNotExpected": "the cell holds a date ({value}): a number is expected",
  "value.booleanNotExpected": "the cell holds {value}: a number is expected",
  "value.negative": "\"{value}\" is negative: a non-negative number is expected",
  "value.percentOutOfRange": "\"{value}\" is over 100%: a rate between 0 and 100% is expected",
  "value.notApplicableNotAllowed": "\"{value}\": this indicator applies to every unit",
  "value.notApplicable": "not applicable (an \"if any\" indicator)",
  "value.assessmentUsed": "from the self-assessment written in the cell",
  "value.fractionRead": "read as {value}% (percent-formatted cell)",
  "value.hiddenChar": "\"{value}\": hidden character {char} inside the number; delete it (it often comes with text pasted from a web page or another file) and type the number again",
  "target.unreadable": "indicator {code}: cannot read the target \"{value}\" (valid examples: \"≥ 45 triệu đồng/người\", \">=90%\", \"Đạt\")",
  "target.kindMismatch": "indicator {code}: the value and the target are of different kinds",
  "threshold.none": "indicator {code}: set {set} has no target for the chosen region and year",
  "threshold.needsYear": "indicator {code}: the target changes by year; choose the assessment year",
  "threshold.unconfirmed": "indicator {code}: the target is not confirmed yet ({source}); write it in the target column or the NTM_BoTieuChi sheet",
  "gap.requireYes": "the requirement must be met",
  "gap.requireNo": "required: none left",
  "gap.requireGrade": "a grade of {grade} or better is required",
  "gap.requireMet": "the indicator's requirement must be met",
  "indicator.unknown": "indicator {code} is not in set {set}",
  "set.row": "Row {row}: {detail}",
  "region.unknown": "unknown region \"{value}\": one of tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl is expected",
  "set.unknown": "no criteria set \"{value}\"; available: {expected}",
  "sheet.empty": "Sheet \"{sheet}\" has no data",
  "sheet.noLayout": "Sheet \"{sheet}\": no criteria table recognised. A header row is needed with a commune/village name column and columns such as \"Tiêu chí 1\"... or indicator codes (\"10\", \"2.1\"); or an assessment form with TT, Nội dung and Kết quả thực hiện columns",
  "sheet.noUnitColumn": "Sheet \"{sheet}\": no unit name column (\"Xã\", \"Thôn\", \"Bản\", \"Tên đơn vị\")",
  "sheet.noCriteriaColumns": "Sheet \"{sheet}\": no criterion or indicator column (e.g. \"Tiêu chí 10\", \"10.1\", \"Thu nhập\")",
  "sheet.noDataRows": "Sheet \"{sheet}\": there is a header but no data row below it",
  "sheet.ambiguousColumn": "Column \"{header}\" could be indicator {candidates}: choose one in the column mapping",
  "mapping.badChoice": "Column {column}: cannot read {value}; expected {\"indicator\": \"10\"}, {\"criterion\": 7}, \"i:10\", \"c:7\" or \"ignore\"",
  "mapping.badCriterion": "Column {column}: criterion {value} is not valid: a whole number in {expected} is expected",
  "mapping.criterionNotInSet": "Column {column}: set {set} has no criterion {value}: a whole number in {expected} is expected",
  "mapping.badIndicator": "Column {column}: {value} is not an indicator code: \"10\" or \"2.1\" is expected",
  "mapping.unknownIndicator": "Column {column}: set {set} has no indicator \"{value}\"; its codes: {expected}",
  "sheet.protected": "Sheet \"{sheet}\" is protected: unprotect it or choose another sheet",
  "sheet.notesCapped": "Notes were written on the first {max} cells only; {count} more cells are only filled (the [NTM] columns and the NTM_BaoCao sheet carry every gap)",
  "sheet.protectedReadOnly": "Sheet \"{sheet}\" is protected: evaluated, but nothing highlighted and no [NTM] columns written; unprotect the sheet to mark the cells",
  "sheet.cell": "{sheet}!{cell}: {detail}",
  "sheet.notCriteriaTable": "Sheet \"{sheet}\": not a criteria table (only {found} resembles an indicator's name); sheet skipped",
  "sheet.tickBlankNotMet": "Sheet \"{sheet}\": the criterion columns hold only \"x\" marks; a blank cell is read as not met (the other reading: a blank is missing data)",
  "sheet.tickBlankMissing": "Sheet \"{sheet}\": the criterion columns hold only \"x\" marks; a blank cell is read as missing data, as you chose",
  "sheet.totalMismatch": "{cell}: {unit} has a typed total of {typed} criteria met, but {counted} are counted; the cell is left as it is",
  "set.byArgument": "Criteria set {set}: as you chose",
  "set.byWorkbook": "Criteria set {set}: from the workbook's NTM_BoTieuChi sheet",
  "set.bySetting": "Criteria set {set}: from the saved settings",
  "set.byDefault": "Criteria set {set}: the default",
  "set.byVillages": "Criteria set {set}: the sheet lists villages and its title names {province} province",
  "set.byAdvanced": "Criteria set {set}: the title says \"nâng cao\" (advanced)",
  "set.byCommunes": "Criteria set {set}: the sheet lists communes (no title naming villages or \"nâng cao\")",
  "set.needsProvince": "Sheet \"{sheet}\" lists villages: choose the province's village set: {choices}",
  "settings.regionYearNeeded": "Indicators {codes} were not judged: no region and no year chosen",
  "settings.regionNeeded": "Indicators {codes} were not judged: no region chosen",
  "settings.yearNeeded": "Indicators {codes} were not judged: no assessment year chosen",
  "settings.yearOutsidePeriod": "Year {year} is outside the period {from}-{to} of set {set}: the year-dependent indicators ({codes}) could not be judged",
  "ui.unconfirmed": "unconfirmed",
  "ui.criteriaMet": "{met}/{total} criteria met",
  "ui.unmetList": "not met: {list}",
  "ui.missingList": "missing data: {list}",
  "ui.invalidList": "invalid data: {list}",
  "ui.short": "{amount} short",
  "ui.over": "{amount} over",
  "ui.percentPoints": "percentage points",
  "ui.origin.argument": "target given directly",
  "ui.origin.row": "the form's target column",
  "ui.origin.workbook": "the NTM_BoTieuChi sheet",
  "ui.origin.catalog": "the criteria set",
  "ui.criterion": "Criterion {no}",
  "ui.indicator": "Indicator {code}",
  "ui.selfAssessment": "self-assessment: {value}",
  "noun.xa": "communes",
  "noun.thon": "villages",
  "prose.total": "{count} assessed against {title}{year}.",
  "prose.year": " for {year}",
  "prose.metAll": "{met}/{total} criteria met",
  "prose.met": "{met} criteria met",
  "prose.countLine": "- {label} ({noun}): {count} ({list}).",
  "prose.average": "- Average: {avg} criteria per unit ({noun}).",
  "prose.failingHeader": "Criteria not met:",
  "prose.failingLine": "- Criterion {no} ({name}): {count} ({list}).",
  "prose.missingLine": "Missing data or no target: {count} ({list}).",
  "note.value": "Value",
  "note.target": "Target",
  "target.met": "Met",
  "target.none": "None",
  "target.orBetter": "{value} or better",
  "value.yes": "Yes",
  "value.no": "No",
  "value.na": "Not applicable",
  "fn.badYear": "Year \"{value}\" is not valid: a year such as 2024 is expected",
  "fn.badCode": "Indicator code \"{value}\" is not valid: \"10\" or \"2.1\" is expected",
  "fn.noCriteriaHeaders": "The header row names no criterion or indicator (e.g. \"Tiêu chí 10\", \"10.1\", \"Thu nhập\")",
  "fn.widthMismatch": "The header range has {headers} columns but the values have {values}: they must match",
  "fn.criterionUnknown": "Criterion \"{value}\" is not in set {set}",
  "fn.criterionWidth": "Criterion {no} has {indicators} indicators but the range has {width} columns: add a header range (indicator codes)",
};

export const TABLES: Record<Language, Table> = { vi: VI, en: EN };
export type StringKey = keyof Table;
