// Year over year: two evaluations of the same units, matched by their stable key, criterion by
// criterion. Pure data in, data (and Messages) out; hosts format it at the edge.
import type { CriterionResult, IndicatorResult, Status } from "../engine/types.js";
import { message, type Message } from "../i18n/message.js";
import { unitKey, type LocatedUnit } from "./resultContract.js";

/** One evaluation: its units and what judged them. */
export interface RunSide {
  set: string;
  region?: string | null;
  year?: number | null;
  units: readonly LocatedUnit[];
}

/** A numeric indicator not met in one of the two years: where it stood and where it stands. */
export interface IndicatorMovement {
  code: string;
  old: IndicatorResult | null;
  new: IndicatorResult | null;
}

/** A criterion that is not met/not met on both sides (missing, unreadable, no target, or absent). */
export interface Undetermined {
  no: number;
  old: Status | null;
  new: Status | null;
}

export interface UnitComparison {
  key: string;
  old: LocatedUnit;
  new: LocatedUnit;
  /** Met before, not met now: the "giữ vững" failures. */
  lost: number[];
  gained: number[];
  stillUnmet: number[];
  stillMet: number[];
  undetermined: Undetermined[];
  indicators: IndicatorMovement[];
}

/** Units sharing a key on a side: matching them would be a guess, so none of them is matched. */
export interface DuplicateKey {
  key: string;
  old: LocatedUnit[];
  new: LocatedUnit[];
  messages: Message[];
}

export interface RunComparison {
  ok: true;
  /** Units that lost a criterion first, then those that gained one, then the rest; each in the new order. */
  units: UnitComparison[];
  onlyInOld: LocatedUnit[];
  onlyInNew: LocatedUnit[];
  duplicates: DuplicateKey[];
  warnings: Message[];
}

export type CompareRefusal = { ok: false; cause: "sets" | "years"; reason: Message };

/** Whether two sides can be compared at all, and what the user must know if they can. */
export function checkSides(old: Omit<RunSide, "units">, now: Omit<RunSide, "units">): { ok: true; warnings: Message[] } | CompareRefusal {
  if (old.set !== now.set) return { ok: false, cause: "sets", reason: message("compare.differentSets", { old: old.set, new: now.set }) };
  // Years as text: a number parameter would be printed "2.023".
  const [y0, y1] = [old.year ?? null, now.year ?? null];
  if (y0 !== null && y1 !== null && y1 < y0) return { ok: false, cause: "years", reason: message("compare.yearBackwards", { old: String(y0), new: String(y1) }) };
  const warnings: Message[] = [];
  if (y0 === null || y1 === null) warnings.push(message("compare.unknownYear"));
  else if (y0 === y1) warnings.push(message("compare.sameYear", { year: String(y0) }));
  if (old.region && now.region && old.region !== now.region) warnings.push(message("compare.regionDiffers", { old: old.region, new: now.region }));
  return { ok: true, warnings };
}

export function compareRuns(old: RunSide, now: RunSide): RunComparison | CompareRefusal {
  const checked = checkSides(old, now);
  if (!checked.ok) return checked;
  const before = byKey(old.units);
  const after = byKey(now.units);
  const duplicates: DuplicateKey[] = [];
  const seen = new Set<string>();
  const duplicate = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const [o, n] = [before.get(key) ?? [], after.get(key) ?? []];
    const messages = [...(o.length > 1 ? [duplicateMessage("compare.duplicateOld", o)] : []), ...(n.length > 1 ? [duplicateMessage("compare.duplicateNew", n)] : [])];
    duplicates.push({ key, old: o, new: n, messages });
  };
  for (const [key, list] of after) if (list.length > 1) duplicate(key);
  for (const [key, list] of before) if (list.length > 1) duplicate(key);
  const lost: UnitComparison[] = [];
  const gained: UnitComparison[] = [];
  const rest: UnitComparison[] = [];
  const onlyInNew: LocatedUnit[] = [];
  for (const [key, n] of after) {
    if (seen.has(key)) continue;
    const o = before.get(key);
    if (!o) {
      onlyInNew.push(n[0]!);
      continue;
    }
    const u = compareUnit(key, o[0]!, n[0]!);
    (u.lost.length ? lost : u.gained.length ? gained : rest).push(u);
  }
  const onlyInOld: LocatedUnit[] = [];
  for (const [key, o] of before) if (!seen.has(key) && !after.has(key)) onlyInOld.push(o[0]!);
  return { ok: true, units: [...lost, ...gained, ...rest], onlyInOld, onlyInNew, duplicates, warnings: [...checked.warnings, ...duplicates.flatMap((d) => d.messages)] };
}

/** Units by key, in sheet order (a Map keeps the order of first appearance). */
function byKey(units: readonly LocatedUnit[]): Map<string, LocatedUnit[]> {
  const m = new Map<string, LocatedUnit[]>();
  for (const u of units) {
    const key = unitKey(u.result);
    const list = m.get(key);
    if (list) list.push(u);
    else m.set(key, [u]);
  }
  return m;
}

function duplicateMessage(key: "compare.duplicateOld" | "compare.duplicateNew", units: readonly LocatedUnit[]): Message {
  const names = units.map(({ result: r }) => (r.group === undefined ? r.name : `${r.name} (${r.group})`)).join(", ");
  return message(key, { count: units.length, names, sheets: [...new Set(units.map((u) => u.sheet))].join(", ") });
}

const JUDGED = (s: Status | null) => s === "met" || s === "not_met";

export function compareUnit(key: string, old: LocatedUnit, now: LocatedUnit): UnitComparison {
  const u: UnitComparison = { key, old, new: now, lost: [], gained: [], stillUnmet: [], stillMet: [], undetermined: [], indicators: [] };
  for (const [o, n] of pairs(old.result.criteria, now.result.criteria)) {
    const no = (n ?? o)!.no;
    const [so, sn] = [o?.status ?? null, n?.status ?? null];
    if (!JUDGED(so) || !JUDGED(sn)) u.undetermined.push({ no, old: so, new: sn });
    else if (so === "met") (sn === "met" ? u.stillMet : u.lost).push(no);
    else (sn === "met" ? u.gained : u.stillUnmet).push(no);
    // An indicator is not met only where its criterion is not: skip the rest (most of them).
    if (o && n && (so === "not_met" || sn === "not_met")) movements(o, n, u.indicators);
  }
  return u;
}

/** Criteria side by side, by number: by position when both sides list the same ones (the set's order). */
function pairs(old: CriterionResult[], now: CriterionResult[]): Array<[CriterionResult | undefined, CriterionResult | undefined]> {
  if (old.length === now.length && old.every((c, i) => c.no === now[i]!.no)) return now.map((n, i) => [old[i], n]);
  const byNo = new Map<number, [CriterionResult | undefined, CriterionResult | undefined]>();
  for (const c of old) byNo.set(c.no, [c, undefined]);
  for (const c of now) byNo.set(c.no, [byNo.get(c.no)?.[0], c]);
  return [...byNo].sort((a, b) => a[0] - b[0]).map(([, pair]) => pair);
}

/** Numeric indicators not met on a side: the figures a commune must move. */
function movements(o: CriterionResult, n: CriterionResult, out: IndicatorMovement[]): void {
  const at = (list: IndicatorResult[], code: string, i: number) => (list[i]?.code === code ? list[i]! : list.find((x) => x.code === code) ?? null);
  const consider = (code: string, a: IndicatorResult | null, b: IndicatorResult | null) => {
    const numeric = a?.value?.type === "number" || b?.value?.type === "number";
    if (numeric && (a?.status === "not_met" || b?.status === "not_met")) out.push({ code, old: a, new: b });
  };
  n.indicators.forEach((b, i) => consider(b.code, at(o.indicators, b.code, i), b));
  for (const a of o.indicators) if (!n.indicators.some((x) => x.code === a.code)) consider(a.code, a, null);
}
