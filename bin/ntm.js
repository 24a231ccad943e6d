#!/usr/bin/env node
// Entry point of `ntm` (package.json "bin"): runs the TypeScript command line through tsx.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../cli/ntm.ts");
process.exit(await runCli(process.argv.slice(2)));
