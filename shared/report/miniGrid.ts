// The add-ins' small picture of an evaluation: units × criteria, each cell a status (coloured as
// the NTM_BaoCao heat map, with its word and a letter, so colour is never the only signal) and the
// A1 address on the judged sheet to select when it is clicked. Pure data, built once here: the
// Excel task pane (lazily) and the Sheets sidebar (sent by the server) only lay it out.
import type { CriteriaSet } from "../catalog/schema.js";
import type { Status, UnitResult } from "../engine/types.js";
import { criterionOwnName, statusLabel, t } from "../i18n/format.js";
import { paneText } from "../i18n/paneStrings.js";
import type { Language } from "../i18n/strings.js";
import type { SheetMapping } from "../sheet/detect.js";
import type { SheetUnit } from "../sheet/extract.js";
import { a1, type CellRef } from "../sheet/grid.js";
import { REPORT_COLOURS, REPORT_TEXT_COLOUR } from "./reportColours.js";
import { LEGEND_STATUSES } from "./reportMatrix.js";

/** Units drawn at most: the rest are counted ("và N đơn vị khác"), so a province's sheet stays quick. */
export const MINI_GRID_MAX_UNITS = 40;

export interface MiniGridCell {
  /** null: the unit has no result for this criterion. */
  status: Status | null;
  /** The cell to select (A1 on the judged sheet): the criterion's status or value cell, else the unit's header cell. */
  address: string;
}

export interface MiniGridUnit {
  name: string;
  /** The unit's header cell: its name (a table of units), or the result column's header (one unit's form). */
  address: string;
  met: number;
  total: number;
  /** One per criterion, in the order of `criteria`. */
  cells: MiniGridCell[];
}

export interface MiniGridGroup {
  /** "Xã Đôn Phong"; null where the sheet has no communes. */
  label: string | null;
  units: MiniGridUnit[];
}

export interface MiniGridCriterion {
  no: number;
  /** "Tiêu chí số 10 · Thu nhập": the column's tooltip and accessible name. */
  label: string;
  /** Units meeting it, of `judged` (all units, drawn or not). */
  met: number;
  judged: number;
}

export interface MiniGridStatus {
  status: Status;
  /** The heat map's word ("Chưa đạt"). */
  word: string;
  /** One letter in the cell ("C"). */
  letter: string;
  colour: string;
}

export interface MiniGrid {
  sheet: string;
  criteria: MiniGridCriterion[];
  /** Units by commune, in the sheet's order of first appearance; at most `maxUnits` in all. */
  groups: MiniGridGroup[];
  /** All units of the sheet. */
  unitCount: number;
  /** Units not drawn (past the cap). */
  hidden: number;
  /** The statuses present, in the legend's order, with word, letter and colour. */
  legend: MiniGridStatus[];
  textColour: string;
}

/** What an evaluation already carries, on either add-in. */
export interface MiniGridInput {
  sheet: string;
  /** Where the evaluated grid starts on the sheet (addresses are the sheet's own). */
  origin: { row: number; col: number };
  mapping: SheetMapping;
  units: readonly SheetUnit[];
  results: readonly UnitResult[];
  set: Pick<CriteriaSet, "criteria">;
}

/** The letter standing for a status in a grid cell: "grid.letters" holds one per status, in the legend's order. */
export function statusLetter(status: Status, lang: Language = "vi"): string {
  return [...paneText("grid.letters", lang)][LEGEND_STATUSES.indexOf(status)] ?? "";
}

/** The unit's header cell: its name in a table of units; the result column's header on one unit's form. */
function headerCell(mapping: SheetMapping, unit: SheetUnit): CellRef {
  if (mapping.layout === "wide") return { row: unit.row ?? mapping.headerRows.bottom, col: mapping.nameCol };
  return { row: mapping.headerRows.top, col: mapping.valueCol };
}

/**
 * The cell a criterion of a unit is read from: its status cell, else the value of its first indicator
 * short of the target (else its first with a cell), else, on a form, the criterion's row, else the unit's header.
 */
function criterionCell(mapping: SheetMapping, unit: SheetUnit, result: UnitResult, no: number): CellRef {
  const own = unit.criterionCells[no];
  if (own) return own;
  const inds = result.criteria.find((c) => c.no === no)?.indicators ?? [];
  const withCell = inds.filter((i) => unit.valueCells[i.code]);
  const pick = withCell.find((i) => i.status !== "met") ?? withCell[0];
  if (pick) return unit.valueCells[pick.code]!;
  if (mapping.layout === "long") {
    const row = mapping.rows.find((r) => r.criterionRow && r.code === String(no)) ?? mapping.rows.find((r) => r.code.split(".")[0] === String(no));
    if (row) return { row: row.row, col: mapping.codeCol };
  }
  return headerCell(mapping, unit);
}

/** "Xã Đôn Phong" (a commune already called "Xã ..." keeps its name). */
function groupLabel(group: string, lang: Language): string {
  const noun = t("report.h.commune", lang);
  return group.toLocaleLowerCase().startsWith(noun.toLocaleLowerCase() + " ") ? group : `${noun} ${group}`;
}

function criteriaColumns(input: MiniGridInput, lang: Language): MiniGridCriterion[] {
  const seen = new Set<number>();
  for (const r of input.results) for (const c of r.criteria) seen.add(c.no);
  return [...seen]
    .sort((a, b) => a - b)
    .map((no) => {
      const def = input.set.criteria.find((c) => c.no === no);
      const label = t("ui.criterion", lang, { no });
      const name = def ? criterionOwnName(def, lang) : "";
      let met = 0;
      let judged = 0;
      for (const r of input.results) {
        const c = r.criteria.find((x) => x.no === no);
        if (c) judged++;
        if (c?.status === "met") met++;
      }
      return { no, label: name ? `${label} · ${name}` : label, met, judged };
    });
}

/** The grid of an evaluation, in the pane's language; at most `maxUnits` units drawn. */
export function miniGrid(input: MiniGridInput, lang: Language = "vi", maxUnits: number = MINI_GRID_MAX_UNITS): MiniGrid {
  const { mapping, units, results, origin } = input;
  const criteria = criteriaColumns(input, lang);
  const present = new Set<Status>();
  const unitRow = (i: number): MiniGridUnit => {
    const r = results[i]!;
    const unit = units[i]!;
    const byNo = new Map(r.criteria.map((c) => [c.no, c]));
    return {
      name: r.name,
      address: a1(headerCell(mapping, unit), origin),
      met: r.criteriaMet,
      total: r.criteriaTotal,
      cells: criteria.map(({ no }) => {
        const c = byNo.get(no);
        if (c) present.add(c.status);
        return { status: c?.status ?? null, address: a1(c ? criterionCell(mapping, unit, r, no) : headerCell(mapping, unit), origin) };
      }),
    };
  };
  // Communes in the order they first appear; villages keep the sheet's order within each.
  const byGroup = new Map<string | null, number[]>();
  results.forEach((r, i) => byGroup.set(r.group ?? null, [...(byGroup.get(r.group ?? null) ?? []), i]));
  const groups: MiniGridGroup[] = [];
  let drawn = 0;
  for (const [group, indexes] of byGroup) {
    if (drawn >= maxUnits) break;
    const take = indexes.slice(0, maxUnits - drawn);
    drawn += take.length;
    groups.push({ label: group === null ? null : groupLabel(group, lang), units: take.map(unitRow) });
  }
  return {
    sheet: input.sheet,
    criteria,
    groups,
    unitCount: results.length,
    hidden: results.length - drawn,
    legend: LEGEND_STATUSES.filter((s) => present.has(s)).map((status) => ({ status, word: statusLabel(status, lang), letter: statusLetter(status, lang), colour: REPORT_COLOURS[status] })),
    textColour: REPORT_TEXT_COLOUR,
  };
}
