/// <reference types="google-apps-script" />
// The BUILT Code.js (real webpack config, production mode) run in node:vm with the fakes:
// the globals exist, onOpen builds the menu, the custom functions answer from 2-D ranges,
// the menu actions work end to end, and Sheets' autocomplete comments survived the build.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPORT_SHEET, WORKBOOK_SET_SHEET, builtInSetIds, builtInSets, criteriaSetToRows, getBuiltInSet, ntmCount, ntmCriterion, ntmGaps, ntmIndicator, readWorkbookSet, type FunctionSettings } from "../../shared/index.js";
import { communeGrid, villageGrid } from "../fixtures/grids.js";
import { ROOT, buildAndRead, buildBundle, runBundle } from "./bundle.js";
import { fakeGas } from "./fakes.js";

let code = "";
let manifest = "";
let sidebar = "";

beforeAll(async () => {
  ({ code, manifest, sidebar } = await buildAndRead());
}, 120_000);

const CUSTOM: Record<string, string[]> = {
  NTM_INDICATOR: ["ma_chi_tieu", "gia_tri", "muc_yeu_cau", "bo_tieu_chi", "vung", "nam"],
  NTM_CRITERION: ["tieu_chi", "gia_tri", "tieu_de", "bo_tieu_chi", "vung", "nam"],
  NTM_COUNT: ["tieu_de", "gia_tri", "bo_tieu_chi", "vung", "nam"],
  NTM_GAPS: ["tieu_de", "gia_tri", "bo_tieu_chi", "vung", "nam"],
  NTM_THRESHOLD: ["ma_chi_tieu", "vung", "nam", "bo_tieu_chi"],
  NTM_CHANGE: ["nam_truoc", "nam_nay"],
};
const settings: FunctionSettings = { setId: "xa-ntm-2021-2025", region: "tdmnpb", year: 2024 };
const saved = JSON.stringify({ setId: "xa-ntm-2021-2025", region: "tdmnpb", year: 2024, lang: "vi" });

describe("the build", () => {
  it("is one Code.js under 400 KB with the manifest and the sidebar", () => {
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(400 * 1024);
    const m = JSON.parse(manifest) as { runtimeVersion: string; oauthScopes: string[] };
    expect(m.runtimeVersion).toBe("V8");
    expect(m.oauthScopes).toEqual(["https://www.googleapis.com/auth/spreadsheets.currentonly", "https://www.googleapis.com/auth/script.container.ui"]);
    expect(sidebar).toMatch(/google\.script\.run/);
    expect(code).not.toMatch(/\beval\(|sourceMappingURL/);
  });

  it("the .clasp.json template points clasp at the build output", () => {
    const template = JSON.parse(readFileSync(path.join(ROOT, "apps-script", "clasp.json.template"), "utf8")) as { scriptId: string; rootDir: string };
    expect(template.rootDir).toBe("dist/apps-script");
    const factory = createRequire(import.meta.url)(path.join(ROOT, "apps-script", "webpack.config.cjs")) as (e: object, a: object) => { name: string; output: { path: string } };
    const config = factory({}, { mode: "production" });
    expect(config.name).toBe("gas");
    expect(path.relative(ROOT, config.output.path)).toBe(template.rootDir);
    expect(readFileSync(path.join(ROOT, ".gitignore"), "utf8")).toMatch(/^\.clasp\.json$/m);
  });

  it("the pinned clasp (a devDependency, no network) would push exactly the three built files", async () => {
    // A project laid out as the repository is: the template as .clasp.json, the build in its rootDir.
    const project = mkdtempSync(path.join(tmpdir(), "ntm-clasp-"));
    try {
      const template = readFileSync(path.join(ROOT, "apps-script", "clasp.json.template"), "utf8");
      writeFileSync(path.join(project, ".clasp.json"), template);
      await buildBundle(path.join(project, (JSON.parse(template) as { rootDir: string }).rootDir));
      const clasp = path.join(ROOT, "node_modules", ".bin", "clasp");
      const out = execFileSync(clasp, ["status", "--json"], { cwd: project, encoding: "utf8", timeout: 60_000 });
      const status = JSON.parse(out) as { filesToPush: string[] };
      expect(status.filesToPush.map((f) => path.basename(f)).sort()).toEqual(["Code.js", "appsscript.json", "sidebar.html"]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 120_000);

  it.each(Object.entries(CUSTOM))("%s keeps its @customfunction JSDoc and parameter names at top level", (name, params) => {
    const m = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*function ${name}\\(([^)]*)\\)`).exec(code);
    expect(m, `no documented top-level function ${name}`).not.toBeNull();
    const [, doc, args] = m!;
    expect(doc).toMatch(/@customfunction/);
    expect(args!.split(",").map((s) => s.trim())).toEqual(params);
    expect([...doc!.matchAll(/@param \{[^}]+\} (\w+)/g)].map((x) => x[1])).toEqual(params);
    expect(doc).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/); // Vietnamese help text
  });
});

describe("Code.js in node:vm with the fakes", () => {
  it("exposes every global the menu, the sidebar and the formulas call", () => {
    const gas = fakeGas();
    const g = runBundle(code, gas);
    for (const name of [...Object.keys(CUSTOM), "onOpen", "onInstall", "ntmMenuEvaluate", "ntmMenuClear", "ntmMenuReport", "ntmMenuCreateSetSheet", "ntmMenuCreateAssignmentSheet", "ntmShowSidebar"]) {
      expect(typeof g[name], name).toBe("function");
    }
    const fromSidebar = [...sidebar.matchAll(/call\("(\w+)"/g)].map((x) => x[1]!);
    expect(fromSidebar.length).toBeGreaterThan(5);
    for (const name of fromSidebar) expect(typeof g[name], `sidebar calls ${name}`).toBe("function");
  });

  it("onOpen builds the NTM menu with its seven items, each bound to a global", () => {
    const gas = fakeGas();
    const g = runBundle(code, gas);
    g.onOpen!({});
    expect(gas.ui.menus).toHaveLength(1);
    const menu = gas.ui.menus[0]!;
    expect(menu.caption).toBe("NTM");
    const items = menu.items.filter((i): i is { caption: string; fn: string } => i !== "separator");
    expect(items.map((i) => i.caption)).toEqual(["Đánh giá trang tính", "Xoá đánh dấu", "Tạo báo cáo", "Lưu kết quả (để lần sau so sánh)", "Tạo trang NTM_BoTieuChi", "Tạo mẫu phân công", "Cài đặt"]);
    for (const i of items) expect(typeof g[i.fn], i.fn).toBe("function");
    g.ntmShowSidebar!();
    expect(gas.ui.sidebars[0]!.file).toBe("sidebar");
    expect(gas.ui.sidebars[0]!.title).toBe("Tiêu chí nông thôn mới");
  });

  it("the menu is in English when the document's language is English", () => {
    const gas = fakeGas();
    gas.props.data.NTM_SETTINGS = JSON.stringify({ lang: "en" });
    const g = runBundle(code, gas);
    g.onOpen!();
    expect(gas.ui.menus[0]!.items.filter((i) => i !== "separator").map((i) => (i as { caption: string }).caption)).toContain("Evaluate sheet");
  });

  it("custom functions answer from 2-D ranges, like the shared functions", () => {
    const gas = fakeGas([communeGrid()]);
    gas.props.data.NTM_SETTINGS = saved;
    const g = runBundle(code, gas);
    const grid = communeGrid();
    const headers = [grid.values[0]!.slice(2)];
    const values = grid.values.slice(1).map((r) => r.slice(2));
    const income = values.map((r) => [r[0]]);
    expect(g.NTM_COUNT!(headers, values)).toEqual(ntmCount(headers, values, null, null, null, settings));
    expect(g.NTM_GAPS!(headers, values)).toEqual(ntmGaps(headers, values, null, null, null, settings));
    expect(g.NTM_INDICATOR!("10", income)).toEqual(ntmIndicator("10", income, null, null, null, null, settings));
    expect(g.NTM_INDICATOR!("10", income)).toEqual([["Chưa đạt"], ["Đạt"], ["Dữ liệu không hợp lệ"]]);
    expect(g.NTM_CRITERION!(10, income)).toEqual(ntmCriterion(10, income, null, null, null, null, settings));
    expect(g.NTM_THRESHOLD!("10")).toBe("≥ 45 triệu đồng/người (chưa xác nhận)");
    expect(g.NTM_THRESHOLD!("10", "dbsh", 2024)).toBe("Chưa có chỉ tiêu");
    // A single cell arrives as a scalar.
    expect(g.NTM_INDICATOR!("10", 46)).toEqual([["Đạt"]]);
  });

  it("a bad argument throws an Error whose message Sheets shows", () => {
    const gas = fakeGas();
    const g = runBundle(code, gas);
    expect(() => g.NTM_THRESHOLD!("10", "Miền Trăng")).toThrow(/không nhận ra vùng "Miền Trăng"/);
  });

  it("runs without document properties (custom functions without authorization): defaults", () => {
    const gas = fakeGas();
    gas.props.unavailable = true;
    const g = runBundle(code, gas);
    expect(g.NTM_THRESHOLD!("10", "tdmnpb", 2024)).toBe("≥ 45 triệu đồng/người (chưa xác nhận)");
    expect(g.NTM_INDICATOR!("10", [[46]], null, null, "tdmnpb", 2024)).toEqual([["Đạt"]]);
  });

  it("evaluates, re-runs and clears a sheet from the menu, restoring it exactly", () => {
    const gas = fakeGas([villageGrid()]);
    gas.props.data.NTM_SETTINGS = JSON.stringify({ setId: "thon-ntm-bac-kan-2022-2025", year: 2024 });
    const g = runBundle(code, gas);
    const sheet = gas.book.active;
    const before = sheet.snapshot();
    g.ntmMenuEvaluate!();
    expect(gas.ui.alerts[0]).toMatch(/^Đã đánh giá trang "Thôn 2024": 4 thôn/);
    const once = sheet.snapshot();
    expect(once).not.toEqual(before);
    g.ntmMenuEvaluate!();
    expect(sheet.snapshot()).toEqual(once);
    g.ntmMenuReport!();
    expect(gas.ui.alerts[2]).toMatch(/NTM_BaoCao/);
    gas.book.active = sheet;
    g.ntmMenuClear!();
    expect(gas.ui.alerts[3]).toMatch(/Đã xoá đánh dấu/);
    expect(sheet.snapshot()).toEqual(before);
  });

  it("writes names that look like formulas as text: report, [NTM] columns and NTM_BoTieuChi", () => {
    const grid = villageGrid();
    const names = ['=HYPERLINK("http://x","x")', "=1+1", "+1", "-1"];
    const values = grid.values.map((r, i) => (i >= 5 && i < 9 ? [r[0], "@x", names[i - 5], ...r.slice(3)] : [...r]));
    const gas = fakeGas([{ ...grid, values }]);
    gas.props.data.NTM_SETTINGS = JSON.stringify({ setId: "xa-ntm-2021-2025", year: 2024 });
    const g = runBundle(code, gas);
    const sheet = gas.book.active;
    g.ntmMenuCreateSetSheet!();
    const set = gas.book.getSheetByName(WORKBOOK_SET_SHEET)!;
    expect(readWorkbookSet(set.values, builtInSets())).toEqual(readWorkbookSet(criteriaSetToRows(getBuiltInSet("xa-ntm-2021-2025")!), builtInSets()));
    gas.book.sheets.splice(gas.book.sheets.indexOf(set), 1);
    gas.props.data.NTM_SETTINGS = JSON.stringify({ setId: "thon-ntm-bac-kan-2022-2025", year: 2024 });
    gas.book.active = sheet;
    g.ntmMenuEvaluate!();
    expect(sheet.cell(7, 24)).toBe("10");
    g.ntmMenuReport!();
    const report = gas.book.getSheetByName(REPORT_SHEET)!;
    for (const name of [...names, "@x"]) expect(report.values.flat()).toContain(name);
    for (const s of [sheet, report, set]) expect(s.formulas.flat().filter(Boolean)).toEqual([]);
  });

  it("the sidebar's server calls return plain data", () => {
    const gas = fakeGas([villageGrid()]);
    const g = runBundle(code, gas);
    const saved = g.ntmSaveSettings!({ setId: "thon-ntm-bac-kan-2022-2025", region: "", year: "2024", lang: "vi" }) as { ok: boolean };
    expect(saved.ok).toBe(true);
    const state = g.ntmSidebarState!() as { settings: { setId: string; year: number }; sets: Array<{ id: string }> };
    expect(state.settings).toMatchObject({ setId: "thon-ntm-bac-kan-2022-2025", year: 2024 });
    expect(state.sets.map((x) => x.id)).toEqual(builtInSetIds());
    const r = g.ntmSidebarEvaluate!() as { ok: boolean; view: { units: unknown[]; columns: unknown[] } };
    expect(r.ok).toBe(true);
    expect(r.view.units).toHaveLength(4);
    // google.script.run passes only plain values: the view survives a JSON round trip unchanged.
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(getBuiltInSet("thon-ntm-bac-kan-2022-2025")).toBeDefined();
  });
});
