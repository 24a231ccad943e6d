// "Evaluate this sheet", written once for every host: which set judges it (chosen, carried by
// the workbook, or read from the sheet), the evaluation and its write plan, and the messages
// a user must see (blank reading, settings that would judge more, office totals that disagree).
import type { RegionId } from "../catalog/regions.js";
import type { CriteriaSet } from "../catalog/schema.js";
import { DEFAULT_SET_ID, getBuiltInSet } from "../catalog/builtin.js";
import { message, type Message } from "../i18n/message.js";
import type { Language } from "../i18n/strings.js";
import { detectLayout, type MappingOverride } from "../sheet/detect.js";
import { evaluateSheet, type SheetEvaluation } from "../sheet/evaluateSheet.js";
import { a1, type SheetGrid } from "../sheet/grid.js";
import type { HighlightRecord } from "../sheet/plan.js";
import { mappingProblems } from "./columnMapping.js";
import { resolveSet, type SetChoice } from "./resolveSet.js";
import { settingsWarnings } from "./settingsWarnings.js";

export interface SheetRunOptions {
  /** The set the user chose (command line --set, cell argument); none: the workbook's, else read from the sheet. */
  setId?: string;
  /** The set saved in the add-in's settings, used when nothing more specific applies. */
  settingSetId?: string;
  /** NTM_BoTieuChi read from the workbook: its thresholds come first, and it names the set it amends. */
  workbook?: { set: CriteriaSet; base?: string };
  /** A set already chosen for this workbook (its first sheet): the other sheets follow it. */
  chosen?: SetChoice;
  region?: RegionId;
  year?: number;
  override?: MappingOverride;
  blankCriterion?: "not_met" | "missing";
  previous?: HighlightRecord;
  /** Notes written at most; past it the fills, [NTM] columns and report still carry every gap. */
  maxNotes?: number;
  lang?: Language;
}

/** Notes per sheet a host writes by default: a note per gap on 50,000 villages helps nobody. */
export const DEFAULT_MAX_NOTES = 1000;

export interface InvalidCell {
  cell: string;
  unit: string;
  code: string;
  reason: Message;
}

export type SheetRun =
  | (Extract<SheetEvaluation, { ok: true }> & {
      choice: SetChoice;
      /** Messages for the user, each said once: the blank reading, region/year that would judge more. */
      notices: Message[];
      invalidCells: InvalidCell[];
    })
  /** `mapping`: the user's column mapping names what the set lacks (a usage error, not the sheet's). */
  | { ok: false; reason: Message; mapping?: Message[] };

/** Which set judges this sheet: the chosen one, the workbook's, the saved setting, or what the sheet says of itself. */
export function chooseSetForSheet(grid: SheetGrid, o: SheetRunOptions): { ok: true; choice: SetChoice } | { ok: false; reason: Message } {
  if (o.chosen) return { ok: true, choice: o.chosen };
  if (o.setId || o.workbook || o.settingSetId) {
    const r = resolveSet({ argument: o.setId, workbook: o.workbook, setting: o.settingSetId });
    if (!r.ok || r.choice.origin !== "default") return r;
  }
  const probe = detectLayout(grid, getBuiltInSet(DEFAULT_SET_ID)!, { override: o.override ?? {} });
  if (!probe.ok) return probe;
  const level = probe.mapping.layout === "wide" ? probe.mapping.level : "xa";
  return resolveSet({ hints: { sheet: grid.name, level, title: probe.title } });
}

export function runSheet(grid: SheetGrid, o: SheetRunOptions): SheetRun {
  const chosen = chooseSetForSheet(grid, o);
  if (!chosen.ok) return chosen;
  const { choice } = chosen;
  const set = choice.set;
  // Criterion 20 of 19 or an unknown code would drop its column in silence: refuse the mapping.
  const mapping = mappingProblems(o.override, set, grid.origin?.col);
  if (mapping.length > 0) return { ok: false, reason: mapping[0]!, mapping };
  const ev = evaluateSheet(grid, {
    set,
    region: o.region,
    year: o.year,
    workbookSet: o.workbook?.set,
    lang: o.lang,
    override: o.override,
    blankCriterion: o.blankCriterion,
    previous: o.previous,
    ...(o.maxNotes !== undefined ? { maxNotes: o.maxNotes } : {}),
  });
  if (!ev.ok) return ev;
  const notices = [...ev.warnings, ...settingsWarnings(set, o.region, o.year, ev.results)];
  if (ev.plan.notesCapped) notices.push(message("sheet.notesCapped", { max: o.maxNotes ?? 0, count: ev.plan.notesCapped }));
  const invalidCells: InvalidCell[] = [];
  ev.results.forEach((r, i) => {
    const unit = ev.units[i]!;
    for (const c of r.criteria) {
      for (const ind of c.indicators) {
        const cell = unit.valueCells[ind.code];
        if (ind.status === "invalid" && cell && ind.reason) invalidCells.push({ cell: a1(cell, grid.origin), unit: r.name, code: ind.code, reason: ind.reason });
      }
    }
  });
  return { ...ev, choice, notices, invalidCells };
}
