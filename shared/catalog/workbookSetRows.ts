// The NTM_BoTieuChi sheet written from a set: the rows readWorkbookSet reads back.
import type { CriteriaSet } from "./schema.js";
import { HEADER_LABELS, KIND_LABELS, type ColumnField } from "./workbookSetColumns.js";

/**
 * Writes a set as the rows of an NTM_BoTieuChi sheet (the task pane's "Tạo trang NTM_BoTieuChi"):
 * the same shape readWorkbookSet reads, so a province can fill in its thresholds.
 */
export function criteriaSetToRows(set: CriteriaSet): string[][] {
  const fields = Object.keys(HEADER_LABELS) as ColumnField[];
  const rows: string[][] = [
    ["Mã bộ tiêu chí", set.id],
    ["Tên bộ tiêu chí", set.title],
    ["Cấp", set.level === "xa" ? "xã" : set.level === "thon" ? "thôn" : "huyện"],
    ["Giai đoạn", `${set.period.from}-${set.period.to}`],
    ...set.legalBasis.map((b) => ["Căn cứ", b.document]),
    [],
    fields.map((f) => HEADER_LABELS[f]),
  ];
  for (const c of set.criteria) {
    if (c.indicators.length === 0) rows.push(fields.map((f) => (f === "criterionNo" ? String(c.no) : f === "criterionName" ? c.name : "")));
    for (const ind of c.indicators) {
      for (const t of ind.thresholds.length ? ind.thresholds : [undefined]) {
        const value = t?.value ?? null;
        const cell: Record<ColumnField, string> = {
          criterionNo: String(c.no),
          criterionName: c.name,
          code: ind.code,
          text: ind.text,
          unit: ind.unit,
          kind: KIND_LABELS[ind.kind],
          comparator: ind.comparator,
          region: !t || t.region === "all" ? "" : t.region,
          year: t?.year === undefined ? "" : String(t.year),
          value: value === null ? "" : typeof value === "boolean" ? (value ? "Có" : "Không") : typeof value === "number" ? String(value).replace(".", ",") : value,
          grades: ind.grades?.join("; ") ?? "",
          optional: ind.optional ? "Có" : "",
          source: t?.source ?? ind.source,
          confirmed: t?.confirmed ? "Có" : "Không",
          note: t?.note ?? "",
        };
        rows.push(fields.map((f) => cell[f]));
      }
    }
  }
  return rows;
}
