// The cell functions as data: names on both hosts, parameters in order with their type and
// whether they are optional, help in Vietnamese and English. The hosts' JSDoc (which Excel's
// functions.json and Sheets' autocomplete are built from) is checked against this by a test.

export type ParamType = "number" | "string" | "range" | "any";

export interface FunctionParam {
  /** Excel's parameter name (English, as Excel shows it). */
  excel: string;
  /** Sheets' parameter name (Vietnamese, as Sheets' autocomplete shows it). */
  sheets: string;
  type: ParamType;
  optional: boolean;
  help: { vi: string; en: string };
}

export interface CellFunctionSpec {
  /** Excel id, shown as NTM.<id>; Sheets name NTM_<id>. */
  id: "CRITERION" | "INDICATOR" | "COUNT" | "GAPS" | "THRESHOLD" | "CHANGE";
  help: { vi: string; en: string };
  params: readonly FunctionParam[];
  returns: { vi: string; en: string };
}

const SET: FunctionParam = { excel: "set", sheets: "bo_tieu_chi", type: "string", optional: true, help: { vi: "Mã bộ tiêu chí, ví dụ \"xa-ntm-2021-2025\". Bỏ trống: theo Cài đặt.", en: "Criteria set id, e.g. \"xa-ntm-2021-2025\". Default: the workbook's setting." } };
const REGION: FunctionParam = { excel: "region", sheets: "vung", type: "string", optional: true, help: { vi: "Vùng: tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl hoặc tên vùng. Bỏ trống: theo Cài đặt.", en: "Region id or name, e.g. \"tdmnpb\". Default: the workbook's setting." } };
const YEAR: FunctionParam = { excel: "year", sheets: "nam", type: "number", optional: true, help: { vi: "Năm đánh giá, ví dụ 2024. Bỏ trống: theo Cài đặt.", en: "Assessment year, e.g. 2024. Default: the workbook's setting." } };
const HEADERS: FunctionParam = { excel: "headers", sheets: "tieu_de", type: "range", optional: false, help: { vi: "Hàng tiêu đề: \"Tiêu chí 1\"...\"Tiêu chí 19\" hoặc mã/tên chỉ tiêu (\"10. Thu nhập\").", en: "Header row naming the columns (\"Tiêu chí 1\", \"10. Thu nhập\", \"15.1\"...)." } };
const ROWS: FunctionParam = { excel: "values", sheets: "gia_tri", type: "range", optional: false, help: { vi: "Vùng số liệu, cùng số cột với hàng tiêu đề; mỗi dòng một xã/thôn.", en: "One row per commune or village, the same columns as the headers." } };

export const CELL_FUNCTIONS: readonly CellFunctionSpec[] = [
  {
    id: "INDICATOR",
    help: { vi: "Đánh giá một chỉ tiêu cho từng ô của vùng: Đạt, Chưa đạt, Thiếu số liệu, Dữ liệu không hợp lệ hoặc Chưa có chỉ tiêu.", en: "Status of an indicator for each value of a range: Đạt, Chưa đạt, Thiếu số liệu..." },
    params: [
      { excel: "code", sheets: "ma_chi_tieu", type: "string", optional: false, help: { vi: "Mã chỉ tiêu theo văn bản, ví dụ \"10\", \"2.1\", \"17.8\".", en: "Indicator code, e.g. \"10\" or \"2.1\"." } },
      { excel: "values", sheets: "gia_tri", type: "range", optional: false, help: { vi: "Ô hoặc vùng số liệu (một công thức cho cả cột).", en: "One value or a range of values." } },
      { excel: "target", sheets: "muc_yeu_cau", type: "string", optional: true, help: { vi: "Mức yêu cầu riêng, ví dụ \"≥ 45\", \">=90%\", \"Đạt\". Bỏ trống: theo bộ tiêu chí.", en: "Target to use instead of the set's, e.g. \"≥ 45\" or \">=90%\"." } },
      SET,
      REGION,
      YEAR,
    ],
    returns: { vi: "Trạng thái của từng ô, cùng kích thước với vùng số liệu.", en: "One status per value." },
  },
  {
    id: "CRITERION",
    help: { vi: "Trạng thái một tiêu chí cho từng dòng (mỗi dòng là một xã hoặc thôn).", en: "Status of one criterion for each row: Đạt, Chưa đạt, Thiếu số liệu... One formula over a whole column spills a column." },
    params: [
      { excel: "criterion", sheets: "tieu_chi", type: "number", optional: false, help: { vi: "Số tiêu chí (1 đến 19), ví dụ 10 hoặc \"Tiêu chí 10\".", en: "Criterion number, e.g. 10 or \"Tiêu chí 10\"." } },
      { excel: "values", sheets: "gia_tri", type: "range", optional: false, help: { vi: "Vùng số liệu: một cột tự đánh giá, hoặc các cột chỉ tiêu của tiêu chí.", en: "The row(s) of values: one column per indicator of the criterion, or its self-assessment column." } },
      { excel: "headers", sheets: "tieu_de", type: "range", optional: true, help: { vi: "Hàng tiêu đề của vùng số liệu (mã hoặc tên chỉ tiêu).", en: "Header row naming each column (indicator codes or names), when the columns are not the criterion's indicators in order." } },
      SET,
      REGION,
      YEAR,
    ],
    returns: { vi: "Một cột: Đạt / Chưa đạt / Thiếu số liệu / ... cho từng dòng.", en: "One status per row." },
  },
  {
    id: "COUNT",
    help: { vi: "Số tiêu chí đạt của từng dòng.", en: "Number of criteria met by each row." },
    params: [HEADERS, ROWS, SET, REGION, YEAR],
    returns: { vi: "Một cột: số tiêu chí đạt của từng dòng.", en: "One count per row." },
  },
  {
    id: "GAPS",
    help: { vi: "Các tiêu chí chưa đạt và mức còn thiếu của từng dòng, dạng chữ (ví dụ \"10: thiếu 3,8 triệu đồng/người\").", en: "Criteria not met by each row, with the shortfall of each indicator, as text." },
    params: [HEADERS, ROWS, SET, REGION, YEAR],
    returns: { vi: "Một cột: các tiêu chí chưa đạt và mức thiếu.", en: "One text per row." },
  },
  {
    id: "THRESHOLD",
    help: { vi: "Mức yêu cầu của một chỉ tiêu theo vùng và năm, ví dụ \"≥ 45 triệu đồng/người\"; ghi \"(chưa xác nhận)\" khi mức chưa được đối chiếu văn bản.", en: "The target of an indicator for a region and year, as templates write it (flagged when not confirmed)." },
    params: [{ excel: "code", sheets: "ma_chi_tieu", type: "string", optional: false, help: { vi: "Mã chỉ tiêu, ví dụ \"10\" hoặc \"17.1\".", en: "Indicator code, e.g. \"10\"." } }, REGION, YEAR, SET],
    returns: { vi: "Mức yêu cầu, hoặc \"Chưa có chỉ tiêu\".", en: "The target, e.g. \"≥ 45 triệu đồng/người\"." },
  },
  {
    id: "CHANGE",
    help: { vi: "So sánh năm trước với năm nay cho từng ô: Giữ vững, Mới đạt, Mất, Vẫn chưa đạt; hoặc với số tiêu chí đạt: Tăng 2, Giảm 1, Không đổi.", en: "Last year against this year, per cell: Kept, Newly met, Lost, Still not met; or, for counts of criteria met, Up 2, Down 1, No change." },
    params: [
      { excel: "previous", sheets: "nam_truoc", type: "range", optional: false, help: { vi: "Kết quả năm trước: Đạt/Chưa đạt, Đ/CĐ, x, hoặc số tiêu chí đạt (\"16/19\").", en: "Last year's results: Đạt/Chưa đạt, Đ/CĐ, x, or criteria met (\"16/19\")." } },
      { excel: "current", sheets: "nam_nay", type: "range", optional: false, help: { vi: "Kết quả năm nay, cùng kích thước.", en: "This year's results, the same size." } },
    ],
    returns: { vi: "Cùng kích thước: Giữ vững / Mới đạt / Mất / Vẫn chưa đạt, hoặc Tăng / Giảm / Không đổi.", en: "The same size: Kept / Newly met / Lost / Still not met, or Up / Down / No change." },
  },
];

/** "NTM_CRITERION" (Sheets) and "NTM.CRITERION" (Excel) for an id. */
export function functionNames(id: CellFunctionSpec["id"]): { sheets: string; excel: string } {
  return { sheets: `NTM_${id}`, excel: `NTM.${id}` };
}
