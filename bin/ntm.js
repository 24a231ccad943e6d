#!/usr/bin/env node
// Entry point of `ntm` (package.json "bin"): runs the TypeScript command line through tsx.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../cli/ntm.ts");
const { endQuietlyOnClosedPipe } = await import("../cli/io.ts");
endQuietlyOnClosedPipe();
// exitCode, not exit(): a large --json document on a pipe must drain before the process ends.
process.exitCode = await runCli(process.argv.slice(2));
