// Entry of the self-contained command line (npm run package:cli -> dist/ntm-cli/ntm.cjs): the same
// runCli as bin/ntm.js and `npm run ntm`, bundled with its dependencies into one file for Node 20+.
import { endQuietlyOnClosedPipe } from "./io.js";
import { runCli } from "./ntm.js";

endQuietlyOnClosedPipe();
// exitCode, not exit(): a large --json document on a pipe must drain before the process ends.
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
