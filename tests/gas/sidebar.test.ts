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
import { districtVillagesGrid } from "../fixtures/districtVillages.js";
import { buildAndRead, runBundle, type BundleGlobals } from "./bundle.js";
import { BRIDGE, CHROMIUM } from "./sidebarBridge.js";
import { fakeGas, type FakeGas } from "./fakes.js";

const SCREENSHOTS = path.resolve(import.meta.dirname, "..", "screenshots");

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
    expect(text).toMatch(/Bản Vén.*Đôn Phong.*16\/19.*10\. Thu nhập; 12\. Lao động; 13\. Tổ chức sản xuất/);
    expect(await page.textContent("#msg")).toMatch(/^Đã đánh giá trang "Thôn 2024": 4 thôn/);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "sidebar.png"), fullPage: true });
    expect(gas.book.active.snapshot()).not.toEqual(before);
    await page.click("#clear");
    await page.waitForFunction(`/Đã xoá đánh dấu/.test(document.getElementById("msg").textContent)`);
    expect(gas.book.active.snapshot()).toEqual(before);
  });

  it("after 'Lưu kết quả', the next evaluation shows what changed since, under its own heading", async () => {
    const before = gas.book.active.snapshot();
    await page.click("#evaluate");
    await page.waitForSelector("#result table");
    expect(await page.$("#since")).toBeNull();
    expect(g.ntmSidebarSaveResults!()).toMatchObject({ ok: true });
    // Bản Vén (row 6) now meets criterion 10 (column M).
    gas.book.active.values[5]![12] = "Đạt";
    await page.click("#evaluate");
    await page.waitForSelector("#since");
    const since = (await page.evaluate(`document.getElementById("since").nextElementSibling.textContent`)) as string;
    expect(await page.textContent("#since")).toBe("So với lần lưu trước");
    expect(since).toMatch(/Bản Vén/);
    expect(since).toMatch(/\b10\b/);
    gas.book.active.values[5]![12] = "Chưa đạt";
    await page.click("#clear");
    await page.waitForFunction(`/Đã xoá đánh dấu/.test(document.getElementById("msg").textContent)`);
    expect(gas.book.active.snapshot()).toEqual(before);
    // The next tests start without a saved result.
    gas.book.sheets.splice(
      gas.book.sheets.findIndex((x) => x.getName() === "NTM_LichSu"),
      1,
    );
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

  it("'Create assignment sheet' makes NTM_PhanCong, then refuses to make it again", async () => {
    await page.click("#assignSheet");
    await page.waitForFunction(`/NTM_PhanCong/.test(document.getElementById("msg").textContent)`);
    expect(await page.textContent("#msg")).toMatch(/^Sheet NTM_PhanCong created for set "/);
    const sheet = gas.book.getSheetByName("NTM_PhanCong")!;
    expect(sheet.values[0]![0]).toBe("RESPONSIBILITY FOR THE NEW RURAL DEVELOPMENT CRITERIA");
    const before = JSON.stringify(sheet.values);
    await page.click("#assignSheet");
    await page.waitForFunction(`/already exists/.test(document.getElementById("msg").textContent)`);
    expect(JSON.stringify(gas.book.getSheetByName("NTM_PhanCong")!.values)).toBe(before);
    gas.book.sheets.splice(gas.book.sheets.indexOf(sheet), 1);
  });

  it("only calls server functions that the bundle defines", () => {
    expect(served.length).toBeGreaterThan(4);
    for (const name of new Set(served)) expect(typeof g[name], name).toBe("function");
  });
});

describe.skipIf(!CHROMIUM)("the sidebar's units × criteria grid against the bundle", () => {
  let browser: Browser;
  let page: Page;
  let gas: FakeGas;
  let g: BundleGlobals;
  const calls: Array<[string, unknown[]]> = [];

  beforeAll(async () => {
    const built = await buildAndRead();
    gas = fakeGas([districtVillagesGrid()]);
    g = runBundle(built.code, gas);
    expect(g.ntmSaveSettings!({ setId: "thon-ntm-bac-kan-2022-2025", region: "tdmnpb", year: 2024, lang: "vi" })).toMatchObject({ ok: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
    page = await browser.newPage({ viewport: { width: 300, height: 900 } });
    await page.exposeFunction("__gasCall", (name: string, args: string) => {
      const parsed = JSON.parse(args) as unknown[];
      calls.push([name, parsed]);
      try {
        return JSON.stringify({ value: g[name]!(...parsed) ?? null });
      } catch (e) {
        return JSON.stringify({ error: e instanceof Error ? e.message : String(e) });
      }
    });
    page.setDefaultTimeout(15_000);
    await page.addInitScript(BRIDGE);
    await page.route("http://sidebar.invalid/**", (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: built.sidebar }));
    await page.goto("http://sidebar.invalid/sidebar.html");
    await page.waitForFunction(`document.getElementById("set").options.length > 0`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("draws 10 villages in 3 communes above the results, each cell a letter on the heat map's colour", async () => {
    await page.click("#evaluate");
    await page.waitForSelector("table.mini-grid td[data-address='M6']");
    const groups = (await page.$$eval("table.mini-grid tr.group th", (ths) => ths.map((t) => t.textContent))) as string[];
    expect(groups).toEqual(["Xã Đôn Phong", "Xã Vũ Muộn", "Xã Cao Sơn"]);
    const units = (await page.$$eval("table.mini-grid tbody th[scope=row]", (ths) => ths.map((t) => t.textContent))) as string[];
    expect(units).toEqual(["Bản Vén", "Bản Đán", "Nà Làng", "Khuổi Ít", "Đông Bun", "Bản Chàn", "Nà Mỏ", "Khuổi Bốc", "Nà Đon", "Lủng Vai"]);
    expect(await page.getAttribute("table.mini-grid thead th:nth-child(11)", "title")).toBe("Tiêu chí số 10 · Thu nhập");
    const m6 = (await page.evaluate(
      `(() => { const td = document.querySelector("table.mini-grid td[data-address='M6']"); return [td.textContent, td.getAttribute("aria-label"), getComputedStyle(td).backgroundColor]; })()`,
    )) as string[];
    expect(m6).toEqual(["C", "Bản Vén (Xã Đôn Phong) · Tiêu chí số 10 · Thu nhập: Chưa đạt", "rgb(210, 101, 97)"]);
    expect(await page.textContent("table.mini-grid td[data-address='H8']")).toBe("T");
    expect(await page.textContent("table.mini-grid td[data-address='Q12']")).toBe("K");
    const totals = (await page.$$eval("table.mini-grid tfoot td", (tds) => tds.map((t) => t.textContent))) as string[];
    expect(totals[9]).toBe("5");
    // Above the results table, which still lists every village.
    expect(await page.evaluate(`document.querySelector("#result .mini-wrap").compareDocumentPosition(document.querySelector("#result .mini-wrap ~ table")) & 4`)).toBe(4);
    await page.mouse.move(1, 1);
    const top = (await page.evaluate(`document.querySelector("#result").getBoundingClientRect().top + scrollY`)) as number;
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "sidebar-grid.png"), fullPage: true, clip: { x: 0, y: Math.max(0, top - 8), width: 300, height: 520 } });
  });

  it("a click calls ntmSidebarSelectCell with the sheet and the cell, which the server selects", async () => {
    calls.length = 0;
    await page.click("table.mini-grid td[data-address='H8']");
    await expect.poll(() => gas.book.selection).toBe("Thôn 2024!H8");
    expect(calls).toContainEqual(["ntmSidebarSelectCell", ["Thôn 2024", "H8"]]);
    await page.click("table.mini-grid th[data-address='C13']");
    await expect.poll(() => gas.book.selection).toBe("Thôn 2024!C13");
    // Keyboard: arrows move the one tab stop, Enter selects.
    await page.focus("table.mini-grid th[data-address='C6']");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect.poll(() => gas.book.selection).toBe("Thôn 2024!D7");
    expect(await page.$$eval("table.mini-grid [tabindex='0']", (es) => es.length)).toBe(1);
    // Nothing else was asked of the server: a selection does not re-evaluate or disable the buttons.
    expect(new Set(calls.map(([name]) => name))).toEqual(new Set(["ntmSidebarSelectCell"]));
    expect(await page.isEnabled("#evaluate")).toBe(true);
  });

  it("the server function checks what the page sends: a sheet of the spreadsheet and one plain cell", () => {
    expect(g.ntmSidebarSelectCell!("Thôn 2024", "V15")).toEqual({ ok: true, message: "" });
    expect(gas.book.selection).toBe("Thôn 2024!V15");
    expect(gas.book.active.name).toBe("Thôn 2024");
    gas.log.length = 0;
    for (const bad of ["A0", "a1", "=A1", "A1:B2", "Thôn 2024!A1", "$A$1", "AAAA1", "A100000000", " A1", "", "1A", "A1e3"]) {
      const r = g.ntmSidebarSelectCell!("Thôn 2024", bad) as { ok: boolean; message: string };
      expect(r.ok, bad).toBe(false);
      expect(r.message, bad).toMatch(/^Không chọn được ô/);
    }
    for (const bad of [42, null, undefined, { toString: () => "A1" }, ["A1"]]) expect((g.ntmSidebarSelectCell!("Thôn 2024", bad) as { ok: boolean }).ok).toBe(false);
    expect((g.ntmSidebarSelectCell!("Không có", "A1") as { ok: boolean }).ok).toBe(false);
    expect((g.ntmSidebarSelectCell!(7, "A1") as { ok: boolean }).ok).toBe(false);
    expect(gas.log.filter((c) => c === "Sheet.getRange" || c === "Range.activate" || c === "Sheet.activate")).toEqual([]);
    expect(gas.book.selection).toBe("Thôn 2024!V15");
    // ZZZ (18,278) is Sheets' last column.
    expect((g.ntmSidebarSelectCell!("Thôn 2024", "ZZZ2") as { ok: boolean }).ok).toBe(true);
    expect(gas.book.selection).toBe("Thôn 2024!ZZZ2");
  });
});
