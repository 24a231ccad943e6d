// Highlight fills without touching anyone else's cells: a fill is a new <xf> cloned from the cell's
// own style with only the fill changed, marked with the style it came from, so the copy of a copy
// reuses the clone and "no fill" puts the cell back on its original style exactly.
import { CONTENT_TYPES, PackageEdit, XML_DECLARATION } from "./packageEdit.js";
import { CLONE_EXT_URI, CLONE_NS, readStyles, type Styles } from "./styles.js";
import { openForm, prefixOf, setAttr, TagCursor } from "./xmlText.js";

// CT_Stylesheet's order, to place a collection the part lacks.
const STYLESHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
const EMPTY_COLLECTIONS: Record<string, string> = {
  fonts: '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>',
  fills: '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>',
  borders: '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
  cellXfs: '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs>',
};

const CELL_STYLE_XFS = '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>';

export class StylePatch {
  private readonly styles: Styles;
  private readonly path: string;
  /** Clones by "sourceXf|#RRGGBB", from earlier runs and this one. */
  private readonly clones = new Map<string, number>();
  private readonly fillIds = new Map<string, number>();
  private readonly newFills: string[] = [];
  private readonly newXfs: string[] = [];
  private xfTexts: string[] | undefined;
  private fillCount: number;
  private xfCount: number;

  constructor(private readonly edit: PackageEdit) {
    this.styles = readStyles(edit.pkg);
    this.path = this.styles.path ?? "xl/styles.xml";
    // A missing styles part or collection is created with Excel's required first entries.
    this.fillCount = Math.max(2, this.styles.fills.length);
    this.xfCount = Math.max(1, this.styles.cellXfs.length);
    this.styles.cellXfs.forEach((xf, i) => {
      const color = this.styles.fills[xf.fillId];
      if (xf.sourceXf !== undefined && color) this.clones.set(`${xf.sourceXf}|${color}`, i);
    });
  }

  /** The style a cell had before the tool highlighted it. */
  originalOf(xf: number): number {
    return this.styles.cellXfs[xf]?.sourceXf ?? xf;
  }

  /** The style index for a cell now on `xf` that should show `color` (null: no highlight). */
  restyle(xf: number, color: string | null): number {
    const base = xf < this.xfCount ? this.originalOf(xf) : 0;
    const baseFill = this.styles.fills[this.styles.cellXfs[base]?.fillId ?? 0] ?? null;
    if (color === null || color.toUpperCase() === baseFill) return base;
    const rgb = color.replace(/^#/, "").toUpperCase();
    const key = `${base}|#${rgb}`;
    let clone = this.clones.get(key);
    if (clone === undefined) {
      clone = this.xfCount + this.newXfs.length;
      this.newXfs.push(this.cloneXf(base, this.fillFor(rgb)));
      this.clones.set(key, clone);
    }
    return clone;
  }

  /** Writes styles.xml if anything was added. */
  finish(): void {
    if (this.newXfs.length === 0) return;
    let xml = this.edit.exists(this.path) ? this.edit.text(this.path) : this.createPart();
    xml = appendToCollection(xml, "fills", this.newFills, this.fillCount + this.newFills.length);
    xml = appendToCollection(xml, "cellXfs", this.newXfs, this.xfCount + this.newXfs.length);
    this.edit.setText(this.path, xml);
  }

  private fillFor(rgb: string): number {
    let id = this.fillIds.get(rgb);
    if (id === undefined) {
      id = this.styles.fills.findIndex((f, i) => i >= 2 && f === `#${rgb}`);
      if (id < 0) {
        id = this.fillCount + this.newFills.length;
        this.newFills.push(`<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor indexed="64"/></patternFill></fill>`);
      }
      this.fillIds.set(rgb, id);
    }
    return id;
  }

  private cloneXf(base: number, fillId: number): string {
    this.xfTexts ??= this.edit.exists(this.path) ? collectionItems(this.edit.text(this.path), "cellXfs") : [];
    const source = this.xfTexts[base] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const cursor = new TagCursor(source);
    cursor.next();
    const prefix = prefixOf(cursor.name);
    const open = setAttr(setAttr(openForm(cursor.text), "fillId", String(fillId)), "applyFill", "1");
    const marker = `<${prefix}ext uri="${CLONE_EXT_URI}" xmlns:ntm="${CLONE_NS}"><ntm:sourceXf xf="${base}"/></${prefix}ext>`;
    if (cursor.kind === "empty") return `${open}<${prefix}extLst>${marker}</${prefix}extLst></${cursor.name}>`;
    const body = source.slice(cursor.end, source.lastIndexOf("<"));
    const extLstClose = body.lastIndexOf(`</${prefix}extLst>`);
    const inner = extLstClose >= 0 ? body.slice(0, extLstClose) + marker + body.slice(extLstClose) : `${body}<${prefix}extLst>${marker}</${prefix}extLst>`;
    return `${open}${inner}</${cursor.name}>`;
  }

  private createPart(): string {
    const ns = this.edit.ns.main;
    this.edit.addRelationship(this.edit.pkg.workbookPath, "styles", this.path);
    this.edit.addContentTypeOverride(this.path, CONTENT_TYPES.styles);
    // fills and cellXfs are added by finish() with their required first entries.
    return `${XML_DECLARATION}<styleSheet xmlns="${ns}">${EMPTY_COLLECTIONS.fonts}${EMPTY_COLLECTIONS.borders}${CELL_STYLE_XFS}</styleSheet>`;
  }
}

/** The raw text of each child element of a top-level collection of styles.xml ("cellXfs"). */
function collectionItems(xml: string, collection: string): string[] {
  const cursor = new TagCursor(xml);
  const items: string[] = [];
  while (cursor.next()) {
    if (cursor.depth !== 2 || cursor.local !== collection || cursor.kind !== "open") continue;
    while (cursor.next() && cursor.depth > 2) {
      const start = cursor.start;
      cursor.skipToClose();
      items.push(xml.slice(start, cursor.end));
    }
    break;
  }
  return items;
}

/** Appends items to a top-level collection, setting its count; creates the collection if missing. */
function appendToCollection(xml: string, collection: string, items: string[], count: number): string {
  if (items.length === 0) return xml;
  const cursor = new TagCursor(xml);
  let root = "";
  let insertAt = -1;
  const later = STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(collection) + 1);
  while (cursor.next()) {
    if (cursor.depth === 1) {
      if (cursor.kind === "close") insertAt = insertAt < 0 ? cursor.start : insertAt;
      else root = cursor.name;
      continue;
    }
    if (cursor.depth !== 2 || cursor.kind === "close") continue;
    if (cursor.local === collection) {
      const { start, end: openEnd, name } = cursor;
      const open = setAttr(openForm(cursor.text), "count", String(count));
      if (cursor.kind === "empty") return `${xml.slice(0, start)}${open}${items.join("")}</${name}>${xml.slice(openEnd)}`;
      cursor.skipToClose();
      return xml.slice(0, start) + open + xml.slice(openEnd, cursor.start) + items.join("") + xml.slice(cursor.start);
    }
    if (insertAt < 0 && later.includes(cursor.local)) insertAt = cursor.start;
    if (cursor.kind === "open") cursor.skipToClose();
  }
  // The part has no such collection: create one with Excel's required first entries (counted by the caller).
  const prefix = prefixOf(root);
  const fresh = (EMPTY_COLLECTIONS[collection] ?? `<${collection} count="0"></${collection}>`).replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${prefix}`);
  const created = fresh.replace(/count="\d+"/, `count="${count}"`).replace(/(<\/[^>]+>)$/, `${items.join("")}$1`);
  return xml.slice(0, insertAt) + created + xml.slice(insertAt);
}
