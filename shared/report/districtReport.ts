import { isRegionId, REGION_NAMES } from "../catalog/regions.js";
import type { CriteriaSet } from "../catalog/schema.js";
import type { UnitResult } from "../engine/types.js";
import { summariseUnits, type UnitRef, type UnitsSummary } from "../engine/summary.js";
import { criterionName, formatNumber, statusLabel } from "../i18n/format.js";
import type { Language } from "../i18n/strings.js";

/** The report sheet the add-in owns. */
export const REPORT_SHEET = "NTM_BaoCao";

export interface ReportContext {
  set: CriteriaSet;
  region?: string;
  year?: number;
  lang?: Language;
  /** Title line, e.g. the file or sheet evaluated. */
  source?: string;
  /** What the reader of the report must know: how blanks were read, checks that could not run, disputed totals. */
  notes?: readonly string[];
}

/** Excel holds at most 32,767 characters in a cell; Sheets 50,000. */
export const MAX_CELL_TEXT = 32_767;

/** A cell's text cut to what every host holds, saying where the rest is. */
export function fitCell(text: string, lang: Language = "vi"): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  const more = lang === "vi" ? " … (còn nữa: xem bảng từng đơn vị bên dưới)" : " … (more: see the table of units below)";
  return text.slice(0, MAX_CELL_TEXT - more.length) + more;
}

/** "Trung du và miền núi phía Bắc" for "tdmnpb": people read names, not ids. */
function regionLabel(region: string, lang: Language): string {
  return isRegionId(region) ? REGION_NAMES[region][lang] : region;
}

/** "thôn", "bản" or "xã", as notices count units. */
export function unitNoun(set: CriteriaSet, lang: Language = "vi"): string {
  if (lang === "en") return set.level === "xa" ? "communes" : "villages";
  if (set.level === "xa") return "xã";
  return set.id.startsWith("ban-") ? "bản" : "thôn";
}

/** Counts as notices write them: "08 thôn", "21 thôn". */
export function countWithNoun(n: number, noun: string, lang: Language = "vi"): string {
  return lang === "vi" ? `${String(n).padStart(2, "0")} ${noun}` : `${n} ${noun}`;
}

/** "Bản Vén, Bản Đán xã Đôn Phong; Đông Bun xã Vũ Muộn": units listed by commune, in sheet order. */
export function listUnitsByGroup(units: readonly UnitRef[], lang: Language = "vi"): string {
  const groups: Array<{ group?: string; names: string[] }> = [];
  // By commune in a Map: a district of thousands of communes is listed in linear time.
  const byGroup = new Map<string, { group?: string; names: string[] }>();
  for (const u of units) {
    if (u.group !== undefined) {
      let g = byGroup.get(u.group);
      if (!g) {
        g = { group: u.group, names: [] };
        byGroup.set(u.group, g);
        groups.push(g);
      }
      g.names.push(u.name);
      continue;
    }
    const last = groups[groups.length - 1];
    if (last && last.group === undefined) last.names.push(u.name);
    else groups.push({ names: [u.name] });
  }
  const commune = lang === "vi" ? "xã" : "commune";
  return groups.map((g) => (g.group ? `${g.names.join(", ")} ${lang === "vi" ? commune + " " + g.group : `(${commune} ${g.group})`}` : g.names.join(", "))).join("; ");
}

/** The district notice's paragraph, counted from the sheet instead of by hand. */
export function reportProse(results: readonly UnitResult[], ctx: ReportContext): string {
  const lang = ctx.lang ?? "vi";
  const s = summariseUnits(results);
  const noun = unitNoun(ctx.set, lang);
  const lines: string[] = [];
  if (lang === "vi") {
    lines.push(`Tổng số ${countWithNoun(s.unitCount, noun)} được đánh giá theo ${ctx.set.title}${ctx.year ? ` năm ${ctx.year}` : ""}.`);
    for (const [k, units] of countsDescending(s)) {
      const label = Number(k) === s.criteriaTotal ? `đạt ${k}/${s.criteriaTotal} tiêu chí` : `đạt ${k} tiêu chí`;
      lines.push(`- Số ${noun} ${label}: ${countWithNoun(units.length, noun)} (${listUnitsByGroup(units, lang)}).`);
    }
    lines.push(`- Bình quân đạt ${formatNumber(s.averageMet, lang, 1)} tiêu chí/${noun}.`);
    const failing = criteriaAscending(s);
    if (failing.length) {
      lines.push(`Các tiêu chí chưa đạt:`);
      for (const [no, units] of failing) {
        lines.push(`- Tiêu chí số ${no} (${nameOf(ctx.set, no, lang)}): ${countWithNoun(units.length, noun)} (${listUnitsByGroup(units, lang)}).`);
      }
    }
    if (s.unitsWithMissing.length) lines.push(`Còn thiếu số liệu hoặc chưa có chỉ tiêu để đánh giá: ${countWithNoun(s.unitsWithMissing.length, noun)} (${listUnitsByGroup(s.unitsWithMissing, lang)}).`);
  } else {
    lines.push(`${s.unitCount} ${noun} assessed against ${ctx.set.titleEn ?? ctx.set.title}${ctx.year ? ` for ${ctx.year}` : ""}.`);
    for (const [k, units] of countsDescending(s)) lines.push(`- ${k} criteria met: ${countEn(units.length, noun)} (${listUnitsByGroup(units, lang)}).`);
    lines.push(`- Average: ${formatNumber(s.averageMet, lang, 1)} criteria per unit.`);
    const failing = criteriaAscending(s);
    if (failing.length) {
      lines.push(`Criteria not met:`);
      for (const [no, units] of failing) lines.push(`- Criterion ${no} (${nameOf(ctx.set, no, lang)}): ${countEn(units.length, noun)} (${listUnitsByGroup(units, lang)}).`);
    }
    if (s.unitsWithMissing.length) lines.push(`Missing data or no target: ${countEn(s.unitsWithMissing.length, noun)} (${listUnitsByGroup(s.unitsWithMissing, lang)}).`);
  }
  return lines.join("\n");
}

function countsDescending(s: UnitsSummary): Array<[string, UnitRef[]]> {
  return Object.entries(s.unitsByCountMet).sort((a, b) => Number(b[0]) - Number(a[0]));
}

function criteriaAscending(s: UnitsSummary): Array<[string, UnitRef[]]> {
  return Object.entries(s.unitsByUnmetCriterion).sort((a, b) => Number(a[0]) - Number(b[0]));
}

function nameOf(set: CriteriaSet, no: string | number, lang: Language): string {
  const c = set.criteria.find((x) => x.no === Number(no));
  return c ? criterionName(c, lang) : lang === "vi" ? `Tiêu chí số ${no}` : `Criterion ${no}`;
}

/**
 * The report as rows for the NTM_BaoCao sheet: counts by criteria met, units per failing
 * criterion, and the units × criteria matrix, then the prose a notice can paste.
 */
export function reportTable(results: readonly UnitResult[], ctx: ReportContext): Array<Array<string | number>> {
  const lang = ctx.lang ?? "vi";
  const vi = lang === "vi";
  const s = summariseUnits(results);
  const noun = unitNoun(ctx.set, lang);
  const nos = [...new Set(results.flatMap((u) => u.criteria.map((c) => c.no)))].sort((a, b) => a - b);
  const rows: Array<Array<string | number>> = [];
  rows.push([vi ? "BÁO CÁO KẾT QUẢ ĐÁNH GIÁ TIÊU CHÍ NÔNG THÔN MỚI" : "NEW RURAL CRITERIA ASSESSMENT REPORT"]);
  rows.push([`${ctx.set.title} (${ctx.set.id})${ctx.region ? `; ${vi ? "vùng" : "region"} ${regionLabel(ctx.region, lang)}` : ""}${ctx.year ? `; ${vi ? "năm" : "year"} ${ctx.year}` : ""}${ctx.source ? `; ${ctx.source}` : ""}`]);
  rows.push([]);
  rows.push([vi ? "Số tiêu chí đạt" : "Criteria met", vi ? `Số ${noun}` : `Number of ${noun}`, vi ? `Tên ${noun}` : "Units"]);
  for (const [k, units] of countsDescending(s)) rows.push([Number(k), units.length, listUnitsByGroup(units, lang)]);
  rows.push([vi ? "Bình quân" : "Average", Math.round(s.averageMet * 10) / 10, vi ? `tiêu chí/${noun}` : "criteria per unit"]);
  rows.push([]);
  rows.push([vi ? "Tiêu chí số" : "Criterion", vi ? "Tên tiêu chí" : "Name", vi ? `Số ${noun} chưa đạt` : `${noun} not met`, vi ? `${noun.charAt(0).toUpperCase()}${noun.slice(1)} chưa đạt` : "Units"]);
  for (const [no, units] of criteriaAscending(s)) rows.push([Number(no), nameOf(ctx.set, no, lang), units.length, listUnitsByGroup(units, lang)]);
  rows.push([]);
  const hasGroup = results.some((u) => u.group !== undefined);
  rows.push([
    vi ? "STT" : "No.",
    ...(hasGroup ? [vi ? "Xã" : "Commune"] : []),
    vi ? "Tên" : "Name",
    vi ? "Số tiêu chí đạt" : "Criteria met",
    vi ? "Chưa đạt" : "Not met",
    vi ? "Thiếu số liệu" : "Missing",
    ...nos.map((n) => (vi ? `TC ${n}` : `C${n}`)),
  ]);
  results.forEach((u, i) => {
    const byNo = new Map(u.criteria.map((c) => [c.no, c]));
    rows.push([
      i + 1,
      ...(hasGroup ? [u.group ?? ""] : []),
      u.name,
      `${u.criteriaMet}/${u.criteriaTotal}`,
      u.unmet.join(", "),
      [...u.missing, ...u.invalid].sort((a, b) => a - b).join(", "),
      ...nos.map((n) => {
        const c = byNo.get(n);
        return c ? statusLabel(c.status, lang) : "";
      }),
    ]);
  });
  rows.push([]);
  for (const line of reportProse(results, ctx).split("\n")) rows.push([line]);
  if (ctx.notes?.length) {
    rows.push([]);
    rows.push([vi ? "Lưu ý" : "Notes"]);
    for (const n of ctx.notes) rows.push([`- ${n}`]);
  }
  return rows.map((r) => r.map((c) => (typeof c === "string" ? fitCell(c, lang) : c)));
}

function countEn(n: number, plural: string): string {
  return `${n} ${n === 1 ? plural.replace(/ies$/, "y").replace(/s$/, "") : plural}`;
}
