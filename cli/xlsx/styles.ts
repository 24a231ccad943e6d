// The parts of styles.xml the engine reads: each cell style's number format and solid fill colour,
// and which styles are the tool's own highlight clones (so a highlight can be taken off exactly).
import type { XlsxPackage } from "./package.js";
import { child, children, type XmlElement } from "./xmlTree.js";

/** The extension the tool puts in a cloned <xf> to name the style it was cloned from. */
export const CLONE_EXT_URI = "{6E544D2D-4869-6768-6C69-676874587346}";
export const CLONE_NS = "urn:ntm:xlsx:highlight";

export interface CellStyle {
  numFmtId: number;
  fillId: number;
  /** For the tool's highlight clones: the index of the style it was cloned from. */
  sourceXf?: number;
}

export interface Styles {
  /** styles.xml, or undefined when the package has none. */
  path: string | undefined;
  numFmts: Map<number, string>;
  /** Solid fills with an RGB colour as "#RRGGBB"; null for every other fill. */
  fills: Array<string | null>;
  cellXfs: CellStyle[];
}

/** Excel's built-in number formats (ids without a <numFmt>), as exceljs names them. */
export const BUILTIN_NUMBER_FORMATS: Record<number, string> = {
  1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm",
  21: "h:mm:ss", 22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

export function solidFillColor(fill: XmlElement | undefined): string | null {
  const pattern = child(fill, "patternFill");
  if (pattern?.attrs.patternType !== "solid") return null;
  const rgb = child(pattern, "fgColor")?.attrs.rgb;
  return rgb && /^[0-9A-Fa-f]{8}$/.test(rgb) ? `#${rgb.slice(2).toUpperCase()}` : null;
}

export function cloneSource(xf: XmlElement): number | undefined {
  for (const ext of children(child(xf, "extLst"), "ext")) {
    if (ext.attrs.uri !== CLONE_EXT_URI) continue;
    const source = Number(child(ext, "sourceXf")?.attrs.xf);
    if (Number.isInteger(source) && source >= 0) return source;
  }
  return undefined;
}

export function readStyles(pkg: XlsxPackage): Styles {
  return pkg.memoize("styles", () => {
    const path = pkg.related(pkg.workbookPath, "styles");
    const styles: Styles = { path, numFmts: new Map(), fills: [], cellXfs: [] };
    if (!path) return styles;
    const sheet = pkg.xml(path);
    for (const f of children(child(sheet, "numFmts"), "numFmt")) styles.numFmts.set(Number(f.attrs.numFmtId), f.attrs.formatCode ?? "");
    styles.fills = children(child(sheet, "fills"), "fill").map(solidFillColor);
    styles.cellXfs = children(child(sheet, "cellXfs"), "xf").map((xf) => ({
      numFmtId: Number(xf.attrs.numFmtId ?? 0),
      fillId: Number(xf.attrs.fillId ?? 0),
      sourceXf: cloneSource(xf),
    }));
    return styles;
  });
}

/** A style's number format code; null for General (id 0) and unknown ids, as exceljs reads them. */
export function numberFormatOf(styles: Styles, xf: number): string | null {
  const id = styles.cellXfs[xf]?.numFmtId;
  if (!id) return null;
  return styles.numFmts.get(id) ?? BUILTIN_NUMBER_FORMATS[id] ?? null;
}

export function fillOf(styles: Styles, xf: number): string | null {
  const fillId = styles.cellXfs[xf]?.fillId;
  return fillId === undefined ? null : (styles.fills[fillId] ?? null);
}
