// One "Ngưỡng" cell of the NTM_BoTieuChi sheet: read through the same path as any cell, then
// checked against what a threshold of its kind can be.
import { fractionToPoints, parseCell } from "../engine/parseValue.js";
import type { MessageKey } from "../i18n/message.js";
import { foldVietnamese } from "../text/fold.js";
import type { IndicatorKind, ThresholdEntry } from "./schema.js";
import { KIND_LABELS } from "./workbookSetColumns.js";

/** Larger than any NTM threshold (incomes are in millions of đồng): "1e308" is a typo, not a target. */
export const MAX_THRESHOLD = 1e12;

const OVERFLOWING = /^[+-]?\d+([.,]\d+)?[eE][+-]?\d+$/;

export type ThresholdRead =
  | { ok: true; value: ThresholdEntry["value"] }
  | { ok: false; key: MessageKey; params: Record<string, string | number> };

export function readThresholdValue(raw: unknown, kind: IndicatorKind, grades: readonly string[] | undefined, code: string): ThresholdRead {
  const shown = raw === null || raw === undefined ? "" : String(raw).trim();
  const fail = (key: MessageKey, params: Record<string, string | number> = {}): ThresholdRead => ({
    ok: false,
    key,
    // The kind as the sheet's "Loại" column writes it.
    params: { value: shown, code, kind: KIND_LABELS[kind], ...params },
  });
  // Infinity from a host, or "1e309" too large to read: absurd, not merely of the wrong kind.
  if (typeof raw === "number" && !Number.isFinite(raw)) return fail("setRow.absurd", { max: MAX_THRESHOLD });
  if (kind !== "boolean" && kind !== "grade" && OVERFLOWING.test(shown) && !Number.isFinite(Number(shown.replace(",", ".")))) return fail("setRow.absurd", { max: MAX_THRESHOLD });
  const p = parseCell(raw);
  if (!p.ok) {
    if (p.missing) return { ok: true, value: null };
    const reason = p.reason;
    if (reason.key === "value.hiddenChar") return fail("setRow.hiddenChar", { value: String(reason.params?.value ?? shown), char: String(reason.params?.char ?? "") });
    return fail("setRow.badValue");
  }
  const v = p.value;
  if (kind === "boolean") {
    if (v.type === "boolean") return { ok: true, value: v.value };
    if (v.type === "assessment") return { ok: true, value: v.met };
    return fail("setRow.badValue");
  }
  if (kind === "grade") {
    const g = grades?.find((x) => foldVietnamese(x) === foldVietnamese(String(raw)).replace(/ tro len$/, ""));
    return g === undefined ? fail("setRow.badValue") : { ok: true, value: g };
  }
  if (v.type !== "number") return fail("setRow.badValue");
  const value = kind === "percent" && typeof raw === "number" && raw <= 1 && raw > 0 ? fractionToPoints(raw) : v.value;
  if (!Number.isFinite(value) || Math.abs(value) > MAX_THRESHOLD) return fail("setRow.absurd", { max: MAX_THRESHOLD });
  // A count or a rate below zero can never be met or never be missed: a sign typed by mistake.
  if (value < 0 && (kind === "count" || kind === "percent")) return fail("setRow.negative");
  if (kind === "percent" && value > 100) return fail("setRow.percentOver");
  return { ok: true, value };
}
