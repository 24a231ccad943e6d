// The command line on workbooks written by other programs (openpyxl with absolute relationship
// targets, LibreOffice, exceljs, an .xlsm, inline strings, Strict OOXML), each with a chart, a
// picture, a note, an Excel table: read, evaluated, and copied with every untouched part as it was.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { runCli } from "../cli/ntm.js";

const dir = mkdtempSync(path.join(tmpdir(), "ntm-writers-"));
const FIXTURES = path.join(import.meta.dirname, "xlsx", "fixtures");

/** Parts the tool may change: the evaluated sheet, styles, its notes, and what a new report sheet touches. */
const MAY_CHANGE = /^(xl\/worksheets\/sheet1\.xml|xl\/styles\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml|xl\/comments.*|xl\/drawings\/.*\.vml|xl\/worksheets\/_rels\/sheet1\.xml\.rels)$/;

function soffice(): string | undefined {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore" });
    return "soffice";
  } catch {
    return undefined;
  }
}

describe.each(["openpyxl.xlsx", "libreoffice.xlsx", "exceljs.xlsx", "macro.xlsm", "inline.xlsx", "strict.xlsx"])("a workbook written by another program: %s", (name) => {
  it("is evaluated, and its copy keeps every part the tool had no reason to change", async () => {
    const input = path.join(FIXTURES, name);
    const output = path.join(dir, name.replace(/(\.\w+)$/, ".ntm$1"));
    let out = "";
    let err = "";
    const sheet = name === "inline.xlsx" ? "Inline" : "Dữ liệu";
    // Its table is not a criteria table by its headers: the user's mapping says what the columns hold.
    const code = await runCli(["evaluate", input, "--sheet", sheet, "--set", "xa-ntm-2021-2025", "--region", "tdmnpb", "--year", "2024", "--mapping", '{"B": {"indicator": "10"}}', "--out", output, "--json"], {
      out: (s) => (out += s),
      err: (s) => (err += s),
    });
    expect(code, err).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.units.length).toBeGreaterThan(0);
    const income = doc.units.map((u: { criteria: Array<{ no: number; indicators: Array<{ value: unknown }> }> }) => u.criteria.find((c) => c.no === 10)!.indicators[0]!.value);
    expect(income).toContain(41.2);

    const before = unzipSync(readFileSync(input));
    const after = unzipSync(readFileSync(output));
    for (const [part, bytes] of Object.entries(before)) {
      expect(after[part], `${part} kept`).toBeDefined();
      if (!MAY_CHANGE.test(part)) expect(Buffer.from(after[part]!).equals(Buffer.from(bytes)), `${part} byte for byte`).toBe(true);
    }
    if (name.endsWith(".xlsm")) expect(Object.keys(after)).toContain("xl/vbaProject.bin");
    // Every part it added is the report sheet, or the notes' parts (and styles) where the file had none.
    const added = Object.keys(after).filter((p) => !(p in before));
    expect(added.filter((p) => !/^xl\/(worksheets\/sheet\d+\.xml|styles\.xml|comments\d*\.xml|drawings\/vmlDrawing\d+\.vml|worksheets\/_rels\/sheet1\.xml\.rels)$/.test(p))).toEqual([]);

    const office = soffice();
    if (!office) {
      console.warn("soffice not installed: the copy was not opened in LibreOffice");
      return;
    }
    execFileSync(office, ["--headless", "--convert-to", "csv", "--outdir", dir, output], { stdio: "ignore", timeout: 120_000 });
    expect(readFileSync(output.replace(/\.\w+$/, ".csv"), "utf8")).toContain("[NTM]");
  });
});
