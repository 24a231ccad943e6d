// The one-file command line (npm run package:cli): built into test-output/, copied alone into a temporary
// folder with no node_modules anywhere above it, run on the sample workbooks, and compared with the
// in-repo command line (cli/ntm.ts through tsx) run the same way on the same files.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { packageCli } from "../tools/packageCli.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT = path.join(ROOT, "test-output", "ntm-cli");
const require = createRequire(import.meta.url);
let bundle: { file: string; bytes: number };

/** A folder under the system's temp dir holding only `files`; no node_modules in it or above it. */
function isolated(files: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ntm-cli-bundle-"));
  for (const f of files) copyFileSync(f, path.join(dir, path.basename(f)));
  for (let d = dir; d !== path.dirname(d); d = path.dirname(d)) expect(existsSync(path.join(d, "node_modules")), d).toBe(false);
  return dir;
}

const env = { ...process.env, NODE_PATH: "", NODE_OPTIONS: "", FORCE_COLOR: "0" };

function runBundle(dir: string, args: string[]) {
  return spawnSync(process.execPath, [path.join(dir, "ntm.cjs"), ...args], { cwd: dir, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

function runRepo(dir: string, args: string[]) {
  const tsx = pathToFileURL(require.resolve("tsx/esm")).href;
  return spawnSync(process.execPath, ["--import", tsx, path.join(ROOT, "cli", "ntm.ts"), ...args], { cwd: dir, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

beforeAll(async () => {
  bundle = await packageCli({ outDir: OUT });
}, 180_000);

describe("npm run package:cli", () => {
  it("writes one JavaScript file (with its licence notices) and a Vietnamese README", () => {
    const files = readdirSync(OUT).sort();
    expect(files).toEqual(["README.txt", "ntm.cjs", "ntm.cjs.LICENSE.txt"]);
    const readme = readFileSync(path.join(OUT, "README.txt"), "utf8");
    expect(readme).toContain("node ntm.cjs evaluate");
    expect(readme).toMatch(/Cần: Node\.js 20 trở lên/);
    const js = readFileSync(bundle.file, "utf8");
    expect(js.startsWith("#!/usr/bin/env node")).toBe(true);
    // Only Node's own modules are left to require(): no package is looked up at run time.
    const required = new Set([...js.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!));
    expect(required.size).toBeGreaterThan(3);
    for (const r of required) expect(builtinModules.includes(r.replace(/^node:/, "")), `ntm.cjs requires ${r}`).toBe(true);
  });

  it.each([
    ["huyen-cac-xa-2024.xlsx", ["--region", "tdmnpb", "--year", "2024"]],
    ["huyen-cac-thon-2024.xlsx", ["--year", "2024"]],
    ["xa-thanh-van-tu-danh-gia-2024.xlsx", ["--region", "tdmnpb", "--year", "2024"]],
  ])("alone in a folder without node_modules, gives the in-repo command line's --json on %s", (sample, flags) => {
    const input = path.join(ROOT, "samples", sample);
    const alone = isolated([bundle.file, input]);
    const repo = isolated([input]);
    const args = ["evaluate", sample, ...flags, "--out", "copy.xlsx", "--json"];
    const a = runBundle(alone, args);
    expect(a.stderr).toBe("");
    expect(a.status).toBe(0);
    const b = runRepo(repo, args);
    expect(b.status, b.stderr).toBe(0);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
    expect(JSON.parse(a.stdout).units.length).toBeGreaterThan(0);
    // The highlighted copy is the same package too.
    expect(readFileSync(path.join(alone, "copy.xlsx")).equals(readFileSync(path.join(repo, "copy.xlsx")))).toBe(true);
  }, 60_000);

  it("answers usage errors and --help as the in-repo command line does", () => {
    const alone = isolated([bundle.file]);
    const help = runBundle(alone, ["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("ntm evaluate");
    const bad = runBundle(alone, ["evaluate", "khong-co.xlsx"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("khong-co.xlsx");
    expect(runBundle(alone, ["evaluate"]).status).toBe(2);
  });
});
