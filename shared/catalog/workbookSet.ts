import { isAssessmentYear } from "../catalog/years.js";
import { message, type Message } from "../i18n/message.js";
import { foldVietnamese } from "../text/fold.js";
import { fractionToPoints, parseCell } from "../engine/parseValue.js";
import { parseRegionId } from "./regions.js";
import { CriteriaSetSchema, type Comparator, type CriteriaSet, type Criterion, type Indicator, type IndicatorKind, type ThresholdEntry } from "./schema.js";

/** The sheet a workbook carries its own criteria set on (DESIGN.md). */
export const WORKBOOK_SET_SHEET = "NTM_BoTieuChi";

export interface SetRowError {
  /** 1-based row number on the sheet. */
  row: number;
  column?: string;
  message: Message;
}

/** `base`: the built-in set the rows amend ("Kế thừa"), when they do. */
export type WorkbookSetResult = { ok: true; set: CriteriaSet; base?: string } | { ok: false; errors: SetRowError[] };

const META_KEYS = {
  id: "ma bo tieu chi",
  title: "ten bo tieu chi",
  level: "cap",
  period: "giai doan",
  basis: "can cu",
  extends: "ke thua",
} as const;

/** Header texts (folded) -> field. The first matching header wins. */
const COLUMNS: Array<[field: ColumnField, headers: string[]]> = [
  ["criterionNo", ["tieu chi so", "so tieu chi", "tieu chi"]],
  ["criterionName", ["ten tieu chi"]],
  ["code", ["ma chi tieu", "chi tieu so", "ma"]],
  ["text", ["noi dung chi tieu", "noi dung"]],
  ["unit", ["don vi", "don vi tinh"]],
  ["kind", ["loai", "kieu"]],
  ["comparator", ["so sanh", "dieu kien"]],
  ["region", ["vung"]],
  ["year", ["nam"]],
  ["value", ["nguong", "muc yeu cau", "muc"]],
  ["grades", ["cac muc xep loai", "muc xep loai"]],
  ["optional", ["neu co"]],
  ["source", ["nguon", "van ban"]],
  ["confirmed", ["da xac nhan", "xac nhan"]],
  ["note", ["ghi chu"]],
];
type ColumnField =
  | "criterionNo" | "criterionName" | "code" | "text" | "unit" | "kind" | "comparator" | "region"
  | "year" | "value" | "grades" | "optional" | "source" | "confirmed" | "note";

export const HEADER_LABELS: Record<ColumnField, string> = {
  criterionNo: "Tiêu chí số",
  criterionName: "Tên tiêu chí",
  code: "Mã chỉ tiêu",
  text: "Nội dung chỉ tiêu",
  unit: "Đơn vị",
  kind: "Loại",
  comparator: "So sánh",
  region: "Vùng",
  year: "Năm",
  value: "Ngưỡng",
  grades: "Các mức xếp loại",
  optional: "Nếu có",
  source: "Nguồn",
  confirmed: "Đã xác nhận",
  note: "Ghi chú",
};

const KIND_WORDS: Record<string, IndicatorKind> = {
  so: "number", number: "number",
  "ty le": "percent", "ty le (%)": "percent", "%": "percent", percent: "percent",
  "co/khong": "boolean", "dat/khong dat": "boolean", boolean: "boolean",
  "xep loai": "grade", grade: "grade",
  dem: "count", "so luong": "count", count: "count",
};
export const KIND_LABELS: Record<IndicatorKind, string> = { number: "số", percent: "tỷ lệ (%)", boolean: "có/không", grade: "xếp loại", count: "đếm" };

const COMPARATOR_WORDS: Record<string, Comparator> = { ">=": ">=", "≥": ">=", ">": ">", "<=": "<=", "≤": "<=", "<": "<", "=": "=" };
const ALL_REGIONS = new Set(["", "tat ca", "chung", "ca nuoc", "all"]);

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  return String(v).trim();
}

/**
 * Reads a criteria set written as plain rows on the NTM_BoTieuChi sheet: key/value rows
 * (Mã bộ tiêu chí, Tên bộ tiêu chí, Cấp, Giai đoạn, Căn cứ, Kế thừa) above a header row,
 * then one row per threshold. With "Kế thừa" the rows amend that base set (a province
 * entering its own thresholds). Validated with the catalog schema; every error names its row.
 */
export function readWorkbookSet(rows: readonly (readonly unknown[])[], baseSets: ReadonlyMap<string, CriteriaSet> = new Map()): WorkbookSetResult {
  const errors: SetRowError[] = [];
  const err = (row: number, detail: string, column?: string) => errors.push({ row, ...(column ? { column } : {}), message: message("set.row", { row, detail }) });
  const meta: { id?: string; title?: string; level?: string; period?: string; extends?: string; basis: string[] } = { basis: [] };
  let headerRow = -1;
  const col: Partial<Record<ColumnField, number>> = {};

  for (let r = 0; r < rows.length && headerRow < 0; r++) {
    const cells = rows[r] ?? [];
    const folded = cells.map((c) => foldVietnamese(cellText(c)).replace(/:$/, ""));
    if (folded.includes("ma chi tieu")) {
      headerRow = r;
      folded.forEach((h, i) => {
        for (const [field, headers] of COLUMNS) if (col[field] === undefined && headers.includes(h)) col[field] = i;
      });
      continue;
    }
    const key = folded[0];
    const value = cellText(cells[1]);
    for (const [field, k] of Object.entries(META_KEYS) as Array<[keyof typeof META_KEYS, string]>) {
      if (key === k && value) {
        if (field === "basis") meta.basis.push(value);
        else meta[field] = value;
      }
    }
  }
  if (headerRow < 0) {
    err(1, `không thấy dòng tiêu đề có cột "${HEADER_LABELS.code}"`);
    return { ok: false, errors };
  }
  if (!meta.id) err(1, `thiếu "Mã bộ tiêu chí" (ví dụ: xa-ntm-tinh-2021-2025)`);

  let base: CriteriaSet | undefined;
  // Naming a built-in set without "Kế thừa" amends that set.
  if (!meta.extends && meta.id && baseSets.has(meta.id.trim().toLowerCase())) meta.extends = meta.id;
  if (meta.extends) {
    base = baseSets.get(meta.extends.trim().toLowerCase());
    if (!base) err(findMetaRow(rows, META_KEYS.extends), `không có bộ tiêu chí "${meta.extends}" để kế thừa; có: ${[...baseSets.keys()].join(", ")}`);
  }
  const set: CriteriaSet = base
    ? structuredCloneSet(base)
    : { id: "", title: "", level: "xa", period: { from: 2021, to: 2025 }, legalBasis: [], regions: [], completeness: "partial", criteria: [] };
  if (meta.id) set.id = meta.id.trim().toLowerCase();
  if (meta.title) set.title = meta.title;
  else if (!base) err(findMetaRow(rows, META_KEYS.id), `thiếu "Tên bộ tiêu chí"`);
  if (meta.level) {
    const l = foldVietnamese(meta.level);
    set.level = l === "thon" || l === "ban" || l === "thon, ban" ? "thon" : l === "huyen" ? "huyen" : "xa";
  }
  if (meta.period) {
    const m = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(meta.period);
    if (m) set.period = { from: Number(m[1]), to: Number(m[2]) };
    else err(findMetaRow(rows, META_KEYS.period), `"Giai đoạn" cần dạng 2021-2025, nhận "${meta.period}"`);
  }
  if (meta.basis.length) set.legalBasis = [...meta.basis.map((d) => ({ document: d, confirmed: false })), ...(base ? set.legalBasis : [])];
  else if (!base) set.legalBasis = [{ document: `trang ${WORKBOOK_SET_SHEET}`, confirmed: false }];

  const replaced = new Set<string>();
  const regions = new Set(set.regions);
  for (let r = headerRow + 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const get = (f: ColumnField) => (col[f] === undefined ? "" : cellText(cells[col[f]!]));
    const raw = (f: ColumnField) => (col[f] === undefined ? undefined : cells[col[f]!]);
    const rowNo = r + 1;
    if (cells.every((c) => cellText(c) === "")) continue;
    const code = get("code").replace(/^chỉ tiêu\s*/i, "");
    let no = Number(get("criterionNo").replace(/^tiêu chí( số)?\s*/i, ""));
    if (code && !Number.isInteger(no)) no = Number(code.split(".")[0]);
    if (!Number.isInteger(no) || no < 1) {
      err(rowNo, `"${HEADER_LABELS.criterionNo}" cần một số nguyên từ 1, nhận "${get("criterionNo")}"`, HEADER_LABELS.criterionNo);
      continue;
    }
    let criterion = set.criteria.find((c) => c.no === no);
    if (!criterion) {
      criterion = { no, name: get("criterionName") || `Tiêu chí số ${no}`, confirmed: false, source: `${WORKBOOK_SET_SHEET}, dòng ${rowNo}`, indicators: [] };
      set.criteria.push(criterion);
    } else if (get("criterionName")) criterion.name = get("criterionName");
    if (!code) continue; // a row that only names a criterion
    if (!/^\d{1,2}(\.\d{1,2})?[a-z]?$/.test(code) || Number(code.split(".")[0]) !== no) {
      err(rowNo, `"${HEADER_LABELS.code}" "${code}" không thuộc tiêu chí ${no} (ví dụ đúng: ${no}.1)`, HEADER_LABELS.code);
      continue;
    }
    let ind = criterion.indicators.find((i) => i.code === code);
    const kindText = foldVietnamese(get("kind"));
    const kind = kindText ? KIND_WORDS[kindText] : ind?.kind;
    if (!kind) {
      err(rowNo, `"${HEADER_LABELS.kind}" cần một trong: ${Object.values(KIND_LABELS).join(", ")}; nhận "${get("kind")}"`, HEADER_LABELS.kind);
      continue;
    }
    const cmpText = get("comparator");
    const comparator = cmpText ? COMPARATOR_WORDS[cmpText] : (ind?.comparator ?? (kind === "boolean" ? "=" : ">="));
    if (!comparator) {
      err(rowNo, `"${HEADER_LABELS.comparator}" cần một trong ≥, >, ≤, <, =; nhận "${cmpText}"`, HEADER_LABELS.comparator);
      continue;
    }
    const grades = get("grades") ? get("grades").split(/\s*;\s*/).filter(Boolean) : ind?.grades;
    if (!ind) {
      ind = { code, text: get("text") || code, unit: get("unit"), kind, comparator, thresholds: [], confirmed: false, source: get("source") || `${WORKBOOK_SET_SHEET}, dòng ${rowNo}` };
      criterion.indicators.push(ind);
    } else {
      if (!replaced.has(code)) ind.source = get("source") || ind.source;
      if (get("text")) ind.text = get("text");
      if (col.unit !== undefined) ind.unit = get("unit");
      ind.kind = kind;
      ind.comparator = comparator;
    }
    if (grades) ind.grades = grades;
    if (col.optional !== undefined) {
      const o = parseCell(raw("optional"));
      if (o.ok && (o.value.type === "boolean" || o.value.type === "assessment")) {
        if (o.value.type === "boolean" ? o.value.value : o.value.met) ind.optional = true;
        else delete ind.optional;
      }
    }
    const regionText = get("region");
    const region = ALL_REGIONS.has(foldVietnamese(regionText)) ? "all" : parseRegionId(regionText);
    if (!region) {
      err(rowNo, `"${HEADER_LABELS.region}" "${regionText}" không phải vùng: cần tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl hoặc để trống (mọi vùng)`, HEADER_LABELS.region);
      continue;
    }
    if (region !== "all") regions.add(region);
    const yearText = get("year");
    const year = yearText ? Number(yearText) : undefined;
    if (year !== undefined && !isAssessmentYear(year)) {
      err(rowNo, `"${HEADER_LABELS.year}" cần một năm như 2024, nhận "${yearText}"`, HEADER_LABELS.year);
      continue;
    }
    const value = readThresholdValue(raw("value"), kind, grades);
    if (value === undefined) {
      err(rowNo, `"${HEADER_LABELS.value}" "${get("value")}" không hợp với loại "${KIND_LABELS[kind]}"`, HEADER_LABELS.value);
      continue;
    }
    const confirmedCell = parseCell(raw("confirmed"));
    const confirmed = value !== null && confirmedCell.ok && (confirmedCell.value.type === "boolean" ? confirmedCell.value.value : confirmedCell.value.type === "assessment" && confirmedCell.value.met);
    const entry: ThresholdEntry = { region, value, source: get("source") || `${WORKBOOK_SET_SHEET}, dòng ${rowNo}`, confirmed };
    if (year !== undefined) entry.year = year;
    if (get("note")) entry.note = get("note");
    replaced.add(code);
    // A row replaces the base set's entry for the same region and year only.
    ind.thresholds = ind.thresholds.filter((t) => !(t.region === entry.region && t.year === entry.year));
    ind.thresholds.push(entry);
    if (year !== undefined) {
      set.period = { from: Math.min(set.period.from, year), to: Math.max(set.period.to, year) };
    }
  }
  set.regions = [...regions];
  set.criteria.sort((a, b) => a.no - b.no);
  if (errors.length) return { ok: false, errors };

  const parsed = CriteriaSetSchema.safeParse(set);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ row: rowOfIssue(rows, headerRow, set, i.path), message: message("set.row", { row: rowOfIssue(rows, headerRow, set, i.path), detail: i.message }) })),
    };
  }
  return base ? { ok: true, set: parsed.data, base: base.id } : { ok: true, set: parsed.data };
}

function readThresholdValue(raw: unknown, kind: IndicatorKind, grades: readonly string[] | undefined): ThresholdEntry["value"] | undefined {
  const p = parseCell(raw);
  if (!p.ok) return p.missing ? null : undefined;
  const v = p.value;
  if (kind === "boolean") {
    if (v.type === "boolean") return v.value;
    if (v.type === "assessment") return v.met;
    return undefined;
  }
  if (kind === "grade") {
    const g = grades?.find((x) => foldVietnamese(x) === foldVietnamese(String(raw)).replace(/ tro len$/, ""));
    return g;
  }
  if (v.type !== "number") return undefined;
  if (kind === "percent" && typeof raw === "number" && raw <= 1 && raw > 0) return fractionToPoints(raw);
  return v.value;
}

function rowOfIssue(rows: readonly (readonly unknown[])[], headerRow: number, set: CriteriaSet, path: readonly PropertyKey[]): number {
  // Point at the first row of the indicator or criterion the issue is about.
  const ci = typeof path[1] === "number" ? path[1] : undefined;
  const ii = typeof path[3] === "number" ? path[3] : undefined;
  const c = ci === undefined ? undefined : set.criteria[ci];
  const code = c && ii !== undefined ? c.indicators[ii]?.code : undefined;
  for (let r = headerRow + 1; r < rows.length; r++) {
    const cells = (rows[r] ?? []).map(cellText);
    if (code ? cells.includes(code) : c ? cells.includes(String(c.no)) : false) return r + 1;
  }
  return headerRow + 1;
}

function findMetaRow(rows: readonly (readonly unknown[])[], key: string): number {
  const i = rows.findIndex((r) => foldVietnamese(cellText(r?.[0])).replace(/:$/, "") === key);
  return i < 0 ? 1 : i + 1;
}

function structuredCloneSet(s: CriteriaSet): CriteriaSet {
  return JSON.parse(JSON.stringify(s)) as CriteriaSet;
}

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

export type { Criterion, Indicator };
