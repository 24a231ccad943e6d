// The words of "one formula on both hosts": formulas written with the other host's function names,
// their rewrite and its undo, and the Excel names NTM_* (LAMBDA). strings.ts spreads them into VI
// and EN, so the key-parity test covers them too.
export type FormulaKey =
  | "formulas.host.excel"
  | "formulas.host.sheets"
  | "formulas.excelNames"
  | "formulas.sheetsNames"
  | "formulas.inExcel"
  | "formulas.inSheets"
  | "formulas.rewritten"
  | "formulas.spillMerged"
  | "formulas.nothing"
  | "formulas.undone"
  | "formulas.undoSkipped"
  | "formulas.undoNothing"
  | "formulas.recordTooLarge"
  | "formulas.writeFailed"
  | "formulas.lambdaOffer"
  | "formulas.lambdaDefined"
  | "formulas.lambdaUpdated"
  | "formulas.lambdaAlready"
  | "formulas.lambdaKept"
  | "formulas.lambdaNoLambda"
  | "formulas.lambdaNoApi"
  | "formulas.lambdaReverse";

export const FORMULA_VI: Record<FormulaKey, string> = {
  "formulas.host.excel": "Excel",
  "formulas.host.sheets": "Google Sheets",
  "formulas.excelNames": "{count} công thức dùng tên hàm của Excel ({example}) ở {where}",
  "formulas.sheetsNames": "{count} công thức dùng tên hàm của Google Sheets ({example}) ở {where}",
  "formulas.inExcel": "Trong Excel các hàm này tên là NTM.CRITERION, NTM.COUNT…: các công thức đó báo #NAME? (hoặc chỉ giữ giá trị Google Sheets đã tính).",
  "formulas.inSheets": "Trong Google Sheets các hàm này tên là NTM_CRITERION, NTM_COUNT…: các công thức đó báo #NAME?.",
  "formulas.rewritten": "Đã đổi {cells} công thức ({calls} lần gọi hàm) sang tên hàm của {host}.",
  "formulas.spillMerged": "{count} ô giá trị tạm của Google Sheets được gộp vào công thức mảng của ô đầu.",
  "formulas.nothing": "Không có công thức nào cần đổi sang tên hàm của {host}.",
  "formulas.undone": "Đã trả lại {count} công thức như trước khi đổi tên.",
  "formulas.undoSkipped": "{count} ô đã bị sửa hoặc xoá sau khi đổi tên nên được giữ nguyên: {cells}",
  "formulas.undoNothing": "Không có lần đổi tên công thức nào để hoàn tác.",
  "formulas.recordTooLarge": "Có quá nhiều công thức để lưu lại cách hoàn tác ({count} ô): hãy đổi từng phần (chia bảng thành nhiều trang) rồi chạy lại. Chưa có công thức nào bị thay đổi.",
  "formulas.writeFailed": "Không ghi được công thức vào trang \"{sheet}\": {detail}",
  "formulas.lambdaOffer": "Định nghĩa các tên NTM_CRITERION, NTM_COUNT… trong sổ tính này để công thức viết như trong Google Sheets cũng chạy trong Excel.",
  "formulas.lambdaDefined": "Đã định nghĩa {count} tên: {names}.",
  "formulas.lambdaUpdated": "Đã cập nhật {count} tên: {names}.",
  "formulas.lambdaAlready": "Các tên {names} đã có trong sổ tính.",
  "formulas.lambdaKept": "Giữ nguyên tên {names} bạn đã tự đặt (không ghi đè): công thức dùng các tên đó chạy theo định nghĩa của bạn.",
  "formulas.lambdaNoLambda": "Excel này chưa dùng được LAMBDA trong tên (cần Excel cho Microsoft 365, Excel 2024 hoặc Excel trên web), nên chưa định nghĩa được các tên NTM_*.",
  "formulas.lambdaNoApi": "Excel này không cho phần bổ trợ tạo tên (cần ExcelApi 1.7), nên chưa định nghĩa được các tên NTM_*.",
  "formulas.lambdaReverse": "Có thể đổi các công thức NTM_CRITERION… sang tên của Excel (NTM.CRITERION…) bằng nút bên dưới.",
};

export const FORMULA_EN: Record<FormulaKey, string> = {
  "formulas.host.excel": "Excel",
  "formulas.host.sheets": "Google Sheets",
  "formulas.excelNames": "{count} formulas use Excel's function names ({example}) on {where}",
  "formulas.sheetsNames": "{count} formulas use Google Sheets' function names ({example}) on {where}",
  "formulas.inExcel": "In Excel these functions are named NTM.CRITERION, NTM.COUNT…: those formulas show #NAME? (or only the values Google Sheets computed).",
  "formulas.inSheets": "In Google Sheets these functions are named NTM_CRITERION, NTM_COUNT…: those formulas show #NAME?.",
  "formulas.rewritten": "{cells} formulas ({calls} function calls) rewritten to the function names of {host}.",
  "formulas.spillMerged": "{count} cells holding Google Sheets' cached spill values were joined to their first cell's array formula.",
  "formulas.nothing": "No formula needs rewriting to the function names of {host}.",
  "formulas.undone": "{count} formulas are back as they were before the rename.",
  "formulas.undoSkipped": "{count} cells were edited or cleared after the rename and were left as they are: {cells}",
  "formulas.undoNothing": "No formula rename to undo.",
  "formulas.recordTooLarge": "Too many formulas to keep an undo record ({count} cells): rename them in parts (split the table over several sheets) and run again. No formula was changed.",
  "formulas.writeFailed": "Could not write the formulas on sheet \"{sheet}\": {detail}",
  "formulas.lambdaOffer": "Define the names NTM_CRITERION, NTM_COUNT… in this workbook so formulas written as in Google Sheets work in Excel too.",
  "formulas.lambdaDefined": "{count} names defined: {names}.",
  "formulas.lambdaUpdated": "{count} names updated: {names}.",
  "formulas.lambdaAlready": "The names {names} are already in the workbook.",
  "formulas.lambdaKept": "Your own names {names} were kept (not overwritten): formulas using them follow your definitions.",
  "formulas.lambdaNoLambda": "This Excel cannot use LAMBDA in names (Excel for Microsoft 365, Excel 2024 or Excel for the web is needed), so the NTM_* names were not defined.",
  "formulas.lambdaNoApi": "This Excel does not let add-ins create names (ExcelApi 1.7 is needed), so the NTM_* names were not defined.",
  "formulas.lambdaReverse": "The NTM_CRITERION… formulas can be rewritten to Excel's names (NTM.CRITERION…) with the button below.",
};
