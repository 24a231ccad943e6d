// Small readings of a cell's text shared by the layouts.

/** Empty, or only spaces. */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** "ĐÔN PHONG" -> "Đôn Phong": names written in capitals in titles, as the report prints them. */
export function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_a, sp: string, l: string) => sp + l.toUpperCase());
}
