// A province's set baked into the Excel add-in: tools/set-from-workbook.ts (the province's
// NTM_BoTieuChi workbook or a JSON set, validated, to JSON), excel-addin/bakeSet.cjs (what the webpack
// config defines) and shared/catalog/bakedSets.ts (the catalog that then lists it). Building the whole
// add-in is slow, so each link is tested on its own, plus a small real webpack compile of the hook.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getBuiltInSet, lookupThreshold, type CriteriaSet } from "../shared/index.js";
import { main, setFromFile } from "../tools/set-from-workbook.js";

const require = createRequire(import.meta.url);
const { bakedSetDefinitions, bakedSetPlugin } = require("../excel-addin/bakeSet.cjs") as {
  bakedSetDefinitions: (env: object) => Record<string, string>;
  bakedSetPlugin: (env: object) => { definitions: Record<string, string> } | null;
};

const ID = "xa-ntm-tinh-bac-kan-2021-2025";
let dir: string;
let province: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "ntm-bake-"));
  province = path.join(dir, "tinh.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("NTM_BoTieuChi");
  for (const r of [
    ["Mã bộ tiêu chí", ID],
    ["Tên bộ tiêu chí", "Bộ tiêu chí xã nông thôn mới tỉnh Bắc Kạn (mức của tỉnh)"],
    ["Kế thừa", "xa-ntm-2021-2025"],
    [],
    ["Tiêu chí số", "Mã chỉ tiêu", "Loại", "So sánh", "Vùng", "Năm", "Ngưỡng", "Nguồn", "Đã xác nhận"],
    [10, "10", "số", "≥", "tdmnpb", 2024, 50, "123/QĐ-UBND, tiêu chí 10", "Có"],
  ])
    ws.addRow(r);
  await wb.xlsx.writeFile(province);
});

function run(args: string[]) {
  let out = "";
  let err = "";
  const code = main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const income = (set: CriteriaSet) => set.criteria.find((c) => c.no === 10)!.indicators.find((i) => i.code === "10")!;

describe("tools/set-from-workbook.ts", () => {
  it("turns the province's NTM_BoTieuChi into a complete set: its own level where it sets one, the national set elsewhere", () => {
    const r = run([province]);
    expect(r.code, r.err).toBe(0);
    const set = JSON.parse(r.out) as CriteriaSet;
    expect(set).toMatchObject({ id: ID, level: "xa", title: "Bộ tiêu chí xã nông thôn mới tỉnh Bắc Kạn (mức của tỉnh)" });
    expect(lookupThreshold(income(set), "tdmnpb", 2024)).toMatchObject({ ok: true, entry: { value: 50, source: "123/QĐ-UBND, tiêu chí 10", confirmed: true } });
    // Inherited, as the catalog has it (unconfirmed 42 for 2023).
    expect(lookupThreshold(income(set), "tdmnpb", 2023)).toMatchObject({ ok: true, entry: { value: 42, confirmed: false } });
    expect(set.criteria).toHaveLength(getBuiltInSet("xa-ntm-2021-2025")!.criteria.length);
  });

  it("writes --out and accepts the JSON back", () => {
    const out = path.join(dir, "bo-tieu-chi.json");
    const r = run([province, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    expect(r.err).toMatch(new RegExp(`^Đã ghi .*bo-tieu-chi\\.json: bộ tiêu chí ${ID}, 19 tiêu chí, \\d+ ngưỡng có giá trị\\n$`));
    expect(setFromFile(out)).toEqual(JSON.parse(readFileSync(out, "utf8")));
  });

  it("refuses what would be a guess or would replace a shipped set (exit 1), and wrong usage (exit 2)", () => {
    const shipped = path.join(dir, "quoc-gia.json");
    writeFileSync(shipped, JSON.stringify(getBuiltInSet("xa-ntm-2021-2025")));
    expect(run([shipped]).err).toBe(
      'set-from-workbook: quoc-gia.json: mã bộ tiêu chí "xa-ntm-2021-2025" là mã của một bộ có sẵn; bộ của tỉnh cần mã riêng (ví dụ xa-ntm-bac-kan-2021-2025) và dòng "Kế thừa" xa-ntm-2021-2025 trên trang NTM_BoTieuChi\n',
    );
    const bad = path.join(dir, "sai.json");
    const set = JSON.parse(run([province]).out) as CriteriaSet;
    income(set).thresholds[0]!.source = "";
    writeFileSync(bad, JSON.stringify(set));
    const r = run([bad, "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^set-from-workbook: sai\.json: not a valid criteria set:\n {2}criteria\.9\.indicators\.0\.thresholds\.0\.source: a threshold needs its source/);
    writeFileSync(path.join(dir, "x.csv"), "a;b");
    expect(run([path.join(dir, "x.csv")])).toMatchObject({ code: 1, err: expect.stringContaining("x.csv: cần một bảng tính .xlsx/.xlsm có trang NTM_BoTieuChi") });
    expect(run([]).code).toBe(2);
  });
});

describe("excel-addin/bakeSet.cjs (what webpack.config.cjs calls)", () => {
  it("defines nothing without --env setFile", () => {
    expect(bakedSetDefinitions({})).toEqual({});
    expect(bakedSetPlugin({})).toBeNull();
  });

  it("defines __NTM_BAKED_SETS__ as the set the tool reads", () => {
    const defs = bakedSetDefinitions({ setFile: province });
    expect(Object.keys(defs)).toEqual(["__NTM_BAKED_SETS__"]);
    expect(JSON.parse(defs.__NTM_BAKED_SETS__!)).toEqual([setFromFile(province)]);
  }, 60_000);

  it("stops the build with the tool's message when the set cannot be used", () => {
    expect(() => bakedSetDefinitions({ setFile: path.join(dir, "khong-co.xlsx") })).toThrow(/^--env setFile=.*khong-co\.xlsx: set-from-workbook: .*khong-co\.xlsx: không mở được tệp$/);
  }, 60_000);

  it("is in the add-in's webpack config only when asked", () => {
    const config = require("../excel-addin/webpack.config.cjs") as (env: object, argv: object) => { plugins: Array<{ constructor: { name: string }; definitions?: Record<string, string> }> };
    const json = path.join(dir, "bo-tieu-chi.json");
    writeFileSync(json, JSON.stringify(setFromFile(province)));
    const withSet = config({ setFile: json }, { mode: "production" }).plugins.filter((p) => p.constructor.name === "DefinePlugin");
    expect(withSet).toHaveLength(1);
    expect(JSON.parse(withSet[0]!.definitions!.__NTM_BAKED_SETS__!)[0].id).toBe(ID);
    expect(config({}, { mode: "production" }).plugins.filter((p) => p.constructor.name === "DefinePlugin")).toEqual([]);
  }, 60_000);

  it("really replaces the hook in a webpack build", async () => {
    const webpack = require("webpack") as typeof import("webpack");
    const plugin = bakedSetPlugin({ setFile: path.join(dir, "bo-tieu-chi.json") })!;
    const out = path.join(dir, "bundle");
    const stats = await new Promise<import("webpack").Stats>((resolve, reject) =>
      webpack(
        {
          mode: "production",
          context: path.resolve("."),
          entry: "./shared/catalog/bakedSets.ts",
          target: "node",
          output: { path: out, filename: "baked.cjs", library: { type: "commonjs2" } },
          resolve: { extensions: [".ts", ".js"] },
          module: { rules: [{ test: /\.ts$/, loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } }] },
          plugins: [plugin as never],
        },
        (err, s) => (err || !s ? reject(err) : resolve(s)),
      ),
    );
    expect(stats.hasErrors(), stats.toString("errors-only")).toBe(false);
    const { bakedSets } = require(path.join(out, "baked.cjs")) as { bakedSets: () => Array<{ id: string }> };
    expect(bakedSets().map((s) => s.id)).toEqual([ID]);
  }, 120_000);
});

describe("the catalog of a build with a baked set (shared/catalog/bakedSets.ts)", () => {
  const g = globalThis as { __NTM_BAKED_SETS__?: unknown[] };
  afterEach(() => {
    delete g.__NTM_BAKED_SETS__;
    vi.resetModules();
  });

  it("lists it as one more built-in set, with its thresholds", async () => {
    g.__NTM_BAKED_SETS__ = [setFromFile(province)];
    vi.resetModules();
    const catalog = await import("../shared/catalog/builtin.js");
    expect(catalog.builtInSetIds()).toEqual(["xa-ntm-2021-2025", "xa-ntm-nang-cao-2021-2025", "thon-ntm-bac-kan-2022-2025", "ban-ntm-lai-chau-2021-2025", "huyen-ntm-2021-2025", ID]);
    expect(lookupThreshold(income(catalog.getBuiltInSet(ID)!), "tdmnpb", 2024)).toMatchObject({ ok: true, entry: { value: 50 } });
  });

  it("never lets it replace a shipped set", async () => {
    g.__NTM_BAKED_SETS__ = [{ ...getBuiltInSet("xa-ntm-2021-2025")!, title: "thay thế" }];
    vi.resetModules();
    const catalog = await import("../shared/catalog/builtin.js");
    expect(catalog.builtInSetIds()).toHaveLength(5);
    expect(catalog.getBuiltInSet("xa-ntm-2021-2025")!.title).toBe(getBuiltInSet("xa-ntm-2021-2025")!.title);
  });

  it("holds no baked set in an ordinary build", async () => {
    vi.resetModules();
    const { bakedSets } = await import("../shared/catalog/bakedSets.js");
    expect(bakedSets()).toEqual([]);
  });
});
