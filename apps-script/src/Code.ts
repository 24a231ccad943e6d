// Entry of the Google Sheets add-on. Every `global.X = function (...)` below becomes a top-level
// function of Code.js (gas-webpack-plugin), with the JSDoc comment right above it: that comment is
// what Sheets shows for autocomplete, so it stays in Vietnamese and survives minification.
import { config as zodConfig } from "zod/mini";
import {
  clearActiveSheet,
  createAssignmentSheet,
  createReport,
  createSetSheet,
  evaluateActiveSheet,
  saveResults,
  setColumnMapping,
  sidebarState,
  updateSettings,
  type ActionResult,
} from "./actions.js";
import { checkFormulas, rewriteFormulas, undoFormulaRewrite } from "./formulaRewrite.js";
import * as fn from "./functions.js";
import { authModeNone, openMenu } from "./addonMenu.js";
import { htmlService, spreadsheetApp } from "./host.js";
import { selectCell } from "./selectCell.js";
import { loadSettings } from "./store.js";
import { ui } from "./strings.js";

declare const global: Record<string, unknown>;

// zod 4 probes `new Function`; the engine does not need its JIT.
zodConfig({ jitless: true });

function lang() {
  try {
    return loadSettings().lang;
  } catch {
    return "vi" as const;
  }
}

function alertResult(r: ActionResult): void {
  spreadsheetApp().getUi().alert(r.message);
}

/**
 * Thêm trình đơn "NTM" khi mở bảng tính (tiện ích bổ sung: trình đơn của add-on trong Tiện ích mở rộng).
 * @param {Object} e sự kiện mở
 */
global.onOpen = function (e?: unknown) {
  // AuthMode.NONE: build the menu and call nothing else (not even the document's language: Vietnamese).
  const l = authModeNone(e) ? "vi" : lang();
  openMenu(e, ui("menuTitle", l))
    .addItem(ui("evaluate", l), "ntmMenuEvaluate")
    .addItem(ui("clear", l), "ntmMenuClear")
    .addSeparator()
    .addItem(ui("report", l), "ntmMenuReport")
    .addItem(ui("saveResults", l), "ntmMenuSaveResults")
    .addItem(ui("setSheet", l), "ntmMenuCreateSetSheet")
    .addItem(ui("assignSheet", l), "ntmMenuCreateAssignmentSheet")
    .addSeparator()
    .addItem(ui("menuSettings", l), "ntmShowSidebar")
    .addToUi();
};

/**
 * Khi cài như tiện ích bổ sung: thêm trình đơn ngay.
 * @param {Object} e sự kiện cài đặt
 */
global.onInstall = function (e?: unknown) {
  (global.onOpen as (e?: unknown) => void)(e);
};

/** Trình đơn NTM > Đánh giá trang tính. */
global.ntmMenuEvaluate = function () {
  alertResult(evaluateActiveSheet());
};

/** Trình đơn NTM > Xoá đánh dấu. */
global.ntmMenuClear = function () {
  alertResult(clearActiveSheet());
};

/** Trình đơn NTM > Tạo báo cáo. */
global.ntmMenuReport = function () {
  alertResult(createReport());
};

/** Trình đơn NTM > Lưu kết quả (vào NTM_LichSu, để lần sau so sánh). */
global.ntmMenuSaveResults = function () {
  alertResult(saveResults());
};

/** Thanh bên: Lưu kết quả. */
global.ntmSidebarSaveResults = function () {
  return saveResults();
};

/** Trình đơn NTM > Tạo trang NTM_BoTieuChi. */
global.ntmMenuCreateSetSheet = function () {
  alertResult(createSetSheet());
};

/** Trình đơn NTM > Tạo mẫu phân công (trang NTM_PhanCong). */
global.ntmMenuCreateAssignmentSheet = function () {
  alertResult(createAssignmentSheet());
};

/** Trình đơn NTM > Cài đặt: mở thanh bên. */
global.ntmShowSidebar = function () {
  const output = htmlService().createHtmlOutputFromFile("sidebar").setTitle(ui("title", lang()));
  spreadsheetApp().getUi().showSidebar(output);
};

/** Thanh bên: cài đặt hiện tại, các bộ tiêu chí, các vùng. */
global.ntmSidebarState = function () {
  return sidebarState();
};

/**
 * Thanh bên: lưu cài đặt.
 * @param {Object} settings bộ tiêu chí, vùng, năm, ngôn ngữ
 */
global.ntmSaveSettings = function (settings: { setId?: unknown; region?: unknown; year?: unknown; target?: unknown; blankMeans?: unknown; lang?: unknown }) {
  return updateSettings(settings ?? {});
};

/** Thanh bên: đánh giá trang đang mở, trả về bố cục, ánh xạ cột và kết quả. */
global.ntmSidebarEvaluate = function () {
  return evaluateActiveSheet();
};

/** Thanh bên: xoá đánh dấu. */
global.ntmSidebarClear = function () {
  return clearActiveSheet();
};

/** Thanh bên: tạo báo cáo NTM_BaoCao. */
global.ntmSidebarReport = function () {
  return createReport();
};

/** Thanh bên: tạo trang NTM_BoTieuChi. */
global.ntmSidebarCreateSetSheet = function () {
  return createSetSheet();
};

/** Thanh bên: tạo mẫu phân công (trang NTM_PhanCong). */
global.ntmSidebarCreateAssignmentSheet = function () {
  return createAssignmentSheet();
};

/**
 * Thanh bên: chọn nghĩa của một cột chưa rõ (mã chỉ tiêu, số tiêu chí hoặc "ignore").
 * @param {string} sheet tên trang
 * @param {number} col cột (0 = A)
 * @param {string} choice lựa chọn
 */
global.ntmSetColumnMapping = function (sheet: string, col: number, choice: string) {
  return setColumnMapping(String(sheet), Number(col), String(choice ?? ""));
};

/**
 * Thanh bên: chọn ô của một đơn vị, tiêu chí (bấm vào bảng tiêu chí theo đơn vị).
 * @param {string} sheet tên trang đã đánh giá
 * @param {string} address địa chỉ ô, ví dụ "M6"
 */
global.ntmSidebarSelectCell = function (sheet: unknown, address: unknown) {
  return selectCell(sheet, address);
};

/** Thanh bên: các công thức dùng tên hàm của Excel (NTM.CRITERION) và có thể hoàn tác lần đổi tên trước không. */
global.ntmFormulaCheck = function () {
  return checkFormulas();
};

/** Thanh bên: đổi mọi công thức NTM.CRITERION… sang tên của Google Sheets (NTM_CRITERION…). */
global.ntmFormulaRewrite = function () {
  return rewriteFormulas();
};

/** Thanh bên: hoàn tác lần đổi tên công thức trước. */
global.ntmFormulaUndo = function () {
  return undoFormulaRewrite();
};

/**
 * Đánh giá một chỉ tiêu cho từng ô của vùng: Đạt, Chưa đạt, Thiếu số liệu, Dữ liệu không hợp lệ hoặc Chưa có chỉ tiêu.
 * Ví dụ: =NTM_INDICATOR("10"; C2:C30) cho cả cột thu nhập.
 *
 * @param {string} ma_chi_tieu Mã chỉ tiêu theo văn bản, ví dụ "10", "2.1", "17.8".
 * @param {Array<Array<string|number>>} gia_tri Ô hoặc vùng số liệu (một công thức cho cả cột).
 * @param {string} muc_yeu_cau [Không bắt buộc] Mức yêu cầu riêng, ví dụ "≥ 45", ">=90%", "Đạt". Bỏ trống: theo bộ tiêu chí.
 * @param {string} bo_tieu_chi [Không bắt buộc] Mã bộ tiêu chí, ví dụ "xa-ntm-2021-2025". Bỏ trống: theo Cài đặt.
 * @param {string} vung [Không bắt buộc] Vùng: tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl hoặc tên vùng. Bỏ trống: theo Cài đặt.
 * @param {number} nam [Không bắt buộc] Năm đánh giá, ví dụ 2024. Bỏ trống: theo Cài đặt.
 * @return Trạng thái của từng ô, cùng kích thước với vùng số liệu.
 * @customfunction
 */
global.NTM_INDICATOR = function (ma_chi_tieu: unknown, gia_tri: unknown, muc_yeu_cau?: unknown, bo_tieu_chi?: unknown, vung?: unknown, nam?: unknown) {
  return fn.NTM_INDICATOR(ma_chi_tieu, gia_tri, muc_yeu_cau, bo_tieu_chi, vung, nam);
};

/**
 * Trạng thái một tiêu chí cho từng dòng (mỗi dòng là một xã hoặc thôn).
 * Ví dụ: =NTM_CRITERION(10; D3:D40) hoặc =NTM_CRITERION(17; E3:H40; E2:H2).
 *
 * @param {number} tieu_chi Số tiêu chí (1 đến 19), ví dụ 10 hoặc "Tiêu chí 10".
 * @param {Array<Array<string|number>>} gia_tri Vùng số liệu: một cột tự đánh giá, hoặc các cột chỉ tiêu của tiêu chí.
 * @param {Array<Array<string|number>>} tieu_de [Không bắt buộc] Hàng tiêu đề của vùng số liệu (mã hoặc tên chỉ tiêu).
 * @param {string} bo_tieu_chi [Không bắt buộc] Mã bộ tiêu chí, ví dụ "xa-ntm-2021-2025". Bỏ trống: theo Cài đặt.
 * @param {string} vung [Không bắt buộc] Vùng: tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl hoặc tên vùng. Bỏ trống: theo Cài đặt.
 * @param {number} nam [Không bắt buộc] Năm đánh giá, ví dụ 2024. Bỏ trống: theo Cài đặt.
 * @return Một cột: Đạt / Chưa đạt / Thiếu số liệu / ... cho từng dòng.
 * @customfunction
 */
global.NTM_CRITERION = function (tieu_chi: unknown, gia_tri: unknown, tieu_de?: unknown, bo_tieu_chi?: unknown, vung?: unknown, nam?: unknown) {
  return fn.NTM_CRITERION(tieu_chi, gia_tri, tieu_de, bo_tieu_chi, vung, nam);
};

/**
 * Số tiêu chí đạt của từng dòng.
 * Ví dụ: =NTM_COUNT(D2:V2; D3:V40).
 *
 * @param {Array<Array<string|number>>} tieu_de Hàng tiêu đề: "Tiêu chí 1"..."Tiêu chí 19" hoặc mã/tên chỉ tiêu ("10. Thu nhập").
 * @param {Array<Array<string|number>>} gia_tri Vùng số liệu, cùng số cột với hàng tiêu đề; mỗi dòng một xã/thôn.
 * @param {string} bo_tieu_chi [Không bắt buộc] Mã bộ tiêu chí, ví dụ "xa-ntm-2021-2025". Bỏ trống: theo Cài đặt.
 * @param {string} vung [Không bắt buộc] Vùng: tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl hoặc tên vùng. Bỏ trống: theo Cài đặt.
 * @param {number} nam [Không bắt buộc] Năm đánh giá, ví dụ 2024. Bỏ trống: theo Cài đặt.
 * @return Một cột: số tiêu chí đạt của từng dòng.
 * @customfunction
 */
global.NTM_COUNT = function (tieu_de: unknown, gia_tri: unknown, bo_tieu_chi?: unknown, vung?: unknown, nam?: unknown) {
  return fn.NTM_COUNT(tieu_de, gia_tri, bo_tieu_chi, vung, nam);
};

/**
 * Các tiêu chí chưa đạt và mức còn thiếu của từng dòng, dạng chữ (ví dụ "10: thiếu 3,8 triệu đồng/người").
 * Ví dụ: =NTM_GAPS(D2:V2; D3:V40).
 *
 * @param {Array<Array<string|number>>} tieu_de Hàng tiêu đề: "Tiêu chí 1"..."Tiêu chí 19" hoặc mã/tên chỉ tiêu ("10. Thu nhập").
 * @param {Array<Array<string|number>>} gia_tri Vùng số liệu, cùng số cột với hàng tiêu đề; mỗi dòng một xã/thôn.
 * @param {string} bo_tieu_chi [Không bắt buộc] Mã bộ tiêu chí, ví dụ "xa-ntm-2021-2025". Bỏ trống: theo Cài đặt.
 * @param {string} vung [Không bắt buộc] Vùng: tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl hoặc tên vùng. Bỏ trống: theo Cài đặt.
 * @param {number} nam [Không bắt buộc] Năm đánh giá, ví dụ 2024. Bỏ trống: theo Cài đặt.
 * @return Một cột: các tiêu chí chưa đạt và mức thiếu.
 * @customfunction
 */
global.NTM_GAPS = function (tieu_de: unknown, gia_tri: unknown, bo_tieu_chi?: unknown, vung?: unknown, nam?: unknown) {
  return fn.NTM_GAPS(tieu_de, gia_tri, bo_tieu_chi, vung, nam);
};

/**
 * Mức yêu cầu của một chỉ tiêu theo vùng và năm, ví dụ "≥ 45 triệu đồng/người"; ghi "(chưa xác nhận)" khi mức chưa được đối chiếu văn bản.
 * Ví dụ: =NTM_THRESHOLD("10"; "tdmnpb"; 2024).
 *
 * @param {string} ma_chi_tieu Mã chỉ tiêu, ví dụ "10" hoặc "17.1".
 * @param {string} vung [Không bắt buộc] Vùng: tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl hoặc tên vùng. Bỏ trống: theo Cài đặt.
 * @param {number} nam [Không bắt buộc] Năm đánh giá, ví dụ 2024. Bỏ trống: theo Cài đặt.
 * @param {string} bo_tieu_chi [Không bắt buộc] Mã bộ tiêu chí, ví dụ "xa-ntm-2021-2025". Bỏ trống: theo Cài đặt.
 * @return Mức yêu cầu, hoặc "Chưa có chỉ tiêu".
 * @customfunction
 */
global.NTM_THRESHOLD = function (ma_chi_tieu: unknown, vung?: unknown, nam?: unknown, bo_tieu_chi?: unknown) {
  return fn.NTM_THRESHOLD(ma_chi_tieu, vung, nam, bo_tieu_chi);
};

/**
 * So sánh năm trước với năm nay cho từng ô: Giữ vững, Mới đạt, Mất, Vẫn chưa đạt; hoặc với số tiêu chí đạt: Tăng 2, Giảm 1, Không đổi.
 * Ví dụ: =NTM_CHANGE(D3:V40; 'Năm 2024'!D3:V40).
 *
 * @param {Array<Array<string|number>>} nam_truoc Kết quả năm trước: Đạt/Chưa đạt, Đ/CĐ, x, hoặc số tiêu chí đạt ("16/19").
 * @param {Array<Array<string|number>>} nam_nay Kết quả năm nay, cùng kích thước.
 * @return Cùng kích thước: Giữ vững / Mới đạt / Mất / Vẫn chưa đạt, hoặc Tăng / Giảm / Không đổi.
 * @customfunction
 */
global.NTM_CHANGE = function (nam_truoc: unknown, nam_nay: unknown) {
  return fn.NTM_CHANGE(nam_truoc, nam_nay);
};
