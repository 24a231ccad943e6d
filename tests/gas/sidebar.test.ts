/// <reference types="google-apps-script" />
// The built sidebar.html in headless Chromium, with google.script.run bridged to the BUILT
// Code.js running in node:vm over the fakes: settings, evaluation, mapping, results, clear.
// Skipped where no Chromium is installed (Debian package `chromium`). Page code is passed as strings:
// the tests' tsconfig has no DOM types.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { villageGrid } from "../fixtures/grids.js";
import { buildAndRead, runBundle, type BundleGlobals } from "./bundle.js";
import { fakeGas, type FakeGas } from "./fakes.js";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const SCREENSHOTS = path.resolve(import.meta.dirname, "..", "screenshots");

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
    // A Sheets sidebar is 300 px wide.
    page = await browser.newPage({ viewport: { width: 300, height: 900 } });
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
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "sidebar.png"), fullPage: true });
    expect(gas.book.active.snapshot()).not.toEqual(before);
    await page.click("#clear");
    await page.waitForFunction(`/Đã xoá đánh dấu/.test(document.getElementById("msg").textContent)`);
    expect(gas.book.active.snapshot()).toEqual(before);
  });

  it("looks like a Google add-on: blue primary action, secondary buttons, whole set name, no developer details in view", async () => {
    await page.mouse.move(1, 1); // no hover colours
    const style = (sel: string, prop: string) => page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(sel)})).${prop}`);
    // .action of the add-ons CSS package: the one blue button; the others are secondary (white).
    expect(await style("#evaluate", "backgroundColor")).toBe("rgb(26, 115, 232)");
    expect(await style("#evaluate", "color")).toBe("rgb(255, 255, 255)");
    for (const id of ["#clear", "#report", "#setSheet", "#save"]) expect(await style(id, "backgroundColor"), id).toBe("rgb(255, 255, 255)");
    expect(await page.$$eval("button.action", (bs) => bs.length)).toBe(1);
    expect(await style("body", "fontFamily")).toMatch(/^"Google Sans", Roboto, Arial/);
    // The long title the select cuts off is shown whole and wrapped under it.
    await page.selectOption("#set", "thon-ntm-bac-kan-2022-2025");
    expect(await page.textContent("#setName")).toBe("Bộ tiêu chí thôn nông thôn mới tỉnh Bắc Kạn giai đoạn 2022-2025");
    expect(await page.isVisible("#setName")).toBe(true);
    const fit = (await page.evaluate(`(() => { const e = document.getElementById("setName"); return [e.scrollWidth, e.clientWidth, e.getBoundingClientRect().right, innerWidth]; })()`)) as number[];
    expect(fit[0]).toBeLessThanOrEqual(fit[1]!);
    expect(fit[2]).toBeLessThanOrEqual(fit[3]!);
    // Names, not ids, in the lists; how columns were read is folded away until asked for.
    await page.click("#evaluate");
    await page.waitForSelector("#mappingDetails", { state: "attached" });
    await page.mouse.move(1, 1);
    const options = (await page.$$eval("#set option, #region option", (os) => os.map((o) => o.textContent))) as string[];
    expect(options.join("\n")).not.toMatch(/\((xa|thon|ban|huyen)-ntm|\((tdmnpb|dbsh|btb|dhntb|tn|dnb|dbscl)\)/);
    expect(await page.$eval("#mappingDetails", (d) => (d as unknown as { open: boolean }).open)).toBe(false);
    const visible = (await page.evaluate("document.body.innerText")) as string;
    expect(visible).not.toMatch(/theo nội dung|lần đồng bộ|0\/0/);
    expect(visible).toMatch(/Bản Vén/);
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
