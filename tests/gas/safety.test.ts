/// <reference types="google-apps-script" />
// Two safety properties of the Sheets add-on, against the typed fakes (which take setValues
// the way Sheets takes typed input unless a cell is plain text "@", and keep "no fill" apart
// from an explicit white that getBackgrounds reports alike, see tests/gas/fakes.ts):
// 1. no string the add-on writes becomes a formula or a number: unit names such as
//    =HYPERLINK(…), =1+1, +1, -1, @x stay text in the report, its own columns and NTM_BoTieuChi;
// 2. "Xoá đánh dấu" gives backgrounds back exactly, and no cell it did not highlight is
//    ever rewritten (an explicit white kept white, gridlines and all).
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { REPORT_SHEET, WORKBOOK_SET_SHEET, builtInSets, criteriaSetToRows, formatMessage, getBuiltInSet, readWorkbookSet, reportWithRoad, runSheet, type SheetGrid } from "../../shared/index.js";
import { clearActiveSheet, createReport, createSetSheet, evaluateActiveSheet } from "../../apps-script/src/actions.js";
import { rectangular } from "../../apps-script/src/sheetIO.js";
import { SETTINGS_KEY, loadRecord } from "../../apps-script/src/store.js";
import { villageGrid } from "../fixtures/grids.js";
import { FakeSheet, fakeGas, type FakeGas } from "./fakes.js";

const HOSTILE = ['=HYPERLINK("http://x","x")', "=1+1", "+1", "-1", "@x"];
const villageSettings = { setId: "thon-ntm-bac-kan-2022-2025", year: 2024, lang: "vi" as const };

let gas: FakeGas;
function install(grids: SheetGrid[], settings: object): FakeGas {
  gas = fakeGas(grids);
  for (const [k, v] of Object.entries(gas.globals())) vi.stubGlobal(k, v);
  gas.props.data[SETTINGS_KEY] = JSON.stringify(settings);
  return gas;
}
afterEach(() => vi.unstubAllGlobals());

/** The village table with villages and a commune named like formulas (text in the user's sheet). */
function hostileGrid(): SheetGrid {
  const g = villageGrid();
  const values = g.values.map((r) => [...r]);
  HOSTILE.slice(0, 4).forEach((name, i) => (values[5 + i]![2] = name));
  for (const r of [7, 8]) values[r]![1] = "@x";
  return { ...g, values };
}

const formulas = (sheet: FakeSheet) => sheet.formulas.flat().filter((f) => f !== undefined);
/** Cells holding a string whose format is not plain text. */
const untyped = (sheet: FakeSheet) => sheet.values.flatMap((row, r) => row.flatMap((v, c) => (typeof v === "string" && v !== "" && sheet.format(r, c) !== "@" ? [[r, c, v]] : [])));

describe("every string the add-on writes stays text", () => {
  it("the report holds each unit's name as the text it is: no formula, every string cell plain text", () => {
    install([hostileGrid()], villageSettings);
    const r = createReport();
    expect(r.ok, r.message).toBe(true);
    const run = runSheet(hostileGrid(), { settingSetId: villageSettings.setId, year: 2024, lang: "vi" });
    if (!run.ok) throw new Error("fixture");
    expect(run.results.map((u) => [u.group, u.name])).toEqual([
      ["Đôn Phong", HOSTILE[0]],
      ["Đôn Phong", HOSTILE[1]],
      ["@x", HOSTILE[2]],
      ["@x", HOSTILE[3]],
    ]);
    // The district report, the road to certification, then the notes (shared/app/sheetReport.ts).
    const expected = rectangular(reportWithRoad(run.results, { set: run.choice.set, year: 2024, lang: "vi", source: "Thôn 2024", notes: run.notices.map((n) => formatMessage(n, "vi")) }));
    const report = gas.book.getSheetByName(REPORT_SHEET)!;
    expect(report.values).toEqual(expected);
    for (const name of HOSTILE) expect(report.values.flat()).toContain(name);
    expect(formulas(report)).toEqual([]);
    expect(untyped(report)).toEqual([]);
  });

  it("the add-on's own columns keep their text ('10' stays text, not a number), and clearing restores the sheet", () => {
    install([hostileGrid()], villageSettings);
    const sheet = gas.book.active;
    const before = sheet.snapshot();
    expect(evaluateActiveSheet().ok).toBe(true);
    // "+1" (was Đông Bun) misses criterion 10 only: its [NTM] cell (Y8) reads "10".
    expect(sheet.cell(7, 24)).toBe("10");
    const own = [23, 24, 25].flatMap((c) => sheet.values.map((row) => row[c])).filter((v) => v !== undefined && v !== "");
    expect(own.length).toBeGreaterThan(10);
    expect(own.filter((v) => typeof v !== "string")).toEqual([]);
    expect(formulas(sheet)).toEqual([]);
    expect(untyped(sheet).filter(([, c]) => (c as number) >= 23)).toEqual([]);
    expect(clearActiveSheet().ok).toBe(true);
    expect(sheet.snapshot()).toEqual(before);
  });

  it("NTM_BoTieuChi (with its '=' comparators) reads back as the same set, through the shared reader", () => {
    install([hostileGrid()], { setId: "xa-ntm-2021-2025", region: "tdmnpb", year: 2024, lang: "vi" });
    const rows = criteriaSetToRows(getBuiltInSet("xa-ntm-2021-2025")!);
    expect(rows.flat()).toContain("=");
    expect(createSetSheet().ok).toBe(true);
    const sheet = gas.book.getSheetByName(WORKBOOK_SET_SHEET)!;
    expect(formulas(sheet)).toEqual([]);
    const back = readWorkbookSet(sheet.values, builtInSets());
    const direct = readWorkbookSet(rows, builtInSets());
    if (!direct.ok) throw new Error("fixture");
    expect(back).toEqual(direct);
  });
});

// ---------------------------------------------------------------- exact backgrounds
const hex = fc.integer({ min: 0, max: 0xfffffe }).map((n) => `#${n.toString(16).padStart(6, "0")}`);
/** null: no fill; "#ffffff": an explicit white; else a colour. */
const fillArb = fc.oneof(fc.constant(null), fc.constant("#ffffff"), hex);

describe("'Xoá đánh dấu' gives backgrounds back exactly", () => {
  it("for any mix of no fill, white and colours: every cell as it was, but a highlighted white (no fill to SpreadsheetApp)", () => {
    fc.assert(
      fc.property(fc.array(fillArb, { minLength: 6 * 23, maxLength: 6 * 23 }), (cells) => {
        const grid = villageGrid();
        // Rows 5-10 (the villages and the total row), columns A-W: highlighted cells and not.
        const fills = grid.values.map((r, i) => Array.from({ length: 23 }, (_, c) => (i >= 5 && i < 11 ? cells[(i - 5) * 23 + c]! : null)));
        install([{ ...grid, fills }], villageSettings);
        const sheet = gas.book.active;
        const before = sheet.snapshot();
        const r = evaluateActiveSheet();
        expect(r.ok, r.message).toBe(true);
        const record = loadRecord(sheet.name, gas.props)!;
        expect(record.fills.length).toBeGreaterThan(0);
        const highlighted = new Set(record.fills.map((f) => `${f.row}:${f.col}`));
        // Nothing outside the highlighted cells was rewritten, white included.
        for (let i = 5; i < 11; i++) {
          for (let c = 0; c < 23; c++) if (!highlighted.has(`${i}:${c}`)) expect(sheet.backgrounds[i]?.[c], `${i}:${c}`).toBe(fills[i]![c] ?? undefined);
        }
        evaluateActiveSheet();
        expect(clearActiveSheet().ok).toBe(true);
        // SpreadsheetApp reports no fill and white alike ("#ffffff"): a highlighted white cell
        // comes back with no fill, the one difference left (see the report of this change).
        const expected = fills.map((row) => [...row]);
        for (const f of record.fills) if (expected[f.row]![f.col] === "#ffffff") expected[f.row]![f.col] = null;
        const after = sheet.snapshot();
        expect(after).toEqual(FakeSheet.fromGrid({ ...grid, fills: expected }, []).snapshot());
        expect({ ...after, backgrounds: "" }).toEqual({ ...before, backgrounds: "" });
      }),
      { numRuns: 60 },
    );
  });

  it("a table filled white (a printed form): evaluating and clearing leave the cells it does not highlight white", () => {
    const grid = villageGrid();
    const fills = grid.values.map((r) => Array.from({ length: 23 }, () => "#FFFFFF"));
    install([{ ...grid, fills }], villageSettings);
    const sheet = gas.book.active;
    expect(evaluateActiveSheet().ok).toBe(true);
    // Bản Vén's criterion 10 (M6) is highlighted; Bản Đán's criterion 8 (K7), between highlighted cells, is not.
    expect(sheet.backgrounds[5]![12]).toBe("#f4cccc");
    expect(sheet.backgrounds[6]![10]).toBe("#ffffff");
    expect(clearActiveSheet().ok).toBe(true);
    expect(sheet.backgrounds[6]![10]).toBe("#ffffff");
    expect(sheet.backgrounds[7]![13]).toBe("#ffffff");
  });
});
