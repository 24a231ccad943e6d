// Preloaded into a benchmarked child process: writes its peak resident memory (KB) on exit.
import { writeFileSync } from "node:fs";

const file = process.env.NTM_PEAK_RSS_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
