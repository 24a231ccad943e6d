// The command line as ONE self-contained file for Node 20+ (npm run package:cli, tools/packageCli.ts):
// cli/main.ts with every dependency (exceljs, fflate, saxes, zod...) inlined, so `node ntm.cjs evaluate
// file.xlsx` runs without node_modules, git or tsx. Not part of `npm run build` (the add-ins).
//   --env out=DIR   output folder (tests build into test-output/), default dist/ntm-cli
const path = require("node:path");
const webpack = require("webpack");
const { typeScriptResolve, typeScriptRule } = require("../tools/webpackTs.cjs");

module.exports = (env = {}, argv = {}) => {
  const root = path.resolve(__dirname, "..");
  const production = (argv.mode || "production") === "production";
  return {
    name: "cli",
    mode: production ? "production" : "development",
    target: "node20",
    context: root,
    entry: { ntm: path.join(__dirname, "main.ts") },
    devtool: false,
    output: {
      path: env.out ? path.resolve(root, String(env.out)) : path.join(root, "dist", "ntm-cli"),
      filename: "[name].cjs",
      chunkFormat: "commonjs",
      clean: true,
    },
    resolve: typeScriptResolve({ json: true }),
    module: {
      rules: [typeScriptRule("tsconfig.json", { compilerOptions: { sourceMap: false }, onlyCompileBundledFiles: true, transpileOnly: true })],
    },
    // Node's own modules stay require()s; everything else is inlined.
    externalsPresets: { node: true },
    performance: { hints: false },
    optimization: {
      // No async chunks: one file.
      splitChunks: false,
      runtimeChunk: false,
      minimize: production,
    },
    plugins: [
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new webpack.BannerPlugin({ banner: "#!/usr/bin/env node", raw: true, entryOnly: true }),
    ],
    infrastructureLogging: { level: "error" },
  };
};
