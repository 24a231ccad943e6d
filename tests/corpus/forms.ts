// Commune self-assessment forms (long layout, one sheet per commune), each with its truth.
import type ExcelJS from "exceljs";
import { addr, put, signature, styles, titleBlock, workbook, type Styles } from "./common.js";
import { CRITERIA, FORM_ROWS, qualitative, SECTIONS } from "./formRows.js";
import { guideSheet } from "./extraSheets.js";
import { finishTruth, unitTruth, type CorpusEntry, type CritStatus, type Mark, type UnitTruth } from "./truth.js";
import { protect } from "./wide.js";
import { XA } from "./wideBooks.js";

export interface FormSpec {
  sheet: string;
  commune: string;
  district: string;
  layout: "v1" | "v2" | "v3";
  codes: "dotted" | "numeric" | "letters";
  /** Indicator codes whose result misses the row's target. */
  fail: string[];
  /** Criteria whose "Tự đánh giá" says Đạt although an indicator fails. */
  disagree?: number[];
  /** "org": "UBND XÃ ..." above the title; "inline": "... XÃ NÔNG THÔN MỚI NĂM 2024 XÃ ĐÔN PHONG, HUYỆN ..." in one line. */
  title: "org" | "inline";
  nfd?: boolean;
  /** Results as numbers in formatted cells (0.78 with "0%", 46.8 with "0.0") instead of typed text. */
  numeric?: boolean;
  dress?: { freeze?: boolean; print?: boolean; protect?: boolean; notes?: Array<[string, string]> };
}

const LETTERS = "abcdefghijkl";
const up = (s: string) => s.toUpperCase();

function numericValue(v: string): { value: ExcelJS.CellValue; numFmt?: string } {
  const pct = /^(\d+(?:,\d+)?)%$/.exec(v);
  if (pct) return { value: Math.round(Number(pct[1]!.replace(",", ".")) * 10) / 1000, numFmt: pct[1]!.includes(",") ? "0.0%" : "0%" };
  if (/^\d+,\d+$/.test(v)) return { value: Number(v.replace(",", ".")), numFmt: "0.0" };
  return { value: v };
}

export async function writeForm(wb: ExcelJS.Workbook, st: Styles, f: FormSpec): Promise<{ unit: UnitTruth; highlights: Record<string, Mark> }> {
  const ws = wb.addWorksheet(f.sheet);
  const n = (t: string) => (f.nfd ? t.normalize("NFD") : t);
  const C = f.layout === "v1" ? { tt: 1, name: 2, content: 3, general: 4, region: 5, value: 6, self: 7, note: 8 } : f.layout === "v2" ? { tt: 1, name: 2, content: 3, general: 4, value: 5, self: 6, note: 7 } : { tt: 1, content: 2, region: 3, value: 4, self: 5, note: 6 };
  const width = C.note;
  const titleLines = f.title === "org"
    ? ["BIỂU TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI NĂM 2024", `XÃ ${up(f.commune)}, HUYỆN ${up(f.district)}, TỈNH BẮC KẠN`]
    : [`BIỂU TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI NĂM 2024 XÃ ${up(f.commune)}, HUYỆN ${up(f.district)}`];
  let row = titleBlock(ws, st, width, { org: f.title === "org" ? [`UBND XÃ ${up(f.commune)}`] : ["BAN CHỈ ĐẠO CÁC CTMTQG"], place: `${f.commune}, ngày 20 tháng 10 năm 2024`, title: titleLines }, f.nfd);
  const top = row;
  const H = (c: number, text: string, to?: [number, number]) => put(ws, top, c, n(text), st.header, to);
  if (f.layout === "v1") {
    for (const [c, t] of [[C.tt, "TT"], [C.name!, "Tên tiêu chí"], [C.content, "Nội dung tiêu chí"], [C.value, "Kết quả thực hiện"], [C.self, "Tự đánh giá"], [C.note, "Ghi chú"]] as const) H(c, t, [top + 1, c]);
    H(C.general!, "Chỉ tiêu", [top, C.region!]);
    put(ws, top + 1, C.general!, n("Chung"), st.header);
    put(ws, top + 1, C.region!, n("Vùng TDMNPB"), st.header);
    row = top + 2;
  } else if (f.layout === "v2") {
    for (const [c, t] of [[C.tt, "TT"], [C.name!, "Tên tiêu chí"], [C.content, "Nội dung tiêu chí"], [C.general!, "Chỉ tiêu chung"], [C.value, "Kết quả thực hiện"], [C.self, "Tự đánh giá"], [C.note, "Ghi chú"]] as const) H(c, t);
    for (let c = 1; c <= width; c++) put(ws, top + 1, c, `(${c})`, st.numbering);
    row = top + 2;
  } else {
    for (const [c, t] of [[C.tt, "STT"], [C.content, "Nội dung tiêu chí"], [C.region!, "Chỉ tiêu vùng TDMNPB"], [C.note, "Ghi chú"]] as const) H(c, t, [top + 1, c]);
    H(C.value, "Kết quả", [top, C.self]);
    put(ws, top + 1, C.value, n("Thực hiện"), st.header);
    put(ws, top + 1, C.self, n("Tự đánh giá"), st.header);
    row = top + 2;
  }
  const highlights: Record<string, Mark> = {};
  const statuses: CritStatus[] = [];
  const notes = new Map(f.dress?.notes ?? []);
  const line = (cells: Array<[number, ExcelJS.CellValue, Partial<ExcelJS.Style>?]>) => {
    for (let c = 1; c <= width; c++) ws.getCell(row, c).style = st.text;
    for (const [c, v, s] of cells) put(ws, row, c, v, s ?? st.text);
    return row++;
  };
  for (let no = 1; no <= 19; no++) {
    const section = SECTIONS.find((s) => s[2] === no);
    if (section) {
      put(ws, row, C.tt, section[0], st.group);
      put(ws, row, C.tt + 1, n(section[1]), st.group, [row, width]);
      row++;
    }
    const rows = FORM_ROWS.filter((r) => r[0].split(".")[0] === String(no));
    const met = rows.every((r) => !f.fail.includes(r[0]));
    statuses.push(met ? "met" : "not_met");
    const self = met || f.disagree?.includes(no) ? "Đạt" : "Chưa đạt";
    const nameCell: [number, ExcelJS.CellValue] = [C.name ?? C.content, n(CRITERIA[no]!)];
    const selfRow = (cells: Array<[number, ExcelJS.CellValue, Partial<ExcelJS.Style>?]>) => {
      const r = line([...cells, [C.self, self, st.mark]]);
      if (!met && self === "Đạt") highlights[`${f.sheet}!${addr(r, C.self)}`] = "not_met";
      return r;
    };
    const indicator = (fr: (typeof FORM_ROWS)[number], code: ExcelJS.CellValue, single: boolean) => {
      const [c, content, target, good, bad] = fr;
      const failing = f.fail.includes(c);
      const raw = failing ? bad : good;
      const v = f.numeric ? numericValue(raw) : { value: raw };
      const cells: Array<[number, ExcelJS.CellValue, Partial<ExcelJS.Style>?]> = [[C.tt, code, st.mark], [C.content, n(content)]];
      if (single && C.name) cells.push([C.name, n(CRITERIA[no]!)]);
      if (C.general !== undefined && (qualitative(target) || target === "100%" || C.region === undefined)) cells.push([C.general, target, st.mark]);
      if (C.region !== undefined && (!qualitative(target) || C.general === undefined)) cells.push([C.region, target, st.mark]);
      cells.push([C.value, v.value, v.numFmt ? { ...st.mark, numFmt: v.numFmt } : st.mark]);
      const r = single ? selfRow(cells) : line(cells);
      if (failing) highlights[`${f.sheet}!${addr(r, C.value)}`] = "not_met";
      const note = notes.get(c);
      if (note) ws.getCell(r, C.value).note = note;
    };
    if (rows.length === 1 && rows[0]![0] === String(no)) {
      indicator(rows[0]!, no, true);
      if (!C.name) ws.getCell(row - 1, C.content).value = n(`${CRITERIA[no]}: ${rows[0]![1]}`);
      continue;
    }
    selfRow([[C.tt, no, st.mark], nameCell]);
    rows.forEach((fr, i) => {
      const [c] = fr;
      const code = f.codes === "letters" && no !== 17 ? LETTERS[i]! : f.codes === "numeric" && !c.endsWith(".10") ? Number(c) : c;
      indicator(fr, code, false);
    });
  }
  signature(ws, st, row + 1, C.content, C.self, ["NGƯỜI LẬP BIỂU", "TM. ỦY BAN NHÂN DÂN XÃ"], ["Nông Văn Tiến", "Hoàng Thị Thu"]);
  ws.getColumn(C.content).width = 60;
  for (const c of [C.value, C.self]) ws.getColumn(c).width = 16;
  if (f.dress?.freeze) ws.views = [{ state: "frozen", ySplit: top + 1, xSplit: 0, topLeftCell: addr(top + 2, 1), activeCell: "A1" }];
  if (f.dress?.print) {
    ws.pageSetup = { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
    ws.pageSetup.printTitlesRow = `${top}:${top + 1}`;
  }
  if (f.dress?.protect) await protect(ws);
  return { unit: unitTruth(f.sheet, f.commune, "xa", statuses), highlights };
}

function formBook(file: string, covers: string, forms: FormSpec[], skipped: Array<[string, (wb: ExcelJS.Workbook, st: Styles) => void]> = []): CorpusEntry {
  return {
    file,
    async build() {
      const wb = workbook();
      const st = styles();
      const units: UnitTruth[] = [];
      const highlights: Record<string, Mark> = {};
      for (const f of forms) {
        const res = await writeForm(wb, st, f);
        units.push(res.unit);
        Object.assign(highlights, res.highlights);
      }
      for (const [, add] of skipped) add(wb, st);
      const truth = finishTruth({ covers, options: XA, set: "xa-ntm-2021-2025", level: "xa", evaluatedSheets: forms.map((f) => f.sheet), skippedSheets: skipped.map(([s]) => s), units, highlights, warnings: [], unitFromTitle: true });
      return { wb, truth };
    },
  };
}

export const formBooks: CorpusEntry[] = [
  formBook("xa-thanh-van-tu-danh-gia.xlsx", "form: two-row header (Chỉ tiêu / Chung, Vùng TDMNPB), merged section rows, \"1.1\" codes, every row with target and result; income 41,2 vs \"≥ 45 triệu đồng/người\", poverty 14,5% vs \"≤ 13%\"; \"UBND XÃ THANH VÂN\" title", [
    { sheet: "Tự đánh giá", commune: "Thanh Vân", district: "Chợ Đồn", layout: "v1", codes: "dotted", fail: ["10", "11"], title: "org" },
  ]),
  formBook("xa-don-phong-bieu-01.xlsx", "form: one-row header + (1)(2).. numbering, \"a\", \"b\" indicator codes, title \"... XÃ NÔNG THÔN MỚI NĂM 2024 XÃ ĐÔN PHONG\" (the commune is the second \"XÃ\"); criterion 17 self-assessed Đạt though 17.1 misses (flagged red)", [
    { sheet: "Biểu 01", commune: "Đôn Phong", district: "Chợ Đồn", layout: "v2", codes: "letters", fail: ["17.1", "2.2"], disagree: [17], title: "inline" },
  ]),
  formBook("xa-vu-muon-100.xlsx", "form: \"Chỉ tiêu vùng TDMNPB\" and \"Kết quả\" over Thực hiện / Tự đánh giá; codes typed as numbers (2.1) with \"17.10\" as text; \"100%\" targets met by \"100%\"; 6.3 at 91,7% vs 100% and a grade below \"Hoàn thành tốt nhiệm vụ trở lên\"", [
    { sheet: "Vũ Muộn", commune: "Vũ Muộn", district: "Chợ Đồn", layout: "v3", codes: "numeric", fail: ["6.3", "18.3"], title: "org" },
  ]),
  formBook("cac-xa-tu-danh-gia.xlsx", "three forms, one sheet per commune, and a \"Hướng dẫn\" sheet to skip; different gaps per commune", [
    { sheet: "Bằng Lãng", commune: "Bằng Lãng", district: "Chợ Đồn", layout: "v1", codes: "dotted", fail: ["13.3", "15.1", "10"], title: "org" },
    { sheet: "Nam Cường", commune: "Nam Cường", district: "Chợ Đồn", layout: "v1", codes: "dotted", fail: [], title: "org" },
    { sheet: "Quảng Bạch", commune: "Quảng Bạch", district: "Chợ Đồn", layout: "v1", codes: "dotted", fail: ["9.1", "12.3", "17.4"], disagree: [9], title: "org" },
  ], [["Hướng dẫn", guideSheet]]),
  formBook("xa-nfd-dinh-dang.xlsx", "form in NFD text; results as numbers in 0% / 0.0% / 0.0 cells (0.78 = 78%); user notes on result cells; frozen panes; print titles; protected sheet", [
    { sheet: "Đánh giá", commune: "Lương Bằng", district: "Chợ Đồn", layout: "v1", codes: "dotted", fail: ["15.1", "12.2"], title: "org", nfd: true, numeric: true,
      dress: { freeze: true, print: true, protect: true, notes: [["15.1", "Số liệu BHXH huyện cung cấp 30/9"], ["4.2", "Theo Điện lực Chợ Đồn"]] } },
  ]),
  formBook("xa-cao-ky-dat-19.xlsx", "form meeting all 19 criteria: nothing highlighted, 19/19", [
    { sheet: "TDG 2024", commune: "Cao Kỳ", district: "Chợ Mới", layout: "v2", codes: "dotted", fail: [], title: "org" },
  ]),
];
