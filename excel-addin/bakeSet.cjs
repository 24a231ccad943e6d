// The Excel add-in built with a province's own criteria set in it (webpack.config.cjs,
// `npm run build:excel -- --env setFile=PATH`): PATH is the province's workbook with its
// NTM_BoTieuChi sheet (.xlsx/.xlsm) or a JSON set. tools/set-from-workbook.ts reads and validates
// it (the same reader and rules as `ntm evaluate --set-file`; an id of a shipped set is refused),
// and the set is defined as __NTM_BAKED_SETS__, which shared/catalog/bakedSets.ts hands to the
// catalog: one more built-in set, listed in the task pane and usable by the functions.
const { execFileSync } = require("node:child_process");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const TOOL = path.join(ROOT, "tools", "set-from-workbook.ts");

/** The set in `setFile` as JSON data, validated; throws an Error with the tool's message when it cannot be used. */
function readBakedSet(setFile, lang = "vi") {
  const file = path.resolve(String(setFile));
  let out;
  try {
    out = execFileSync(process.execPath, [require.resolve("tsx/cli"), TOOL, file, "--lang", lang === "en" ? "en" : "vi"], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    const why = String((e && e.stderr) || (e && e.message) || e).trim();
    throw new Error(`--env setFile=${setFile}: ${why}`);
  }
  return JSON.parse(out);
}

/**
 * What DefinePlugin replaces in the bundle: `__NTM_BAKED_SETS__` as the array of baked sets,
 * or nothing without `env.setFile` (the catalog then holds the shipped sets only).
 */
function bakedSetDefinitions(env = {}) {
  if (!env.setFile) return {};
  const set = readBakedSet(env.setFile, env.lang);
  return { __NTM_BAKED_SETS__: JSON.stringify([set]) };
}

/** The plugin for the webpack config, or null when no set is baked. */
function bakedSetPlugin(env = {}) {
  const definitions = bakedSetDefinitions(env);
  if (Object.keys(definitions).length === 0) return null;
  const { DefinePlugin } = require("webpack");
  return new DefinePlugin(definitions);
}

module.exports = { readBakedSet, bakedSetDefinitions, bakedSetPlugin };
