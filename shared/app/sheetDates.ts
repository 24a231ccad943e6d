// Dates as offices type them in a sheet (serials of either epoch, JS Dates, "08/6/2023",
// "ngày 8 tháng 6 năm 2023", "2023-06-08"), read to ISO days, and written back as notices do.
import { foldVietnamese } from "../text/fold.js";

export type SheetDateRead = { ok: true; date: string | null } | { ok: false; key: "assign.badDate" | "assign.noSuchDate" | "assign.dateYear"; params: Record<string, string> };

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

function isoOfUtc(ms: number): string {
  const d = new Date(ms);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function inRange(date: string, value: string): SheetDateRead {
  const year = Number(date.slice(0, 4));
  if (year < 2000 || year > 2100) return { ok: false, key: "assign.dateYear", params: { value, date: formatNoticeDate(date, "vi") } };
  return { ok: true, date };
}

/**
 * A deadline or report date as a host hands it over: an Excel serial number (a date cell read as
 * its value), a JS Date (exceljs, Apps Script), or text "08/6/2023", "8/6/2023", "8-6-2023",
 * "ngày 08/6/2023" (day first, as Vietnamese dates are written) or "2023-06-08". A blank is no date.
 * A Date at UTC midnight is read in UTC (exceljs); any other in local time (Apps Script, whose
 * clock is the script's time zone).
 */
export function readSheetDate(v: unknown, date1904 = false): SheetDateRead {
  if (v === null || v === undefined) return { ok: true, date: null };
  if (v instanceof Date) {
    const ms = v.getTime();
    if (Number.isNaN(ms)) return { ok: false, key: "assign.badDate", params: { value: String(v) } };
    const atUtcMidnight = ms % DAY_MS === 0;
    const date = atUtcMidnight ? isoOfUtc(ms) : iso(v.getFullYear(), v.getMonth() + 1, v.getDate());
    return inRange(date, formatNoticeDate(date, "vi"));
  }
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v < 1) return { ok: false, key: "assign.badDate", params: { value: String(v) } };
    return inRange(isoOfUtc((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(v) * DAY_MS), String(v));
  }
  const raw = String(v).replace(/\s+/g, " ").trim();
  if (raw === "") return { ok: true, date: null };
  const s = foldVietnamese(raw).replace(/^(truoc |den |han )?(ngay )?/, "");
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[3]), Number(match[4])];
  else if ((match = /^(\d{1,2}) thang (\d{1,2}) nam (\d{4})$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return { ok: false, key: "assign.badDate", params: { value: raw } };
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (m < 1 || m > 12 || d < 1 || back.getUTCDate() !== d || back.getUTCMonth() !== m - 1) return { ok: false, key: "assign.noSuchDate", params: { value: raw, day: String(d), month: String(m), year: String(y) } };
  return inRange(iso(y, m, d), raw);
}

/**
 * A date as Vietnamese documents write it: the day and the months 1 and 2 with a leading zero,
 * the other months without ("08/6/2023", "30/6/2025", "05/01/2025"); in English "2025-06-30".
 */
export function formatNoticeDate(date: string, lang: "vi" | "en" = "vi"): string {
  if (lang === "en") return date;
  let text = VI_DATES.get(date);
  if (text !== undefined) return text;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  text = `${String(d).padStart(2, "0")}/${m <= 2 ? String(m).padStart(2, "0") : String(m)}/${y}`;
  if (VI_DATES.size < 10_000) VI_DATES.set(date, text);
  return text;
}

/** Deadlines repeat on every row of a district's report: each is written once. */
const VI_DATES = new Map<string, string>();

/** Days from `from` to `to` ("YYYY-MM-DD"), positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  const ms = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((ms(to) - ms(from)) / DAY_MS);
}

/** Today in the host's local time, as "YYYY-MM-DD" (the default report date). */
export function todayIso(now: Date = new Date()): string {
  return iso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
