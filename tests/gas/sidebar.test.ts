/// <reference types="google-apps-script" />
// The built sidebar.html in headless Chromium, with google.script.run bridged to the BUILT
// Code.js running in node:vm over the fakes: settings, evaluation, mapping, results, clear.
// Skipped where no Chromium is installed (Debian package `chromium`). Page code is passed as strings:
// the tests' tsconfig has no DOM types.
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { villageGrid } from "../fixtures/grids.js";
import { buildAndRead, runBundle, type BundleGlobals } from "./bundle.js";
import { fakeGas, type FakeGas } from "./fakes.js";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

// google.script.run as the sidebar sees it: chained handlers, then the server function by name.
const BRIDGE = `
  (() => {
    const runner = (h) => new Proxy({}, { get: (_, name) => {
      if (name === "withSuccessHandler") return (f) => runner({ ...h, ok: f });
      if (name === "withFailureHandler") return (f) => runner({ ...h, err: f });
      return (...args) => { window.__gasCall(String(name), JSON.stringify(args)).then((text) => {
        const r = JSON.parse(text);
        if ("error" in r) { if (h.err) h.err(new Error(r.error)); } else if (h.ok) h.ok(r.value);
      }); };
    } });
    window.google = { script: { run: runner({}) } };
  })();`;

describe.skipIf(!CHROMIUM)("sidebar.html in Chromium against the bundle", () => {
  let browser: Browser;
  let page: Page;
  let gas: FakeGas;
  let g: BundleGlobals;
  let sidebar = "";
  const served: string[] = [];

  beforeAll(async () => {
    const built = await buildAndRead();
    sidebar = built.sidebar;
    gas = fakeGas([villageGrid()]);
    g = runBundle(built.code, gas);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
    page = await browser.newPage();
    await page.exposeFunction("__gasCall", (name: string, args: string) => {
      served.push(name);
      try {
        const fn = g[name];
        if (typeof fn !== "function") throw new Error(`Script function not found: ${name}`);
        return JSON.stringify({ value: fn(...(JSON.parse(args) as unknown[])) ?? null });
      } catch (e) {
        return JSON.stringify({ error: e instanceof Error ? e.message : String(e) });
      }
    });
    page.setDefaultTimeout(15_000);
    await page.addInitScript(BRIDGE);
    // Served from a routed address (offline): init scripts and bindings apply to a real navigation.
    await page.route("http://sidebar.invalid/**", (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: sidebar }));
    await page.goto("http://sidebar.invalid/sidebar.html");
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("loads the settings from the document and labels itself in Vietnamese", async () => {
    await page.waitForFunction(`document.getElementById("set").options.length > 0`);
    expect(await page.textContent("#evaluate")).toBe("Đánh giá trang tính");
    const sets = await page.$$eval("#set option", (os) => os.map((o) => o.getAttribute("value")));
    expect(sets).toContain("thon-ntm-bac-kan-2022-2025");
    expect(await page.$$eval("#region option", (os) => os.length)).toBe(8);
    // No set chosen yet: the sheet decides (the workbook's own set, villages or communes, the province).
    expect(await page.$eval("#set", (e) => (e as unknown as { value: string }).value)).toBe("");
    expect(await page.$eval("#set option", (o) => o.textContent)).toMatch(/Tự nhận theo trang tính/);
    await page.selectOption("#set", "xa-ntm-2021-2025");
    expect(await page.textContent("#setFlag")).toMatch(/chưa được xác nhận/);
  });

  it("saves the settings into document properties", async () => {
    await page.selectOption("#set", "thon-ntm-bac-kan-2022-2025");
    await page.fill("#year", "2024");
    await page.click("#save");
    await page.waitForFunction(`document.getElementById("msg").textContent === "Đã lưu cài đặt."`);
    expect(JSON.parse(gas.props.data.NTM_SETTINGS!)).toMatchObject({ setId: "thon-ntm-bac-kan-2022-2025", year: 2024, lang: "vi" });
  });

  it("evaluates the sheet and shows layout, mapping and results; clearing restores the sheet", async () => {
    const before = gas.book.active.snapshot();
    await page.click("#evaluate");
    await page.waitForSelector("#result table");
    const text = (await page.textContent("#result"))!;
    expect(text).toMatch(/Thôn 2024: bảng nhiều đơn vị/);
    expect(text).toMatch(/Tiêu chí số 10/);
    expect(text).toMatch(/Bản Vén.*Đôn Phong.*16\/19.*10, 12, 13/);
    expect(await page.textContent("#msg")).toMatch(/^Đã đánh giá trang "Thôn 2024": 4 thôn/);
    await page.setViewportSize({ width: 300, height: 1400 });
    await page.screenshot({ path: "test-output/sidebar.png", fullPage: true });
    expect(gas.book.active.snapshot()).not.toEqual(before);
    await page.click("#clear");
    await page.waitForFunction(`/Đã xoá đánh dấu/.test(document.getElementById("msg").textContent)`);
    expect(gas.book.active.snapshot()).toEqual(before);
  });

  it("switches to English", async () => {
    await page.selectOption("#lang", "en");
    await page.click("#save");
    await page.waitForFunction(`document.getElementById("evaluate").textContent === "Evaluate sheet"`);
    expect(await page.textContent("#msg")).toBe("Settings saved.");
  });

  it("only calls server functions that the bundle defines", () => {
    expect(served.length).toBeGreaterThan(4);
    for (const name of new Set(served)) expect(typeof g[name], name).toBe("function");
  });
});
