// The HTML page's one stylesheet, inline: system fonts only (nothing fetched), the heat map's
// colours from reportColours.ts, every text colour at 4.5:1 or more against its background, and
// a print stylesheet for A4 landscape (the table's header repeated on each page, colours printed).
import type { Status } from "../engine/types.js";
import { REPORT_COLOURS, REPORT_TEXT_COLOUR } from "./reportColours.js";

/** Page colours: text #1A1A1A and #3C4043 on white and on the light greys (all over 9:1). */
export const PAGE_COLOURS = { text: "#1A1A1A", muted: "#3C4043", head: "#E8EAED", band: "#F1F3F4", rule: "#9AA0A6" } as const;

export function htmlStyles(pageFooter: string): string {
  const status = (Object.keys(REPORT_COLOURS) as Status[]).map((s) => `.st-${s}{background:${REPORT_COLOURS[s]};color:${REPORT_TEXT_COLOUR}}`).join("\n");
  const c = PAGE_COLOURS;
  return `
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1400px;padding:16px 20px 32px;font:14px/1.45 "Segoe UI","Noto Sans","DejaVu Sans",Arial,sans-serif;color:${c.text};background:#FFFFFF}
h1{font-size:20px;margin:0 0 4px;text-transform:uppercase;letter-spacing:.02em}
h2{font-size:17px;margin:22px 0 8px}
h3{font-size:15px;margin:14px 0 6px}
.sub,.muted{color:${c.muted}}
.sub{margin:0 0 10px}
.notice{border:1px solid ${c.rule};border-left:4px solid ${c.muted};padding:8px 12px;margin:6px 0 12px;max-width:1100px}
.notice p{margin:0 0 4px}
.hint{font-size:12px;color:${c.muted};margin:0 0 4px}
.legend{display:flex;flex-wrap:wrap;gap:6px 10px;align-items:center;margin:8px 0;padding:0;list-style:none}
.legend li{padding:2px 10px;border:1px solid ${c.rule};border-radius:3px;font-size:13px}
.legend li.label{border:0;padding-left:0;font-weight:600}
.scroll{overflow-x:auto;max-width:100%}
table.matrix{border-collapse:collapse;font-size:12px;margin:4px 0 8px}
table.matrix caption{caption-side:top;text-align:left;font-weight:600;padding:4px 0;color:${c.text}}
table.matrix th,table.matrix td{border:1px solid ${c.rule};padding:2px 5px;vertical-align:middle}
table.matrix thead th{background:${c.head};color:#000000;font-weight:600;text-align:center;position:sticky;top:0}
table.matrix tbody th{text-align:left;font-weight:600;white-space:nowrap;background:#FFFFFF}
table.matrix td.num{text-align:right;white-space:nowrap}
table.matrix td.list{font-size:11px;min-width:5em}
table.matrix td.st{text-align:center;font-size:11px;line-height:1.15;white-space:nowrap}
table.matrix tr.grp th{background:${c.band};color:#000000;text-align:left;font-weight:700}
table.matrix tfoot th,table.matrix tfoot td{background:${c.band};color:#000000;font-weight:600}
table.matrix tfoot th{text-align:right}
${status}
.charts{display:flex;flex-wrap:wrap;gap:12px 32px;align-items:flex-start}
figure{margin:0}
figcaption{font-weight:600;margin:0 0 4px}
.files ul{margin:4px 0 8px;padding-left:22px}
.files li{margin:2px 0}
.file{font-family:Consolas,"DejaVu Sans Mono",monospace;font-size:13px}
.notes li{margin:2px 0}
footer{margin-top:24px;font-size:12px;color:${c.muted}}
@page{size:A4 landscape;margin:12mm 10mm 14mm;@bottom-center{content:"${pageFooter}" counter(page) "/" counter(pages);font-size:9pt;color:${c.muted}}}
@media print{
  body{max-width:none;padding:0;font-size:10pt}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  .scroll{overflow:visible}
  table.matrix{font-size:7.5pt;width:100%}
  table.matrix th,table.matrix td{padding:1px 2px}
  table.matrix td.st{font-size:6.5pt;white-space:normal}
  table.matrix td.list{font-size:6.5pt;min-width:0}
  table.matrix thead{display:table-header-group}
  table.matrix thead th{position:static}
  table.matrix tfoot{display:table-row-group}
  tr,figure,.notice p{break-inside:avoid}
  h2{break-after:avoid}
  .charts{break-inside:avoid}
  .hint{display:none}
}
`;
}
