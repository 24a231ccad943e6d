// The words of the assignments sheet (NTM_PhanCong: who holds each criterion, by when) and of its
// follow-up report (overdue, not assigned, per department), kept apart so strings.ts stays
// readable; strings.ts spreads them into VI and EN, so the key-parity test covers them too.
import { t, translator } from "./format.js";
import type { Language, StringKey } from "./strings.js";

export type AssignmentKey =
  | "assign.where"
  | "assign.whereRow"
  | "assign.noHeader"
  | "assign.badCode"
  | "assign.noCode"
  | "assign.badDate"
  | "assign.noSuchDate"
  | "assign.dateYear"
  | "assign.noHolder"
  | "assign.unknownCriterion"
  | "assign.unknownIndicator"
  | "assign.unknownUnit"
  | "assign.otherSet"
  | "assign.sheetTitle"
  | "assign.setLabel"
  | "assign.h.code"
  | "assign.h.name"
  | "assign.h.commune"
  | "assign.h.village"
  | "assign.h.holder"
  | "assign.h.deadline"
  | "assign.h.evidence"
  | "assign.h.status"
  | "assign.h.note"
  | "assign.h.situation"
  | "assign.h.followUp"
  | "assign.example"
  | "assign.exampleCommune"
  | "assign.exampleVillage"
  | "assign.exampleHolder"
  | "assign.exampleEvidence"
  | "assign.exampleStatus"
  | "assign.exampleNote"
  | "assign.title"
  | "assign.subtitle"
  | "assign.section.general"
  | "assign.section.criteria"
  | "assign.section.holders"
  | "assign.section.detail"
  | "assign.generalOpen"
  | "assign.generalNone"
  | "assign.generalAssigned"
  | "assign.criterionLine"
  | "assign.criterionName"
  | "assign.unitsNotMet"
  | "assign.unitsMissing"
  | "assign.given"
  | "assign.holderDue"
  | "assign.holderNoDue"
  | "assign.holderIndicator"
  | "assign.and"
  | "assign.unassignedUnits"
  | "assign.unassignedAll"
  | "assign.overdueUnits"
  | "assign.holderLine"
  | "assign.holderOverdue"
  | "assign.holderNoOverdue"
  | "assign.holderDone"
  | "assign.unassignedLine"
  | "assign.nCriteria"
  | "assign.oneCriterion"
  | "assign.overdueDays"
  | "assign.inTime"
  | "assign.noDeadline"
  | "assign.unassigned"
  | "assign.printTitle"
  | "assign.cli.noSheet"
  | "assign.cli.badReportDate"
  | "assign.cli.exists"
  | "assign.cli.written"
  | "assign.cli.usage"
  | "assign.cli.notXlsx"
  | "assign.cli.source"
  | "assign.add.created"
  | "assign.add.exists"
  | "assign.add.followUp"
  | "assign.add.badSheet"
  | "assign.add.notWritten";

export const ASSIGNMENT_VI: Record<AssignmentKey, string> = {
  "assign.where": "Dòng {row}, ô {cell} (\"{column}\")",
  "assign.whereRow": "Dòng {row}",
  "assign.noHeader": "không thấy dòng tiêu đề có các cột \"Tiêu chí/Chỉ tiêu\" và \"Đơn vị/người phụ trách\" (tạo trang mẫu bằng lệnh ntm assign template hoặc nút \"Tạo mẫu phân công\")",
  "assign.badCode": "\"{value}\" không phải số tiêu chí (ví dụ 17) hay mã chỉ tiêu (ví dụ 17.1)",
  "assign.noCode": "dòng có đơn vị/người phụ trách nhưng chưa ghi tiêu chí: ghi số tiêu chí (17) hoặc mã chỉ tiêu (17.1)",
  "assign.badDate": "\"{value}\" không phải một ngày: cần ngày/tháng/năm như 30/6/2025 (hoặc 2025-06-30)",
  "assign.noSuchDate": "\"{value}\": không có ngày {day} tháng {month} năm {year}",
  "assign.dateYear": "\"{value}\" đọc ra ngày {date}, năm ngoài khoảng 2000-2100: cần ngày/tháng/năm như 30/6/2025",
  "assign.noHolder": "có hạn, minh chứng hoặc trạng thái nhưng chưa ghi đơn vị/người phụ trách: dòng này chưa được tính là đã phân công",
  "assign.unknownCriterion": "tiêu chí {no} không có trong bộ {set}: dòng này không được tính",
  "assign.unknownIndicator": "chỉ tiêu {code} không có trong tiêu chí {no} của bộ {set}: dòng này không được tính",
  "assign.unknownUnit": "không có {noun} \"{name}\" trong kết quả đánh giá: dòng này không được tính",
  "assign.otherSet": "trang phân công ghi bộ tiêu chí \"{value}\" nhưng kết quả được đánh giá theo bộ {set}",
  "assign.sheetTitle": "PHÂN CÔNG PHỤ TRÁCH CÁC TIÊU CHÍ NÔNG THÔN MỚI",
  "assign.setLabel": "Bộ tiêu chí",
  "assign.h.code": "Tiêu chí/Chỉ tiêu",
  "assign.h.name": "Tên tiêu chí",
  "assign.h.commune": "Xã",
  "assign.h.village": "Thôn",
  "assign.h.holder": "Đơn vị/người phụ trách",
  "assign.h.deadline": "Hạn hoàn thành",
  "assign.h.evidence": "Minh chứng",
  "assign.h.status": "Trạng thái",
  "assign.h.note": "Ghi chú",
  "assign.h.situation": "Tình trạng",
  "assign.h.followUp": "Theo dõi",
  "assign.example": "Ví dụ: {code}",
  "assign.exampleCommune": "Tân Lập",
  "assign.exampleVillage": "Nà Lẹng",
  "assign.exampleHolder": "Phòng TN&MT",
  "assign.exampleEvidence": "Biên bản kiểm tra ngày 15/6/2025",
  "assign.exampleStatus": "Đang thực hiện",
  "assign.exampleNote": "Ghi chú: dòng \"Ví dụ\" chỉ để minh hoạ, không được đọc. Mỗi dòng giao một tiêu chí (17) hoặc một chỉ tiêu (17.1); để trống cột {scope} là giao cho mọi {noun}; nhiều đơn vị/người phụ trách cách nhau bằng dấu chấm phẩy; \"Hạn hoàn thành\" ghi ngày/tháng/năm (30/6/2025) hoặc 2025-06-30. Tiêu chí còn chưa đạt sau hạn được báo \"quá hạn\"; tiêu chí chưa đạt mà không ai phụ trách được báo \"chưa phân công\".",
  "assign.title": "BÁO CÁO TIẾN ĐỘ THỰC HIỆN CÁC TIÊU CHÍ CHƯA ĐẠT",
  "assign.subtitle": "Kỳ báo cáo tháng {month}/{year}, tính đến ngày {date}; {set}{source}",
  "assign.section.general": "I. TÌNH HÌNH CHUNG",
  "assign.section.criteria": "II. THEO TIÊU CHÍ",
  "assign.section.holders": "III. THEO ĐƠN VỊ, NGƯỜI PHỤ TRÁCH",
  "assign.section.detail": "IV. CHI TIẾT",
  "assign.generalOpen": "- Còn {items} lượt tiêu chí chưa đạt hoặc thiếu số liệu ở {units}.",
  "assign.generalNone": "- Không còn {noun} nào có tiêu chí chưa đạt hoặc thiếu số liệu.",
  "assign.generalAssigned": "- Đã phân công {assigned} lượt, trong đó quá hạn {overdue} lượt; chưa phân công {unassigned} lượt.",
  "assign.criterionLine": "- Tiêu chí số {no}{name}: {units}; {holding}{overdue}.",
  "assign.criterionName": " ({name})",
  "assign.unitsNotMet": "{count} chưa đạt ({list})",
  "assign.unitsMissing": "{count} thiếu số liệu ({list})",
  "assign.given": "giao {holders}",
  "assign.holderDue": "{holder}, hạn {date}",
  "assign.holderNoDue": "{holder}, chưa có hạn",
  "assign.holderIndicator": "{holder} (chỉ tiêu {code})",
  "assign.and": " và ",
  "assign.unassignedUnits": "chưa phân công: {count} ({list})",
  "assign.unassignedAll": "chưa phân công",
  "assign.overdueUnits": " — quá hạn: {count} ({list})",
  "assign.holderLine": "- {holder}: {criteria} phụ trách chưa đạt ({list}), {overdue}.",
  "assign.holderOverdue": "{count} quá hạn ({list})",
  "assign.holderNoOverdue": "chưa có tiêu chí quá hạn",
  "assign.holderDone": "- {holder}: các tiêu chí phụ trách ({list}) không còn {noun} nào chưa đạt.",
  "assign.unassignedLine": "- Chưa phân công: {criteria} ({list}) ở {units}.",
  "assign.nCriteria": "{count} tiêu chí",
  "assign.oneCriterion": "{count} tiêu chí",
  "assign.overdueDays": "Quá hạn {days} ngày",
  "assign.inTime": "Còn hạn",
  "assign.noDeadline": "Chưa có hạn",
  "assign.unassigned": "Chưa phân công",
  "assign.printTitle": "THEO DÕI PHÂN CÔNG (tính đến ngày {date})",
  "assign.cli.noSheet": "{file}: không có trang {sheet} (các trang: {sheets}); tạo trang mẫu bằng lệnh: ntm assign template --out NTM_PhanCong.xlsx",
  "assign.cli.badReportDate": "--report-date cần một ngày như 2025-06-30 hoặc 30/6/2025, nhận \"{value}\"",
  "assign.cli.exists": "{file} đã có: chọn tên khác bằng --out (tệp đã có không bao giờ bị ghi đè)",
  "assign.cli.written": "Đã tạo mẫu phân công: {file} (trang {sheet}, {count} tiêu chí của bộ {set}). Ghi đơn vị/người phụ trách và hạn hoàn thành, rồi chạy: ntm evaluate <tệp.xlsx> --assignments {file}",
  "assign.cli.usage": "ntm assign template [--set ID] [--out TỆP.xlsx] [--lang vi|en]",
  "assign.cli.notXlsx": "--out cần tên một tệp .xlsx, nhận \"{value}\"",
  "assign.cli.source": "; phân công: {file}",
  "assign.add.created": "Đã tạo trang {sheet} theo bộ \"{set}\" ({count} tiêu chí): hãy ghi đơn vị/người phụ trách và hạn hoàn thành của từng tiêu chí; từ đó, mỗi lần đánh giá sẽ ghi lại trang {followUp}.",
  "assign.add.exists": "Trang {sheet} đã có nên không tạo lại (trang đã có không bao giờ bị ghi đè): hãy sửa trực tiếp, hoặc đổi tên/xoá trang đó trước khi tạo mẫu mới.",
  "assign.add.followUp": "Đã ghi trang {sheet} (tính đến ngày {date}): {items} lượt tiêu chí chưa đạt hoặc thiếu số liệu; đã giao {assigned} lượt, chưa giao {unassigned} lượt, quá hạn {overdue} lượt.",
  "assign.add.badSheet": "Chưa ghi trang {followUp}: trang {sheet} có {count} chỗ cần sửa:",
  "assign.add.notWritten": "Chưa ghi được trang {sheet}: {detail}",
};

export const ASSIGNMENT_EN: Record<AssignmentKey, string> = {
  "assign.where": "Row {row}, cell {cell} (\"{column}\")",
  "assign.whereRow": "Row {row}",
  "assign.noHeader": "no header row with the columns \"Tiêu chí/Chỉ tiêu\" (criterion/indicator) and \"Đơn vị/người phụ trách\" (responsible department/person) (make a template with ntm assign template or the \"Create assignment sheet\" button)",
  "assign.badCode": "\"{value}\" is neither a criterion number (e.g. 17) nor an indicator code (e.g. 17.1)",
  "assign.noCode": "the row names who is responsible but no criterion: write a criterion number (17) or an indicator code (17.1)",
  "assign.badDate": "\"{value}\" is not a date: day/month/year such as 30/6/2025 (or 2025-06-30) is expected",
  "assign.noSuchDate": "\"{value}\": there is no day {day} in month {month} of {year}",
  "assign.dateYear": "\"{value}\" reads as {date}, a year outside 2000-2100: day/month/year such as 30/6/2025 is expected",
  "assign.noHolder": "a deadline, evidence or status but nobody responsible: the row does not count as an assignment",
  "assign.unknownCriterion": "criterion {no} is not in set {set}: the row is not counted",
  "assign.unknownIndicator": "indicator {code} is not in criterion {no} of set {set}: the row is not counted",
  "assign.unknownUnit": "no {noun} named \"{name}\" among the results: the row is not counted",
  "assign.otherSet": "the assignments sheet names criteria set \"{value}\" but the results were judged by set {set}",
  "assign.sheetTitle": "RESPONSIBILITY FOR THE NEW RURAL DEVELOPMENT CRITERIA",
  "assign.setLabel": "Criteria set",
  "assign.h.code": "Criterion/Indicator",
  "assign.h.name": "Criterion name",
  "assign.h.commune": "Commune",
  "assign.h.village": "Village",
  "assign.h.holder": "Responsible department/person",
  "assign.h.deadline": "Deadline",
  "assign.h.evidence": "Evidence",
  "assign.h.status": "Status",
  "assign.h.note": "Notes",
  "assign.h.situation": "Situation",
  "assign.h.followUp": "Follow-up",
  "assign.example": "Example: {code}",
  "assign.exampleCommune": "Tân Lập",
  "assign.exampleVillage": "Nà Lẹng",
  "assign.exampleHolder": "Phòng TN&MT",
  "assign.exampleEvidence": "Inspection record of 15/6/2025",
  "assign.exampleStatus": "In progress",
  "assign.exampleNote": "Note: the \"Example\" row only illustrates and is not read. Each row assigns a criterion (17) or an indicator (17.1); a blank {scope} column assigns it for every {noun}; separate several departments or people with semicolons; write the \"Deadline\" as day/month/year (30/6/2025) or 2025-06-30. A criterion still not met after its deadline is reported \"overdue\"; one not met that nobody holds, \"not assigned\".",
  "assign.title": "PROGRESS ON THE CRITERIA NOT YET MET",
  "assign.subtitle": "Report for {month}/{year}, as of {date}; {set}{source}",
  "assign.section.general": "I. OVERVIEW",
  "assign.section.criteria": "II. BY CRITERION",
  "assign.section.holders": "III. BY DEPARTMENT OR PERSON RESPONSIBLE",
  "assign.section.detail": "IV. DETAIL",
  "assign.generalOpen": "- {items} criteria not met or with missing data across {units}.",
  "assign.generalNone": "- No {noun} has a criterion not met or with missing data.",
  "assign.generalAssigned": "- Assigned: {assigned}, of which {overdue} overdue; not assigned: {unassigned}.",
  "assign.criterionLine": "- Criterion {no}{name}: {units}; {holding}{overdue}.",
  "assign.criterionName": " ({name})",
  "assign.unitsNotMet": "{count} not met ({list})",
  "assign.unitsMissing": "{count} with missing data ({list})",
  "assign.given": "assigned to {holders}",
  "assign.holderDue": "{holder}, due {date}",
  "assign.holderNoDue": "{holder}, no deadline",
  "assign.holderIndicator": "{holder} (indicator {code})",
  "assign.and": " and ",
  "assign.unassignedUnits": "not assigned: {count} ({list})",
  "assign.unassignedAll": "not assigned",
  "assign.overdueUnits": " — overdue: {count} ({list})",
  "assign.holderLine": "- {holder}: {criteria} held not met yet ({list}), {overdue}.",
  "assign.holderOverdue": "{count} overdue ({list})",
  "assign.holderNoOverdue": "none overdue",
  "assign.holderDone": "- {holder}: no {noun} left failing the criteria held ({list}).",
  "assign.unassignedLine": "- Not assigned: {criteria} ({list}) in {units}.",
  "assign.nCriteria": "{count} criteria",
  "assign.oneCriterion": "{count} criterion",
  "assign.overdueDays": "Overdue: {days} day(s)",
  "assign.inTime": "Not yet due",
  "assign.noDeadline": "No deadline",
  "assign.unassigned": "Not assigned",
  "assign.printTitle": "FOLLOW-UP OF ASSIGNMENTS (as of {date})",
  "assign.cli.noSheet": "{file}: no sheet {sheet} (sheets: {sheets}); make a template with: ntm assign template --out NTM_PhanCong.xlsx",
  "assign.cli.badReportDate": "--report-date expects a date such as 2025-06-30 or 30/6/2025, got \"{value}\"",
  "assign.cli.exists": "{file} exists: choose another name with --out (an existing file is never overwritten)",
  "assign.cli.written": "Assignments template written: {file} (sheet {sheet}, {count} criteria of set {set}). Fill in who is responsible and the deadlines, then run: ntm evaluate <file.xlsx> --assignments {file}",
  "assign.cli.usage": "ntm assign template [--set ID] [--out FILE.xlsx] [--lang vi|en]",
  "assign.cli.notXlsx": "--out expects the name of an .xlsx file, got \"{value}\"",
  "assign.cli.source": "; assignments: {file}",
  "assign.add.created": "Sheet {sheet} created for set \"{set}\" ({count} criteria): fill in the responsible department/person and the deadline of each criterion; from then on, every evaluation rewrites {followUp}.",
  "assign.add.exists": "Sheet {sheet} already exists, so it was not created again (an existing sheet is never overwritten): edit it, or rename or delete it before making a new template.",
  "assign.add.followUp": "{sheet} written (as of {date}): {items} criteria not met or with missing data; assigned {assigned}, not assigned {unassigned}, overdue {overdue}.",
  "assign.add.badSheet": "{followUp} not written: sheet {sheet} has {count} problems to fix:",
  "assign.add.notWritten": "{sheet} could not be written: {detail}",
};

/** Kept out of strings.ts (and the add-ins' first bundles: Excel loads them in a chunk of their own); tests/i18n.test.ts checks their parity. */
export const tAssign = translator(ASSIGNMENT_VI, ASSIGNMENT_EN);

/** The follow-up's words and the shared ones ("report.h.no", statuses) through one call. */
export function tFollowUp(key: AssignmentKey | StringKey, lang: Language = "vi", params?: Record<string, string | number>): string {
  return key.startsWith("assign.") ? tAssign(key as AssignmentKey, lang, params) : t(key as StringKey, lang, params);
}
