// Who holds each criterion still to meet, and by when: the NTM_PhanCong template every host
// creates, and the follow-up of each unit's unmet (and missing-data) criteria against the sheet's
// assignments on a report date ("quá hạn" past the deadline, "chưa phân công" when nobody holds
// it, counts per department). Pure data in, data out; assignmentReport.ts words it.
import { tFollowUp } from "../i18n/assignmentStrings.js";
import type { CriteriaSet } from "../catalog/schema.js";
import type { Status, UnitResult } from "../engine/types.js";
import type { Language } from "../i18n/strings.js";
import { foldVietnamese } from "../text/fold.js";
import { unitNoun } from "../report/districtReport.js";
import { unitKey } from "./resultContract.js";
import { daysBetween, readSheetDate, type Assignment, type AssignmentProblem } from "./assignmentReader.js";

export * from "./assignmentReader.js";

/** The follow-up sheet the command line's combined report and the copies carry. */
export { assignmentTemplate, assignmentTemplateRows, type AssignmentTemplate } from "./assignmentTemplate.js";

/** The follow-up sheet the command line's combined report and the copies carry. */
export const FOLLOW_UP_SHEET = "NTM_TheoDoi";

export type FollowUpStatus = Extract<Status, "not_met" | "missing" | "invalid">;

/** One holder of an open criterion of a unit: the assignment's row, and where it stands. */
export interface AssignmentHolding {
  assignment: Assignment;
  /** The holder's name (one of the cell's names when it lists several). */
  holder: string;
  /** The deadline has passed (before the report date) and the criterion is still open. */
  overdue: boolean;
  /** Days past the deadline on the report date (when overdue). */
  daysOverdue: number | null;
  /** How the row reached the unit: for every unit, its commune, or its village. */
  scope: "all" | "commune" | "village";
}

/** An open criterion of a unit: not met, or missing or unreadable data. */
export interface FollowUpItem {
  /** The unit's position among the results (0-based). */
  unit: number;
  name: string;
  group?: string;
  key: string;
  criterion: number;
  status: FollowUpStatus;
  holdings: AssignmentHolding[];
  overdue: boolean;
}

export interface CriterionFollowUp {
  criterion: number;
  items: FollowUpItem[];
}

export interface HolderFollowUp {
  holder: string;
  /** Criteria it holds that some unit has still open, ascending. */
  open: number[];
  /** Of those, the ones overdue for some unit. */
  overdue: number[];
  /** Criteria it holds that no unit has open any more. */
  done: number[];
  /** Open (unit, criterion) pairs it holds, and of those overdue. */
  items: number;
  overdueItems: number;
}

export interface FollowUp {
  /** "YYYY-MM-DD". */
  reportDate: string;
  set: string;
  /** Every open criterion of every unit: units in results order, criteria ascending. */
  items: FollowUpItem[];
  byCriterion: CriterionFollowUp[];
  /** Departments and people in the order the sheet first names them. */
  byHolder: HolderFollowUp[];
  counts: { items: number; assigned: number; overdue: number; unassigned: number; units: number };
  /** Rows not counted and why (a criterion the set lacks, a unit not in the results...). */
  warnings: AssignmentProblem[];
}

export interface FollowUpOptions {
  /** The date the report is made on: "YYYY-MM-DD", "30/6/2025", a Date or an Excel serial number. */
  reportDate: unknown;
  set: CriteriaSet;
  lang?: Language;
  /** The set id the sheet names ("Bộ tiêu chí"), checked against `set`. */
  sheetSetId?: string | undefined;
}

const OPEN: ReadonlySet<Status> = new Set<Status>(["not_met", "missing", "invalid"]);

/** A unit's name as matched: case, diacritics and a leading "Xã"/"Thôn"/"Bản" folded (as unit keys are). */
const nameKey = (s: string) => unitKey({ name: s }).slice(1);

/** Holders listed in one cell: "Phòng NN&PTNT; UBND xã" is two. */
function holdersOf(cell: string): string[] {
  return cell
    .split(/\s*[;\n]\s*/)
    .map((h) => h.trim())
    .filter(Boolean);
}

/** A unit's name and commune as matched (computed once per unit). */
interface UnitKeys {
  name: string;
  group?: string | undefined;
}

/** A row with its commune and village as matched (computed once per row). */
interface Keyed {
  a: Assignment;
  commune?: string | undefined;
  village?: string | undefined;
  /** The cell's holders, and whether its deadline is past on the report date (by how many days). */
  holders: string[];
  daysOverdue: number | null;
}

const SCOPES = ["all", "commune", "village"] as const;

/**
 * The rows naming one code, by scope: for every unit, by commune, by village. A commune row
 * reaches the villages of that commune, or the commune itself on a sheet of communes; a village
 * row reaches the villages of that name (of its commune, when it names one).
 */
class CodeRows {
  all: Keyed[] = [];
  byCommune = new Map<string, Keyed[]>();
  byVillage = new Map<string, Keyed[]>();

  add(k: Keyed): void {
    const [map, key] = k.village !== undefined ? [this.byVillage, k.village] : k.commune !== undefined ? [this.byCommune, k.commune] : [undefined, ""];
    if (!map) return void this.all.push(k);
    const list = map.get(key);
    if (list) list.push(k);
    else map.set(key, [k]);
  }

  /** Of the rows reaching the unit, those of the most specific scope, with that scope's level. */
  holding(u: UnitKeys): { rows: Keyed[]; level: number } {
    const village = (this.byVillage.get(u.name) ?? []).filter((k) => k.commune === undefined || u.group === undefined || k.commune === u.group);
    if (village.length) return { rows: village, level: 2 };
    const commune = this.byCommune.get(u.group ?? u.name);
    if (commune?.length) return { rows: commune, level: 1 };
    return { rows: this.all, level: 0 };
  }
}

/**
 * The follow-up of every open criterion (not met, missing or unreadable data) of each unit: who
 * holds it and by when. A criterion's holders are the rows naming it of the most specific scope
 * reaching the unit (its village, else its commune, else every unit), with the rows naming one of
 * its indicators that the unit has not met (again the most specific scope per indicator). A
 * holding is overdue when its deadline is before the report date; an item with no holder is not
 * assigned. Rows naming a criterion or indicator the set lacks, or a commune or village not among
 * the results, are not counted and are listed in `warnings`.
 */
export function assignmentFollowUp(results: readonly UnitResult[], assignments: readonly Assignment[], o: FollowUpOptions): FollowUp {
  const date = readSheetDate(o.reportDate);
  if (!date.ok || date.date === null) throw new RangeError(`report date: ${String(o.reportDate)}`);
  const reportDate = date.date;
  const set = o.set;
  const lang = o.lang ?? "vi";
  const warnings: AssignmentProblem[] = [];
  const warn = (a: Assignment, key: AssignmentProblem["key"], params: Record<string, string>) => warnings.push({ row: a.row, key, params });
  if (o.sheetSetId && o.sheetSetId !== set.id) warnings.push({ row: 0, key: "assign.otherSet", params: { value: o.sheetSetId, set: set.id } });

  // Names as matched, once per unit; what a commune or village row can reach.
  const keys: UnitKeys[] = results.map((u) => ({ name: nameKey(u.name), ...(u.group !== undefined ? { group: nameKey(u.group) } : {}) }));
  const names = new Set(keys.map((k) => k.name));
  const pairs = new Set(keys.map((k) => (k.group === undefined ? `/${k.name}` : `${k.group}/${k.name}`)));
  const communes = new Set(keys.map((k) => k.group ?? k.name));
  const reaches = (k: Keyed) =>
    k.village !== undefined ? (k.commune === undefined ? names.has(k.village) : pairs.has(`${k.commune}/${k.village}`) || pairs.has(`/${k.village}`)) : k.commune === undefined || communes.has(k.commune);

  // Rows the set can hold, and that reach at least one unit, indexed by code.
  const usable: Assignment[] = [];
  const byCode = new Map<string, CodeRows>();
  const indicatorCodes = new Map<number, string[]>();
  for (const a of assignments) {
    const c = set.criteria.find((x) => x.no === a.criterion);
    if (set.criteria.length > 0 && !c) {
      warn(a, "assign.unknownCriterion", { no: String(a.criterion), set: set.id });
      continue;
    }
    if (a.indicator && c && c.indicators.length > 0 && !c.indicators.some((i) => i.code === a.indicator)) {
      warn(a, "assign.unknownIndicator", { code: a.indicator, no: String(a.criterion), set: set.id });
      continue;
    }
    const daysOverdue = a.deadline !== null && a.deadline < reportDate ? daysBetween(a.deadline, reportDate) : null;
    const k: Keyed = { a, ...(a.commune !== undefined ? { commune: nameKey(a.commune) } : {}), ...(a.village !== undefined ? { village: nameKey(a.village) } : {}), holders: holdersOf(a.holder), daysOverdue };
    if (!reaches(k)) {
      const village = a.village !== undefined;
      warn(a, "assign.unknownUnit", { noun: village ? unitNoun(set, lang) : tFollowUp("noun.xa", lang), name: village ? a.village! : a.commune! });
      continue;
    }
    usable.push(a);
    let rows = byCode.get(a.code);
    if (!rows) {
      byCode.set(a.code, (rows = new CodeRows()));
      if (a.indicator) indicatorCodes.set(a.criterion, [...(indicatorCodes.get(a.criterion) ?? []), a.indicator]);
    }
    rows.add(k);
  }

  const items: FollowUpItem[] = [];
  results.forEach((u, index) => {
    for (const c of [...u.criteria].sort((a, b) => a.no - b.no)) {
      if (!OPEN.has(c.status)) continue;
      const held: Array<{ rows: Keyed[]; level: number }> = [];
      const whole = byCode.get(String(c.no));
      if (whole) held.push(whole.holding(keys[index]!));
      // Indicator rows: per indicator, those of the most specific scope, unless the unit met it.
      for (const code of indicatorCodes.get(c.no) ?? []) {
        if (c.indicators.find((i) => i.code === code)?.status === "met") continue;
        held.push(byCode.get(code)!.holding(keys[index]!));
      }
      const holdings: AssignmentHolding[] = [];
      for (const { rows, level } of held) {
        for (const { a, holders, daysOverdue } of rows) {
          for (const holder of holders) holdings.push({ assignment: a, holder, overdue: daysOverdue !== null, daysOverdue, scope: SCOPES[level]! });
        }
      }
      items.push({
        unit: index,
        name: u.name,
        ...(u.group !== undefined ? { group: u.group } : {}),
        key: `${keys[index]!.group ?? ""}/${keys[index]!.name}`,
        criterion: c.no,
        status: c.status as FollowUpStatus,
        holdings,
        overdue: holdings.some((h) => h.overdue),
      });
    }
  });

  const perCriterion = new Map<number, FollowUpItem[]>();
  for (const it of items) {
    const list = perCriterion.get(it.criterion);
    if (list) list.push(it);
    else perCriterion.set(it.criterion, [it]);
  }

  // Departments and people in the order the sheet names them, one entry per folded name.
  const holders = new Map<string, { holder: string; held: Set<number>; open: Set<number>; overdue: Set<number>; items: number; overdueItems: number }>();
  const folded = new Map<string, string>();
  const fold = (name: string) => {
    let k = folded.get(name);
    if (k === undefined) folded.set(name, (k = foldVietnamese(name)));
    return k;
  };
  const holderEntry = (name: string) => {
    const k = fold(name);
    let h = holders.get(k);
    if (!h) holders.set(k, (h = { holder: name, held: new Set(), open: new Set(), overdue: new Set(), items: 0, overdueItems: 0 }));
    return h;
  };
  for (const a of [...usable].sort((x, y) => x.row - y.row)) for (const name of holdersOf(a.holder)) holderEntry(name).held.add(a.criterion);
  for (const it of items) {
    const seen = new Set<string>();
    for (const h of it.holdings) {
      const e = holderEntry(h.holder);
      e.open.add(it.criterion);
      if (h.overdue) e.overdue.add(it.criterion);
      // A holder named twice for one item (criterion and indicator rows) counts it once.
      const k = fold(h.holder);
      if (seen.has(k)) continue;
      seen.add(k);
      e.items++;
      if (it.holdings.some((x) => x.overdue && fold(x.holder) === k)) e.overdueItems++;
    }
  }
  const asc = (s: Set<number>) => [...s].sort((a, b) => a - b);
  const assigned = items.filter((i) => i.holdings.length > 0).length;
  return {
    reportDate,
    set: set.id,
    items,
    byCriterion: [...perCriterion].sort((a, b) => a[0] - b[0]).map(([criterion, list]) => ({ criterion, items: list })),
    byHolder: [...holders.values()].map((h) => ({ holder: h.holder, open: asc(h.open), overdue: asc(h.overdue), done: asc(h.held).filter((n) => !h.open.has(n)), items: h.items, overdueItems: h.overdueItems })),
    counts: { items: items.length, assigned, overdue: items.filter((i) => i.overdue).length, unassigned: items.length - assigned, units: new Set(items.map((i) => i.unit)).size },
    warnings,
  };
}
