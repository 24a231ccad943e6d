// The printable page of `ntm evaluate --html`: one self-contained HTML string (inline CSS and SVG,
// no script, no font or image fetched; a Content-Security-Policy says so to the browser too). Pure:
// results in, text out. The notice's paragraph, the legend and the heat map (the same matrix as the
// NTM_BaoCao sheet, from reportMatrix), the two charts, the files read, skipped and failed.
import type { CriteriaSet } from "../catalog/schema.js";
import type { UnitResult } from "../engine/types.js";
import { criterionName, formatNumber, inLanguage, statusLabel, t } from "../i18n/format.js";
import { tHtml, type HtmlKey } from "../i18n/htmlStrings.js";
import type { Language, StringKey } from "../i18n/strings.js";
import { reportProse, reportSubtitle, unitNoun } from "./districtReport.js";
import { barChart, columnChart, type ChartItem } from "./htmlCharts.js";
import { escapeHtml as esc } from "./htmlEscape.js";
import { htmlStyles } from "./htmlStyles.js";
import { LEGEND_STATUSES, reportMatrix, roundAverage, type ReportMatrix, type ReportSort } from "./reportMatrix.js";

export { escapeHtml } from "./htmlEscape.js";

export interface HtmlReportSection {
  set: CriteriaSet;
  results: readonly UnitResult[];
  /** What was evaluated, as the title names it: a file name, "3 tệp". */
  source?: string;
  notes?: readonly string[];
}

export interface HtmlReportFiles {
  read: ReadonlyArray<{ file: string; units: number; set: string; skippedSheets?: ReadonlyArray<{ sheet: string; reason: string }>; warnings?: readonly string[] }>;
  skipped: ReadonlyArray<{ file: string; reason: string }>;
  failed: ReadonlyArray<{ file: string; reason: string }>;
}

export interface HtmlReportInput {
  /** One per criteria set: villages and communes are never counted together. */
  sections: readonly HtmlReportSection[];
  region?: string;
  year?: number;
  lang?: Language;
  sort?: ReportSort;
  files?: HtmlReportFiles;
  /** What the reader must know about the whole run (an interrupted folder run). */
  notes?: readonly string[];
  /** When the page was made, as the caller writes it (the function reads no clock). */
  generated?: string;
}

type L = (key: StringKey | HtmlKey, params?: Record<string, string | number>) => string;

export function htmlReport(input: HtmlReportInput): string {
  const lang = input.lang ?? "vi";
  const L: L = (key, params) => (key.startsWith("html.") ? tHtml(key as HtmlKey, lang, params) : t(key as StringKey, lang, params));
  const sources = input.sections.map((s) => s.source).filter((s): s is string => !!s);
  const title = [L("html.title"), ...new Set(sources)].join(" – ");
  const out: string[] = [];
  out.push(
    `<!DOCTYPE html>\n<html lang="${lang}"><head><meta charset="utf-8">` +
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>` +
      `<style>${htmlStyles(cssString(L("report.page").replace(/&P.*$/, "")))}</style></head><body>`,
  );
  out.push(`<header><h1>${esc(L("report.title"))}</h1></header><main>`);
  if (input.sections.length === 0) out.push(`<p>${esc(L("html.noUnits"))}</p>`);
  input.sections.forEach((s, i) => out.push(section(s, i, input, lang, L)));
  if (input.notes?.length) out.push(notesBlock(input.notes, L));
  if (input.files) out.push(filesBlock(input.files, L));
  out.push(`</main>`);
  if (input.generated) out.push(`<footer>${esc(L("html.generated", { date: input.generated }))}</footer>`);
  out.push(`</body></html>\n`);
  return out.join("");
}

/** A text inside a CSS string literal. */
function cssString(text: string): string {
  return text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r]/g, " ");
}

function section(s: HtmlReportSection, index: number, input: HtmlReportInput, lang: Language, L: L): string {
  const id = `s${index + 1}`;
  const ctx = { set: s.set, lang, ...(input.region ? { region: input.region } : {}), ...(input.year ? { year: input.year } : {}), ...(s.source ? { source: s.source } : {}), ...(input.sort ? { sort: input.sort } : {}) };
  const noun = unitNoun(s.set, lang);
  const m = reportMatrix(s.results, input.sort);
  const out: string[] = [];
  out.push(`<section aria-labelledby="${id}-h">`);
  out.push(`<h2 id="${id}-h">${esc(inLanguage({ vi: s.set.title, en: s.set.titleEn }, lang))}</h2><p class="sub">${esc(reportSubtitle(ctx))}</p>`);
  // The notice's paragraph: one block, a <p> a line, to select, copy and paste into the notice.
  out.push(`<h3>${esc(L("html.notice"))}</h3><p class="hint">${esc(L("html.noticeHint"))}</p><div class="notice" id="${id}-notice">`);
  for (const line of reportProse(s.results, ctx).split("\n")) out.push(`<p>${esc(line)}</p>`);
  out.push(`</div>`);
  out.push(`<h3>${esc(L("html.matrix", { noun }))}</h3>`);
  out.push(legend(lang, L));
  out.push(matrixTable(m, s.set, lang, noun, L));
  out.push(charts(m, s, id, lang, noun, L));
  if (s.notes?.length) out.push(notesBlock(s.notes, L));
  out.push(`</section>`);
  return out.join("");
}

function legend(lang: Language, L: L): string {
  return `<ul class="legend" aria-label="${esc(L("report.legend"))}"><li class="label">${esc(L("report.legend"))}:</li>${LEGEND_STATUSES.map((st) => `<li class="st-${st}">${esc(statusLabel(st, lang))}</li>`).join("")}</ul>`;
}

function matrixTable(m: ReportMatrix, set: CriteriaSet, lang: Language, noun: string, L: L): string {
  const nameOf = (no: number) => {
    const c = set.criteria.find((x) => x.no === no);
    return c ? `${no}. ${criterionName(c, lang)}` : L("ui.criterion", { no: String(no) });
  };
  const lead = m.hasGroup ? 3 : 2;
  const width = lead + 3 + m.nos.length;
  const out: string[] = [];
  out.push(`<div class="scroll"><table class="matrix"><caption>${esc(L("html.matrixCaption", { noun }))}</caption><thead><tr>`);
  out.push(`<th scope="col">${esc(L("report.h.no"))}</th>`);
  if (m.hasGroup) out.push(`<th scope="col">${esc(L("report.h.commune"))}</th>`);
  for (const key of ["report.h.name", "report.h.criteriaMet", "report.h.notMet", "report.h.missing"] as const) out.push(`<th scope="col">${esc(L(key))}</th>`);
  for (const no of m.nos) out.push(`<th scope="col" title="${esc(nameOf(no))}">${esc(L("report.h.tc", { no: String(no) }))}</th>`);
  out.push(`</tr></thead>`);
  // In the sheet's order, villages under a row naming their commune; ranked, one list.
  const byGroup = m.hasGroup && m.sort === "sheet";
  let group: string | undefined;
  let open = false;
  m.units.forEach((u, i) => {
    if (!open || (byGroup && u.group !== group)) {
      if (open) out.push(`</tbody>`);
      out.push(`<tbody>`);
      open = true;
      if (byGroup && u.group !== undefined) out.push(`<tr class="grp"><th scope="rowgroup" colspan="${width}">${esc(L("html.group", { group: u.group }))}</th></tr>`);
      group = u.group;
    }
    const byNo = new Map(u.criteria.map((c) => [c.no, c.status]));
    const missing = [...u.missing, ...u.invalid].sort((a, b) => a - b).join(", ");
    out.push(`<tr><td class="num">${i + 1}</td>`);
    if (m.hasGroup) out.push(`<td>${esc(u.group ?? "")}</td>`);
    out.push(`<th scope="row">${esc(u.name)}</th><td class="num">${u.criteriaMet}/${u.criteriaTotal}</td><td class="list">${esc(u.unmet.join(", "))}</td><td class="list">${esc(missing)}</td>`);
    for (const no of m.nos) {
      const st = byNo.get(no);
      out.push(st ? `<td class="st st-${st}">${esc(statusLabel(st, lang))}</td>` : `<td></td>`);
    }
    out.push(`</tr>`);
  });
  if (open) out.push(`</tbody>`);
  out.push(`<tfoot><tr><th scope="row" colspan="${lead + 3}">${esc(L("report.h.unitsNotMet"))}</th>${m.notMet.map((n) => `<td class="num">${n}</td>`).join("")}</tr>`);
  out.push(
    `<tr><th scope="row" colspan="${lead}">${esc(L("report.average"))}</th><td class="num">${esc(formatNumber(roundAverage(m.averageMet), lang, 1))}</td>` +
      `<td colspan="${2 + m.nos.length}">${esc(L("report.averageUnit", { noun }))}</td></tr></tfoot></table></div>`,
  );
  return out.join("");
}

function charts(m: ReportMatrix, s: HtmlReportSection, id: string, lang: Language, noun: string, L: L): string {
  const format = (n: number) => formatNumber(n, lang);
  const names = new Map(s.set.criteria.map((c) => [c.no, criterionName(c, lang)]));
  const unmet: ChartItem[] = m.nos.map((no, i) => {
    const name = names.get(no);
    return { label: name ? `${no}. ${name}` : L("report.h.tc", { no: String(no) }), value: m.notMet[i]! };
  });
  const units = s.results.length;
  const total = s.results.reduce((x, u) => Math.max(x, u.criteriaTotal), 0);
  const least = s.results.reduce((x, u) => Math.min(x, u.criteriaMet), total);
  const byMet = new Map<number, number>();
  for (const u of s.results) byMet.set(u.criteriaMet, (byMet.get(u.criteriaMet) ?? 0) + 1);
  const met: ChartItem[] = [];
  for (let k = least; k <= total; k++) met.push({ label: String(k), full: `${L("html.axisCriteriaMet")} ${k}`, value: byMet.get(k) ?? 0 });
  const bar = barChart(unmet, units, { id: `${id}-unmet`, title: L("html.chartUnmet", { noun }), desc: L("html.chartUnmetDesc", { noun, total: units }), valueAxis: L("html.axisUnits", { noun }), format });
  const column = columnChart(met, { id: `${id}-met`, title: L("html.chartMet", { noun }), desc: L("html.chartMetDesc", { noun }), valueAxis: L("html.axisUnits", { noun }), categoryAxis: L("html.axisCriteriaMet"), format });
  return (
    `<h3>${esc(L("html.charts"))}</h3><div class="charts">` +
    `<figure><figcaption>${esc(L("html.chartUnmet", { noun }))}</figcaption>${bar}</figure>` +
    `<figure><figcaption>${esc(L("html.chartMet", { noun }))}</figcaption>${column}</figure></div>`
  );
}

function notesBlock(notes: readonly string[], L: L): string {
  return `<h3>${esc(L("report.notes"))}</h3><ul class="notes">${notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>`;
}

function filesBlock(files: HtmlReportFiles, L: L): string {
  const list = (items: string[]) => (items.length ? `<ul>${items.join("")}</ul>` : `<p class="muted">${esc(L("html.none"))}</p>`);
  const read = files.read.map((f) => {
    const extra = [...(f.skippedSheets ?? []).map((s) => L("html.skippedSheet", { sheet: s.sheet, reason: s.reason })), ...(f.warnings ?? [])];
    return `<li><span class="file">${esc(f.file)}</span>: ${esc(L("html.fileUnits", { count: f.units, set: f.set }))}${extra.length ? `<ul>${extra.map((e) => `<li>${esc(e)}</li>`).join("")}</ul>` : ""}</li>`;
  });
  const why = (x: { file: string; reason: string }) => `<li><span class="file">${esc(x.file)}</span>: ${esc(x.reason)}</li>`;
  return (
    `<section class="files" aria-labelledby="files-h"><h2 id="files-h">${esc(L("html.files"))}</h2>` +
    `<h3>${esc(L("html.filesRead", { count: files.read.length }))}</h3>${list(read)}` +
    `<h3>${esc(L("html.filesSkipped", { count: files.skipped.length }))}</h3>${list(files.skipped.map(why))}` +
    `<h3>${esc(L("html.filesFailed", { count: files.failed.length }))}</h3>${list(files.failed.map(why))}</section>`
  );
}
