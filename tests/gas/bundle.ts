// Builds the add-on with the real webpack config (into a temporary folder) and runs the
// built Code.js in node:vm, with the fakes as the Apps Script globals.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import vm from "node:vm";
import webpack from "webpack";
import type { FakeGas } from "./fakes.js";

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");

/** Builds into a fresh temporary folder (dist/ is left alone) and returns that folder; `env` as `--env` gives it ({ addon: true }). */
export async function buildBundle(outDir = mkdtempSync(path.join(tmpdir(), "ntm-gas-")), env: Record<string, unknown> = {}): Promise<string> {
  const factory = require(path.join(ROOT, "apps-script", "webpack.config.cjs")) as (env: object, argv: object) => webpack.Configuration;
  const config = factory(env, { mode: "production" });
  config.output = { ...config.output, path: outDir };
  config.infrastructureLogging = { level: "error" };
  await new Promise<void>((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString({ all: false, errors: true }) ?? "webpack failed"));
      resolve();
    });
  });
  return outDir;
}

export type BundleGlobals = Record<string, (...args: unknown[]) => unknown>;

/** Runs Code.js in a fresh context holding only the fakes: no Node or DOM globals, as in Apps Script. */
export function runBundle(code: string, gas: FakeGas): BundleGlobals {
  // No eval / new Function either: zod runs jitless, so the engine needs no code generation.
  const context = vm.createContext({ ...gas.globals() }, { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext(code, context, { filename: "Code.js" });
  return context as unknown as BundleGlobals;
}

export function readBundle(dir: string): { code: string; manifest: string; sidebar: string } {
  return {
    code: readFileSync(path.join(dir, "Code.js"), "utf8"),
    manifest: readFileSync(path.join(dir, "appsscript.json"), "utf8"),
    sidebar: readFileSync(path.join(dir, "sidebar.html"), "utf8"),
  };
}

/** Builds into a temporary folder, reads the three files and removes the folder. */
export async function buildAndRead(env: Record<string, unknown> = {}): Promise<{ code: string; manifest: string; sidebar: string }> {
  const dir = await buildBundle(undefined, env);
  try {
    return readBundle(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
