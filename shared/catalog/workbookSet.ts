import { isAssessmentYear } from "../catalog/years.js";
import { message, type Message, type MessageKey } from "../i18n/message.js";
import { foldVietnamese } from "../text/fold.js";
import { parseCell } from "../engine/parseValue.js";
import { parseRegionId } from "./regions.js";
import { CriteriaSetSchema, type CriteriaSet, type Criterion, type Indicator, type ThresholdEntry } from "./schema.js";
import { ALL_REGIONS, cellText, COLUMNS, COMPARATOR_WORDS, HEADER_LABELS, KIND_LABELS, KIND_WORDS, META_KEYS, WORKBOOK_SET_SHEET, type ColumnField } from "./workbookSetColumns.js";
import { readThresholdValue } from "./workbookSetValue.js";

export { HEADER_LABELS, KIND_LABELS, WORKBOOK_SET_SHEET } from "./workbookSetColumns.js";
export { criteriaSetToRows } from "./workbookSetRows.js";
export { MAX_THRESHOLD } from "./workbookSetValue.js";

export interface SetRowError {
  /** 1-based row number on the sheet. */
  row: number;
  column?: string;
  message: Message;
}

/** `base`: the built-in set the rows amend ("Kế thừa"), when they do. */
export type WorkbookSetResult = { ok: true; set: CriteriaSet; base?: string } | { ok: false; errors: SetRowError[] };

/**
 * Reads a criteria set written as plain rows on the NTM_BoTieuChi sheet: key/value rows
 * (Mã bộ tiêu chí, Tên bộ tiêu chí, Cấp, Giai đoạn, Căn cứ, Kế thừa) above a header row,
 * then one row per threshold. With "Kế thừa" the rows amend that base set (a province
 * entering its own thresholds). Validated with the catalog schema; every error names its row.
 */
export function readWorkbookSet(rows: readonly (readonly unknown[])[], baseSets: ReadonlyMap<string, CriteriaSet> = new Map()): WorkbookSetResult {
  const errors: SetRowError[] = [];
  // Each error is a key of the string tables, so it reaches the user in their language.
  const err = (row: number, key: MessageKey, params: Record<string, string | number> = {}, field?: ColumnField) => {
    const column = field ? HEADER_LABELS[field] : undefined;
    errors.push({ row, ...(column ? { column } : {}), message: message(key, { row: String(row), ...(column ? { column } : {}), ...params }) });
  };
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
    err(1, "setRow.noHeader", { column: HEADER_LABELS.code });
    return { ok: false, errors };
  }
  if (!meta.id) err(1, "setRow.noId");

  let base: CriteriaSet | undefined;
  // Naming a built-in set without "Kế thừa" amends that set.
  if (!meta.extends && meta.id && baseSets.has(meta.id.trim().toLowerCase())) meta.extends = meta.id;
  if (meta.extends) {
    base = baseSets.get(meta.extends.trim().toLowerCase());
    if (!base) err(findMetaRow(rows, META_KEYS.extends), "setRow.unknownBase", { value: meta.extends, expected: [...baseSets.keys()].join(", ") });
  }
  const set: CriteriaSet = base
    ? structuredCloneSet(base)
    : { id: "", title: "", level: "xa", period: { from: 2021, to: 2025 }, legalBasis: [], regions: [], completeness: "partial", criteria: [] };
  if (meta.id) set.id = meta.id.trim().toLowerCase();
  if (meta.title) set.title = meta.title;
  else if (!base) err(findMetaRow(rows, META_KEYS.id), "setRow.noTitle");
  if (meta.level) {
    const l = foldVietnamese(meta.level);
    set.level = l === "thon" || l === "ban" || l === "thon, ban" ? "thon" : l === "huyen" ? "huyen" : "xa";
  }
  if (meta.period) {
    const m = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(meta.period);
    if (m) set.period = { from: Number(m[1]), to: Number(m[2]) };
    else err(findMetaRow(rows, META_KEYS.period), "setRow.badPeriod", { value: meta.period });
  }
  if (meta.basis.length) set.legalBasis = [...meta.basis.map((d) => ({ document: d, confirmed: false })), ...(base ? set.legalBasis : [])];
  else if (!base) set.legalBasis = [{ document: `trang ${WORKBOOK_SET_SHEET}`, confirmed: false }];

  const replaced = new Set<string>();
  const slots = new Map<string, number>();
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
      err(rowNo, "setRow.badCriterionNo", { value: get("criterionNo") }, "criterionNo");
      continue;
    }
    let criterion = set.criteria.find((c) => c.no === no);
    if (!criterion) {
      criterion = { no, name: get("criterionName") || `Tiêu chí số ${no}`, confirmed: false, source: `${WORKBOOK_SET_SHEET}, dòng ${rowNo}`, indicators: [] };
      set.criteria.push(criterion);
    } else if (get("criterionName")) criterion.name = get("criterionName");
    if (!code) continue; // a row that only names a criterion
    if (!/^\d{1,2}(\.\d{1,2})?[a-z]?$/.test(code) || Number(code.split(".")[0]) !== no) {
      err(rowNo, "setRow.badCode", { value: code, no: String(no) }, "code");
      continue;
    }
    let ind = criterion.indicators.find((i) => i.code === code);
    const kindText = foldVietnamese(get("kind"));
    const kind = kindText ? KIND_WORDS[kindText] : ind?.kind;
    if (!kind) {
      err(rowNo, "setRow.badKind", { value: get("kind"), expected: Object.values(KIND_LABELS).map((k) => `"${k}"`).join(", ") }, "kind");
      continue;
    }
    const cmpText = get("comparator");
    const comparator = cmpText ? COMPARATOR_WORDS[cmpText] : (ind?.comparator ?? (kind === "boolean" ? "=" : ">="));
    if (!comparator) {
      err(rowNo, "setRow.badComparator", { value: cmpText }, "comparator");
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
      err(rowNo, "setRow.badRegion", { value: regionText }, "region");
      continue;
    }
    if (region !== "all") regions.add(region);
    const yearText = get("year");
    const year = yearText ? Number(yearText) : undefined;
    if (year !== undefined && !isAssessmentYear(year)) {
      err(rowNo, "setRow.badYear", { value: yearText }, "year");
      continue;
    }
    const read = readThresholdValue(raw("value"), kind, grades, code);
    if (!read.ok) {
      err(rowNo, read.key, read.params, "value");
      continue;
    }
    const value = read.value;
    // Two rows for one slot: which one judges would depend on row order, so neither does.
    const slot = `${code}|${region}|${year ?? ""}`;
    const first = slots.get(slot);
    if (first !== undefined) {
      err(rowNo, "setRow.duplicate", { first: String(first), code });
      continue;
    }
    slots.set(slot, rowNo);
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

export type { Criterion, Indicator };
