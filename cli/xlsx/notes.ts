// The notes (legacy comments) of a sheet, by cell: the text of every run joined.
import { parseA1Range } from "../../shared/sheet/grid.js";
import type { XlsxPackage } from "./package.js";
import { child, children, runText } from "./xmlTree.js";

export interface SheetNote {
  row: number;
  col: number;
  text: string;
  author: string;
}

export function readNotes(pkg: XlsxPackage, sheetPath: string): SheetNote[] {
  const path = pkg.related(sheetPath, "comments");
  if (!path) return [];
  const comments = pkg.xml(path);
  const authors = children(child(comments, "authors"), "author").map((a) => a.text);
  const notes: SheetNote[] = [];
  for (const c of children(child(comments, "commentList"), "comment")) {
    const at = parseA1Range(c.attrs.ref ?? "");
    const text = child(c, "text");
    if (!at || !text) continue;
    notes.push({ row: at.top, col: at.left, text: runText(text), author: authors[Number(c.attrs.authorId)] ?? "" });
  }
  return notes;
}
