// The long layout (a commune's assessment form): one row per criterion or indicator.
import type { CriteriaSet } from "../catalog/schema.js";
import { foldVietnamese } from "../text/fold.js";
import { cellAt, type SheetGrid } from "./grid.js";
import type { HeaderBlock } from "./headerBlock.js";
import type { ColumnRole, LongMapping, LongRow } from "./detect.js";
import { isBlank, titleCase } from "./cellText.js";

const ROMAN = /^(i|ii|iii|iv|v|vi|vii|viii|ix|x)\.?$/;

export function mapLong(
  grid: SheetGrid,
  set: CriteriaSet,
  block: HeaderBlock,
  columns: Array<{ col: number; header: string; role: ColumnRole }>,
  ownedCols: Record<string, number>,
): LongMapping | undefined {
  const find = (role: ColumnRole["role"]) => columns.find((c) => c.role.role === role);
  const value = find("value");
  const codeCol = (find("stt") ?? find("content"))?.col;
  if (!value || codeCol === undefined) return undefined;
  const contentCol = columns.find((c) => c.role.role === "content" && c.col !== codeCol)?.col;
  const targetCols = columns.flatMap((c) => (c.role.role === "target" ? [c.role.region ? { col: c.col, region: c.role.region, header: c.header } : { col: c.col, header: c.header }] : []));
  const assessment = find("assessment");
  const rows: LongRow[] = [];
  let criterion: number | undefined;
  let lastCode: string | undefined;
  for (let r = block.bottom + 1; r < grid.values.length; r++) {
    const code = readCode(cellAt(grid, r, codeCol), contentCol === undefined ? undefined : cellAt(grid, r, contentCol), criterion, lastCode);
    if (!code) continue;
    const no = Number(code.split(".")[0]);
    if (!Number.isInteger(no) || no < 1 || no > 99) continue;
    const c = set.criteria.find((x) => x.no === no);
    const criterionRow = !code.includes(".") && !(c && c.indicators.some((i) => i.code === code)) && !(set.criteria.length > 0 && !c);
    rows.push({ row: r, code, criterionRow: criterionRow || (!code.includes(".") && !c && isBlank(cellAt(grid, r, value.col))) });
    criterion = no;
    lastCode = code;
  }
  const mapping: LongMapping = {
    layout: "long",
    sheet: grid.name,
    unitName: unitNameFromTitle(grid, block.top) ?? grid.name,
    headerRows: block,
    codeCol,
    valueCol: value.col,
    targetCols,
    ownedCols,
    rows,
  };
  if (contentCol !== undefined) mapping.contentCol = contentCol;
  if (assessment) mapping.assessmentCol = assessment.col;
  return mapping;
}

/** "10", "10.1", 17.1 typed as a number, "a)" under criterion 17, or "Chỉ tiêu 17.2 ..." in the content cell. */
function readCode(stt: unknown, content: unknown, criterion: number | undefined, lastCode: string | undefined): string | undefined {
  if (typeof stt === "number" && Number.isFinite(stt) && stt > 0) {
    if (Number.isInteger(stt)) return String(stt);
    let s = String(stt);
    // 17.10 typed into a number cell reads 17.1: after 17.9 it can only mean 17.10.
    const [head, frac] = s.split(".") as [string, string];
    const prev = lastCode?.split(".");
    if (prev && prev[0] === head && prev[1] && frac.length === 1 && Number(prev[1]) >= 9 && Number(frac) === 1) s = `${head}.10`;
    return s;
  }
  const text = stt === null || stt === undefined ? "" : String(stt).trim();
  const f = foldVietnamese(text).replace(/\.$/, "");
  if (/^\d{1,2}(\.\d{1,2})?$/.test(f)) return f;
  const tc = /^(?:tieu chi|tc)\s*(?:so\s*)?(\d{1,2})$/.exec(f);
  if (tc) return tc[1];
  if (/^[a-h]\)?$/.test(f) && criterion !== undefined && !ROMAN.test(f)) {
    const index = f.charCodeAt(0) - 96;
    return `${criterion}.${index}`;
  }
  if (f === "" && typeof content === "string") {
    const m = /^(?:chi tieu\s*(?:so\s*)?)?(\d{1,2}\.\d{1,2})[.:\s]/.exec(foldVietnamese(content) + " ");
    if (m) return m[1];
  }
  return undefined;
}

/** "BIỂU TỰ ĐÁNH GIÁ ... XÃ THANH VÂN, HUYỆN ..." -> "Xã Thanh Vân"; "UBND XÃ THANH VÂN" likewise. */
export function unitNameFromTitle(grid: SheetGrid, before: number, communesOnly = false): string | undefined {
  // A title names the commune after "của xã" or "xã" — prefer the title row over the agency line.
  let fallback: string | undefined;
  for (let r = 0; r < before; r++) {
    for (const v of grid.values[r] ?? []) {
      if (typeof v !== "string") continue;
      const text = v.normalize("NFC");
      // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" holds the word "xã" but names no commune.
      if (/xã hội chủ nghĩa/iu.test(text)) continue;
      // "... XÃ NÔNG THÔN MỚI NĂM 2024 XÃ ĐÔN PHONG": each "xã" starts a candidate that ends at the next keyword.
      for (const m of text.matchAll(/(?<=^|\s)(xã|phường|thị trấn|thôn|bản)\s+/giu)) {
        const rest = text.slice(m.index! + m[0].length);
        const name = (/^([^\n,;:()]+?)(?=\s+(?:xã|phường|huyện|tỉnh|thành phố|thị xã|năm|giai đoạn)(?:\s|$)|[\n,;:()]|$)/iu.exec(rest)?.[1] ?? "").trim();
        if (!name || /^(nông thôn|ntm|đạt chuẩn|nâng cao|kiểu mẫu|mới)(\s|$)/iu.test(name)) continue;
        if (communesOnly && !/^(xã|phường|thị trấn)$/iu.test(m[1]!)) continue;
        const titled = name === name.toUpperCase() ? titleCase(name) : name;
        const kind = m[1]!.toLowerCase();
        const found = `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${titled}`;
        if (/^(ubnd|ủy ban|uỷ ban)/iu.test(text.trim())) fallback ??= found;
        else return found;
      }
    }
  }
  return fallback;
}
