// Cells typed t="d" hold an ISO date; the engine sees dates as serial numbers, as Excel stores them.

const DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

export function serialFromIso(iso: string, date1904: boolean): number | null {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes("T") ? iso : `${iso}Z`);
  if (Number.isNaN(ms)) return null;
  return (ms - (date1904 ? EPOCH_1904 : EPOCH_1900)) / DAY;
}
