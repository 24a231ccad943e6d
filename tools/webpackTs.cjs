// What the three webpack builds (Excel add-in, Apps Script, the one-file command line) share: the
// sources import "./x.js" for files that are "./x.ts", and ts-loader compiles them with one of the
// project's tsconfigs (noEmit there, since `npm test` type-checks with the same files).
const path = require("node:path");

/** resolve: TypeScript first; `json` where a bundle inlines JSON modules too. */
function typeScriptResolve({ json = false } = {}) {
  return { extensions: [".ts", ".js", ...(json ? [".json"] : [])], extensionAlias: { ".js": [".ts", ".js"] } };
}

/** The ts-loader rule for `tsconfig` (a file name at the repository's root), with extra compiler/loader options. */
function typeScriptRule(tsconfig, { compilerOptions = {}, ...loaderOptions } = {}) {
  return {
    test: /\.ts$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: { configFile: path.join(__dirname, "..", tsconfig), compilerOptions: { noEmit: false, ...compilerOptions }, ...loaderOptions },
    },
  };
}

module.exports = { typeScriptResolve, typeScriptRule };
