// The truth of a corpus workbook: what a commune officer or district reviewer expects the tool
// to read, count and highlight. Written by the generator from its own data, never from the tool.
import type ExcelJS from "exceljs";

export type Level = "xa" | "thon";
export type Mark = "not_met" | "missing" | "invalid";
/** A criterion's status for one unit, as the reviewer judges it. */
export type CritStatus = "met" | "not_met" | "missing" | "invalid" | "no_threshold";

export interface UnitTruth {
  sheet: string;
  /** The commune a village belongs to, without "Xã" / "Phường" / "Thị trấn". */
  group?: string;
  /** Trimmed, NFC, as written in the cell (forms: the commune named in the title, without "Xã"). */
  name: string;
  level: Level;
  met: number[];
  unmet: number[];
  missing: number[];
  invalid: number[];
  /** Criteria that could not be judged for lack of a target (income without --region/--year). */
  noThreshold: number[];
}

export interface TotalMismatch {
  sheet: string;
  /** A1 address of the typed total. */
  cell: string;
  typed: number;
  counted: number;
}

export interface CorpusOptions {
  setId?: string;
  region?: "tdmnpb";
  year?: number;
  sheet?: string;
}

export interface CorpusTruth {
  /** What the workbook exercises (for the README table). */
  covers: string;
  options: CorpusOptions;
  /** The same options as command-line arguments, for a human re-running it. */
  cliArgs: string[];
  /** Set the tool must judge by, and its level. */
  set?: string;
  level?: Level;
  evaluatedSheets: string[];
  /** Sheets read and found to hold no criteria table (not the tool's own NTM_* sheets). */
  skippedSheets: string[];
  units: UnitTruth[];
  /** Criteria met -> number of units ("Số thôn đạt 16 tiêu chí: 08 thôn"). */
  byCountMet: Record<number, number>;
  /** Criterion -> units not meeting it ("Tiêu chí số 10: 20 thôn chưa đạt"); missing data is not counted here. */
  failingByCriterion: Record<number, number>;
  /** Typed "Tổng số tiêu chí đạt" cells that disagree with the count: flagged, never overwritten. Undefined: the workbook has no such column. */
  totalMismatches?: TotalMismatch[];
  /** Every cell that must carry a highlight in the copy: "Sheet!C9" -> mark. No other cell may change fill. */
  highlights: Record<string, Mark>;
  /** Each entry: one warning must contain every listed alternative group (folded, case- and accent-insensitive; "a|b" = either). */
  warnings: string[][];
  /** The workbook must be refused; the error must contain every listed substring (folded; "a|b" = either). */
  expectedError?: string[];
  /** Forms: the unit name is compared without the "Xã" prefix. */
  unitFromTitle?: boolean;
}

/** A workbook of the corpus: build() makes the workbook and its truth together, from the same data. */
export interface CorpusEntry {
  file: string;
  build(): Promise<{ wb: ExcelJS.Workbook; truth: CorpusTruth }>;
}

/** Unit truth from 19 statuses (index 0 = criterion 1). */
export function unitTruth(sheet: string, name: string, level: Level, statuses: readonly CritStatus[], group?: string): UnitTruth {
  const u: UnitTruth = { sheet, name: name.normalize("NFC").trim(), level, met: [], unmet: [], missing: [], invalid: [], noThreshold: [] };
  if (group !== undefined) u.group = stripPrefix(group.normalize("NFC").trim());
  statuses.forEach((s, i) => {
    const no = i + 1;
    if (s === "met") u.met.push(no);
    else if (s === "not_met") u.unmet.push(no);
    else if (s === "missing") u.missing.push(no);
    else if (s === "invalid") u.invalid.push(no);
    else u.noThreshold.push(no);
  });
  return u;
}

export function stripPrefix(name: string): string {
  return name.replace(/^(xã|phường|thị trấn)\s+/iu, "").trim();
}

/** byCountMet and failingByCriterion, from the units. */
export function counts(units: readonly UnitTruth[]): Pick<CorpusTruth, "byCountMet" | "failingByCriterion"> {
  const byCountMet: Record<number, number> = {};
  const failingByCriterion: Record<number, number> = {};
  for (const u of units) {
    byCountMet[u.met.length] = (byCountMet[u.met.length] ?? 0) + 1;
    for (const no of u.unmet) failingByCriterion[no] = (failingByCriterion[no] ?? 0) + 1;
  }
  return { byCountMet, failingByCriterion };
}

export function cliArgs(o: CorpusOptions): string[] {
  const a: string[] = [];
  if (o.setId) a.push("--set", o.setId);
  if (o.region) a.push("--region", o.region);
  if (o.year) a.push("--year", String(o.year));
  if (o.sheet) a.push("--sheet", o.sheet);
  return a;
}

/** A truth with its counts and CLI arguments filled in. */
export function finishTruth(t: Omit<CorpusTruth, "byCountMet" | "failingByCriterion" | "cliArgs">): CorpusTruth {
  return { ...t, cliArgs: cliArgs(t.options), ...counts(t.units) };
}
