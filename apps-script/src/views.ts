// What the sidebar shows of an evaluation: the layout, the column mapping, the units, the
// notices and the unconfirmed targets used; and the one-paragraph summary the menu alerts.
import {
  columnLetters,
  criterionOwnName,
  formatMessage,
  formatNumber,
  formatTarget,
  summariseUnits,
  t,
  unitNoun,
  type CriteriaSet,
  type Language,
  type Message,
  type SheetMapping,
  type SheetRun,
  type UnitResult,
} from "../../shared/index.js";
import type { MiniGrid } from "../../shared/report/miniGrid.js";
import type { ApplyCounts } from "./sheetIO.js";
import { ui } from "./strings.js";

export interface ColumnView {
  cell: string;
  header: string;
  maps: string;
  by: string;
}

export interface UnitView {
  name: string;
  group?: string;
  met: number;
  total: number;
  unmet: string;
  missing: string;
}

export interface EvaluationView {
  sheet: string;
  layout: "wide" | "long";
  columns: ColumnView[];
  ambiguous: Array<{ col: number; letter: string; header: string; candidates: string[] }>;
  unmapped: Array<{ letter: string; header: string }>;
  units: UnitView[];
  warnings: string[];
  unconfirmed: Array<{ code: string; target: string; source: string }>;
  counts?: ApplyCounts;
  /** Against the last save of this sheet in NTM_LichSu. */
  sinceLastSave?: string[];
  /** The units × criteria grid the sidebar draws above the results. */
  grid?: MiniGrid;
}

export function viewOf(evaluation: Extract<SheetRun, { ok: true }>, lang: Language): EvaluationView {
  const { mapping, results } = evaluation;
  const top = mapping.headerRows.top;
  const cell = (col: number) => `${columnLetters(col)}${top + 1}`;
  const columns: ColumnView[] = [];
  const ambiguous: EvaluationView["ambiguous"] = [];
  const unmapped: EvaluationView["unmapped"] = [];
  if (mapping.layout === "wide") {
    columns.push({ cell: cell(mapping.nameCol), header: "", maps: ui("col.unitName", lang), by: "" });
    if (mapping.groupCol !== undefined) columns.push({ cell: cell(mapping.groupCol), header: "", maps: ui("col.commune", lang), by: "" });
    for (const c of mapping.criterionCols) columns.push({ cell: cell(c.col), header: c.header, maps: t("ui.criterion", lang, { no: c.no }), by: c.by });
    for (const c of mapping.indicatorCols) columns.push({ cell: cell(c.col), header: c.header, maps: t("ui.indicator", lang, { code: c.code }), by: c.by });
    for (const a of mapping.ambiguous) ambiguous.push({ col: a.col, letter: columnLetters(a.col), header: a.header, candidates: a.candidates });
    for (const u of mapping.unmapped) unmapped.push({ letter: columnLetters(u.col), header: u.header });
  } else {
    columns.push({ cell: cell(mapping.codeCol), header: "", maps: ui("col.code", lang), by: "" });
    columns.push({ cell: cell(mapping.valueCol), header: "", maps: ui("col.value", lang), by: "" });
    for (const tc of mapping.targetCols) columns.push({ cell: cell(tc.col), header: tc.header, maps: ui("col.target", lang, { region: tc.region ? " " + tc.region : "" }), by: "" });
    if (mapping.assessmentCol !== undefined) columns.push({ cell: cell(mapping.assessmentCol), header: "", maps: ui("col.self", lang), by: "" });
  }
  // Each criterion named, not only numbered: "10. Thu nhập; 13. Tổ chức sản xuất".
  // A criterion the set leaves unnamed ("Tiêu chí số 5") is its number alone.
  const criteria = new Map(evaluation.choice.set.criteria.map((c) => [c.no, criterionOwnName(c, lang)]));
  const named = (nos: readonly number[]) => nos.map((no) => (criteria.get(no) ? `${no}. ${criteria.get(no)}` : String(no))).join("; ");
  const units: UnitView[] = results.map((u) => ({
    name: u.name,
    ...(u.group !== undefined ? { group: u.group } : {}),
    met: u.criteriaMet,
    total: u.criteriaTotal,
    unmet: named(u.unmet),
    missing: named([...u.missing, ...u.invalid].sort((a, b) => a - b)),
  }));
  const seen = new Map<string, { code: string; target: string; source: string }>();
  for (const u of results)
    for (const c of u.criteria)
      for (const i of c.indicators)
        if (i.threshold && !i.threshold.confirmed && i.status !== "missing" && !seen.has(i.code)) seen.set(i.code, { code: i.code, target: formatTarget(i.threshold, lang), source: i.threshold.source });
  return {
    sheet: mapping.sheet,
    layout: mapping.layout,
    columns,
    ambiguous,
    unmapped,
    units,
    warnings: [...(evaluation.choice.origin === "inferred" || evaluation.choice.origin === "workbook" ? [evaluation.choice.why] : []), ...evaluation.notices].map((w: Message) => formatMessage(w, lang)),
    unconfirmed: [...seen.values()],
  };
}

export function summaryText(sheet: string, mapping: SheetMapping, results: readonly UnitResult[], set: CriteriaSet, lang: Language, view: EvaluationView): string {
  let text: string;
  if (mapping.layout === "long") {
    const u = results[0];
    const parts = u ? [t("ui.criteriaMet", lang, { met: u.criteriaMet, total: u.criteriaTotal })] : [];
    if (u?.unmet.length) parts.push(t("ui.unmetList", lang, { list: u.unmet.join(", ") }));
    if (u?.missing.length) parts.push(t("ui.missingList", lang, { list: u.missing.join(", ") }));
    text = ui("evaluatedLong", lang, { sheet, summary: parts.join("; ") });
  } else {
    const s = summariseUnits(results);
    const parts = [ui("summary.avg", lang, { avg: formatNumber(s.averageMet, lang, 1) })];
    const failing = Object.entries(s.byUnmetCriterion).sort((a, b) => Number(a[0]) - Number(b[0]));
    if (failing.length) parts.push(ui("summary.unmet", lang, { list: failing.map(([no, n]) => `${ui("col.criterionShort", lang, { no })} (${n})`).join(", ") }));
    text = ui("evaluatedSummary", lang, { sheet, count: results.length, noun: unitNoun(set, lang), summary: parts.join(" ") });
  }
  if (view.unconfirmed.length) text += "\n" + ui("unconfirmedUsed", lang, { count: view.unconfirmed.length, codes: view.unconfirmed.map((u) => u.code).join(", ") });
  return text;
}
