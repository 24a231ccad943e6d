// The NTM_PhanCong template a host creates: a header an office fills in and one row per
// criterion of the set (a village set gets a "Thôn" column). Pure data; hosts write it.
import { tFollowUp } from "../i18n/assignmentStrings.js";
import type { CriteriaSet } from "../catalog/schema.js";
import { criterionOwnName } from "../i18n/format.js";
import type { Language } from "../i18n/strings.js";
import { unitNoun } from "../report/districtReport.js";
import type { AssignmentField } from "./assignmentReader.js";

/** The template's columns in order; a commune set has no village column. */
function templateFields(set: CriteriaSet): AssignmentField[] {
  return ["code", "name", "commune", ...(set.level === "xa" ? [] : (["village"] as const)), "holder", "deadline", "evidence", "status", "note"];
}

const HEADER_KEY: Record<AssignmentField, Parameters<typeof tFollowUp>[0]> = {
  code: "assign.h.code",
  name: "assign.h.name",
  commune: "assign.h.commune",
  village: "assign.h.village",
  holder: "assign.h.holder",
  deadline: "assign.h.deadline",
  evidence: "assign.h.evidence",
  status: "assign.h.status",
  note: "assign.h.note",
};

const WIDTHS: Record<AssignmentField, number> = { code: 14, name: 34, commune: 16, village: 16, holder: 28, deadline: 16, evidence: 34, status: 18, note: 28 };

export interface AssignmentTemplate {
  rows: string[][];
  /** 0-based row of the header (the rows above it are the title and the set). */
  headerRow: number;
  /** 0-based columns whose cells are text ("17.10" must not become the number 17.1), and the deadline's. */
  codeColumn: number;
  deadlineColumn: number;
  /** Column widths in characters, from column A. */
  columnWidths: number[];
}


/** The set's criteria by number; a set whose criteria come from the sheet (none listed) gets 1..19. */
function criteriaOf(set: CriteriaSet): Array<{ no: number; name: string }> {
  if (set.criteria.length === 0) return Array.from({ length: 19 }, (_, i) => ({ no: i + 1, name: "" }));
  return set.criteria.map((c) => ({ no: c.no, name: c.name }));
}

/**
 * The NTM_PhanCong sheet as a host creates it: a title, the set, the header, an example row and
 * the note explaining it (neither is read back), then one row per criterion of the set with its
 * name, for the office to fill in who holds it, by when, with what evidence.
 */
export function assignmentTemplate(set: CriteriaSet, lang: Language = "vi"): AssignmentTemplate {
  const fields = templateFields(set);
  const L = (key: Parameters<typeof tFollowUp>[0], params?: Record<string, string>) => tFollowUp(key, lang, params);
  const row = (cells: Partial<Record<AssignmentField, string>>) => fields.map((f) => cells[f] ?? "");
  const name = (no: number, fallback: string) => {
    const c = set.criteria.find((x) => x.no === no);
    return criterionOwnName(c ?? { no, name: fallback }, lang);
  };
  const example = set.criteria.find((c) => c.no === 17) ? 17 : (criteriaOf(set)[0]?.no ?? 1);
  const village = fields.includes("village");
  const rows: string[][] = [
    [L("assign.sheetTitle")],
    [L("assign.setLabel"), set.id, set.title],
    [],
    fields.map((f) => L(HEADER_KEY[f])),
    row({
      code: L("assign.example", { code: String(example) }),
      name: name(example, ""),
      commune: L("assign.exampleCommune"),
      ...(village ? { village: L("assign.exampleVillage") } : {}),
      holder: L("assign.exampleHolder"),
      deadline: "30/6/2025",
      evidence: L("assign.exampleEvidence"),
      status: L("assign.exampleStatus"),
    }),
    [L("assign.exampleNote", { scope: village ? `${L("assign.h.commune")}/${L("assign.h.village")}` : L("assign.h.commune"), noun: unitNoun(set, lang) })],
  ];
  for (const c of criteriaOf(set)) rows.push(row({ code: String(c.no), name: name(c.no, c.name) }));
  return { rows, headerRow: 3, codeColumn: fields.indexOf("code"), deadlineColumn: fields.indexOf("deadline"), columnWidths: fields.map((f) => WIDTHS[f]) };
}

/** The template's rows (one call for a host creating the sheet named ASSIGNMENT_SHEET). */
export function assignmentTemplateRows(set: CriteriaSet, lang: Language = "vi"): string[][] {
  return assignmentTemplate(set, lang).rows;
}


// ---- the follow-up ----

