// The words of the NTM_BoTieuChi sheet: its key/value rows, its column headers, its kinds and comparators.
import type { Comparator, IndicatorKind } from "./schema.js";

/** The sheet a workbook carries its own criteria set on (DESIGN.md). */
export const WORKBOOK_SET_SHEET = "NTM_BoTieuChi";

export const META_KEYS = {
  id: "ma bo tieu chi",
  title: "ten bo tieu chi",
  level: "cap",
  period: "giai doan",
  basis: "can cu",
  extends: "ke thua",
} as const;

export type ColumnField =
  | "criterionNo" | "criterionName" | "code" | "text" | "unit" | "kind" | "comparator" | "region"
  | "year" | "value" | "grades" | "optional" | "source" | "confirmed" | "note";

/** Header texts (folded) -> field. The first matching header wins. */
export const COLUMNS: Array<[field: ColumnField, headers: string[]]> = [
  ["criterionNo", ["tieu chi so", "so tieu chi", "tieu chi"]],
  ["criterionName", ["ten tieu chi"]],
  ["code", ["ma chi tieu", "chi tieu so", "ma"]],
  ["text", ["noi dung chi tieu", "noi dung"]],
  ["unit", ["don vi", "don vi tinh"]],
  ["kind", ["loai", "kieu"]],
  ["comparator", ["so sanh", "dieu kien"]],
  ["region", ["vung"]],
  ["year", ["nam"]],
  ["value", ["nguong", "muc yeu cau", "muc"]],
  ["grades", ["cac muc xep loai", "muc xep loai"]],
  ["optional", ["neu co"]],
  ["source", ["nguon", "van ban"]],
  ["confirmed", ["da xac nhan", "xac nhan"]],
  ["note", ["ghi chu"]],
];

export const HEADER_LABELS: Record<ColumnField, string> = {
  criterionNo: "Tiêu chí số",
  criterionName: "Tên tiêu chí",
  code: "Mã chỉ tiêu",
  text: "Nội dung chỉ tiêu",
  unit: "Đơn vị",
  kind: "Loại",
  comparator: "So sánh",
  region: "Vùng",
  year: "Năm",
  value: "Ngưỡng",
  grades: "Các mức xếp loại",
  optional: "Nếu có",
  source: "Nguồn",
  confirmed: "Đã xác nhận",
  note: "Ghi chú",
};

export const KIND_WORDS: Record<string, IndicatorKind> = {
  so: "number", number: "number",
  "ty le": "percent", "ty le (%)": "percent", "%": "percent", percent: "percent",
  "co/khong": "boolean", "dat/khong dat": "boolean", boolean: "boolean",
  "xep loai": "grade", grade: "grade",
  dem: "count", "so luong": "count", count: "count",
};
export const KIND_LABELS: Record<IndicatorKind, string> = { number: "số", percent: "tỷ lệ (%)", boolean: "có/không", grade: "xếp loại", count: "đếm" };

export const COMPARATOR_WORDS: Record<string, Comparator> = { ">=": ">=", "≥": ">=", ">": ">", "<=": "<=", "≤": "<=", "<": "<", "=": "=" };
export const ALL_REGIONS = new Set(["", "tat ca", "chung", "ca nuoc", "all"]);

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  return String(v).trim();
}
