// District wide sheets: one row per commune or village, criterion columns holding marks.
// writeWide() lays a sheet out as offices do and returns the truth of what it wrote.
import type ExcelJS from "exceljs";
import { addr, col, put, signature, titleBlock, type MarkVocab, type Rng, type Styles, type TitleBlock } from "./common.js";
import { unitTruth, type CritStatus, type Level, type Mark, type TotalMismatch, type UnitTruth } from "./truth.js";

export interface WideUnitSpec {
  name: string;
  group?: string;
  /** 19 statuses, index 0 = criterion 1 (criterion 10 is recomputed from income when judged). */
  st: CritStatus[];
  /** Income (triệu đồng/người): a number, or a formula whose cached result is an error. */
  income?: number | { formula: string; result: { error: "#N/A" } };
  /** The sheet's own mark for criterion 10 when it differs from what the figures say. */
  claim10?: "met" | "not_met";
  hidden?: boolean;
  /** A note the user left on a criterion's cell. */
  note?: { crit: number; text: string };
}

export interface WideSpec {
  sheet: string;
  level: Level;
  title?: TitleBlock;
  header:
    | { kind: "merged"; heading: string; /** a third row: criterion groups between heading and numbers */ groups?: boolean }
    | { kind: "flat"; label: (n: number) => string; /** "Tiêu chí NTM" merged above the labels */ heading?: string };
  numbering?: boolean;
  grouping?: "heading" | "heading-from-a" | "roman" | "column" | "column-merged";
  groupLabel?: (g: string) => string;
  sttHeader?: string;
  nameHeader: string;
  groupHeader?: string;
  vocab: MarkVocab;
  income?: { header: string; replaces10: boolean; target?: number };
  total?: { header: string; mode: "typed" | "formula"; wrong?: Record<number, number> };
  ratio?: boolean;
  hiddenDecoy?: boolean;
  footer?: Array<"tongcong" | "binhquan" | "ghichu" | "signature">;
  /** "Cộng xã ..." after each commune's villages (COUNTIF per column), then a blank row. */
  subtotals?: boolean;
  nfd?: boolean;
  dress?: { validation?: boolean; conditional?: boolean; freeze?: boolean; print?: boolean; protect?: boolean; widths?: boolean };
  units: WideUnitSpec[];
}

export interface WideResult {
  units: UnitTruth[];
  highlights: Record<string, Mark>;
  mismatches: TotalMismatch[];
}

const GROUPS: Array<[string, number, number]> = [["Quy hoạch", 1, 1], ["Hạ tầng kinh tế - xã hội", 2, 9], ["Kinh tế và tổ chức sản xuất", 10, 13], ["Văn hóa - xã hội - môi trường", 14, 17], ["Hệ thống chính trị", 18, 19]];
const SIGNERS: Array<[string, string]> = [["Hoàng Văn Thạch", "Nông Thị Hoa"], ["Lý Thị Mai", "Triệu Văn Sinh"], ["Ma Văn Đức", "Hà Thị Lan"]];

export async function writeWide(wb: ExcelJS.Workbook, st: Styles, r: Rng, s: WideSpec): Promise<WideResult> {
  const ws = wb.addWorksheet(s.sheet);
  const n = (t: string) => (s.nfd ? t.normalize("NFD") : t);
  // Column plan.
  let c = 1;
  const sttCol = c++;
  const groupCol = s.grouping === "column" || s.grouping === "column-merged" ? c++ : undefined;
  const nameCol = c++;
  const incomeBefore = s.income && !s.income.replaces10 ? c++ : undefined;
  const critCol: number[] = [];
  let incomeCol = incomeBefore;
  for (let no = 1; no <= 19; no++) {
    if (no === 10 && s.income?.replaces10) incomeCol = c++;
    else critCol[no] = c++;
  }
  const decoyCol = s.hiddenDecoy ? c++ : undefined;
  const totalCol = s.total ? c++ : undefined;
  const ratioCol = s.ratio ? c++ : undefined;
  const noteCol = c++;
  const width = noteCol;
  const first = critCol[1]!;
  const last = Math.max(...critCol.filter(Boolean), incomeCol ?? 0);

  let row = s.title ? titleBlock(ws, st, width, s.title, s.nfd) : 1;
  // Header block.
  const top = row;
  const flat = s.header.kind === "flat";
  const rows = flat ? (s.header.kind === "flat" && s.header.heading ? 2 : 1) : s.header.kind === "merged" && s.header.groups ? 3 : 2;
  const bottom = top + rows - 1;
  const side = (cc: number, text: string) => put(ws, top, cc, n(text), st.header, [bottom, cc]);
  side(sttCol, s.sttHeader ?? "STT");
  if (groupCol) side(groupCol, s.groupHeader ?? "Xã");
  side(nameCol, s.nameHeader);
  if (incomeBefore) side(incomeBefore, s.income!.header);
  if (s.header.kind === "merged") {
    put(ws, top, first, n(s.header.heading), st.header, [top, first + 18]);
    if (s.header.groups) for (const [label, a, b] of GROUPS) put(ws, top + 1, critCol[a]!, label, st.header, [top + 1, critCol[b]!]);
    for (let no = 1; no <= 19; no++) put(ws, bottom, critCol[no]!, no, st.header);
  } else {
    const h = s.header;
    if (h.heading) put(ws, top, first, n(h.heading), st.header, [top, last]);
    for (let no = 1; no <= 19; no++) if (critCol[no]) put(ws, bottom, critCol[no]!, n(h.label(no)), st.header);
    if (s.income?.replaces10) put(ws, bottom, incomeCol!, n(s.income.header), st.header);
  }
  if (decoyCol) side(decoyCol, "Tiêu chí 10 (năm 2023)");
  if (totalCol) side(totalCol, s.total!.header);
  if (ratioCol) side(ratioCol, "Tỷ lệ đạt (%)");
  side(noteCol, "Ghi chú");
  row = bottom + 1;
  if (s.numbering) {
    for (let k = 1; k <= width; k++) put(ws, row, k, `(${k})`, st.numbering);
    row++;
  }
  const firstData = row;

  const out: WideResult = { units: [], highlights: {}, mismatches: [] };
  const mark = (rr: number, cc: number, m: Mark) => (out.highlights[`${s.sheet}!${addr(rr, cc)}`] = m);
  const metCounts: number[] = Array(20).fill(0);
  const totals: number[] = [];
  let group: string | undefined;
  let stt = 0;
  let roman = 0;
  const groupStart = new Map<string, number>();
  let groupFirst = row;
  let groupMet: number[] = Array(20).fill(0);
  const subtotal = () => {
    put(ws, row, nameCol, `Cộng xã ${group}`, st.total);
    for (let no = 1; no <= 19; no++) {
      const cc = critCol[no];
      if (cc) put(ws, row, cc, { formula: `COUNTIF(${col(cc)}${groupFirst}:${col(cc)}${row - 1},"Đạt")`, result: groupMet[no]! }, st.total);
    }
    row += 2;
  };
  for (const [i, u] of s.units.entries()) {
    if (s.subtotals && group !== undefined && u.group !== group) subtotal();
    if (u.group !== group) {
      groupMet = Array(20).fill(0);
      groupFirst = row + (s.grouping === "heading" || s.grouping === "heading-from-a" || s.grouping === "roman" ? 1 : 0);
    }
    if (u.group !== undefined && u.group !== group && (s.grouping === "heading" || s.grouping === "heading-from-a" || s.grouping === "roman")) {
      const label = n((s.groupLabel ?? ((g: string) => `Xã ${g}`))(u.group));
      if (s.grouping === "roman") {
        put(ws, row, sttCol, ["I", "II", "III", "IV", "V", "VI"][roman++]!, st.group);
        put(ws, row, nameCol, label, st.group);
        for (let k = nameCol + 1; k <= width; k++) ws.getCell(row, k).style = st.group;
        stt = 0;
      } else {
        put(ws, row, s.grouping === "heading" ? nameCol : 1, label, st.group, [row, width]);
      }
      row++;
    }
    group = u.group;
    const statuses = [...u.st];
    // Criterion 10 from the figures when the sheet carries income.
    if (u.income !== undefined) {
      statuses[9] = typeof u.income !== "number" ? "invalid" : s.income!.target === undefined ? "no_threshold" : u.income >= s.income!.target ? "met" : "not_met";
    }
    put(ws, row, sttCol, ++stt, st.mark);
    if (groupCol) {
      const g = u.group!;
      if (s.subtotals && group !== undefined) subtotal();
  if (s.grouping === "column-merged") {
        if (!groupStart.has(g)) put(ws, row, groupCol, n(g), st.text);
        else ws.getCell(row, groupCol).style = st.text;
        groupStart.set(g, groupStart.get(g) ?? row);
      } else put(ws, row, groupCol, n(g), st.text);
    }
    put(ws, row, nameCol, n(u.name), st.text);
    for (let no = 1; no <= 19; no++) {
      const cc = critCol[no];
      if (!cc) continue;
      const status = no === 10 && u.income !== undefined ? (u.claim10 ?? (statuses[9] === "met" ? "met" : "not_met")) : statuses[no - 1]!;
      const text = status === "met" ? r.pick(s.vocab.met) : status === "not_met" ? r.pick(s.vocab.notMet) : "";
      put(ws, row, cc, text === "" ? null : text, st.mark);
      if (s.dress?.validation) ws.getCell(row, cc).dataValidation = VALIDATION;
      const truthStatus = statuses[no - 1]!;
      if (truthStatus === "not_met" || truthStatus === "missing" || truthStatus === "invalid") {
        // The criterion cell: its own mark, or the mark that disagrees with the figures.
        // Criterion 10 judged by the figures: its mark is red when not met, whether it says so or disagrees.
        if (no !== 10 || u.income === undefined) mark(row, cc, truthStatus);
        else if (truthStatus === "not_met") mark(row, cc, "not_met");
      }
      if (u.note?.crit === no) ws.getCell(row, cc).note = u.note.text;
    }
    if (incomeCol && u.income !== undefined) {
      put(ws, row, incomeCol, u.income as ExcelJS.CellValue, st.number);
      const s10 = statuses[9]!;
      if (s10 === "not_met" || s10 === "invalid") mark(row, incomeCol, s10);
    }
    if (decoyCol) put(ws, row, decoyCol, r.pick(["Đạt", "Chưa đạt"]), st.mark);
    const counted = statuses.filter((x) => x === "met").length;
    statuses.forEach((x, k) => {
      if (x !== "met") return;
      metCounts[k + 1]!++;
      groupMet[k + 1]!++;
    });
    totals.push(counted);
    if (totalCol) {
      const wrong = s.total!.wrong?.[i];
      const range = `${col(first)}${row}:${col(critCol[19]!)}${row}`;
      const formula = s.vocab.tick ? `COUNTA(${range})` : `COUNTIF(${range},"Đạt")`;
      put(ws, row, totalCol, s.total!.mode === "formula" && wrong === undefined ? { formula, result: counted } : (wrong ?? counted), st.total);
      if (wrong !== undefined && wrong !== counted) out.mismatches.push({ sheet: s.sheet, cell: addr(row, totalCol), typed: wrong, counted });
    }
    if (ratioCol) put(ws, row, ratioCol, { formula: `${col(totalCol!)}${row}/19`, result: counted / 19 }, st.percent);
    ws.getCell(row, noteCol).style = st.text;
    if (u.hidden) ws.getRow(row).hidden = true;
    out.units.push(unitTruth(s.sheet, u.name, s.level, statuses, u.group));
    row++;
  }
  if (s.subtotals && group !== undefined) subtotal();
  if (s.grouping === "column-merged") {
    const ends = new Map<string, number>();
    s.units.forEach((u, k) => ends.set(u.group!, firstData + k));
    for (const [g, start] of groupStart) if (ends.get(g)! > start) ws.mergeCells(start, groupCol!, ends.get(g)!, groupCol!);
  }
  const lastData = row - 1;
  for (const f of s.footer ?? []) {
    if (f === "tongcong") {
      put(ws, row, nameCol, "Tổng cộng", st.total);
      for (let no = 1; no <= 19; no++) {
        const cc = critCol[no];
        if (!cc) continue;
        const range = `${col(cc)}${firstData}:${col(cc)}${lastData}`;
        put(ws, row, cc, { formula: s.vocab.tick ? `COUNTA(${range})` : `COUNTIF(${range},"Đạt")`, result: metCounts[no]! }, st.total);
      }
      if (totalCol) put(ws, row, totalCol, { formula: `SUM(${col(totalCol)}${firstData}:${col(totalCol)}${lastData})`, result: totals.reduce((a, b) => a + b, 0) }, st.total);
      row++;
    } else if (f === "binhquan") {
      put(ws, row, nameCol, "Bình quân chung", st.total);
      const mean = Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 10) / 10;
      if (totalCol) put(ws, row, totalCol, { formula: `AVERAGE(${col(totalCol)}${firstData}:${col(totalCol)}${lastData})`, result: mean }, { ...st.total, numFmt: "0.0" });
      row++;
    } else if (f === "ghichu") {
      row++;
      put(ws, row, 1, "Ghi chú: Số liệu do UBND các xã báo cáo, chưa thẩm định; tiêu chí 10 theo số liệu thống kê năm 2024.", { font: { name: "Times New Roman", size: 11, italic: true } }, [row, width]);
      row++;
    } else {
      row = signature(ws, st, row + 1, nameCol, critCol[14] ?? critCol[13]!, ["NGƯỜI LẬP BIỂU", "TRƯỞNG PHÒNG"], r.pick(SIGNERS)) + 1;
    }
  }
  dress(ws, s, { top, bottom, firstData, lastData, first, lastCrit: critCol[19]!, nameCol, width });
  if (s.dress?.protect) await protect(ws);
  return out;
}

const VALIDATION: ExcelJS.DataValidation = { type: "list", allowBlank: true, formulae: ['"Đạt,Chưa đạt"'], showErrorMessage: true, errorTitle: "Sai giá trị", error: "Chỉ nhập Đạt hoặc Chưa đạt" };

function dress(ws: ExcelJS.Worksheet, s: WideSpec, g: { top: number; bottom: number; firstData: number; lastData: number; first: number; lastCrit: number; nameCol: number; width: number }): void {
  const d = s.dress ?? {};
  if (d.widths ?? true) {
    ws.getColumn(1).width = 5;
    ws.getColumn(g.nameCol).width = 18;
    for (let k = g.first; k <= g.lastCrit; k++) ws.getColumn(k).width = s.vocab.tick ? 4 : 8;
    ws.getColumn(g.width).width = 14;
  }
  if (s.hiddenDecoy) ws.getColumn(g.lastCrit + 1).hidden = true;
  if (d.freeze) ws.views = [{ state: "frozen", xSplit: g.nameCol, ySplit: g.bottom, topLeftCell: addr(g.bottom + 1, g.nameCol + 1), activeCell: "A1" }];
  if (d.print) {
    ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, margins: { left: 0.4, right: 0.3, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } };
    ws.pageSetup.printTitlesRow = `${g.top}:${g.bottom}`;
    ws.headerFooter.oddFooter = "Trang &P / &N";
  }
  if (d.conditional) {
    ws.addConditionalFormatting({
      ref: `${addr(g.firstData, g.first)}:${addr(g.lastData, g.lastCrit)}`,
      rules: [{ type: "containsText", operator: "containsText", text: "Chưa", priority: 1, style: { font: { color: { argb: "FFC00000" }, bold: true } } }],
    });
  }
}

/** Protection is async in exceljs: done after the sheet is written. */
export async function protect(ws: ExcelJS.Worksheet): Promise<void> {
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: false, formatRows: false });
}
