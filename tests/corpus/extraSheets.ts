// Sheets that sit next to criteria tables in offices' workbooks and hold none: a phone list,
// instructions, chart data, empty default sheets, and the tool's own NTM_BoTieuChi.
import type ExcelJS from "exceljs";
import { put, type Styles } from "./common.js";

export function phoneSheet(wb: ExcelJS.Workbook, st: Styles): void {
  const ws = wb.addWorksheet("Danh bạ");
  put(ws, 1, 1, "DANH BẠ CÁN BỘ PHỤ TRÁCH NÔNG THÔN MỚI CÁC XÃ", st.title, [1, 5]);
  ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Số điện thoại"].forEach((h, i) => put(ws, 3, i + 1, h, st.header));
  const people: Array<[string, string, string, string]> = [
    ["Hoàng Văn Thạch", "Phó Chủ tịch UBND xã", "Xã Đôn Phong", "0912 345 678"],
    ["Nông Thị Hoa", "Công chức Địa chính - Nông nghiệp", "Xã Vũ Muộn", "0987 654 321"],
    ["Triệu Văn Sinh", "Công chức Văn phòng - Thống kê", "Xã Bằng Lãng", "0209 3882 115"],
    ["Lý Thị Mai", "Chủ tịch UBND xã", "Xã Nam Cường", "0915 002 468"],
  ];
  people.forEach((p, i) => [i + 1, ...p].forEach((v, c) => put(ws, 4 + i, c + 1, v, st.text)));
  ws.getColumn(2).width = 22;
  ws.getColumn(3).width = 34;
  ws.getColumn(5).width = 16;
}

export function guideSheet(wb: ExcelJS.Workbook, st: Styles): void {
  const ws = wb.addWorksheet("Hướng dẫn");
  const lines = [
    "HƯỚNG DẪN NHẬP BIỂU",
    "1. Mỗi thôn, bản nhập một dòng; cột tiêu chí ghi \"Đạt\" hoặc \"Chưa đạt\".",
    "2. Tiêu chí số 10 (Thu nhập) ghi theo số liệu điều tra thu nhập năm 2024.",
    "3. Cột \"Tổng số tiêu chí đạt\" tự tính, không sửa công thức.",
    "4. Gửi biểu về Phòng Nông nghiệp và PTNT trước ngày 15/11/2024.",
  ];
  lines.forEach((l, i) => put(ws, i + 1, 1, l, i === 0 ? st.title : st.plain));
  ws.getColumn(1).width = 90;
}

/** The table a chart is drawn from: criterion numbers and counts, which is not a criteria table. */
export function chartSheet(wb: ExcelJS.Workbook, st: Styles, met: Record<number, number>, total: number): void {
  const ws = wb.addWorksheet("Số liệu biểu đồ");
  ["Tiêu chí", "Số thôn đạt", "Số thôn chưa đạt"].forEach((h, i) => put(ws, 1, i + 1, h, st.header));
  for (let no = 1; no <= 19; no++) {
    put(ws, no + 1, 1, `TC${no}`, st.text);
    put(ws, no + 1, 2, met[no] ?? 0, st.text);
    put(ws, no + 1, 3, total - (met[no] ?? 0), st.text);
  }
}

export function emptySheet(wb: ExcelJS.Workbook, name: string): void {
  wb.addWorksheet(name);
}

/** The tool's own sheet naming the set the villages are judged by (as the add-ins save it). */
export function setSheet(wb: ExcelJS.Workbook, setId: string): void {
  const ws = wb.addWorksheet("NTM_BoTieuChi");
  ws.addRow(["Mã bộ tiêu chí", setId]);
  ws.addRow([]);
  ws.addRow(["Tiêu chí số", "Tên tiêu chí", "Mã chỉ tiêu", "Nội dung chỉ tiêu", "Đơn vị", "Loại", "So sánh", "Vùng", "Năm", "Ngưỡng", "Nguồn", "Đã xác nhận"]);
}
