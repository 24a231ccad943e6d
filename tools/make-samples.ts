// Writes the sample workbooks in samples/ (deterministic: same content every run).
//   npx tsx tools/make-samples.ts [folder]
// Made-up communes and villages; values typed the way staff type them, with the awkward
// cases the tool must handle (merged two-row headers, "42,5", "85%", #N/A, text in number
// cells, a hidden column, subtotal and note rows).
import { mkdirSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";

const folder = process.argv[2] ?? path.join(path.dirname(new URL(import.meta.url).pathname), "..", "samples");
const FIXED_DATE = new Date("2024-12-01T00:00:00Z");

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ntm samples";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

function bold(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
}

/** A commune's self-assessment form: one row per criterion/indicator, target per region. */
export function communeForm(): ExcelJS.Workbook {
  const wb = workbook();
  const ws = wb.addWorksheet("Tự đánh giá");
  ws.addRow(["UBND XÃ THANH VÂN"]);
  ws.addRow(["BIỂU TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI NĂM 2024"]);
  ws.addRow([]);
  bold(ws.addRow(["TT", "Tên tiêu chí", "Nội dung tiêu chí", "Chỉ tiêu", "", "Kết quả thực hiện", "Tự đánh giá", "Ghi chú"]));
  bold(ws.addRow(["", "", "", "Chung", "Vùng TDMNPB", "", "", ""]));
  for (const c of ["A", "B", "C", "F", "G", "H"]) ws.mergeCells(`${c}4:${c}5`);
  ws.mergeCells("D4:E4");
  const rows: Array<Array<string | number>> = [
    ["I", "QUY HOẠCH"],
    [1, "Quy hoạch", "", "", "", "", "Đạt"],
    ["1.1", "", "Có quy hoạch chung xây dựng xã được phê duyệt và được công bố công khai đúng thời hạn", "Đạt", "Đạt", "Đạt"],
    ["1.2", "", "Ban hành quy định quản lý quy hoạch chung xây dựng xã và tổ chức thực hiện theo quy hoạch", "Đạt", "Đạt", "Đạt"],
    ["II", "HẠ TẦNG KINH TẾ - XÃ HỘI"],
    [2, "Giao thông"],
    ["2.1", "", "Tỷ lệ đường xã và đường từ trung tâm xã đến đường huyện được nhựa hóa hoặc bê tông hóa", "100%", "100%", "100%"],
    ["2.2", "", "Tỷ lệ đường thôn, bản và đường liên thôn, bản ít nhất được cứng hóa", "", "≥ 90%", "92,5%"],
    ["2.3", "", "Tỷ lệ đường ngõ, xóm sạch và đảm bảo đi lại thuận tiện quanh năm", "", "≥ 90%", "95%"],
    ["2.4", "", "Tỷ lệ đường trục chính nội đồng đảm bảo vận chuyển hàng hóa thuận tiện quanh năm", "", "≥ 80%", "85%"],
    [3, "Thủy lợi và phòng, chống thiên tai"],
    ["3.1", "", "Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động", "≥ 80%", "", 0.86],
    ["3.2", "", "Đảm bảo yêu cầu chủ động về phòng chống thiên tai theo phương châm 4 tại chỗ", "Đạt", "Đạt", "Đạt"],
    [4, "Điện"],
    ["4.1", "", "Hệ thống điện đạt chuẩn", "Đạt", "Đạt", "Đạt"],
    ["4.2", "", "Tỷ lệ hộ có đăng ký trực tiếp và được sử dụng điện sinh hoạt, sản xuất đảm bảo an toàn", "", "≥ 98%", "99,2%"],
    [5, "Trường học", "Tỷ lệ trường học các cấp có cơ sở vật chất và thiết bị dạy học đạt tiêu chuẩn", "", "≥ 70%", "75%"],
    [6, "Cơ sở vật chất văn hóa"],
    ["6.1", "", "Xã có nhà văn hóa hoặc hội trường đa năng và sân thể thao", "Đạt", "Đạt", "Có"],
    ["6.2", "", "Xã có điểm vui chơi, giải trí và thể thao cho trẻ em và người cao tuổi", "Đạt", "Đạt", "Có"],
    ["6.3", "", "Tỷ lệ thôn có nhà văn hóa hoặc nơi sinh hoạt văn hóa, thể thao phục vụ cộng đồng", "100%", "100%", "100%"],
    [7, "Cơ sở hạ tầng thương mại nông thôn", "Xã có chợ nông thôn hoặc nơi mua bán, trao đổi hàng hóa", "Đạt", "Đạt", "Có"],
    [8, "Thông tin và Truyền thông"],
    ["8.1", "", "Xã có điểm phục vụ bưu chính", "Đạt", "Đạt", "x"],
    ["8.2", "", "Xã có dịch vụ viễn thông, internet", "Đạt", "Đạt", "x"],
    ["8.3", "", "Xã có đài truyền thanh và hệ thống loa đến các thôn", "Đạt", "Đạt", "x"],
    ["8.4", "", "Xã có ứng dụng công nghệ thông tin trong công tác quản lý, điều hành", "Đạt", "Đạt", "x"],
    [9, "Nhà ở dân cư"],
    ["9.1", "", "Nhà tạm, dột nát", "Không", "Không", "Không"],
    ["9.2", "", "Tỷ lệ hộ có nhà ở kiên cố hoặc bán kiên cố", "", "≥ 75%", "82%"],
    ["III", "KINH TẾ VÀ TỔ CHỨC SẢN XUẤT"],
    [10, "Thu nhập", "Thu nhập bình quân đầu người khu vực nông thôn năm 2024 (triệu đồng/người)", "", "≥ 45", "41,2", "Đạt"],
    [11, "Nghèo đa chiều", "Tỷ lệ nghèo đa chiều giai đoạn 2021-2025", "", "≤ 13%", "14,5%"],
    [12, "Lao động"],
    ["12.1", "", "Tỷ lệ người có việc làm trên dân số trong độ tuổi lao động có khả năng tham gia lao động", "≥ 90%", "", "93%"],
    ["12.2", "", "Tỷ lệ lao động có việc làm qua đào tạo", "", "≥ 65%", "72%"],
    ["12.3", "", "Tỷ lệ lao động có việc làm qua đào tạo có bằng cấp, chứng chỉ", "", "≥ 25%", "26%"],
    [13, "Tổ chức sản xuất và phát triển kinh tế nông thôn"],
    ["13.1", "", "Xã có hợp tác xã hoạt động hiệu quả và theo đúng quy định của Luật Hợp tác xã", "≥ 01 HTX", "", "02 HTX"],
    ["13.2", "", "Xã có mô hình liên kết sản xuất gắn với tiêu thụ nông sản chủ lực", "Đạt", "Đạt", "Đạt"],
    ["13.3", "", "Thực hiện truy xuất nguồn gốc các sản phẩm chủ lực của xã", "Đạt", "Đạt", "Chưa đạt"],
    ["13.4", "", "Có kế hoạch bảo tồn, phát triển làng nghề (nếu có)", "Đạt", "Đạt", "Không áp dụng"],
    ["13.5", "", "Có tổ khuyến nông cộng đồng hoạt động hiệu quả", "Đạt", "Đạt", "Đạt"],
    ["IV", "VĂN HÓA - XÃ HỘI - MÔI TRƯỜNG"],
    [14, "Giáo dục và Đào tạo"],
    ["14.1", "", "Phổ cập giáo dục mầm non cho trẻ em 5 tuổi, tiểu học, THCS; xóa mù chữ", "Đạt", "Đạt", "Đạt"],
    ["14.2", "", "Tỷ lệ học sinh tốt nghiệp THCS được tiếp tục học trung học", "", "≥ 85%", "88%"],
    [15, "Y tế"],
    ["15.1", "", "Tỷ lệ người dân tham gia bảo hiểm y tế", "", "≥ 95%", "96,1%"],
    ["15.2", "", "Xã đạt tiêu chí quốc gia về y tế", "Đạt", "Đạt", "Đạt"],
    ["15.3", "", "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi", "", "≤ 24%", "22,4%"],
    ["15.4", "", "Tỷ lệ dân số có sổ khám chữa bệnh điện tử", "", "≥ 50%", "55%"],
    [16, "Văn hóa", "Tỷ lệ thôn đạt chuẩn văn hóa theo quy định", "", "≥ 70%", "72%"],
    [17, "Môi trường và an toàn thực phẩm"],
    ["17.1", "", "Tỷ lệ hộ được sử dụng nước sạch theo quy chuẩn", "", "≥ 95%", "#N/A"],
    ["17.2", "", "Tỷ lệ cơ sở sản xuất - kinh doanh đảm bảo quy định về bảo vệ môi trường", "100%", "", "100%"],
    ["V", "HỆ THỐNG CHÍNH TRỊ"],
    [18, "Hệ thống chính trị và tiếp cận pháp luật"],
    ["18.1", "", "Cán bộ, công chức xã đạt chuẩn", "Đạt", "Đạt", "Đạt"],
    ["18.2", "", "Đảng bộ, chính quyền xã được xếp loại chất lượng hoàn thành tốt nhiệm vụ trở lên", "Hoàn thành tốt nhiệm vụ trở lên", "", "Hoàn thành tốt nhiệm vụ"],
    ["18.3", "", "Tổ chức chính trị - xã hội của xã được xếp loại hoàn thành tốt nhiệm vụ trở lên", "Hoàn thành tốt nhiệm vụ trở lên", "", "Hoàn thành nhiệm vụ"],
    ["18.4", "", "Xã đạt chuẩn tiếp cận pháp luật", "Đạt", "Đạt", "Đạt"],
    [19, "Quốc phòng và An ninh", "", "", "", "", "Đạt"],
  ];
  for (const r of rows) ws.addRow(r);
  ws.getCell("F17").numFmt = "0%";
  ws.addRow([]);
  ws.addRow(["", "Người lập biểu", "", "", "", "", "Chủ tịch UBND xã"]);
  ws.getColumn(3).width = 60;
  for (const c of [4, 5, 6, 7]) ws.getColumn(c).width = 16;
  return wb;
}

/**
 * A district's communes, as its office keeps them: income typed in many ways, then "Đạt / Chưa đạt"
 * for each other criterion. Most communes are close to the standard (12 to 19 criteria met, one
 * already meets all 19), a few cells are still blank (not reported yet) or unreadable.
 *   name, income (10, triệu đồng/người), criteria not met, criteria left blank
 */
const COMMUNES: Array<[string, string | number, number[], number[]?]> = [
  ["Thanh Vân", "41,2", [11, 13]],
  ["Hòa Bình", 46.3, []],
  ["Tân Lập", "#N/A", [12, 14], [17]],
  ["Quang Minh", "45", [7]],
  ["Đồng Tâm", "47,5", [16, 19]],
  ["Nghĩa Tá", 38.7, [2, 5, 11, 12, 13, 17]],
  ["Tân Tiến", 44.1, [17, 18]],
  ["Phú Thịnh", 49.2, [], [15, 16]],
  ["Kim Sơn", "42", [2, 11, 13, 17]],
  ["Trung Hòa", 40.5, [2, 5, 12, 13, 17]],
];

/** The criteria with a "Đạt / Chưa đạt" column: every one but 10 (income has its own column of values). */
const MARKED = Array.from({ length: 19 }, (_, i) => i + 1).filter((no) => no !== 10);

/**
 * A district's sheet of communes: an income column, a block of criterion columns under a merged
 * two-row header, a row numbering the columns, a hidden working column, a total row and a note.
 * Staff habits kept: "41,2" as text, "#N/A" left by a formula, "x" for met, "Không đạt".
 */
export function districtCommunes(): ExcelJS.Workbook {
  const wb = workbook();
  const ws = wb.addWorksheet("Các xã 2024");
  ws.addRow(["TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI CÁC XÃ NĂM 2024 (số liệu do các xã báo cáo)"]);
  bold(ws.addRow(["STT", "Tên xã", "10. Thu nhập bình quân (tr.đ/người)", "Kết quả thực hiện các tiêu chí", ...Array(MARKED.length - 1).fill(""), "Cột phụ"]));
  bold(ws.addRow(["", "", "", ...MARKED, ""]));
  const last = 3 + MARKED.length; // the block's last column (1-based)
  ws.mergeCells(2, 1, 3, 1);
  ws.mergeCells(2, 2, 3, 2);
  ws.mergeCells(2, 3, 3, 3);
  ws.mergeCells(2, 4, 2, last);
  ws.mergeCells(2, last + 1, 3, last + 1);
  ws.addRow(Array.from({ length: last + 1 }, (_, i) => `(${i + 1})`));
  COMMUNES.forEach(([name, income, unmet, blank = []], i) => {
    const marks = MARKED.map((no) => (blank.includes(no) ? "" : unmet.includes(no) ? (name === "Đồng Tâm" && no === 19 ? "Không đạt" : "Chưa đạt") : name === "Tân Lập" && no === 7 ? "x" : "Đạt"));
    ws.addRow([i + 1, name, income, ...marks, "tạm"]);
  });
  ws.addRow(["", "Tổng cộng", "", ...Array(MARKED.length + 1).fill("")]);
  ws.addRow(["Ghi chú: ô để trống là xã chưa báo cáo."]);
  ws.getColumn(last + 1).hidden = true;
  ws.getColumn(2).width = 14;
  ws.getColumn(3).width = 16;
  for (let c = 4; c <= last; c++) ws.getColumn(c).width = 9;
  return wb;
}

const VILLAGES: Array<[string, string, number[], number[]?]> = [
  ["Đôn Phong", "Bản Vén", [10, 12, 13]],
  ["Đôn Phong", "Bản Đán", [10, 13, 17]],
  ["Đôn Phong", "Nà Lẹng", [10]],
  ["Đôn Phong", "Khuổi Mật", [10, 11, 13, 17]],
  ["Vũ Muộn", "Đông Bun", [10, 12, 13]],
  ["Vũ Muộn", "Bản Chàn", [10], [5]],
  ["Vũ Muộn", "Khuổi Hát", [10, 11, 13]],
  ["Vũ Muộn", "Nà Pài", []],
  ["Cao Sơn", "Bản Lanh", [10, 13]],
  ["Cao Sơn", "Nà Đon", [10, 12, 13, 17]],
];

/**
 * The same district a year earlier, as its office typed it: "Thôn" before some names, one name
 * without diacritics, Nà Đon not yet listed, a village that has since been merged away; some
 * criteria met then are lost in 2024 (Bản Vén 12, Bản Đán 17, Khuổi Hát 11), some gained.
 */
const VILLAGES_2023: Array<[string, string, number[], number[]?]> = [
  ["Đôn Phong", "Thôn Bản Vén", [10, 13]],
  ["Đôn Phong", "Bản Đán", [10, 13]],
  ["Đôn Phong", "Nà Lẹng", [10, 17]],
  ["Đôn Phong", "Khuoi Mat", [10, 11, 12, 13, 17]],
  ["Vũ Muộn", "Thôn Đông Bun", [10, 12, 13]],
  ["Vũ Muộn", "Bản Chàn", [10, 13], [5]],
  ["Vũ Muộn", "Khuổi Hát", [10, 13]],
  ["Vũ Muộn", "Nà Pài", [10]],
  ["Cao Sơn", "Bản Lanh", [10, 13, 17]],
  ["Cao Sơn", "Nà Khuổi", [10, 12, 13, 17]],
];

/** A district's sheet of villages: self-assessed "Đạt / Chưa đạt" per criterion, grouped by commune. */
export function districtVillages(year = 2024): ExcelJS.Workbook {
  const villages = year === 2023 ? VILLAGES_2023 : VILLAGES;
  const wb = workbook();
  const ws = wb.addWorksheet(`Thôn ${year}`);
  ws.addRow([`BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ THÔN NÔNG THÔN MỚI NĂM ${year}`]);
  bold(ws.addRow(["STT", "Thôn, bản", "Tiêu chí", ...Array(18).fill(""), "Số tiêu chí đạt", "Ghi chú"]));
  bold(ws.addRow(["", "", ...Array.from({ length: 19 }, (_, i) => i + 1), "", ""]));
  ws.mergeCells("A2:A3");
  ws.mergeCells("B2:B3");
  ws.mergeCells("C2:U2");
  ws.mergeCells("V2:V3");
  ws.mergeCells("W2:W3");
  let stt = 0;
  let group = "";
  for (const [xa, thon, unmet, missing = []] of villages) {
    if (xa !== group) {
      ws.addRow(["", `Xã ${xa}`]).font = { bold: true, italic: true };
      group = xa;
    }
    ws.addRow([++stt, thon, ...Array.from({ length: 19 }, (_, i) => (missing.includes(i + 1) ? "" : unmet.includes(i + 1) ? "Chưa đạt" : "Đạt")), "", ""]);
  }
  ws.addRow(["Ghi chú: số liệu tự đánh giá của các xã, chưa thẩm định."]);
  // The workbook names the set its villages are judged by.
  const set = wb.addWorksheet("NTM_BoTieuChi");
  set.addRow(["Mã bộ tiêu chí", "thon-ntm-bac-kan-2022-2025"]);
  set.addRow([]);
  set.addRow(["Tiêu chí số", "Tên tiêu chí", "Mã chỉ tiêu", "Nội dung chỉ tiêu", "Đơn vị", "Loại", "So sánh", "Vùng", "Năm", "Ngưỡng", "Nguồn", "Đã xác nhận"]);
  ws.getColumn(2).width = 16;
  return wb;
}

async function main(): Promise<void> {
  mkdirSync(folder, { recursive: true });
  const files: Array<[string, ExcelJS.Workbook]> = [
    ["xa-thanh-van-tu-danh-gia-2024.xlsx", communeForm()],
    ["huyen-cac-xa-2024.xlsx", districtCommunes()],
    ["huyen-cac-thon-2024.xlsx", districtVillages()],
    ["huyen-cac-thon-2023.xlsx", districtVillages(2023)],
  ];
  for (const [name, wb] of files) {
    await wb.xlsx.writeFile(path.join(folder, name));
    console.log(path.join(folder, name));
  }
}

if (process.argv[1] && /make-samples/.test(process.argv[1])) await main();
