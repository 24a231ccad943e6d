// The parts of "Đánh giá trang tính" and "Tạo báo cáo" that a host may load apart (Excel: a chunk
// of its own, its first bundle has no room): the district roll-up in NTM_BaoCao, and NTM_TheoDoi
// when the workbook has NTM_PhanCong. Every host passes this one object to evaluateFlow, so the
// report and the follow-up are the same on the command line, in Excel and in Google Sheets.
import { writeFollowUpFlow } from "./assignmentActions.js";
import { rollupReportRows } from "./districtRollup.js";
import type { EvaluateExtras } from "./sheetActions.js";

export const evaluateExtras: EvaluateExtras = {
  reportBlock: rollupReportRows,
  followUp: writeFollowUpFlow,
};
