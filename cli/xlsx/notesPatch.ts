// Notes on a sheet: the tool's notes are added to (or taken from) the sheet's comments part and
// its VML drawing, both created with their relationships and content types when the sheet has none.
// A user's note is never replaced or removed.
import { a1 } from "../../shared/sheet/grid.js";
import { CONTENT_TYPES, type PackageEdit, XML_DECLARATION } from "./packageEdit.js";
import { applySplices, escapeText, getAttr, openForm, prefixOf, TagCursor, unescapeXml, type Splice } from "./xmlText.js";
import { appendToVml, idBlocks, newVmlDrawing, noteShape, noteShapes, nextShapeId } from "./vmlNotes.js";

/** The author the tool writes its notes as: a note by anyone else is the user's. */
export const TOOL_AUTHOR = "NTM";

export interface NoteEdit {
  row: number;
  col: number;
  /** null removes the tool's note. */
  text: string | null;
}

interface ExistingComment {
  start: number;
  end: number;
  author: string;
}

/** Patches the notes parts; returns the relationship id of a new VML drawing the sheet must name. */
export function patchNotes(edit: PackageEdit, sheetPath: string, sheetXml: string, list: NoteEdit[]): { legacyDrawingRelId?: string } {
  const byCell = new Map<string, NoteEdit>();
  for (const n of list) byCell.set(a1(n), n);
  if (byCell.size === 0) return {};
  const pkg = edit.pkg;
  let commentsPath = pkg.related(sheetPath, "comments");
  if (!commentsPath && [...byCell.values()].every((n) => n.text === null)) return {};
  const legacyTag = /<(?:[\w.-]+:)?legacyDrawing\b[^>]*>/.exec(sheetXml)?.[0];
  const legacyId = legacyTag ? getAttr(legacyTag, "id", true) : undefined;
  let vmlPath = pkg.relationships(sheetPath).find((r) => r.id === legacyId && !r.external && pkg.has(r.target))?.target;
  let result: { legacyDrawingRelId?: string } = {};

  let comments: string;
  if (commentsPath) comments = edit.text(commentsPath);
  else {
    commentsPath = edit.freePath((n) => `xl/comments${n}.xml`);
    comments = `${XML_DECLARATION}<comments xmlns="${edit.ns.main}"><authors></authors><commentList></commentList></comments>`;
    edit.addRelationship(sheetPath, "comments", commentsPath);
    edit.addContentTypeOverride(commentsPath, CONTENT_TYPES.comments);
  }
  const parsed = parseComments(comments);
  let vml: string;
  let needsShapeType = false;
  if (vmlPath) {
    vml = edit.text(vmlPath);
    needsShapeType = !vml.includes("_x0000_t202");
  } else {
    vmlPath = edit.freePath((n) => `xl/drawings/vmlDrawing${n}.vml`);
    const used = pkg.entries.filter((e) => e.name.toLowerCase().endsWith(".vml")).flatMap((e) => idBlocks(pkg.partText(e.name)));
    vml = newVmlDrawing(Math.max(0, ...used) + 1);
    result = { legacyDrawingRelId: edit.addRelationship(sheetPath, "vmlDrawing", vmlPath) };
    edit.ensureContentTypeDefault("vml", CONTENT_TYPES.vml);
  }
  const shapes = noteShapes(vml);
  let shapeId = nextShapeId(vml);
  let newShapes = "";
  const vmlSplices: Splice[] = [];
  const commentSplices: Splice[] = [];
  let appended = "";
  const p = parsed.prefix;
  const commentXml = (ref: string, text: string) =>
    // One run (<r>), as Excel writes notes: readers that only read runs (exceljs) see the text too.
    `<${p}comment ref="${ref}" authorId="${parsed.toolAuthorId}"><${p}text><${p}r><${p}t xml:space="preserve">${escapeText(text)}</${p}t></${p}r></${p}text></${p}comment>`;

  // A note without a shape (a sheet whose drawing was missing) gets one too.
  for (const [ref, c] of parsed.byRef) {
    const at = refToCell(ref);
    if (at && !shapes.has(`${at.row},${at.col}`) && !(byCell.get(ref)?.text === null && c.author === TOOL_AUTHOR)) {
      newShapes += noteShape(shapeId++, at.row, at.col);
      shapes.set(`${at.row},${at.col}`, { start: -1, end: -1 });
    }
  }
  for (const [ref, n] of byCell) {
    const existing = parsed.byRef.get(ref);
    if (existing && existing.author !== TOOL_AUTHOR) continue;
    const shape = shapes.get(`${n.row},${n.col}`);
    if (n.text === null) {
      if (!existing) continue;
      commentSplices.push({ start: existing.start, end: existing.end, text: "" });
      if (shape && shape.start >= 0) vmlSplices.push({ start: shape.start, end: shape.end, text: "" });
      continue;
    }
    if (existing) commentSplices.push({ start: existing.start, end: existing.end, text: commentXml(ref, n.text) });
    else appended += commentXml(ref, n.text);
    if (!shape) newShapes += noteShape(shapeId++, n.row, n.col);
  }
  // The author first: when both go before the root's close, <authors> must precede <commentList>.
  if (parsed.authorInsert) commentSplices.push(parsed.authorInsert);
  if (appended) commentSplices.push(parsed.listInsert(appended));
  edit.setText(commentsPath, applySplices(comments, commentSplices));
  let nextVml = applySplices(vml, vmlSplices);
  if (newShapes) nextVml = appendToVml(nextVml, newShapes, needsShapeType);
  if (nextVml !== vml || !pkg.has(vmlPath)) edit.setText(vmlPath, nextVml);
  return result;
}

function refToCell(ref: string): { row: number; col: number } | undefined {
  const m = /^([A-Z]+)(\d+)$/i.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

interface ParsedComments {
  prefix: string;
  byRef: Map<string, ExistingComment>;
  toolAuthorId: number;
  /** Adds the tool's <author> when missing. */
  authorInsert?: Splice;
  /** The splice adding comments at the end of <commentList> (created when missing or empty). */
  listInsert: (comments: string) => Splice;
}

function parseComments(xml: string): ParsedComments {
  const byRef = new Map<string, ExistingComment>();
  const authors: string[] = [];
  let prefix = "";
  let rootClose = -1;
  let authorsClose = -1;
  let authorsEmpty: { start: number; end: number; text: string; name: string } | undefined;
  let listClose = -1;
  let listEmpty: { start: number; end: number; text: string; name: string } | undefined;
  const cursor = new TagCursor(xml);
  while (cursor.next()) {
    const { depth, kind, local } = cursor;
    if (depth === 1) {
      if (kind === "close") rootClose = cursor.start;
      else prefix = prefixOf(cursor.name);
    } else if (depth === 2 && (local === "authors" || local === "commentList")) {
      const tag = { start: cursor.start, end: cursor.end, text: cursor.text, name: cursor.name };
      if (local === "authors" && kind === "empty") authorsEmpty = tag;
      else if (local === "authors" && kind === "close") authorsClose = cursor.start;
      else if (kind === "empty") listEmpty = tag;
      else if (kind === "close") listClose = cursor.start;
    } else if (local === "author" && kind !== "close") {
      const start = cursor.end;
      cursor.skipToClose();
      authors.push(kind === "empty" ? "" : unescapeXml(xml.slice(start, cursor.start)));
    } else if (local === "comment" && kind !== "close") {
      const start = cursor.start;
      const ref = getAttr(cursor.text, "ref") ?? "";
      const authorId = Number(getAttr(cursor.text, "authorId") ?? -1);
      cursor.skipToClose();
      byRef.set(ref.toUpperCase(), { start, end: cursor.end, author: authors[authorId] ?? "" });
    }
  }
  const listInsert = (comments: string): Splice => {
    if (listClose >= 0) return { start: listClose, end: listClose, text: comments };
    if (listEmpty) return { start: listEmpty.start, end: listEmpty.end, text: `${openForm(listEmpty.text)}${comments}</${listEmpty.name}>` };
    return { start: rootClose, end: rootClose, text: `<${prefix}commentList>${comments}</${prefix}commentList>` };
  };
  let toolAuthorId = authors.indexOf(TOOL_AUTHOR);
  let authorInsert: Splice | undefined;
  if (toolAuthorId < 0) {
    toolAuthorId = authors.length;
    const author = `<${prefix}author>${TOOL_AUTHOR}</${prefix}author>`;
    if (authorsClose >= 0) authorInsert = { start: authorsClose, end: authorsClose, text: author };
    else if (authorsEmpty) authorInsert = { start: authorsEmpty.start, end: authorsEmpty.end, text: `${openForm(authorsEmpty.text)}${author}</${authorsEmpty.name}>` };
    else authorInsert = { start: rootClose, end: rootClose, text: `<${prefix}authors>${author}</${prefix}authors>` };
  }
  return { prefix, byRef, toolAuthorId, authorInsert, listInsert };
}
