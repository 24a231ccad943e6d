import { describe, expect, it } from "vitest";
import {
  builtInSets,
  CriteriaSetSchema,
  countThresholds,
  Evaluator,
  formatNumber,
  getBuiltInSet,
  lookupThreshold,
  REGION_IDS,
  type Comparator,
  type CriteriaSet,
  type Indicator,
  type ThresholdEntry,
} from "../shared/index.js";

const sets = [...builtInSets().values()];

describe("built-in catalogs", () => {
  it("ships the four sets of DESIGN.md and the district set, each valid against the schema", () => {
    expect([...builtInSets().keys()].sort()).toEqual(["ban-ntm-lai-chau-2021-2025", "huyen-ntm-2021-2025", "thon-ntm-bac-kan-2022-2025", "xa-ntm-2021-2025", "xa-ntm-nang-cao-2021-2025"]);
    for (const s of sets) expect(CriteriaSetSchema.safeParse(s).success).toBe(true);
  });

  it("gives the national commune set all 19 criteria, each with indicators", () => {
    const set = getBuiltInSet("xa-ntm-2021-2025")!;
    expect(set.criteria.map((c) => c.no)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    for (const c of set.criteria) expect(c.indicators.length).toBeGreaterThan(0);
    expect(set.regions).toEqual([...REGION_IDS]);
  });

  it("has an income slot for every region and every year 2022-2025, with its source", () => {
    const income = getBuiltInSet("xa-ntm-2021-2025")!.criteria.find((c) => c.no === 10)!.indicators[0]!;
    for (const region of REGION_IDS) {
      for (const year of [2022, 2023, 2024, 2025]) {
        const slot = income.thresholds.find((t) => t.region === region && t.year === year);
        expect(slot, `${region} ${year}`).toBeDefined();
        expect(slot!.source).toMatch(/318\/QĐ-TTg|211\/QĐ-TTg/);
      }
    }
  });

  it("reproduces the northern-mountains income figures 42 (2023) and 45 (2024) million VND", () => {
    const income = getBuiltInSet("xa-ntm-2021-2025")!.criteria.find((c) => c.no === 10)!.indicators[0]!;
    const at = (year: number) => lookupThreshold(income, "tdmnpb", year);
    expect(at(2023)).toMatchObject({ ok: true, entry: { value: 42 } });
    expect(at(2024)).toMatchObject({ ok: true, entry: { value: 45 } });
    expect(at(2026).ok).toBe(false);
  });

  it("never marks a threshold confirmed without a value, and every threshold names a document", () => {
    for (const s of sets) {
      for (const c of s.criteria) {
        for (const ind of c.indicators) {
          for (const t of ind.thresholds) {
            if (t.confirmed) expect(t.value).not.toBeNull();
            expect(t.source).toMatch(/\d+\/(QĐ|HD)-|NTM_BoTieuChi/);
          }
        }
      }
    }
  });

  it("counts the thresholds it knows and the ones it still lacks", () => {
    const n = countThresholds(getBuiltInSet("xa-ntm-2021-2025")!);
    expect(n.total).toBeGreaterThan(n.withValue);
    expect(n.withValue).toBeGreaterThanOrEqual(n.confirmed);
    expect(n.indicators).toBeGreaterThanOrEqual(50);
  });
});

// ---- Generated boundary checks: every indicator with a threshold, just at, below and above it.

function expectedMet(value: number, cmp: Comparator, target: number): boolean {
  return { ">=": value >= target, ">": value > target, "<=": value <= target, "<": value < target, "=": value === target }[cmp];
}

interface Probe {
  label: string;
  raw: unknown;
  met: boolean;
}

function probes(ind: Indicator, t: ThresholdEntry): Probe[] {
  const v = t.value;
  if (typeof v === "boolean") {
    return [
      { label: "at", raw: v ? "Có" : "Không", met: true },
      { label: "opposite", raw: v ? "Không" : "Có", met: false },
      { label: "self-assessed", raw: "Đạt", met: true },
    ];
  }
  if (typeof v === "string") {
    const grades = ind.grades!;
    const i = grades.indexOf(v);
    const out: Probe[] = [{ label: "at", raw: v, met: true }];
    if (i > 0) out.push({ label: "below", raw: grades[i - 1], met: ind.comparator === "<=" || ind.comparator === "<" });
    if (i < grades.length - 1) out.push({ label: "above", raw: grades[i + 1], met: ind.comparator === ">=" || ind.comparator === ">" });
    return out;
  }
  const n = v as number;
  const step = Math.max(0.1, Math.abs(n) * 0.01);
  const suffix = ind.kind === "percent" ? "%" : "";
  const out: Probe[] = [{ label: "at", raw: formatNumber(n, "vi") + suffix, met: expectedMet(n, ind.comparator, n) }];
  if (n - step >= 0) out.push({ label: "below", raw: formatNumber(n - step, "vi") + suffix, met: expectedMet(n - step, ind.comparator, n) });
  if (ind.kind !== "percent" || n + step <= 100) out.push({ label: "above", raw: formatNumber(n + step, "vi") + suffix, met: expectedMet(n + step, ind.comparator, n) });
  return out;
}

function cases(set: CriteriaSet) {
  const out: Array<[string, Indicator, ThresholdEntry]> = [];
  for (const c of set.criteria) for (const ind of c.indicators) for (const t of ind.thresholds) if (t.value !== null) out.push([`${set.id} ${ind.code} ${t.region}${t.year ? " " + t.year : ""}`, ind, t]);
  return out;
}

describe.each(sets.filter((s) => cases(s).length > 0).map((s) => [s.id, s] as const))("thresholds of %s, at, below and above", (_id, set) => {
  it.each(cases(set))("%s", (_label, ind, t) => {
    const region = t.region === "all" ? undefined : t.region;
    const ev = new Evaluator({ set, region, year: t.year });
    for (const p of probes(ind, t)) {
      const unit = ev.evaluateUnit({ name: "probe", values: { [ind.code]: p.raw } });
      const r = unit.criteria.flatMap((c) => c.indicators).find((i) => i.code === ind.code)!;
      expect(r.status, `${p.label}: ${String(p.raw)} vs ${ind.comparator} ${String(t.value)}`).toBe(p.met ? "met" : "not_met");
      expect(r.threshold?.origin).toBe("catalog");
      expect(r.threshold?.source).toBe(t.source);
      if (!p.met && typeof t.value === "number") expect(r.gap?.type).toMatch(/shortfall|excess/);
    }
  });
});

describe("unconfirmed slots", () => {
  it("answer no_threshold rather than guess", () => {
    const set = getBuiltInSet("xa-ntm-2021-2025")!;
    const u = new Evaluator({ set, region: "dbsh", year: 2024 }).evaluateUnit({ name: "x", values: { "10": 60, "11": "1%" } });
    const byCode = Object.fromEntries(u.criteria.flatMap((c) => c.indicators).map((i) => [i.code, i]));
    expect(byCode["10"]!.status).toBe("no_threshold");
    expect(byCode["10"]!.reason?.key).toBe("threshold.unconfirmed");
    expect(byCode["11"]!.status).toBe("no_threshold");
  });
});
