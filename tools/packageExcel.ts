// `npm run package:excel -- --url https://its.host/ntm/`: the Excel add-in ready for a district's web server.
// Builds in production mode for that address, checks the built manifest offline (every URL under the address
// and present in the folder), and writes
//   dist/ntm-excel-<version>/       the folder to copy to the server as it is
//   dist/ntm-excel-<version>.zip    the same files (manifest.xml, taskpane.html, *.js, functions.json, functions-en.json, help.html,
//                                   assets/, HUONG-DAN.txt), byte for byte the same for the same sources
//
//   npx tsx tools/packageExcel.ts --url https://its.host/ntm/ [--out DIR] [--lang en]
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync, type Zippable } from "fflate";
import { checkManifest, formatProblems } from "./validateManifest.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
type Lang = "vi" | "en";

export class PackageError extends Error {}

/** The hosting address, normalised (no trailing slash), or a PackageError saying what is wrong with it. */
export function hostingUrl(raw: string | undefined, lang: Lang): string {
  const vi = lang === "vi";
  if (!raw)
    throw new PackageError(
      vi
        ? "Thiếu --url: địa chỉ https nơi sẽ đặt add-in, ví dụ npm run package:excel -- --url https://ntm.huyen.gov.vn/excel/"
        : "Missing --url: the https address the add-in will be served from, e.g. npm run package:excel -- --url https://ntm.district.gov.vn/excel/",
    );
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new PackageError(vi ? `"${raw}" không phải một địa chỉ web (cần dạng https://tên-máy/thư-mục/)` : `"${raw}" is not a web address (expected https://host/folder/)`);
  }
  if (u.protocol !== "https:") {
    throw new PackageError(
      vi
        ? `Địa chỉ phải bắt đầu bằng https:// (đang là ${u.protocol}//): Excel chỉ nạp add-in qua HTTPS. Hãy đặt các tệp lên máy chủ web có chứng chỉ TLS rồi dùng địa chỉ https:// của nó.`
        : `The address must start with https:// (it is ${u.protocol}//): Excel loads add-ins over HTTPS only. Serve the files from a web server with a TLS certificate and use its https:// address.`,
    );
  }
  if (u.username || u.password || u.search || u.hash)
    throw new PackageError(vi ? `Địa chỉ không được chứa tên đăng nhập, "?" hay "#": ${raw}` : `The address may not carry a user name, "?" or "#": ${raw}`);
  return `${u.origin}${u.pathname}`.replace(/\/+$/, "");
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split("\\").join("/"));
    }
  };
  walk(dir);
  return out;
}

function readme(url: string, version: string): string {
  return [
    `Phần bổ trợ Excel "Tiêu chí nông thôn mới" ${version}, dựng cho địa chỉ ${url}/`,
    "",
    `1. Chép toàn bộ thư mục này (trừ tệp này nếu muốn) lên máy chủ web sao cho ${url}/taskpane.html mở được.`,
    "   Máy chủ phải dùng HTTPS với chứng chỉ hợp lệ; tệp .json phải trả về kiểu application/json.",
    "2. Triển khai manifest.xml: trung tâm quản trị Microsoft 365 (Thiết đặt > Ứng dụng tích hợp > Tải lên ứng dụng tùy chỉnh),",
    "   hoặc thư mục chia sẻ (Trusted Add-in Catalogs) cho Excel trên Windows. Xem docs/publishing-excel.md.",
    "3. Cập nhật: dựng lại với cùng --url, chép đè các tệp; tăng <Version> trong manifest.xml khi chữ ký hàm thay đổi.",
    "",
    `The Excel add-in "New rural criteria" ${version}, built for ${url}/`,
    `1. Copy this folder to a web server so that ${url}/taskpane.html opens (HTTPS with a valid certificate; .json as application/json).`,
    "2. Deploy manifest.xml: Microsoft 365 admin center (Settings > Integrated apps > Upload custom apps) or a shared-folder catalog",
    "   for Excel on Windows. See docs/publishing-excel.md.",
    "3. To update: rebuild with the same --url and copy the files over; raise <Version> in manifest.xml when function signatures change.",
    "",
  ].join("\r\n");
}

async function build(url: string, outDir: string): Promise<void> {
  const webpack = require("webpack") as typeof import("webpack");
  const config = require(join(root, "excel-addin", "webpack.config.cjs")) as (env: object, argv: object) => import("webpack").Configuration;
  await new Promise<void>((ok, fail) =>
    webpack(config({ url, out: outDir }, { mode: "production" }), (err, stats) => {
      if (err) return fail(err);
      if (stats?.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true })));
      ok();
    }),
  );
}

/** Builds, checks and zips; returns the folder, the zip and the files in it. */
export async function packageExcel(opts: { url: string; outDir?: string; lang?: Lang }): Promise<{ folder: string; zip: string; files: string[]; url: string }> {
  const lang = opts.lang ?? "vi";
  const url = hostingUrl(opts.url, lang);
  const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
  const out = resolve(opts.outDir ?? join(root, "dist"));
  const name = `ntm-excel-${version}`;
  const folder = join(out, name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  await build(url, folder);
  writeFileSync(join(folder, "HUONG-DAN.txt"), readme(url, version));

  const manifest = readFileSync(join(folder, "manifest.xml"), "utf8");
  const problems = checkManifest(manifest, { baseUrl: url, filesDir: folder });
  if (problems.length) throw new PackageError(formatProblems(join(folder, "manifest.xml"), problems, lang));

  const files = filesUnder(folder);
  // A fixed date (or SOURCE_DATE_EPOCH): the same sources give the same zip.
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const mtime = Number.isFinite(epoch) && epoch > 315532800 ? new Date(epoch * 1000) : new Date(Date.UTC(1980, 0, 2));
  const entries: Zippable = {};
  for (const f of files) entries[f] = [readFileSync(join(folder, f)), { mtime, level: /\.(png)$/.test(f) ? 0 : 9 }];
  const zip = join(out, `${name}.zip`);
  writeFileSync(zip, zipSync(entries, { mtime }));
  return { folder, zip, files, url };
}

async function main(argv: string[]): Promise<number> {
  const flag = (n: string) => {
    const i = argv.findIndex((a) => a === n || a.startsWith(`${n}=`));
    if (i < 0) return undefined;
    return argv[i]!.includes("=") ? argv[i]!.slice(argv[i]!.indexOf("=") + 1) : argv[i + 1];
  };
  const lang: Lang = flag("--lang") === "en" ? "en" : "vi";
  try {
    const out = flag("--out");
    const r = await packageExcel({ url: flag("--url") ?? "", ...(out ? { outDir: out } : {}), lang });
    const size = (statSync(r.zip).size / 1024).toFixed(0);
    console.log(
      lang === "vi"
        ? `Đã dựng add-in cho ${r.url}/\n  Thư mục: ${r.folder}\n  Tệp nén: ${r.zip} (${size} KB, ${r.files.length} tệp)\n  Bước tiếp: chép các tệp lên máy chủ tại ${r.url}/, rồi triển khai manifest.xml (docs/publishing-excel.md).`
        : `Built the add-in for ${r.url}/\n  Folder: ${r.folder}\n  Zip: ${r.zip} (${size} KB, ${r.files.length} files)\n  Next: copy the files to the server at ${r.url}/, then deploy manifest.xml (docs/publishing-excel.md).`,
    );
    return 0;
  } catch (e) {
    console.error(e instanceof PackageError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e));
    return e instanceof PackageError ? 2 : 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2)).then((code) => process.exit(code));
