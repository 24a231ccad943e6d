import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/ntm.js";
import { cellValue } from "../cli/xlsxGrid.js";
import { communeForm, districtCommunes, districtVillages } from "../tools/make-samples.js";

const SAMPLES = path.resolve("samples");
let dir: string;

async function cli(args: string[], tty = false) {
  let out = "";
  let err = "";
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s), tty });
  return { code, out, err };
}

/** A note's text, whether a reader gives it as a string or as rich-text runs. */
function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as unknown;
  if (typeof n === "string") return n;
  return ((n as { texts?: Array<{ text: string }> } | undefined)?.texts ?? []).map((t) => t.text).join("");
}

const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

async function sheetValues(file: string, sheet?: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = sheet ? wb.getWorksheet(sheet)! : wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = Array.from({ length: ws.columnCount }, (_, c) => cellValue(row.getCell(c + 1).value));
  });
  return rows;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "ntm-cli-"));
});

describe("ntm evaluate on the sample workbooks", () => {
  it("follows the JSON contract on the commune form, and never modifies the input", async () => {
    const input = path.join(SAMPLES, "xa-thanh-van-tu-danh-gia-2024.xlsx");
    const before = sha(input);
    const out = path.join(dir, "form.xlsx");
    const r = await cli(["evaluate", input, "--region", "tdmnpb", "--year", "2024", "--out", out, "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc).slice(0, 5)).toEqual(["set", "region", "year", "units", "summary"]);
    expect(doc).toMatchObject({ set: "xa-ntm-2021-2025", region: "tdmnpb", year: 2024, summary: { unitCount: 1, byCountMet: { "14": 1 }, averageMet: 14 } });
    const unit = doc.units[0];
    expect(unit).toMatchObject({ name: "Xã Thanh Vân", criteriaMet: 14, criteriaTotal: 19, unmet: [10, 11, 13, 18], invalid: [17] });
    const income = unit.criteria.find((c: { no: number }) => c.no === 10).indicators[0];
    expect(income).toMatchObject({ code: "10", value: 41.2, threshold: 45, status: "not_met", gap: 3.8, thresholdOrigin: "row" });
    expect(sha(input)).toBe(before);
    expect(existsSync(out)).toBe(true);
  });

  it("writes a highlighted copy: own columns, fills and notes on the unmet cells, a report sheet", async () => {
    const input = path.join(SAMPLES, "huyen-cac-xa-2024.xlsx");
    const out = path.join(dir, "xa.ntm.xlsx");
    expect((await cli(["evaluate", input, "--region", "tdmnpb", "--year", "2024", "--out", out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Các xã 2024")!;
    // A..V are the district's (income in C, criteria 1-9 and 11-19 in D..U, a hidden column V): ours follow.
    expect(ws.getCell("W3").value).toBe("[NTM] Kết quả");
    // Thanh Vân by hand: income 41,2 < 45 (10), "Chưa đạt" under 11 and 13, "Đạt" elsewhere: 16/19.
    expect(ws.getCell("W5").value).toBe("16/19");
    expect(ws.getCell("X5").value).toBe("10, 11, 13");
    // Tân Lập: "#N/A" income (unreadable), 17 left blank (missing), 12 and 14 not met, "x" under 7 (met): 15/19.
    expect(ws.getCell("W7").value).toBe("15/19");
    expect(ws.getCell("Y7").value).toBe("10, 17");
    const c5 = ws.getCell("C5");
    expect(c5.value).toBe("41,2");
    expect((c5.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFF4CCCC");
    expect(noteText(c5)).toContain("thiếu 3,8 triệu đồng/người");
    expect(noteText(c5)).toContain("vùng Trung du và miền núi phía Bắc");
    // Values the user typed are untouched in the copy.
    const original = await sheetValues(input);
    const copy = await sheetValues(out, "Các xã 2024");
    expect(copy.map((r) => r.slice(0, 22))).toEqual(original.map((r) => r.slice(0, 22)));
    const report = await sheetValues(out, "NTM_BaoCao");
    expect(report.flat()).toContain("Tiêu chí số");
  });

  it("the district's communes sample reads like a real district: 12 to 19 criteria met, a few gaps", async () => {
    const r = await cli(["evaluate", path.join(SAMPLES, "huyen-cac-xa-2024.xlsx"), "--region", "tdmnpb", "--year", "2024", "--json", "--out", path.join(dir, "xa2.xlsx")]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    // By hand from tools/make-samples.ts: 19 minus (income under 45 + "Chưa đạt" + blank + unreadable).
    const met = Object.fromEntries(doc.units.map((u: { name: string; criteriaMet: number }) => [u.name, u.criteriaMet]));
    expect(met).toEqual({ "Thanh Vân": 16, "Hòa Bình": 19, "Tân Lập": 15, "Quang Minh": 18, "Đồng Tâm": 17, "Nghĩa Tá": 12, "Tân Tiến": 16, "Phú Thịnh": 17, "Kim Sơn": 14, "Trung Hòa": 13 });
    // (16 + 19 + 15 + 18 + 17 + 12 + 16 + 17 + 14 + 13) / 10 = 15.7
    expect(doc.summary.averageMet).toBeCloseTo(15.7, 5);
    expect(doc.units.find((u: { name: string }) => u.name === "Phú Thịnh").missing).toEqual([15, 16]);
  });

  it("reads the village set the workbook names on its NTM_BoTieuChi sheet", async () => {
    const r = await cli(["evaluate", path.join(SAMPLES, "huyen-cac-thon-2024.xlsx"), "--out", path.join(dir, "thon.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("thon-ntm-bac-kan-2022-2025");
    expect(r.out).toContain("- Số thôn đạt 16 tiêu chí: 04 thôn (Bản Vén, Bản Đán xã Đôn Phong; Đông Bun, Khuổi Hát xã Vũ Muộn).");
    expect(r.out).toContain("- Tiêu chí số 10 (Thu nhập): 09 thôn");
  });

  it("the sample workbooks are exactly what tools/make-samples.ts generates", async () => {
    for (const [name, make] of [
      ["xa-thanh-van-tu-danh-gia-2024.xlsx", communeForm],
      ["huyen-cac-xa-2024.xlsx", districtCommunes],
      ["huyen-cac-thon-2024.xlsx", districtVillages],
      ["huyen-cac-thon-2023.xlsx", () => districtVillages(2023)],
    ] as const) {
      const fresh = path.join(dir, name);
      await make().xlsx.writeFile(fresh);
      expect(await sheetValues(fresh), name).toEqual(await sheetValues(path.join(SAMPLES, name)));
    }
  });
});

describe("awkward workbooks made by hand", () => {
  it("merged two-row headers, text in number cells, \"42,5\", \"85%\", a formula", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Số liệu");
    ws.addRow(["Biểu số liệu"]);
    ws.addRow(["STT", "Đơn vị", "Chỉ tiêu", "", "", "Tự đánh giá"]);
    ws.addRow(["", "", "10. Thu nhập", "15.1 BHYT", "Chỉ tiêu 17.1", "Tiêu chí 19"]);
    ws.mergeCells("A2:A3");
    ws.mergeCells("B2:B3");
    ws.mergeCells("C2:E2");
    ws.addRow([1, "Xã A", "42,5", "85%", "chưa có", "Đạt"]);
    ws.addRow([2, "Xã B", { formula: "40+5", result: 45 }, 0.96, "96%", "Không đạt"]);
    ws.getCell("D5").numFmt = "0%";
    const file = path.join(dir, "awkward.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli(["evaluate", file, "--region", "tdmnpb", "--year", "2024", "--json", "--out", path.join(dir, "awkward.out.xlsx")]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    const ind = (u: number, code: string) => doc.units[u].criteria.flatMap((c: { indicators: unknown[] }) => c.indicators).find((i: { code: string }) => i.code === code);
    expect(ind(0, "10")).toMatchObject({ value: 42.5, status: "not_met", gap: 2.5 });
    expect(ind(0, "15.1")).toMatchObject({ value: 85 });
    expect(ind(0, "17.1")).toMatchObject({ status: "invalid" });
    expect(ind(1, "10")).toMatchObject({ value: 45, status: "met" });
    expect(ind(1, "15.1")).toMatchObject({ value: 96 });
    expect(doc.units.map((u: { unmet: number[] }) => u.unmet)).toEqual([[10], [19]]);
    expect(doc.files[0].invalidCells[0]).toMatch(/Số liệu!E4 \(Xã A, 17\.1\): "chưa có" không phải là số/);
  });
});

describe("a column mapping given by the user", () => {
  it("--mapping reads a column the headers do not name, and ignores another", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.addRow(["Xã", "Cột A", "Tiêu chí 7"]);
    ws.addRow(["Xã A", 41, "Chưa đạt"]);
    const file = path.join(dir, "mapping.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli(["evaluate", file, "--region", "tdmnpb", "--year", "2024", "--json", "--out", path.join(dir, "m.out.xlsx"), "--mapping", '{"B": {"indicator": "10"}, "C": "ignore"}']);
    expect(r.code).toBe(0);
    const unit = JSON.parse(r.out).units[0];
    expect(unit.unmet).toEqual([10]);
    expect((await cli(["evaluate", file, "--mapping", "{B: 10}"])).code).toBe(2);
  });
});

describe("a folder of commune workbooks", () => {
  it("evaluates every file, writes one combined report, lists the broken file without stopping", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "ntm-folder-"));
    for (const n of [1, 2, 3]) copyFileSync(path.join(SAMPLES, "xa-thanh-van-tu-danh-gia-2024.xlsx"), path.join(folder, `xa-${n}.xlsx`));
    writeFileSync(path.join(folder, "hong.xlsx"), "not a zip");
    const r = await cli(["evaluate", folder, "--region", "tdmnpb", "--year", "2024"], true);
    expect(r.code).toBe(0);
    expect(r.err).toContain("hong.xlsx");
    expect(r.err).toMatch(/\[#+\] 4\/4/);
    expect(r.out).toContain("Tổng số 03 xã");
    expect(existsSync(path.join(folder, "NTM_BaoCao.xlsx"))).toBe(true);
    expect(existsSync(path.join(folder, "xa-1.ntm.xlsx"))).toBe(true);
    // A second run does not read its own outputs back.
    const again = await cli(["evaluate", folder, "--region", "tdmnpb", "--year", "2024", "--json"]);
    expect(JSON.parse(again.out).summary.unitCount).toBe(3);
  });
});

describe("errors", () => {
  it("an unreadable file: one line naming it, exit 1", async () => {
    const bad = path.join(dir, "bad.xlsx");
    writeFileSync(bad, "garbage");
    const r = await cli(["evaluate", bad]);
    expect(r.code).toBe(1);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/bad\.xlsx: tệp bị hỏng hoặc không phải/);
  });

  it("no recognisable layout: names the file and sheet, exit 1", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Ghi chép").addRow(["một", "hai"]);
    const f = path.join(dir, "notes.xlsx");
    await wb.xlsx.writeFile(f);
    const r = await cli(["evaluate", f]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/notes\.xlsx: Ghi chép: Trang "Ghi chép": không nhận ra bảng tiêu chí/);
  });

  it("unknown set or region: exit 1 with what is available; usage errors exit 2", async () => {
    const input = path.join(SAMPLES, "huyen-cac-xa-2024.xlsx");
    expect(await cli(["evaluate", input, "--set", "khong-co"])).toMatchObject({ code: 1 });
    const region = await cli(["evaluate", input, "--region", "Miền Trăng"]);
    expect(region.code).toBe(1);
    expect(region.err).toContain("Miền Trăng");
    expect((await cli(["evaluate"])).code).toBe(2);
    expect((await cli(["lam-gi-do"])).code).toBe(2);
    expect((await cli(["evaluate", input, "--bogus"])).code).toBe(2);
    expect((await cli(["evaluate", input, "--year", "hai nghìn"])).code).toBe(2);
    expect((await cli(["evaluate", path.join(dir, "khong-co.xlsx")])).code).toBe(1);
  });

  it("the installed bin answers with the same exit codes", () => {
    const r = spawnSync(process.execPath, ["bin/ntm.js", "evaluate"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Cách dùng");
  });
});

describe("ntm catalog", () => {
  it("prints thresholds with their sources for a region and year", async () => {
    const r = await cli(["catalog", "--set", "xa-ntm-2021-2025", "--region", "tdmnpb", "--year", "2024"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/10\s+≥ 45 triệu đồng\/người \(chưa xác nhận\) \[211\/QĐ-TTg/);
    const json = JSON.parse(execFileSync(process.execPath, ["bin/ntm.js", "catalog", "--set", "xa-ntm-2021-2025", "--region", "tdmnpb", "--year", "2023", "--json"], { encoding: "utf8" }));
    expect(json[0].criteria[9].indicators[0].threshold).toMatchObject({ value: 42, confirmed: false });
  });
});
