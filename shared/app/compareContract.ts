// The comparison as a JSON document (docs/contracts.md, "ntm compare"): plain values only,
// numbers at full precision, messages already in the user's language.
import type { IndicatorResult } from "../engine/types.js";
import { formatMessage } from "../i18n/format.js";
import type { Language } from "../i18n/strings.js";
import type { IndicatorMovement, RunComparison, RunSide, UnitComparison } from "./compareRuns.js";
import { unitKey } from "./resultContract.js";

/** A side as the document names it: what judged it and, on the command line, its file and notices. */
export type SideDescription = Omit<RunSide, "units"> & {
  file?: string;
  units: number;
  skippedSheets?: ReadonlyArray<{ sheet: string; reason: string }>;
  warnings?: readonly string[];
};

const num = (i: IndicatorResult | null) => (i?.value?.type === "number" ? i.value.value : null);
const target = (i: IndicatorResult | null) => (typeof i?.threshold?.value === "number" ? i.threshold.value : null);

export function movementJson(m: IndicatorMovement) {
  const gap = m.new?.gap;
  return {
    code: m.code,
    old: num(m.old),
    new: num(m.new),
    threshold: target(m.new),
    comparator: m.new?.threshold?.comparator ?? m.old?.threshold?.comparator ?? null,
    oldThreshold: target(m.old),
    // A form's "≥ 45" names no unit; the gap carries the indicator's.
    unit: m.new?.threshold?.unit || (m.new?.value?.type === "number" ? m.new.value.unit : "") || (gap && gap.type !== "requirement" ? gap.unit : "") || "",
    // What is still short of this year's target (or over it, for a "≤" one), as the evaluate contract's gap.
    gap: gap && gap.type !== "requirement" ? gap.amount : null,
    oldStatus: m.old?.status ?? null,
    newStatus: m.new?.status ?? null,
  };
}

function unitJson(u: UnitComparison) {
  const [o, n] = [u.old.result, u.new.result];
  return {
    key: u.key,
    name: n.name,
    ...(n.group !== undefined ? { group: n.group } : {}),
    // The name as the earlier sheet wrote it, when it differs ("Thôn Nà Lẹng" / "Nà Lẹng").
    ...(o.name !== n.name ? { oldName: o.name } : {}),
    ...(o.group !== n.group && o.group !== undefined ? { oldGroup: o.group } : {}),
    sheet: u.new.sheet,
    criteriaMet: { old: o.criteriaMet, new: n.criteriaMet },
    lost: u.lost,
    gained: u.gained,
    stillUnmet: u.stillUnmet,
    stillMet: u.stillMet,
    undetermined: u.undetermined,
    indicators: u.indicators.map(movementJson),
  };
}

function sideJson({ set, region, year, file, units, ...notices }: SideDescription) {
  return { set, region: region ?? null, year: year ?? null, ...(file !== undefined ? { file } : {}), units, ...notices };
}

/** Units losing or gaining each criterion: { "17": 2 }. */
function countBy(units: readonly UnitComparison[], pick: (u: UnitComparison) => number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const u of units) for (const no of pick(u)) out[no] = (out[no] ?? 0) + 1;
  return out;
}

/** `report`: the notice section's lines; `notes`: what the host adds to the warnings (how to fix them). */
export function comparisonJson(c: RunComparison, old: SideDescription, now: SideDescription, lang: Language, report: readonly string[], notes: readonly string[] = []) {
  const names = (units: RunComparison["onlyInOld"]) => units.map((u) => u.result.name);
  const keys = (units: RunComparison["onlyInOld"]) => units.map((u) => unitKey(u.result));
  return {
    old: sideJson(old),
    new: sideJson(now),
    summary: {
      matched: c.units.length,
      unitsLosing: c.units.filter((u) => u.lost.length > 0).length,
      unitsGaining: c.units.filter((u) => u.gained.length > 0).length,
      lostByCriterion: countBy(c.units, (u) => u.lost),
      gainedByCriterion: countBy(c.units, (u) => u.gained),
      onlyInOld: c.onlyInOld.length,
      onlyInNew: c.onlyInNew.length,
      duplicateKeys: c.duplicates.length,
    },
    units: c.units.map(unitJson),
    onlyInOld: names(c.onlyInOld),
    onlyInNew: names(c.onlyInNew),
    onlyInOldKeys: keys(c.onlyInOld),
    onlyInNewKeys: keys(c.onlyInNew),
    duplicates: c.duplicates.map((d) => ({ key: d.key, old: d.old.map((u) => u.result.name), new: d.new.map((u) => u.result.name), messages: d.messages.map((m) => formatMessage(m, lang)) })),
    warnings: [...c.warnings.map((m) => formatMessage(m, lang)), ...notes],
    report,
  };
}
