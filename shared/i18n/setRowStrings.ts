// The errors of an NTM_BoTieuChi sheet, row by row, kept apart so strings.ts stays readable;
// strings.ts spreads them into VI and EN, so the key-parity test covers them too.
import type { MessageKey } from "./message.js";

type SetRowKey = Extract<MessageKey, `setRow.${string}`>;

export const SET_ROW_VI: Record<SetRowKey, string> = {
  "setRow.noHeader": "Dòng {row}: không thấy dòng tiêu đề có cột \"{column}\"",
  "setRow.noId": "Dòng {row}: thiếu \"Mã bộ tiêu chí\" (ví dụ: xa-ntm-tinh-2021-2025)",
  "setRow.unknownBase": "Dòng {row}: không có bộ tiêu chí \"{value}\" để kế thừa; có: {expected}",
  "setRow.noTitle": "Dòng {row}: thiếu \"Tên bộ tiêu chí\"",
  "setRow.badPeriod": "Dòng {row}: \"Giai đoạn\" cần dạng 2021-2025, nhận \"{value}\"",
  "setRow.badCriterionNo": "Dòng {row}: \"{column}\" cần một số nguyên từ 1, nhận \"{value}\"",
  "setRow.badCode": "Dòng {row}: \"{column}\" \"{value}\" không thuộc tiêu chí {no} (ví dụ đúng: {no}.1)",
  "setRow.badKind": "Dòng {row}: \"{column}\" cần một trong: {expected}; nhận \"{value}\"",
  "setRow.badComparator": "Dòng {row}: \"{column}\" cần một trong ≥, >, ≤, <, =; nhận \"{value}\"",
  "setRow.badRegion": "Dòng {row}: \"{column}\" \"{value}\" không phải vùng: cần tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl hoặc để trống (mọi vùng)",
  "setRow.badYear": "Dòng {row}: \"{column}\" cần một năm như 2024, nhận \"{value}\"",
  "setRow.badValue": "Dòng {row}: \"{column}\" \"{value}\" không hợp với loại \"{kind}\" của chỉ tiêu {code}",
  "setRow.hiddenChar": "Dòng {row}: \"{column}\" \"{value}\": ký tự ẩn {char} trong số; hãy xoá ký tự đó rồi nhập lại số",
  "setRow.absurd": "Dòng {row}: \"{column}\" \"{value}\" của chỉ tiêu {code} không phải một ngưỡng dùng được (cần một số hữu hạn, không quá {max})",
  "setRow.negative": "Dòng {row}: \"{column}\" \"{value}\" của chỉ tiêu {code} là số âm: ngưỡng loại \"{kind}\" cần một số không âm",
  "setRow.percentOver": "Dòng {row}: \"{column}\" \"{value}\" của chỉ tiêu {code} vượt quá 100%: cần một tỷ lệ từ 0 đến 100",
  "setRow.duplicate": "Dòng {row}: chỉ tiêu {code} đã có ngưỡng cho cùng vùng và năm ở dòng {first}; hãy giữ một trong hai dòng {first} và {row}",
};

export const SET_ROW_EN: Record<SetRowKey, string> = {
  "setRow.noHeader": "Row {row}: no header row with a \"{column}\" column",
  "setRow.noId": "Row {row}: \"Mã bộ tiêu chí\" (the set's id) is missing (e.g. xa-ntm-tinh-2021-2025)",
  "setRow.unknownBase": "Row {row}: no criteria set \"{value}\" to amend; available: {expected}",
  "setRow.noTitle": "Row {row}: \"Tên bộ tiêu chí\" (the set's title) is missing",
  "setRow.badPeriod": "Row {row}: \"Giai đoạn\" (period) must look like 2021-2025, got \"{value}\"",
  "setRow.badCriterionNo": "Row {row}: \"{column}\" must be a whole number from 1, got \"{value}\"",
  "setRow.badCode": "Row {row}: \"{column}\" \"{value}\" does not belong to criterion {no} (e.g. {no}.1)",
  "setRow.badKind": "Row {row}: \"{column}\" must be one of {expected} (or number, percent, boolean, grade, count); got \"{value}\"",
  "setRow.badComparator": "Row {row}: \"{column}\" must be one of ≥, >, ≤, <, =; got \"{value}\"",
  "setRow.badRegion": "Row {row}: \"{column}\" \"{value}\" is not a region: tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl or blank (every region) is expected",
  "setRow.badYear": "Row {row}: \"{column}\" must be a year such as 2024, got \"{value}\"",
  "setRow.badValue": "Row {row}: \"{column}\" \"{value}\" does not fit indicator {code}, of kind \"{kind}\"",
  "setRow.hiddenChar": "Row {row}: \"{column}\" \"{value}\": hidden character {char} inside the number; delete it and type the number again",
  "setRow.absurd": "Row {row}: \"{column}\" \"{value}\" of indicator {code} is not a usable threshold (a finite number no larger than {max} is expected)",
  "setRow.negative": "Row {row}: \"{column}\" \"{value}\" of indicator {code} is negative: a threshold of kind \"{kind}\" cannot be below zero",
  "setRow.percentOver": "Row {row}: \"{column}\" \"{value}\" of indicator {code} is over 100%: a rate between 0 and 100 is expected",
  "setRow.duplicate": "Row {row}: indicator {code} already has a threshold for the same region and year on row {first}; keep one of rows {first} and {row}",
};
