// The task pane's results list, drawn from an evaluation: nothing here talks to Excel.
import { a1, criterionName, formatGap, formatMessage, formatNumber, formatValue, statusLabel, t, type Language, type Status } from "../../shared/index.js";
import { ui, type UiKey } from "../common/ui.js";
import { el } from "./dom.js";
import type { Evaluation } from "./excelAdapter.js";

/** Items listed per criterion before "… and N more". */
const MAX_ITEMS = 50;

function badge(status: Status, l: Language): HTMLElement {
  return el("span", { class: `badge ${status}` }, statusLabel(status, l));
}

/** The results list: a summary, then per criterion the units or indicators that fall short, each selecting its cell. */
export function renderResultsView(box: HTMLElement, last: Evaluation | undefined, l: Language, select: (sheet: string, address: string) => void): void {
  const L = (key: UiKey, params?: Record<string, string | number>) => ui(key, l, params);
  box.replaceChildren();
  if (!last) {
    box.append(el("p", { class: "muted" }, L("resultsEmpty")));
    return;
  }
  const { results, units, set, origin, sheet } = last;
  if (results.length === 1) {
    const r = results[0]!;
    const parts = [`${r.name ? r.name + ": " : ""}${t("ui.criteriaMet", l, { met: r.criteriaMet, total: r.criteriaTotal })}`];
    if (r.unmet.length) parts.push(t("ui.unmetList", l, { list: r.unmet.join(", ") }));
    if (r.missing.length) parts.push(t("ui.missingList", l, { list: r.missing.join(", ") }));
    box.append(el("p", { class: "summary" }, parts.join("; ")));
  } else {
    const avg = results.reduce((s, r) => s + r.criteriaMet, 0) / Math.max(1, results.length);
    box.append(el("p", { class: "summary" }, L("unitsSummary", { count: results.length, avg: formatNumber(avg, l, 1), total: String(results[0]?.criteriaTotal ?? 0) })));
  }
  box.append(el("p", { class: "muted small" }, L("selectHint")));
  const nos = results[0]?.criteria.map((c) => c.no) ?? [];
  for (const no of nos) {
    const def = set.criteria.find((c) => c.no === no);
    const per = results.map((r, i) => ({ r, unit: units[i]!, c: r.criteria.find((x) => x.no === no)! })).filter((x) => x.c);
    const met = per.filter((x) => x.c.status === "met").length;
    const worst: Status = per.some((x) => x.c.status === "not_met") ? "not_met" : per.some((x) => x.c.status === "invalid") ? "invalid" : per.some((x) => x.c.status === "missing") ? "missing" : per.every((x) => x.c.status === "met") ? "met" : "no_threshold";
    const group = el("div", { class: "crit", "data-criterion": String(no) });
    const label = t("ui.criterion", l, { no });
    const name = def ? criterionName(def, l) : "";
    const head = el("h3", {}, badge(worst, l), name && name !== label ? `${label} · ${name}` : label);
    if (results.length > 1) head.append(el("span", { class: "muted small" }, L("criterionSummary", { met, units: per.length })));
    group.append(head);
    const list = el("ul", {});
    let shown = 0;
    let hidden = 0;
    for (const { r, unit, c } of per) {
      const items: Array<{ status: Status; text: string; cell?: { row: number; col: number } }> = [];
      const inds = c.indicators.filter((i) => results.length === 1 || i.status !== "met");
      if (c.origin === "indicators" && inds.length) {
        for (const i of inds) {
          const value = formatValue(i.value, l);
          const gap = formatGap(i.gap, l);
          const reason = i.status !== "met" && i.reason ? formatMessage(i.reason, l) : "";
          const text = [`${i.code}${value ? ": " + value : ""}`, gap || reason].filter(Boolean).join(" · ");
          items.push({ status: i.status, text: results.length > 1 ? `${r.name}: ${text}` : text, cell: unit.valueCells[i.code] ?? unit.criterionCells[no] });
        }
      } else if (c.status !== "met" || results.length === 1) {
        items.push({ status: c.status, text: results.length > 1 ? r.name : t("ui.criterion", l, { no }), cell: unit.criterionCells[no] ?? Object.values(unit.valueCells)[0] });
      }
      for (const it of items) {
        if (shown >= MAX_ITEMS) {
          hidden++;
          continue;
        }
        shown++;
        const address = it.cell ? a1(it.cell, origin) : "";
        const button = el("button", { type: "button", "data-address": address }, badge(it.status, l), el("span", {}, it.text), el("span", { class: "where" }, address));
        if (address) button.addEventListener("click", () => select(sheet, address));
        else button.disabled = true;
        list.append(el("li", {}, button));
      }
    }
    if (hidden) list.append(el("li", { class: "muted small" }, L("more", { count: hidden })));
    if (list.childElementCount) group.append(list);
    box.append(group);
  }
}
