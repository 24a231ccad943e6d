// Workbooks of several sheets, only some of them criteria tables; workbooks to refuse.
import { VOCAB, workbook, styles, type Styles } from "./common.js";
import { chartSheet, emptySheet, guideSheet, phoneSheet, setSheet } from "./extraSheets.js";
import { finishTruth, type CorpusEntry } from "./truth.js";
import { communes, districtTitle, THON, THON_SET, villages, wideBook, XA } from "./wideBooks.js";
import type { WideSpec } from "./wide.js";

const THON_TITLE = districtTitle("THÔN NÔNG THÔN MỚI");

function thonSheet(sheet: string, units: WideSpec["units"], extra: Partial<WideSpec> = {}): WideSpec {
  return { sheet, level: "thon", title: THON_TITLE, header: { kind: "merged", heading: "Tiêu chí" }, grouping: "heading", nameHeader: "Thôn, bản", vocab: VOCAB.datChuaDat, units, ...extra };
}

/** Counts for the chart sheet: fixed numbers, as a chart sheet would hold last month's figures. */
const CHART = Object.fromEntries(Array.from({ length: 19 }, (_, i) => [i + 1, 10 - (i % 4)]));

export const mixedBooks: CorpusEntry[] = [
  wideBook("bao-cao-nhieu-trang.xlsx", "a village sheet with a phone list \"Danh bạ\" (its \"Đơn vị\" column holds commune names), a \"Hướng dẫn\" text sheet and a chart-data sheet (TC1..TC19 with counts): only the village sheet is evaluated", 301, THON, "thon", (r) => [
    thonSheet("Thôn 2024", villages(r, [["Đôn Phong", 4], ["Vũ Muộn", 4]]), { total: { header: "Tổng số tiêu chí đạt", mode: "typed" }, footer: ["signature"] }),
  ], { skipped: ["Danh bạ", "Hướng dẫn", "Số liệu biểu đồ"], add: (wb, st) => { phoneSheet(wb, st); guideSheet(wb, st); chartSheet(wb, st, CHART, 12); } }),
  wideBook("chi-mot-trang.xlsx", "two village sheets (2023, 2024) and a phone list, evaluated with --sheet \"Thôn 2024\": nothing else is read, highlighted or listed as skipped", 302, { ...THON, sheet: "Thôn 2024" }, "thon", (r) => [
    thonSheet("Thôn 2023", villages(r, [["Đôn Phong", 3], ["Vũ Muộn", 3]])),
    thonSheet("Thôn 2024", villages(r, [["Đôn Phong", 3], ["Vũ Muộn", 3]])),
  ], { add: (wb, st) => phoneSheet(wb, st) }),
  {
    file: "danh-ba-khong-bieu.xlsx",
    async build() {
      const wb = workbook();
      const st: Styles = styles();
      phoneSheet(wb, st);
      guideSheet(wb, st);
      const truth = finishTruth({ covers: "only a phone list and instructions: refused, naming the file and why (no criteria table)", options: XA, evaluatedSheets: [], skippedSheets: ["Danh bạ", "Hướng dẫn"], units: [], highlights: {}, warnings: [], expectedError: ["danh-ba-khong-bieu.xlsx", "Danh bạ", "Hướng dẫn"] });
      return { wb, truth };
    },
  },
  wideBook("thon-tung-xa.xlsx", "one sheet per commune (sheet named after it, title \"... CÁC THÔN XÃ ĐÔN PHONG\"), no commune column or heading: villages belong to the sheet's commune", 304, THON, "thon", (r) =>
    (["Đôn Phong", "Vũ Muộn", "Bằng Lãng"] as const).map((xa) => ({
      ...thonSheet(xa, villages(r, [[xa, 4]])),
      grouping: undefined,
      title: { ...THON_TITLE, title: [`KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ THÔN NÔNG THÔN MỚI NĂM 2024 CÁC THÔN XÃ ${xa.toUpperCase()}`] },
    })),
  ),
  wideBook("thon-co-bo-tieu-chi.xlsx", "village sheet with the tool's NTM_BoTieuChi sheet naming the province's village set, no --set: the set comes from the workbook; NTM_BoTieuChi is left as it is", 305, {}, "thon", (r) => [
    thonSheet("Thôn 2024", villages(r, [["Xuân Lạc", 4], ["Bản Thi", 4]], { missingRate: 0.3 })),
  ], { add: (wb) => setSheet(wb, THON_SET) }, { set: THON_SET }),
  wideBook("xa-hai-nam.xlsx", "two commune sheets (\"Năm 2023\", \"Năm 2024\"), marks only, plus empty default sheets \"Sheet2\", \"Sheet3\": both years evaluated, the empty sheets skipped", 306, XA, "xa", (r) => {
    const list = communes(r, 6);
    return [
      { sheet: "Năm 2023", level: "xa", header: { kind: "flat", label: (n) => `TC${n}` }, nameHeader: "Tên xã", vocab: VOCAB.datChuaDat, units: list.map((u) => ({ ...u, st: [...u.st] })) },
      { sheet: "Năm 2024", level: "xa", header: { kind: "flat", label: (n) => `TC${n}` }, nameHeader: "Tên xã", vocab: VOCAB.datChuaDat, units: communes(r, 6) },
    ];
  }, { skipped: ["Sheet2", "Sheet3"], add: (wb) => { emptySheet(wb, "Sheet2"); emptySheet(wb, "Sheet3"); } }),
  wideBook("thon-cong-tung-xa.xlsx", "\"Cộng xã ...\" subtotal rows after each commune's villages (COUNTIF per column), blank rows between communes, heading rows", 307, THON, "thon", (r) => [
    thonSheet("Thôn 2024", villages(r, [["Đông Viên", 4], ["Phương Viên", 3], ["Yên Thịnh", 3]]), { subtotals: true, total: { header: "Tổng số tiêu chí đạt", mode: "formula" } }),
  ]),
  wideBook("xa-danh-dau-x.xlsx", "communes in a tick block (x / ✓ / v, blank = not met) under a merged \"Tiêu chí\" heading; \"Số TC đạt\" by COUNTA with a typed override that is wrong", 308, XA, "xa", (r) => [
    { sheet: "Xã", level: "xa", title: districtTitle("XÃ NÔNG THÔN MỚI", "NA RÌ"), header: { kind: "merged", heading: "Tiêu chí" }, nameHeader: "Tên xã", vocab: VOCAB.tick,
      total: { header: "Số TC đạt", mode: "formula", wrong: { 4: 15 } }, units: communes(r, 8) },
  ]),
];
