// The printable page and the report matrix, pure: escaping, the totals row and average (counted by
// hand below), the sort by closeness, the legend, th scopes, the print CSS, the charts' numbers,
// and the palette's contrast and grey-print separation.
import { describe, expect, it } from "vitest";
import {
  contrastRatio,
  Evaluator,
  getBuiltInSet,
  htmlReport,
  relativeLuminance,
  REPORT_COLOURS,
  REPORT_TEXT_COLOUR,
  reportLayout,
  reportMatrixFills,
  reportPrint,
  reportTable,
  type HtmlReportInput,
  type Status,
  type UnitInput,
} from "../shared/index.js";
import { fiveVillageResults, VILLAGE_SET } from "./fixtures/villageResults.js";

const set = VILLAGE_SET;
// Hand count: TC 10 not met by 4 (all but Nà Pài), TC 12 by 2, TC 13 by 3, TC 17 by 1; TC 5 missing
// for Bản Chàn (not "not met"). Criteria met: 16, 16, 16, 17, 19: average 84 / 5 = 16.8.
const HOSTILE = `<script>alert("x")</script> & 'Thôn'`;
const results = fiveVillageResults({ name: HOSTILE, group: "Đôn <b>Phong</b>" });
const NOT_MET: Record<number, number> = { 10: 4, 12: 2, 13: 3, 17: 1 };

const page = (over: Partial<HtmlReportInput> = {}) =>
  htmlReport({
    sections: [{ set, results, source: "huyen <x>.xlsx" }],
    year: 2024,
    files: {
      read: [{ file: "huyen <x>.xlsx", units: 5, set: set.id, skippedSheets: [{ sheet: "<DS>", reason: "không phải bảng tiêu chí" }] }],
      skipped: [{ file: "cu.xls", reason: "tệp Excel 97-2003 (.xls)" }],
      failed: [{ file: `<img src=x onerror="alert(1)">.xlsx`, reason: "tệp hỏng" }],
    },
    ...over,
  });

/** The text of each cell of a row of the page's table, tags stripped, entities kept. */
const cells = (row: string) => [...row.matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));
const rowsOf = (html: string, part: "thead" | "tbody" | "tfoot") =>
  [...html.matchAll(new RegExp(`<${part}>([\\s\\S]*?)</${part}>`, "g"))].flatMap((m) => [...m[1]!.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => r[1]!));

describe("the report matrix on NTM_BaoCao", () => {
  it("has the totals row \"Số đơn vị chưa đạt\" per criterion and the average, as values", () => {
    const table = reportTable(results, { set, year: 2024 });
    const layout = reportLayout(table, "vi")!;
    const header = table[layout.headerRow]!;
    const totals = table[layout.totalsRow!]!;
    expect(totals[layout.nameCol]).toBe("Số đơn vị chưa đạt");
    for (let no = 1; no <= 19; no++) expect(totals[header.indexOf(`TC ${no}`)], `TC ${no}`).toBe(NOT_MET[no] ?? 0);
    const average = table[layout.totalsRow! + 1]!;
    expect(average[layout.nameCol]).toBe("Bình quân");
    expect(average[layout.nameCol + 1]).toBe(16.8);
    // The unit rows end right above the totals.
    expect(layout.lastUnitRow - layout.firstUnitRow + 1).toBe(5);
    expect(reportTable(results, { set, lang: "en" }).some((r) => r.includes("Units not meeting"))).toBe(true);
  });

  it("keeps the sheet's order by default and ranks by criteria met with sort: closest (ties in sheet order)", () => {
    const names = (sort?: "sheet" | "closest") => {
      const table = reportTable(results, { set, ...(sort ? { sort } : {}) });
      const l = reportLayout(table, "vi")!;
      return table.slice(l.firstUnitRow, l.lastUnitRow + 1).map((r) => [r[0], r[l.nameCol]]);
    };
    expect(names()).toEqual([[1, "Bản Vén"], [2, HOSTILE], [3, "Đông Bun"], [4, "Bản Chàn"], [5, "Nà Pài"]]);
    expect(names("sheet")).toEqual(names());
    expect(names("closest")).toEqual([[1, "Nà Pài"], [2, "Bản Chàn"], [3, "Bản Vén"], [4, HOSTILE], [5, "Đông Bun"]]);
    expect(String(reportTable(results, { set, sort: "closest" })[1]![0])).toContain("nhiều tiêu chí đạt nhất trước");
  });

  it("puts a legend above the matrix: each status word in its colour", () => {
    const table = reportTable(results, { set });
    const l = reportLayout(table, "vi")!;
    expect(table[l.legendRow!]).toEqual(["Chú giải", "Đạt", "Chưa đạt", "Thiếu số liệu", "Dữ liệu không hợp lệ", "Chưa có chỉ tiêu"]);
    const legend = reportMatrixFills(table, "vi").filter((f) => f.row === l.legendRow);
    expect(legend.map((f) => [f.col, f.color])).toEqual([[1, REPORT_COLOURS.met], [2, REPORT_COLOURS.not_met], [3, REPORT_COLOURS.missing], [4, REPORT_COLOURS.invalid], [5, REPORT_COLOURS.no_threshold]]);
  });

  it("freezes through the header and the name column, repeats the legend and header on each printed page", () => {
    const table = reportTable(results, { set });
    const l = reportLayout(table, "vi")!;
    const p = reportPrint(table, "vi", "Huyện A & B – năm 2024")!;
    expect(p.freeze).toEqual({ rows: l.headerRow + 1, cols: l.nameCol + 1 });
    expect(table[l.headerRow]![p.freeze.cols - 1]).toBe("Tên");
    expect(p.titleRows).toEqual({ first: l.legendRow, last: l.headerRow });
    // "&" is a code in a page header: a literal one is doubled.
    expect(p.header).toBe('&C&"-,Bold"Huyện A && B – năm 2024');
    expect(p.footer).toBe("&CTrang &P/&N");
    expect(reportPrint([["no matrix"]], "vi", "x")).toBeUndefined();
  });
});

describe("the HTML page", () => {
  it("escapes every user text: names, communes, file and sheet names, reasons", () => {
    const html = page();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain("<b>Phong");
    expect(html).not.toContain("<x>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Thôn&#39;");
    expect(html).toContain("Đôn &lt;b&gt;Phong&lt;/b&gt;");
    expect(html).toContain("&lt;DS&gt;");
    // Nothing the page would fetch: no src or href, no url(), a policy that forbids it anyway.
    expect(html).not.toMatch(/<[^>]*\s(src|href)=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html.match(/https?:\/\/[^"\s]+/g)?.every((u) => u === "http://www.w3.org/2000/svg")).toBe(true);
  });

  it("has the totals and the average, counted by hand", () => {
    const html = page();
    const [totals, average] = rowsOf(html, "tfoot");
    const t = cells(totals!);
    expect(t[0]).toBe("Số đơn vị chưa đạt");
    expect(t.slice(1).map(Number)).toEqual(Array.from({ length: 19 }, (_, i) => NOT_MET[i + 1] ?? 0));
    expect(cells(average!).slice(0, 3)).toEqual(["Bình quân", "16,8", "tiêu chí/thôn"]);
    expect(cells(rowsOf(page({ lang: "en" }), "tfoot")[1]!)[1]).toBe("16.8");
  });

  it("marks up headers for screen readers: th scope=col above, the unit's name scope=row, a caption", () => {
    const html = page();
    const head = rowsOf(html, "thead")[0]!;
    const ths = [...head.matchAll(/<th\b[^>]*>/g)].map((m) => m[0]);
    expect(ths).toHaveLength(6 + 19);
    for (const th of ths) expect(th).toContain('scope="col"');
    const body = rowsOf(html, "tbody").filter((r) => !r.includes("rowgroup"));
    expect(body).toHaveLength(5);
    for (const r of body) expect([...r.matchAll(/<th\b([^>]*)>/g)].map((m) => m[1])).toEqual([' scope="row"']);
    expect(html).toMatch(/<table class="matrix"><caption>/);
    // In the sheet's order, villages under their commune (a row group each).
    expect([...html.matchAll(/scope="rowgroup"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(["Xã Đôn Phong", "Xã Đôn &lt;b&gt;Phong&lt;/b&gt;", "Xã Vũ Muộn"]);
  });

  it("ranks the units with sort: closest, in one list", () => {
    const html = page({ sort: "closest" });
    const names = rowsOf(html, "tbody").map((r) => /<th scope="row">([^<]*)<\/th>/.exec(r)?.[1]);
    expect(names).toEqual(["Nà Pài", "Bản Chàn", "Bản Vén", "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Thôn&#39;", "Đông Bun"]);
    expect(html).not.toContain("rowgroup");
  });

  it("colours each status cell by its class, with the word kept, and has the legend", () => {
    const html = page();
    const statuses = [...html.matchAll(/<td class="st st-(\w+)">([^<]*)<\/td>/g)].map((m) => [m[1], m[2]]);
    expect(statuses).toHaveLength(5 * 19);
    expect(statuses.filter(([s]) => s === "not_met")).toHaveLength(4 + 2 + 3 + 1);
    expect(statuses.filter(([s]) => s === "missing")).toEqual([["missing", "Thiếu số liệu"]]);
    for (const [s, word] of statuses) expect(word).toBe({ met: "Đạt", not_met: "Chưa đạt", missing: "Thiếu số liệu" }[s!]);
    for (const s of Object.keys(REPORT_COLOURS)) expect(html).toContain(`.st-${s}{background:${REPORT_COLOURS[s as Status]};color:${REPORT_TEXT_COLOUR}}`);
    expect([...html.matchAll(/<ul class="legend"[\s\S]*?<\/ul>/g)][0]![0]).toMatch(/<li class="st-met">Đạt<\/li><li class="st-not_met">Chưa đạt<\/li><li class="st-missing">Thiếu số liệu<\/li>/);
  });

  it("prints on A4 landscape, the table's header repeated on each page", () => {
    const html = page();
    expect(html).toMatch(/@page\{size:A4 landscape/);
    expect(html).toMatch(/@media print\{[\s\S]*thead\{display:table-header-group\}/);
    expect(html).toMatch(/print-color-adjust:exact/);
  });

  it("draws the two charts from the same counts: a bar per criterion, a column per number of criteria met", () => {
    const html = page();
    const [bar, column] = [...html.matchAll(/<svg\b[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    // A bar for each criterion not met by someone: 4 of them; its count written beside it.
    expect(bar!.match(/<rect /g)).toHaveLength(4);
    expect(bar).toContain("<title>10. Thu nhập: 4</title>");
    expect(bar).toContain("<title>17. Môi trường: 1</title>");
    expect(bar).toMatch(/role="img" aria-labelledby="s1-unmet-t s1-unmet-d"/);
    // Criteria met 16, 16, 16, 17, 19: columns 16..19 of 3, 1, 0, 1.
    expect([...column!.matchAll(/<title>Số tiêu chí đạt (\d+): (\d+)<\/title>/g)].map((m) => [Number(m[1]), Number(m[2])])).toEqual([[16, 3], [17, 1], [18, 0], [19, 1]]);
    expect(column!.match(/<rect /g)).toHaveLength(3);
  });

  it("lists the files read, skipped and failed, and the notice text as one block", () => {
    const html = page();
    expect(html).toContain("Đã đọc (1 tệp)");
    expect(html).toContain("Bỏ qua (1 tệp)");
    expect(html).toContain("Không đánh giá được (1 tệp)");
    expect(html).toContain("bỏ qua trang &quot;&lt;DS&gt;&quot;: không phải bảng tiêu chí");
    const notice = /<div class="notice" id="s1-notice">([\s\S]*?)<\/div>/.exec(html)![1]!;
    expect(notice).toContain("<p>- Tiêu chí số 10 (Thu nhập): 04 thôn (");
    expect(notice).toContain("<p>- Bình quân đạt 16,8 tiêu chí/thôn.</p>");
  });

  it("is Vietnamese by default, English on request", () => {
    expect(page()).toMatch(/^<!DOCTYPE html>\n<html lang="vi">/);
    const en = page({ lang: "en" });
    expect(en).toMatch(/<html lang="en">/);
    expect(en).toContain("Units not meeting");
    expect(en).toContain("Legend");
    expect(en).not.toContain("Số đơn vị chưa đạt");
  });
});

describe("the heat map's palette", () => {
  it("gives black text over 4.5:1 on every status colour", () => {
    for (const [s, c] of Object.entries(REPORT_COLOURS)) expect(contrastRatio(REPORT_TEXT_COLOUR, c), s).toBeGreaterThanOrEqual(4.5);
    // The formula itself, on known pairs.
    expect(contrastRatio("#000000", "#FFFFFF")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#FFFFFF")).toBeCloseTo(4.48, 2);
  });

  it("keeps the statuses apart in grey print: lightness (L*) at least 8 apart, met lightest, not met darkest", () => {
    const lightness = (hex: string) => 116 * Math.cbrt(relativeLuminance(hex)) - 16;
    const order: Status[] = ["met", "missing", "no_threshold", "invalid", "not_met"];
    const l = order.map((s) => lightness(REPORT_COLOURS[s]));
    for (let i = 1; i < l.length; i++) expect(l[i - 1]! - l[i]!, `${order[i - 1]} vs ${order[i]}`).toBeGreaterThanOrEqual(8);
  });
});
