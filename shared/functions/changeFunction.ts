// NTM_CHANGE(previous, current): per cell, what became of a criterion ("Giữ vững", "Mới đạt",
// "Mất", "Vẫn chưa đạt") or of a count of criteria met ("Tăng 2", "Giảm 1"), last year against
// this year. The marks are read as every sheet is read ("Đạt", "Đ", "x", "Chưa đạt", "CĐ").
import { parseCell } from "../engine/parseValue.js";
import { t } from "../i18n/format.js";
import type { Language } from "../i18n/strings.js";
import { asRange, CellFunctionError, type FunctionSettings } from "./cellFunctions.js";

type Reading = "blank" | "met" | "not_met" | { count: number } | { unreadable: string };

function reading(v: unknown): Reading {
  // "16/19": a count of criteria met, as forms write it.
  if (typeof v === "string") {
    const m = /^\s*(\d+)\s*\/\s*\d+\s*$/.exec(v);
    if (m) return { count: Number(m[1]) };
  }
  const p = parseCell(v);
  if (!p.ok) return p.missing ? "blank" : { unreadable: String(v) };
  const x = p.value;
  if (x.type === "assessment") return x.met ? "met" : "not_met";
  if (x.type === "boolean") return x.value ? "met" : "not_met";
  if (x.type === "number" && x.unit === undefined && Number.isInteger(x.value) && x.value >= 0) return { count: x.value };
  return { unreadable: String(v) };
}

function change(o: Reading, n: Reading, lang: Language): string {
  if (o === "blank" || n === "blank") return "";
  for (const r of [o, n]) if (typeof r === "object" && "unreadable" in r) return t("change.unreadable", lang, { value: r.unreadable });
  if (typeof o === "object" && typeof n === "object" && "count" in o && "count" in n) {
    const d = n.count - o.count;
    return d > 0 ? t("change.up", lang, { n: d }) : d < 0 ? t("change.down", lang, { n: -d }) : t("change.same", lang);
  }
  if (typeof o === "object" || typeof n === "object") return t("change.unreadable", lang, { value: typeof o === "object" ? `${(o as { count: number }).count}` : `${(n as { count: number }).count}` });
  if (o === "met") return t(n === "met" ? "change.kept" : "change.lost", lang);
  return t(n === "met" ? "change.gained" : "change.stillUnmet", lang);
}

export function ntmChange(previous: unknown, current: unknown, settings: FunctionSettings = {}): string[][] {
  const lang = settings.lang ?? "vi";
  const a = asRange(previous);
  const b = asRange(current);
  const size = (r: unknown[][]) => `${r.length}×${r[0]?.length ?? 0}`;
  if (a.length !== b.length || a.some((row, i) => row.length !== b[i]!.length)) throw new CellFunctionError(t("fn.changeShape", lang, { old: size(a), new: size(b) }));
  return b.map((row, i) => row.map((v, j) => change(reading(a[i]![j]), reading(v), lang)));
}
