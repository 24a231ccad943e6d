import type { Comparator } from "../catalog/schema.js";

/** Float-safe comparison: 41.2 + 3.8 must equal 45. */
const EPS = 1e-9;

export function compareNumbers(value: number, cmp: Comparator, target: number): boolean {
  const scale = Math.max(1, Math.abs(value), Math.abs(target));
  const d = (value - target) / scale;
  switch (cmp) {
    case ">=":
      return d >= -EPS;
    case ">":
      return d > EPS;
    case "<=":
      return d <= EPS;
    case "<":
      return d < -EPS;
    case "=":
      return Math.abs(d) <= EPS;
  }
}

export function compareGrades(value: string, cmp: Comparator, target: string, grades: readonly string[]): boolean | undefined {
  const v = grades.indexOf(value);
  const t = grades.indexOf(target);
  if (v < 0 || t < 0) return undefined;
  return compareNumbers(v, cmp, t);
}

/** Rounds away binary noise (45 - 41.2 = 3.8000000000000043) for display and gaps. */
export function roundForDisplay(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
