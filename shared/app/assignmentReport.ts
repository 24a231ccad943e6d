// The follow-up of assignments in words, as district notices write their monthly progress
// reports ("Tiêu chí số 17 (Môi trường ...): 03 xã chưa đạt (...); giao Phòng TN&MT, hạn
// 30/6/2025 — quá hạn: 02 xã (...)", "Phòng NN&PTNT: 05 tiêu chí phụ trách chưa đạt (...), 02
// quá hạn (...)"), as the rows of the NTM_TheoDoi sheet every host can write, and as JSON.
import { tFollowUp } from "../i18n/assignmentStrings.js";
import type { CriteriaSet } from "../catalog/schema.js";
import type { UnitResult } from "../engine/types.js";
import { criterionName, statusLabel} from "../i18n/format.js";
import type { Language } from "../i18n/strings.js";
import { countWithNoun, fitCell, listUnitsByGroup, unitNoun } from "../report/districtReport.js";
import { formatNoticeDate, readAssignments, type AssignmentProblem, type ReadAssignmentsOptions } from "./assignmentReader.js";
import { assignmentFollowUp, type FollowUp, type FollowUpItem, type AssignmentHolding } from "./assignments.js";

export interface FollowUpContext {
  set: CriteriaSet;
  lang?: Language | undefined;
}

/** "Dòng 9, ô F9 ("Hạn hoàn thành"): ..." or, with the sheet's name, "NTM_PhanCong!F9 ("Hạn hoàn thành"): ...". */
export function assignmentProblemText(p: AssignmentProblem, lang: Language = "vi", sheet?: string): string {
  const what = tFollowUp(p.key, lang, p.params);
  if (p.row === 0) return what;
  if (p.cell === undefined) return `${sheet ? `${sheet}, ` : ""}${tFollowUp("assign.whereRow", lang, { row: String(p.row) })}: ${what}`;
  if (sheet) return `${sheet}!${p.cell} ("${p.column}"): ${what}`;
  return `${tFollowUp("assign.where", lang, { row: String(p.row), cell: p.cell, column: p.column ?? "" })}: ${what}`;
}

const pad = (n: number, lang: Language) => (lang === "vi" ? String(n).padStart(2, "0") : String(n));

function criteriaCount(n: number, lang: Language): string {
  return tFollowUp(n === 1 ? "assign.oneCriterion" : "assign.nCriteria", lang, { count: pad(n, lang) });
}

/** "Môi trường và an toàn thực phẩm", or "" for a set that only numbers its criteria. */
function nameOf(set: CriteriaSet, no: number, lang: Language): string {
  const c = set.criteria.find((x) => x.no === no);
  const name = c ? criterionName(c, lang) : "";
  return /^(tiêu chí|criterion)( số)? \d+$/i.test(name) ? "" : name;
}

const refOf = (i: FollowUpItem) => (i.group === undefined ? { name: i.name } : { name: i.name, group: i.group });

/** Holdings' words, once per row, holder and language: a district's items share a few rows. */
const holdingTexts = new WeakMap<object, Map<string, string>>();

/** "Phòng TN&MT (chỉ tiêu 17.1), hạn 30/6/2025": one holding as a notice names it. */
function holdingText(h: AssignmentHolding, lang: Language): string {
  let byHolder = holdingTexts.get(h.assignment);
  if (!byHolder) holdingTexts.set(h.assignment, (byHolder = new Map()));
  const key = `${lang}|${h.holder}`;
  let text = byHolder.get(key);
  if (text === undefined) byHolder.set(key, (text = holdingWords(h, lang)));
  return text;
}

function holdingWords(h: AssignmentHolding, lang: Language): string {
  const who = h.assignment.indicator ? tFollowUp("assign.holderIndicator", lang, { holder: h.holder, code: h.assignment.indicator }) : h.holder;
  return h.assignment.deadline ? tFollowUp("assign.holderDue", lang, { holder: who, date: formatNoticeDate(h.assignment.deadline, lang) }) : tFollowUp("assign.holderNoDue", lang, { holder: who });
}

/** Everyone holding an item, each once, in the sheet's order. */
function itemHolding(i: FollowUpItem, lang: Language): string {
  if (i.holdings.length === 1) return holdingText(i.holdings[0]!, lang);
  const texts = [...new Set([...i.holdings].sort((a, b) => a.assignment.row - b.assignment.row).map((h) => holdingText(h, lang)))];
  return texts.join(tFollowUp("assign.and", lang));
}

/** "- Tiêu chí số 17 (...): 03 xã chưa đạt (A, B, C); giao Phòng TN&MT, hạn 30/6/2025 — quá hạn: 02 xã (A, B)." */
export function criterionFollowUpLine(items: readonly FollowUpItem[], ctx: FollowUpContext): string {
  const lang = ctx.lang ?? "vi";
  const noun = unitNoun(ctx.set, lang);
  const count = (n: number) => countWithNoun(n, noun, lang);
  const list = (xs: readonly FollowUpItem[]) => listUnitsByGroup(xs.map(refOf), lang);
  const no = items[0]!.criterion;
  const notMet = items.filter((i) => i.status === "not_met");
  const missing = items.filter((i) => i.status !== "not_met");
  const units = [
    ...(notMet.length ? [tFollowUp("assign.unitsNotMet", lang, { count: count(notMet.length), list: list(notMet) })] : []),
    ...(missing.length ? [tFollowUp("assign.unitsMissing", lang, { count: count(missing.length), list: list(missing) })] : []),
  ].join(", ");
  // Units held alike are named together; with one way of holding for all, no list.
  const groups = new Map<string, FollowUpItem[]>();
  const unassigned: FollowUpItem[] = [];
  for (const i of items) {
    if (!i.holdings.length) {
      unassigned.push(i);
      continue;
    }
    const k = itemHolding(i, lang);
    const list = groups.get(k);
    if (list) list.push(i);
    else groups.set(k, [i]);
  }
  const parts: string[] = [];
  if (groups.size) {
    const alone = groups.size === 1 && !unassigned.length;
    parts.push(tFollowUp("assign.given", lang, { holders: [...groups].map(([text, xs]) => (alone ? text : `${text} (${list(xs)})`)).join("; ") }));
  }
  if (unassigned.length) parts.push(groups.size ? tFollowUp("assign.unassignedUnits", lang, { count: count(unassigned.length), list: list(unassigned) }) : tFollowUp("assign.unassignedAll", lang));
  const overdue = items.filter((i) => i.overdue);
  const name = nameOf(ctx.set, no, lang);
  return tFollowUp("assign.criterionLine", lang, {
    no: String(no),
    name: name ? tFollowUp("assign.criterionName", lang, { name }) : "",
    units,
    holding: parts.join("; "),
    overdue: overdue.length ? tFollowUp("assign.overdueUnits", lang, { count: count(overdue.length), list: list(overdue) }) : "",
  });
}

/** The notice's sections: the overview, a line per criterion, a line per department or person. */
export function followUpLines(f: FollowUp, ctx: FollowUpContext): string[] {
  const lang = ctx.lang ?? "vi";
  const noun = unitNoun(ctx.set, lang);
  const lines: string[] = [tFollowUp("assign.section.general", lang)];
  if (!f.items.length) {
    lines.push(tFollowUp("assign.generalNone", lang, { noun }));
  } else {
    lines.push(tFollowUp("assign.generalOpen", lang, { items: String(f.counts.items), units: countWithNoun(f.counts.units, noun, lang) }));
    lines.push(tFollowUp("assign.generalAssigned", lang, { assigned: String(f.counts.assigned), overdue: String(f.counts.overdue), unassigned: String(f.counts.unassigned) }));
    lines.push(tFollowUp("assign.section.criteria", lang));
    for (const c of f.byCriterion) lines.push(criterionFollowUpLine(c.items, ctx));
  }
  const unassigned = f.items.filter((i) => !i.holdings.length);
  if (f.byHolder.length || unassigned.length) lines.push(tFollowUp("assign.section.holders", lang));
  for (const h of f.byHolder) {
    if (h.open.length) {
      const overdue = h.overdue.length ? tFollowUp("assign.holderOverdue", lang, { count: pad(h.overdue.length, lang), list: h.overdue.join(", ") }) : tFollowUp("assign.holderNoOverdue", lang);
      lines.push(tFollowUp("assign.holderLine", lang, { holder: h.holder, criteria: criteriaCount(h.open.length, lang), list: h.open.join(", "), overdue }));
    } else if (h.done.length) lines.push(tFollowUp("assign.holderDone", lang, { holder: h.holder, list: h.done.join(", "), noun }));
  }
  if (unassigned.length) {
    const criteria = [...new Set(unassigned.map((i) => i.criterion))].sort((a, b) => a - b);
    const units = new Set(unassigned.map((i) => i.unit)).size;
    lines.push(tFollowUp("assign.unassignedLine", lang, { criteria: criteriaCount(criteria.length, lang), list: criteria.join(", "), units: countWithNoun(units, noun, lang) }));
  }
  return lines.map((l) => fitCell(l, lang));
}

/** The "Theo dõi" cell of an item: not assigned, overdue by N days, not yet due, or no deadline. */
function followUpWord(i: FollowUpItem, lang: Language): string {
  if (!i.holdings.length) return tFollowUp("assign.unassigned", lang);
  if (i.overdue) return tFollowUp("assign.overdueDays", lang, { days: String(Math.max(...i.holdings.map((h) => h.daysOverdue ?? 0))) });
  return i.holdings.some((h) => h.assignment.deadline) ? tFollowUp("assign.inTime", lang) : tFollowUp("assign.noDeadline", lang);
}

const distinct = (xs: readonly string[]) => [...new Set(xs.filter(Boolean))].join("; ");

/** Widths of the NTM_TheoDoi sheet's columns, in characters (every host sets them as far as it can). */
export const FOLLOW_UP_WIDTHS: readonly number[] = [8, 18, 18, 10, 30, 14, 30, 14, 16, 16, 30, 24];

export interface FollowUpRowsContext extends FollowUpContext {
  /** What the report covers (a file, a folder), under the title. */
  source?: string | undefined;
  /** The sheet the assignments were read from, to name its rows in the notes. */
  sheet?: string | undefined;
}

/**
 * The NTM_TheoDoi sheet (or a block of the report sheet): the title, the report period, the
 * notice's sections, then one row per open criterion of each unit with who holds it, the deadline
 * and where it stands, then the notes (rows not counted).
 */
export function followUpRows(f: FollowUp, ctx: FollowUpRowsContext): Array<Array<string | number>> {
  const lang = ctx.lang ?? "vi";
  const L = (key: Parameters<typeof tFollowUp>[0], params?: Record<string, string>) => tFollowUp(key, lang, params);
  const [year, month] = f.reportDate.split("-");
  const rows: Array<Array<string | number>> = [
    [L("assign.title")],
    [L("assign.subtitle", { month: String(Number(month)), year: year!, date: formatNoticeDate(f.reportDate, lang), set: `${ctx.set.title} (${ctx.set.id})`, source: ctx.source ? `; ${ctx.source}` : "" })],
    [],
  ];
  for (const line of followUpLines(f, ctx)) rows.push([line]);
  if (f.items.length) {
    const hasGroup = f.items.some((i) => i.group !== undefined);
    rows.push([], [L("assign.section.detail")]);
    rows.push([
      L("report.h.no"),
      ...(hasGroup ? [L("report.h.commune")] : []),
      L("report.h.name"),
      L("report.h.criterion"),
      L("report.h.criterionName"),
      L("assign.h.situation"),
      L("assign.h.holder"),
      L("assign.h.deadline"),
      L("assign.h.followUp"),
      L("assign.h.status"),
      L("assign.h.evidence"),
      L("assign.h.note"),
    ]);
    f.items.forEach((i, n) => {
      const a = i.holdings.map((h) => h.assignment);
      rows.push([
        n + 1,
        ...(hasGroup ? [i.group ?? ""] : []),
        i.name,
        i.criterion,
        nameOf(ctx.set, i.criterion, lang),
        statusLabel(i.status, lang),
        distinct(i.holdings.map((h) => (h.assignment.indicator ? tFollowUp("assign.holderIndicator", lang, { holder: h.holder, code: h.assignment.indicator }) : h.holder))),
        distinct(a.map((x) => (x.deadline ? formatNoticeDate(x.deadline, lang) : ""))),
        followUpWord(i, lang),
        distinct(a.map((x) => x.status)),
        distinct(a.map((x) => x.evidence)),
        distinct(a.map((x) => x.note)),
      ]);
    });
  }
  if (f.warnings.length) {
    rows.push([], [L("report.notes")]);
    for (const w of f.warnings) rows.push([`- ${assignmentProblemText(w, lang, ctx.sheet)}`]);
  }
  return rows.map((r) => r.map((c) => (typeof c === "string" ? fitCell(c, lang) : c)));
}

/**
 * `followUp` of `ntm evaluate --json` (docs/contracts.md). `indexOf` turns a unit's position among
 * the results followed up into its position in the document's `units`.
 */
export function followUpJson(f: FollowUp, ctx: FollowUpContext & { sheet?: string | undefined }, indexOf: (i: number) => number = (i) => i) {
  const lang = ctx.lang ?? "vi";
  const idx = (xs: readonly FollowUpItem[]) => xs.map((i) => indexOf(i.unit));
  return {
    set: f.set,
    reportDate: f.reportDate,
    counts: f.counts,
    items: f.items.map((i) => ({
      unit: indexOf(i.unit),
      key: i.key,
      name: i.name,
      ...(i.group !== undefined ? { group: i.group } : {}),
      criterion: i.criterion,
      status: i.status,
      assigned: i.holdings.length > 0,
      overdue: i.overdue,
      holders: i.holdings.map((h) => ({
        holder: h.holder,
        code: h.assignment.code,
        deadline: h.assignment.deadline,
        overdue: h.overdue,
        daysOverdue: h.daysOverdue,
        scope: h.scope,
        row: h.assignment.row,
        evidence: h.assignment.evidence,
        status: h.assignment.status,
        note: h.assignment.note,
      })),
    })),
    byCriterion: f.byCriterion.map((c) => ({
      criterion: c.criterion,
      notMet: idx(c.items.filter((i) => i.status === "not_met")),
      missing: idx(c.items.filter((i) => i.status !== "not_met")),
      overdue: idx(c.items.filter((i) => i.overdue)),
      unassigned: idx(c.items.filter((i) => !i.holdings.length)),
    })),
    byHolder: f.byHolder,
    warnings: f.warnings.map((w) => assignmentProblemText(w, lang, ctx.sheet)),
    report: followUpLines(f, ctx),
  };
}

export interface FollowUpReportContext extends FollowUpRowsContext {
  /** "YYYY-MM-DD", "30/6/2025", a Date or an Excel serial number. */
  reportDate: unknown;
  /** Where the rows start on the sheet, its merges, its date system (ReadAssignmentsOptions). */
  read?: ReadAssignmentsOptions;
}

export type FollowUpReport =
  | { ok: true; rows: Array<Array<string | number>>; followUp: FollowUp; warnings: string[] }
  | { ok: false; errors: string[]; problems: AssignmentProblem[] };

/**
 * One call for a host: the rows of its NTM_PhanCong sheet and the results it judged, to the rows of
 * the follow-up report (or the sheet's errors, each naming its row and cell, in the user's language).
 */
export function assignmentFollowUpRows(results: readonly UnitResult[], sheetRows: readonly (readonly unknown[])[], ctx: FollowUpReportContext): FollowUpReport {
  const lang = ctx.lang ?? "vi";
  const read = readAssignments(sheetRows, ctx.read);
  if (!read.ok) return { ok: false, errors: read.errors.map((e) => assignmentProblemText(e, lang, ctx.sheet)), problems: read.errors };
  const f = assignmentFollowUp(results, read.assignments, { reportDate: ctx.reportDate, set: ctx.set, lang, sheetSetId: read.setId });
  f.warnings.unshift(...read.warnings);
  return { ok: true, rows: followUpRows(f, ctx), followUp: f, warnings: f.warnings.map((w) => assignmentProblemText(w, lang, ctx.sheet)) };
}
