// Checks that silently could not run: say once, plainly, what is missing.
import type { RegionId } from "../catalog/regions.js";
import type { CriteriaSet } from "../catalog/schema.js";
import type { UnitResult } from "../engine/types.js";
import { message, type Message } from "../i18n/message.js";

/** Indicators of the set whose target depends on the region, or on the year. */
function dependence(set: CriteriaSet): { byRegion: Set<string>; byYear: Set<string> } {
  const byRegion = new Set<string>();
  const byYear = new Set<string>();
  for (const c of set.criteria) {
    for (const ind of c.indicators) {
      for (const t of ind.thresholds) {
        if (t.value === null) continue;
        if (t.region !== "all") byRegion.add(ind.code);
        if (t.year !== undefined) byYear.add(ind.code);
      }
    }
  }
  return { byRegion, byYear };
}

/**
 * Without a region or a year, or with a year outside the set's period, indicators such as
 * income cannot be judged: one message naming them, instead of a silent "no target".
 */
export function settingsWarnings(set: CriteriaSet, region: RegionId | undefined, year: number | undefined, results: readonly UnitResult[]): Message[] {
  const { byRegion, byYear } = dependence(set);
  const unjudged = new Set<string>();
  for (const r of results) for (const c of r.criteria) for (const i of c.indicators) if (i.status === "no_threshold" && i.value !== null) unjudged.add(i.code);
  const out: Message[] = [];
  const needRegion = region === undefined ? [...unjudged].filter((c) => byRegion.has(c)) : [];
  const needYear = year === undefined ? [...unjudged].filter((c) => byYear.has(c)) : [];
  if (needRegion.length && needYear.length) out.push(message("settings.regionYearNeeded", { codes: [...new Set([...needRegion, ...needYear])].join(", ") }));
  else if (needRegion.length) out.push(message("settings.regionNeeded", { codes: needRegion.join(", ") }));
  else if (needYear.length) out.push(message("settings.yearNeeded", { codes: needYear.join(", ") }));
  if (year !== undefined && (year < set.period.from || year > set.period.to)) {
    const codes = [...unjudged].filter((c) => byYear.has(c));
    out.push(message("settings.yearOutsidePeriod", { year, from: set.period.from, to: set.period.to, set: set.id, codes: codes.join(", ") || "—" }));
  }
  return out;
}
