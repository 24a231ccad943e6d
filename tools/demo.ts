// The README's main command: evaluates the bundled sample workbooks with the same
// command line a user runs (`ntm evaluate`), writing highlighted copies to out/demo/.
import { existsSync } from "node:fs";
import { runCli } from "../cli/ntm.js";

const lang = process.argv.includes("--lang") && process.argv[process.argv.indexOf("--lang") + 1] === "en" ? "en" : "vi";
const samples = [
  ["samples/xa-thanh-van-tu-danh-gia-2024.xlsx", "--region", "tdmnpb", "--year", "2024"],
  ["samples/huyen-cac-xa-2024.xlsx", "--region", "tdmnpb", "--year", "2024", "--target", "10/2025"],
  ["samples/huyen-cac-thon-2024.xlsx", "--year", "2024", "--target", "1/xã/2025"],
];

let failed = 0;
for (const [file, ...flags] of samples) {
  if (!existsSync(file!)) {
    console.error(`missing sample ${file}: run npx tsx tools/make-samples.ts`);
    failed++;
    continue;
  }
  const args = ["evaluate", file!, ...flags, "--out", "out/demo/", "--lang", lang];
  console.log(`\n$ ntm ${args.join(" ")}`);
  failed += (await runCli(args)) === 0 ? 0 : 1;
}
// Year over year: the same district's villages in 2023 and 2024, criteria kept, lost and gained.
const compare = ["compare", "samples/huyen-cac-thon-2023.xlsx", "samples/huyen-cac-thon-2024.xlsx", "--year", "2023,2024", "--lang", lang];
console.log(`\n$ ntm ${compare.join(" ")}`);
failed += (await runCli(compare)) === 0 ? 0 : 1;
process.exit(failed ? 1 : 0);
