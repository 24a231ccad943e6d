// The page `ntm evaluate --html` writes, opened from disk in headless Chromium (playwright-core
// with Debian's /usr/bin/chromium): no console error, no request but the file itself, table
// headers marked up for screen readers, every text at 4.5:1 or more against its background, and
// A4 landscape when printed. A screenshot is saved to tests/screenshots/report.png (not committed).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/ntm.js";

const root = path.resolve(import.meta.dirname, "..");
const shots = path.join(root, "tests", "screenshots");
let dir: string;
let browser: Browser;

/** A page opened from disk, with every request, console error and page error it caused. */
async function open(file: string, viewport = { width: 1400, height: 900 }) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  const outside: string[] = [];
  const requests: string[] = [];
  const errors: string[] = [];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url === pathToFileURL(file).href) return route.continue();
    outside.push(url);
    return route.abort();
  });
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("dialog", (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  return { page, outside, requests, errors };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "ntm-html-"));
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe("the --html page in headless Chromium", () => {
  let html: string;
  let session: Awaited<ReturnType<typeof open>>;

  beforeAll(async () => {
    html = path.join(dir, "bao-cao.html");
    let err = "";
    const code = await runCli(["evaluate", path.join(root, "samples", "huyen-cac-thon-2024.xlsx"), "--year", "2024", "--out", path.join(dir, "out") + path.sep, "--html", html], { out: () => true, err: (s) => void (err += s), tty: false });
    expect(code, err).toBe(0);
    session = await open(html);
  }, 60_000);

  it("opens offline: no console error, no request but the file itself; saves a screenshot", async () => {
    expect(session.errors).toEqual([]);
    expect(session.outside).toEqual([]);
    expect(session.requests).toEqual([pathToFileURL(html).href]);
    mkdirSync(shots, { recursive: true });
    const png = await session.page.screenshot({ path: path.join(shots, "report.png"), fullPage: true });
    expect(png.byteLength).toBeGreaterThan(10_000);
    // The heat map is there: 10 villages × 19 criteria, each cell a word.
    expect(await session.page.locator("table.matrix td.st").count()).toBe(10 * 19);
    expect(await session.page.locator("svg[role=img]").count()).toBe(2);
  });

  it("marks up the table's headers for screen readers", async () => {
    const scopes = await session.page.evaluate(() => {
      // In the page: its DOM (this project's type check has no DOM library).
      const document = (globalThis as any).document;
      const all = (sel: string): any[] => Array.from(document.querySelectorAll(sel));
      return {
        head: all("table.matrix thead th").map((th) => th.getAttribute("scope")),
        rows: all("table.matrix tbody tr:not(.grp)").map((tr) => Array.from(tr.querySelectorAll("th") as any[]).map((th) => th.getAttribute("scope"))),
        groups: all("table.matrix tbody tr.grp th").map((th) => th.getAttribute("scope")),
        foot: all("table.matrix tfoot th").map((th) => th.getAttribute("scope")),
        caption: document.querySelector("table.matrix caption")?.textContent ?? "",
        lang: document.documentElement.lang,
      };
    });
    expect(scopes.head).toHaveLength(6 + 19);
    expect(new Set(scopes.head)).toEqual(new Set(["col"]));
    expect(scopes.rows).toHaveLength(10);
    for (const r of scopes.rows) expect(r).toEqual(["row"]);
    expect(scopes.groups).toEqual(["rowgroup", "rowgroup", "rowgroup"]);
    expect(scopes.foot).toEqual(["row", "row"]);
    expect(scopes.caption).toContain("Kết quả từng thôn theo tiêu chí");
    expect(scopes.lang).toBe("vi");
  });

  it("gives every text, the status cells first, a contrast of 4.5:1 or more against its background", async () => {
    const measured = await session.page.evaluate(() => {
      const document = (globalThis as any).document;
      const getComputedStyle = (globalThis as any).getComputedStyle as (e: any) => any;
      const rgb = (c: string): [number, number, number, number] => {
        const m = c.match(/[\d.]+/g)!.map(Number);
        return [m[0]!, m[1]!, m[2]!, m[3] ?? 1];
      };
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
      };
      const ratio = (a: number[], b: number[]) => {
        const [x, y] = [lum(a), lum(b)];
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
      };
      /** The colour behind an element: its own, else the nearest ancestor's that is not transparent. */
      const background = (e: any): number[] => {
        for (; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c[3] > 0) return c;
        }
        return [255, 255, 255, 1];
      };
      const status = Array.from(document.querySelectorAll("table.matrix td.st, ul.legend li[class^=st-]") as any[]).map((e) => ({
        text: e.textContent,
        cls: e.className,
        ratio: ratio(rgb(getComputedStyle(e).color), background(e)),
      }));
      // Every element holding text of its own; SVG text by its fill, on the page's white.
      const texts: Array<{ tag: string; text: string; ratio: number }> = [];
      for (const e of Array.from(document.body.querySelectorAll("*") as any[])) {
        if (e.closest("svg")) continue;
        const own = Array.from(e.childNodes as any[]).some((n) => n.nodeType === 3 && n.textContent.trim());
        if (own) texts.push({ tag: e.tagName, text: e.textContent.slice(0, 40), ratio: ratio(rgb(getComputedStyle(e).color), background(e)) });
      }
      for (const e of Array.from(document.querySelectorAll("svg text") as any[])) texts.push({ tag: "svg:text", text: e.textContent ?? "", ratio: ratio(rgb(getComputedStyle(e).fill), background(e.closest("figure"))) });
      return { status, texts };
    });
    expect(measured.status.length).toBe(10 * 19 + 5);
    expect(new Set(measured.status.map((s) => s.cls.replace("st ", ""))).size).toBeGreaterThanOrEqual(3);
    for (const s of measured.status) expect(s.ratio, `${s.cls} "${s.text}"`).toBeGreaterThanOrEqual(4.5);
    expect(measured.texts.length).toBeGreaterThan(300);
    for (const x of measured.texts) expect(x.ratio, `${x.tag} "${x.text}"`).toBeGreaterThanOrEqual(4.5);
  });

  it("prints on A4 landscape, the table's header row repeated", async () => {
    await session.page.emulateMedia({ media: "print" });
    expect(await session.page.evaluate(() => (globalThis as any).getComputedStyle((globalThis as any).document.querySelector("table.matrix thead")).display)).toBe("table-header-group");
    const pdf = Buffer.from(await session.page.pdf({ preferCSSPageSize: true, printBackground: true })).toString("latin1");
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThan(0);
    // A4 landscape: 297 × 210 mm, 842 × 595 points.
    for (const [w, h] of boxes) {
      expect(w).toBeCloseTo(842, -1);
      expect(h).toBeCloseTo(595, -1);
    }
    await session.page.emulateMedia({ media: "screen" });
  });

  it("fits the widest matrix (a folder's communes, \"Missing data\" words in English) in an A4-landscape page's width", async () => {
    const folderPage = path.join(dir, "folder-en.html");
    const code = await runCli(["evaluate", path.join(root, "samples"), "--region", "tdmnpb", "--year", "2024", "--out", path.join(dir, "folder") + path.sep, "--html", folderPage, "--lang", "en"], { out: () => true, err: () => true, tty: false });
    expect(code).toBe(0);
    const s = await open(folderPage, { width: 1047, height: 740 });
    expect(s.errors).toEqual([]);
    expect(s.outside).toEqual([]);
    // 297 mm less 2 × 10 mm margins: 277 mm, 1047 CSS pixels.
    await s.page.emulateMedia({ media: "print" });
    const widths = await s.page.evaluate(() => {
      const document = (globalThis as any).document;
      return { tables: Array.from(document.querySelectorAll("table.matrix") as any[]).map((t) => t.getBoundingClientRect().width), body: document.body.scrollWidth };
    });
    expect(widths.tables).toHaveLength(2);
    for (const w of [...widths.tables, widths.body]) expect(w).toBeLessThanOrEqual(1047);
    const pdf = Buffer.from(await s.page.pdf({ preferCSSPageSize: true, printBackground: true })).toString("latin1");
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    expect(boxes.length).toBeGreaterThan(1);
    for (const m of boxes) expect([Math.round(Number(m[1])), Math.round(Number(m[2]))]).toEqual([842, 595]);
    await s.page.close();
  }, 60_000);

  it("the harness catches what it checks: a request leaving the page, a script error", async () => {
    const bad = path.join(dir, "bad.html");
    writeFileSync(bad, `<!DOCTYPE html><html lang="vi"><head><link rel="stylesheet" href="https://fonts.example.com/x.css"></head><body><img src="http://example.com/x.png" alt=""><script>undefinedFunction()</script></body></html>`);
    const s = await open(bad);
    expect(s.outside.sort()).toEqual(["http://example.com/x.png", "https://fonts.example.com/x.css"]);
    expect(s.errors.some((e) => e.includes("undefinedFunction"))).toBe(true);
    await s.page.close();
    // And the page's own policy would have refused them anyway.
    expect(readFileSync(html, "utf8")).toContain("default-src 'none'");
  });
});
