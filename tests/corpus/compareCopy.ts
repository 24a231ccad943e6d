// The highlighted copy against the original, cell by cell: only the expected cells change fill,
// every other style, value and note stays, sheet settings stay; the tool's own "[NTM] ..."
// columns and its NTM_BaoCao sheet are the only additions.
import type ExcelJS from "exceljs";
import { COLORS, readCopy, stable } from "./compare.js";
import type { CorpusTruth, Mark } from "./truth.js";

const REPORT_SHEET = "NTM_BaoCao";
const OWNED = "[NTM]";

function col(c: number): string {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  return typeof v === "object" ? stable(v) : String(v);
}

function noteText(cell: ExcelJS.Cell): string | undefined {
  const n = cell.note as unknown;
  if (!n) return undefined;
  if (typeof n === "string") return n;
  const t = (n as { texts?: Array<{ text: string }> }).texts;
  return t ? t.map((x) => x.text).join("") : stable(n);
}

function fillColor(f: ExcelJS.Fill | undefined): string {
  if (!f || f.type !== "pattern" || f.pattern === "none") return "none";
  const argb = (f.fgColor as { argb?: string } | undefined)?.argb;
  return `${f.pattern} ${argb ?? stable(f.fgColor)}`;
}

/** Problems grouped by kind, with the first few cells of each. */
class Findings {
  private readonly kinds = new Map<string, string[]>();
  add(kind: string, where: string): void {
    const l = this.kinds.get(kind) ?? [];
    l.push(where);
    this.kinds.set(kind, l);
  }
  list(sheet: string): string[] {
    return [...this.kinds].map(([k, cells]) => `copy ${sheet}: ${cells.length} ${k} (${cells.slice(0, 5).join(", ")}${cells.length > 5 ? ", ..." : ""})`);
  }
}

function sheetSettings(o: ExcelJS.Worksheet, c: ExcelJS.Worksheet): string[] {
  const p: string[] = [];
  const merges = (ws: ExcelJS.Worksheet) => [...((ws.model as { merges?: string[] }).merges ?? [])].sort().join(",");
  if (merges(o) !== merges(c)) p.push("merged ranges changed");
  const widths: string[] = [];
  for (let k = 1; k <= o.columnCount; k++) {
    const a = o.getColumn(k);
    const b = c.getColumn(k);
    if ((a.width ?? null) !== (b.width ?? null) || !!a.hidden !== !!b.hidden) widths.push(`${col(k)} ${a.width ?? "-"}${a.hidden ? " hidden" : ""} -> ${b.width ?? "-"}${b.hidden ? " hidden" : ""}`);
  }
  if (widths.length) p.push(`column widths/hidden changed: ${widths.slice(0, 4).join("; ")}`);
  const rows: number[] = [];
  for (let r = 1; r <= o.rowCount; r++) if (!!o.getRow(r).hidden !== !!c.getRow(r).hidden || (o.getRow(r).height ?? null) !== (c.getRow(r).height ?? null)) rows.push(r);
  if (rows.length) p.push(`row heights/hidden changed: rows ${rows.slice(0, 6).join(", ")}`);
  if (stable(o.views) !== stable(c.views)) p.push(`views (frozen panes) changed: ${stable(o.views)} -> ${stable(c.views)}`);
  // What a printout depends on (exceljs alone flips useFirstPageNumber on a round trip).
  const ps = (ws: ExcelJS.Worksheet) => {
    const s = ws.pageSetup;
    return stable({ o: s.orientation, p: s.paperSize, f: s.fitToPage, w: s.fitToWidth, h: s.fitToHeight, sc: s.scale, t: s.printTitlesRow, a: s.printArea, m: s.margins, c: s.horizontalCentered });
  };
  if (ps(o) !== ps(c)) p.push(`print settings changed`);
  if (stable(o.headerFooter) !== stable(c.headerFooter)) p.push("header/footer changed");
  if (stable((o as { sheetProtection?: unknown }).sheetProtection) !== stable((c as { sheetProtection?: unknown }).sheetProtection)) p.push("sheet protection changed");
  const cf = (ws: ExcelJS.Worksheet) => stable(((ws as { conditionalFormattings?: unknown[] }).conditionalFormattings ?? []).map((x) => x));
  if (cf(o) !== cf(c)) p.push("conditional formats changed");
  return p.map((x) => `copy ${o.name}: ${x}`);
}

/** Every original sheet of `originalPath` against the copy. */
export async function compareSheets(originalPath: string, copyBuffer: Buffer, truth: CorpusTruth): Promise<string[]> {
  const orig = await readCopy(originalPath);
  const copy = await readCopy(copyBuffer);
  const p: string[] = [];
  const names = new Set(orig.worksheets.map((w) => w.name));
  if (!copy.getWorksheet(REPORT_SHEET)) p.push(`copy: no ${REPORT_SHEET} sheet`);
  const added = copy.worksheets.map((w) => w.name).filter((n) => !names.has(n) && n !== REPORT_SHEET);
  if (added.length) p.push(`copy: unexpected new sheets ${added.join(", ")}`);
  const tolerated = new Set((truth.totalMismatches ?? []).map((m) => `${m.sheet}!${m.cell}`));
  const expected = new Map<string, Mark>(Object.entries(truth.highlights));
  const seen = new Set<string>();
  for (const o of orig.worksheets) {
    const c = copy.getWorksheet(o.name);
    if (!c) {
      p.push(`copy: sheet ${o.name} is gone`);
      continue;
    }
    p.push(...sheetSettings(o, c));
    const f = new Findings();
    const rows = Math.max(o.rowCount, c.rowCount);
    const cols = Math.max(o.columnCount, c.columnCount);
    // The tool's own columns: empty in the original, headed "[NTM] ..." in the copy.
    const owned = new Set<number>();
    for (let k = 1; k <= cols; k++) {
      let empty = true;
      let ownedHeader = false;
      for (let r = 1; r <= rows && (empty || !ownedHeader); r++) {
        if (text(o.getCell(r, k).value) !== "") empty = false;
        if (text(c.getCell(r, k).value).startsWith(OWNED)) ownedHeader = true;
      }
      if (empty && ownedHeader) owned.add(k);
    }
    for (let r = 1; r <= rows; r++) {
      for (let k = 1; k <= cols; k++) {
        if (owned.has(k)) continue;
        const a = `${col(k)}${r}`;
        const key = `${o.name}!${a}`;
        const oc = o.getCell(r, k);
        const cc = c.getCell(r, k);
        if (stable(oc.value ?? null) !== stable(cc.value ?? null)) f.add("values changed", `${a} ${JSON.stringify(text(oc.value))} -> ${JSON.stringify(text(cc.value))}`);
        const mark = expected.get(key);
        if (mark) {
          seen.add(key);
          const want = `solid FF${COLORS[mark]}`;
          const got = fillColor(cc.fill);
          if (got.toUpperCase() !== want.toUpperCase()) f.add(`cells not highlighted as expected`, `${a} ${mark}: ${got}`);
        } else if (!tolerated.has(key) && stable(oc.fill ?? null) !== stable(cc.fill ?? null)) {
          f.add("cells changed fill though nothing is wrong there", `${a} ${fillColor(oc.fill)} -> ${fillColor(cc.fill)}`);
        }
        for (const prop of ["font", "border", "alignment", "numFmt", "protection"] as const) {
          if (stable(oc[prop] ?? null) !== stable(cc[prop] ?? null)) f.add(`cells changed ${prop}`, a);
        }
        const on = noteText(oc);
        const cn = noteText(cc);
        if (on !== undefined && on !== cn) f.add("user notes replaced or lost", `${a} ${JSON.stringify(on)}`);
        if (on === undefined && cn !== undefined && !mark && !tolerated.has(key)) f.add("notes added to cells not highlighted", a);
        if (stable(oc.dataValidation ?? null) !== stable(cc.dataValidation ?? null)) f.add("data validations changed", a);
      }
    }
    p.push(...f.list(o.name));
  }
  const unseen = [...expected.keys()].filter((k) => !seen.has(k));
  if (unseen.length) p.push(`copy: ${unseen.length} expected highlights outside the sheets (${unseen.slice(0, 4).join(", ")})`);
  return p;
}
