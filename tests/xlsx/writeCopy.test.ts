// The highlighted copy, compared with its original part by part: only what the plan names changes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { openXlsx } from "../../cli/xlsx/open.js";
import { readSheetGrid } from "../../cli/xlsx/readSheet.js";
import { writeCopy } from "../../cli/xlsx/writeCopy.js";
import { a1 } from "../../shared/sheet/grid.js";
import { clearPlan } from "../../shared/sheet/plan.js";
import { fixture, hasSoffice, parts, planFor, rawCells, REPORT, TARGETS, type CopyTarget } from "./support.js";

const bytesEqual = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
const text = (files: Record<string, Uint8Array>, name: string) => strFromU8(files[name]!);
/** The sheet without what a copy may change there: cells, dimension, legacyDrawing. */
const sheetFrame = (xml: string) =>
  xml
    .replace(/<((?:\w+:)?sheetData)\b[^>]*?(\/>|>[\s\S]*<\/\1>)/, "<sheetData/>")
    .replace(/<(?:\w+:)?dimension\b[^>]*\/>/, "")
    .replace(/<(?:\w+:)?legacyDrawing\b[^>]*\/>/, "");
const collection = (xml: string, name: string) => new RegExp(`<((?:\\w+:)?${name})\\b[^>]*>([\\s\\S]*?)</\\1>`).exec(xml)?.[2] ?? "";

interface Made {
  target: CopyTarget;
  original: Uint8Array;
  copy: Uint8Array;
  sheetPath: string;
  stylesPath: string;
}

function make(target: CopyTarget): Made {
  const original = fixture(target.file);
  const pkg = openXlsx(original);
  const grid = readSheetGrid(pkg, target.sheet).grid;
  const plan = planFor(target, (r, c) => grid.fills?.[r]?.[c] ?? null);
  const copy = writeCopy(pkg, { plans: [plan], newSheets: [REPORT] });
  return { target, original, copy, sheetPath: pkg.sheet(target.sheet).path, stylesPath: pkg.related(pkg.workbookPath, "styles") ?? "xl/styles.xml" };
}

const isTarget = (t: CopyTarget, ref: string) => t.fills.some((f) => a1(f) === ref);

describe.each(TARGETS.map((t) => [t.file, t] as const))("copy of %s", (_, target) => {
  const made = make(target);
  const { original, copy, sheetPath, stylesPath } = made;
  const before = parts(original);
  const after = parts(copy);

  it("carries every part it has no reason to change byte for byte, in the same order", () => {
    const mayChange = new Set([sheetPath, stylesPath, "[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", sheetPath.replace(/([^/]+)$/, "_rels/$1.rels")]);
    const pkg = openXlsx(original);
    for (const kind of ["comments", "vmlDrawing"]) for (const r of pkg.relationships(sheetPath)) if (r.type.endsWith(kind)) mayChange.add(r.target);
    for (const name of Object.keys(before)) {
      expect(after[name], name).toBeDefined();
      if (!mayChange.has(name)) expect(bytesEqual(before[name]!, after[name]!), name).toBe(true);
    }
    expect(Object.keys(after).slice(0, Object.keys(before).length)).toEqual(Object.keys(before));
    if (target.file.endsWith(".xlsm")) {
      expect(openXlsx(copy).kind).toBe("xlsm");
      expect(text(after, "[Content_Types].xml")).toContain("macroEnabled");
    }
  });

  it("only appends fills and cell styles to styles.xml", () => {
    if (!before[stylesPath]) return expect(text(after, stylesPath)).toContain("<cellXfs");
    const a = text(before, stylesPath);
    const b = text(after, stylesPath);
    for (const name of ["fills", "cellXfs"]) {
      expect(collection(b, name).startsWith(collection(a, name)), name).toBe(true);
      expect(collection(b, name).length).toBeGreaterThan(collection(a, name).length);
    }
    const frame = (s: string) => s.replace(/<((?:\w+:)?(?:fills|cellXfs))\b[^>]*>[\s\S]*?<\/\1>/g, "<$1/>");
    expect(frame(b)).toBe(frame(a));
    const count = (s: string, name: string) => Number(new RegExp(`<(?:\\w+:)?${name}\\b[^>]*count="(\\d+)"`).exec(s)?.[1]);
    expect(count(b, "cellXfs")).toBe((collection(b, "cellXfs").match(/<(?:\w+:)?xf\b/g) ?? []).length);
    expect(count(b, "fills")).toBe((collection(b, "fills").match(/<(?:\w+:)?fill\b/g) ?? []).length);
  });

  it("changes the sheet only in the targeted cells' style, the owned values, new cells and the dimension", () => {
    const a = text(before, sheetPath);
    const b = text(after, sheetPath);
    expect(sheetFrame(b)).toBe(sheetFrame(a));
    const cellsA = rawCells(a);
    const cellsB = rawCells(b);
    for (const [ref, cell] of cellsA) {
      const now = cellsB.get(ref)!;
      expect(now, ref).toBeDefined();
      if (ref.startsWith(String.fromCharCode(65 + target.ownedCol))) continue;
      if (isTarget(target, ref)) {
        expect(now.s, ref).not.toBe(cell.s);
        expect(now.text.replace(/ s="\d+"/, ""), ref).toBe(cell.text.replace(/ s="\d+"/, ""));
      } else expect(now.text, ref).toBe(cell.text);
    }
    for (const ref of cellsB.keys()) if (!cellsA.has(ref)) expect(isTarget(target, ref) || ref.startsWith(String.fromCharCode(65 + target.ownedCol)), ref).toBe(true);
  });

  it("reads back with only the targeted cells restyled, the notes and owned values written", () => {
    const was = readSheetGrid(openXlsx(original), target.sheet).grid;
    const copyPkg = openXlsx(copy);
    const now = readSheetGrid(copyPkg, target.sheet).grid;
    const c = target.ownedCol;
    expect(now.values.slice(0, 3).map((r) => r[c])).toEqual(["[NTM] Kết quả", "=SUM(A1:A9)", 12.5]);
    expect(now.values[8]![c]).toBe("  khoảng trắng & <b>  ");
    for (let r = 0; r < was.values.length; r++) {
      for (let col = 0; col < was.values[r]!.length; col++) {
        const ref = a1({ row: r, col });
        expect(now.values[r]![col], ref).toEqual(was.values[r]![col]);
        expect(now.numberFormats?.[r]?.[col] ?? null, ref).toEqual(was.numberFormats?.[r]?.[col] ?? null);
        const fill = target.fills.find((f) => a1(f) === ref)?.color ?? was.fills?.[r]?.[col] ?? null;
        expect(now.fills?.[r]?.[col] ?? null, ref).toBe(fill);
      }
    }
    for (const n of target.notes) {
      const expected = target.userNote && target.userNote.row === n.row && target.userNote.col === n.col ? target.userNote.text : n.text;
      expect(now.notes?.[n.row]?.[n.col], a1(n)).toBe(expected);
    }
    expect(copyPkg.sheets.map((s) => s.name)).toContain("NTM_BaoCao");
    expect(readSheetGrid(copyPkg, "NTM_BaoCao").grid.values).toEqual(REPORT.rows);
  });

  it("takes the highlights and notes off exactly, and a second run reuses its styles", () => {
    const pkg = openXlsx(copy);
    const grid = readSheetGrid(openXlsx(original), target.sheet).grid;
    const plan = planFor(target, (r, c) => grid.fills?.[r]?.[c] ?? null);
    const cleared = parts(writeCopy(pkg, { plans: [clearPlan(plan.record)], newSheets: [REPORT] }));
    const cellsA = rawCells(text(before, sheetPath));
    const cellsC = rawCells(text(cleared, sheetPath));
    for (const [ref, cell] of cellsA) if (!ref.startsWith(String.fromCharCode(65 + target.ownedCol))) expect(cellsC.get(ref)?.s, ref).toBe(cell.s);
    expect(text(cleared, stylesPath)).toBe(text(after, stylesPath));
    const notes = readSheetGrid(openXlsx(writeCopy(pkg, { plans: [clearPlan(plan.record)] })), target.sheet).grid.notes ?? [];
    const left = notes.flatMap((row, r) => row.map((t, c) => (t ? `${a1({ row: r, col: c })}:${t}` : "")).filter(Boolean));
    expect(left).toEqual(target.userNote ? [`${a1(target.userNote)}:${target.userNote.text}`] : []);
    const again = parts(writeCopy(pkg, { plans: [plan], newSheets: [REPORT] }));
    expect(text(again, stylesPath)).toBe(text(after, stylesPath));
    expect(text(again, sheetPath)).toBe(text(after, sheetPath));
  });

  it.runIf(target.file === "exceljs.xlsx" || target.file === "libreoffice.xlsx")("opens in exceljs with every other cell's style unchanged", async () => {
    const load = async (b: Uint8Array) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(b) as unknown as ArrayBuffer);
      return wb.getWorksheet(target.sheet)!;
    };
    const [was, now] = [await load(original), await load(copy)];
    for (let r = 1; r <= was.rowCount; r++) {
      for (let c = 1; c <= was.columnCount; c++) {
        const ref = a1({ row: r - 1, col: c - 1 });
        const styleA = { ...was.getCell(r, c).style };
        const styleB = { ...now.getCell(r, c).style };
        if (isTarget(target, ref)) {
          expect(styleB.fill, ref).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: `FF${target.fills.find((f) => a1(f) === ref)!.color.slice(1)}` } });
          delete styleA.fill;
          delete styleB.fill;
          // exceljs shows the default style (xf 0) as {}, but its clone with every property spelled out.
          if (Object.keys(styleA).length === 0) continue;
        }
        expect(JSON.stringify(styleB), ref).toBe(JSON.stringify(styleA));
      }
    }
  });
});

describe("LibreOffice opens every copy", () => {
  const soffice = hasSoffice();
  if (!soffice) console.warn("soffice not found: skipping the LibreOffice check of the copies");
  it.runIf(soffice)("converts each copy to csv with the tool's values in it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ntm-xlsx-"));
    const files = TARGETS.map((t) => {
      const file = path.join(dir, `copy-${t.file}`);
      writeFileSync(file, make(t).copy);
      return file;
    });
    const run = spawnSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", 'csv:Text - txt - csv (StarCalc):44,34,76', "--outdir", dir, ...files], { encoding: "utf8", timeout: 120_000 });
    expect(run.stderr).not.toMatch(/Error/);
    for (const f of files) {
      const csv = readFileSync(f.replace(/\.xls[xm]$/, ".csv"), "utf8");
      expect(csv, f).toContain("[NTM] Kết quả");
      expect(csv, f).toContain("=SUM(A1:A9)");
    }
  }, 180_000);
});
