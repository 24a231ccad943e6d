/// <reference types="google-apps-script" />
// Formulas arriving from Excel in Google Sheets, on the typed fakes: found, rewritten to the NTM_*
// names in every sheet (nothing else touched, writes batched by column runs), and undone from the
// record kept in the document's properties, cells edited since being left alone and named.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { checkFormulas, rewriteFormulas, UNDO_KEY, undoFormulaRewrite } from "../../apps-script/src/formulaRewrite.js";
import { SETTINGS_KEY } from "../../apps-script/src/store.js";
import { parseA1Range } from "../../shared/index.js";
import { buildAndRead, runBundle, type BundleGlobals } from "./bundle.js";
import { BRIDGE, CHROMIUM } from "./sidebarBridge.js";
import { fakeGas, FORMULA_VALUE, type FakeGas, type FakeSheet } from "./fakes.js";

let gas: FakeGas;
afterEach(() => vi.unstubAllGlobals());

/** Puts a formula in a cell as a user's typing would. */
function formula(sheet: FakeSheet, a1: string, f: string): void {
  const r = parseA1Range(a1)!;
  while (sheet.values.length <= r.top) sheet.values.push([]);
  while (sheet.formulas.length <= r.top) sheet.formulas.push([]);
  sheet.values[r.top]![r.left] = FORMULA_VALUE;
  sheet.formulas[r.top]![r.left] = f;
}
const at = (sheet: FakeSheet, a1: string) => {
  const r = parseA1Range(a1)!;
  return sheet.formula(r.top, r.left) ?? sheet.cell(r.top, r.left);
};

const EXCEL_SAVED = "=_xldudf_NTM_COUNT(B1:C1,B2:C3)";

function install(): { xa: FakeSheet; tong: FakeSheet } {
  gas = fakeGas([
    { name: "Xã", values: [["Tên xã", "10. Thu nhập", "Kết quả"], ["Thanh Vân", "41,2", ""], ["Hòa Bình", 46, ""], ["ghi chú", "=NTM.CRITERION(1) là chữ", ""]] },
    { name: "Tổng hợp", values: [["", ""]] },
  ]);
  for (const [k, v] of Object.entries(gas.globals())) vi.stubGlobal(k, v);
  const [xa, tong] = gas.book.sheets as [FakeSheet, FakeSheet];
  formula(xa, "C2", "=NTM.CRITERION(10,B2:B3)");
  formula(xa, "D2", "=XNTM.CRITERION(1)");
  formula(tong, "A1", "=NTM.GAPS('Xã'!A1:C1,'Xã'!A2:C3)");
  formula(tong, "A2", "=ntm.gaps('Xã'!A1:C1,'Xã'!A4:C4)");
  formula(tong, "B1", EXCEL_SAVED);
  formula(tong, "B2", '=IF(\'NTM.COUNT (2)\'!A1="NTM.COUNT(",1,NTM_COUNT(A1:B1,A2:B3))');
  return { xa, tong };
}

beforeEach(() => install());

describe("formulas with Excel's names in Google Sheets", () => {
  it("are found, with the cells named, in the user's language", () => {
    const c = checkFormulas();
    expect(c.count).toBe(4);
    expect(c.canUndo).toBe(false);
    expect(c.message).toBe("4 công thức dùng tên hàm của Excel (NTM.CRITERION) ở Xã!C2, Tổng hợp!A1, Tổng hợp!B1, …. Trong Google Sheets các hàm này tên là NTM_CRITERION, NTM_COUNT…: các công thức đó báo #NAME?.");
    gas.props.data[SETTINGS_KEY] = JSON.stringify({ lang: "en" });
    expect(checkFormulas().message).toMatch(/^4 formulas use Excel's function names/);
  });

  it("are rewritten to NTM_* in every sheet, nothing else changed, the writes batched", () => {
    const { xa, tong } = install();
    const before = { xa: xa.snapshot(), tong: tong.snapshot() };
    gas.log.length = 0;
    const r = rewriteFormulas();
    expect(r).toEqual({ ok: true, message: "Đã đổi 4 công thức (4 lần gọi hàm) sang tên hàm của Google Sheets." });
    expect(at(xa, "C2")).toBe("=NTM_CRITERION(10,B2:B3)");
    expect(at(tong, "A1")).toBe("=NTM_GAPS('Xã'!A1:C1,'Xã'!A2:C3)");
    expect(at(tong, "A2")).toBe("=ntm_gaps('Xã'!A1:C1,'Xã'!A4:C4)");
    expect(at(tong, "B1")).toBe("=NTM_COUNT(B1:C1,B2:C3)");
    // Everything else as it was: the lookalike, the text, the formula already in Sheets' names.
    const other = (s: { values: string }) => s.values.replace(/"=[^"]*NTM[._]\w+\([^"]*"/g, "");
    expect(other(xa.snapshot())).toBe(other(before.xa));
    expect(at(xa, "D2")).toBe("=XNTM.CRITERION(1)");
    expect(at(xa, "B4")).toBe("=NTM.CRITERION(1) là chữ");
    expect(at(tong, "B2")).toBe('=IF(\'NTM.COUNT (2)\'!A1="NTM.COUNT(",1,NTM_COUNT(A1:B1,A2:B3))');
    // One write per run of consecutive rows in a column: Xã!C2, Tổng hợp!A1:A2, Tổng hợp!B1.
    expect(gas.log.filter((c) => c === "Range.setFormulas")).toHaveLength(3);
    expect(checkFormulas()).toEqual({ count: 0, message: "", canUndo: true });
    expect(rewriteFormulas().message).toBe("Không có công thức nào cần đổi sang tên hàm của Google Sheets.");
  });

  it("are put back by the undo, except cells edited since, which are named", () => {
    const { xa, tong } = install();
    const original = { xa: xa.snapshot(), tong: tong.snapshot() };
    rewriteFormulas();
    expect(Number(gas.props.data[UNDO_KEY])).toBeGreaterThan(0);
    formula(tong, "A2", "=NTM_GAPS('Xã'!A1:C1,'Xã'!A2:C2)");
    const r = undoFormulaRewrite();
    expect(r.ok).toBe(true);
    expect(r.message).toBe("Đã trả lại 3 công thức như trước khi đổi tên.\n1 ô đã bị sửa hoặc xoá sau khi đổi tên nên được giữ nguyên: Tổng hợp!A2");
    expect(xa.snapshot()).toEqual(original.xa);
    expect(at(tong, "A1")).toBe("=NTM.GAPS('Xã'!A1:C1,'Xã'!A2:C3)");
    // Excel's saved spelling comes back exactly, from the record.
    expect(at(tong, "B1")).toBe(EXCEL_SAVED);
    expect(at(tong, "A2")).toBe("=NTM_GAPS('Xã'!A1:C1,'Xã'!A2:C2)");
    expect(Object.keys(gas.props.data).filter((k) => k.startsWith(UNDO_KEY))).toEqual([]);
    expect(undoFormulaRewrite().message).toBe("Không có lần đổi tên công thức nào để hoàn tác.");
  });

  it("a protected sheet is named; a record too large for the document refuses before any change", () => {
    const { tong } = install();
    tong.protections.push({ canEdit: () => false });
    const r = rewriteFormulas();
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^Không ghi được công thức vào trang "Tổng hợp": Exception: You are trying to edit a protected cell/);

    const { xa } = install();
    for (let i = 0; i < 4000; i++) formula(xa, `F${i + 1}`, `=_xldudf_NTM_THRESHOLD("10","Trung du và miền núi phía Bắc",2024,"xa-ntm-2021-2025")+${i}`);
    const snapshot = xa.snapshot();
    const big = rewriteFormulas();
    expect(big.ok).toBe(false);
    expect(big.message).toMatch(/quá nhiều công thức .*\(4\.004 ô\)/);
    expect(xa.snapshot()).toEqual(snapshot);
    expect(gas.props.data[UNDO_KEY]).toBeUndefined();
  });
});

// ---- the sidebar (built bundle, headless Chromium): the notice, the button, the undo -----------

describe.skipIf(!CHROMIUM)("the sidebar offers the rewrite and its undo", () => {
  let browser: Browser;
  let sidebar = "";
  let code = "";
  beforeAll(async () => {
    ({ sidebar, code } = await buildAndRead());
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("says what the workbook holds, rewrites with a count, and undoes", async () => {
    const { tong } = install();
    const g: BundleGlobals = runBundle(code, gas);
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.exposeFunction("__gasCall", (name: string, args: string) => {
      try {
        return JSON.stringify({ value: g[name]!(...(JSON.parse(args) as unknown[])) ?? null });
      } catch (e) {
        return JSON.stringify({ error: e instanceof Error ? e.message : String(e) });
      }
    });
    await page.addInitScript(BRIDGE);
    await page.route("http://sidebar.invalid/**", (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: sidebar }));
    await page.goto("http://sidebar.invalid/sidebar.html");
    await page.waitForSelector("#formulasRewrite", { state: "visible" });
    expect(await page.textContent("#formulasMsg")).toMatch(/^4 công thức dùng tên hàm của Excel \(NTM.CRITERION\) ở Xã!C2/);
    expect(await page.textContent("#formulasRewrite")).toBe("Đổi sang tên NTM_CRITERION…");
    expect(await page.isVisible("#formulasUndo")).toBe(false);
    await page.click("#formulasRewrite");
    await page.waitForFunction(`/Đã đổi 4 công thức/.test(document.getElementById("msg").textContent)`);
    await page.waitForSelector("#formulasUndo", { state: "visible" });
    expect(await page.isVisible("#formulasRewrite")).toBe(false);
    expect(at(tong, "A1")).toBe("=NTM_GAPS('Xã'!A1:C1,'Xã'!A2:C3)");
    await page.click("#formulasUndo");
    await page.waitForFunction(`/Đã trả lại 4 công thức/.test(document.getElementById("msg").textContent)`);
    expect(at(tong, "A1")).toBe("=NTM.GAPS('Xã'!A1:C1,'Xã'!A2:C3)");
    await page.close();
  }, 60_000);
});
