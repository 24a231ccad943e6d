// Shared pieces of the corpus generator: a seeded PRNG, made-up names, the style objects
// offices' files carry (one object shared by a whole block, as Excel writes them), title and
// signature blocks.
import ExcelJS from "exceljs";

export const FIXED_DATE = new Date("2024-11-15T00:00:00Z");

/** mulberry32: a small deterministic PRNG. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

export const COMMUNES = ["Đôn Phong", "Vũ Muộn", "Bằng Lãng", "Đông Viên", "Nam Cường", "Quảng Bạch", "Xuân Lạc", "Bản Thi", "Yên Thịnh", "Ngọc Phái", "Phương Viên", "Bình Trung", "Nghĩa Tá", "Lương Bằng", "Đồng Lạc", "Cao Kỳ", "Thanh Vân", "Nậm Tăm", "Bản Hon", "Mường Kim"];
export const VILLAGES = [
  "Bản Vén", "Đông Bun", "Khuổi Hát", "Nà Pài", "Bản Đán", "Nà Lẹng", "Khuổi Mật", "Bản Chàn", "Bản Lanh", "Nà Đon",
  "Pác Châm", "Khuổi Dạ", "Nà Làng", "Phiêng Phung", "Bản Cuôn", "Khau Đa", "Nà Cà", "Cốc Pục", "Pù Mắt", "Nà Bản",
  "Bản Mới", "Nà Mòn", "Khuổi Tục", "Phja Đăm", "Nặm Nộc", "Lủng Pjầu", "Bản Pjạc", "Cốc Héc", "Nà Hin", "Bó Lếch",
  "Khuổi Kẹn", "Bản Tặc", "Nà Ngò", "Pác Nặm", "Nà Khon", "Bản Lồm", "Nà Quân", "Khau Cưởm", "Bản Khắt", "Bản Slam",
];

export function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Phòng Nông nghiệp và PTNT";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

/** Column letters of a 1-based column. */
export function col(c: number): string {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
export const addr = (row: number, c: number) => `${col(c)}${row}`;

const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const allThin: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** One style object per kind and workbook, assigned by reference to every cell of a block. */
export function styles(font = "Times New Roman") {
  return {
    org: { font: { name: font, size: 12, bold: true }, alignment: { horizontal: "center", vertical: "middle" } } as Partial<ExcelJS.Style>,
    motto: { font: { name: font, size: 12, bold: true, underline: true }, alignment: { horizontal: "center" } } as Partial<ExcelJS.Style>,
    italic: { font: { name: font, size: 12, italic: true }, alignment: { horizontal: "center" } } as Partial<ExcelJS.Style>,
    title: { font: { name: font, size: 14, bold: true }, alignment: { horizontal: "center", vertical: "middle", wrapText: true } } as Partial<ExcelJS.Style>,
    header: { font: { name: font, size: 11, bold: true }, alignment: { horizontal: "center", vertical: "middle", wrapText: true }, border: allThin, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } } } as Partial<ExcelJS.Style>,
    numbering: { font: { name: font, size: 10, italic: true }, alignment: { horizontal: "center" }, border: allThin } as Partial<ExcelJS.Style>,
    text: { font: { name: font, size: 12 }, alignment: { vertical: "middle" }, border: allThin } as Partial<ExcelJS.Style>,
    mark: { font: { name: font, size: 12 }, alignment: { horizontal: "center", vertical: "middle" }, border: allThin } as Partial<ExcelJS.Style>,
    number: { font: { name: font, size: 12 }, alignment: { horizontal: "right" }, border: allThin, numFmt: "0.0" } as Partial<ExcelJS.Style>,
    percent: { font: { name: font, size: 12 }, alignment: { horizontal: "right" }, border: allThin, numFmt: "0%" } as Partial<ExcelJS.Style>,
    group: { font: { name: font, size: 12, bold: true, italic: true }, border: allThin, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } } } as Partial<ExcelJS.Style>,
    total: { font: { name: font, size: 12, bold: true }, alignment: { horizontal: "center" }, border: allThin } as Partial<ExcelJS.Style>,
    plain: { font: { name: font, size: 12 } } as Partial<ExcelJS.Style>,
    sign: { font: { name: font, size: 12, bold: true }, alignment: { horizontal: "center" } } as Partial<ExcelJS.Style>,
  };
}
export type Styles = ReturnType<typeof styles>;

/** Writes a value with a (shared) style; merges when a range is given. */
export function put(ws: ExcelJS.Worksheet, row: number, c: number, value: ExcelJS.CellValue, style?: Partial<ExcelJS.Style>, mergeTo?: [number, number]): void {
  const cell = ws.getCell(row, c);
  cell.value = value;
  if (style) cell.style = style;
  if (mergeTo && (mergeTo[0] !== row || mergeTo[1] !== c)) ws.mergeCells(row, c, mergeTo[0], mergeTo[1]);
}

export interface TitleBlock {
  org: [string, string?];
  number?: string;
  place: string;
  title: string[];
}

/**
 * The block above a report: organisation and number on the left, the national motto on the right,
 * the title merged across the table. Returns the next free row.
 */
export function titleBlock(ws: ExcelJS.Worksheet, st: Styles, width: number, t: TitleBlock, nfd = false): number {
  const n = (s: string) => (nfd ? s.normalize("NFD") : s);
  const left = Math.max(3, Math.floor(width / 3));
  const right = Math.max(left + 2, width - Math.max(6, Math.floor(width / 2)) + 1);
  put(ws, 1, 1, n(t.org[0]), st.org, [1, left]);
  if (t.org[1]) put(ws, 2, 1, n(t.org[1]), st.motto, [2, left]);
  put(ws, 1, right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st.org, [1, width]);
  put(ws, 2, right, "Độc lập - Tự do - Hạnh phúc", st.motto, [2, width]);
  if (t.number) put(ws, 3, 1, t.number, st.italic, [3, left]);
  put(ws, 3, right, n(t.place), st.italic, [3, width]);
  let row = 5;
  for (const line of t.title) {
    put(ws, row, 1, n(line), st.title, [row, width]);
    ws.getRow(row).height = 24;
    row++;
  }
  return row + 1;
}

/** "NGƯỜI LẬP BIỂU ... TRƯỞNG PHÒNG", the signature note and the names, from `row`. */
export function signature(ws: ExcelJS.Worksheet, st: Styles, row: number, leftCol: number, rightCol: number, roles: [string, string], names: [string, string]): number {
  put(ws, row, leftCol, roles[0], st.sign);
  put(ws, row, rightCol, roles[1], st.sign);
  put(ws, row + 1, leftCol, "(Ký, ghi rõ họ tên)", st.italic);
  put(ws, row + 1, rightCol, "(Ký tên, đóng dấu)", st.italic);
  put(ws, row + 5, leftCol, names[0], st.sign);
  put(ws, row + 5, rightCol, names[1], st.sign);
  return row + 6;
}

/** How a sheet writes its marks: several spellings per meaning, as typed by different communes. */
export interface MarkVocab {
  met: readonly string[];
  notMet: readonly string[];
  /** Tick block: met is a tick, not met is a blank cell; a blank never means missing here. */
  tick?: boolean;
}
export const VOCAB = {
  datChuaDat: { met: ["Đạt"], notMet: ["Chưa đạt"] },
  short: { met: ["Đ"], notMet: ["CĐ"] },
  mixed: { met: ["Đạt", "ĐẠT", " đạt ", "đạt"], notMet: ["Chưa đạt", "K.Đ", "chưa", "Không đạt", "Chưa đạt "] },
  khongDat: { met: ["Đạt"], notMet: ["Không đạt"] },
  tick: { met: ["x", "X", "x", "✓", "v"], notMet: [""], tick: true },
} satisfies Record<string, MarkVocab>;

/** Mulls 19 statuses for one unit: mostly met, a few of the usual hard criteria not met. */
export function villageStatuses(r: Rng, opts: { missingRate?: number; maxUnmet?: number } = {}): Array<"met" | "not_met" | "missing"> {
  const hard = [10, 11, 13, 12, 17, 2, 6, 9, 15, 5, 14];
  const st: Array<"met" | "not_met" | "missing"> = Array.from({ length: 19 }, () => "met");
  const unmet = r.int(0, opts.maxUnmet ?? 4);
  for (let k = 0; k < unmet; k++) st[r.pick(hard) - 1] = "not_met";
  if (opts.missingRate && r.chance(opts.missingRate)) st[r.int(1, 19) - 1] = "missing";
  return st;
}
