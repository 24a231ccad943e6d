// `npm run dev-server`: builds the Excel add-in for https://localhost:PORT in development mode, rebuilds on
// every change, and serves dist/excel over HTTPS with the Office development certificates
// (office-addin-dev-certs: ~/.office-addin-dev-certs/localhost.crt and .key, trusted through its CA).
//
//   npx tsx tools/devServer.ts [--port 3000] [--cert FILE --key FILE] [--self-signed] [--no-build] [--dir DIR] [--lang en]
//     --self-signed  no development CA can be installed here: make an untrusted certificate (the browser warns,
//                    Office refuses it) in node_modules/.cache/ntm-dev-certs
//     --no-build     serve what is already in --dir (default dist/excel)
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:https";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { homedir } from "node:os";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
export type Lang = "vi" | "en";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

export interface Tls {
  cert: Buffer;
  key: Buffer;
  ca?: Buffer;
  /** Where the certificate came from, for the message. */
  source: string;
}

/** The certificate directory office-addin-dev-certs uses (its defaults.certificateDirectory). */
export const DEV_CERTS_DIR = join(homedir(), ".office-addin-dev-certs");
const SELF_SIGNED_DIR = join(root, "node_modules", ".cache", "ntm-dev-certs");

/** Explicit files, else the Office development certificates if installed, else (on request) a self-signed pair. */
export async function loadCertificates(opts: { cert?: string; key?: string; selfSigned?: boolean }): Promise<Tls | undefined> {
  if (opts.cert || opts.key) {
    if (!opts.cert || !opts.key) throw new Error("--cert and --key go together");
    return { cert: readFileSync(opts.cert), key: readFileSync(opts.key), source: opts.cert };
  }
  const devCert = join(DEV_CERTS_DIR, "localhost.crt");
  const devKey = join(DEV_CERTS_DIR, "localhost.key");
  if (existsSync(devCert) && existsSync(devKey)) {
    const ca = join(DEV_CERTS_DIR, "ca.crt");
    return { cert: readFileSync(devCert), key: readFileSync(devKey), ...(existsSync(ca) ? { ca: readFileSync(ca) } : {}), source: devCert };
  }
  if (!opts.selfSigned) return undefined;
  const cert = join(SELF_SIGNED_DIR, "localhost.crt");
  const key = join(SELF_SIGNED_DIR, "localhost.key");
  const ca = join(SELF_SIGNED_DIR, "ca.crt");
  if (!existsSync(cert) || !existsSync(key)) {
    mkdirSync(SELF_SIGNED_DIR, { recursive: true });
    // The same generator office-addin-dev-certs uses, without installing its CA anywhere.
    const { generateCertificates } = require("office-addin-dev-certs") as { generateCertificates(ca: string, cert: string, key: string, days?: number): Promise<void> };
    await generateCertificates(ca, cert, key, 30);
  }
  return { cert: readFileSync(cert), key: readFileSync(key), ca: readFileSync(ca), source: `${cert} (self-signed)` };
}

export interface DevServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** A static HTTPS server for `dir` (CORS open, no caching, no path outside `dir`). */
export async function serveHttps(dir: string, port: number, tls: Tls, host = "localhost"): Promise<DevServer> {
  const base = resolve(dir);
  const server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    let path: string;
    try {
      path = decodeURIComponent((req.url ?? "/").split(/[?#]/)[0]!);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = normalize(join(base, path === "/" ? "taskpane.html" : path));
    const headers = { "access-control-allow-origin": "*", "cache-control": "no-store" };
    if ((file !== base && !file.startsWith(base + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok());
  });
  const actual = (server.address() as AddressInfo).port;
  return { url: `https://localhost:${actual}`, server, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

/** Builds dist/excel for the address in development mode and keeps rebuilding; resolves after the first build. */
export function watchExcelBuild(url: string, onBuild: (ok: boolean, text: string) => void): Promise<{ close(): Promise<void> }> {
  const webpack = require("webpack") as typeof import("webpack");
  const config = require(join(root, "excel-addin", "webpack.config.cjs")) as (env: object, argv: object) => import("webpack").Configuration;
  const compiler = webpack(config({ url }, { mode: "development" }));
  return new Promise((ok) => {
    let first = true;
    const watching = compiler.watch({ aggregateTimeout: 300 }, (err, stats) => {
      const failed = !!err || !!stats?.hasErrors();
      onBuild(!failed, err ? String(err) : (stats?.toString({ all: false, errors: true, warnings: false }) ?? ""));
      if (first) {
        first = false;
        ok({ close: () => new Promise<void>((done) => (watching ? watching.close(() => done()) : done())) });
      }
    });
  });
}

export function certificateHelp(lang: Lang): string {
  return lang === "vi"
    ? [
        "Chưa có chứng chỉ phát triển cho https://localhost.",
        "  • Cài một lần: npm run dev-certs   (office-addin-dev-certs install: tạo ~/.office-addin-dev-certs và tin cậy CA của nó;",
        "    Windows hỏi xác nhận, macOS hỏi mật khẩu, Linux chạy sudo update-ca-certificates).",
        "  • Không cài được CA trên máy này (không có quyền quản trị, máy CI, Linux không có sudo):",
        "    thêm --self-signed (npm start -- --self-signed, npm run dev-server -- --self-signed): chứng chỉ tự ký, trình duyệt cảnh báo, Excel không tin,",
        "    hoặc --cert tệp.crt --key tệp.key với chứng chỉ do đơn vị cấp cho tên máy,",
        "    hoặc dựng bản của mình lên một máy chủ https thật: npm run package:excel -- --url https://…",
      ].join("\n")
    : [
        "No development certificate for https://localhost yet.",
        "  • Install once: npm run dev-certs   (office-addin-dev-certs install: creates ~/.office-addin-dev-certs and trusts its CA;",
        "    Windows asks for confirmation, macOS for your password, Linux runs sudo update-ca-certificates).",
        "  • Cannot install a CA on this machine (no admin rights, a CI machine, Linux without sudo):",
        "    add --self-signed (npm start -- --self-signed, npm run dev-server -- --self-signed): a self-signed certificate the browser warns about and Excel does not trust,",
        "    or --cert file.crt --key file.key with a certificate issued for the machine's name,",
        "    or put your build on a real https server: npm run package:excel -- --url https://…",
      ].join("\n");
}

export function parseFlags(argv: string[]): { flags: Map<string, string | true>; lang: Lang } {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith("--")) continue;
    const eq = a.indexOf("=");
    if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith("--")) flags.set(a.slice(2), argv[++i]!);
    else flags.set(a.slice(2), true);
  }
  return { flags, lang: flags.get("lang") === "en" ? "en" : "vi" };
}

/** Starts the build and the server; returns once both are up. */
export async function startDevServer(argv: string[]): Promise<{ url: string; dir: string; close(): Promise<void> } | undefined> {
  const { flags, lang } = parseFlags(argv);
  const port = Number(flags.get("port") ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(lang === "vi" ? `Cổng không hợp lệ: ${flags.get("port")}` : `Not a port: ${flags.get("port")}`);
  const dir = resolve(String(flags.get("dir") ?? join(root, "dist", "excel")));
  const tls = await loadCertificates({
    ...(typeof flags.get("cert") === "string" ? { cert: flags.get("cert") as string } : {}),
    ...(typeof flags.get("key") === "string" ? { key: flags.get("key") as string } : {}),
    selfSigned: flags.has("self-signed"),
  });
  if (!tls) {
    console.error(certificateHelp(lang));
    return undefined;
  }
  const url = `https://localhost:${port}`;
  let build: { close(): Promise<void> } | undefined;
  if (!flags.has("no-build")) {
    console.log(lang === "vi" ? `Đang dựng dist/excel cho ${url} (chế độ phát triển, tự dựng lại khi sửa mã)…` : `Building dist/excel for ${url} (development mode, rebuilt on every change)…`);
    build = await watchExcelBuild(url, (ok, text) => {
      const time = new Date().toLocaleTimeString();
      if (ok) console.log(lang === "vi" ? `[${time}] Đã dựng xong.` : `[${time}] Build done.`);
      else console.error(`[${time}] ${lang === "vi" ? "Dựng lỗi" : "Build failed"}:\n${text}`);
    });
  }
  if (!existsSync(join(dir, "taskpane.html")))
    console.error(lang === "vi" ? `Chưa có ${join(dir, "taskpane.html")}: chạy npm run build:excel` : `${join(dir, "taskpane.html")} is missing: run npm run build:excel`);
  const server = await serveHttps(dir, port, tls);
  console.log(lang === "vi" ? `Đang phục vụ ${dir} tại ${server.url}/ (chứng chỉ: ${tls.source}). Ctrl-C để dừng.` : `Serving ${dir} at ${server.url}/ (certificate: ${tls.source}). Ctrl-C to stop.`);
  console.log(lang === "vi" ? `Bản kê khai: ${join(dir, "manifest.xml")}` : `Manifest: ${join(dir, "manifest.xml")}`);
  return {
    url: server.url,
    dir,
    close: async () => {
      await build?.close();
      await server.close();
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  startDevServer(process.argv.slice(2)).then(
    (s) => {
      if (!s) process.exit(1);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    },
  );
}
