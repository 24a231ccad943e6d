// The corpus's district wide sheets (villages and communes), each with its truth.
import type ExcelJS from "exceljs";
import { COMMUNES, rng, styles, VILLAGES, VOCAB, villageStatuses, workbook, type Rng, type Styles, type TitleBlock } from "./common.js";
import { finishTruth, type CorpusEntry, type CorpusOptions, type CorpusTruth, type Level, type Mark, type TotalMismatch, type UnitTruth } from "./truth.js";
import { writeWide, type WideSpec, type WideUnitSpec } from "./wide.js";

export const THON_SET = "thon-ntm-bac-kan-2022-2025";
export const THON: CorpusOptions = { setId: THON_SET };
export const XA: CorpusOptions = { region: "tdmnpb", year: 2024 };

export function shuffled<T>(r: Rng, xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Villages of the given communes, names not repeated within a workbook. */
export function villages(r: Rng, plan: Array<[string, number]>, opts: { missingRate?: number; tick?: boolean } = {}): WideUnitSpec[] {
  const names = shuffled(r, VILLAGES);
  const out: WideUnitSpec[] = [];
  for (const [group, k] of plan) for (let i = 0; i < k; i++) out.push({ name: names.shift()!, group, st: villageStatuses(r, { missingRate: opts.tick ? 0 : opts.missingRate }) });
  return out;
}

export function communes(r: Rng, k: number, prefix = (_i: number) => ""): WideUnitSpec[] {
  return shuffled(r, COMMUNES).slice(0, k).map((name, i) => ({ name: prefix(i) + name, st: villageStatuses(r, { maxUnmet: 3 }) }));
}

export function districtTitle(what: string, district = "CHỢ ĐỒN"): TitleBlock {
  const place = district === "CHỢ ĐỒN" ? "Chợ Đồn" : district === "NA RÌ" ? "Na Rì" : "Ba Bể";
  return {
    org: [`UBND HUYỆN ${district}`, "PHÒNG NÔNG NGHIỆP VÀ PTNT"],
    number: "Số: 125/BC-UBND",
    place: `${place}, ngày 15 tháng 11 năm 2024`,
    title: [`BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ ${what} NĂM 2024`, `(Kèm theo Báo cáo số 125/BC-UBND ngày 15/11/2024 của UBND huyện ${place})`],
  };
}

export interface Extra {
  /** Sheets the tool must read and skip. */
  skipped?: string[];
  add?(wb: ExcelJS.Workbook, st: Styles, r: Rng): void;
}

/** A workbook of wide sheets: the truth is what writeWide wrote. */
export function wideBook(file: string, covers: string, seed: number, options: CorpusOptions, level: Level, specs: (r: Rng) => WideSpec[], extra: Extra = {}, more: Partial<CorpusTruth> = {}): CorpusEntry {
  return {
    file,
    async build() {
      const r = rng(seed);
      const wb = workbook();
      const st = styles();
      const units: UnitTruth[] = [];
      const highlights: Record<string, Mark> = {};
      const mismatches: TotalMismatch[] = [];
      const list = specs(r);
      for (const s of list) {
        const res = await writeWide(wb, st, r, s);
        units.push(...res.units);
        Object.assign(highlights, res.highlights);
        mismatches.push(...res.mismatches);
      }
      extra.add?.(wb, st, r);
      const hasTotal = list.some((s) => s.total);
      const truth = finishTruth({
        covers,
        options,
        set: options.setId ?? "xa-ntm-2021-2025",
        level,
        evaluatedSheets: list.map((s) => s.sheet).filter((n) => !options.sheet || n === options.sheet),
        skippedSheets: options.sheet ? [] : (extra.skipped ?? []),
        units: units.filter((u) => !options.sheet || u.sheet === options.sheet),
        highlights: Object.fromEntries(Object.entries(highlights).filter(([k]) => !options.sheet || k.startsWith(`${options.sheet}!`))),
        warnings: [],
        ...(hasTotal ? { totalMismatches: mismatches.filter((m) => !options.sheet || m.sheet === options.sheet) } : {}),
        ...more,
      });
      return { wb, truth };
    },
  };
}

const THON_TITLE = districtTitle("THÔN NÔNG THÔN MỚI");
const TC = (n: number) => `TC${n}`;

export const wideBooks: CorpusEntry[] = [
  wideBook("thon-cho-don-2024.xlsx", "title block (org, motto, Số, date, merged title); merged \"Tiêu chí\" over 1..19; \"Xã Vũ Muộn\" heading rows; Đạt/Chưa đạt with blanks = missing; correct typed totals; Ghi chú + signature", 101, THON, "thon", (r) => [
    { sheet: "Thôn 2024", level: "thon", title: THON_TITLE, header: { kind: "merged", heading: "Tiêu chí" }, grouping: "heading", nameHeader: "Thôn, bản", vocab: VOCAB.datChuaDat,
      total: { header: "Tổng số tiêu chí đạt", mode: "typed" }, footer: ["ghichu", "signature"], units: villages(r, [["Vũ Muộn", 5], ["Đôn Phong", 4], ["Bằng Lãng", 3]], { missingRate: 0.3 }) },
  ]),
  wideBook("thon-ket-qua-3-dong.xlsx", "three-row header \"Kết quả thực hiện các tiêu chí\" / criterion groups / numbers; (1)(2)(3) numbering row; \"I | Xã Đôn Phong\" roman group rows; Đ/CĐ; one wrong typed total; frozen panes, print settings", 102, THON, "thon", (r) => [
    { sheet: "Tổng hợp", level: "thon", title: THON_TITLE, header: { kind: "merged", heading: "Kết quả thực hiện các tiêu chí", groups: true }, numbering: true, grouping: "roman", nameHeader: "Tên thôn", vocab: VOCAB.short,
      total: { header: "Số tiêu chí đạt", mode: "typed", wrong: { 3: 17 } }, dress: { freeze: true, print: true }, units: villages(r, [["Đôn Phong", 5], ["Nam Cường", 4]]) },
  ]),
  wideBook("thon-cot-xa-tc.xlsx", "flat \"TC1\".. headers; separate \"Xã\" column with \"Xã Bằng Lãng\" and \"Bằng Lãng\" spellings; mixed marks (ĐẠT, \" đạt \", K.Đ, chưa, Không đạt); blanks = missing", 103, THON, "thon", (r) => {
    const units = villages(r, [["Bằng Lãng", 4], ["Quảng Bạch", 4]], { missingRate: 0.4 });
    units.forEach((u, i) => i % 3 === 1 && (u.group = `Xã ${u.group}`));
    return [{ sheet: "DS thôn", level: "thon", header: { kind: "flat", label: TC }, grouping: "column", groupHeader: "Xã", nameHeader: "Thôn", vocab: VOCAB.mixed, units }];
  }),
  wideBook("thon-danh-dau-x.xlsx", "tick block (x, X, ✓, v; blank = not met) under \"Các tiêu chí\" / \"TC 1\"; \"Xã Bằng Lãng\" heading merged from column A; COUNTA totals (cached)", 104, THON, "thon", (r) => [
    { sheet: "Danh dau", level: "thon", title: THON_TITLE, header: { kind: "flat", heading: "Các tiêu chí", label: (n) => `TC ${n}` }, grouping: "heading-from-a", nameHeader: "Thôn, bản", vocab: VOCAB.tick,
      total: { header: "Tổng số tiêu chí đạt", mode: "formula" }, units: villages(r, [["Bằng Lãng", 4], ["Xuân Lạc", 4]], { tick: true }) },
  ]),
  wideBook("thon-nfd.xlsx", "NFD (decomposed) headers, names and commune cells; \"Tiêu chí số 1\".. headers; vertically merged \"Xã\" column; Đạt/Không đạt", 105, THON, "thon", (r) => [
    { sheet: "Thôn bản", level: "thon", title: THON_TITLE, nfd: true, header: { kind: "flat", label: (n) => `Tiêu chí số ${n}` }, grouping: "column-merged", groupHeader: "Xã", nameHeader: "Thôn, bản", vocab: VOCAB.khongDat,
      units: villages(r, [["Yên Thịnh", 3], ["Ngọc Phái", 4], ["Đồng Lạc", 3]]) },
  ]),
  wideBook("thon-an-hang-cot.xlsx", "hidden village row (still data); hidden stale \"Tiêu chí 10 (năm 2023)\" column (ignored); \"TC01\" headers; data validation lists; conditional format; user notes; frozen panes; print titles; widths", 106, THON, "thon", (r) => {
    const units = villages(r, [["Đông Viên", 5], ["Phương Viên", 4]], { missingRate: 0.2 });
    units[2]!.hidden = true;
    units[2]!.st[12] = "not_met";
    units[4]!.st[9] = "not_met";
    units[4]!.note = { crit: 10, text: "Xã đang rà soát lại số liệu thu nhập" };
    units[6]!.note = { crit: 1, text: "Đã thẩm định 10/2024" };
    return [{ sheet: "Thôn 2024", level: "thon", title: THON_TITLE, header: { kind: "flat", label: (n) => `TC${String(n).padStart(2, "0")}` }, grouping: "heading", nameHeader: "Thôn, bản", vocab: VOCAB.datChuaDat,
      hiddenDecoy: true, dress: { validation: true, conditional: true, freeze: true, print: true }, units }];
  }),
  wideBook("thon-tong-cong.xlsx", "\"Tiêu chí NTM\" over \"T.chí 1\".. headers; footers Tổng cộng (COUNTIF per column), Bình quân chung, Ghi chú, signature names under criterion columns; COUNTIF totals", 107, THON, "thon", (r) => [
    { sheet: "Biểu 02", level: "thon", title: THON_TITLE, header: { kind: "flat", heading: "Tiêu chí NTM", label: (n) => `T.chí ${n}` }, grouping: "heading", nameHeader: "Thôn, bản", vocab: VOCAB.datChuaDat,
      total: { header: "Tổng số tiêu chí đạt", mode: "formula" }, footer: ["tongcong", "binhquan", "ghichu", "signature"], units: villages(r, [["Lương Bằng", 4], ["Bình Trung", 4]]) },
  ]),
  wideBook("thon-bao-ve.xlsx", "protected sheet; \"Số TC đạt\" with a wrong typed total; \"Tỷ lệ đạt (%)\" formula column formatted 0%; \"Thị trấn Bằng Lũng\" heading", 108, THON, "thon", (r) => [
    { sheet: "Thôn", level: "thon", title: THON_TITLE, header: { kind: "merged", heading: "Tiêu chí" }, grouping: "heading", groupLabel: (g) => (g === "Bằng Lũng" ? `Thị trấn ${g}` : `Xã ${g}`), nameHeader: "Thôn, bản", vocab: VOCAB.datChuaDat,
      total: { header: "Số TC đạt", mode: "typed", wrong: { 5: 16 } }, ratio: true, dress: { protect: true }, units: villages(r, [["Bằng Lũng", 3], ["Nghĩa Tá", 5]]) },
  ]),
  wideBook("thon-khong-bo-tieu-chi.xlsx", "village sheet (title \"THÔN NÔNG THÔN MỚI\", \"Thôn, bản\" column) with no --set: must be refused with a hint to pass the province's village set", 109, {}, "thon", (r) => [
    { sheet: "Thôn 2024", level: "thon", title: THON_TITLE, header: { kind: "merged", heading: "Tiêu chí" }, grouping: "heading", nameHeader: "Thôn, bản", vocab: VOCAB.datChuaDat, units: villages(r, [["Vũ Muộn", 4], ["Đôn Phong", 3]]) },
  ], {}, { set: undefined, expectedError: ["--set", "thon"], highlights: {} }),
  wideBook("thon-ten-ban-lai-chau.xlsx", "Lai Châu-style \"Tên thôn, bản\" name header and \"Tên xã\" group column; flat \"Tiêu chí 1\".. labels; Đạt/Không đạt; one wrong typed total", 110, THON, "thon", (r) => [
    { sheet: "Bản NTM", level: "thon", title: districtTitle("THÔN, BẢN NÔNG THÔN MỚI", "BA BỂ"), header: { kind: "flat", label: (n) => `Tiêu chí ${n}` }, grouping: "column", groupHeader: "Tên xã", nameHeader: "Tên thôn, bản", vocab: VOCAB.khongDat,
      total: { header: "Tổng số tiêu chí đạt", mode: "typed", wrong: { 0: 19 } }, units: villages(r, [["Nậm Tăm", 3], ["Bản Hon", 3], ["Mường Kim", 3]]) },
  ]),
  wideBook("thon-60-ban.xlsx", "a large sheet (60 villages, 6 communes), mixed marks, merged \"Tiêu chí\", heading rows, totals typed (correct), frozen panes", 111, THON, "thon", (r) => [
    { sheet: "Thôn 2024", level: "thon", title: THON_TITLE, header: { kind: "merged", heading: "Tiêu chí" }, grouping: "heading", nameHeader: "Thôn, bản", vocab: VOCAB.mixed, total: { header: "Tổng số tiêu chí đạt", mode: "typed" }, dress: { freeze: true },
      units: [...villages(r, [["Đôn Phong", 10], ["Vũ Muộn", 10], ["Bằng Lãng", 10]]), ...villages(r, [["Nam Cường", 10], ["Quảng Bạch", 10], ["Xuân Lạc", 10]])] },
  ]),
];
