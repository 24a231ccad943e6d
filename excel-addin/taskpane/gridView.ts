// The task pane's units × criteria mini grid, above the results list, laid out from the shared
// model (shared/report/miniGrid.ts). Its own chunk (taskpane.ts imports it after an evaluation):
// the pane's first paint does not carry it. Nothing here talks to Excel.
import type { Language } from "../../shared/i18n/strings.js";
import { miniGrid, type MiniGrid, type MiniGridStatus } from "../../shared/report/miniGrid.js";
import { ui } from "../common/ui.js";
import { el } from "./dom.js";
import type { Evaluation } from "./excelAdapter.js";
import { wireGridKeys } from "./gridKeys.js";

/** A focusable cell selecting `address` on the sheet when clicked (or Enter). */
function target<K extends "th" | "td">(tag: K, r: number, c: number, address: string, label: string, ...children: string[]): HTMLElementTagNameMap[K] {
  const e = el(tag, { "data-r": String(r), "data-c": String(c), "data-address": address, title: `${label} (${address})`, "aria-label": label }, ...children);
  if (tag === "th") e.setAttribute("scope", "row");
  return e;
}

/** The grid as a table: criteria as columns (number, name as tooltip), units under their communes, then the totals. */
export function gridTable(g: MiniGrid, lang: Language, select: (address: string) => void): HTMLElement {
  const byStatus = new Map<string, MiniGridStatus>(g.legend.map((s) => [s.status, s]));
  const span = String(g.criteria.length + 1);
  const table = el("table", { class: "mini-grid", role: "grid", "aria-label": ui("grid.caption", lang) });
  const head = el("tr", {}, el("th", { scope: "col" }, ui("unit", lang)));
  for (const c of g.criteria) head.append(el("th", { scope: "col", title: c.label, "aria-label": c.label }, String(c.no)));
  table.append(el("thead", {}, head));
  let r = 0;
  for (const group of g.groups) {
    const body = el("tbody", {});
    if (group.label) body.append(el("tr", { class: "group" }, el("th", { scope: "rowgroup", colspan: span }, group.label)));
    for (const u of group.units) {
      const name = group.label ? `${u.name} (${group.label})` : u.name;
      const row = el("tr", {}, target("th", r, 0, u.address, `${name}: ${u.met}/${u.total}`, u.name));
      u.cells.forEach((cell, i) => {
        const s = cell.status ? byStatus.get(cell.status) : undefined;
        const td = target("td", r, i + 1, cell.address, `${name} · ${g.criteria[i]!.label}: ${s?.word ?? "—"}`, s?.letter ?? "");
        if (s) td.style.background = s.colour;
        td.style.color = g.textColour;
        row.append(td);
      });
      body.append(row);
      r++;
    }
    table.append(body);
  }
  const totals = el("tr", {}, el("th", { scope: "row" }, ui("grid.total", lang)));
  for (const c of g.criteria) totals.append(el("td", { title: `${c.label}: ${c.met}/${c.judged}` }, String(c.met)));
  table.append(el("tfoot", {}, totals));
  table.addEventListener("click", (e) => {
    const address = (e.target as HTMLElement).closest<HTMLElement>("[data-address]")?.dataset.address;
    if (address) select(address);
  });
  wireGridKeys(table);
  return table;
}

/** The legend: each status's letter on its colour, then its word. */
function legend(g: MiniGrid): HTMLElement {
  const p = el("p", { class: "mini-legend small" });
  for (const s of g.legend) p.append(el("span", {}, el("b", { style: `background:${s.colour};color:${g.textColour}` }, s.letter), s.word));
  return p;
}

/** Draws the grid of the last evaluation into `box` (empty without one). */
export function renderGridView(box: HTMLElement, last: Evaluation | undefined, lang: Language, select: (sheet: string, address: string) => void): void {
  box.replaceChildren();
  if (!last) return;
  const g = miniGrid({ sheet: last.sheet, origin: last.origin, mapping: last.mapping, units: last.units, results: last.results, set: last.set }, lang);
  if (!g.criteria.length) return;
  box.append(el("p", { class: "muted small" }, ui("grid.hint", lang)), el("div", { class: "mini-wrap" }, gridTable(g, lang, (address) => select(g.sheet, address))), legend(g));
  if (g.hidden) box.append(el("p", { class: "muted small" }, ui("grid.more", lang, { count: g.hidden })));
}
