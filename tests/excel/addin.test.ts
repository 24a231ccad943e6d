// The built add-in: webpack output, manifest (checked offline), bundle sizes, and the task
// pane in headless Chromium against a fake Excel injected into the page.
import { CELL_FUNCTIONS } from "../../shared/functions/registry.js";
import { mkdirSync, readFileSync, existsSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { chromium, type Browser, type Page } from "playwright-core";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { villageGrid } from "../fixtures/grids.js";
import { serveStatic, type StaticServer } from "./support/server.js";
import { sheetFromGrid } from "./support/sheets.js";

const root = resolve(import.meta.dirname, "../..");
const require = createRequire(import.meta.url);
const PROD_URL = "https://ntm.example.gov.vn/excel";
const prodOut = join(root, "test-output", "excel-prod");
const localOut = join(root, "test-output", "excel-local");

async function build(): Promise<void> {
  const webpack = require("webpack") as typeof import("webpack");
  const config = require(join(root, "excel-addin", "webpack.config.cjs")) as (env: object, argv: object) => import("webpack").Configuration;
  const configs = [config({ url: PROD_URL, out: "test-output/excel-prod" }, { mode: "production" }), { ...config({ officeJs: "local", out: "test-output/excel-local" }, { mode: "production" }), name: "excel-local" }];
  await new Promise<void>((ok, fail) =>
    webpack(configs, (err, stats) => {
      if (err) return fail(err);
      if (stats?.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true })));
      ok();
    }),
  );
}

beforeAll(build, 120_000);

// ---------------------------------------------------------------- manifest
type Node = Record<string, any>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: () => false });

/** Every element anywhere under `node` with this tag, with its attributes. */
function all(node: unknown, tag: string, out: Node[] = []): Node[] {
  if (Array.isArray(node)) for (const n of node) all(n, tag, out);
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node as Node)) {
      if (k === tag) for (const x of Array.isArray(v) ? v : [v]) out.push(typeof x === "object" ? x : { "#text": x });
      all(v, tag, out);
    }
  }
  return out;
}

function checkManifest(xml: string, base: string): void {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = parser.parse(xml) as Node;
  const app = doc.OfficeApp as Node;
  expect(app["@xsi:type"]).toBe("TaskPaneApp");
  expect(app.Permissions).toBe("ReadWriteDocument");
  // The shared runtime is required in VersionOverrides (ribbon, runtime and functions where the client has it),
  // the task pane's own minimum at the base (tools/excelApiSets.ts checks it against the code).
  expect(all(app.VersionOverrides.Requirements, "bt:Set").some((s) => s["@Name"] === "SharedRuntime" && s["@MinVersion"] === "1.1")).toBe(true);
  expect(all(app.Requirements, "Set").some((s) => s["@Name"] === "ExcelApi")).toBe(true);
  // Vietnamese by default, English override.
  expect(app.DefaultLocale).toBe("vi-VN");
  expect(app.DisplayName["@DefaultValue"]).toBe("Tiêu chí nông thôn mới");
  expect(app.DisplayName.Override["@Locale"]).toBe("en-US");

  const resources = app.VersionOverrides.Resources as Node;
  const ids = new Map<string, string>();
  for (const tag of ["bt:Image", "bt:Url", "bt:String"]) for (const e of all(resources, tag)) ids.set(e["@id"], e["@DefaultValue"]);
  const resids = all(app.VersionOverrides, "@resid").map((n) => n["#text"] as string);
  const residAttrs: string[] = [];
  const collect = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === "object") for (const [k, v] of Object.entries(node as Node)) (k === "@resid" ? residAttrs.push(String(v)) : collect(v));
  };
  collect(app.VersionOverrides.Hosts);
  expect(residAttrs.length).toBeGreaterThan(10);
  for (const id of [...residAttrs, ...resids, ...ids.keys()]) {
    expect(id.length, id).toBeLessThanOrEqual(32);
  }
  for (const id of residAttrs) expect(ids.has(id), `resid ${id} resolves`).toBe(true);

  const host = app.VersionOverrides.Hosts.Host as Node;
  const runtime = host.Runtimes.Runtime["@resid"];
  const cf = all(host.AllFormFactors, "ExtensionPoint").find((e) => e["@xsi:type"] === "CustomFunctions")!;
  expect(cf.Page.SourceLocation["@resid"]).toBe(runtime);
  expect(host.DesktopFormFactor.FunctionFile["@resid"]).toBe(runtime);
  expect(host.Runtimes.Runtime["@lifetime"]).toBe("long");
  expect(ids.get(cf.Namespace["@resid"])).toBe("NTM");
  expect(ids.get(cf.Metadata.SourceLocation["@resid"])).toBe(`${base}/functions.json`);
  expect(ids.get(runtime)).toBe(`${base}/taskpane.html`);
  // Every URL points at the host.
  for (const e of [...all(resources, "bt:Url"), ...all(resources, "bt:Image")]) expect(e["@DefaultValue"].startsWith(base + "/")).toBe(true);
  expect(app.SourceLocation ?? app.DefaultSettings.SourceLocation["@DefaultValue"]).toBe(`${base}/taskpane.html`);
}

describe("manifest.xml (offline check)", () => {
  it("the repository's manifest: well-formed, resids resolve, one runtime, namespace NTM", () => {
    checkManifest(readFileSync(join(root, "manifest.xml"), "utf8"), "https://localhost:3000");
  });

  it("the built manifest points every URL at the hosting URL given at build time, and its files exist", () => {
    const xml = readFileSync(join(prodOut, "manifest.xml"), "utf8");
    checkManifest(xml, PROD_URL);
    expect(xml).not.toContain("localhost");
    for (const url of xml.match(/https:\/\/ntm\.example\.gov\.vn\/excel\/[^"]+/g) ?? []) {
      expect(existsSync(join(prodOut, url.slice(PROD_URL.length + 1))), url).toBe(true);
    }
  });

  it("catches a broken manifest", () => {
    const xml = readFileSync(join(root, "manifest.xml"), "utf8");
    expect(() => checkManifest(xml.replace('<Page>\n              <SourceLocation resid="Taskpane.Url"/>', '<Page>\n              <SourceLocation resid="Functions.Script.Url"/>'), "https://localhost:3000")).toThrow();
    expect(() => checkManifest(xml.replace('resid="Functions.Namespace"', 'resid="Functions.Namespace.Typo"'), "https://localhost:3000")).toThrow();
    expect(XMLValidator.validate(xml.replace("</OfficeApp>", ""))).not.toBe(true);
  });
});

// ---------------------------------------------------------------- build output
describe("webpack build (dist/excel layout)", () => {
  it("emits the page, bundles, functions.json, icons and manifest; office.js from the CDN in production", () => {
    for (const f of ["taskpane.html", "runtime.js", "engine.js", "functions.js", "taskpane.js", "functions.json", "manifest.xml", "assets/icon-16.png", "assets/icon-32.png", "assets/icon-80.png"]) {
      expect(existsSync(join(prodOut, f)), f).toBe(true);
    }
    const html = readFileSync(join(prodOut, "taskpane.html"), "utf8");
    expect(html).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(readFileSync(join(localOut, "taskpane.html"), "utf8")).toContain("office/office.js");
    // The shared runtime page loads both the functions and the task pane.
    const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1]);
    expect(scripts.slice(1)).toEqual(["runtime.js", "engine.js", "functions.js", "taskpane.js"]);
  });

  it("functions.json describes every registered function without the namespace in its id", () => {
    const meta = JSON.parse(readFileSync(join(prodOut, "functions.json"), "utf8")) as { functions: Array<{ id: string; name: string; parameters: Array<{ name: string; dimensionality?: string; optional?: boolean }>; result: { dimensionality?: string } }> };
    expect(meta.functions.map((f) => f.id).sort()).toEqual(CELL_FUNCTIONS.map((f) => f.id).sort());
    expect(meta.functions.find((f) => f.id === "CHANGE")!.result.dimensionality).toBe("matrix");
    const byId = new Map(meta.functions.map((f) => [f.id, f]));
    expect(byId.get("CRITERION")!.parameters.map((p) => p.name)).toEqual(["criterion", "values", "headers", "set", "region", "year"]);
    expect(byId.get("CRITERION")!.parameters[1]!.dimensionality).toBe("matrix");
    expect(byId.get("CRITERION")!.parameters.slice(2).every((p) => p.optional)).toBe(true);
    expect(byId.get("COUNT")!.result.dimensionality).toBe("matrix");
    expect(byId.get("THRESHOLD")!.result.dimensionality).toBeUndefined();
    const js = readFileSync(join(prodOut, "functions.js"), "utf8");
    for (const id of byId.keys()) expect(js).toContain(`CustomFunctions.associate("${id}"`);
  });

  it("functions + task pane JS stay under 300 KB minified (office.js excluded)", () => {
    const sizes = Object.fromEntries(["runtime.js", "engine.js", "functions.js", "taskpane.js"].map((f) => [f, statSync(join(prodOut, f)).size]));
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    mkdirSync(join(root, "test-output"), { recursive: true });
    writeFileSync(join(root, "test-output", "excel-bundle-sizes.json"), JSON.stringify({ ...sizes, total }, null, 2));
    expect(total).toBeLessThanOrEqual(300 * 1024);
    // The actions (judging, the plan, the report, its charts) come in a chunk loaded on first use.
    expect(statSync(join(prodOut, "actions.js")).size).toBeGreaterThan(20 * 1024);
    expect(readFileSync(join(prodOut, "taskpane.html"), "utf8")).not.toContain("actions.js");
  });
});

// ---------------------------------------------------------------- task pane in Chromium
/** The fake Excel as a browser script: the same file the Node tests use, transpiled. */
function fakeExcelScript(sheets: unknown): string {
  const source = readFileSync(join(import.meta.dirname, "support", "fakeExcel.ts"), "utf8");
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  return `(function () {
    var exports = {}; var module = { exports: exports };
    ${js}
    var book = new exports.FakeWorkbook(${JSON.stringify(sheets)});
    window.__book = book;
    window.Excel = exports.createFakeExcel(book, exports.plainProxy);
  })();`;
}

describe("task pane in headless Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const outside: string[] = [];
  const OFFICE_TELEMETRY = "https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/";
  const errors: string[] = [];

  beforeAll(async () => {
    server = await serveStatic({ "/office/": join(root, "node_modules", "@microsoft", "office-js", "dist"), "/": localOut });
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
    page = await browser.newPage({ viewport: { width: 360, height: 1100 }, deviceScaleFactor: 1 });
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.addInitScript({ content: fakeExcelScript([sheetFromGrid(villageGrid(), { fills: { M7: "#FFFF00" } })]) });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("loads, takes settings, evaluates, lists results by criterion, and selects a cell on click", async () => {
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 20_000 });
    expect(await page.textContent("#evaluate")).toBe("Đánh giá trang tính");
    // No set chosen: the pane says how the sheet will decide; a chosen set shows its source and flags.
    expect(await page.$eval("#set", (e) => (e as unknown as { value: string }).value)).toBe("");
    expect(await page.textContent("#set-info")).toContain("Bộ tiêu chí được chọn khi đánh giá");
    await page.selectOption("#set", "xa-ntm-2021-2025");
    expect(await page.textContent("#set-info")).toContain("Căn cứ");
    expect(await page.isVisible("#unconfirmed-flag")).toBe(true);

    await page.selectOption("#set", "thon-ntm-bac-kan-2022-2025");
    // The select cuts the long title off: it is shown whole, wrapped, under it (no ids in the lists).
    expect(await page.textContent("#set-name")).toBe("Bộ tiêu chí thôn nông thôn mới tỉnh Bắc Kạn giai đoạn 2022-2025");
    const fit = await page.$eval("#set-name", (e) => [e.scrollWidth, e.clientWidth, e.getBoundingClientRect().right, (globalThis as any).innerWidth]);
    expect(fit[0]).toBeLessThanOrEqual(fit[1]!);
    expect(fit[2]).toBeLessThanOrEqual(fit[3]!);
    const options = await page.$$eval("#set option, #region option", (os) => os.map((o) => o.textContent).join("\n"));
    expect(options).not.toMatch(/\((xa|thon|ban|huyen)-ntm|\((tdmnpb|dbsh|btb|dhntb|tn|dnb|dbscl)\)/);
    await page.selectOption("#region", "tdmnpb");
    await page.fill("#year", "2024");
    await page.dispatchEvent("#year", "change");
    await page.waitForFunction(() => (globalThis as any).__book.settings.get("NTM.state")?.includes("thon-ntm-bac-kan"));
    expect(JSON.parse(await page.evaluate(() => (globalThis as any).__book.settings.get("NTM.state")))).toMatchObject({ settings: { setId: "thon-ntm-bac-kan-2022-2025", region: "tdmnpb", year: 2024 } });

    // Keyboard: focus the primary button and press Enter.
    await page.focus("#evaluate");
    await page.keyboard.press("Enter");
    await page.waitForSelector(".crit[data-criterion='10'] li button", { timeout: 20_000 });
    const message = await page.textContent("#message");
    expect(message).toContain('Đã đánh giá trang "Thôn 2024": 4 đơn vị');
    const crit10 = await page.textContent(".crit[data-criterion='10']");
    expect(crit10).toContain("Tiêu chí số 10");
    expect(crit10).toContain("1/4 đơn vị đạt");
    expect(crit10).toContain("Bản Vén");
    expect(await page.evaluate(() => (globalThis as any).__book.fill("Thôn 2024", "M6"))).toBe("#F4CCCC");
    expect(await page.evaluate(() => (globalThis as any).__book.value("Thôn 2024", "X6"))).toBe("16/19");
    expect(await page.isVisible("#mapping-card")).toBe(true);

    await page.click(".crit[data-criterion='10'] li button[data-address='M6']");
    await page.waitForFunction(() => (globalThis as any).__book.selection === "Thôn 2024!M6");

    // Looks like Office's own panes: one brand-blue primary button, neutral (white) others.
    await page.mouse.move(1, 1);
    const style = (sel: string, prop: "backgroundColor" | "color" | "fontFamily") => page.$eval(sel, (e, p) => (globalThis as any).getComputedStyle(e)[p] as string, prop);
    expect(await style("#evaluate", "backgroundColor")).toBe("rgb(15, 108, 189)");
    expect(await style("#evaluate", "color")).toBe("rgb(255, 255, 255)");
    for (const id of ["#clear", "#report", "#set-sheet"]) expect(await style(id, "backgroundColor"), id).toBe("rgb(255, 255, 255)");
    expect(await style("body", "fontFamily")).toMatch(/^"Segoe UI"/);
    // Every criterion listed with its number and, where the set names it, its name.
    const heads = await page.$$eval(".crit h3", (hs) => hs.map((h) => h.textContent ?? ""));
    expect(heads).toHaveLength(19);
    for (const [i, h] of heads.entries()) expect(h).toContain(`Tiêu chí số ${i + 1}`);
    expect(heads[9]).toContain("Tiêu chí số 10 · Thu nhập");
    expect(heads[18]).toContain("Tiêu chí số 19 · An ninh");
    // No developer details in view: round trips and target counts wait, folded, under "Chi tiết kỹ thuật".
    const visible = await page.evaluate(() => (globalThis as any).document.body.innerText as string);
    expect(visible).not.toMatch(/lần đồng bộ|Mức yêu cầu đã có|0\/0/);
    expect(await page.$eval("#tech", (d) => (d as any).open)).toBe(false);
    expect(await page.textContent("#tech-syncs")).toMatch(/^\d+ lần đồng bộ với Excel$/);
    expect(await page.textContent("#tech summary")).toBe("Chi tiết kỹ thuật");

    mkdirSync(join(root, "tests", "screenshots"), { recursive: true });
    await page.screenshot({ path: join(root, "tests", "screenshots", "taskpane.png"), fullPage: true });

    // English switch, then "Xoá đánh dấu" restores the original fill.
    await page.click("#lang");
    expect(await page.textContent("#evaluate")).toBe("Evaluate sheet");
    expect(await page.textContent(".crit[data-criterion='10'] h3")).toContain("Criterion 10");
    // The column mapping is editable: ignore column M (criterion 10) and the sheet follows.
    await page.click("#mapping-details summary");
    await page.selectOption("select[data-col='12']", "ignore");
    await page.waitForFunction(() => (globalThis as any).__book.fill("Thôn 2024", "M6") === undefined);
    await page.waitForFunction(() => !(globalThis as any).document.querySelector("button[data-address='M6']"));
    expect(await page.textContent(".crit[data-criterion='10'] h3")).toContain("Missing data");
    expect(JSON.parse(await page.evaluate(() => (globalThis as any).__book.settings.get("NTM.state"))).sheets["Thôn 2024"].override).toEqual({ 12: "ignore" });
    await page.click("#clear");
    await page.waitForFunction(() => (globalThis as any).document.getElementById("message").textContent.includes("Highlights cleared"));
    expect(await page.evaluate(() => (globalThis as any).__book.fill("Thôn 2024", "M7"))).toBe("#FFFF00");
    expect(await page.evaluate(() => (globalThis as any).__book.value("Thôn 2024", "X6"))).toBeUndefined();
    expect(await page.evaluate(() => (globalThis as any).__book.fill("Thôn 2024", "M6"))).toBeUndefined();
    expect(await page.textContent("#message")).toContain("Highlights cleared");

    expect(errors).toEqual([]);
    // office.js itself loads its telemetry frame 3 s after start (ULSEndpointProxy, as from the
    // CDN in production); it was blocked above. Nothing else may leave the page.
    expect(outside.filter((u) => !u.startsWith(OFFICE_TELEMETRY))).toEqual([]);
    expect(server.requests).toContain("/office/office.js");
  }, 60_000);
});
