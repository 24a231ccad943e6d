// One multi-config build: each host owns its config next to its code.
// `npm run build` builds both; `--config-name excel|gas` builds one.
const fs = require("node:fs");
const path = require("node:path");

const targets = ["excel-addin", "apps-script"]
  .map((dir) => path.join(__dirname, dir, "webpack.config.cjs"))
  .filter((file) => fs.existsSync(file));

module.exports = (env = {}, argv = {}) => targets.map((file) => require(file)(env, argv));
