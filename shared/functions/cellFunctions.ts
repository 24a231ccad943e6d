import { resolveSet } from "../app/resolveSet.js";
import { isAssessmentYear } from "../catalog/years.js";
import { DEFAULT_SET_ID, getBuiltInSet, builtInSetIds } from "../catalog/builtin.js";
import { parseRegionId, type RegionId } from "../catalog/regions.js";
import type { CriteriaSet } from "../catalog/schema.js";
import { lookupThreshold } from "../catalog/thresholds.js";
import { Evaluator, type UnitInput } from "../engine/evaluate.js";
import { findIndicator } from "../engine/resolveThreshold.js";
import type { UnitResult } from "../engine/types.js";
import { formatGap, formatMessage, formatTarget, statusLabel, t } from "../i18n/format.js";
import { message } from "../i18n/message.js";
import type { Language } from "../i18n/strings.js";
import { looksLikeAssessments } from "../sheet/detect.js";
import { classifyHeader } from "../sheet/headers.js";

/**
 * The cell functions of both hosts (NTM.X in Excel, NTM_X in Sheets), host-neutral:
 * ranges in, 2-D arrays out, one call per column. Hosts only adapt arguments and errors.
 */
export interface FunctionSettings {
  /** The workbook's choices (task pane / sidebar); arguments override them. */
  setId?: string;
  region?: RegionId;
  year?: number;
  lang?: Language;
  /** A set the workbook carries on NTM_BoTieuChi, when the host has read it. */
  workbookSet?: CriteriaSet;
  /** The built-in set NTM_BoTieuChi amends ("Kế thừa"): with no set chosen, the functions judge by it. */
  workbookBase?: string;
}

/** An argument error: hosts show it as #VALUE! with this message. */
export class CellFunctionError extends Error {
  override name = "CellFunctionError";
}

type Range = unknown[][];

function isOmitted(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);
}

/** Scalars and ranges alike become a 2-D array. */
export function asRange(v: unknown): Range {
  if (Array.isArray(v)) return v.map((row) => (Array.isArray(row) ? row : [row]));
  return [[v]];
}

function scalar(v: unknown): unknown {
  if (Array.isArray(v)) return scalar(v[0]);
  return v;
}

function lang(settings: FunctionSettings): Language {
  return settings.lang ?? "vi";
}

interface Resolved {
  set: CriteriaSet;
  region?: RegionId;
  year?: number;
  workbookSet?: CriteriaSet;
}

/** With no set chosen: the set the workbook's NTM_BoTieuChi amends (or itself), else the default. */
function workbookSetId(settings: FunctionSettings): string {
  const own = settings.workbookSet;
  if (!own) return DEFAULT_SET_ID;
  const r = resolveSet({ workbook: settings.workbookBase ? { set: own, base: settings.workbookBase } : { set: own } });
  return r.ok ? r.choice.set.id : DEFAULT_SET_ID;
}

function resolve(setArg: unknown, regionArg: unknown, yearArg: unknown, settings: FunctionSettings): Resolved {
  const l = lang(settings);
  // The same rule as evaluating a sheet: an argument, else the setting, else the workbook's own set, else the default.
  const chosen = isOmitted(scalar(setArg)) ? settings.setId : String(scalar(setArg)).trim();
  const setText = chosen ?? workbookSetId(settings);
  const set = getBuiltInSet(setText) ?? (settings.workbookSet?.id === setText.toLowerCase() ? settings.workbookSet : undefined);
  if (!set) throw new CellFunctionError(formatMessage(message("set.unknown", { value: setText, expected: builtInSetIds().join(", ") }), l));
  let region: RegionId | undefined = settings.region;
  if (!isOmitted(scalar(regionArg))) {
    region = parseRegionId(String(scalar(regionArg)));
    if (!region) throw new CellFunctionError(formatMessage(message("region.unknown", { value: String(scalar(regionArg)) }), l));
  }
  let year = settings.year;
  if (!isOmitted(scalar(yearArg))) {
    const y = Number(scalar(yearArg));
    if (!isAssessmentYear(y)) throw new CellFunctionError(t("fn.badYear", l, { value: String(scalar(yearArg)) }));
    year = y;
  }
  const r: Resolved = { set };
  if (region) r.region = region;
  if (year !== undefined) r.year = year;
  if (settings.workbookSet && settings.workbookSet !== set) r.workbookSet = settings.workbookSet;
  return r;
}

const evaluators = new Map<string, Evaluator>();
function evaluatorFor(r: Resolved, overrides?: Record<string, string>): Evaluator {
  const key = `${r.set.id}|${r.region ?? ""}|${r.year ?? ""}|${r.workbookSet?.id ?? ""}|${overrides ? JSON.stringify(overrides) : ""}`;
  let ev = evaluators.get(key);
  if (!ev) {
    if (evaluators.size > 100) evaluators.clear();
    ev = new Evaluator({ set: r.set, region: r.region, year: r.year, workbookSet: r.workbookSet, overrides });
    evaluators.set(key, ev);
  }
  return ev;
}

function readCode(v: unknown, l: Language): string {
  const s = String(scalar(v) ?? "").trim().replace(/^(chỉ tiêu|chi tieu)\s*/i, "");
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(s)) throw new CellFunctionError(t("fn.badCode", l, { value: s }));
  return s;
}

/** NTM_INDICATOR(code, values, [target], [set], [region], [year]): the status of each value. */
export function ntmIndicator(code: unknown, values: unknown, target: unknown, setArg: unknown, regionArg: unknown, yearArg: unknown, settings: FunctionSettings = {}): string[][] {
  const l = lang(settings);
  const c = typeof code === "number" ? String(code) : readCode(code, l);
  const r = resolve(setArg, regionArg, yearArg, settings);
  const overrides = isOmitted(scalar(target)) ? undefined : { [c]: String(scalar(target)) };
  const ev = evaluatorFor(r, overrides);
  return asRange(values).map((row) =>
    row.map((v) => {
      const u = ev.evaluateUnit({ name: "", values: { [c]: v } });
      const ind = u.criteria.flatMap((x) => x.indicators).find((i) => i.code === c);
      return statusLabel(ind?.status ?? "no_threshold", l);
    }),
  );
}

/** Column -> indicator code or criterion number, from a header row (or the criterion's own order). */
interface ColumnRole {
  code?: string;
  no?: number;
}

function rolesFromHeaders(headers: unknown, set: CriteriaSet, values: Range, l: Language): ColumnRole[] {
  const row = asRange(headers)[0] ?? [];
  const roles = row.map((h, col): ColumnRole => {
    const text = h === null || h === undefined ? "" : String(h);
    const role = classifyHeader(text, set);
    if (role.role === "indicator") return { code: role.code };
    if (role.role === "criterion") return { no: role.no };
    if (role.role === "criterionOrIndicator") return assessmentColumn(values, col) ? { no: role.no } : { code: role.code };
    return {};
  });
  if (!roles.some((r) => r.code || r.no)) {
    throw new CellFunctionError(t("fn.noCriteriaHeaders", l));
  }
  return roles;
}

function assessmentColumn(values: Range, col: number): boolean {
  return looksLikeAssessments(values.map((row) => row[col]));
}

function unitFromRow(row: unknown[], roles: ColumnRole[]): UnitInput {
  const values: Record<string, unknown> = {};
  const criterionAssessments: Record<number, unknown> = {};
  roles.forEach((r, i) => {
    if (r.code) values[r.code] = row[i];
    else if (r.no) criterionAssessments[r.no] = row[i];
  });
  return { name: "", values, criterionAssessments };
}

function checkWidth(values: Range, roles: ColumnRole[], l: Language): void {
  const w = values[0]?.length ?? 0;
  if (w !== roles.length) throw new CellFunctionError(t("fn.widthMismatch", l, { headers: String(roles.length), values: String(w) }));
}

/** NTM_CRITERION(criterion, values, [headers], [set], [region], [year]): one status per row. */
export function ntmCriterion(criterion: unknown, values: unknown, headers: unknown, setArg: unknown, regionArg: unknown, yearArg: unknown, settings: FunctionSettings = {}): string[][] {
  const l = lang(settings);
  const no = Number(String(scalar(criterion) ?? "").replace(/^(tiêu chí|tieu chi|tc)\s*(số|so)?\s*/i, ""));
  const r = resolve(setArg, regionArg, yearArg, settings);
  const def = r.set.criteria.find((c) => c.no === no);
  if (!Number.isInteger(no) || no < 1 || (r.set.criteria.length > 0 && !def)) {
    throw new CellFunctionError(t("fn.criterionUnknown", l, { value: String(scalar(criterion)), set: r.set.id }));
  }
  const data = asRange(values);
  let roles: ColumnRole[];
  if (!isOmitted(headers)) roles = rolesFromHeaders(headers, r.set, data, l);
  else {
    const width = data[0]?.length ?? 0;
    const inds = def?.indicators ?? [];
    if (width === 1 && inds.length === 1 && !assessmentColumn(data, 0)) roles = [{ code: inds[0]!.code }];
    else if (width === 1) roles = [{ no }];
    else if (width === inds.length) roles = inds.map((i) => ({ code: i.code }));
    else throw new CellFunctionError(t("fn.criterionWidth", l, { no: String(no), indicators: String(inds.length), width: String(width) }));
  }
  checkWidth(data, roles, l);
  const ev = evaluatorFor(r);
  return data.map((row) => {
    const u = ev.evaluateUnit(unitFromRow(row, roles));
    const c = u.criteria.find((x) => x.no === no);
    return [statusLabel(c?.status ?? "missing", l)];
  });
}

function evaluateRows(headers: unknown, values: unknown, setArg: unknown, regionArg: unknown, yearArg: unknown, settings: FunctionSettings): UnitResult[] {
  const l = lang(settings);
  const r = resolve(setArg, regionArg, yearArg, settings);
  const data = asRange(values);
  const roles = rolesFromHeaders(headers, r.set, data, l);
  checkWidth(data, roles, l);
  const ev = evaluatorFor(r);
  return data.map((row) => ev.evaluateUnit(unitFromRow(row, roles)));
}

/** NTM_COUNT(headers, values, [set], [region], [year]): criteria met per row. */
export function ntmCount(headers: unknown, values: unknown, setArg: unknown, regionArg: unknown, yearArg: unknown, settings: FunctionSettings = {}): number[][] {
  return evaluateRows(headers, values, setArg, regionArg, yearArg, settings).map((u) => [u.criteriaMet]);
}

/** NTM_GAPS(headers, values, [set], [region], [year]): unmet criteria and shortfalls per row, as text. */
export function ntmGaps(headers: unknown, values: unknown, setArg: unknown, regionArg: unknown, yearArg: unknown, settings: FunctionSettings = {}): string[][] {
  const l = lang(settings);
  return evaluateRows(headers, values, setArg, regionArg, yearArg, settings).map((u) => {
    const parts: string[] = [];
    for (const c of u.criteria) {
      if (c.status !== "not_met" && c.status !== "invalid") continue;
      const gaps = c.indicators.filter((i) => i.status === "not_met" || i.status === "invalid").map((i) => `${i.code}: ${i.gap ? formatGap(i.gap, l) : statusLabel(i.status, l)}`);
      parts.push(gaps.length && c.origin === "indicators" ? gaps.join(", ") : `${t("ui.criterion", l, { no: c.no })}: ${statusLabel(c.status, l)}`);
    }
    return [parts.join("; ")];
  });
}

/** NTM_THRESHOLD(code, [region], [year], [set]): the target as templates write it, or why there is none. */
export function ntmThreshold(code: unknown, regionArg: unknown, yearArg: unknown, setArg: unknown, settings: FunctionSettings = {}): string {
  const l = lang(settings);
  const c = typeof code === "number" ? String(code) : readCode(code, l);
  const r = resolve(setArg, regionArg, yearArg, settings);
  for (const set of r.workbookSet ? [r.workbookSet, r.set] : [r.set]) {
    const ind = findIndicator(set, c);
    if (!ind) continue;
    const found = lookupThreshold(ind, r.region, r.year);
    if (found.ok) {
      const text = formatTarget({ comparator: ind.comparator, value: found.entry.value, unit: ind.unit || undefined }, l);
      return found.entry.confirmed ? text : `${text} (${t("ui.unconfirmed", l)})`;
    }
  }
  return statusLabel("no_threshold", l);
}
