/** Assessment years the tools accept: wide enough for any period, narrow enough to catch typos. */
export const YEAR_RANGE = { min: 2000, max: 2100 } as const;

export function isAssessmentYear(y: unknown): y is number {
  return typeof y === "number" && Number.isInteger(y) && y >= YEAR_RANGE.min && y <= YEAR_RANGE.max;
}
