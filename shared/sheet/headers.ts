import type { CriteriaSet } from "../catalog/schema.js";
import { parseRegionId, type RegionId } from "../catalog/regions.js";
import { foldVietnamese } from "../text/fold.js";

/** Prefix of the columns and sheets the add-in owns: it writes nowhere else. */
export const OWNED_PREFIX = "[NTM]";

/** What a column header says the column holds. */
export type HeaderRole =
  | { role: "stt" }
  | { role: "unitName"; level: "xa" | "thon" }
  | { role: "indicator"; code: string; by: "code" | "name" }
  | { role: "criterion"; no: number; by: "code" | "name" }
  /** A name that fits a criterion: its column's content decides between its self-assessment and its single indicator. */
  | { role: "criterionOrIndicator"; no: number; code: string }
  | { role: "owned"; key: string }
  | { role: "countMet" }
  | { role: "content" }
  | { role: "target"; region?: RegionId }
  | { role: "value" }
  | { role: "assessment" }
  | { role: "note" }
  | { role: "ambiguous"; candidates: string[] }
  | { role: "unknown" };

const STT = new Set(["stt", "tt", "so tt", "so thu tu", "thu tu"]);
const UNIT_XA = /^(ten )?(xa|phuong|thi tran)( \/ phuong)?$|^don vi( hanh chinh)?$|^ten don vi$|^dia phuong$/;
const UNIT_THON = /^(ten )?(thon|ban|thon, ban|thon\/ban|thon, ban, ap|ap|to dan pho|lang|khu dan cu)$/;
const COUNT_MET = /^(tong )?so tieu chi (da )?dat|^so tc (da )?dat|^tong so tieu chi dat/;
const CONTENT = /^(noi dung|ten tieu chi|tieu chi|noi dung tieu chi|chi tieu cu the|noi dung chi tieu|ten chi tieu)( \/ .*)?$/;
const VALUE = /^(ket qua( thuc hien)?|thuc hien|hien trang|thuc trang|gia tri|ket qua dat duoc|so lieu|thuc te)( .*)?$/;
const ASSESSMENT = /(tu danh gia|danh gia|muc do dat|ket qua danh gia|dat \/ chua dat)/;
const TARGET = /^(chi tieu|muc tieu|yeu cau|chi tieu chung|chi tieu vung|chi tieu theo vung|muc quy dinh|chuan)( .*)?$/;
const NOTE = /^ghi chu/;

const UNIT_ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bbhyt\b/g, "bao hiem y te"],
  [/\btr\.?d\b/g, "trieu dong"],
  [/\bhtx\b/g, "hop tac xa"],
  [/\bthcs\b/g, "trung hoc co so"],
  [/\battp\b/g, "an toan thuc pham"],
];

/** Folded header without units in brackets, for name matching. */
export function headerWords(text: string): string {
  let f = foldVietnamese(text).replace(/\([^)]*\)/g, " ");
  for (const [re, full] of UNIT_ABBREVIATIONS) f = f.replace(re, full);
  return f.replace(/[^a-z0-9. ]+/g, " ").replace(/\s+/g, " ").trim();
}

const STOP = new Set(["ty", "le", "ty le", "cua", "va", "cac", "co", "duoc", "theo", "quy", "dinh", "xa", "tren", "dia", "ban", "so", "nguoi", "ho", "dat", "%", "tieu", "chi"]);

function tokens(s: string): Set<string> {
  return new Set(s.split(" ").filter((w) => w.length > 1 && !STOP.has(w)));
}

const classified = new WeakMap<CriteriaSet, Map<string, HeaderRole>>();

/** Classifies one header text (a two-row header arrives joined: "Chỉ tiêu / Vùng TDMNPB"). */
export function classifyHeader(text: string, set: CriteriaSet): HeaderRole {
  // Header scans meet the same texts again and again: classify each once per set.
  let cache = classified.get(set);
  if (!cache) classified.set(set, (cache = new Map()));
  let role = cache.get(text);
  if (role === undefined) {
    role = classifyUncached(text, set);
    if (cache.size < 50_000) cache.set(text, role);
  }
  return role;
}

function classifyUncached(text: string, set: CriteriaSet): HeaderRole {
  const raw = text.trim();
  if (!raw) return { role: "unknown" };
  if (raw.startsWith(OWNED_PREFIX)) return { role: "owned", key: raw.slice(OWNED_PREFIX.length).trim() };
  const f = foldVietnamese(raw).replace(/ \/ /g, " ").replace(/:$/, "");
  if (STT.has(f)) return { role: "stt" };
  if (COUNT_MET.test(f)) return { role: "countMet" };
  if (UNIT_THON.test(f)) return { role: "unitName", level: "thon" };
  if (UNIT_XA.test(f)) return { role: "unitName", level: "xa" };
  if (NOTE.test(f)) return { role: "note" };

  // By code: "Tiêu chí số 10", "TC10", "Chỉ tiêu 17.2", "10.1", "15.1 BHYT (%)", "10. Thu nhập".
  const crit = /^(?:tieu chi|tc)\s*(?:so\s*)?(\d{1,2})(\.\d{1,2})?(?![\d])/.exec(f);
  if (crit) return crit[2] ? { role: "indicator", code: crit[1]! + crit[2], by: "code" } : { role: "criterion", no: Number(crit[1]), by: "code" };
  const ind = /^(?:chi tieu)\s*(?:so\s*)?(\d{1,2}(?:\.\d{1,2})?)(?![\d])/.exec(f);
  if (ind) return { role: "indicator", code: ind[1]!, by: "code" };
  const lead = /^(\d{1,2}(?:\.\d{1,2})?)(?:[.):-]\s*|\s+|$)(.*)$/.exec(f);
  const leadNo = lead ? Number(lead[1]!.split(".")[0]) : 0;
  // "41.2" under a heading is a value, not indicator 41.2: the criterion must exist in the set.
  if (lead && leadNo >= 1 && (set.criteria.length === 0 || set.criteria.some((c) => c.no === leadNo))) {
    const code = lead[1]!;
    if (code.includes(".")) return { role: "indicator", code, by: "code" };
    const c = set.criteria.find((x) => x.no === Number(code));
    if (c && c.indicators.length === 1 && c.indicators[0]!.code === code) return { role: "criterionOrIndicator", no: c.no, code };
    if (!lead[2]) return { role: "criterionOrIndicator", no: Number(code), code };
    return { role: "criterion", no: Number(code), by: "code" };
  }

  // Long-layout columns.
  if (VALUE.test(f)) return { role: "value" };
  if (ASSESSMENT.test(f)) return { role: "assessment" };
  if (TARGET.test(f)) {
    const region = /vung (.+)$/.exec(f)?.[1];
    const id = region ? parseRegionId(region) : undefined;
    return id ? { role: "target", region: id } : { role: "target" };
  }
  if (CONTENT.test(f)) return { role: "content" };

  return classifyByName(raw, set);
}

/** "Thu nhập", "Tỷ lệ nghèo đa chiều (%)", "BHYT": a criterion name or an indicator's words. */
function classifyByName(text: string, set: CriteriaSet): HeaderRole {
  const words = headerWords(text);
  const crit = set.criteria.filter((c) => headerWords(c.name) === words);
  if (crit.length === 1) {
    const c = crit[0]!;
    const only = c.indicators.length === 1 ? c.indicators[0]! : undefined;
    return only ? { role: "criterionOrIndicator", no: c.no, code: only.code } : { role: "criterion", no: c.no, by: "name" };
  }
  const mine = tokens(words);
  if (mine.size === 0) return { role: "unknown" };
  const scored: Array<{ code: string; score: number }> = [];
  for (const c of set.criteria) {
    for (const ind of c.indicators) {
      const theirs = indicatorTokens(ind);
      let common = 0;
      for (const w of mine) if (theirs.has(w)) common++;
      const score = common / mine.size;
      if (score >= 0.6 && common >= 2) scored.push({ code: ind.code, score: score + common / 100 });
    }
  }
  scored.sort((a, b) => b.score - a.score);
  if (scored.length === 0) return { role: "unknown" };
  if (scored.length > 1 && scored[0]!.score - scored[1]!.score < 0.05) {
    return { role: "ambiguous", candidates: scored.slice(0, 4).map((s) => s.code) };
  }
  return { role: "indicator", code: scored[0]!.code, by: "name" };
}

const tokenCache = new WeakMap<object, Set<string>>();
function indicatorTokens(ind: { text: string }): Set<string> {
  let t = tokenCache.get(ind);
  if (!t) tokenCache.set(ind, (t = tokens(headerWords(ind.text))));
  return t;
}
