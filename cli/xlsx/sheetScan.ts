// Streams a worksheet part once and hands over each cell as it closes, plus the sheet-level facts
// (merges, hidden rows and columns). Only cells that exist are seen: a sheet is sparse.
import { XlsxError } from "./errors.js";
import { parseCellRef } from "./cellRef.js";
import type { XlsxPackage } from "./package.js";
import { serialFromIso } from "./serialDate.js";
import { createParser, decodeEscapes, isTrue, localName } from "./xmlTree.js";

export interface ScannedCell {
  row: number;
  col: number;
  /** The value as the engine reads it: cached formula results, text of rich strings, errors as "#N/A". */
  value: string | number | boolean | null;
  /** Index into cellXfs (0 when the cell names none). */
  style: number;
}

export interface SheetFacts {
  merges: string[];
  hiddenRows: number[];
  /** Hidden column ranges, 0-based inclusive. */
  hiddenColumns: Array<{ min: number; max: number }>;
}

interface Context {
  sharedStrings: () => readonly string[];
  date1904: boolean;
}

export function scanSheet(pkg: XlsxPackage, path: string, ctx: Context, onCell: (cell: ScannedCell) => void): SheetFacts {
  const facts: SheetFacts = { merges: [], hiddenRows: [], hiddenColumns: [] };
  const parser = createParser(path);
  let row = -1;
  let col = -1;
  // The open cell.
  let inCell = false;
  let style = 0;
  let type = "n";
  let value: string | null = null;
  let inlineText: string | null = null;
  // Text being collected: <v>, or a <t> of an inline string outside phonetic runs.
  let collecting = false;
  let text = "";
  let phonetic = 0;

  parser.on("opentag", (tag) => {
    const name = localName(tag.name);
    const a = tag.attributes as Record<string, string>;
    switch (name) {
      case "row": {
        const r = Number(a.r);
        row = Number.isInteger(r) && r > 0 ? r - 1 : row + 1;
        col = -1;
        if (isTrue(a.hidden)) facts.hiddenRows.push(row);
        break;
      }
      case "c": {
        const at = a.r ? parseCellRef(a.r) : undefined;
        if (at) (row = at.row), (col = at.col);
        else col++;
        inCell = true;
        style = a.s ? Number(a.s) || 0 : 0;
        type = a.t ?? "n";
        value = null;
        inlineText = null;
        break;
      }
      case "v":
        if (inCell) (collecting = !tag.isSelfClosing), (text = "");
        break;
      case "is":
        if (inCell) inlineText = "";
        break;
      case "rPh":
        phonetic++;
        break;
      case "t":
        if (inlineText !== null && phonetic === 0) (collecting = !tag.isSelfClosing), (text = "");
        break;
      case "col":
        if (isTrue(a.hidden)) facts.hiddenColumns.push({ min: Number(a.min) - 1, max: Number(a.max) - 1 });
        break;
      case "mergeCell":
        if (a.ref) facts.merges.push(a.ref);
        break;
    }
  });
  parser.on("closetag", (tag) => {
    const name = localName(tag.name);
    if (name === "v" && inCell) {
      value = text;
      collecting = false;
    } else if (name === "t" && collecting) {
      inlineText += text;
      collecting = false;
    } else if (name === "rPh") phonetic--;
    else if (name === "c") {
      inCell = false;
      onCell({ row, col, style, value: cellValue(type, value, inlineText, ctx) });
      inlineText = null;
    }
  });
  const addText = (t: string) => {
    if (collecting) text += t;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  try {
    pkg.streamText(path, (chunk) => parser.write(chunk));
    parser.close();
  } catch (e) {
    throw e instanceof XlsxError ? e : new XlsxError("corrupt", path);
  }
  return facts;
}

function cellValue(type: string, v: string | null, inline: string | null, ctx: Context): ScannedCell["value"] {
  switch (type) {
    case "inlineStr":
      return inline === null ? (v ?? null) : decodeEscapes(inline);
    case "s":
      return v === null || v === "" ? null : (ctx.sharedStrings()[Number(v)] ?? null);
    case "str":
      return v === null ? null : decodeEscapes(v);
    case "b":
      return v === null || v === "" ? null : v.trim() === "1" || v.trim() === "true";
    case "e":
      return v;
    case "d":
      return v ? serialFromIso(v.trim(), ctx.date1904) : null;
    default: {
      if (v === null || v.trim() === "") return null;
      const n = Number(v);
      return Number.isNaN(n) ? v : n;
    }
  }
}
