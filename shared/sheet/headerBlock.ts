// Where a sheet's table header is, and what each column's header says.
// Office sheets put a title block above the table (agency, national motto, document number,
// date, a title merged across the width); those rows are never part of the header.
import type { CriteriaSet } from "../catalog/schema.js";
import { cellAt, gridWidth, type SheetGrid } from "./grid.js";
import { classifyHeader, type HeaderRole } from "./headers.js";
import { foldVietnamese } from "../text/fold.js";

export interface HeaderBlock {
  top: number;
  bottom: number;
}

const MAX_HEADER_SCAN = 40;
const MAX_HEADER_ROWS = 4;

function text(v: unknown): string {
  return v === null || v === undefined ? "" : String(v).replace(/\s+/g, " ").trim();
}

/** Non-empty cells of a row, as the host gives them (a merge's text only in its first cell). */
export function filledCells(grid: SheetGrid, row: number): number {
  let n = 0;
  for (const v of grid.values[row] ?? []) if (text(v) !== "") n++;
  return n;
}

/**
 * A row that a table header cannot start in or include: empty, or one text alone (a title,
 * "(Kèm theo báo cáo ...)", a section row spread over the table by a merge).
 */
export function isBannerRow(grid: SheetGrid, row: number): boolean {
  return filledCells(grid, row) < 2;
}

/** The merge covering a cell, if any. */
function mergeAt(grid: SheetGrid, row: number, col: number) {
  for (const m of grid.merges ?? []) if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  return undefined;
}

/**
 * The texts of a column over a header block, top to bottom: a merged parent ("Tiêu chí" over
 * 1..19) is repeated for each child, but only when its merge starts inside the block.
 */
export function headerParts(grid: SheetGrid, block: HeaderBlock, col: number): string[] {
  const parts: string[] = [];
  for (let r = block.top; r <= block.bottom; r++) {
    let s = text(cellAt(grid, r, col));
    if (!s) {
      const m = mergeAt(grid, r, col);
      // A merge's text covers the columns under it only as a parent over children in the block;
      // one text spread along a row ("II | HẠ TẦNG KINH TẾ - XÃ HỘI") counts once.
      if (m && m.top >= block.top && (m.left === col || m.bottom < block.bottom)) s = text(cellAt(grid, m.top, m.left));
    }
    if (s && parts[parts.length - 1] !== s) parts.push(s);
  }
  return parts;
}

export function headerText(grid: SheetGrid, top: number, bottom: number, col: number): string {
  return headerParts(grid, { top, bottom }, col).join(" / ");
}

/**
 * Columns whose lowest header is a bare criterion number ("1", "TC 1", "T.chí 1", "(1)" is a
 * numbering row, not this) in a run of at least three in a row: under any parent heading
 * ("Kết quả thực hiện các tiêu chí", "Các tiêu chí", "Tiêu chí NTM") they are criteria 1..19.
 */
export function numberedCriterionColumns(grid: SheetGrid, block: HeaderBlock, width: number): Map<number, number> {
  const found = new Map<number, number>();
  if (block.bottom === block.top) return found;
  const numbers: Array<number | undefined> = [];
  for (let c = 0; c < width; c++) numbers.push(numberedAbove(grid, block, c) ? undefined : bareCriterionNumber(cellAt(grid, block.bottom, c)));
  let c = 0;
  while (c < width) {
    if (numbers[c] === undefined) {
      c++;
      continue;
    }
    let end = c;
    while (end + 1 < width && numbers[end + 1] !== undefined && numbers[end + 1]! > numbers[end]!) end++;
    if (end - c + 1 >= 3) for (let k = c; k <= end; k++) found.set(k, numbers[k]!);
    c = end + 1;
  }
  // A numbering row running across every column (STT, name, ...) is not a criteria heading.
  if (found.size > 0 && found.has(0) && found.get(0) === 1 && found.size === width) found.clear();
  return found;
}

/** A number above the bottom row: rows of data (a vertical merge groups them), not a heading over criterion numbers. */
function numberedAbove(grid: SheetGrid, block: HeaderBlock, col: number): boolean {
  for (let r = block.top; r < block.bottom; r++) if (isNumeric(cellAt(grid, r, col))) return true;
  return false;
}

function isNumeric(v: unknown): boolean {
  return typeof v === "number" || (typeof v === "string" && BARE_NUMBER.test(v.trim()) && /\d/.test(v));
}

/** Header text made of numbers only ("10", "1 / 2" over two rows): more likely data than a header. */
const BARE_NUMBER = /^[\d.,%\s/]+$/;

const TC_PREFIX = /^(?:tc|t\.?\s*chi|tieu chi|tieu chi so|tc so)\s*\.?\s*0*(\d{1,2})$/;

/** "1", 1, "TC1", "TC 1", "TC01", "T.chí 1", "Tiêu chí số 1" -> 1; anything else -> undefined. */
export function bareCriterionNumber(v: unknown): number | undefined {
  let n: number | undefined;
  if (typeof v === "number") n = v;
  else if (typeof v === "string") {
    const s = foldVietnamese(v);
    const m = /^0*(\d{1,2})$/.exec(s) ?? TC_PREFIX.exec(s);
    if (m) n = Number(m[1]);
  }
  return n !== undefined && Number.isInteger(n) && n >= 1 && n <= 99 ? n : undefined;
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

function blockScore(grid: SheetGrid, set: CriteriaSet, block: HeaderBlock, width: number): number {
  const numbered = numberedCriterionColumns(grid, block, width);
  let s = 0;
  // Bare numbers only back up a header that names columns in words: a row of small integers
  // (data) must not outscore the header above it, however many columns it has.
  let bare = 0;
  // One text spread over several columns names one thing: count each criterion or indicator once.
  const named = new Set<string>();
  for (let c = 0; c < width; c++) {
    if (numbered.has(c)) {
      s += 2;
      continue;
    }
    const t = headerParts(grid, block, c).join(" / ");
    const role = classifyHeader(t, set);
    const id = role.role === "criterion" || role.role === "criterionOrIndicator" ? `c${role.no}` : role.role === "indicator" ? `i${role.code}` : undefined;
    if (id !== undefined) {
      if (named.has(id)) continue;
      named.add(id);
    }
    const weight = roleWeight(role);
    if (BARE_NUMBER.test(t)) bare += weight / 4;
    else s += weight;
  }
  return s + Math.min(bare, s);
}

/** How far a header starting at `top` may reach: its vertical merges, or a parent row over children. */
function blockCandidates(grid: SheetGrid, top: number): HeaderBlock[] {
  const out: HeaderBlock[] = [{ top, bottom: top }];
  let bottom = top;
  while (bottom - top + 1 < MAX_HEADER_ROWS && bottom + 1 < grid.values.length) {
    const reachesDown = (grid.merges ?? []).some((m) => m.top >= top && m.top <= bottom && m.bottom > bottom);
    const parentRow = (grid.merges ?? []).some((m) => m.top === bottom && m.right > m.left && m.bottom === bottom);
    if (!reachesDown && !parentRow && !numberedChildren(grid, bottom)) break;
    if (isBannerRow(grid, bottom + 1) && !reachesDown) break;
    bottom++;
    out.push({ top, bottom });
  }
  return out;
}

/**
 * Criterion numbers under blank cells of the row above: a heading ("Tiêu chí") over numbered
 * children when the host gives no merges. A column numbering row ("1 2 3 ...") sits under
 * filled headers instead, and a data row has names.
 */
function numberedChildren(grid: SheetGrid, row: number): boolean {
  const below = grid.values[row + 1] ?? [];
  let numbers = 0;
  let underBlank = 0;
  for (let c = 0; c < below.length; c++) {
    const v = below[c];
    if (text(v) === "") continue;
    if (bareCriterionNumber(v) === undefined) return false;
    numbers++;
    if (text(cellAt(grid, row, c)) === "") underBlank++;
  }
  return numbers >= 3 && underBlank * 3 >= numbers * 2;
}

/**
 * The table's header among the first rows: the first block that scores close to the best
 * (a header comes before its data, whose section rows may name criteria too); at one row,
 * the best of its depths, a deeper block winning ties.
 */
export function findHeaderBlock(grid: SheetGrid, set: CriteriaSet): HeaderBlock | undefined {
  const width = gridWidth(grid);
  const byRow: Array<HeaderBlock & { score: number }> = [];
  const last = Math.min(grid.values.length, MAX_HEADER_SCAN);
  for (let r = 0; r < last; r++) {
    if (isBannerRow(grid, r)) continue;
    let best: (HeaderBlock & { score: number }) | undefined;
    for (const c of blockCandidates(grid, r)) {
      const score = blockScore(grid, set, c, width) + (c.bottom - c.top) * 0.005;
      if (score >= 3 && (!best || score > best.score + 0.001)) best = { ...c, score };
    }
    if (best) byRow.push(best);
  }
  if (byRow.length === 0) return undefined;
  const top = Math.max(...byRow.map((b) => b.score));
  const first = byRow.find((b) => b.score >= top * 0.6)!;
  return { top: first.top, bottom: first.bottom };
}

/** The text of the rows above the header (title, agency, motto), for the unit name and the set. */
export function titleText(grid: SheetGrid, before: number): string {
  const lines: string[] = [];
  for (let r = 0; r < before; r++) for (const v of grid.values[r] ?? []) if (typeof v === "string" && v.trim()) lines.push(v.trim());
  return lines.join("\n");
}
