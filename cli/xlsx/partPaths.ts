// Part names inside the package: relationship targets are relative to the source part's folder,
// or absolute from the package root ("/xl/drawings/drawing1.xml", as openpyxl writes them).

/** "xl/worksheets/sheet1.xml" -> "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) -> "_rels/.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The part a relationship of `source` points to, as a zip entry name (no leading "/"). */
export function resolveTarget(source: string, target: string): string {
  const clean = decodeURIComponentSafe(target.split("#")[0]!);
  const base = clean.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of clean.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

/** The shortest target from `source` to `part`, relative as Excel writes it ("../comments1.xml"). */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Zip entry names compare case-insensitively in OPC. */
export const partKey = (name: string): string => name.replace(/^\//, "").toLowerCase();
