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
import { districtVillagesGrid } from "../fixtures/districtVillages.js";
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
  // The functions' help: Vietnamese by default, English for en-US (one metadata file per language).
  const metadataUrl = all(resources, "bt:Url").find((e) => e["@id"] === cf.Metadata.SourceLocation["@resid"])!;
  expect(metadataUrl["bt:Override"]).toEqual({ "@Locale": "en-US", "@Value": `${base}/functions-en.json` });
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
    for (const f of ["taskpane.html", "runtime.js", "engine.js", "functions.js", "taskpane.js", "functions.json", "functions-en.json", "manifest.xml", "assets/icon-16.png", "assets/icon-32.png", "assets/icon-80.png"]) {
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

  it("functions.json is Vietnamese and functions-en.json English, both the registry's help over the same structure as functions.ts", async () => {
    type Meta = { functions: Array<{ id: string; name: string; description: string; parameters: Array<{ name: string; description: string }> }> };
    const vi = JSON.parse(readFileSync(join(prodOut, "functions.json"), "utf8")) as Meta;
    const en = JSON.parse(readFileSync(join(prodOut, "functions-en.json"), "utf8")) as Meta;
    const strip = (m: Meta) => JSON.parse(JSON.stringify(m, (k, v) => (k === "description" ? undefined : v)));
    // The structure custom-functions-metadata reads from functions.ts (ids, names, parameters, types,
    // dimensionality, optional), unchanged; only the descriptions are the registry's.
    const { generateCustomFunctionsMetadata } = require("custom-functions-metadata") as { generateCustomFunctionsMetadata(files: string[], strict: boolean): Promise<{ metadataJson: string; errors: string[] }> };
    const generated = await generateCustomFunctionsMetadata([join(root, "excel-addin", "functions", "functions.ts")], true);
    expect(generated.errors).toEqual([]);
    expect(strip(vi)).toEqual(strip(JSON.parse(generated.metadataJson)));
    expect(strip(en)).toEqual(strip(vi));
    for (const [lang, meta] of [["vi", vi], ["en", en]] as const) {
      expect(meta.functions.map((f) => f.id).sort()).toEqual(CELL_FUNCTIONS.map((f) => f.id).sort());
      for (const spec of CELL_FUNCTIONS) {
        const f = meta.functions.find((x) => x.id === spec.id)!;
        expect(f.name, spec.id).toBe(spec.id);
        expect(f.description, `${lang} ${spec.id}`).toBe(spec.help[lang]);
        expect(f.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.excel));
        expect(f.parameters.map((p) => p.description), `${lang} ${spec.id}`).toEqual(spec.params.map((p) => p.help[lang]));
        for (const text of [f.description, ...f.parameters.map((p) => p.description)]) expect(text.trim().length, `${lang} ${spec.id}`).toBeGreaterThan(3);
      }
    }
    expect(vi.functions.find((f) => f.id === "COUNT")!.description).toBe("Số tiêu chí đạt của từng dòng.");
    expect(en.functions.find((f) => f.id === "COUNT")!.description).toBe("Number of criteria met by each row.");
  });

  it("the build refuses a registry and functions.ts that disagree", () => {
    const { localizeMetadata } = require(join(root, "excel-addin", "functionsMetadata.cjs")) as { localizeMetadata(m: unknown, r: unknown, lang: string): unknown };
    const meta = JSON.parse(readFileSync(join(prodOut, "functions.json"), "utf8")) as { functions: Array<{ id: string; parameters: Array<{ name: string }> }> };
    expect(() => localizeMetadata(meta, CELL_FUNCTIONS.slice(1), "en")).toThrow(/in functions\.ts, not in the registry/);
    const renamed = { ...meta, functions: meta.functions.map((f) => (f.id === "COUNT" ? { ...f, parameters: [...f.parameters].reverse() } : f)) };
    expect(() => localizeMetadata(renamed, CELL_FUNCTIONS, "vi")).toThrow(/COUNT: parameters/);
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

  it("'Create assignment sheet' makes NTM_PhanCong for the chosen set, then never over it", async () => {
    // The pane of the test above: English, the Bắc Kạn village set chosen.
    expect(await page.textContent("#assign-sheet")).toBe("Create assignment sheet");
    await page.click("#assign-sheet");
    await page.waitForFunction(() => (globalThis as any).document.getElementById("message").textContent.includes("NTM_PhanCong"));
    expect(await page.textContent("#message")).toMatch(/^Sheet NTM_PhanCong created for set "thon-ntm-bac-kan-2022-2025" \(19 criteria\)/);
    // In the pane's language (English since the test above), the set on row 2.
    expect(await page.evaluate(() => (globalThis as any).__book.value("NTM_PhanCong", "A1"))).toBe("RESPONSIBILITY FOR THE NEW RURAL DEVELOPMENT CRITERIA");
    expect(await page.evaluate(() => (globalThis as any).__book.value("NTM_PhanCong", "B2"))).toBe("thon-ntm-bac-kan-2022-2025");
    await page.evaluate(() => (globalThis as any).__book.sheet("NTM_PhanCong").edit(10, 3).value = "Phòng Kinh tế");
    await page.click("#assign-sheet");
    await page.waitForFunction(() => (globalThis as any).document.getElementById("message").textContent.includes("already exists"));
    expect(await page.evaluate(() => (globalThis as any).__book.sheet("NTM_PhanCong").edit(10, 3).value)).toBe("Phòng Kinh tế");
    expect(errors).toEqual([]);
  }, 60_000);
});

describe("the units × criteria grid in the task pane (headless Chromium)", () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const selection = () => page.evaluate(() => (globalThis as any).__book.selection as string);

  beforeAll(async () => {
    server = await serveStatic({ "/office/": join(root, "node_modules", "@microsoft", "office-js", "dist"), "/": localOut });
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });
    page = await browser.newPage({ viewport: { width: 360, height: 900 }, deviceScaleFactor: 1 });
    await page.route("**/*", (route) => (route.request().url().startsWith(server.url) ? route.continue() : route.abort()));
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.addInitScript({ content: fakeExcelScript([sheetFromGrid(districtVillagesGrid())]) });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("draws 10 villages in 3 communes above the list; a click or Enter selects the cell on the sheet", async () => {
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 20_000 });
    expect(await page.$$("table.mini-grid")).toHaveLength(0);
    await page.selectOption("#set", "thon-ntm-bac-kan-2022-2025");
    await page.selectOption("#region", "tdmnpb");
    await page.click("#evaluate");
    await page.waitForSelector("table.mini-grid td[data-address='M6']", { timeout: 20_000 });

    // Above the per-criterion list, in the same card.
    expect(await page.$eval("#grid", (g) => !!(g.compareDocumentPosition((globalThis as any).document.getElementById("results")) & 4))).toBe(true);
    const groups = await page.$$eval("table.mini-grid tr.group th", (ths) => ths.map((t) => [t.textContent, t.getAttribute("scope")]));
    expect(groups).toEqual([["Xã Đôn Phong", "rowgroup"], ["Xã Vũ Muộn", "rowgroup"], ["Xã Cao Sơn", "rowgroup"]]);
    const units = await page.$$eval("table.mini-grid tbody th[scope=row]", (ths) => ths.map((t) => t.textContent));
    expect(units).toEqual(["Bản Vén", "Bản Đán", "Nà Làng", "Khuổi Ít", "Đông Bun", "Bản Chàn", "Nà Mỏ", "Khuổi Bốc", "Nà Đon", "Lủng Vai"]);
    const heads = await page.$$eval("table.mini-grid thead th[scope=col]", (ths) => ths.map((t) => [t.textContent, t.getAttribute("title")]));
    expect(heads).toHaveLength(20);
    expect(heads[10]).toEqual(["10", "Tiêu chí số 10 · Thu nhập"]);

    // Each cell: a letter on the heat map's colour, its words for screen readers and as a tooltip.
    const cell = (address: string) =>
      page.$eval(`table.mini-grid td[data-address='${address}']`, (td) => ({ text: td.textContent, label: td.getAttribute("aria-label"), title: td.getAttribute("title"), bg: (globalThis as any).getComputedStyle(td).backgroundColor as string }));
    expect(await cell("M6")).toEqual({ text: "C", label: "Bản Vén (Xã Đôn Phong) · Tiêu chí số 10 · Thu nhập: Chưa đạt", title: "Bản Vén (Xã Đôn Phong) · Tiêu chí số 10 · Thu nhập: Chưa đạt (M6)", bg: "rgb(210, 101, 97)" });
    expect(await cell("H8")).toMatchObject({ text: "T", label: "Nà Làng (Xã Đôn Phong) · Tiêu chí số 5: Thiếu số liệu", bg: "rgb(242, 210, 99)" });
    expect(await cell("Q12")).toMatchObject({ text: "K", bg: "rgb(218, 143, 85)" });
    expect(await cell("D6")).toMatchObject({ text: "Đ", bg: "rgb(216, 243, 205)" });
    // Totals: villages meeting each criterion (10: 5 of 10).
    const totals = await page.$$eval("table.mini-grid tfoot td", (tds) => tds.map((t) => t.textContent));
    expect(totals[9]).toBe("5");
    expect(totals[4]).toBe("8");
    expect(await page.textContent(".mini-legend")).toBe("ĐĐạtCChưa đạtTThiếu số liệuKDữ liệu không hợp lệ");

    await page.click("table.mini-grid td[data-address='H8']");
    await page.waitForFunction(() => (globalThis as any).__book.selection === "Thôn 2024!H8");
    await page.click("table.mini-grid th[data-address='C13']");
    await page.waitForFunction(() => (globalThis as any).__book.selection === "Thôn 2024!C13");
    // Keyboard: one tab stop, arrows move, Enter selects.
    await page.focus("table.mini-grid th[data-address='C6']");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => (globalThis as any).document.activeElement.getAttribute("data-address"))).toBe("E7");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => (globalThis as any).__book.selection === "Thôn 2024!E7");
    expect(await page.$$eval("table.mini-grid [tabindex='0']", (es) => es.length)).toBe(1);

    mkdirSync(join(root, "tests", "screenshots"), { recursive: true });
    await page.mouse.move(1, 1);
    await page.evaluate(() => (globalThis as any).document.activeElement?.blur());
    const card = (await page.$eval("#grid", (g) => { const r = (g.closest("section") as any).getBoundingClientRect(); return { x: r.x, y: r.y + (globalThis as any).scrollY }; }));
    await page.screenshot({ path: join(root, "tests", "screenshots", "taskpane-grid.png"), fullPage: true, clip: { x: 0, y: Math.max(0, card.y - 12), width: 360, height: 560 } });

    // English: the same grid in the other language's words and letters.
    await page.click("#lang");
    await page.waitForFunction(() => (globalThis as any).document.querySelector("table.mini-grid td[data-address='M6']")?.textContent === "N");
    expect(await page.getAttribute("table.mini-grid td[data-address='M6']", "aria-label")).toMatch(/^Bản Vén \(Commune Đôn Phong\) · Criterion 10 · .+: Not met$/);
    expect(await page.getAttribute("table.mini-grid", "aria-label")).toBe("Criteria by unit");
    expect(errors).toEqual([]);
  }, 60_000);
});
