// Comparison of an evaluation and its highlighted copy with a workbook's truth.
// Each function returns a list of problems (empty: as expected), most telling first.
// The copy is read with exceljs (readCopy): swap that function to read it another way.
import ExcelJS from "exceljs";
import type { WorkbookEvaluation } from "../../cli/evaluateWorkbook.js";
import { stripPrefix, type CorpusTruth, type Mark, type TotalMismatch } from "./truth.js";

export const COLORS: Record<Mark, string> = { not_met: "F4CCCC", missing: "FFF2CC", invalid: "FCE5CD" };

/** Lower case, no diacritics, "đ" -> "d", spaces collapsed. */
export function fold(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Does `text` contain, for every group, one of its "a|b" alternatives (folded)? */
export function containsAll(text: string, groups: readonly string[]): boolean {
  const f = fold(text);
  return groups.every((g) => g.split("|").some((alt) => f.includes(fold(alt))));
}

const list = (xs: readonly number[]) => `[${xs.join(", ")}]`;
const sameList = (a: readonly number[], b: readonly number[]) => list([...a].sort((x, y) => x - y)) === list([...b].sort((x, y) => x - y));

/** The refusal of a workbook that must be refused, or the unexpected refusal of one that must not. */
export function compareError(err: unknown, truth: CorpusTruth): string[] {
  const message = err instanceof Error ? err.message : err === undefined ? undefined : String(err);
  if (!truth.expectedError) return message === undefined ? [] : [`refused: ${message}`];
  if (message === undefined) return [`must be refused (error containing ${truth.expectedError.map((g) => JSON.stringify(g)).join(" and ")}), but was evaluated`];
  return containsAll(message, truth.expectedError) ? [] : [`refused, but the message lacks ${truth.expectedError.filter((g) => !containsAll(message, [g])).map((g) => JSON.stringify(g)).join(", ")}: ${message}`];
}

/** Units, sheets, set, counts, flagged totals and warnings. */
export function compareEvaluation(ev: WorkbookEvaluation, truth: CorpusTruth): string[] {
  const p: string[] = [];
  if (truth.set && ev.set.id !== truth.set) p.push(`set: expected ${truth.set}, got ${ev.set.id}`);
  const level = (ev as { level?: string }).level ?? ev.set.level;
  if (truth.level && level !== truth.level) p.push(`level: expected ${truth.level}, got ${level}`);
  const evaluated = [...new Set(ev.units.map((u) => u.sheet))];
  if (evaluated.join(" | ") !== truth.evaluatedSheets.join(" | ")) p.push(`sheets evaluated: expected [${truth.evaluatedSheets.join(", ")}], got [${evaluated.join(", ")}]`);
  const skipped = ev.skipped.map((s) => s.sheet).sort();
  if (skipped.join(" | ") !== [...truth.skippedSheets].sort().join(" | ")) p.push(`sheets skipped: expected [${[...truth.skippedSheets].sort().join(", ")}], got [${skipped.join(", ")}]`);

  const actual = ev.units.map((u) => ({ sheet: u.sheet, name: u.result.name, group: u.result.group, r: u.result }));
  const shown = (u: { sheet: string; name: string; group?: string }) => `${u.sheet}/${u.group ? u.group + "/" : ""}${u.name}`;
  const nameOf = (n: string) => (truth.unitFromTitle ? stripPrefix(n.trim()) : n);
  if (actual.length !== truth.units.length) {
    const want = new Set(truth.units.map((u) => `${u.sheet}/${u.name}`));
    const got = new Set(actual.map((u) => `${u.sheet}/${nameOf(u.name)}`));
    const extra = actual.filter((u) => !want.has(`${u.sheet}/${nameOf(u.name)}`)).map(shown);
    const lost = truth.units.filter((u) => !got.has(`${u.sheet}/${u.name}`)).map(shown);
    p.push(`units: expected ${truth.units.length}, read ${actual.length}${extra.length ? `; not units: ${extra.slice(0, 6).join(", ")}` : ""}${lost.length ? `; not read: ${lost.slice(0, 6).join(", ")}` : ""}`);
  }
  const unitProblems: string[] = [];
  truth.units.forEach((t, i) => {
    const a = actual[i];
    if (!a) return;
    const where = `unit ${i + 1} (${shown(t)})`;
    if (a.sheet !== t.sheet || nameOf(a.name) !== t.name) unitProblems.push(`${where}: read as ${JSON.stringify(shown(a))}${a.name.normalize("NFC") !== a.name ? " (not NFC)" : ""}`);
    if ((a.group ?? undefined) !== t.group) unitProblems.push(`${where}: group expected ${JSON.stringify(t.group)}, got ${JSON.stringify(a.group)}${a.group && a.group.normalize("NFC") !== a.group ? " (not NFC)" : ""}`);
    const met = a.r.criteria.filter((c) => c.status === "met").map((c) => c.no);
    for (const [k, want, got] of [["met", t.met, met], ["unmet", t.unmet, a.r.unmet], ["missing", t.missing, a.r.missing], ["invalid", t.invalid, a.r.invalid], ["no target", t.noThreshold, a.r.noThreshold]] as const) {
      if (!sameList(want, got)) unitProblems.push(`${where}: ${k} expected ${list(want)}, got ${list(got)}`);
    }
  });
  if (unitProblems.length) p.push(`${unitProblems.length} unit differences: ${unitProblems.slice(0, 8).join("; ")}${unitProblems.length > 8 ? "; ..." : ""}`);

  const byCountMet: Record<number, number> = {};
  const failing: Record<number, number> = {};
  for (const u of actual) {
    const met = u.r.criteria.filter((c) => c.status === "met").length;
    byCountMet[met] = (byCountMet[met] ?? 0) + 1;
    for (const no of u.r.unmet) failing[no] = (failing[no] ?? 0) + 1;
  }
  if (JSON.stringify(byCountMet) !== JSON.stringify(truth.byCountMet)) p.push(`units by criteria met: expected ${JSON.stringify(truth.byCountMet)}, got ${JSON.stringify(byCountMet)}`);
  if (JSON.stringify(failing) !== JSON.stringify(truth.failingByCriterion)) p.push(`units failing each criterion: expected ${JSON.stringify(truth.failingByCriterion)}, got ${JSON.stringify(failing)}`);

  const mismatches = (ev as { totalMismatches?: TotalMismatch[] }).totalMismatches;
  if (truth.totalMismatches !== undefined) {
    if (mismatches === undefined) p.push(`flagged totals: the evaluation has no "totalMismatches" field (expected ${JSON.stringify(truth.totalMismatches)})`);
    else {
      const key = (m: TotalMismatch) => `${m.sheet}!${m.cell} typed ${m.typed} counted ${m.counted}`;
      const want = truth.totalMismatches.map(key).sort();
      const got = mismatches.map(key).sort();
      if (want.join(";") !== got.join(";")) p.push(`flagged totals: expected [${want.join("; ")}], got [${got.join("; ")}]`);
    }
  } else if (mismatches && mismatches.length) p.push(`flagged totals: none expected, got ${JSON.stringify(mismatches)}`);

  for (const w of truth.warnings) {
    if (!ev.warnings.some((x) => containsAll(x, w))) p.push(`warning expected (containing ${w.map((g) => JSON.stringify(g)).join(" and ")}); warnings: ${JSON.stringify(ev.warnings)}`);
  }
  return p;
}

/** The highlighted copy as bytes, whatever form the evaluation gives it in. */
export async function copyBytes(ev: WorkbookEvaluation): Promise<Buffer> {
  const c = (ev as { copy: unknown }).copy;
  if (c instanceof Uint8Array) return Buffer.from(c);
  if (c && typeof c === "object" && "xlsx" in c) return Buffer.from(await (c as ExcelJS.Workbook).xlsx.writeBuffer());
  throw new Error("the evaluation's copy is neither bytes nor an exceljs Workbook");
}

/** How the copy is read back; the original is read the same way. */
export async function readCopy(source: string | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof source === "string") await wb.xlsx.readFile(source);
  else await wb.xlsx.load(source as unknown as ArrayBuffer);
  return wb;
}

/** Stable JSON: sorted keys, undefined dropped. */
export function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.keys(x).sort().filter((k) => x[k] !== undefined).map((k) => [k, x[k]])) : x)) ?? "undefined";
}

export { compareSheets as compareCopy } from "./compareCopy.js";
