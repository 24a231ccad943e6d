// The words of the actions every host runs (evaluate, clear, report, create NTM_BoTieuChi),
// said the same way in the task pane, the sidebar and the menu; strings.ts spreads them into
// VI and EN, so the key-parity test covers them too.
export type ActionKey =
  | "action.ownSheet"
  | "action.nothingToClear"
  | "action.cleared"
  | "action.reported"
  | "action.setSheetExists"
  | "action.setSheetCreated"
  | "action.workbookSetBroken"
  | "action.recordTooLarge"
  | "action.writeFailed"
  | "action.reportNotWritten"
  | "workbook.noSheet"
  | "workbook.nothingJudged"
  | "workbook.farCells"
  | "history.noHeader"
  | "history.badRow"
  | "history.saved"
  | "history.none";

export const ACTION_VI: Record<ActionKey, string> = {
  "action.ownSheet": "Trang \"{sheet}\" là trang của NTM: hãy chọn trang có bảng số liệu rồi chạy lại.",
  "action.nothingToClear": "Trang \"{sheet}\" không có đánh dấu nào của NTM để xoá.",
  "action.cleared": "Đã xoá đánh dấu trên trang \"{sheet}\": màu nền và ghi chú đã trở lại như cũ.",
  "action.reported": "Đã tạo báo cáo ở trang {report} từ trang \"{sheet}\" ({count} {noun}).",
  "action.setSheetExists": "Trang {sheet} đã có: hãy sửa trực tiếp, hoặc đổi tên/xoá trang đó trước khi tạo lại.",
  "action.setSheetCreated": "Đã tạo trang {sheet} từ bộ \"{set}\": hãy sửa cột Ngưỡng và Đã xác nhận theo văn bản của tỉnh rồi đánh giá lại.",
  "action.workbookSetBroken": "Trang NTM_BoTieuChi có {count} lỗi nên chưa dùng được; hãy sửa rồi chạy lại:",
  "action.recordTooLarge": "Trang \"{sheet}\" có quá nhiều ô cần đánh dấu để lưu lại cách xoá ({detail}): hãy chia bảng thành nhiều trang rồi chạy lại. Chưa có ô nào bị thay đổi.",
  "action.writeFailed": "Không ghi được vào trang \"{sheet}\": {detail}",
  "action.reportNotWritten": "Chưa ghi được trang {report}: {detail}",
  "workbook.noSheet": "không có trang \"{sheet}\"; có: {sheets}",
  "workbook.nothingJudged": "không có trang nào",
  "workbook.farCells": "trang \"{sheet}\" có {cells} ô ở xa bảng (xa nhất {farthest}): bỏ qua các ô đó",
  "history.noHeader": "Trang {sheet} không có dòng tiêu đề của NTM (dòng 2: \"Lưu lúc\", \"Trang\", ...): chưa so sánh được với lần lưu trước",
  "history.badRow": "{sheet}, dòng {row}: thiếu thời điểm lưu, trang, bộ tiêu chí hoặc tên đơn vị, hoặc năm không phải số: bỏ qua dòng này",
  "history.saved": "Đã lưu kết quả {count} {noun} của trang \"{sheet}\" vào trang {history} (lần lưu lúc {at}); lần đánh giá sau sẽ so sánh với lần lưu này",
  "history.none": "Chưa có lần lưu nào của trang \"{sheet}\" trong {history}: bấm \"Lưu kết quả\" để lần sau so sánh",
};

export const ACTION_EN: Record<ActionKey, string> = {
  "action.ownSheet": "Sheet \"{sheet}\" belongs to NTM: choose a sheet with a data table and run again.",
  "action.nothingToClear": "Sheet \"{sheet}\" has no NTM highlights to clear.",
  "action.cleared": "Highlights cleared on sheet \"{sheet}\": backgrounds and notes are back as they were.",
  "action.reported": "Report written to sheet {report} from sheet \"{sheet}\" ({count} {noun}).",
  "action.setSheetExists": "Sheet {sheet} already exists: edit it, or rename/delete it before creating it again.",
  "action.setSheetCreated": "Sheet {sheet} created from set \"{set}\": edit the Ngưỡng and Đã xác nhận columns to match the province's documents, then evaluate again.",
  "action.workbookSetBroken": "The NTM_BoTieuChi sheet has {count} errors and cannot be used; fix them and run again:",
  "action.recordTooLarge": "Sheet \"{sheet}\" has too many cells to highlight for the undo record to be kept ({detail}): split the table over several sheets and run again. Nothing was changed.",
  "action.writeFailed": "Could not write to sheet \"{sheet}\": {detail}",
  "action.reportNotWritten": "Sheet {report} was not written: {detail}",
  "workbook.noSheet": "no sheet \"{sheet}\"; sheets: {sheets}",
  "workbook.nothingJudged": "no sheet",
  "workbook.farCells": "sheet \"{sheet}\" has {cells} cells far from the table (farthest {farthest}): those cells are ignored",
  "history.noHeader": "Sheet {sheet} has no NTM header row (row 2: \"Saved at\", \"Sheet\", ...): no comparison with the last save",
  "history.badRow": "{sheet}, row {row}: no save time, sheet, set or unit name, or a year that is not a number: row skipped",
  "history.saved": "Saved the results of {count} {noun} of sheet \"{sheet}\" to sheet {history} (saved at {at}); the next evaluation compares with this save",
  "history.none": "No save of sheet \"{sheet}\" in {history} yet: press \"Save results\" to compare next time",
};
