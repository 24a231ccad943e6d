// ntm evaluate --set-file: a province's NTM_BoTieuChi, in a workbook of its own, judging every
// workbook of the run that carries none; real .xlsx files written with exceljs, hand-computed gaps.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/ntm.js";
import { cellValue } from "../cli/xlsxGrid.js";

let dir: string;

async function cli(args: string[]) {
  let out = "";
  let err = "";
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s), tty: false });
  return { code, out, err };
}

async function book(file: string, sheets: Record<string, unknown[][]>) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  await wb.xlsx.writeFile(file);
}

/** A province's set: the national commune set with its own income level for TDMNPB in 2024 (row 7). */
const provinceSet = (value: unknown = 50, region: unknown = "tdmnpb"): unknown[][] => [
  ["Mã bộ tiêu chí", "xa-ntm-tinh-bac-kan-2021-2025"],
  ["Tên bộ tiêu chí", "Bộ tiêu chí xã nông thôn mới tỉnh Bắc Kạn (mức của tỉnh)"],
  ["Kế thừa", "xa-ntm-2021-2025"],
  ["Căn cứ", "123/QĐ-UBND"],
  [],
  ["Tiêu chí số", "Mã chỉ tiêu", "Loại", "So sánh", "Vùng", "Năm", "Ngưỡng", "Nguồn", "Đã xác nhận"],
  [10, "10", "số", "≥", region, 2024, value, "123/QĐ-UBND, tiêu chí 10", "Có"],
];

/** A district's sheet of communes with their income (million VND a person). */
const communes: unknown[][] = [
  ["TỔNG HỢP THU NHẬP CÁC XÃ NĂM 2024"],
  ["STT", "Tên xã", "10. Thu nhập (tr.đ/người)", "15.1 BHYT (%)", "Tiêu chí 7"],
  [1, "An Bình", 47, 96, "Đạt"],
  [2, "Bình Minh", 52, 97, "Đạt"],
  [3, "Cẩm Sơn", 44, 95, "Đạt"],
];

let province: string;
let plain: string;
let ownSet: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "ntm-setfile-"));
  province = path.join(dir, "tinh.xlsx");
  await book(province, { "Hướng dẫn": [["Bộ tiêu chí của tỉnh: xem trang NTM_BoTieuChi"]], NTM_BoTieuChi: provinceSet() });
  plain = path.join(dir, "huyen-a.xlsx");
  await book(plain, { "Các xã": communes });
  // A commune workbook that chose its own level (40) on its own NTM_BoTieuChi.
  ownSet = path.join(dir, "huyen-b.xlsx");
  await book(ownSet, { "Các xã": communes, NTM_BoTieuChi: [...provinceSet(40).slice(0, 3).map((r, i) => (i === 0 ? ["Mã bộ tiêu chí", "xa-ntm-huyen-b-2021-2025"] : r)), ...provinceSet(40).slice(3)] });
});

type Unit = { name: string; criteria: Array<{ no: number; status: string; indicators: Array<{ code: string; status: string; threshold: unknown; gap: number | null; thresholdOrigin?: string; thresholdSource?: string; thresholdConfirmed?: boolean }> }> };
const income = (u: Unit) => u.criteria.find((c) => c.no === 10)!.indicators.find((i) => i.code === "10")!;

describe("--set-file judges a workbook that carries no set of its own", () => {
  it("with the province's level: 47 and 44 fall short of 50 by 3 and 6, 52 meets it", async () => {
    const r = await cli(["evaluate", plain, "--set-file", province, "--region", "tdmnpb", "--year", "2024", "--out", path.join(dir, "a.ntm.xlsx"), "--json"]);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.set).toBe("xa-ntm-2021-2025");
    expect(doc.units.map((u: Unit) => [u.name, income(u).status, income(u).threshold, income(u).gap])).toEqual([
      ["An Bình", "not_met", 50, 3],
      ["Bình Minh", "met", 50, null],
      ["Cẩm Sơn", "not_met", 50, 6],
    ]);
    expect(income(doc.units[0])).toMatchObject({ thresholdOrigin: "workbook", thresholdSource: "123/QĐ-UBND, tiêu chí 10", thresholdConfirmed: true });
    expect(doc.files[0]).toMatchObject({
      setFile: "tinh.xlsx",
      setChoice: { origin: "setFile", why: "Bộ tiêu chí xa-ntm-2021-2025: theo trang NTM_BoTieuChi của tệp tinh.xlsx (--set-file)" },
    });
  });

  it("without it, the catalog's 45 (unconfirmed): only 44 falls short, by 1", async () => {
    const r = await cli(["evaluate", plain, "--region", "tdmnpb", "--year", "2024", "--out", path.join(dir, "a0.ntm.xlsx"), "--json"]);
    const doc = JSON.parse(r.out);
    expect(doc.units.map((u: Unit) => [income(u).status, income(u).threshold, income(u).gap, income(u).thresholdOrigin])).toEqual([
      ["met", 45, null, "catalog"],
      ["met", 45, null, "catalog"],
      ["not_met", 45, 1, "catalog"],
    ]);
    expect(doc.files[0]).not.toHaveProperty("setFile");
  });

  it("says so on the terminal and in the copy's report", async () => {
    const out = path.join(dir, "a1.ntm.xlsx");
    const r = await cli(["evaluate", plain, "--set-file", province, "--region", "tdmnpb", "--year", "2024", "--out", out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("  Bộ tiêu chí xa-ntm-2021-2025: theo trang NTM_BoTieuChi của tệp tinh.xlsx (--set-file)\n");
    expect(r.out).toContain("10: 47 / ≥ 50 triệu đồng/người → thiếu 3 triệu đồng/người");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cells: string[] = [];
    wb.getWorksheet("NTM_BaoCao")!.eachRow((row) => row.eachCell((c) => void cells.push(String(cellValue(c.value)))));
    expect(cells.some((c) => c.includes("theo trang NTM_BoTieuChi của tệp tinh.xlsx (--set-file)"))).toBe(true);
    // The copy does not gain an NTM_BoTieuChi sheet: the province's set stays in its own file.
    expect(wb.getWorksheet("NTM_BoTieuChi")).toBeUndefined();
  });

  it("--set may name the file's set", async () => {
    const r = await cli(["evaluate", plain, "--set-file", province, "--set", "xa-ntm-tinh-bac-kan-2021-2025", "--region", "tdmnpb", "--year", "2024", "--out", path.join(dir, "a2.ntm.xlsx"), "--json"]);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.set).toBe("xa-ntm-tinh-bac-kan-2021-2025");
    expect(doc.units.map((u: Unit) => income(u).status)).toEqual(["not_met", "met", "not_met"]);
  });
});

describe("a workbook's own NTM_BoTieuChi wins: it is the commune's explicit choice", () => {
  it("its level 40 judges it, and the run says the file's set was not used", async () => {
    const r = await cli(["evaluate", ownSet, "--set-file", province, "--region", "tdmnpb", "--year", "2024", "--out", path.join(dir, "b.ntm.xlsx"), "--json"]);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.units.map((u: Unit) => [income(u).status, income(u).threshold])).toEqual([
      ["met", 40],
      ["met", 40],
      ["met", 40],
    ]);
    expect(doc.files[0].setChoice.origin).toBe("workbook");
    expect(doc.files[0]).not.toHaveProperty("setFile");
    expect(doc.files[0].warnings).toContain(
      "huyen-b.xlsx: tệp có trang NTM_BoTieuChi riêng nên dùng bộ tiêu chí của chính tệp (xa-ntm-huyen-b-2021-2025), không dùng bộ xa-ntm-tinh-bac-kan-2021-2025 của tinh.xlsx (--set-file)",
    );
  });

  it("in a folder, each workbook as it is: the file's 50 for one, its own 40 for the other", async () => {
    const folder = path.join(dir, "thu-muc");
    mkdirSync(folder);
    copyFileSync(plain, path.join(folder, "huyen-a.xlsx"));
    copyFileSync(ownSet, path.join(folder, "huyen-b.xlsx"));
    const r = await cli(["evaluate", folder, "--set-file", province, "--region", "tdmnpb", "--year", "2024", "--out", path.join(dir, "thu-muc-out"), "--json"]);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.units.map((u: Unit & { file: string }) => [path.basename(u.file), u.name, income(u).threshold, income(u).status])).toEqual([
      ["huyen-a.xlsx", "An Bình", 50, "not_met"],
      ["huyen-a.xlsx", "Bình Minh", 50, "met"],
      ["huyen-a.xlsx", "Cẩm Sơn", 50, "not_met"],
      ["huyen-b.xlsx", "An Bình", 40, "met"],
      ["huyen-b.xlsx", "Bình Minh", 40, "met"],
      ["huyen-b.xlsx", "Cẩm Sơn", 40, "met"],
    ]);
  });
});

describe("a set file that cannot be used stops the run with a message naming it (exit 1)", () => {
  const run = (setFile: string, lang = "vi") => cli(["evaluate", plain, "--set-file", setFile, "--out", path.join(dir, "x.ntm.xlsx"), "--lang", lang]);

  it("a file that is not there", async () => {
    const r = await run(path.join(dir, "khong-co.xlsx"));
    expect(r.code).toBe(1);
    expect(r.err).toBe(`ntm: ${path.join(dir, "khong-co.xlsx")}: không mở được tệp (--set-file)\n`);
  });

  it("a workbook without NTM_BoTieuChi", async () => {
    const r = await run(plain);
    expect(r.code).toBe(1);
    expect(r.err).toBe("ntm: huyen-a.xlsx: không có trang NTM_BoTieuChi (--set-file); cần một bảng tính có trang NTM_BoTieuChi (bộ tiêu chí của tỉnh)\n");
    const en = await run(plain, "en");
    expect(en.err).toBe("ntm: huyen-a.xlsx: no NTM_BoTieuChi sheet (--set-file); a workbook with an NTM_BoTieuChi sheet (the province's set) is needed\n");
  });

  it("a broken NTM_BoTieuChi: the file, the count and each row", async () => {
    const broken = path.join(dir, "tinh-loi.xlsx");
    const rows = provinceSet("năm mươi", "Miền Trăng");
    await book(broken, { NTM_BoTieuChi: [...rows, [10, "10", "số", "≥", "dbsh", "2024", "60", "123/QĐ-UBND"], [10, "10", "số", "≥", "dbsh", "2024", "61", "123/QĐ-UBND"]] });
    const r = await run(broken);
    expect(r.code).toBe(1);
    const lines = r.err.trimEnd().split("\n");
    expect(lines[0]).toBe("ntm: tinh-loi.xlsx, trang NTM_BoTieuChi có 2 lỗi nên chưa dùng được; hãy sửa rồi chạy lại:");
    expect(lines[1]).toMatch(/^ {2}Dòng 7: "Vùng" "Miền Trăng"/);
    expect(lines[2]).toMatch(/^ {2}Dòng 9: /);
    expect(lines).toHaveLength(3);
  });

  it("an empty NTM_BoTieuChi", async () => {
    const empty = path.join(dir, "tinh-trong.xlsx");
    await book(empty, { "Trang 1": [["x"]], NTM_BoTieuChi: [[""], [null]] });
    const r = await run(empty);
    expect(r.code).toBe(1);
    expect(r.err).toBe("ntm: tinh-trong.xlsx: trang NTM_BoTieuChi trống (--set-file); cần các dòng của bộ tiêu chí (Mã bộ tiêu chí, dòng tiêu đề, các ngưỡng)\n");
  });

  it("a file that is not a workbook", async () => {
    const notXlsx = path.join(dir, "tinh.xlsx.txt");
    writeFileSync(notXlsx, "Mã bộ tiêu chí;xa-ntm-tinh\n");
    const r = await run(notXlsx);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^ntm: tinh\.xlsx\.txt: .+ \(--set-file\)\n$/);
  });

  it("--set naming neither a built-in set nor the file's", async () => {
    const r = await cli(["evaluate", plain, "--set-file", province, "--set", "xa-ntm-khac"]);
    expect(r.code).toBe(1);
    expect(r.err).toBe("ntm: --set xa-ntm-khac: không phải bộ tiêu chí có sẵn, cũng không phải bộ trong tinh.xlsx (xa-ntm-tinh-bac-kan-2021-2025)\n");
  });

  it("with another command: wrong usage (exit 2)", async () => {
    const r = await cli(["catalog", "--set-file", province]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^ntm: --set-file chỉ dùng với ntm evaluate\n/);
  });
});
