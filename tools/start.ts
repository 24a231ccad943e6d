// `npm start`: the development loop. Starts tools/devServer.ts (build + watch + HTTPS on localhost:3000),
// then sideloads dist/excel/manifest.xml into Excel desktop where the platform allows it, as
// office-addin-dev-settings does (Windows: the per-user developer registry value; Mac: the wef folder),
// and opens Excel. Elsewhere (Linux) it prints the exact steps for Excel on the web.
// `npm stop` (`--stop`) removes the sideloaded add-in again.
//
//   npx tsx tools/start.ts [--web] [--stop] [dev-server flags: --port, --cert/--key, --self-signed] [--lang en]
//
// office-addin-debugging itself is not used: through office-addin-dev-settings it requires
// @microsoft/m365agentstoolkit-cli, whose keytar dependency needs a native build (libsecret) or a binary
// download, so `npm ci` fails on a machine with only the npm registry (checked on Node 20 here).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseFlags, root, startDevServer, type Lang } from "./devServer.js";

export const WINDOWS_DEVELOPER_KEY = "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer";

export type SideloadStep = { kind: "run"; command: string; args: string[] } | { kind: "copy"; from: string; to: string } | { kind: "remove"; path: string };

export interface SideloadPlan {
  /** Desktop sideloading is possible on this platform. */
  desktop: boolean;
  steps: SideloadStep[];
}

/** What sideloading (or removing) the add-in does on a platform. */
export function sideloadPlan(platform: NodeJS.Platform, action: "start" | "stop", manifestPath: string, addinId: string, home = homedir()): SideloadPlan {
  if (platform === "win32") {
    return {
      desktop: true,
      steps:
        action === "start"
          ? [
              { kind: "run", command: "reg", args: ["add", WINDOWS_DEVELOPER_KEY, "/v", addinId, "/t", "REG_SZ", "/d", manifestPath, "/f"] },
              { kind: "run", command: "cmd", args: ["/c", "start", "", "excel"] },
            ]
          : [{ kind: "run", command: "reg", args: ["delete", WINDOWS_DEVELOPER_KEY, "/v", addinId, "/f"] }],
    };
  }
  if (platform === "darwin") {
    const target = join(home, "Library", "Containers", "com.microsoft.Excel", "Data", "Documents", "wef", `${addinId}.manifest.xml`);
    return {
      desktop: true,
      steps:
        action === "start"
          ? [
              { kind: "copy", from: manifestPath, to: target },
              { kind: "run", command: "open", args: ["-a", "Microsoft Excel"] },
            ]
          : [{ kind: "remove", path: target }],
    };
  }
  return { desktop: false, steps: [] };
}

/** The exact manual steps for Excel on the web (Microsoft: "Sideload Office Add-ins to Office on the web"). */
export function webSteps(url: string, manifestPath: string, lang: Lang): string {
  return lang === "vi"
    ? [
        "Excel trên web (máy này không có Excel để cài tự động):",
        `  1. Mở ${url}/taskpane.html trong chính trình duyệt sẽ dùng Excel: trang phải mở được không cảnh báo chứng chỉ`,
        "     (chứng chỉ tự ký: trình duyệt sẽ cảnh báo và add-in có thể không nạp được; xem npm run dev-certs).",
        "  2. Vào https://www.office.com, đăng nhập, mở Excel và tạo một sổ làm việc trống (hoặc mở một tệp trên OneDrive/SharePoint).",
        "  3. Trang đầu (Home) → Phần bổ trợ (Add-ins) → Thêm thiết đặt (More Settings) → Tải lên Phần bổ trợ của tôi (Upload My Add-in).",
        `  4. Chọn tệp ${manifestPath} → Tải lên (Upload).`,
        '  5. Nút "Tiêu chí NTM" hiện trên thẻ Trang đầu; gõ =NTM. vào một ô để thấy các hàm.',
        "  Bản kê khai được giữ trong bộ nhớ của trình duyệt: xoá bộ nhớ đệm hoặc đổi trình duyệt thì phải tải lên lại.",
        "  Mỗi lần sửa mã, máy chủ tự dựng lại; tải lại trang Excel để nạp bản mới.",
      ].join("\n")
    : [
        "Excel on the web (this machine has no Excel to sideload into):",
        `  1. Open ${url}/taskpane.html in the browser you will use Excel in: it must open without a certificate warning`,
        "     (a self-signed certificate makes the browser warn and the add-in may not load; see npm run dev-certs).",
        "  2. Go to https://www.office.com, sign in, open Excel and create a blank workbook (or open a file on OneDrive/SharePoint).",
        "  3. Home → Add-ins → More Settings → Upload My Add-in.",
        `  4. Choose ${manifestPath} → Upload.`,
        '  5. The "NTM criteria" button appears on the Home tab; type =NTM. in a cell to see the functions.',
        "  The manifest is kept in the browser's storage: after clearing the cache or in another browser, upload it again.",
        "  The server rebuilds on every change; reload the Excel page to load the new build.",
      ].join("\n");
}

function addinId(manifestPath: string): string {
  const m = /<Id>\s*([^<\s]+)\s*<\/Id>/.exec(readFileSync(manifestPath, "utf8"));
  if (!m) throw new Error(`no <Id> in ${manifestPath}`);
  return m[1]!;
}

function apply(plan: SideloadPlan, lang: Lang): boolean {
  for (const step of plan.steps) {
    if (step.kind === "copy") {
      mkdirSync(dirname(step.to), { recursive: true });
      copyFileSync(step.from, step.to);
      console.log(lang === "vi" ? `Đã chép bản kê khai vào ${step.to}` : `Copied the manifest to ${step.to}`);
    } else if (step.kind === "remove") {
      if (existsSync(step.path)) rmSync(step.path);
      console.log(lang === "vi" ? `Đã xoá ${step.path}` : `Removed ${step.path}`);
    } else {
      const r = spawnSync(step.command, step.args, { stdio: "inherit" });
      if (r.status !== 0) {
        console.error(lang === "vi" ? `Lệnh thất bại: ${step.command} ${step.args.join(" ")}` : `Command failed: ${step.command} ${step.args.join(" ")}`);
        return false;
      }
    }
  }
  return true;
}

async function main(argv: string[]): Promise<number> {
  const { flags, lang } = parseFlags(argv);
  const manifest = join(root, "dist", "excel", "manifest.xml");
  if (flags.has("stop")) {
    const source = existsSync(manifest) ? manifest : join(root, "manifest.xml");
    const plan = sideloadPlan(process.platform, "stop", manifest, addinId(source));
    if (!plan.desktop) {
      console.log(
        lang === "vi"
          ? "Excel trên web: Trang đầu → Phần bổ trợ → Thêm thiết đặt → chuột phải vào add-in → Loại bỏ (hoặc xoá bộ nhớ đệm của trình duyệt)."
          : "Excel on the web: Home → Add-ins → More Settings → right-click the add-in → Remove (or clear the browser's cache).",
      );
      return 0;
    }
    return apply(plan, lang) ? 0 : 1;
  }
  const server = await startDevServer(argv);
  if (!server) return 1;
  const manifestPath = join(server.dir, "manifest.xml");
  const plan = flags.has("web") ? { desktop: false, steps: [] } : sideloadPlan(process.platform, "start", manifestPath, addinId(manifestPath));
  if (plan.desktop) {
    if (!apply(plan, lang)) return 1;
    console.log(
      lang === "vi"
        ? 'Đã cài thử vào Excel: nút "Tiêu chí NTM" ở thẻ Trang đầu (mở lại Excel nếu đang mở). npm stop để gỡ.'
        : 'Sideloaded into Excel: the "NTM criteria" button is on the Home tab (restart Excel if it was open). npm stop removes it.',
    );
  } else console.log(webSteps(server.url, manifestPath, lang));
  return -1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    },
  );
}
