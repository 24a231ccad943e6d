// The command line with hostile and interrupted input: a folder of files that are not what they
// say finishes, lists each failure in the user's language and reports the rest; Ctrl-C leaves
// no half-written file and still writes the report of what was done; inputs are never changed.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ntmThreshold } from "../shared/index.js";
import { openXlsx } from "../cli/xlsx/open.js";
import { readSheetGrid } from "../cli/xlsx/readSheet.js";
import { ENCRYPTED_PACKAGE, oleFile, storedZip, zerosDeflated } from "./support/hostileFiles.js";
import { cli } from "./support/cli.js";

const SAMPLE = path.resolve("samples/xa-thanh-van-tu-danh-gia-2024.xlsx");
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

/** The sample with one more cell at the very last address Excel has. */
function withFarCell(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  const sheet = Object.keys(parts).find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))!;
  parts[sheet] = strToU8(strFromU8(parts[sheet]!).replace("</sheetData>", '<row r="1048576"><c r="XFD1048576"><v>7</v></c></row></sheetData>'));
  return zipSync(parts);
}

/** Every row of a sheet as text, for looking a message up. */
function sheetText(file: string, sheet: string): string {
  return readSheetGrid(openXlsx(readFileSync(file)), sheet).grid.values.flat().filter((v) => v !== null).join(" | ");
}

describe("a folder of hostile files", () => {
  it("finishes, names each bad file with what it is and what to do, reports the good ones, changes no input", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "ntm-hostile-"));
    const good = readFileSync(SAMPLE);
    let seed = 11;
    const random = Uint8Array.from({ length: 4096 }, () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed & 0xff));
    const files: Record<string, Uint8Array> = {
      "xa-1.xlsx": good,
      "xa-2.xlsx": good,
      "xa-xa-bang.xlsx": withFarCell(good),
      "ngau-nhien.xlsx": random,
      "dut-doan.xlsx": good.subarray(0, good.length >> 1),
      "mat-khau.xlsx": oleFile(ENCRYPTED_PACKAGE),
      "excel-cu.xlsx": oleFile(new Uint8Array([0x57, 0, 0x6f, 0])),
      "libreoffice.xlsx": zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }], "content.xml": strToU8("<x/>") }),
      "trang-web.xlsx": strToU8("<html><body>Đăng nhập</body></html>"),
      "bom-1gb.xlsx": storedZip("xl/worksheets/sheet1.xml", zerosDeflated(2 ** 30), 2 ** 30),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(folder, name), bytes);
    const before = new Map(Object.keys(files).map((f) => [f, sha(path.join(folder, f))]));

    const r = await cli(["evaluate", folder, "--region", "tdmnpb", "--year", "2024"]);
    expect(r.code).toBe(0);
    const said = (file: string) => r.err.split("\n").find((l) => l.includes(file)) ?? "";
    expect(said("mat-khau.xlsx")).toContain("đặt mật khẩu");
    expect(said("excel-cu.xlsx")).toContain("Excel 97-2003");
    expect(said("libreoffice.xlsx")).toContain("LibreOffice");
    expect(said("dut-doan.xlsx")).toMatch(/\S/);
    expect(said("ngau-nhien.xlsx")).toMatch(/không phải bảng tính/);
    expect(said("trang-web.xlsx")).toMatch(/không phải bảng tính/);
    expect(said("bom-1gb.xlsx")).toContain("512 MB");
    // No library's own words reach the user.
    expect(r.err).not.toMatch(/stuk\.github|Cannot read properties|end of central directory|RangeError|at \w+ \(/);
    // The far cell is ignored with a notice; its workbook is still judged.
    expect(r.out).toContain("XFD1048576");
    expect(existsSync(path.join(folder, "xa-xa-bang.ntm.xlsx"))).toBe(true);

    const report = path.join(folder, "NTM_BaoCao.xlsx");
    const errorsSheet = sheetText(report, "NTM_TepLoi");
    for (const bad of ["ngau-nhien", "dut-doan", "mat-khau", "excel-cu", "libreoffice", "trang-web", "bom-1gb"]) expect(errorsSheet).toContain(`${bad}.xlsx`);
    expect(errorsSheet).not.toContain("xa-1.xlsx");
    expect(sheetText(report, "NTM_BaoCao")).toContain("3 tệp");
    for (const [f, hash] of before) expect(sha(path.join(folder, f)), f).toBe(hash);
  }, 60_000);
});

describe("Ctrl-C during a folder run", () => {
  it("stops after the file in hand, leaves no temporary or half-written file, writes a report marked partial", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "ntm-sigint-"));
    const total = 40;
    for (let n = 1; n <= total; n++) copyFileSync(SAMPLE, path.join(folder, `xa-${String(n).padStart(2, "0")}.xlsx`));
    const child = spawn(process.execPath, ["bin/ntm.js", "evaluate", folder, "--region", "tdmnpb", "--year", "2024"], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.stdout.resume();
    const copies = () => readdirSync(folder).filter((f) => f.endsWith(".ntm.xlsx"));
    // Interrupt as soon as the first copy is written.
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (copies().length > 0) {
          clearInterval(poll);
          child.kill("SIGINT");
          resolve();
        } else if (Date.now() - started > 45_000) {
          clearInterval(poll);
          reject(new Error(`no copy written: ${err}`));
        }
      }, 10);
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    expect(code).toBe(130);
    expect(err).toContain("dừng sau tệp đang đánh giá");
    expect(err).toMatch(/CHƯA ĐẦY ĐỦ.*sau \d+\/40 tệp/);
    const written = copies();
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(total);
    // Nothing half-written: no temporary file, and every copy opens and reads.
    expect(readdirSync(folder).filter((f) => f.includes("ntm-tmp"))).toEqual([]);
    for (const f of written) expect(readSheetGrid(openXlsx(readFileSync(path.join(folder, f))), "NTM_BaoCao").grid.values.length).toBeGreaterThan(3);
    const report = sheetText(path.join(folder, "NTM_BaoCao.xlsx"), "NTM_BaoCao");
    expect(report).toMatch(/CHƯA ĐẦY ĐỦ/);
    expect(report).toContain(`${written.length} tệp`);
  }, 60_000);
});

describe("names a user gives", () => {
  it("prototype names are not ids: --region constructor / __proto__ and a cell function's region are refused with the valid list", async () => {
    for (const region of ["constructor", "__proto__", "toString"]) {
      const r = await cli(["catalog", "--region", region]);
      expect(r.code, region).not.toBe(0);
      expect(r.err).toContain(`không nhận ra vùng "${region}": cần một trong tdmnpb`);
      expect(r.out).not.toContain("native code");
      expect(() => ntmThreshold("10", region, 2024, "")).toThrow(/không nhận ra vùng/);
    }
    expect(ntmThreshold("10", "tdmnpb", 2024, "")).toMatch(/^≥ 45/);
  });
});

describe("--out that is the input", () => {
  it("is refused (exit 2), by name or through a link, and the input keeps every byte", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "ntm-outin-"));
    const input = path.join(folder, "xa.xlsx");
    copyFileSync(SAMPLE, input);
    symlinkSync(input, path.join(folder, "lien-ket.xlsx"));
    const before = sha(input);
    for (const out of [input, path.join(folder, "lien-ket.xlsx"), path.join(folder, ".", "xa.xlsx")]) {
      const r = await cli(["evaluate", input, "--region", "tdmnpb", "--year", "2024", "--out", out]);
      expect(r.code, out).toBe(2);
      expect(r.err).toContain("là chính tệp đầu vào");
      expect(sha(input)).toBe(before);
    }
  });
});
