/**
 * Excel custom functions (=NTM.CRITERION(...) etc.: the namespace comes from the manifest).
 * Thin wrappers over shared/functions: ranges in, 2-D arrays out, errors as #VALUE! with a
 * message. Set, region and year default to the workbook's settings (task pane). No writes.
 * custom-functions-metadata-plugin reads the JSDoc below into functions.json and appends the
 * CustomFunctions.associate() calls at build time.
 */
import { CellFunctionError, ntmCount, ntmCriterion, ntmGaps, ntmIndicator, ntmThreshold } from "../../shared/index.js";
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
 * Status of one criterion for each row: Đạt, Chưa đạt, Thiếu số liệu... One formula over a whole column spills a column.
 * @customfunction CRITERION
 * @param criterion Criterion number, e.g. 10 or "Tiêu chí 10".
 * @param values The row(s) of values: one column per indicator of the criterion, or its self-assessment column.
 * @param [headers] Header row naming each column (indicator codes or names), when the columns are not the criterion's indicators in order.
 * @param [set] Criteria set id, e.g. "xa-ntm-2021-2025". Default: the workbook's setting.
 * @param [region] Region id or name, e.g. "tdmnpb". Default: the workbook's setting.
 * @param [year] Assessment year, e.g. 2024. Default: the workbook's setting.
 * @returns One status per row.
 */
export function criterion(criterion: any, values: any[][], headers?: any[][], set?: any, region?: any, year?: any): string[][] {
  try {
    return ntmCriterion(criterion, values, headers, set, region, year, getFunctionSettings());
  } catch (e) {
    return fail(e);
  }
}

/**
 * Status of an indicator for each value of a range: Đạt, Chưa đạt, Thiếu số liệu...
 * @customfunction INDICATOR
 * @param code Indicator code, e.g. "10" or "2.1".
 * @param values One value or a range of values.
 * @param [target] Target to use instead of the set's, e.g. "≥ 45" or ">=90%".
 * @param [set] Criteria set id. Default: the workbook's setting.
 * @param [region] Region id or name. Default: the workbook's setting.
 * @param [year] Assessment year. Default: the workbook's setting.
 * @returns One status per value.
 */
export function indicator(code: any, values: any[][], target?: any, set?: any, region?: any, year?: any): string[][] {
  try {
    return ntmIndicator(code, values, target, set, region, year, getFunctionSettings());
  } catch (e) {
    return fail(e);
  }
}

/**
 * Number of criteria met by each row.
 * @customfunction COUNT
 * @param headers Header row naming the columns ("Tiêu chí 1", "10. Thu nhập", "15.1"...).
 * @param values One row per commune or village, the same columns as the headers.
 * @param [set] Criteria set id. Default: the workbook's setting.
 * @param [region] Region id or name. Default: the workbook's setting.
 * @param [year] Assessment year. Default: the workbook's setting.
 * @returns One count per row.
 */
export function count(headers: any[][], values: any[][], set?: any, region?: any, year?: any): number[][] {
  try {
    return ntmCount(headers, values, set, region, year, getFunctionSettings());
  } catch (e) {
    return fail(e);
  }
}

/**
 * Criteria not met by each row, with the shortfall of each indicator, as text.
 * @customfunction GAPS
 * @param headers Header row naming the columns.
 * @param values One row per commune or village, the same columns as the headers.
 * @param [set] Criteria set id. Default: the workbook's setting.
 * @param [region] Region id or name. Default: the workbook's setting.
 * @param [year] Assessment year. Default: the workbook's setting.
 * @returns One text per row.
 */
export function gaps(headers: any[][], values: any[][], set?: any, region?: any, year?: any): string[][] {
  try {
    return ntmGaps(headers, values, set, region, year, getFunctionSettings());
  } catch (e) {
    return fail(e);
  }
}

/**
 * The target of an indicator for a region and year, as templates write it (flagged when not confirmed).
 * @customfunction THRESHOLD
 * @param code Indicator code, e.g. "10".
 * @param [region] Region id or name. Default: the workbook's setting.
 * @param [year] Assessment year. Default: the workbook's setting.
 * @param [set] Criteria set id. Default: the workbook's setting.
 * @returns The target, e.g. "≥ 45 triệu đồng/người".
 */
export function threshold(code: any, region?: any, year?: any, set?: any): string {
  try {
    return ntmThreshold(code, region, year, set, getFunctionSettings());
  } catch (e) {
    return fail(e);
  }
}
