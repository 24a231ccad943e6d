// The column mapping the user can correct: one select per column of a wide table, or a line for a
// form. No Excel calls: a change hands the new mapping back to the pane.
import { columnChoiceText, columnLetters, criterionName, parseColumnChoice, t, type Language, type MappingOverride } from "../../shared/index.js";
import { ui } from "../common/ui.js";
import { el } from "./dom.js";
import type { Evaluation } from "./excelAdapter.js";

export function renderMappingView(box: HTMLElement, last: Evaluation | undefined, lang: Language, onChange: (sheet: string, override: MappingOverride) => void): void {
  box.replaceChildren();
  if (!last) return;
  const L = (key: Parameters<typeof ui>[0], params?: Record<string, string | number>) => ui(key, lang, params);
  const m = last.mapping;
  if (m.layout === "long") {
    box.append(el("p", {}, L("mappingLong", { unit: m.unitName, code: columnLetters(m.codeCol + last.origin.col), value: columnLetters(m.valueCol + last.origin.col), rows: m.rows.length })));
    return;
  }
  const set = last.set;
  const table = el("table", { class: "mapping" });
  const columns = new Map<number, { header: string; current: string }>();
  for (const c of m.criterionCols) columns.set(c.col, { header: c.header, current: `c:${c.no}` });
  for (const c of m.indicatorCols) columns.set(c.col, { header: c.header, current: `i:${c.code}` });
  for (const c of m.ambiguous) columns.set(c.col, { header: c.header, current: "" });
  for (const c of m.unmapped) if (!columns.has(c.col)) columns.set(c.col, { header: c.header, current: "ignore" });
  for (const [col, info] of [...columns].sort((a, b) => a[0] - b[0])) {
    const select = el("select", { "aria-label": `${columnLetters(col + last.origin.col)}: ${info.header}`, "data-col": String(col) });
    select.append(el("option", { value: "" }, L("auto")), el("option", { value: "ignore" }, L("ignore")));
    for (const c of set.criteria) {
      // A set that does not name a criterion calls it "Tiêu chí số 5": no "Tiêu chí 5 · Tiêu chí số 5".
      const name = criterionName(c, lang);
      const option = L("criterionOption", { no: c.no });
      select.append(el("option", { value: `c:${c.no}` }, name === t("ui.criterion", lang, { no: c.no }) ? option : `${option} · ${name}`));
      for (const ind of c.indicators) select.append(el("option", { value: `i:${ind.code}` }, L("indicatorOption", { code: ind.code })));
    }
    const current: MappingOverride = last.override;
    const o = current[col];
    select.value = o === undefined ? info.current : columnChoiceText(o);
    select.addEventListener("change", () => {
      const v = select.value;
      const next: MappingOverride = { ...current };
      const choice = v === "" ? undefined : parseColumnChoice(v);
      if (choice === undefined) delete next[col];
      else next[col] = choice;
      onChange(last.sheet, next);
    });
    table.append(el("tr", {}, el("td", {}, columnLetters(col + last.origin.col)), el("td", {}, info.header), el("td", {}, select)));
  }
  box.append(table);
}
