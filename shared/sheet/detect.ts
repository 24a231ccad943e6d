import type { RegionId } from "../catalog/regions.js";
import type { CriteriaSet } from "../catalog/schema.js";
import { message, type Message } from "../i18n/message.js";
import { parseCell } from "../engine/parseValue.js";
import { foldVietnamese } from "../text/fold.js";
import { cellAt, gridWidth, mergedValue, type SheetGrid } from "./grid.js";
import { classifyHeader, type HeaderRole } from "./headers.js";

export interface MappedColumn {
  col: number;
  header: string;
  by: "code" | "name" | "content" | "user";
}

export interface WideMapping {
  layout: "wide";
  sheet: string;
  headerRows: { top: number; bottom: number };
  nameCol: number;
  groupCol?: number;
  sttCol?: number;
  /** Rows holding a unit, with the commune they belong to. */
  dataRows: Array<{ row: number; group?: string }>;
  indicatorCols: Array<MappedColumn & { code: string }>;
  criterionCols: Array<MappedColumn & { no: number }>;
  /** Columns the add-in wrote on an earlier run ("[NTM] ..."), by key. */
  ownedCols: Record<string, number>;
  ambiguous: Array<{ col: number; header: string; candidates: string[] }>;
  unmapped: Array<{ col: number; header: string }>;
}

export interface LongRow {
  row: number;
  code: string;
  /** A criterion heading ("17") rather than one of its indicators ("17.1"). */
  criterionRow: boolean;
}

export interface LongMapping {
  layout: "long";
  sheet: string;
  unitName: string;
  headerRows: { top: number; bottom: number };
  codeCol: number;
  contentCol?: number;
  valueCol: number;
  targetCols: Array<{ col: number; region?: RegionId; header: string }>;
  assessmentCol?: number;
  ownedCols: Record<string, number>;
  rows: LongRow[];
}

export type SheetMapping = WideMapping | LongMapping;

export type DetectResult = { ok: true; mapping: SheetMapping; warnings: Message[] } | { ok: false; reason: Message };

/** A user's confirmation of what a column holds, saved with the workbook: by 0-based column. */
export type MappingOverride = Record<number, { indicator: string } | { criterion: number } | "ignore">;

const MAX_HEADER_SCAN = 40;
const SKIP_NAME = /^(tong|cong|toan (huyen|xa|tinh|thi xa)|binh quan|trung binh|ghi chu|nguoi lap|trong do|tong cong|tong so)/;

/** The header text of a column over a header block: merged parents joined to their children. */
export function headerText(grid: SheetGrid, top: number, bottom: number, col: number): string {
  const parts: string[] = [];
  for (let r = top; r <= bottom; r++) {
    const v = mergedValue(grid, r, col);
    const s = v === null || v === undefined ? "" : String(v).replace(/\s+/g, " ").trim();
    if (s && parts[parts.length - 1] !== s) parts.push(s);
  }
  return parts.join(" / ");
}

function roleWeight(r: HeaderRole): number {
  switch (r.role) {
    case "indicator":
    case "criterion":
    case "criterionOrIndicator":
      return 2;
    case "unitName":
    case "stt":
    case "value":
    case "content":
    case "target":
    case "assessment":
    case "countMet":
      return 1.5;
    case "owned":
    case "note":
      return 0.5;
    default:
      return 0;
  }
}

function blockScore(grid: SheetGrid, set: CriteriaSet, top: number, bottom: number, width: number): number {
  let s = 0;
  for (let c = 0; c < width; c++) {
    const text = headerText(grid, top, bottom, c);
    // A bare number ("1", "10") is a header only under a parent such as "Tiêu chí"; alone it is more likely data.
    const weight = roleWeight(classifyHeader(text, set));
    s += /^[\d.,%\s]+$/.test(text) ? weight / 4 : weight;
  }
  return s;
}

/** A header spread over two rows: a merge in the first row spanning columns, or reaching down into the next. */
function spansTwoRows(grid: SheetGrid, row: number): boolean {
  return (grid.merges ?? []).some((m) => m.top === row && (m.right > m.left || m.bottom > m.top));
}

function findHeaderBlock(grid: SheetGrid, set: CriteriaSet): { top: number; bottom: number } | undefined {
  const width = gridWidth(grid);
  let best: { top: number; bottom: number; score: number } | undefined;
  const last = Math.min(grid.values.length, MAX_HEADER_SCAN);
  for (let r = 0; r < last; r++) {
    const candidates = [{ top: r, bottom: r }];
    if (r + 1 < grid.values.length && spansTwoRows(grid, r)) candidates.push({ top: r, bottom: r + 1 });
    for (const c of candidates) {
      // A two-row header scores at least as well as its first row alone: prefer it then.
      const score = blockScore(grid, set, c.top, c.bottom, width) + (c.bottom > c.top ? 0.005 : 0);
      if (score >= 3 && (!best || score > best.score + 0.001)) best = { ...c, score };
    }
  }
  return best && { top: best.top, bottom: best.bottom };
}

function isNumberingRow(cells: readonly unknown[]): boolean {
  let seen = 0;
  for (const v of cells) {
    if (v === null || v === undefined || v === "") continue;
    if (!/^\(?\s*([0-9]{1,2}|[A-Z])\s*\)?$/.test(String(v).trim())) return false;
    seen++;
  }
  return seen >= 2;
}

/**
 * Finds which layout a sheet is in and what each column and row holds. Never throws;
 * says why when it cannot tell.
 */
export function detectLayout(grid: SheetGrid, set: CriteriaSet, override: MappingOverride = {}): DetectResult {
  if (grid.values.every((r) => r.every((v) => v === null || v === undefined || String(v).trim() === ""))) {
    return { ok: false, reason: message("sheet.empty", { sheet: grid.name }) };
  }
  const block = findHeaderBlock(grid, set);
  if (!block) return { ok: false, reason: message("sheet.noLayout", { sheet: grid.name }) };
  const width = gridWidth(grid);
  const hidden = new Set(grid.hiddenColumns ?? []);
  const columns: Array<{ col: number; header: string; role: HeaderRole }> = [];
  for (let c = 0; c < width; c++) {
    const header = headerText(grid, block.top, block.bottom, c);
    columns.push({ col: c, header, role: hidden.has(c) ? { role: "unknown" } : classifyHeader(header, set) });
  }
  const firstData = block.bottom + 1;
  const has = (role: HeaderRole["role"]) => columns.some((c) => c.role.role === role);
  const ownedCols: Record<string, number> = {};
  for (const c of columns) if (c.role.role === "owned") ownedCols[c.role.key] = c.col;

  if (has("value") && (has("stt") || has("content"))) {
    const long = mapLong(grid, set, block, columns, ownedCols);
    if (long && long.rows.length >= 1) return { ok: true, mapping: long, warnings: [] };
  }
  const unitCols = columns.filter((c) => c.role.role === "unitName");
  if (unitCols.length === 0) return { ok: false, reason: message("sheet.noUnitColumn", { sheet: grid.name }) };
  const thon = unitCols.find((c) => c.role.role === "unitName" && c.role.level === "thon");
  const xa = unitCols.find((c) => c.role.role === "unitName" && c.role.level === "xa");
  const nameCol = (thon ?? xa)!.col;
  const groupCol = thon && xa ? xa.col : undefined;

  const mapping: WideMapping = {
    layout: "wide",
    sheet: grid.name,
    headerRows: block,
    nameCol,
    dataRows: [],
    indicatorCols: [],
    criterionCols: [],
    ownedCols,
    ambiguous: [],
    unmapped: [],
  };
  if (groupCol !== undefined) mapping.groupCol = groupCol;
  const stt = columns.find((c) => c.role.role === "stt");
  if (stt) mapping.sttCol = stt.col;

  const dataRowsAll = candidateRows(grid, firstData, nameCol);
  for (const c of columns) {
    const o = override[c.col];
    if (o !== undefined) {
      if (o === "ignore") continue;
      if ("indicator" in o) mapping.indicatorCols.push({ col: c.col, header: c.header, code: o.indicator, by: "user" });
      else mapping.criterionCols.push({ col: c.col, header: c.header, no: o.criterion, by: "user" });
      continue;
    }
    const r = c.role;
    if (r.role === "indicator") mapping.indicatorCols.push({ col: c.col, header: c.header, code: r.code, by: r.by });
    else if (r.role === "criterion") mapping.criterionCols.push({ col: c.col, header: c.header, no: r.no, by: r.by });
    else if (r.role === "criterionOrIndicator") {
      if (looksLikeAssessments(dataRowsAll.map((r) => cellAt(grid, r, c.col)))) mapping.criterionCols.push({ col: c.col, header: c.header, no: r.no, by: "content" });
      else mapping.indicatorCols.push({ col: c.col, header: c.header, code: r.code, by: "content" });
    } else if (r.role === "ambiguous") mapping.ambiguous.push({ col: c.col, header: c.header, candidates: r.candidates });
    else if (r.role === "unknown" && c.header && c.col !== nameCol) mapping.unmapped.push({ col: c.col, header: c.header });
  }
  if (mapping.indicatorCols.length + mapping.criterionCols.length === 0) {
    return { ok: false, reason: message("sheet.noCriteriaColumns", { sheet: grid.name }) };
  }
  const mappedCols = [...mapping.indicatorCols.map((c) => c.col), ...mapping.criterionCols.map((c) => c.col)];
  let group: string | undefined;
  for (const row of dataRowsAll) {
    const cells = grid.values[row] ?? [];
    const name = String(cellAt(grid, row, nameCol) ?? "").trim();
    const folded = foldVietnamese(name);
    const empty = mappedCols.every((c) => isBlank(cells[c]));
    if (empty) {
      // "Xã Đôn Phong" above its villages: a group heading.
      const g = /^(?:xa|phuong|thi tran)\s+(.+)$/.exec(folded);
      if (g) group = name.replace(/^\S+\s+(thị trấn\s+)?/i, "").trim();
      continue;
    }
    if (SKIP_NAME.test(folded) || isNumberingRow(cells)) continue;
    const g = groupCol !== undefined ? String(mergedValue(grid, row, groupCol) ?? "").trim() : group;
    mapping.dataRows.push(g ? { row, group: g } : { row });
  }
  if (mapping.dataRows.length === 0) return { ok: false, reason: message("sheet.noDataRows", { sheet: grid.name }) };
  const warnings: Message[] = mapping.ambiguous.map((a) => message("sheet.ambiguousColumn", { header: a.header, candidates: a.candidates.join(", ") }));
  return { ok: true, mapping, warnings };
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function candidateRows(grid: SheetGrid, first: number, nameCol: number): number[] {
  const rows: number[] = [];
  for (let r = first; r < grid.values.length; r++) if (!isBlank(cellAt(grid, r, nameCol))) rows.push(r);
  return rows;
}

/**
 * Do a column's cells read as "Đạt / Chưa đạt" (a criterion's self-assessment) rather than values?
 * The first 200 readable cells decide.
 */
export function looksLikeAssessments(cells: Iterable<unknown>): boolean {
  let assess = 0;
  let other = 0;
  let seen = 0;
  for (const cell of cells) {
    if (seen++ >= 200) break;
    const p = parseCell(cell);
    if (!p.ok) continue;
    if (p.value.type === "assessment" || p.value.type === "boolean") assess++;
    else other++;
  }
  return assess > 0 && assess >= other;
}

const ROMAN = /^(i|ii|iii|iv|v|vi|vii|viii|ix|x)\.?$/;

function mapLong(
  grid: SheetGrid,
  set: CriteriaSet,
  block: { top: number; bottom: number },
  columns: Array<{ col: number; header: string; role: HeaderRole }>,
  ownedCols: Record<string, number>,
): LongMapping | undefined {
  const find = (role: HeaderRole["role"]) => columns.find((c) => c.role.role === role);
  const value = find("value");
  const codeCol = (find("stt") ?? find("content"))?.col;
  if (!value || codeCol === undefined) return undefined;
  const contentCol = columns.find((c) => c.role.role === "content" && c.col !== codeCol)?.col;
  const targetCols = columns.flatMap((c) => (c.role.role === "target" ? [c.role.region ? { col: c.col, region: c.role.region, header: c.header } : { col: c.col, header: c.header }] : []));
  const assessment = find("assessment");
  const rows: LongRow[] = [];
  let criterion: number | undefined;
  let lastCode: string | undefined;
  for (let r = block.bottom + 1; r < grid.values.length; r++) {
    const code = readCode(cellAt(grid, r, codeCol), contentCol === undefined ? undefined : cellAt(grid, r, contentCol), criterion, lastCode);
    if (!code) continue;
    const no = Number(code.split(".")[0]);
    if (!Number.isInteger(no) || no < 1 || no > 99) continue;
    const c = set.criteria.find((x) => x.no === no);
    const criterionRow = !code.includes(".") && !(c && c.indicators.some((i) => i.code === code)) && !(set.criteria.length > 0 && !c);
    rows.push({ row: r, code, criterionRow: criterionRow || (!code.includes(".") && !c && isBlank(cellAt(grid, r, value.col))) });
    criterion = no;
    lastCode = code;
  }
  const mapping: LongMapping = {
    layout: "long",
    sheet: grid.name,
    unitName: unitNameFromTitle(grid, block.top) ?? grid.name,
    headerRows: block,
    codeCol,
    valueCol: value.col,
    targetCols,
    ownedCols,
    rows,
  };
  if (contentCol !== undefined) mapping.contentCol = contentCol;
  if (assessment) mapping.assessmentCol = assessment.col;
  return mapping;
}

/** "10", "10.1", 17.1 typed as a number, "a)" under criterion 17, or "Chỉ tiêu 17.2 ..." in the content cell. */
function readCode(stt: unknown, content: unknown, criterion: number | undefined, lastCode: string | undefined): string | undefined {
  if (typeof stt === "number" && Number.isFinite(stt) && stt > 0) {
    if (Number.isInteger(stt)) return String(stt);
    let s = String(stt);
    // 17.10 typed into a number cell reads 17.1: after 17.9 it can only mean 17.10.
    const [head, frac] = s.split(".") as [string, string];
    const prev = lastCode?.split(".");
    if (prev && prev[0] === head && prev[1] && frac.length === 1 && Number(prev[1]) >= 9 && Number(frac) === 1) s = `${head}.10`;
    return s;
  }
  const text = stt === null || stt === undefined ? "" : String(stt).trim();
  const f = foldVietnamese(text).replace(/\.$/, "");
  if (/^\d{1,2}(\.\d{1,2})?$/.test(f)) return f;
  const tc = /^(?:tieu chi|tc)\s*(?:so\s*)?(\d{1,2})$/.exec(f);
  if (tc) return tc[1];
  if (/^[a-h]\)?$/.test(f) && criterion !== undefined && !ROMAN.test(f)) {
    const index = f.charCodeAt(0) - 96;
    return `${criterion}.${index}`;
  }
  if (f === "" && typeof content === "string") {
    const m = /^(?:chi tieu\s*(?:so\s*)?)?(\d{1,2}\.\d{1,2})[.:\s]/.exec(foldVietnamese(content) + " ");
    if (m) return m[1];
  }
  return undefined;
}

/** "BIỂU TỰ ĐÁNH GIÁ ... XÃ THANH VÂN, HUYỆN ..." -> "Thanh Vân". */
export function unitNameFromTitle(grid: SheetGrid, before: number): string | undefined {
  for (let r = 0; r < before; r++) {
    for (const v of grid.values[r] ?? []) {
      if (typeof v !== "string") continue;
      const m = /(?:^|\s)(xã|phường|thị trấn|thôn|bản)\s+([^\n,;:()]+)/iu.exec(v);
      if (!m) continue;
      const name = m[2]!.replace(/\s+(huyện|tỉnh|thành phố|năm|giai đoạn)\b.*$/iu, "").trim();
      if (!name) continue;
      const titled = name === name.toUpperCase() ? name.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_a, s: string, l: string) => s + l.toUpperCase()) : name;
      const kind = m[1]!.toLowerCase();
      return `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${titled}`;
    }
  }
  return undefined;
}
