import type { SheetGrid } from "../../shared/index.js";

const COMMUNES = ["Đôn Phong", "Vũ Muộn", "Cẩm Giàng", "Quân Bình", "Tân Lập"];

/** A district sheet of `n` villages with 19 criterion self-assessments, deterministic. */
export function bigVillageGrid(n: number): SheetGrid {
  const header = ["STT", "Xã", "Thôn", ...Array.from({ length: 19 }, (_, i) => `Tiêu chí ${i + 1}`)];
  const rows: unknown[][] = [["BIỂU TỔNG HỢP THÔN NÔNG THÔN MỚI"], header];
  for (let i = 0; i < n; i++) {
    rows.push([
      i + 1,
      COMMUNES[i % COMMUNES.length],
      `Thôn ${i + 1}`,
      ...Array.from({ length: 19 }, (_, c) => ((i * 7 + c * 3) % 11 === 0 ? "Chưa đạt" : (i + c) % 23 === 0 ? "" : "Đạt")),
    ]);
  }
  return { name: "Thôn lớn", values: rows };
}

/** A district sheet of `n` communes with indicator columns (values typed every way). */
export function bigCommuneGrid(n: number): SheetGrid {
  const header = ["TT", "Tên xã", "10. Thu nhập (tr.đ/người)", "Tỷ lệ nghèo đa chiều (%)", "15.1 BHYT (%)", "Tiêu chí 7", "Chỉ tiêu 3.1"];
  const rows: unknown[][] = [header];
  for (let i = 0; i < n; i++) {
    rows.push([i + 1, `Xã ${i + 1}`, i % 3 === 0 ? String(40 + (i % 9)).replace(/$/, ",5") : 38 + (i % 12), `${(i % 20) + 1}%`, 0.9 + (i % 10) / 100, i % 4 === 0 ? "Chưa đạt" : "Đạt", i % 5 === 0 ? "" : "90%"]);
  }
  return { name: "Xã lớn", values: rows };
}
