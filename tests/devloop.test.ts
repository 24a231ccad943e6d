// The developer loop and publishing tools, offline: the manifest check (tools/validateManifest.ts), the
// manifest's ExcelApi minimum against the code (tools/excelApiSets.ts), the district package
// (tools/packageExcel.ts), npm run lint, the sideload plans of npm start and the HTTPS dev server.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:https";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ESLint } from "eslint";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { loadCertificates, serveHttps } from "../tools/devServer.js";
import { requiredExcelApi, scanExcelApiUse } from "../tools/excelApiSets.js";
import { hostingUrl, PackageError } from "../tools/packageExcel.js";
import { sideloadPlan, WINDOWS_DEVELOPER_KEY, webSteps } from "../tools/start.js";
import { checkManifest, manifestRequirements } from "../tools/validateManifest.js";

const root = resolve(import.meta.dirname, "..");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
const tmp = mkdtempSync(join(tmpdir(), "ntm-devloop-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const tsx = (args: string[]) => spawnSync(process.execPath, [join(root, "node_modules", "tsx", "dist", "cli.mjs"), ...args], { cwd: root, encoding: "utf8", timeout: 240_000 });

/** The manifest with one exact piece of text replaced (the piece must be there). */
function broken(from: string, to: string): string {
  expect(manifest, `the manifest contains ${from}`).toContain(from);
  return manifest.replace(from, to);
}

describe("manifest check (npm run validate)", () => {
  it("the repository's manifest passes, with the pane's minimum at the base and the shared runtime in VersionOverrides", () => {
    expect(checkManifest(manifest)).toEqual([]);
    const req = manifestRequirements(manifest);
    expect(req.base).toEqual([{ name: "ExcelApi", min: "1.13" }]);
    expect(req.versionOverrides).toEqual([{ name: "SharedRuntime", min: "1.1" }]);
  });

  const cases: Array<[string, string, string, RegExp]> = [
    ["a resid that resolves to nothing", 'resid="Functions.Namespace"', 'resid="Functions.Namespace.Typo"', /Functions\.Namespace\.Typo" is not defined/],
    [
      "the functions' page outside the shared runtime",
      '<Page>\n              <SourceLocation resid="Taskpane.Url"/>',
      '<Page>\n              <SourceLocation resid="Functions.Script.Url"/>',
      /must equal the <Runtime> resid/,
    ],
    [
      "requirement elements in the wrong namespace inside VersionOverrides",
      '<bt:Sets DefaultMinVersion="1.1">\n        <bt:Set Name="SharedRuntime" MinVersion="1.1"/>\n      </bt:Sets>',
      '<Sets DefaultMinVersion="1.1">\n        <Set Name="SharedRuntime" MinVersion="1.1"/>\n      </Sets>',
      /wrong namespace/,
    ],
    [
      "no SharedRuntime requirement for a long-lived runtime",
      '<bt:Set Name="SharedRuntime" MinVersion="1.1"/>',
      '<bt:Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>',
      /needs a SharedRuntime requirement/,
    ],
    ["an http URL", 'DefaultValue="https://localhost:3000/functions.json"', 'DefaultValue="http://localhost:3000/functions.json"', /must be https/],
    ["a label over 125 characters", 'DefaultValue="Tiêu chí NTM"', `DefaultValue="${"x".repeat(126)}"`, /1-125 characters/],
    ["a missing required element", "  <Permissions>ReadWriteDocument</Permissions>\n", "", /lacks <Permissions>/],
    ["elements out of order", "  <Permissions>ReadWriteDocument</Permissions>\n", "", /lacks <Permissions>/],
    ["a label naming a long string", '<Label resid="Group.Label"/>', '<Label resid="TaskpaneButton.Tooltip"/>', /must name a bt:ShortStrings entry/],
    [
      "a repeated base requirement",
      '<bt:Set Name="SharedRuntime" MinVersion="1.1"/>',
      '<bt:Set Name="SharedRuntime" MinVersion="1.1"/><bt:Set Name="ExcelApi" MinVersion="1.13"/>',
      /already in the base <Requirements>/,
    ],
    ["a bad version", "<Version>0.1.0.0</Version>", "<Version>v1</Version>", /must look like 1\.0\.0\.0/],
    ["malformed XML", "</OfficeApp>", "", /malformed XML/],
    ["a double hyphen in a comment", "makes the zip for a district", "-- --url makes the zip", /may not contain "--"/],
  ];
  it.each(cases)("fails on %s", (_what, from, to, expected) => {
    const problems = checkManifest(broken(from, to));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.en).join("\n")).toMatch(expected);
    // Every problem says where and what in Vietnamese too.
    for (const p of problems) expect(p.vi.length).toBeGreaterThan(0);
  });

  it("fails on the base sections in the wrong order", () => {
    const swapped = broken("  <DefaultSettings>", "  <Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>").replace(
      "  </DefaultSettings>\n  <Permissions>ReadWriteDocument</Permissions>",
      "  </DefaultSettings>",
    );
    expect(
      checkManifest(swapped)
        .map((p) => p.en)
        .join("\n"),
    ).toMatch(/out of order/);
  });

  it("Microsoft's own parser (office-addin-manifest, offline) reads the manifest", async () => {
    const { OfficeAddinManifest } = (await import("office-addin-manifest")) as unknown as {
      OfficeAddinManifest: { readManifestFile(p: string): Promise<{ id?: string; hosts?: string[]; officeAppType?: string }> };
    };
    const info = await OfficeAddinManifest.readManifestFile(join(root, "manifest.xml"));
    expect(info.id).toBe("a136f250-3970-402f-9b3c-32b430e61f00");
    expect(info.hosts).toEqual(["Workbook"]);
  });

  it("the command line: exit 0 and the requirements in Vietnamese for the real manifest, exit 1 with the problem for a broken one", () => {
    const ok = tsx(["tools/validateManifest.ts"]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain("manifest.xml: hợp lệ");
    expect(ok.stdout).toContain("ExcelApi 1.13");
    const bad = join(tmp, "broken.xml");
    writeFileSync(bad, broken('resid="Functions.Namespace"', 'resid="Nope"'));
    const r = tsx(["tools/validateManifest.ts", bad, "--lang", "en"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('resid "Nope" is not defined in bt:ShortStrings');
  }, 120_000);

  it("the manifest's ExcelApi minimum is the highest set the task pane calls without a run-time check", () => {
    const uses = scanExcelApiUse();
    const need = requiredExcelApi(uses);
    expect(need.members.map((m) => m.member)).toContain("Range.getMergedAreasOrNullObject");
    expect(manifestRequirements(manifest).base.find((s) => s.name === "ExcelApi")?.min).toBe(need.version);
    // Notes (1.18) are behind Capabilities.notes, so they do not raise the minimum.
    expect(uses.find((u) => u.member === "NoteCollection.add")?.guardedBy).toContain("capabilities.ts");
    expect(uses.find((u) => u.member === "Worksheet.getRanges")?.guardedBy).toBeUndefined();
  }, 180_000);
});

describe("district package (npm run package:excel)", () => {
  it("refuses an address that is not https, with a clear message, before building anything", () => {
    expect(() => hostingUrl("http://its.host/ntm/", "en")).toThrow(PackageError);
    expect(() => hostingUrl("http://its.host/ntm/", "en")).toThrow(/must start with https:\/\/ \(it is http:\/\/\)/);
    expect(() => hostingUrl(undefined, "vi")).toThrow(/Thiếu --url/);
    expect(() => hostingUrl("https://its.host/ntm/?x=1", "en")).toThrow(/"\?"/);
    expect(hostingUrl("https://its.host/ntm/", "en")).toBe("https://its.host/ntm");
    const out = join(tmp, "refused");
    const r = tsx(["tools/packageExcel.ts", "--url", "http://its.host/ntm/", "--out", out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Địa chỉ phải bắt đầu bằng https://");
    expect(existsSync(out)).toBe(false);
  });

  it("writes dist/ntm-excel-<version>.zip with the manifest pointing at the address and the built files", () => {
    const out = join(tmp, "dist");
    const r = tsx(["tools/packageExcel.ts", "--url", "https://its.host/ntm/", "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
    const zipPath = join(out, `ntm-excel-${version}.zip`);
    expect(r.stdout).toContain(zipPath);
    const files = unzipSync(readFileSync(zipPath));
    for (const f of [
      "manifest.xml",
      "taskpane.html",
      "runtime.js",
      "engine.js",
      "functions.js",
      "taskpane.js",
      "functions.json",
      "help.html",
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-80.png",
      "HUONG-DAN.txt",
    ]) {
      expect(files[f], f).toBeDefined();
    }
    const xml = new TextDecoder().decode(files["manifest.xml"]);
    expect(xml).toContain('<SourceLocation DefaultValue="https://its.host/ntm/taskpane.html"/>');
    expect(xml).toContain('DefaultValue="https://its.host/ntm/functions.json"');
    expect(xml).not.toContain("localhost");
    expect(checkManifest(xml, { baseUrl: "https://its.host/ntm", filesDir: join(out, `ntm-excel-${version}`) })).toEqual([]);
    // Every URL of the manifest is a file of the zip.
    for (const url of xml.match(/https:\/\/its\.host\/ntm\/[^"<]+/g) ?? []) expect(files[url.slice("https://its.host/ntm/".length)], url).toBeDefined();
    // The page loads office.js from Microsoft's CDN, the only file not in the zip.
    expect(new TextDecoder().decode(files["taskpane.html"])).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  }, 300_000);
});

describe("npm run lint", () => {
  it("exits 0 on the repository", () => {
    const r = spawnSync(process.execPath, [join(root, "node_modules", "eslint", "bin", "eslint.js"), "."], { cwd: root, encoding: "utf8", timeout: 180_000 });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  }, 180_000);

  it("the config catches an unused import and an explicit any in source code", async () => {
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintText('import { readFileSync } from "node:fs";\nexport const x: any = 1;\n', { filePath: join(root, "tools", "lint-probe.ts") });
    expect(result!.messages.map((m) => m.ruleId).sort()).toEqual(["@typescript-eslint/no-explicit-any", "@typescript-eslint/no-unused-vars"]);
  }, 60_000);
});

describe("npm start: sideloading per platform", () => {
  const m = "C:\\ntm\\dist\\excel\\manifest.xml";
  it("Windows: the developer registry value named by the add-in id, then Excel; npm stop deletes the value", () => {
    const start = sideloadPlan("win32", "start", m, "a136f250-3970-402f-9b3c-32b430e61f00");
    expect(start.desktop).toBe(true);
    expect(start.steps[0]).toEqual({ kind: "run", command: "reg", args: ["add", WINDOWS_DEVELOPER_KEY, "/v", "a136f250-3970-402f-9b3c-32b430e61f00", "/t", "REG_SZ", "/d", m, "/f"] });
    expect(start.steps[1]).toEqual({ kind: "run", command: "cmd", args: ["/c", "start", "", "excel"] });
    expect(sideloadPlan("win32", "stop", m, "id-1").steps).toEqual([{ kind: "run", command: "reg", args: ["delete", WINDOWS_DEVELOPER_KEY, "/v", "id-1", "/f"] }]);
  });

  it("Mac: a copy in Excel's wef folder, then Excel; Linux: no desktop, the steps for Excel on the web", () => {
    const mac = sideloadPlan("darwin", "start", "/p/manifest.xml", "id-1", "/Users/a");
    expect(mac.steps[0]).toEqual({ kind: "copy", from: "/p/manifest.xml", to: "/Users/a/Library/Containers/com.microsoft.Excel/Data/Documents/wef/id-1.manifest.xml" });
    expect(sideloadPlan("linux", "start", "/p/manifest.xml", "id-1")).toEqual({ desktop: false, steps: [] });
    const steps = webSteps("https://localhost:3000", "/p/manifest.xml", "vi");
    expect(steps).toContain("Tải lên Phần bổ trợ của tôi (Upload My Add-in)");
    expect(steps).toContain("/p/manifest.xml");
    expect(webSteps("https://localhost:3000", "/p/manifest.xml", "en")).toContain("Home → Add-ins → More Settings → Upload My Add-in");
  });

  it("the dev server serves the folder over HTTPS (self-signed here), JSON as application/json, nothing outside it", async () => {
    const tls = await loadCertificates({ selfSigned: true });
    const dir = join(tmp, "site");
    rmSync(dir, { recursive: true, force: true });
    spawnSync("mkdir", ["-p", dir]);
    writeFileSync(join(dir, "functions.json"), '{"functions":[]}');
    const server = await serveHttps(dir, 0, tls!, "127.0.0.1");
    const fetchOne = (path: string) =>
      new Promise<{ status: number; type: string; body: string }>((ok, fail) => {
        get({ host: "127.0.0.1", port: Number(new URL(server.url).port), path, ca: tls!.ca, servername: "localhost" }, (res) => {
          let body = "";
          res.on("data", (c) => (body += c));
          res.on("end", () => ok({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }));
        }).on("error", fail);
      });
    try {
      const json = await fetchOne("/functions.json");
      expect(json).toEqual({ status: 200, type: "application/json; charset=utf-8", body: '{"functions":[]}' });
      expect((await fetchOne("/../package.json")).status).toBe(404);
      expect((await fetchOne("/%2e%2e/package.json")).status).toBe(404);
    } finally {
      await server.close();
    }
  }, 60_000);
});
