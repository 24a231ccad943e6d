// The wide layout (district sheets): one row per commune or village, a column per criterion or indicator.
import type { CriteriaSet } from "../catalog/schema.js";
import { parseCell } from "../engine/parseValue.js";
import { message, type Message } from "../i18n/message.js";
import { foldVietnamese } from "../text/fold.js";
import { cellAt, mergedValue, type SheetGrid } from "./grid.js";
import type { HeaderBlock } from "./headerBlock.js";
import type { HeaderRole } from "./headers.js";
import type { ColumnRole, MappingOverride, UnitLevel, WideMapping } from "./detect.js";
import { isBlank, titleCase } from "./cellText.js";
import { unitNameFromTitle } from "./long.js";

const SKIP_NAME = /^(tong|cong|toan (huyen|xa|tinh|thi xa)|binh quan|trung binh|ghi chu|nguoi lap|trong do|tong cong|tong so|ty le|so (thon|xa|ban)|chia ra|nguon)/;
/** "I.", "1.", "II -", "A)" before a heading's words. */
const LEADING_NUMBERING = /^(?:[ivx]{1,4}|[a-d]|\d{1,2})\s*[.)\-:]?\s+/;
const COMMUNE_HEADING = /^(xa|phuong|thi tran)\s+(.+)$/;
const VILLAGE_NAME = /^(thon|ban|ap|xom|lang|khu|to dan pho|to|khom|buon|plei|soc)\s/;
const TICK = new Set(["x", "✓", "✔", "v", "☑", "+"]);

function isNumberingRow(cells: readonly unknown[]): boolean {
  let seen = 0;
  for (const v of cells) {
    if (isBlank(v)) continue;
    if (!/^\(?\s*([0-9]{1,2}|[A-Z])\s*\)?$/.test(String(v).trim())) return false;
    seen++;
  }
  return seen >= 2;
}

/** "Xã Vũ Muộn", "I. XÃ ĐÔN PHONG", "Thị trấn Bằng Lũng" -> the commune's name, as written. */
export function communeHeading(text: string): string | undefined {
  const folded = foldVietnamese(text).replace(LEADING_NUMBERING, "");
  const m = COMMUNE_HEADING.exec(folded);
  if (!m) return undefined;
  const words = text.normalize("NFC").trim().split(/\s+/);
  // Drop the numbering and the "Xã"/"Phường"/"Thị trấn" words; keep the name as written.
  const drop = (LEADING_NUMBERING.test(foldVietnamese(text)) ? 1 : 0) + (m[1] === "thi tran" ? 2 : 1);
  const name = words.slice(drop).join(" ");
  return name === name.toUpperCase() ? titleCase(name) : name;
}

function firstText(cells: readonly unknown[]): string | undefined {
  for (const v of cells) if (typeof v === "string" && v.trim()) return v;
  return undefined;
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

/** A block of criterion columns holding only ticks ("x", "✓") and blanks: a blank then means not met. */
function onlyTicks(grid: SheetGrid, rows: readonly number[], cols: readonly number[]): boolean {
  let ticks = 0;
  let blanks = 0;
  for (const r of rows) {
    for (const c of cols) {
      const v = cellAt(grid, r, c);
      if (isBlank(v)) {
        blanks++;
        continue;
      }
      if (!TICK.has(foldVietnamese(String(v)))) return false;
      ticks++;
    }
  }
  return ticks > 0 && blanks > 0;
}

/** How strongly the columns say "criteria table": a code or a criterion's name counts more than loose words. */
function strength(cols: WideMapping["criterionCols"] | WideMapping["indicatorCols"]): number {
  let s = 0;
  // An explicit code ("Tiêu chí 7", "10.1") or the user's word settles it; a bare number or a name needs company.
  for (const c of cols) s += c.by === "code" || c.by === "user" ? 3 : c.by === "content" ? 2 : 1;
  return s;
}

export interface WideInput {
  grid: SheetGrid;
  set: CriteriaSet;
  block: HeaderBlock;
  columns: Array<{ col: number; header: string; role: ColumnRole }>;
  ownedCols: Record<string, number>;
  override: MappingOverride;
  blankCriterion?: "not_met" | "missing";
}

export type WideResult = { ok: true; mapping: WideMapping; warnings: Message[] } | { ok: false; reason: Message };

export function mapWide({ grid, set, block, columns, ownedCols, override, blankCriterion }: WideInput): WideResult {
  const unitCols = columns.filter((c): c is typeof c & { role: Extract<HeaderRole, { role: "unitName" }> } => c.role.role === "unitName");
  if (unitCols.length === 0) return { ok: false, reason: message("sheet.noUnitColumn", { sheet: grid.name }) };
  const thon = unitCols.find((c) => c.role.level === "thon");
  const xa = unitCols.find((c) => c.role.level === "xa");
  const nameCol = (thon ?? xa)!.col;
  const groupCol = thon && xa ? xa.col : undefined;
  const firstData = block.bottom + 1;

  const mapping: WideMapping = {
    layout: "wide",
    sheet: grid.name,
    headerRows: block,
    nameCol,
    level: thon ? "thon" : "xa",
    dataRows: [],
    indicatorCols: [],
    criterionCols: [],
    ownedCols,
    ambiguous: [],
    unmapped: [],
    blankCriterion: "missing",
  };
  if (groupCol !== undefined) mapping.groupCol = groupCol;
  const stt = columns.find((c) => c.role.role === "stt");
  if (stt) mapping.sttCol = stt.col;
  const count = columns.find((c) => c.role.role === "countMet");
  if (count) mapping.countCol = count.col;

  const candidates: number[] = [];
  for (let r = firstData; r < grid.values.length; r++) if (!isBlank(cellAt(grid, r, nameCol)) || firstText(grid.values[r] ?? []) !== undefined) candidates.push(r);
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
      if (looksLikeAssessments(candidates.map((row) => cellAt(grid, row, c.col)))) mapping.criterionCols.push({ col: c.col, header: c.header, no: r.no, by: "content" });
      else mapping.indicatorCols.push({ col: c.col, header: c.header, code: r.code, by: "content" });
    } else if (r.role === "ambiguous") mapping.ambiguous.push({ col: c.col, header: c.header, candidates: r.candidates });
    else if (r.role === "unknown" && c.header && c.col !== nameCol) mapping.unmapped.push({ col: c.col, header: c.header });
  }
  if (mapping.indicatorCols.length + mapping.criterionCols.length === 0) {
    return { ok: false, reason: message("sheet.noCriteriaColumns", { sheet: grid.name }) };
  }
  // A phone list with an "Đơn vị" column and one header that shares words with an indicator is not a criteria table.
  if (strength(mapping.criterionCols) + strength(mapping.indicatorCols) < 3) {
    const found = [...mapping.criterionCols, ...mapping.indicatorCols].map((c) => `"${c.header}"`).join(", ");
    return { ok: false, reason: message("sheet.notCriteriaTable", { sheet: grid.name, found }) };
  }

  const mappedCols = [...mapping.indicatorCols.map((c) => c.col), ...mapping.criterionCols.map((c) => c.col)];
  let group: string | undefined;
  for (const row of candidates) {
    const cells = grid.values[row] ?? [];
    const empty = mappedCols.every((c) => isBlank(cells[c]));
    if (empty) {
      if (endsTable(cells)) break;
      // "Xã Đôn Phong" (or "I. XÃ ĐÔN PHONG" merged over the row) above its villages: a group heading.
      for (const v of cells) {
        const g = typeof v === "string" ? communeHeading(v) : undefined;
        if (g !== undefined) {
          group = g;
          break;
        }
      }
      continue;
    }
    // A row whose criterion cells hold no mark or number is not a unit: a signature block
    // ("NGƯỜI LẬP BIỂU ... TRƯỞNG PHÒNG") ends the table, names under it are people.
    if (!mappedCols.some((c) => holdsValue(cells[c]))) {
      if (endsTable(cells)) break;
      continue;
    }
    const name = String(cellAt(grid, row, nameCol) ?? "").trim();
    if (!name || SKIP_NAME.test(foldVietnamese(name)) || isNumberingRow(cells)) continue;
    const g = groupCol !== undefined ? groupName(grid, row, groupCol) : group;
    mapping.dataRows.push(g ? { row, group: g } : { row });
  }
  if (mapping.dataRows.length === 0) return { ok: false, reason: message("sheet.noDataRows", { sheet: grid.name }) };
  mapping.level = unitLevel(grid, mapping, thon !== undefined);
  // One sheet per commune ("... CÁC THÔN XÃ ĐÔN PHONG"): its villages belong to the commune its title names.
  if (mapping.level === "thon" && mapping.dataRows.every((d) => d.group === undefined)) {
    const named = unitNameFromTitle(grid, block.top, true) ?? grid.name;
    const g = communeHeading(named);
    if (g !== undefined) for (const d of mapping.dataRows) d.group = g;
  }

  const warnings: Message[] = mapping.ambiguous.map((a) => message("sheet.ambiguousColumn", { header: a.header, candidates: a.candidates.join(", ") }));
  const critCols = mapping.criterionCols.map((c) => c.col);
  const ticks = critCols.length > 0 && onlyTicks(grid, mapping.dataRows.map((d) => d.row), critCols);
  mapping.blankCriterion = blankCriterion ?? (ticks ? "not_met" : "missing");
  if (ticks) warnings.push(message(mapping.blankCriterion === "not_met" ? "sheet.tickBlankNotMet" : "sheet.tickBlankMissing", { sheet: grid.name }));
  return { ok: true, mapping, warnings };
}

/** The signature block under a table: nothing below it is data. */
const SIGNATURE = /^(nguoi lap( bieu)?|xac nhan|truong phong|pho truong phong|chu tich|pho chu tich|giam doc|thu truong|ky ten|noi nhan|tm\.? ?(ubnd|uy ban)|kt\.? ?(chu tich|truong phong))\b/;

function endsTable(cells: readonly unknown[]): boolean {
  for (const v of cells) if (typeof v === "string" && v.trim() && SIGNATURE.test(foldVietnamese(v))) return true;
  return false;
}

/** A cell that reads as a mark, a number or a yes/no (not free text such as a person's name). */
function holdsValue(v: unknown): boolean {
  const p = parseCell(v);
  return p.ok && p.value.type !== "text";
}

function groupName(grid: SheetGrid, row: number, col: number): string | undefined {
  const raw = String(mergedValue(grid, row, col) ?? "").trim();
  if (!raw) return undefined;
  return communeHeading(raw) ?? raw;
}

/** Villages when the name column says so, or when most names read "Thôn ...", "Bản ...". */
function unitLevel(grid: SheetGrid, m: WideMapping, thonColumn: boolean): UnitLevel {
  if (thonColumn || m.groupCol !== undefined || m.dataRows.some((d) => d.group !== undefined)) return "thon";
  let villages = 0;
  for (const d of m.dataRows) if (VILLAGE_NAME.test(foldVietnamese(String(cellAt(grid, d.row, m.nameCol) ?? "")) + " ")) villages++;
  return villages * 2 > m.dataRows.length ? "thon" : "xa";
}
