// Runs the type checks and the vitest suite, then prints the closing line CI reads:
// "N passed, N failed" (vitest's own summary is not one CI recognises).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";

const bin = (name) => `node_modules/.bin/${name}`;
const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit" }).status ?? 1;

let failedChecks = 0;
// Every target has its own tsconfig (tsconfig.*.json): the engine's has no DOM and no Node types.
const projects = readdirSync(".").filter((f) => /^tsconfig(\.[\w-]+)?\.json$/.test(f)).sort();
for (const project of projects) {
  if (run(bin("tsc"), ["-p", project]) !== 0) {
    console.error(`Type check failed: ${project}`);
    failedChecks++;
  }
}

const report = ".vitest.json";
rmSync(report, { force: true });
const status = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${report}`, ...process.argv.slice(2)]);
let passed = 0;
let failed = failedChecks;
try {
  const json = JSON.parse(readFileSync(report, "utf8"));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  // A suite that fails to load has no failed test, yet fails.
  if (status !== 0 && json.numFailedTests === 0) failed += 1;
} catch {
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);
