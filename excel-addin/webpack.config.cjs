// Builds the Excel add-in into dist/excel: taskpane.html (the shared runtime's page, with the
// task pane and the custom functions), the bundles, functions.json and functions-en.json (from the JSDoc's
// structure and the function registry's Vietnamese and English help), icons and
// manifest.xml with the hosting URL.
//   --env url=https://host/path   where dist/excel will be served (default https://localhost:3000)
//   --env officeJs=local          load office.js from ./office/office.js (tests) instead of the CDN
//   --env out=DIR                 output folder (tests build into test-output/), default dist/excel
//   --env setFile=PATH            bake a province's criteria set into the add-in: its workbook with an
//                                 NTM_BoTieuChi sheet (.xlsx) or a JSON set (bakeSet.cjs; README "A province's set")
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { bakedSetPlugin } = require("./bakeSet.cjs");
const { typeScriptResolve, typeScriptRule } = require("../tools/webpackTs.cjs");
const { LocalizedFunctionsMetadataPlugin } = require("./functionsMetadata.cjs");

const DEV_URL = "https://localhost:3000";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

module.exports = (env = {}, argv = {}) => {
  const url = String(env.url || DEV_URL).replace(/\/+$/, "");
  if (!/^https:\/\//.test(url) && !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?/.test(url)) {
    throw new Error(`--env url must be an https:// address (Office loads add-ins only over https), got ${url}`);
  }
  const officeJs = env.officeJs === "local" ? "office/office.js" : CDN_OFFICE_JS;
  const production = (argv.mode || "production") === "production";
  const root = path.resolve(__dirname, "..");
  // A province's own set, one more built-in set of this build (none without --env setFile).
  const baked = bakedSetPlugin(env);
  return {
    name: "excel",
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    context: __dirname,
    entry: {
      functions: "./functions/functions.ts",
      taskpane: "./taskpane/taskpane.ts",
    },
    output: {
      path: env.out ? path.resolve(root, String(env.out)) : path.join(root, "dist", "excel"),
      filename: "[name].js",
      clean: true,
    },
    resolve: typeScriptResolve(),
    module: {
      rules: [
        typeScriptRule("tsconfig.excel.json", { onlyCompileBundledFiles: true }),
        // The engine's modules do nothing on import (but the one that installs zod's messages):
        // what the add-in never calls (the command line's reports, the follow-up, the HTML page) is left out.
        { test: /[\\/]shared[\\/](?!catalog[\\/]schema\.ts$).*\.ts$/, sideEffects: false },
      ],
    },
    // One runtime chunk and a shared chunk: the task pane and the functions run in the same
    // page (shared runtime) and must share one copy of the engine and of the settings store.
    optimization: {
      runtimeChunk: "single",
      splitChunks: { chunks: "all", name: "engine", minSize: 0 },
    },
    performance: { hints: false },
    plugins: [
      ...(baked ? [baked] : []),
      new CustomFunctionsMetadataPlugin({ input: path.join(__dirname, "functions", "functions.ts"), output: "functions.json" }),
      // functions.json in Vietnamese and functions-en.json in English, from shared/functions/registry.ts (functionsMetadata.cjs).
      new LocalizedFunctionsMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: path.join(__dirname, "taskpane", "taskpane.html"),
        chunks: ["functions", "taskpane"],
        templateParameters: { officeJs },
        inject: "body",
        scriptLoading: "blocking",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: path.join(__dirname, "assets", "*.png"), to: "assets/[name][ext]" },
          { from: path.join(__dirname, "taskpane", "help.html"), to: "help.html" },
          {
            from: path.join(root, "manifest.xml"),
            to: "manifest.xml",
            transform: (content) => content.toString().split(DEV_URL).join(url),
          },
        ],
      }),
    ],
  };
};
