/**
 * Excel custom functions (=NTM.CRITERION(...) etc.: the namespace comes from the manifest).
 * Thin wrappers over shared/functions: ranges in, 2-D arrays out, errors as #VALUE! with a
 * message. Set, region and year default to the workbook's settings (task pane). No writes.
 * custom-functions-metadata-plugin reads the JSDoc below into functions.json and appends the
 * CustomFunctions.associate() calls at build time.
 */
import { CellFunctionError, ntmChange, ntmCount, ntmCriterion, ntmGaps, ntmIndicator, ntmThreshold } from "../../shared/index.js";
import { getFunctionSettings } from "../common/state.js";

/** A user error -> #VALUE! with the message (the engine already wrote it in the user's language). */
function fail(e: unknown): never {
  const message = e instanceof Error ? e.message : String(e);
  if (typeof CustomFunctions !== "undefined" && CustomFunctions.Error) {
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, e instanceof CellFunctionError ? message : message.slice(0, 255));
  }
  throw e instanceof Error ? e : new Error(message);
}

/**
 * Trạng thái một tiêu chí cho từng dòng (mỗi dòng là một xã hoặc thôn).
 * @customfunction CRITERION
 * @param criterion Số tiêu chí (1 đến 19), ví dụ 10 hoặc "Tiêu chí 10".
 * @param values Vùng số liệu: một cột tự đánh giá, hoặc các cột chỉ tiêu của tiêu chí.
 * @param [headers] Hàng tiêu đề của vùng số liệu (mã hoặc tên chỉ tiêu).
 * @param [set] Mã bộ tiêu chí, ví dụ "xa-ntm-2021-2025". Bỏ trống: theo Cài đặt.
 * @param [region] Vùng: tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl hoặc tên vùng. Bỏ trống: theo Cài đặt.
 * @param [year] Năm đánh giá, ví dụ 2024. Bỏ trống: theo Cài đặt.
 * @returns Một cột: Đạt / Chưa đạt / Thiếu số liệu / ... cho từng dòng.
 */
export function criterion(criterion: any, values: any[][], headers?: any[][], set?: any, region?: any, year?: any): string[][] {
  try {
    return ntmCriterion(criterion, values, headers, set, region, year, getFunctionSettings());
  } catch (e) {
    return fail(e);
  }
}

/**
 * Đánh giá một chỉ tiêu cho từng ô của vùng: Đạt, Chưa đạt, Thiếu số liệu, Dữ liệu không hợp lệ hoặc Chưa có chỉ tiêu.
 * @customfunction INDICATOR
 * @param code Mã chỉ tiêu theo văn bản, ví dụ "10", "2.1", "17.8".
 * @param values Ô hoặc vùng số liệu (một công thức cho cả cột).
 * @param [target] Mức yêu cầu riêng, ví dụ "≥ 45", ">=90%", "Đạt". Bỏ trống: theo bộ tiêu chí.
 * @param [set] Mã bộ tiêu chí, ví dụ "xa-ntm-2021-2025". Bỏ trống: theo Cài đặt.
 * @param [region] Vùng: tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl hoặc tên vùng. Bỏ trống: theo Cài đặt.
 * @param [year] Năm đánh giá, ví dụ 2024. Bỏ trống: theo Cài đặt.
 * @returns Trạng thái của từng ô, cùng kích thước với vùng số liệu.
 */
export function indicator(code: any, values: any[][], target?: any, set?: any, region?: any, year?: any): string[][] {
  try {
    return ntmIndicator(code, values, target, set, region, year, getFunctionSettings());
  } catch (e) {
    return fail(e);
  }
}

/**
 * Số tiêu chí đạt của từng dòng.
 * @customfunction COUNT
 * @param headers Hàng tiêu đề: "Tiêu chí 1"..."Tiêu chí 19" hoặc mã/tên chỉ tiêu ("10. Thu nhập").
 * @param values Vùng số liệu, cùng số cột với hàng tiêu đề; mỗi dòng một xã/thôn.
 * @param [set] Mã bộ tiêu chí, ví dụ "xa-ntm-2021-2025". Bỏ trống: theo Cài đặt.
 * @param [region] Vùng: tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl hoặc tên vùng. Bỏ trống: theo Cài đặt.
 * @param [year] Năm đánh giá, ví dụ 2024. Bỏ trống: theo Cài đặt.
 * @returns Một cột: số tiêu chí đạt của từng dòng.
 */
export function count(headers: any[][], values: any[][], set?: any, region?: any, year?: any): number[][] {
  try {
    return ntmCount(headers, values, set, region, year, getFunctionSettings());
  } catch (e) {
    return fail(e);
  }
}

/**
 * Các tiêu chí chưa đạt và mức còn thiếu của từng dòng, dạng chữ (ví dụ "10: thiếu 3,8 triệu đồng/người").
 * @customfunction GAPS
 * @param headers Hàng tiêu đề: "Tiêu chí 1"..."Tiêu chí 19" hoặc mã/tên chỉ tiêu ("10. Thu nhập").
 * @param values Vùng số liệu, cùng số cột với hàng tiêu đề; mỗi dòng một xã/thôn.
 * @param [set] Mã bộ tiêu chí, ví dụ "xa-ntm-2021-2025". Bỏ trống: theo Cài đặt.
 * @param [region] Vùng: tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl hoặc tên vùng. Bỏ trống: theo Cài đặt.
 * @param [year] Năm đánh giá, ví dụ 2024. Bỏ trống: theo Cài đặt.
 * @returns Một cột: các tiêu chí chưa đạt và mức thiếu.
 */
export function gaps(headers: any[][], values: any[][], set?: any, region?: any, year?: any): string[][] {
  try {
    return ntmGaps(headers, values, set, region, year, getFunctionSettings());
  } catch (e) {
    return fail(e);
  }
}

/**
 * Mức yêu cầu của một chỉ tiêu theo vùng và năm, ví dụ "≥ 45 triệu đồng/người"; ghi "(chưa xác nhận)" khi mức chưa được đối chiếu văn bản.
 * @customfunction THRESHOLD
 * @param code Mã chỉ tiêu, ví dụ "10" hoặc "17.1".
 * @param [region] Vùng: tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl hoặc tên vùng. Bỏ trống: theo Cài đặt.
 * @param [year] Năm đánh giá, ví dụ 2024. Bỏ trống: theo Cài đặt.
 * @param [set] Mã bộ tiêu chí, ví dụ "xa-ntm-2021-2025". Bỏ trống: theo Cài đặt.
 * @returns Mức yêu cầu, hoặc "Chưa có chỉ tiêu".
 */
export function threshold(code: any, region?: any, year?: any, set?: any): string {
  try {
    return ntmThreshold(code, region, year, set, getFunctionSettings());
  } catch (e) {
    return fail(e);
  }
}

/**
 * So sánh năm trước với năm nay cho từng ô: Giữ vững, Mới đạt, Mất, Vẫn chưa đạt; hoặc với số tiêu chí đạt: Tăng 2, Giảm 1, Không đổi.
 * @customfunction CHANGE
 * @param previous Kết quả năm trước: Đạt/Chưa đạt, Đ/CĐ, x, hoặc số tiêu chí đạt ("16/19").
 * @param current Kết quả năm nay, cùng kích thước.
 * @returns Cùng kích thước: Giữ vững / Mới đạt / Mất / Vẫn chưa đạt, hoặc Tăng / Giảm / Không đổi.
 */
export function change(previous: any[][], current: any[][]): string[][] {
  try {
    return ntmChange(previous, current, getFunctionSettings());
  } catch (e) {
    return fail(e);
  }
}
