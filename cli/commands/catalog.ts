// ntm catalog: the thresholds of a set, with their sources.
import {
  builtInSets,
  countThresholds,
  criterionName,
  formatTarget,
  getBuiltInSet,
  lookupThreshold,
  statusLabel,
  t,
  type CriteriaSet,
} from "../../shared/index.js";
import type { Common } from "../args.js";
import type { CliIo } from "../io.js";
import { say } from "../../shared/i18n/cliStrings.js";

export function catalog(c: Common, io: CliIo): number {
  const sets = c.setId ? [getBuiltInSet(c.setId)!] : [...builtInSets().values()];
  if (c.json) {
    io.out(JSON.stringify(sets.map((s) => catalogJson(s, c)), null, 2) + "\n");
    return 0;
  }
  for (const s of sets) {
    const n = countThresholds(s);
    io.out(`\n${s.title} (${s.id})\n`);
    io.out(`  ${say("legalBasis", c.lang)}: ${s.legalBasis.map((b) => `${b.document}${b.confirmed ? "" : ` (${t("ui.unconfirmed", c.lang)})`}`).join("; ")}\n`);
    io.out(`  ${say("thresholds", c.lang, { total: n.total, withValue: n.withValue, confirmed: n.confirmed })}\n`);
    for (const cr of s.criteria) {
      const name = criterionName(cr, c.lang);
      const shown = name === t("ui.criterion", c.lang, { no: cr.no }) ? `(${say("nameMissing", c.lang)})` : name;
      io.out(`  ${t("ui.criterion", c.lang, { no: cr.no })}: ${shown}${cr.confirmed ? "" : ` (${t("ui.unconfirmed", c.lang)})`}\n`);
      for (const ind of cr.indicators) {
        const found = lookupThreshold(ind, c.region, c.year);
        const target = found.ok
          ? `${formatTarget({ comparator: ind.comparator, value: found.entry.value, unit: ind.unit || undefined }, c.lang)}${found.entry.confirmed ? "" : ` (${t("ui.unconfirmed", c.lang)})`} [${found.entry.source}]`
          : statusLabel("no_threshold", c.lang);
        io.out(`    ${ind.code.padEnd(6)} ${target}  ${ind.text}\n`);
      }
    }
  }
  if (!c.region) io.out(`\n${say("chooseRegion", c.lang)}\n`);
  return 0;
}

function catalogJson(s: CriteriaSet, c: Common) {
  return {
    id: s.id,
    title: s.title,
    legalBasis: s.legalBasis,
    thresholdCounts: countThresholds(s),
    criteria: s.criteria.map((cr) => ({
      no: cr.no,
      name: cr.name,
      indicators: cr.indicators.map((ind) => {
        const found = lookupThreshold(ind, c.region, c.year);
        return {
          code: ind.code,
          text: ind.text,
          unit: ind.unit,
          kind: ind.kind,
          comparator: ind.comparator,
          threshold: found.ok ? { value: found.entry.value, source: found.entry.source, confirmed: found.entry.confirmed } : null,
          thresholds: ind.thresholds,
        };
      }),
    })),
  };
}
