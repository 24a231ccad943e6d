// Demo of the engine on the bundled sample units (samples/units.json): per-unit results
// with gaps, then the district summary. Run: npm run demo [-- --lang en]
import { readFileSync } from "node:fs";
import {
  criterionName,
  Evaluator,
  formatGap,
  formatMessage,
  formatNumber,
  formatValue,
  formatTarget,
  getBuiltInSet,
  isRegionId,
  statusLabel,
  summariseUnits,
  t,
  type CriteriaSet,
  type Language,
  type UnitInput,
  type UnitResult,
} from "../shared/index.js";

const lang: Language = process.argv.includes("--lang") && process.argv[process.argv.indexOf("--lang") + 1] === "en" ? "en" : "vi";
const samples = JSON.parse(readFileSync(new URL("../samples/units.json", import.meta.url), "utf8"));

function show(set: CriteriaSet, results: UnitResult[]): void {
  for (const u of results) {
    console.log(`\n■ ${u.name}${u.group ? ` (${u.group})` : ""}: ${t("ui.criteriaMet", lang, { met: u.criteriaMet, total: u.criteriaTotal })}`);
    for (const c of u.criteria) {
      if (c.status === "met") continue;
      const name = set.criteria.find((x) => x.no === c.no);
      console.log(`  ${t("ui.criterion", lang, { no: c.no })}${name ? ` (${criterionName(name, lang)})` : ""}: ${statusLabel(c.status, lang)}`);
      for (const i of c.indicators) {
        if (i.status === "met" || (i.status === "missing" && c.status !== "missing")) continue;
        const target = i.threshold ? ` / ${formatTarget(i.threshold, lang)}${i.threshold.confirmed ? "" : ` (${t("ui.unconfirmed", lang)})`}` : "";
        const gap = i.gap ? ` → ${formatGap(i.gap, lang)}` : i.reason ? ` → ${formatMessage(i.reason, lang)}` : "";
        console.log(`    ${i.code}: ${formatValue(i.value, lang) || "—"}${target} ${statusLabel(i.status, lang)}${gap}`);
      }
    }
  }
  const s = summariseUnits(results);
  console.log(`\n${lang === "vi" ? "Tổng hợp" : "Summary"}: ${s.unitCount} ${lang === "vi" ? "đơn vị" : "units"}, ${lang === "vi" ? "bình quân" : "average"} ${formatNumber(s.averageMet, lang)} ${lang === "vi" ? "tiêu chí/đơn vị" : "criteria per unit"}`);
  for (const [k, n] of Object.entries(s.byCountMet).sort((a, b) => Number(b[0]) - Number(a[0]))) {
    console.log(`  ${lang === "vi" ? `Đạt ${k} tiêu chí` : `${k} criteria met`}: ${String(n).padStart(2, "0")} (${s.unitsByCountMet[k]!.map((x) => x.name).join(", ")})`);
  }
  for (const [k, n] of Object.entries(s.byUnmetCriterion).sort((a, b) => Number(a[0]) - Number(b[0]))) {
    const c = set.criteria.find((x) => x.no === Number(k));
    console.log(`  ${t("ui.criterion", lang, { no: k })}${c ? ` (${criterionName(c, lang)})` : ""}: ${String(n).padStart(2, "0")} ${lang === "vi" ? "chưa đạt" : "not met"}`);
  }
}

for (const part of ["communes", "villages"] as const) {
  const block = samples[part];
  const set = getBuiltInSet(block.set)!;
  const region = block.region && isRegionId(block.region) ? block.region : undefined;
  console.log(`\n=== ${set.title} (${block.set}${region ? ", " + region : ""}${block.year ? ", " + block.year : ""}) ===`);
  const units: UnitInput[] =
    part === "communes"
      ? block.units
      : block.units.map((v: { name: string; group: string; unmet: number[] }) => ({
          name: v.name,
          group: v.group,
          values: {},
          criterionAssessments: Object.fromEntries(set.criteria.map((c) => [c.no, v.unmet.includes(c.no) ? "Chưa đạt" : "Đạt"])),
        }));
  show(set, new Evaluator({ set, region, year: block.year }).evaluateUnits(units));
}
