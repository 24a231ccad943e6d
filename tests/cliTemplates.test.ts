// The command line on workbooks formatted as offices format them, and on large results through a pipe.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cli } from "./support/cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "ntm-templates-"));

/** A district sheet whose every table cell shares one style object, as Excel writes them. */
async function styledWorkbook(file: string, units = 3): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Các xã");
  const shared: Partial<ExcelJS.Style> = {
    border: { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } },
    font: { name: "Times New Roman", size: 12 },
    alignment: { horizontal: "center" },
  };
  ws.addRow(["BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN TIÊU CHÍ XÃ NÔNG THÔN MỚI NĂM 2024"]);
  ws.mergeCells("A1:V1");
  ws.addRow(["STT", "Tên xã", ...Array.from({ length: 19 }, (_, i) => `TC${i + 1}`), "Tổng số tiêu chí đạt"]);
  for (let u = 0; u < units; u++) {
    const marks = Array.from({ length: 19 }, (_, i) => (i === (u % 19) ? "CĐ" : "Đ"));
    ws.addRow([u + 1, `Xã Số ${u + 1}`, ...marks, u === 0 ? 19 : 18]);
  }
  for (let r = 2; r <= units + 2; r++) for (let c = 1; c <= 22; c++) ws.getCell(r, c).style = shared;
  ws.views = [{ state: "frozen", ySplit: 2 }];
  await wb.xlsx.writeFile(file);
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
  return f && f.type === "pattern" && f.pattern === "solid" ? f.fgColor?.argb : undefined;
}

describe("a formatted district workbook", () => {
  it("fills only the unmet cells and the disputed total; every other cell keeps its look", async () => {
    const input = path.join(dir, "styled.xlsx");
    const output = path.join(dir, "styled.ntm.xlsx");
    await styledWorkbook(input);
    const r = await cli(["evaluate", input, "--out", output, "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.units.map((u: { unmet: number[] }) => u.unmet)).toEqual([[1], [2], [3]]);
    // Row 3 typed 19 while it holds one "CĐ": flagged, not rewritten.
    expect(doc.files[0].totalMismatches).toEqual([{ sheet: "Các xã", cell: "V3", unit: "Xã Số 1", typed: 19, counted: 18 }]);

    const before = new ExcelJS.Workbook();
    await before.xlsx.readFile(input);
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(output);
    const a = before.getWorksheet("Các xã")!;
    const b = after.getWorksheet("Các xã")!;
    const filled: string[] = [];
    for (let row = 1; row <= a.rowCount; row++) {
      for (let col = 1; col <= 22; col++) {
        const x = a.getCell(row, col);
        const y = b.getCell(row, col);
        expect(y.value).toEqual(x.value);
        if (fillOf(y)) filled.push(y.address);
        expect(y.border).toEqual(x.border);
        expect(y.font).toEqual(x.font);
      }
    }
    expect(filled.sort()).toEqual(["C3", "D4", "E5", "V3"].sort());
    expect(b.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
  });
});

describe("--json through a pipe", () => {
  it("is complete for a result over 2 MB", async () => {
    const input = path.join(dir, "big.xlsx");
    await styledWorkbook(input, 1200);
    const json = execFileSync("bash", ["-c", `node bin/ntm.js evaluate "${input}" --out "${path.join(dir, "big.ntm.xlsx")}" --json | cat`], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(json.length).toBeGreaterThan(2_000_000);
    const doc = JSON.parse(json);
    expect(doc.units).toHaveLength(1200);
    expect(doc.summary.averageMet).toBe(18);
  });

  it("ends quietly when the reader stops early (| head)", () => {
    const out = execFileSync("bash", ["-c", "node bin/ntm.js catalog --json | head -c 100 > /dev/null; echo \"${PIPESTATUS[0]}\"; node bin/ntm.js catalog --json 2>&1 >/dev/null | head -c 300"], { encoding: "utf8" });
    expect(out.trim()).toBe("0");
  });
});
