// The HTML page's two charts as inline SVG strings: no script, no font, nothing fetched. Each has a
// <title> and <desc> for screen readers, its numbers written beside the bars (the chart never relies
// on reading lengths), and dark bar colours (over 3:1 against the page, WCAG's figure for graphics).
import { escapeHtml } from "./htmlEscape.js";

export interface ChartItem {
  /** The label as printed (cut to fit); `full` is shown as the bar's tooltip and read by screen readers. */
  label: string;
  full?: string;
  value: number;
}

export interface ChartText {
  id: string;
  title: string;
  desc: string;
  /** The value axis' name ("Số xã"). */
  valueAxis: string;
  /** The category axis' name (column chart only: "Số tiêu chí đạt"). */
  categoryAxis?: string;
  /** How a number is written ("16,5" in Vietnamese). */
  format: (n: number) => string;
}

/** Colours of the bars: the "not met" and "met" hues, darkened to read against white. */
export const CHART_COLOURS = { unmet: "#A8322D", met: "#2E6B30", axis: "#5F6368", text: "#1A1A1A" } as const;

const FONT = `font-family="'Segoe UI', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif"`;

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function frame(c: ChartText, width: number, height: number, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${c.id}-t ${c.id}-d" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${FONT} font-size="12">` +
    `<title id="${c.id}-t">${escapeHtml(c.title)}</title><desc id="${c.id}-d">${escapeHtml(c.desc)}</desc>${body}</svg>`
  );
}

/** Horizontal bars, one per item, lengths against `max` (the number of units), counts at the bars' ends. */
export function barChart(items: readonly ChartItem[], max: number, c: ChartText): string {
  const labelWidth = 240;
  const barArea = 330;
  const row = 20;
  const top = 8;
  const width = labelWidth + barArea + 50;
  const height = top + Math.max(1, items.length) * row + 34;
  const scale = (v: number) => (max > 0 ? (v / max) * barArea : 0);
  const parts: string[] = [];
  items.forEach((it, i) => {
    const y = top + i * row;
    const w = scale(it.value);
    parts.push(
      `<g><title>${escapeHtml(`${it.full ?? it.label}: ${c.format(it.value)}`)}</title>` +
        `<text x="${labelWidth - 6}" y="${y + 14}" text-anchor="end" fill="${CHART_COLOURS.text}">${escapeHtml(cut(it.label, 32))}</text>` +
        (w > 0 ? `<rect x="${labelWidth}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 6}" fill="${CHART_COLOURS.unmet}"/>` : "") +
        `<text x="${(labelWidth + w + 4).toFixed(1)}" y="${y + 14}" fill="${CHART_COLOURS.text}">${escapeHtml(c.format(it.value))}</text></g>`,
    );
  });
  const axisY = top + items.length * row + 2;
  parts.push(`<line x1="${labelWidth}" y1="${top}" x2="${labelWidth}" y2="${axisY}" stroke="${CHART_COLOURS.axis}"/>`);
  parts.push(`<line x1="${labelWidth}" y1="${axisY}" x2="${labelWidth + barArea}" y2="${axisY}" stroke="${CHART_COLOURS.axis}"/>`);
  parts.push(`<text x="${labelWidth}" y="${axisY + 14}" fill="${CHART_COLOURS.text}">0</text>`);
  parts.push(`<text x="${labelWidth + barArea}" y="${axisY + 14}" text-anchor="end" fill="${CHART_COLOURS.text}">${escapeHtml(c.format(max))}</text>`);
  parts.push(`<text x="${labelWidth + barArea / 2}" y="${axisY + 28}" text-anchor="middle" fill="${CHART_COLOURS.text}">${escapeHtml(c.valueAxis)}</text>`);
  return frame(c, width, height, parts.join(""));
}

/** Vertical columns, one per item (a number of criteria met), heights against the tallest, counts above. */
export function columnChart(items: readonly ChartItem[], c: ChartText): string {
  const left = 44;
  const col = Math.max(18, Math.min(40, Math.floor(520 / Math.max(1, items.length))));
  const plot = 170;
  const top = 18;
  const width = left + Math.max(1, items.length) * col + 16;
  const height = top + plot + 46;
  const max = Math.max(1, ...items.map((i) => i.value));
  const base = top + plot;
  const parts: string[] = [];
  items.forEach((it, i) => {
    const x = left + i * col;
    const h = (it.value / max) * plot;
    parts.push(
      `<g><title>${escapeHtml(`${it.full ?? it.label}: ${c.format(it.value)}`)}</title>` +
        (h > 0 ? `<rect x="${x + 3}" y="${(base - h).toFixed(1)}" width="${col - 6}" height="${h.toFixed(1)}" fill="${CHART_COLOURS.met}"/>` : "") +
        `<text x="${x + col / 2}" y="${(base - h - 4).toFixed(1)}" text-anchor="middle" fill="${CHART_COLOURS.text}">${escapeHtml(c.format(it.value))}</text>` +
        `<text x="${x + col / 2}" y="${base + 14}" text-anchor="middle" fill="${CHART_COLOURS.text}">${escapeHtml(it.label)}</text></g>`,
    );
  });
  parts.push(`<line x1="${left}" y1="${base}" x2="${left + items.length * col}" y2="${base}" stroke="${CHART_COLOURS.axis}"/>`);
  parts.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${base}" stroke="${CHART_COLOURS.axis}"/>`);
  parts.push(`<text x="${left - 6}" y="${top + 4}" text-anchor="end" fill="${CHART_COLOURS.text}">${escapeHtml(c.format(max))}</text>`);
  parts.push(`<text x="${left - 6}" y="${base}" text-anchor="end" fill="${CHART_COLOURS.text}">0</text>`);
  parts.push(`<text x="12" y="${top + plot / 2}" text-anchor="middle" transform="rotate(-90 12 ${top + plot / 2})" fill="${CHART_COLOURS.text}">${escapeHtml(c.valueAxis)}</text>`);
  if (c.categoryAxis) parts.push(`<text x="${left + (items.length * col) / 2}" y="${base + 32}" text-anchor="middle" fill="${CHART_COLOURS.text}">${escapeHtml(c.categoryAxis)}</text>`);
  return frame(c, width, height, parts.join(""));
}
