// The shared string table, streamed: rich text runs joined, phonetic runs (<rPh>) left out.
import { XlsxError } from "./errors.js";
import type { XlsxPackage } from "./package.js";
import { createParser, decodeEscapes, localName } from "./xmlTree.js";

export function readSharedStrings(pkg: XlsxPackage): readonly string[] {
  return pkg.memoize("sharedStrings", () => {
    const path = pkg.related(pkg.workbookPath, "sharedStrings");
    const strings: string[] = [];
    if (!path) return strings;
    const parser = createParser(path);
    let current = "";
    let inItem = false;
    let inText = false;
    let phonetic = 0;
    parser.on("opentag", (tag) => {
      const name = localName(tag.name);
      if (name === "si") (inItem = true), (current = "");
      else if (name === "rPh") phonetic++;
      else if (name === "t" && inItem && phonetic === 0) inText = !tag.isSelfClosing;
    });
    parser.on("closetag", (tag) => {
      const name = localName(tag.name);
      if (name === "si") {
        strings.push(decodeEscapes(current));
        inItem = false;
      } else if (name === "rPh") phonetic--;
      else if (name === "t") inText = false;
    });
    const addText = (t: string) => {
      if (inText) current += t;
    };
    parser.on("text", addText);
    parser.on("cdata", addText);
    try {
      pkg.streamText(path, (text) => parser.write(text));
      parser.close();
    } catch (e) {
      throw e instanceof XlsxError ? e : new XlsxError("corrupt", path);
    }
    return strings;
  });
}
