/// <reference types="custom-functions-runtime" />
// The NTM_* names on the Office.js mock (defined with the registry's LAMBDA texts, a user's own
// name kept, a client without LAMBDA told so), the rewrite of Sheets-spelled formulas in Excel,
// and the LAMBDAs' meaning: =NTM_X(...) expanded as Excel would call it gives, through the
// Excel custom functions, the values the Sheets functions give for the same formula.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as gasFns from "../../apps-script/src/functions.js";
import { SETTINGS_KEY } from "../../apps-script/src/store.js";
import { setFunctionSettings } from "../../excel-addin/common/state.js";
import * as excelFns from "../../excel-addin/functions/functions.js";
import { rewriteWorkbookFormulas, scanWorkbookFormulas } from "../../excel-addin/taskpane/formulaRewrite.js";
import { defineLambdaNames, dismissLambdaOffer, lambdaNameStatus } from "../../excel-addin/taskpane/lambdaNames.js";
import { hostFunctionNames, LAMBDA_PROBE, lambdaNames } from "../../shared/index.js";
import { fakeGas } from "../gas/fakes.js";
import { buildEngine } from "../support/hyperformula.js";
import { installNamesMock, namesBook, uninstallNamesMock } from "./support/namesMock.js";

afterEach(() => {
  uninstallNamesMock();
  vi.unstubAllGlobals();
});

const ours = lambdaNames();
const NAMES = hostFunctionNames("sheets");

describe("defining NTM_* as LAMBDA names", () => {
  it("defines one workbook name per function, with the registry's formula and the add-in's mark", async () => {
    const book = namesBook();
    installNamesMock(book);
    const r = await defineLambdaNames();
    expect(r).toEqual({ ok: true, defined: NAMES, updated: [], already: [], kept: [] });
    for (const n of ours) {
      const saved = book.names.get(n.name)!;
      expect(saved.formula).toBe(n.formula);
      expect(saved.formula).toMatch(new RegExp(`^=LAMBDA\\(.*NTM\\.${n.name.slice(4)}\\(`));
      expect(saved.comment!.startsWith("NTM:")).toBe(true);
    }
    // The probe leaves nothing behind, and a second run has nothing to do.
    expect([...book.names.keys()].sort()).toEqual([...NAMES].sort());
    expect(book.names.has(LAMBDA_PROBE.name)).toBe(false);
    expect(await defineLambdaNames()).toEqual({ ok: true, defined: [], updated: [], already: NAMES, kept: [] });
  });

  it("never overwrites a name the user defined; updates its own older definition", async () => {
    const book = namesBook({
      names: [
        { name: "NTM_COUNT", formula: "=COUNTA(A:A)", comment: "của tôi" },
        { name: "NTM_GAPS", formula: "=LAMBDA(a,b,NTM.GAPS(a,b))", comment: "NTM: bản cũ" },
      ],
    });
    installNamesMock(book);
    const r = await defineLambdaNames();
    expect(r.ok && r.kept).toEqual(["NTM_COUNT"]);
    expect(r.ok && r.updated).toEqual(["NTM_GAPS"]);
    expect(book.names.get("NTM_COUNT")).toEqual({ name: "NTM_COUNT", formula: "=COUNTA(A:A)", comment: "của tôi" });
    expect(book.names.get("NTM_GAPS")!.formula).toBe(ours.find((n) => n.name === "NTM_GAPS")!.formula);
    const status = await lambdaNameStatus();
    expect(status.userOwned).toEqual(["NTM_COUNT"]);
    expect(status.missing).toEqual([]);
  });

  it.each(["rejects", "nameError"] as const)("a client without LAMBDA (%s): said plainly, nothing defined", async (lambda) => {
    const book = namesBook({ lambda });
    installNamesMock(book);
    expect(await defineLambdaNames()).toEqual({ ok: false, reason: "lambda" });
    expect(book.names.size).toBe(0);
  });

  it("a client without ExcelApi 1.7 is not asked at all", async () => {
    const book = namesBook({ apiVersion: 4 });
    installNamesMock(book);
    expect(await defineLambdaNames()).toEqual({ ok: false, reason: "api" });
    expect(book.syncs).toBe(0);
  });

  it("the offer: missing names until defined, and declined once per workbook", async () => {
    const book = namesBook();
    installNamesMock(book);
    expect(await lambdaNameStatus()).toEqual({ current: [], outdated: [], missing: NAMES, userOwned: [], dismissed: false });
    await dismissLambdaOffer();
    expect((await lambdaNameStatus()).dismissed).toBe(true);
    await defineLambdaNames();
    expect((await lambdaNameStatus()).current).toEqual(NAMES);
  });
});

describe("formulas from Google Sheets in Excel", () => {
  const sheets = () => ({
    "Xã": [
      ["Tên xã", "10. Thu nhập", "Kết quả"],
      ["Thanh Vân", "41,2", "=NTM_CRITERION(10,B2:B3)"],
      ["Hòa Bình", "46", ""],
      ["ghi chú", '="NTM_COUNT(" & A1', "=NTM.COUNT(A1:C1,A2:C3)"],
    ],
    "Tổng hợp": [["=NTM_GAPS('Xã'!A1:C1,'Xã'!A2:C3)"], ["=NTM_GAPS('Xã'!A1:C1,'Xã'!A4:C4)"], ["=XNTM_GAPS(1)"]],
  });

  it("are found, and rewritten to NTM.* with nothing else changed", async () => {
    const book = namesBook({ sheets: sheets() });
    installNamesMock(book);
    expect(await scanWorkbookFormulas()).toEqual({ excel: ["Xã!C4"], sheets: ["Xã!C2", "Tổng hợp!A1", "Tổng hợp!A2"], complete: true });
    expect(await rewriteWorkbookFormulas("excel")).toEqual({ cells: 3, calls: 3 });
    expect(book.sheets.get("Xã")![1]![2]).toBe("=NTM.CRITERION(10,B2:B3)");
    expect(book.sheets.get("Xã")![3]).toEqual(["ghi chú", '="NTM_COUNT(" & A1', "=NTM.COUNT(A1:C1,A2:C3)"]);
    expect(book.sheets.get("Tổng hợp")).toEqual([["=NTM.GAPS('Xã'!A1:C1,'Xã'!A2:C3)"], ["=NTM.GAPS('Xã'!A1:C1,'Xã'!A4:C4)"], ["=XNTM_GAPS(1)"]]);
    expect((await scanWorkbookFormulas()).sheets).toEqual([]);
  });

  it("a protected sheet is named, the others are done", async () => {
    const book = namesBook({ sheets: sheets() });
    book.protectedSheets.add("Tổng hợp");
    installNamesMock(book);
    const r = await rewriteWorkbookFormulas("excel");
    expect(r.cells).toBe(1);
    expect(r.failed?.sheet).toBe("Tổng hợp");
    expect(book.sheets.get("Tổng hợp")![0]![0]).toBe("=NTM_GAPS('Xã'!A1:C1,'Xã'!A2:C3)");
  });

  it("a workbook too large to read at start is not scanned until asked", async () => {
    installNamesMock(namesBook({ sheets: sheets() }));
    expect(await scanWorkbookFormulas(5)).toEqual({ excel: [], sheets: [], complete: false });
  });
});

// ---- what the LAMBDAs mean: =NTM_X(...) in Excel, expanded as Excel calls it -----------------

/** Splits "a,(b,c),"x,y"" at its top-level commas. */
function topLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let at = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') i = s.indexOf('"', i + 1);
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "," && depth === 0) (out.push(s.slice(at, i)), (at = i + 1));
  }
  out.push(s.slice(at));
  return out;
}

/** The NTM.X call a LAMBDA name makes for these arguments (undefined: left out). */
function expand(lambda: string, args: Array<string | undefined>): string {
  const inner = /^=LAMBDA\((.*)\)$/.exec(lambda)![1]!;
  const parts = topLevel(inner);
  const env = new Map(parts.slice(0, -1).map((p, i) => [p.replace(/^\[|\]$/g, ""), args[i]]));
  const run = (body: string): string => {
    const test = /^IF\(ISOMITTED\((\w+)\),(.*)\)$/.exec(body);
    if (test) {
      const [omitted, given] = topLevel(test[2]!);
      return run(env.get(test[1]!) === undefined ? omitted! : given!);
    }
    const call = /^(NTM\.\w+)\((.*)\)$/.exec(body)!;
    const passed = call[2] === "" ? [] : topLevel(call[2]!).map((name) => {
      if (name === "") return "";
      const v = env.get(name);
      if (v === undefined) throw new Error(`the LAMBDA passes the omitted parameter ${name}`);
      return v;
    });
    return `${call[1]}(${passed.join(",")})`;
  };
  if (args.length > env.size) throw new Error("too many arguments");
  return `=${run(parts[parts.length - 1]!)}`;
}

/** A Sheets formula =NTM_X(...) as Excel computes it with the names defined. */
function asExcel(formula: string): string {
  const m = /^=(NTM_\w+)\((.*)\)$/.exec(formula)!;
  const args = topLevel(m[2]!).map((a) => (a.trim() === "" ? undefined : a));
  return expand(ours.find((n) => n.name === m[1])!.formula, args);
}

describe("=NTM_X(...) gives the same values in Excel (names defined) and in Sheets", () => {
  const data = [
    ["Tên xã", "10. Thu nhập (tr.đ/người)", "Tỷ lệ nghèo đa chiều (%)", "Tiêu chí 7", "15.1 BHYT (%)"],
    ["Thanh Vân", "41,2", "14,5%", "Đạt", 0.95],
    ["Hòa Bình", 46.3, "8%", "Chưa đạt", "97"],
    ["Tân Lập", "#N/A", "", "x", ""],
  ];
  const formulas = [
    "=NTM_CRITERION(10,B2:B4)",
    "=NTM_CRITERION(7,D2:D4,D1)",
    '=NTM_CRITERION(10,B2:B4,,"xa-ntm-2021-2025","tdmnpb",2023)',
    '=NTM_CRITERION(10,B2:B4,,,"dbsh")',
    "=NTM_COUNT(B1:E1,B2:E4)",
    '=NTM_GAPS(B1:E1,B2:E4,"xa-ntm-2021-2025")',
    '=NTM_INDICATOR("10",B2:B4,"≥ 44")',
    '=NTM_INDICATOR("10",B2:B4,,,"tdmnpb",2023)',
    '=NTM_THRESHOLD("10")',
    '=NTM_THRESHOLD("10",,2023)',
    '=NTM_THRESHOLD("10","tdmnpb",2025,"xa-ntm-2021-2025")',
    '=NTM_THRESHOLD("10","Miền Trăng")',
  ];
  const settings = { setId: "xa-ntm-2021-2025", region: "tdmnpb" as const, year: 2024, lang: "vi" as const };
  // The formulas side by side below the data, each spilling down its own column.
  const sheetOf = (fs: string[]) => [...data, [], fs];

  beforeEach(() => {
    const gas = fakeGas();
    gas.props.data[SETTINGS_KEY] = JSON.stringify(settings);
    for (const [k, v] of Object.entries(gas.globals())) vi.stubGlobal(k, v);
    vi.stubGlobal("CustomFunctions", { Error: class extends Error { constructor(public code: string, message?: string) { super(message); } }, ErrorCode: { invalidValue: "#VALUE!" } });
    setFunctionSettings(settings);
  });

  it("every function, with optional arguments given, skipped and left out", () => {
    const excelFormulas = formulas.map(asExcel);
    expect(excelFormulas[2]).toBe('=NTM.CRITERION(10,B2:B4,,"xa-ntm-2021-2025","tdmnpb",2023)');
    expect(excelFormulas[9]).toBe('=NTM.THRESHOLD("10",,2023)');
    expect(excelFormulas.every((f) => f.startsWith("=NTM.") && !f.includes("NTM_"))).toBe(true);
    const sheets = buildEngine({ S: sheetOf(formulas) }, { INDICATOR: gasFns.NTM_INDICATOR, CRITERION: gasFns.NTM_CRITERION, COUNT: gasFns.NTM_COUNT, GAPS: gasFns.NTM_GAPS, THRESHOLD: gasFns.NTM_THRESHOLD } as never);
    const sheetsValues = sheets.getSheetValues(0);
    const excel = buildEngine({ S: sheetOf(excelFormulas) }, { INDICATOR: excelFns.indicator, CRITERION: excelFns.criterion, COUNT: excelFns.count, GAPS: excelFns.gaps, THRESHOLD: excelFns.threshold } as never);
    const excelValues = excel.getSheetValues(0);
    const text = (v: unknown) => (v && typeof v === "object" && "message" in v ? `#${(v as { message: string }).message}` : v);
    expect(excelValues.map((r) => r.map(text))).toEqual(sheetsValues.map((r) => r.map(text)));
    // And they are real answers, not two empty sheets.
    expect(sheetsValues.slice(5).map((r) => r[0])).toEqual(["Chưa đạt", "Đạt", "Dữ liệu không hợp lệ"]);
    expect(String(sheetsValues[5]![8])).toBe("≥ 45 triệu đồng/người (chưa xác nhận)");
    expect(text(sheetsValues[5]![11])).toMatch(/Miền Trăng/);
  });

  it("the expansion itself can fail: an omitted parameter passed on, or too many arguments", () => {
    expect(() => expand("=LAMBDA(a,[b],NTM.COUNT(a,b))", ["A1"])).toThrow(/omitted parameter b/);
    expect(() => asExcel("=NTM_THRESHOLD(1,2,3,4,5)")).toThrow(/too many/);
  });
});

