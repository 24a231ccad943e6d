// `npm run package:cli`: the command line for an officer's computer, without git, tsx or node_modules.
//   dist/ntm-cli/ntm.cjs               ONE file: cli/main.ts with every dependency inlined (webpack, target node20)
//   dist/ntm-cli/ntm.cjs.LICENSE.txt   the licence notices of the bundled libraries (the minifier moves them here)
//   dist/ntm-cli/README.txt            how to run it, in Vietnamese then English
// Then `node ntm.cjs evaluate bieu.xlsx --region tdmnpb --year 2024` runs anywhere Node.js 20+ is installed.
//
//   npx tsx tools/packageCli.ts [--out DIR] [--lang en]
import { chmodSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

function readme(version: string): string {
  return [
    `Công cụ dòng lệnh "ntm" ${version}: đánh giá tiêu chí nông thôn mới trên tệp Excel (.xlsx), không cần Excel.`,
    "",
    "Cần: Node.js 20 trở lên (https://nodejs.org, bản LTS). Không cần git, không cần cài thêm gói nào.",
    "Mở cửa sổ lệnh (Windows: cmd hoặc PowerShell) tại thư mục này rồi gõ:",
    "",
    "  node ntm.cjs evaluate bieu-cac-xa.xlsx --region tdmnpb --year 2024",
    "  node ntm.cjs evaluate thu-muc-cac-xa --region tdmnpb --year 2024      (cả thư mục: một báo cáo tổng hợp)",
    "  node ntm.cjs evaluate bieu.xlsx --html bao-cao.html                  (thêm trang báo cáo để in)",
    "  node ntm.cjs --help                                                   (mọi lệnh và tuỳ chọn)",
    "",
    "Kết quả: bản sao có tô màu bên cạnh tệp gốc (*.ntm.xlsx) với trang NTM_BaoCao; tệp gốc không bị thay đổi.",
    "Tên tệp có dấu cách: đặt trong ngoặc kép, ví dụ \"Biểu tự đánh giá.xlsx\".",
    "Ánh xạ cột (--mapping) nên ghi vào một tệp JSON rồi dùng --mapping-file anh-xa.json: không phải lo dấu ngoặc kép của cmd/PowerShell.",
    "Tệp ntm.cjs.LICENSE.txt: giấy phép của các thư viện mã nguồn mở được đóng gói trong ntm.cjs.",
    "",
    `The "ntm" command line ${version}: evaluates "Nông thôn mới" (new rural) criteria on .xlsx files, without Excel.`,
    "Needs Node.js 20 or newer; no git, no packages to install. In a terminal in this folder:",
    "  node ntm.cjs evaluate district.xlsx --region tdmnpb --year 2024 --lang en",
    "  node ntm.cjs --help",
    "The highlighted copy (*.ntm.xlsx, with an NTM_BaoCao sheet) is written next to the input; the input is never modified.",
    "Put a column mapping in a JSON file and pass --mapping-file mapping.json (no shell quoting to get right).",
    "ntm.cjs.LICENSE.txt: the licences of the open-source libraries bundled in ntm.cjs.",
    "",
  ].join("\r\n");
}

/** Builds dist/ntm-cli (or `outDir`): the one-file command line and its README. */
export async function packageCli(opts: { outDir?: string } = {}): Promise<{ folder: string; file: string; bytes: number }> {
  const folder = resolve(opts.outDir ?? join(root, "dist", "ntm-cli"));
  const webpack = require("webpack") as typeof import("webpack");
  const config = require(join(root, "cli", "webpack.config.cjs")) as (env: object, argv: object) => import("webpack").Configuration;
  await new Promise<void>((ok, fail) =>
    webpack(config({ out: folder }, { mode: "production" }), (err, stats) => {
      if (err) return fail(err);
      if (stats?.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true })));
      ok();
    }),
  );
  const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
  writeFileSync(join(folder, "README.txt"), readme(version));
  const file = join(folder, "ntm.cjs");
  // Its first line is "#!/usr/bin/env node": ./ntm.cjs runs it directly on Linux and macOS.
  chmodSync(file, 0o755);
  return { folder, file, bytes: statSync(file).size };
}

async function main(argv: string[]): Promise<number> {
  const at = argv.indexOf("--out");
  const vi = !(argv.includes("--lang") && argv[argv.indexOf("--lang") + 1] === "en");
  try {
    const r = await packageCli(at >= 0 && argv[at + 1] ? { outDir: argv[at + 1]! } : {});
    const mb = (r.bytes / 1024 / 1024).toFixed(1).replace(".", vi ? "," : ".");
    console.log(
      vi
        ? `Đã dựng dòng lệnh một tệp: ${r.file} (${mb} MB)\n  Chép cả thư mục ${r.folder} sang máy cần dùng (có Node.js 20+), rồi: node ntm.cjs evaluate bieu.xlsx --region tdmnpb --year 2024`
        : `Built the one-file command line: ${r.file} (${mb} MB)\n  Copy the folder ${r.folder} to a computer with Node.js 20+, then: node ntm.cjs evaluate file.xlsx --region tdmnpb --year 2024`,
    );
    return 0;
  } catch (e) {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2)).then((code) => process.exit(code));
