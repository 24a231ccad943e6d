// `ntm evaluate`'s follow-up of assignments: one per criteria set of the run (villages and
// communes are never counted together, as the roads are not), printed after the road, in --json as
// `followUp` (and `otherFollowUps`), and as NTM_TheoDoi sheets of a folder's combined report.
import { tAssign } from "../shared/i18n/assignmentStrings.js";
import type ExcelJS from "exceljs";
import {
  ASSIGNMENT_SHEET,
  FOLLOW_UP_SHEET,
  assignmentProblemText,
  followUpJson,
  followUpLines,
  followUpRows,
  formatNoticeDate,
  type CriteriaSet,
  type FollowUp,
  type Language,
} from "../shared/index.js";
import { FOLLOW_UP_WIDTHS, followUpOf, followUpSource, type AssignmentSource } from "./assignmentSheet.js";
import type { EvaluatedUnit } from "./evaluateWorkbook.js";
import { writeReportSheet } from "./xlsxGrid.js";

export interface RunFollowUp {
  set: CriteriaSet;
  units: readonly EvaluatedUnit[];
  followUp: FollowUp;
  /** What it covers and where its assignments come from ("huyen/ (3 tệp); phân công: pc.xlsx"). */
  source: string;
}

/** The follow-up of each set's units against the assignments, when there are assignments. */
export function runFollowUps(groups: Iterable<{ set: CriteriaSet; units: EvaluatedUnit[] }>, source: AssignmentSource | undefined, reportDate: string | undefined, covered: string, lang: Language): RunFollowUp[] {
  if (!source || !reportDate) return [];
  return [...groups].map((g) => ({ set: g.set, units: g.units, followUp: followUpOf(g.units.map((u) => u.result), g.set, source, reportDate, lang), source: followUpSource(covered, source, lang) }));
}

/** `followUp` for the document's first set, `otherFollowUps` for the others; unit numbers point into `units`. */
export function followUpsJson(list: readonly RunFollowUp[], units: readonly EvaluatedUnit[], lang: Language) {
  if (!list.length) return {};
  const position = new Map(units.map((u, i) => [u, i]));
  const [first, ...others] = list.map((x) => ({ ...followUpJson(x.followUp, { set: x.set, lang, sheet: ASSIGNMENT_SHEET }, (i) => position.get(x.units[i]!) ?? i), source: x.source }));
  return { followUp: first, ...(others.length ? { otherFollowUps: others } : {}) };
}

/** The terminal's block: the title with the report date, the notice's sections, the rows not counted. */
export function followUpText(x: RunFollowUp, lang: Language): string {
  const f = x.followUp;
  let text = `\n${tAssign("assign.printTitle", lang, { date: formatNoticeDate(f.reportDate, lang) })} — ${x.set.id}; ${x.source}\n`;
  text += followUpLines(f, { set: x.set, lang }).join("\n") + "\n";
  for (const w of f.warnings) text += `  ! ${assignmentProblemText(w, lang, ASSIGNMENT_SHEET)}\n`;
  return text;
}

/** NTM_TheoDoi (NTM_TheoDoi_2, ... for further sets) in the combined report. */
export function writeFollowUpSheets(wb: ExcelJS.Workbook, list: readonly RunFollowUp[], lang: Language): void {
  list.forEach((x, i) => {
    const ws = writeReportSheet(wb, i === 0 ? FOLLOW_UP_SHEET : `${FOLLOW_UP_SHEET}_${i + 1}`, followUpRows(x.followUp, { set: x.set, lang, source: x.source, sheet: ASSIGNMENT_SHEET }));
    FOLLOW_UP_WIDTHS.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  });
}
