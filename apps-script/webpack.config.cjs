// The Google Sheets add-on: one Code.js with top-level functions, plus the manifest and the sidebar.
// Called by the root webpack.config.cjs; `npm run build:gas` builds only this config.
//   --env addon   the Google Workspace Marketplace add-on: onOpen fills the add-on menu under Extensions
//                 (Ui.createAddonMenu) instead of the bound script's own "NTM" menu (src/addonMenu.ts)
const path = require("node:path");
const { readFileSync } = require("node:fs");
const GasPlugin = require("gas-webpack-plugin");
const { DefinePlugin } = require("webpack");
const CopyPlugin = require("copy-webpack-plugin");
const { typeScriptResolve, typeScriptRule } = require("../tools/webpackTs.cjs");

const root = path.resolve(__dirname, "..");

// Parameter names of the custom functions: kept through minification so the stubs Sheets
// reads for autocomplete show them (the plugin copies them from `global.X = function (...)`).
const PARAMS = ["ma_chi_tieu", "gia_tri", "muc_yeu_cau", "tieu_chi", "tieu_de", "bo_tieu_chi", "vung", "nam", "nam_truoc", "nam_nay"];

module.exports = (env = {}, argv = {}) => {
  const production = (argv.mode ?? "production") === "production";
  return {
    name: "gas",
    mode: production ? "production" : "development",
    context: root,
    entry: { Code: path.join(__dirname, "src", "Code.ts") },
    target: ["web", "es2019"],
    devtool: false,
    output: {
      path: path.join(root, "dist", "apps-script"),
      filename: "[name].js",
      clean: true,
      // No chunk loading or module wrappers that Apps Script cannot run.
      chunkFormat: false,
      iife: true,
      environment: { arrowFunction: true, const: true, destructuring: true, forOf: true, optionalChaining: false, templateLiteral: true },
    },
    resolve: typeScriptResolve({ json: true }),
    module: {
      rules: [typeScriptRule("tsconfig.gas.json", { compilerOptions: { target: "ES2019", module: "ESNext", sourceMap: false } })],
    },
    node: { global: true },
    performance: { maxAssetSize: 400 * 1024, maxEntrypointSize: 400 * 1024, hints: production ? "error" : false },
    optimization: {
      // Minify, but keep the JSDoc Sheets reads (@customfunction) and the parameter names.
      minimize: production,
      minimizeOptions: {
        javascript: {
          compress: { passes: 2 },
          mangle: { reserved: PARAMS },
          format: { comments: /@customfunction|@OnlyCurrentDoc/ },
        },
      },
    },
    plugins: [
      new DefinePlugin({ __NTM_ADDON__: JSON.stringify(Boolean(env.addon)) }),
      new GasPlugin({ comment: true }),
      new CopyPlugin({
        patterns: [
          { from: path.join(__dirname, "appsscript.json"), to: "appsscript.json" },
          // Copied as written (no HTML minification): what is reviewed is what is pushed, with the
          // words both add-ins share put in place of __NTM_PANE_STRINGS__.
          {
            from: path.join(__dirname, "sidebar.html"),
            to: "sidebar.html",
            info: { minimized: true },
            transform: (content) => content.toString().replace("__NTM_PANE_STRINGS__", () => readFileSync(path.join(root, "shared", "i18n", "paneStrings.json"), "utf8").trim()),
          },
        ],
      }),
    ],
  };
};
