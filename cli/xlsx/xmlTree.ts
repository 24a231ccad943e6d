// Small parts (workbook, relationships, styles, content types, comments) as a light element tree.
// Names are local (prefix dropped), so Strict OOXML and prefixed writers read like the usual ones.
import { SaxesParser } from "saxes";
import { XlsxError } from "./errors.js";

export interface XmlElement {
  /** Local name: "sheet" for both <sheet> and <x:sheet>. */
  name: string;
  /** Attributes by local name ("r:id" -> "id"); namespace declarations left out. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (not its children's). */
  text: string;
}

export const localName = (qname: string): string => qname.slice(qname.indexOf(":") + 1);

export function localAttributes(attributes: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q in attributes) {
    if (q === "xmlns" || q.startsWith("xmlns:")) continue;
    out[localName(q)] = attributes[q]!;
  }
  return out;
}

/** A new parser that turns saxes' English errors into XlsxError "corrupt" naming only the part. */
export function createParser(part: string): SaxesParser<{ position: false }> {
  const parser = new SaxesParser({ position: false });
  parser.on("error", () => {
    throw new XlsxError("corrupt", part);
  });
  return parser;
}

export function parseXml(text: string, part: string): XmlElement {
  const parser = createParser(part);
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  parser.on("opentag", (tag) => {
    const el: XmlElement = { name: localName(tag.name), attrs: localAttributes(tag.attributes as Record<string, string>), children: [], text: "" };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on("closetag", () => void stack.pop());
  const addText = (t: string) => {
    if (stack.length > 1) stack[stack.length - 1]!.text += t;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw new XlsxError("corrupt", part);
  }
  const top = root.children[0];
  if (!top) throw new XlsxError("corrupt", part);
  return top;
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** Text of every <t> under an element, leaving out phonetic runs (<rPh>), as Excel shows it. */
export function runText(el: XmlElement): string {
  let s = "";
  for (const c of el.children) {
    if (c.name === "t") s += c.text;
    else if (c.name === "r") s += runText(c);
  }
  return decodeEscapes(s);
}

/** Excel writes characters XML cannot hold as "_x000D_"; "_x005F_" protects a literal "_x". */
export function decodeEscapes(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

export function isTrue(v: string | undefined): boolean {
  return v === "1" || v === "true";
}
