/// <reference types="office-js" />
// Two safety properties of the task pane, against the fake workbook behind office-addin-mock
// (office-addin-mock itself stores whatever is assigned; the fake applies it the way Excel
// takes typed input, see FakeSheet.enter and FakeSheet.setFill):
// 1. no string the add-in writes becomes a formula, number or date: unit names such as
//    =HYPERLINK(…), =1+1, +1, -1, @x stay text in the report, its own columns and NTM_BoTieuChi;
// 2. "Xoá đánh dấu" gives every highlighted cell back its whole fill: none, solid, white,
//    patterned, tinted (a theme shade), whatever setting a colour does to the rest of a fill.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { FILLS, REPORT_SHEET, WORKBOOK_SET_SHEET, builtInSets, criteriaSetToRows, getBuiltInSet, readWorkbookSet, reportWithRoad, type SheetGrid } from "../../shared/index.js";
import { STATE_KEY, parseState, type AddinSettings } from "../../excel-addin/common/state.js";
import { clearHighlights, createSetSheet, evaluateActiveSheet, loadWorkbookState } from "../../excel-addin/taskpane/excelAdapter.js";
import { encodeFill } from "../../excel-addin/taskpane/fill.js";
import { villageGrid } from "../fixtures/grids.js";
import { FakeWorkbook, cellAddress, type FakeFill, type FakeSheet } from "./support/fakeExcel.js";
import { installMockExcel, uninstallMockExcel } from "./support/mockExcel.js";
import { sheetFromGrid } from "./support/sheets.js";

const VI = { lang: "vi" } as const;

const village: AddinSettings = { setId: "thon-ntm-bac-kan-2022-2025", region: "tdmnpb", year: 2024, lang: "vi" };
const caps = { notes: true, pageLayout: true };
const SHEET = "Thôn 2024";
afterEach(() => uninstallMockExcel());

const HOSTILE = ['=HYPERLINK("http://x","x")', "=1+1", "+1", "-1", "@x"];

/** The village table with villages and a commune named like formulas, typed as text by the user. */
function hostileGrid(): SheetGrid {
  const g = villageGrid();
  const values = g.values.map((r) => [...r]);
  const formats: Array<Array<string | null>> = g.values.map((r) => r.map(() => null));
  HOSTILE.slice(0, 4).forEach((name, i) => {
    values[5 + i]![2] = name;
    formats[5 + i]![2] = "@";
  });
  for (const r of [7, 8]) {
    values[r]![1] = "@x";
    formats[r]![1] = "@";
  }
  return { ...g, values, numberFormats: formats };
}

const userSheet = (book: FakeWorkbook, name: string) => (book.snapshot() as Array<{ name: string }>).find((s) => s.name === name);
const written = (sheet: FakeSheet) => [...sheet.cells.values()].filter((c) => c.value !== undefined || c.formula !== undefined);

describe("every string the add-in writes stays text", () => {
  it("the report holds each unit's name as the text it is: no formula, every string cell formatted as text", async () => {
    const book = installMockExcel([sheetFromGrid(hostileGrid())]);
    const out = await evaluateActiveSheet({ settings: village, caps, mode: "report" });
    if (!out.ok) throw new Error(out.message);
    expect(out.results.map((u) => [u.group, u.name])).toEqual([
      ["Đôn Phong", HOSTILE[0]],
      ["Đôn Phong", HOSTILE[1]],
      ["@x", HOSTILE[2]],
      ["@x", HOSTILE[3]],
    ]);
    // The district report, the road to certification, then the notes (shared/app/sheetReport.ts).
    const expected = reportWithRoad(out.results, { set: out.set, region: village.region, year: village.year, lang: "vi", source: SHEET, notes: out.warnings });
    const report = book.sheet(REPORT_SHEET)!;
    expect(expected.map((row, r) => row.map((_, c) => report.cell(r, c)?.value ?? ""))).toEqual(expected);
    for (const name of HOSTILE) expect(expected.flat()).toContain(name);
    expect(written(report).filter((c) => c.formula !== undefined)).toEqual([]);
    expect(written(report).filter((c) => typeof c.value === "string" && c.numberFormat !== "@")).toEqual([]);
  });

  it("the add-in's own columns keep their text ('10' stays text, not a number), and clearing restores the cells' format", async () => {
    const book = installMockExcel([sheetFromGrid(hostileGrid())]);
    const before = userSheet(book, SHEET);
    const out = await evaluateActiveSheet({ settings: village, caps });
    if (!out.ok) throw new Error(out.message);
    const sheet = book.sheet(SHEET)!;
    // "+1" (was Đông Bun) misses criterion 10 only: its [NTM] cell reads "10".
    expect(book.value(SHEET, "Y8")).toBe("10");
    const own = [23, 24, 25].flatMap((col) => Array.from({ length: 12 }, (_, row) => sheet.cell(row, col))).filter((c) => c?.value !== undefined || c?.formula !== undefined);
    expect(own.length).toBeGreaterThan(10);
    expect(own.filter((c) => c!.formula !== undefined || typeof c!.value !== "string" || c!.numberFormat !== "@")).toEqual([]);
    expect((await clearHighlights(VI, caps)).ok).toBe(true);
    expect(userSheet(book, SHEET)).toEqual(before);
  });

  it("NTM_BoTieuChi (with its '=' comparators) reads back as the same set, through the shared reader", async () => {
    const book = installMockExcel([sheetFromGrid(hostileGrid())]);
    const set = getBuiltInSet("xa-ntm-2021-2025")!;
    const rows = criteriaSetToRows(set);
    expect(rows.flat()).toContain("=");
    expect((await createSetSheet({ setId: set.id, lang: "vi" })).ok).toBe(true);
    const sheet = book.sheet(WORKBOOK_SET_SHEET)!;
    expect(written(sheet).filter((c) => c.formula !== undefined || c.numberFormat !== "@")).toEqual([]);
    const direct = readWorkbookSet(rows, builtInSets());
    if (!direct.ok) throw new Error("fixture");
    book.active = 0;
    const loaded = await loadWorkbookState();
    expect(loaded.setErrors).toBeUndefined();
    expect(loaded.workbookSet).toEqual(direct.set);
  });
});

// ---------------------------------------------------------------- exact fills
const hex = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, "0").toUpperCase()}`);
const tint = fc.integer({ min: -9, max: 9 }).filter((n) => n !== 0).map((n) => n / 10);
const fillArb: fc.Arbitrary<FakeFill | null> = fc.oneof(
  fc.constant(null),
  hex.map((color) => ({ color })),
  fc.constant({ color: "#FFFFFF" }),
  fc.record({ color: hex, tintAndShade: tint }),
  fc.record(
    { color: hex, pattern: fc.constantFrom("Gray50", "Checker", "LightDown", "CrissCross", "Gray8"), patternColor: hex, tintAndShade: tint, patternTintAndShade: tint },
    { requiredKeys: ["color", "pattern", "patternColor"] },
  ),
);

/** Fills on the village table's criterion block (rows 6-9, columns D-V), highlighted cells and not. */
function filledBook(fills: Array<FakeFill | null>, resets: boolean): FakeWorkbook {
  const at: Record<string, FakeFill> = {};
  fills.forEach((f, i) => {
    if (f) at[cellAddress(5 + Math.floor(i / 19), 3 + (i % 19))] = f;
  });
  const book = new FakeWorkbook([sheetFromGrid(villageGrid(), { fills: at })]);
  book.colorSetResetsFill = resets;
  return book;
}

describe("'Xoá đánh dấu' gives back each cell's whole fill", () => {
  it("for any mix of no fill, solid, white, patterned and tinted fills, and either effect of setting a colour", async () => {
    const highlight = new Set(Object.values(FILLS));
    await fc.assert(
      fc.asyncProperty(fc.array(fillArb, { minLength: 4 * 19, maxLength: 4 * 19 }), fc.boolean(), async (fills, resets) => {
        const book = installMockExcel(filledBook(fills, resets));
        const before = userSheet(book, SHEET);
        const out = await evaluateActiveSheet({ settings: village, caps });
        if (!out.ok) throw new Error(out.message);
        // A highlight is a plain solid fill of its colour, whatever was under it.
        const record = parseState(book.settings.get(STATE_KEY)).sheets[SHEET]!.record!;
        expect(record.fills.length).toBeGreaterThan(0);
        for (const f of record.fills) {
          const c = book.sheet(SHEET)!.cell(f.row, f.col)!;
          expect(highlight.has(c.fill!) && c.pattern === undefined && c.tintAndShade === undefined, `${cellAddress(f.row, f.col)} ${JSON.stringify(c)}`).toBe(true);
        }
        // A second run keeps the first originals; the clear gives the sheet back exactly.
        await evaluateActiveSheet({ settings: village, caps });
        expect((await clearHighlights(VI, caps)).ok).toBe(true);
        expect(userSheet(book, SHEET)).toEqual(before);
        uninstallMockExcel();
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it("a record saved before whole fills were kept still clears: its colours come back solid, its empty cells unfilled", async () => {
    const book = installMockExcel(filledBook([], false));
    // The state as earlier versions saved it: each original fill a plain colour ("" for none).
    const record = { sheet: SHEET, fills: { "#FFFF00": { "12": [[5, 5]] }, "": { "14": [[5, 5]] } }, notes: {}, ownedColumns: [], ownedRows: [] };
    book.settings.set(STATE_KEY, JSON.stringify({ v: 1, settings: village, sheets: { [SHEET]: { record } } }));
    const sheet = book.sheet(SHEET)!;
    sheet.setFill(5, 12, "color", "#F4CCCC", true);
    sheet.setFill(5, 14, "color", "#F4CCCC", true);
    expect((await clearHighlights(VI, caps)).ok).toBe(true);
    expect(sheet.cell(5, 12)).toMatchObject({ fill: "#FFFF00" });
    expect(sheet.cell(5, 12)?.pattern).toBeUndefined();
    expect(sheet.cell(5, 14)?.fill).toBeUndefined();
  });

  it("reads a fill the way Office.js reports it (no fill: pattern None, or no tint on white)", () => {
    expect(encodeFill({ color: "#FFFFFF", pattern: "None" })).toBeNull();
    expect(encodeFill({ color: "#FFFFFF", tintAndShade: null as unknown as number })).toBeNull();
    expect(encodeFill({ color: "#FFFFFF", pattern: "Solid", tintAndShade: 0 })).toBe("#FFFFFF");
    expect(encodeFill({ color: "#ffff00", pattern: "Solid", tintAndShade: 0, patternColor: "#000000" })).toBe("#FFFF00");
    expect(encodeFill({ color: "#4472C4", pattern: "Solid", tintAndShade: 0.4 })).toBe("#4472C4|Solid||0.4|");
    expect(encodeFill({ color: "#FF0000", pattern: "Gray50", tintAndShade: 0, patternColor: "#0000FF", patternTintAndShade: -0.25 })).toBe("#FF0000|Gray50|#0000FF||-0.25");
    expect(encodeFill({ color: "#00FF00", pattern: "LinearGradient", tintAndShade: 0 })).toBe("#00FF00");
  });
});
