// Patches a worksheet's XML text: the targeted cells' style index and the tool's own values,
// new <c>/<row> elements where a target has none, the dimension, a <legacyDrawing> for notes.
// Every other byte is kept: the text is spliced, never re-serialised.
import { a1, parseA1Range } from "../../shared/sheet/grid.js";
import { parseCellRef } from "./cellRef.js";
import { escapeText, getAttr, openForm, prefixOf, removeAttr, setAttr, TagCursor, type Splice, type TagKind } from "./xmlText.js";
import { isTrue } from "./xmlTree.js";

export interface CellEdit {
  row: number;
  col: number;
  /** Highlight colour; null takes the highlight off; undefined leaves the style. */
  fill?: string | null;
  /** New value; undefined leaves the value as it is. */
  value?: { v: string | number | null };
}

export interface Restyler {
  restyle(xf: number, color: string | null): number;
}

export interface SheetPatchOptions {
  /** Adds <legacyDrawing r:id> (for notes) when the sheet has none. */
  legacyDrawingRelId?: string;
  relNamespace: string;
  /** The sheet is UTF-8 bytes a character each (XlsxPackage.partBytesText): new text is written so too. */
  bytesText?: boolean;
}

export interface SheetPatchResult {
  /** The changes, in order of position: each replaces xml[start, end) by its text. */
  splices: Splice[];
  /** A value replaced a formula: the workbook's calculation chain must go. */
  removedFormula: boolean;
}

// CT_Worksheet's elements that follow <legacyDrawing>.
const AFTER_LEGACY_DRAWING = new Set(["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]);

export function patchSheet(xml: string, editList: CellEdit[], styles: Restyler, options: SheetPatchOptions): SheetPatchResult {
  const edits = [...mergeEdits(editList).values()].sort((a, b) => a.row - b.row || a.col - b.col);
  const splices: Splice[] = [];
  const colStyles: Array<{ min: number; max: number; style: number }> = [];
  const written = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
  const note = (row: number, col: number) => {
    written.top = Math.min(written.top, row);
    written.left = Math.min(written.left, col);
    written.bottom = Math.max(written.bottom, row);
    written.right = Math.max(written.right, col);
  };
  let removedFormula = false;
  let rootName = "";
  let dimension: { start: number; end: number; text: string } | undefined;
  let hasLegacyDrawing = false;
  let legacyDrawingAt = -1;
  let next = 0; // the first edit not yet placed

  const cellXml = (prefix: string, row: number, col: number, style: number, value: CellEdit["value"], extraAttrs = ""): string => {
    note(row, col);
    const s = style ? ` s="${style}"` : "";
    const open = `<${prefix}c r="${a1({ row, col })}"${s}${extraAttrs}`;
    const v = value?.v ?? null;
    if (v === null) return `${open}/>`;
    if (typeof v === "number" && Number.isFinite(v)) return `${open}><${prefix}v>${String(v)}</${prefix}v></${prefix}c>`;
    const text = escapeText(String(v));
    return `${open} t="inlineStr"><${prefix}is><${prefix}t xml:space="preserve">${options.bytesText ? Buffer.from(text, "utf8").toString("latin1") : text}</${prefix}t></${prefix}is></${prefix}c>`;
  };
  const baseStyle = (rowTag: string | undefined, col: number): number => {
    if (rowTag && isTrue(getAttr(rowTag, "customFormat"))) return Number(getAttr(rowTag, "s") ?? 0) || 0;
    return colStyles.find((c) => col >= c.min && col <= c.max)?.style ?? 0;
  };
  const newCell = (prefix: string, e: CellEdit, rowTag: string | undefined): string => {
    const base = baseStyle(rowTag, e.col);
    const style = e.fill === undefined ? base : styles.restyle(base, e.fill);
    return cellXml(prefix, e.row, e.col, style, e.value);
  };
  const newRows = (prefix: string, beforeRow: number): string => {
    let out = "";
    while (next < edits.length && edits[next]!.row < beforeRow) {
      const row = edits[next]!.row;
      out += `<${prefix}row r="${row + 1}">`;
      while (next < edits.length && edits[next]!.row === row) out += newCell(prefix, edits[next++]!, undefined);
      out += `</${prefix}row>`;
    }
    return out;
  };

  const cursor = new TagCursor(xml);
  while (cursor.next()) {
    if (cursor.depth === 1) {
      if (cursor.kind === "close" && legacyDrawingAt < 0) legacyDrawingAt = cursor.start;
      else if (cursor.kind !== "close") rootName = cursor.name;
      continue;
    }
    if (cursor.depth !== 2 || cursor.kind === "close") continue;
    switch (cursor.local) {
      case "dimension":
        dimension = { start: cursor.start, end: cursor.end, text: cursor.text };
        break;
      case "cols":
        for (const c of cursor.kind === "open" ? childTags(cursor, "col") : []) {
          const style = Number(getAttr(c, "style") ?? 0);
          if (style) colStyles.push({ min: Number(getAttr(c, "min")) - 1, max: Number(getAttr(c, "max")) - 1, style });
        }
        continue;
      case "sheetData":
        removedFormula = patchSheetData(cursor) || removedFormula;
        continue;
      case "legacyDrawing":
        hasLegacyDrawing = true;
        break;
      default:
        if (legacyDrawingAt < 0 && AFTER_LEGACY_DRAWING.has(cursor.local)) legacyDrawingAt = cursor.start;
    }
    if (cursor.kind === "open") cursor.skipToClose();
  }

  function patchSheetData(c: TagCursor): boolean {
    const prefix = prefixOf(c.name);
    const { start: dataStart, end: dataOpenEnd } = c;
    if (c.kind === "empty") {
      if (edits.length) splices.push({ start: dataStart, end: dataOpenEnd, text: `${openForm(c.text)}${newRows(prefix, Infinity)}</${c.name}>` });
      return false;
    }
    let formula = false;
    let row = -1;
    while (c.next() && c.depth > 2) {
      if (c.local !== "row" || c.kind === "close") continue;
      const rowTag = c.text;
      const r = Number(getAttr(rowTag, "r"));
      row = Number.isInteger(r) && r > 0 ? r - 1 : row + 1;
      const before = newRows(prefix, row);
      if (before) splices.push({ start: c.start, end: c.start, text: before });
      if (next >= edits.length || edits[next]!.row !== row) {
        c.jumpToClose();
        continue;
      }
      formula = patchRow(c, row, rowTag, prefix) || formula;
    }
    // c is on </sheetData>.
    const rest = newRows(prefix, Infinity);
    if (rest) splices.push({ start: c.start, end: c.start, text: rest });
    return formula;
  }

  function patchRow(c: TagCursor, row: number, rowTag: string, prefix: string): boolean {
    const rowStart = c.start;
    const rowOpenEnd = c.end;
    let formula = false;
    let added = "";
    const cols: number[] = [];
    if (c.kind === "open") {
      let col = -1;
      while (c.next() && c.depth > 3) {
        if (c.local !== "c" || (c.kind as TagKind) === "close") continue;
        const tag = c.text;
        const at = getAttr(tag, "r");
        col = at ? (parseCellRef(at)?.col ?? col + 1) : col + 1;
        const cellStart = c.start;
        const openEnd = c.end;
        c.jumpToClose();
        const cellEnd = c.end;
        while (next < edits.length && edits[next]!.row === row && edits[next]!.col < col) {
          const e = edits[next++]!;
          cols.push(e.col);
          splices.push({ start: cellStart, end: cellStart, text: newCell(prefix, e, rowTag) });
        }
        if (next < edits.length && edits[next]!.row === row && edits[next]!.col === col) {
          const e = edits[next++]!;
          const inner = cellEnd > openEnd ? xml.slice(openEnd, c.start) : "";
          const patched = patchCell(tag, inner, e, row, col, prefix);
          if (patched.formula) formula = true;
          if (patched.openTag !== undefined) splices.push({ start: cellStart, end: openEnd, text: patched.openTag });
          if (patched.cell !== undefined) splices.push({ start: cellStart, end: cellEnd, text: patched.cell });
        }
      }
      // c is on </row>.
      while (next < edits.length && edits[next]!.row === row) {
        const e = edits[next++]!;
        cols.push(e.col);
        added += newCell(prefix, e, rowTag);
      }
      if (added) splices.push({ start: c.start, end: c.start, text: added });
      if (cols.length) widenSpans(rowStart, rowOpenEnd, openForm(rowTag), cols, false);
    } else {
      while (next < edits.length && edits[next]!.row === row) {
        const e = edits[next++]!;
        cols.push(e.col);
        added += newCell(prefix, e, rowTag);
      }
      widenSpans(rowStart, rowOpenEnd, `${openForm(rowTag)}${added}</${c.name}>`, cols, true);
    }
    return formula;
  }

  /** Replaces the row's open tag, extending its optional spans="1:5" hint to the new cells. */
  function widenSpans(start: number, end: number, replacement: string, cols: number[], always: boolean): void {
    const spans = getAttr(replacement, "spans");
    let text = replacement;
    if (spans) {
      const bounds = spans.split(/[\s:]+/).map(Number).filter(Number.isFinite);
      const lo = Math.min(...bounds, ...cols.map((x) => x + 1));
      const hi = Math.max(...bounds, ...cols.map((x) => x + 1));
      if (lo < Math.min(...bounds) || hi > Math.max(...bounds)) text = setAttr(text, "spans", `${lo}:${hi}`);
      else if (!always) return;
    } else if (!always) return;
    splices.push({ start, end, text });
  }

  /** A style change replaces only the open tag; a value replaces the whole cell. */
  function patchCell(tag: string, inner: string, e: CellEdit, row: number, col: number, prefix: string): { openTag?: string; cell?: string; formula: boolean } {
    const current = Number(getAttr(tag, "s") ?? 0) || 0;
    const style = e.fill === undefined ? current : styles.restyle(current, e.fill);
    if (e.value === undefined) {
      if (style === current) return { formula: false };
      return { openTag: style ? setAttr(tag, "s", String(style)) : removeAttr(tag, "s"), formula: false };
    }
    // Other attributes (cm, vm, ph) stay; r, s and t are rewritten.
    const extra = removeAttr(removeAttr(removeAttr(openForm(tag), "r"), "s"), "t")
      .replace(/^<[^\s>/]+/, "")
      .replace(/\s*>$/, "");
    return { cell: cellXml(prefix, row, col, style, e.value, extra), formula: /<([\w.-]+:)?f[\s>/]/.test(inner) };
  }

  if (dimension && written.bottom >= 0) {
    const ref = getAttr(dimension.text, "ref");
    const range = ref ? parseA1Range(ref) : undefined;
    if (range) {
      const union = {
        top: Math.min(range.top, written.top),
        left: Math.min(range.left, written.left),
        bottom: Math.max(range.bottom, written.bottom),
        right: Math.max(range.right, written.right),
      };
      if (union.top !== range.top || union.left !== range.left || union.bottom !== range.bottom || union.right !== range.right) {
        splices.push({ start: dimension.start, end: dimension.end, text: setAttr(dimension.text, "ref", `${a1({ row: union.top, col: union.left })}:${a1({ row: union.bottom, col: union.right })}`) });
      }
    }
  }
  if (options.legacyDrawingRelId && !hasLegacyDrawing && legacyDrawingAt >= 0) {
    const prefix = prefixOf(rootName);
    splices.push({ start: legacyDrawingAt, end: legacyDrawingAt, text: `<${prefix}legacyDrawing xmlns:r="${options.relNamespace}" r:id="${options.legacyDrawingRelId}"/>` });
  }
  splices.sort((a, b) => a.start - b.start || a.end - b.end);
  return { splices, removedFormula };
}

/** Several writes to one cell (a fill and a value): one edit, the later write winning. */
function mergeEdits(list: CellEdit[]): Map<number, CellEdit> {
  const byCell = new Map<number, CellEdit>();
  for (const e of list) {
    const key = e.row * 16384 + e.col;
    const prev = byCell.get(key);
    byCell.set(key, prev ? { ...prev, ...Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) } : { ...e });
  }
  return byCell;
}

/** The raw tags of one kind directly inside the cursor's open element; leaves the cursor on its close tag. */
function childTags(c: TagCursor, local: string): string[] {
  const depth = c.depth;
  const found: string[] = [];
  while (c.next() && !(c.kind === "close" && c.depth === depth)) if (c.depth === depth + 1 && c.local === local && c.kind !== "close") found.push(c.text);
  return found;
}
