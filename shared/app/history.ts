// NTM_LichSu: the results an add-in saved, one row per unit per save, in a sheet the user can
// read ("Đ"/"CĐ" per criterion, as offices mark them) and the next evaluation compares with.
// Written and read here, the same for Excel and Sheets; a row the tool cannot read is named,
// never guessed.
import type { RegionId } from "../catalog/regions.js";
import { parseRegionId } from "../catalog/regions.js";
import type { CriteriaSet } from "../catalog/schema.js";
import type { CriterionResult, IndicatorResult, Status, UnitResult } from "../engine/types.js";
import { message, type Message } from "../i18n/message.js";
import type { Language } from "../i18n/strings.js";
import type { RunSide } from "./compareRuns.js";

export const HISTORY_SHEET = "NTM_LichSu";

/** The marks of a status: those offices write for met / not met, and short ones for the rest. */
export const STATUS_MARKS: Record<Status, string> = { met: "Đ", not_met: "CĐ", missing: "TS", invalid: "KHL", no_threshold: "CCT" };
const MARK_STATUS = new Map(Object.entries(STATUS_MARKS).map(([s, m]) => [m, s as Status]));

/** The sheet's own words: its header is read back in either language. */
const WORDS = {
  vi: {
    fixed: ["Lưu lúc", "Trang", "Bộ tiêu chí", "Vùng", "Năm", "Xã", "Đơn vị", "Số tiêu chí đạt"],
    figures: "Số liệu (mã=giá trị:kết quả)",
    title: "NTM_LichSu: kết quả đã lưu, mỗi lần lưu thêm một dòng cho mỗi đơn vị. Đ: đạt; CĐ: chưa đạt; TS: thiếu số liệu; KHL: dữ liệu không hợp lệ; CCT: chưa có chỉ tiêu. Không sửa các dòng này.",
  },
  en: {
    fixed: ["Saved at", "Sheet", "Criteria set", "Region", "Year", "Commune", "Unit", "Criteria met"],
    figures: "Figures (code=value:result)",
    title: "NTM_LichSu: saved results, one row per unit each time they are saved. Đ: met; CĐ: not met; TS: missing data; KHL: invalid data; CCT: no target. Do not edit these rows.",
  },
} as const;
const FIXED = WORDS.vi.fixed;

export interface SnapshotInput {
  /** ISO date-time of the save. */
  at: string;
  sheet: string;
  set: CriteriaSet;
  region?: RegionId | undefined;
  year?: number | undefined;
  results: readonly UnitResult[];
  lang: Language;
}

export interface Snapshot extends RunSide {
  at: string;
  sheet: string;
}

/** The criteria columns a set needs: TC 1..the set's highest number. */
function width(set: CriteriaSet): number {
  return Math.max(0, ...set.criteria.map((c) => c.no));
}

function header(criteria: number, lang: Language): string[] {
  return [...WORDS[lang].fixed, ...Array.from({ length: criteria }, (_, i) => `TC ${i + 1}`), WORDS[lang].figures];
}

/** Numeric figures as written in the figures column: "10=41.2:CĐ" (a dot, whatever the language). */
function figures(r: UnitResult): string {
  const out: string[] = [];
  for (const c of r.criteria) for (const i of c.indicators) if (i.value?.type === "number") out.push(`${i.code}=${i.value.value}:${STATUS_MARKS[i.status]}`);
  return out.join("; ");
}

/**
 * The sheet's rows after saving `snapshot` below `existing` (the sheet as read; none: a new
 * sheet). The header widens when a set needs more criteria columns; earlier rows stay as they were.
 */
export function historyRows(existing: readonly (readonly unknown[])[] | undefined, snapshot: SnapshotInput): string[][] {
  const old = (existing ?? []).map((r) => r.map((v) => (v === null || v === undefined ? "" : String(v))));
  const oldCriteria = old[1] ? old[1].filter((h) => /^TC \d+$/.test(h)).length : 0;
  const criteria = Math.max(oldCriteria, width(snapshot.set));
  // The language of the sheet as first written stays (a reader may not switch with the pane).
  const lang: Language = old[1]?.[0] === WORDS.en.fixed[0] ? "en" : old[1]?.[0] === WORDS.vi.fixed[0] ? "vi" : snapshot.lang;
  const head = header(criteria, lang);
  // Earlier rows: their criteria columns kept in place, the figures column moved to the end.
  const body = old.slice(2).map((r) => [...r.slice(0, FIXED.length + oldCriteria), ...Array<string>(criteria - oldCriteria).fill(""), r[FIXED.length + oldCriteria] ?? ""]);
  for (const r of snapshot.results) {
    const marks = Array<string>(criteria).fill("");
    for (const c of r.criteria) if (c.no >= 1 && c.no <= criteria) marks[c.no - 1] = STATUS_MARKS[c.status];
    body.push([snapshot.at, snapshot.sheet, snapshot.set.id, snapshot.region ?? "", snapshot.year === undefined ? "" : String(snapshot.year), r.group ?? "", r.name, `${r.criteriaMet}/${r.criteriaTotal}`, ...marks, figures(r)]);
  }
  return [[WORDS[lang].title], head, ...body];
}

export interface HistoryRead {
  snapshots: Snapshot[];
  /** Rows that could not be read, by sheet row (1-based). */
  errors: Message[];
}

/** Every save in the sheet, in order (rows of one save share their time, sheet and set). */
export function readHistory(rows: readonly (readonly unknown[])[]): HistoryRead {
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());
  const head = (rows[1] ?? []).map(text);
  const errors: Message[] = [];
  const words = head[0] === WORDS.en.fixed[0] ? WORDS.en : WORDS.vi;
  if (rows.length < 2 || head[0] !== words.fixed[0]) return { snapshots: [], errors: rows.length ? [message("history.noHeader", { sheet: HISTORY_SHEET })] : [] };
  const tc = head.flatMap((h, i) => (/^TC (\d+)$/.test(h) ? [[i, Number(h.slice(3))] as const] : []));
  const figuresCol = head.indexOf(words.figures);
  const snapshots: Snapshot[] = [];
  rows.slice(2).forEach((row, i) => {
    const cells = row.map(text);
    if (cells.every((c) => c === "")) return;
    const [at, sheet, set, region, year, group, name] = cells;
    const yearNo = year ? Number(year) : null;
    if (!at || !sheet || !set || !name || (yearNo !== null && !Number.isInteger(yearNo))) {
      errors.push(message("history.badRow", { row: i + 3, sheet: HISTORY_SHEET }));
      return;
    }
    const criteria: CriterionResult[] = [];
    for (const [col, no] of tc) {
      const status = MARK_STATUS.get(cells[col] ?? "");
      if (status) criteria.push({ no, status, origin: "indicators", indicators: [], disagreesWithSelfAssessment: false });
    }
    for (const part of (figuresCol >= 0 ? cells[figuresCol] ?? "" : "").split(";")) {
      const m = /^\s*([\w.]+)=(-?[\d.]+(?:e-?\d+)?):(\S+)\s*$/.exec(part);
      if (!m) continue;
      const code = m[1]!;
      const status = MARK_STATUS.get(m[3]!);
      const no = Number(code.split(".")[0]);
      const c = criteria.find((x) => x.no === no);
      if (!c || !status) continue;
      const ind: IndicatorResult = { code, status, value: { type: "number", value: Number(m[2]) }, threshold: null, gap: null };
      c.indicators.push(ind);
    }
    const of = (s: Status) => criteria.filter((c) => c.status === s).map((c) => c.no);
    const result: UnitResult = { name, ...(group ? { group } : {}), criteriaMet: of("met").length, criteriaTotal: criteria.length, unmet: of("not_met"), missing: of("missing"), invalid: of("invalid"), noThreshold: of("no_threshold"), criteria };
    const last = snapshots[snapshots.length - 1];
    if (last && last.at === at && last.sheet === sheet && last.set === set) (last.units as Array<{ sheet: string; result: UnitResult }>).push({ sheet, result });
    else snapshots.push({ at, sheet, set, region: parseRegionId(region ?? "") ?? null, year: yearNo, units: [{ sheet, result }] });
  });
  return { snapshots, errors };
}

/** The last save of this sheet, if any. */
export function lastSnapshot(history: HistoryRead, sheet: string): Snapshot | undefined {
  for (let i = history.snapshots.length - 1; i >= 0; i--) if (history.snapshots[i]!.sheet === sheet) return history.snapshots[i];
  return undefined;
}
