// ntm evaluate --mapping-file FILE.json: the same JSON as --mapping read from a file, and errors
// naming the file in Vietnamese and English (missing, empty, not JSON, not a mapping, both options).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { cli } from "./support/cli.js";

let dir: string;
let book: string;
const MAPPING = { B: { indicator: "10" }, C: "ignore" };
const run = (...extra: string[]) => cli(["evaluate", book, "--region", "tdmnpb", "--year", "2024", "--json", "--out", path.join(dir, "out.xlsx"), ...extra]);

function file(name: string, content: string | Buffer): string {
  const f = path.join(dir, name);
  writeFileSync(f, content);
  return f;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "ntm-mapping-file-"));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.addRow(["Xã", "Cột A", "Tiêu chí 7"]);
  ws.addRow(["Xã A", 41, "Chưa đạt"]);
  book = path.join(dir, "mapping.xlsx");
  await wb.xlsx.writeFile(book);
});

describe("--mapping-file", () => {
  it("reads the same JSON as --mapping and gives the same result", async () => {
    const inline = await run("--mapping", JSON.stringify(MAPPING));
    const fromFile = await run("--mapping-file", file("anh-xa.json", JSON.stringify(MAPPING, null, 2)));
    expect(fromFile.err).toBe("");
    expect(fromFile.code).toBe(0);
    expect(JSON.parse(fromFile.out)).toEqual(JSON.parse(inline.out));
    expect(JSON.parse(fromFile.out).units[0].unmet).toEqual([10]);
  });

  it("reads a file as Windows writes it: UTF-8 with a BOM (Notepad), UTF-16 (PowerShell 5.1's >)", async () => {
    const text = JSON.stringify(MAPPING);
    const bom = file("bom.json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]));
    const utf16 = file("utf16.json", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${text}\r\n`, "utf16le")]));
    for (const f of [bom, utf16]) {
      const r = await run("--mapping-file", f);
      expect(r.code, r.err).toBe(0);
      expect(JSON.parse(r.out).units[0].unmet).toEqual([10]);
    }
  });

  it("a missing file: exit 1, one line naming it, in Vietnamese or English", async () => {
    const missing = path.join(dir, "khong-co.json");
    const vi = await run("--mapping-file", missing);
    expect(vi.code).toBe(1);
    expect(vi.err).toBe(`ntm: --mapping-file ${missing}: không có tệp này (cần một tệp JSON ánh xạ cột, cùng nội dung với --mapping, ví dụ anh-xa.json)\n`);
    const en = await run("--mapping-file", missing, "--lang", "en");
    expect(en.code).toBe(1);
    expect(en.err).toContain(`--mapping-file ${missing}: no such file`);
  });

  it("a file that is not a mapping: exit 2, the file named, with the line and column of a JSON error", async () => {
    const cases: Array<[string, string, RegExp, RegExp]> = [
      ["hong.json", '{"B": {"indicator": "10"},\n  "C": ignore}', /--mapping-file \S+hong\.json: không phải JSON \(dòng 2, cột 8\)/, /--mapping-file \S+hong\.json: not JSON \(line 2, column 8\)/],
      ["mang.json", '["B", "C"]', /--mapping-file \S+mang\.json: cần một đối tượng JSON/, /--mapping-file \S+mang\.json: a JSON object is expected/],
      ["trong.json", " \n", /--mapping-file \S+trong\.json: tệp trống/, /--mapping-file \S+trong\.json: the file is empty/],
      ["cot.json", '{"B1": "ignore"}', /--mapping-file \S+cot\.json: "B1"/, /--mapping-file \S+cot\.json: "B1"/],
    ];
    for (const [name, content, vi, en] of cases) {
      const f = file(name, content);
      const a = await run("--mapping-file", f);
      expect(a.code, name).toBe(2);
      expect(a.err, name).toMatch(vi);
      const b = await run("--mapping-file", f, "--lang", "en");
      expect(b.code, name).toBe(2);
      expect(b.err, name).toMatch(en);
    }
  });

  it("the same checks as --mapping once the workbook's set is known, naming the file", async () => {
    const f = file("chi-tieu-la.json", JSON.stringify({ B: { indicator: "99.9" } }));
    const viaFile = await run("--mapping-file", f);
    const inline = await run("--mapping", JSON.stringify({ B: { indicator: "99.9" } }));
    expect(inline.code).toBe(2);
    expect(viaFile.code).toBe(2);
    expect(inline.err).toMatch(/^ntm: --mapping: /);
    expect(viaFile.err.split("\n")[0]).toBe(inline.err.split("\n")[0]!.replace("--mapping:", `--mapping-file ${f}:`));
  });

  it("refuses --mapping and --mapping-file together", async () => {
    const r = await run("--mapping", "{}", "--mapping-file", file("ca-hai.json", "{}"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^ntm: dùng --mapping hoặc --mapping-file, không dùng cả hai/);
  });

  it("--mapping names itself in its errors, with the position of a JSON error", async () => {
    const r = await run("--mapping", "{B: 10}");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^ntm: --mapping: không phải JSON \(dòng 1, cột 2\)/);
  });
});
