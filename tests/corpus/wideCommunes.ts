// The corpus's district sheets of communes (level xa, national set), with income columns.
import { VOCAB } from "./common.js";
import type { CorpusEntry } from "./truth.js";
import { communes, districtTitle, wideBook, XA } from "./wideBooks.js";
import type { WideUnitSpec } from "./wide.js";

const XA_TITLE = districtTitle("XÃ NÔNG THÔN MỚI", "NA RÌ");
const NA = { formula: "VLOOKUP(B12,'Số liệu TK'!A:C,3,0)", result: { error: "#N/A" as const } };

/** Incomes around the 45 million target (tdmnpb, 2024). */
function withIncome(units: WideUnitSpec[], incomes: Array<number | typeof NA>): WideUnitSpec[] {
  units.forEach((u, i) => (u.income = incomes[i % incomes.length]));
  return units;
}

export const communeBooks: CorpusEntry[] = [
  wideBook("xa-thu-nhap-2024.xlsx", "communes; \"TC1\".. with a \"Thu nhập BQ (tr.đ/người)\" column in place of TC10 (format 0.0), judged ≥ 45 (tdmnpb 2024); one VLOOKUP income cached as #N/A (orange)", 201, XA, "xa", (r) => [
    { sheet: "Các xã", level: "xa", title: XA_TITLE, header: { kind: "flat", label: (n) => `TC${n}` }, nameHeader: "Tên xã", vocab: VOCAB.datChuaDat,
      income: { header: "Thu nhập BQ (tr.đ/người)", replaces10: true, target: 45 }, units: withIncome(communes(r, 8), [46.2, 41.8, 45, 52.3, 44.9, NA, 47.1, 38.5]) },
  ]),
  wideBook("xa-thu-nhap-khong-vung.xlsx", "the same layout evaluated without --region/--year: income cannot be checked (no_threshold, not highlighted) and a plain warning says so", 202, {}, "xa", (r) => [
    { sheet: "Các xã", level: "xa", title: XA_TITLE, header: { kind: "flat", label: (n) => `TC${n}` }, nameHeader: "Tên xã", vocab: VOCAB.datChuaDat,
      income: { header: "Thu nhập BQ (tr.đ/người)", replaces10: true }, units: withIncome(communes(r, 7), [46.2, 41.8, 45, 52.3, 44.9, 47.1, 38.5]) },
  ], {}, { warnings: [["thu nhap|tieu chi 10|chi tieu 10|income", "vung|nam|region|year"]] }),
  wideBook("xa-tc10-lech.xlsx", "commune names as written (\"Xã Bằng Lãng\" and plain); income column before a merged \"Tiêu chí\" block that also has TC10: one commune marks TC10 Đạt at 43,5 (figures win: not met, both cells red)", 203, XA, "xa", (r) => {
    const units = withIncome(communes(r, 6, (i) => (i % 2 === 0 ? "Xã " : "")), [47.5, 43.5, 50.1, 41.0, 46.0, 45.5]);
    units[1]!.claim10 = "met";
    return [{ sheet: "Xã 2024", level: "xa", title: XA_TITLE, header: { kind: "merged", heading: "Tiêu chí" }, nameHeader: "Xã", vocab: VOCAB.datChuaDat,
      income: { header: "Thu nhập bình quân đầu người (triệu đồng/người)", replaces10: false, target: 45 }, units }];
  }),
  wideBook("xa-tong-hop-huyen.xlsx", "communes under a three-row header (\"Tiêu chí\" / groups / numbers); numbering row; COUNTIF totals; \"Tỷ lệ đạt (%)\"; Tổng cộng and Bình quân chung rows; signature", 204, XA, "xa", (r) => [
    { sheet: "Tổng hợp xã", level: "xa", title: XA_TITLE, header: { kind: "merged", heading: "Tiêu chí", groups: true }, numbering: true, nameHeader: "Tên xã", vocab: VOCAB.datChuaDat,
      total: { header: "Tổng số tiêu chí đạt", mode: "formula" }, ratio: true, footer: ["tongcong", "binhquan", "signature"], units: communes(r, 9) },
  ]),
  wideBook("xa-don-vi-tc-so.xlsx", "communes under \"Đơn vị\" with \"Tiêu chí số 1\".. two-row header under \"Tiêu chí NTM\"; Đ/CĐ; a wrong typed \"Số TC đạt\"; data validation; conditional format", 205, XA, "xa", (r) => [
    { sheet: "Xã", level: "xa", header: { kind: "flat", heading: "Tiêu chí NTM", label: (n) => `Tiêu chí số ${n}` }, sttHeader: "TT", nameHeader: "Đơn vị", vocab: VOCAB.short,
      total: { header: "Số TC đạt", mode: "typed", wrong: { 2: 18 } }, dress: { validation: true, conditional: true }, units: communes(r, 7) },
  ]),
];
