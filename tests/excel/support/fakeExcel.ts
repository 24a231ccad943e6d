// A fake Excel workbook behind the subset of the Excel JavaScript API the add-in uses.
// No imports and no Node or DOM APIs: the same file runs under vitest (proxies made by
// office-addin-mock, so a property read before load()+sync() gives its error string) and,
// transpiled, inside the task pane in headless Chromium (plain proxies).
//
// Semantics copied from Office.js: calls queue commands, context.sync() applies them in
// order and only then are loaded properties readable; property writes take effect at sync.

export interface FakeCell {
  value?: string | number | boolean;
  /** "#RRGGBB"; undefined = no fill. */
  fill?: string;
  /** The rest of a fill (Office.js RangeFill); undefined = Solid, automatic, 0 and 0. */
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
  /** undefined = General. */
  numberFormat?: string;
  formula?: string;
  bold?: boolean;
}

/** A whole fill, for fixtures; a plain "#RRGGBB" is a solid fill. */
export interface FakeFill {
  color: string;
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

/** The RangeFill properties the fake writes, in the order a sync applies them. */
const FILL_REST = ["pattern", "patternColor", "tintAndShade", "patternTintAndShade"] as const;
const FILL_PROPS = ["color", ...FILL_REST] as const;
type FillProp = (typeof FILL_PROPS)[number];

export interface FakeSheetData {
  name: string;
  /** Values from A1 (or from `at`), rows of cells. */
  values?: unknown[][];
  at?: { row: number; col: number };
  numberFormats?: (string | null | undefined)[][];
  /** Merged areas as A1 ranges ("A3:A4"). */
  merges?: string[];
  fills?: Record<string, string | FakeFill>;
  notes?: Record<string, string>;
  protected?: boolean;
  /** Hidden columns, 0-based sheet columns. */
  hiddenColumns?: number[];
}

/** A chart on a sheet (ExcelApi 1.1 charts): what was asked of charts.add and set on it. */
export interface FakeChart {
  name: string;
  /** Excel.ChartType as given ("BarClustered", "ColumnClustered"). */
  type: string;
  /** The source range's cells ("A40:B59") and how series run ("Columns"). */
  source: string;
  seriesBy?: string;
  title?: string;
  legend?: boolean;
  /** setPosition's cells: the top-left and bottom-right ("AC6", "AJ25"). */
  position?: { start: string; end: string };
}

/** Creates the proxy objects: office-addin-mock's OfficeMockObject under Node, plain objects in the browser. */
export type ProxyFactory = (data: Record<string, unknown>) => any;

const KEY_COLS = 16384;
const key = (r: number, c: number) => r * KEY_COLS + c;

export function colLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellAddress(r: number, c: number): string {
  return colLetters(c) + String(r + 1);
}

export interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** "A1", "B2:D5", "A:A", "3:3", "Sheet!A1:B2" -> 0-based box. */
export function parseAddress(address: string): Box {
  const a = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const parts = a.replace(/\$/g, "").split(":");
  const one = (p: string) => {
    const m = /^([A-Z]*)(\d*)$/i.exec(p.trim());
    if (!m) throw new Error(`bad address ${address}`);
    let col = -1;
    if (m[1]) {
      col = 0;
      for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
      col -= 1;
    }
    const row = m[2] ? Number(m[2]) - 1 : -1;
    return { row, col };
  };
  const s = one(parts[0]!);
  const e = one(parts[1] ?? parts[0]!);
  const row = s.row < 0 ? 0 : s.row;
  const col = s.col < 0 ? 0 : s.col;
  const endRow = e.row < 0 ? 1048575 : e.row;
  const endCol = e.col < 0 ? KEY_COLS - 1 : e.col;
  return { row, col, rows: endRow - row + 1, cols: endCol - col + 1 };
}

export function boxAddress(b: Box): string {
  const s = cellAddress(b.row, b.col);
  return b.rows === 1 && b.cols === 1 ? s : `${s}:${cellAddress(b.row + b.rows - 1, b.col + b.cols - 1)}`;
}

export class FakeSheet {
  cells = new Map<number, FakeCell>();
  notes = new Map<number, string>();
  merges: Box[] = [];
  protected = false;
  hiddenColumns = new Set<number>();
  visibility = "Visible";
  /** Frozen rows and columns (freezePanes), and the page layout as set (pageLayout, ExcelApi 1.9). */
  frozen?: { rows: number; cols: number };
  pageLayout: Record<string, unknown> = {};
  /** Charts floating over the sheet (kept by clear(), as in Excel). */
  charts: FakeChart[] = [];
  constructor(public name: string) {}

  cell(r: number, c: number): FakeCell | undefined {
    return this.cells.get(key(r, c));
  }
  edit(r: number, c: number): FakeCell {
    let cell = this.cells.get(key(r, c));
    if (!cell) {
      cell = {};
      this.cells.set(key(r, c), cell);
    }
    return cell;
  }
  /**
   * A value written through the API: read the way Excel reads typed input unless the cell is
   * text ("@"): "=", "+" or "@" starts a formula (not evaluated here: its value is 0), "-" does
   * before a non-number, and a numeric string becomes a number.
   */
  enter(r: number, c: number, v: unknown): void {
    if (typeof v !== "string" || v === "" || this.cell(r, c)?.numberFormat === "@") return this.setValue(r, c, v);
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v.trim())) return this.setValue(r, c, Number(v));
    if (/^[=+@]|^-\D/.test(v)) {
      const cell = this.edit(r, c);
      cell.formula = v.startsWith("=") ? v : `=${v}`;
      cell.value = 0;
      return;
    }
    this.setValue(r, c, v);
  }
  /**
   * One RangeFill property written to a cell. Setting the colour of an unfilled cell makes a
   * plain solid fill; of a filled one it changes only the colour, or (`resets`, the way Excel's
   * Fill Color button works) makes the fill plain solid. Black pattern colour and zero tints
   * are stored as the defaults they read back as (the API cannot write "automatic").
   */
  setFill(r: number, c: number, prop: FillProp, v: unknown, resets: boolean): void {
    const cell = this.edit(r, c);
    const put = <K extends keyof FakeCell>(k: K, x: FakeCell[K] | undefined) => {
      if (x === undefined) delete cell[k];
      else cell[k] = x;
    };
    if (prop === "color") {
      if (cell.fill === undefined || resets) for (const k of FILL_REST) delete cell[k];
      cell.fill = String(v).toUpperCase();
    } else if (prop === "pattern") {
      if (v === "None") return this.clearFill(r, c);
      if (cell.fill === undefined) cell.fill = "#FFFFFF";
      put("pattern", v === "Solid" ? undefined : String(v));
    } else if (cell.fill === undefined) return;
    else if (prop === "patternColor") put("patternColor", String(v).toUpperCase() === "#000000" ? undefined : String(v).toUpperCase());
    else put(prop, Number(v) || undefined);
  }
  clearFill(r: number, c: number): void {
    const cell = this.cell(r, c);
    if (cell) for (const k of ["fill", ...FILL_REST] as const) delete cell[k];
  }
  /** A cell's fill as getCellProperties reports it: no fill has pattern None and no tint (office-js#4900). */
  readFill(r: number, c: number): Record<FillProp, unknown> {
    const cell = this.cell(r, c);
    if (cell?.fill === undefined) return { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: null, patternTintAndShade: null };
    return { color: cell.fill, pattern: cell.pattern ?? "Solid", patternColor: cell.patternColor ?? "#000000", tintAndShade: cell.tintAndShade ?? 0, patternTintAndShade: cell.patternTintAndShade ?? 0 };
  }
  setValue(r: number, c: number, v: unknown): void {
    if (v === null || v === undefined || v === "") {
      const cell = this.cells.get(key(r, c));
      if (cell) {
        delete cell.value;
        delete cell.formula;
      }
      return;
    }
    const cell = this.edit(r, c);
    const text = this.cell(r, c)?.numberFormat === "@";
    if (typeof v === "string" && v.startsWith("=") && !text) {
      cell.formula = v;
      cell.value = 0;
    } else cell.value = v as string | number | boolean;
  }
  /** Bounds of the cells holding a value, or null. */
  usedBox(valuesOnly: boolean): Box | null {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    for (const [k, cell] of this.cells) {
      const has = cell.value !== undefined || (!valuesOnly && (cell.fill !== undefined || cell.numberFormat !== undefined || cell.bold));
      if (!has) continue;
      const r = Math.floor(k / KEY_COLS), c = k % KEY_COLS;
      if (r < r0) r0 = r;
      if (c < c0) c0 = c;
      if (r > r1) r1 = r;
      if (c > c1) c1 = c;
    }
    if (r1 < 0) return null;
    return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
  clear(b: Box): void {
    for (const k of [...this.cells.keys()]) {
      const r = Math.floor(k / KEY_COLS), c = k % KEY_COLS;
      if (r >= b.row && r < b.row + b.rows && c >= b.col && c < b.col + b.cols) this.cells.delete(k);
    }
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  active = 0;
  settings = new Map<string, string>();
  selection = "";
  calculations = 0;
  /** context.sync() calls since the last reset. */
  syncCount = 0;
  /** Whether setting a fill's colour also makes it plain solid (see FakeSheet.setFill). */
  colorSetResetsFill = false;
  /** Commands applied by sync, to check the payload of a batch. */
  writeOps = 0;
  /** Commands (new proxies, method calls, property writes) in each batch sent by sync. */
  batchSizes: number[] = [];
  /**
   * Estimated request size of each batch, the way Office.js serialises it: about 120 bytes
   * per object path or action, plus the JSON of the values and texts sent.
   */
  batchBytes: number[] = [];

  constructor(sheets: FakeSheetData[] = []) {
    for (const s of sheets) this.addSheet(s);
  }

  addSheet(data: FakeSheetData): FakeSheet {
    const sheet = new FakeSheet(data.name);
    const at = data.at ?? { row: 0, col: 0 };
    // Formats first: a fixture's "=…" in a text ("@") cell is text, as a user typed it.
    (data.numberFormats ?? []).forEach((row, r) =>
      row.forEach((f, c) => {
        if (f) sheet.edit(at.row + r, at.col + c).numberFormat = f;
      }),
    );
    (data.values ?? []).forEach((row, r) => row.forEach((v, c) => sheet.setValue(at.row + r, at.col + c, v)));
    for (const m of data.merges ?? []) sheet.merges.push(parseAddress(m));
    for (const [a, fill] of Object.entries(data.fills ?? {})) {
      const b = parseAddress(a);
      const { color, ...rest } = typeof fill === "string" ? { color: fill } : fill;
      sheet.setFill(b.row, b.col, "color", color, true);
      for (const k of FILL_REST) if (rest[k as keyof typeof rest] !== undefined) sheet.setFill(b.row, b.col, k, rest[k as keyof typeof rest], false);
    }
    for (const [a, text] of Object.entries(data.notes ?? {})) {
      const b = parseAddress(a);
      sheet.notes.set(key(b.row, b.col), text);
    }
    sheet.protected = data.protected ?? false;
    for (const c of data.hiddenColumns ?? []) sheet.hiddenColumns.add(c);
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** A sheet's values as rows (blank where unset), up to its last used cell. */
  sheetValues(sheet: string): unknown[][] {
    const s = this.sheet(sheet);
    const box = s?.usedBox(true);
    if (!s || !box) return [];
    return Array.from({ length: box.row + box.rows }, (_, r) => Array.from({ length: box.col + box.cols }, (_, c) => s.cell(r, c)?.value ?? ""));
  }

  value(sheet: string, address: string): unknown {
    const b = parseAddress(address);
    return this.sheet(sheet)?.cell(b.row, b.col)?.value;
  }
  fill(sheet: string, address: string): string | undefined {
    const b = parseAddress(address);
    return this.sheet(sheet)?.cell(b.row, b.col)?.fill;
  }
  note(sheet: string, address: string): string | undefined {
    const b = parseAddress(address);
    return this.sheet(sheet)?.notes.get(key(b.row, b.col));
  }

  /** A deterministic picture of the whole workbook, to compare states. */
  snapshot(): unknown {
    return this.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: [...s.cells.entries()]
        .filter(([, c]) => Object.keys(c).length > 0)
        .sort((a, b) => a[0] - b[0])
        .map(([k, c]) => [cellAddress(Math.floor(k / KEY_COLS), k % KEY_COLS), c.value, c.formula, c.fill, c.pattern, c.patternColor, c.tintAndShade, c.patternTintAndShade, c.numberFormat, c.bold]),
      notes: [...s.notes.entries()].sort((a, b) => a[0] - b[0]).map(([k, t]) => [cellAddress(Math.floor(k / KEY_COLS), k % KEY_COLS), t]),
      ...(s.charts.length ? { charts: s.charts.map((c) => ({ ...c })) } : {}),
    }));
  }
}

/** Plain proxies for the browser: every nested object gains load(), values are readable at once. */
export const plainProxy: ProxyFactory = (data) => {
  const wrap = (o: Record<string, unknown>): any => {
    for (const [k, v] of Object.entries(o)) {
      if (v && typeof v === "object" && !Array.isArray(v)) o[k] = wrap(v as Record<string, unknown>);
    }
    if (!("load" in o)) o.load = function () { return this; };
    return o;
  };
  return wrap(data);
};

const UNSET = "(not set)";
const NOT_READ = ["Error, property was not loaded", "Error, context.sync() was not called"];
const written = (v: unknown) => v !== undefined && v !== UNSET && !(typeof v === "string" && NOT_READ.includes(v));

type Event = { seq: number; apply: () => void; bytes?: number };

/**
 * The `Excel` global for one workbook: `Excel.run(cb)` hands `cb` a request context whose
 * proxies read from and write to `book`.
 */
export function createFakeExcel(book: FakeWorkbook, makeProxy: ProxyFactory, options: { notes?: boolean } = {}): any {
  const supportsNotes = options.notes !== false;

  function makeContext() {
    let seq = 0;
    const ops: Event[] = [];
    const harvesters: Array<{ seq: number; harvest: () => Event[] }> = [];
    const afterSync: Array<() => void> = [];
    const proxies: any[] = [];
    let proxiesSynced = 0;
    const op = (apply: () => void, bytes = 0) => ops.push({ seq: seq++, apply, bytes });
    const track = (p: any, isNull = false) => {
      // Readable after sync without load(), as in Office.js.
      p.isNullObject = isNull;
      proxies.push(p);
      return p;
    };
    /** Each range proxy's sheet and cells, for the calls that take a Range (charts.add, setPosition). */
    const rangeBoxes = new WeakMap<object, Box>();
    const sheetOf = (name: string) => {
      const s = book.sheet(name);
      if (!s) throw new Error(`ItemNotFound: worksheet ${name}`);
      return s;
    };

    function columnHidden(s: FakeSheet, box: Box): boolean {
      let hidden = 0;
      for (let c = box.col; c < box.col + box.cols; c++) if (s.hiddenColumns.has(c)) hidden++;
      // (Office.js gives null for a mix; office-addin-mock cannot hold null, and the add-in asks one column at a time.)
      return hidden > 0 && hidden === box.cols;
    }

    function rangeProxy(sheetName: string, box: Box | null): any {
      const s = sheetOf(sheetName);
      const mySeq = seq++;
      if (!box) {
        const none = { address: "", rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0, values: [], numberFormat: [], formulas: [], columnHidden: false };
        return track(makeProxy(none), true);
      }
      const values: unknown[][] = [];
      const formats: unknown[][] = [];
      const formulas: unknown[][] = [];
      const big = box.rows * box.cols > 5_000_000;
      if (!big) {
        for (let r = 0; r < box.rows; r++) {
          const vr: unknown[] = [], fr: unknown[] = [], fo: unknown[] = [];
          for (let c = 0; c < box.cols; c++) {
            const cell = s.cell(box.row + r, box.col + c);
            vr.push(cell?.value ?? "");
            fr.push(cell?.numberFormat ?? "General");
            fo.push(cell?.formula ?? cell?.value ?? "");
          }
          values.push(vr);
          formats.push(fr);
          formulas.push(fo);
        }
      }
      const first = s.cell(box.row, box.col);
      const address = `${/[^A-Za-z0-9_]/.test(sheetName) ? `'${sheetName}'` : sheetName}!${boxAddress(box)}`;
      const p = track(
        makeProxy({
          address,
          rowIndex: box.row,
          columnIndex: box.col,
          rowCount: box.rows,
          columnCount: box.cols,
          values,
          numberFormat: formats,
          formulas,
          // As Office.js: true when every column of the range is hidden.
          columnHidden: columnHidden(s, box),
          getColumn: (i: number) => rangeProxy(sheetName, { row: box.row, col: box.col + i, rows: box.rows, cols: 1 }),
          format: {
            fill: {
              // Write-only here (fills are read with getCellProperties): any value set is a write.
              ...unsetFill(),
              clear: () => op(() => forBox(s, box, (r, c) => s.clearFill(r, c))),
            },
            font: { bold: UNSET },
            autofitColumns: () => op(() => undefined),
          },
          clear: () => op(() => { s.clear(box); }),
          getAbsoluteResizedRange: (rows: number, cols: number) => rangeProxy(sheetName, { row: box.row, col: box.col, rows, cols }),
          select: () => op(() => { book.selection = `${sheetName}!${boxAddress(box)}`; book.active = book.sheets.indexOf(s); }),
          getMergedAreasOrNullObject: () => {
            const inside = s.merges.filter((m) => m.row >= box.row && m.col >= box.col && m.row < box.row + box.rows && m.col < box.col + box.cols);
            return track(makeProxy({ address: inside.map((m) => `${sheetName}!${boxAddress(m)}`).join(","), areaCount: inside.length }), inside.length === 0);
          },
          getCellProperties: (opts: any) => {
            const result: { value: unknown } = { value: undefined };
            afterSync.push(() => {
              const rows: unknown[][] = [];
              for (let r = 0; r < box.rows; r++) {
                const row: unknown[] = [];
                for (let c = 0; c < box.cols; c++) {
                  const fill = s.readFill(box.row + r, box.col + c);
                  const f: Record<string, unknown> = {};
                  for (const k of FILL_PROPS) if (opts?.format?.fill?.[k]) f[k] = fill[k];
                  row.push({ format: { fill: f } });
                }
                rows.push(row);
              }
              result.value = rows;
            });
            return result;
          },
        }),
      );
      rangeBoxes.set(p, box);
      let appliedValues: unknown = values;
      const appliedFill: Record<string, unknown> = {};
      let appliedBold: unknown = UNSET;
      let appliedFormat: unknown = formats;
      harvesters.push({
        seq: mySeq,
        harvest: () => {
          const out: Event[] = [];
          const nf = p.numberFormat;
          if (Array.isArray(nf) && nf !== appliedFormat) {
            appliedFormat = nf;
            out.push({ seq: mySeq, apply: () => writeBlock(s, box, nf, (cell, x) => { if (x === "General") delete s.edit(cell.r, cell.c).numberFormat; else s.edit(cell.r, cell.c).numberFormat = String(x); }), bytes: JSON.stringify(nf).length });
          }
          const v = p.values;
          if (Array.isArray(v) && v !== appliedValues) {
            appliedValues = v;
            out.push({ seq: mySeq, apply: () => writeBlock(s, box, v, (cell, x) => s.enter(cell.r, cell.c, x)), bytes: JSON.stringify(v).length });
          }
          out.push(...fillWrites(p.format.fill, appliedFill, mySeq, 0, (prop, x) => forBox(s, box, (r, c) => s.setFill(r, c, prop, x, book.colorSetResetsFill))));
          const bold = p.format.font.bold;
          if (typeof bold === "boolean" && bold !== appliedBold) {
            appliedBold = bold;
            out.push({ seq: mySeq, apply: () => forBox(s, box, (r, c) => { s.edit(r, c).bold = bold || undefined; }) });
          }
          return out;
        },
      });
      return p;
    }

    function unsetFill(): Record<FillProp, unknown> {
      return { color: UNSET, pattern: UNSET, patternColor: UNSET, tintAndShade: UNSET, patternTintAndShade: UNSET };
    }
    /** The fill properties set on a proxy since the last sync, as writes in FILL_PROPS order. */
    function fillWrites(fill: Record<string, unknown>, applied: Record<string, unknown>, seqNo: number, bytes: number, write: (prop: FillProp, x: unknown) => void): Event[] {
      const out: Event[] = [];
      for (const k of FILL_PROPS) {
        const x = fill[k];
        if (!written(x) || x === applied[k]) continue;
        applied[k] = x;
        out.push({ seq: seqNo, apply: () => write(k, x), bytes });
      }
      return out;
    }
    function forBox(s: FakeSheet, b: Box, f: (r: number, c: number) => void) {
      for (let r = b.row; r < b.row + b.rows; r++) for (let c = b.col; c < b.col + b.cols; c++) f(r, c);
    }
    function writeBlock(s: FakeSheet, b: Box, v: unknown[][], set: (cell: { r: number; c: number }, x: unknown) => void) {
      if (v.length !== b.rows || v.some((row) => !Array.isArray(row) || row.length !== b.cols)) {
        throw new Error(`InvalidArgument: ${b.rows}x${b.cols} range given ${v.length}x${(v[0] as unknown[] | undefined)?.length ?? 0} values`);
      }
      if (s.protected) throw new Error(`AccessDenied: sheet ${s.name} is protected`);
      for (let r = 0; r < b.rows; r++) for (let c = 0; c < b.cols; c++) set({ r: b.row + r, c: b.col + c }, v[r]![c]);
    }

    /** RangeAreas from "A1,B3:B5,...": fill writes and clears over every area. */
    function areasProxy(sheetName: string, address: string): any {
      const s = sheetOf(sheetName);
      const boxes = address.split(",").map((a) => parseAddress(a));
      const mySeq = seq++;
      const p = track(
        makeProxy({
          address,
          areaCount: boxes.length,
          format: {
            fill: { ...unsetFill(), clear: () => op(() => boxes.forEach((b) => forBox(s, b, (r, c) => s.clearFill(r, c))), address.length) },
          },
        }),
      );
      const applied: Record<string, unknown> = {};
      harvesters.push({
        seq: mySeq,
        harvest: () => fillWrites(p.format.fill, applied, mySeq, address.length, (prop, x) => boxes.forEach((b) => forBox(s, b, (r, c) => s.setFill(r, c, prop, x, book.colorSetResetsFill)))),
      });
      return p;
    }

    function noteProxy(sheetName: string, address: string): any {
      const s = sheetOf(sheetName);
      const b = parseAddress(address);
      const text = s.notes.get(key(b.row, b.col));
      const p = track(
        makeProxy({
          content: text ?? "",
          delete: () => op(() => s.notes.delete(key(b.row, b.col))),
        }),
        text === undefined,
      );
      const mySeq = seq++;
      let applied: unknown = text ?? "";
      harvesters.push({
        seq: mySeq,
        harvest: () => {
          const c = p.content;
          if (!written(c) || c === applied) return [];
          applied = c;
          return [{ seq: mySeq, apply: () => s.notes.set(key(b.row, b.col), String(c)), bytes: String(c).length }];
        },
      });
      return p;
    }

    /** pageLayout: properties written (on whatever object the proxy holds) are applied at sync; setPrintTitleRows is a command. */
    function layoutProxy(s: FakeSheet): any {
      return { headersFooters: { defaultForAllPages: {} }, setPrintTitleRows: (rows: string) => op(() => { s.pageLayout.printTitleRows = rows; }) };
    }
    function harvestLayout(s: FakeSheet, layout: () => any): void {
      const mySeq = seq++;
      harvesters.push({
        seq: mySeq,
        harvest: () => {
          const p = layout() ?? {};
          const out: Event[] = [];
          const set = (k: string, v: unknown) => {
            if (v !== undefined && JSON.stringify(v) !== JSON.stringify(s.pageLayout[k])) out.push({ seq: mySeq, apply: () => { s.pageLayout[k] = v; } });
          };
          for (const k of ["orientation", "paperSize", "zoom"]) set(k, p[k]);
          for (const [k, v] of Object.entries(p.headersFooters?.defaultForAllPages ?? {})) set(k, v);
          return out;
        },
      });
    }

    /** A cell given as "A1" or as a range proxy: its address. */
    const cellOf = (r: unknown) => (typeof r === "string" ? r : boxAddress(rangeBoxes.get(r as object) ?? { row: 0, col: 0, rows: 1, cols: 1 }));

    /** A chart: name, title text and legend visibility written at sync; setPosition and delete are commands. */
    function chartProxy(s: FakeSheet, chart: FakeChart): any {
      const mySeq = seq++;
      const p = track(
        makeProxy({
          name: chart.name,
          title: { text: chart.title ?? "" },
          legend: { visible: chart.legend ?? true },
          setPosition: (start: unknown, end?: unknown) => op(() => { chart.position = { start: cellOf(start), end: cellOf(end ?? start) }; }),
          delete: () => op(() => { s.charts = s.charts.filter((c) => c !== chart); }),
        }),
      );
      const applied: Record<string, unknown> = { name: chart.name, title: chart.title ?? "", legend: chart.legend ?? true };
      harvesters.push({
        seq: mySeq,
        harvest: () => {
          const out: Event[] = [];
          const set = (k: string, v: unknown, apply: () => void) => {
            if (written(v) && v !== applied[k]) {
              applied[k] = v;
              out.push({ seq: mySeq, apply, bytes: String(v).length });
            }
          };
          set("name", p.name, () => { chart.name = String(p.name); });
          set("title", p.title.text, () => { chart.title = String(p.title.text); });
          set("legend", p.legend.visible, () => { chart.legend = p.legend.visible === true; });
          return out;
        },
      });
      return p;
    }

    /** worksheet.charts (a plain object, like worksheets): add, getItemOrNullObject, load("items/name") then items. */
    function chartsProxy(s: FakeSheet | null): any {
      const charts: any = {
        items: [] as unknown[],
        add: (type: string, source: unknown, seriesBy?: string) => {
          if (!s) throw new Error("InvalidObjectPath: charts of a null worksheet");
          const box = rangeBoxes.get(source as object);
          if (!box) throw new Error("InvalidArgument: charts.add needs a range");
          const chart: FakeChart = { name: `Chart ${s.charts.length + 1}`, type, source: boxAddress(box), ...(seriesBy ? { seriesBy } : {}) };
          op(() => { s.charts.push(chart); }, 60);
          return chartProxy(s, chart);
        },
        getItemOrNullObject: (name: string) => {
          const found = s?.charts.find((c) => c.name === name);
          return found ? chartProxy(s!, found) : track(makeProxy({ name: "", title: { text: "" }, legend: { visible: false } }), true);
        },
        load: (_props?: unknown) => {
          // As read when queued: each chart's name readable after the sync.
          const items = (s?.charts ?? []).map((c) => chartProxy(s!, c).load("name"));
          afterSync.push(() => { charts.items = items; });
          return charts;
        },
      };
      return charts;
    }

    function sheetProxy(name: string | null, nullObject = false): any {
      if (nullObject || name === null) {
        const none = track(makeProxy({ name: "", visibility: "Visible", protection: { protected: false } }), true);
        none.charts = chartsProxy(null);
        return none;
      }
      const s = sheetOf(name);
      const mySeq = seq++;
      const p = track(
        makeProxy({
          name: s.name,
          visibility: s.visibility,
          protection: { protected: s.protected },
          getUsedRangeOrNullObject: (valuesOnly?: boolean) => rangeProxy(s.name, s.usedBox(valuesOnly === true)),
          getUsedRange: (valuesOnly?: boolean) => rangeProxy(s.name, s.usedBox(valuesOnly === true) ?? { row: 0, col: 0, rows: 1, cols: 1 }),
          getRange: (address?: string) => rangeProxy(s.name, address ? parseAddress(address) : { row: 0, col: 0, rows: 1048576, cols: KEY_COLS }),
          getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => rangeProxy(s.name, { row, col, rows, cols }),
          getRanges: (address: string) => areasProxy(s.name, address),
          activate: () => op(() => { book.active = book.sheets.indexOf(s); }),
          freezePanes: {
            unfreeze: () => op(() => { delete s.frozen; }),
            freezeAt: (r: string | { address: string }) => {
              const b = parseAddress(String(typeof r === "string" ? r : r.address).replace(/^.*!/, ""));
              op(() => { s.frozen = { rows: b.row + b.rows, cols: b.col + b.cols }; });
            },
          },
          pageLayout: layoutProxy(s),
          notes: supportsNotes
            ? {
                getItemOrNullObject: (address: string) => noteProxy(s.name, address),
                getItem: (address: string) => noteProxy(s.name, address),
                add: (address: string, content: string) => {
                  const b = parseAddress(address);
                  op(() => {
                    if (s.notes.has(key(b.row, b.col))) throw new Error(`InvalidArgument: ${address} already has a note`);
                    s.notes.set(key(b.row, b.col), String(content));
                  }, String(content).length + address.length);
                },
              }
            : undefined,
        }),
      );
      p.charts = chartsProxy(s);
      harvestLayout(s, () => p.pageLayout);
      let applied: unknown = s.visibility;
      harvesters.push({
        seq: mySeq,
        harvest: () => {
          const v = p.visibility;
          if (!written(v) || v === applied) return [];
          applied = v;
          return [{ seq: mySeq, apply: () => { s.visibility = String(v); } }];
        },
      });
      return p;
    }

    const worksheets = {
      getActiveWorksheet: () => sheetProxy(book.sheets[book.active]?.name ?? null),
      getItem: (name: string) => sheetProxy(name),
      getItemOrNullObject: (name: string) => sheetProxy(book.sheet(name) ? name : null, !book.sheet(name)),
      add: (name: string) => {
        // Added at once (Office.js queues it): later commands of the same batch can use it.
        if (book.sheet(name)) throw new Error(`ItemAlreadyExists: ${name}`);
        book.addSheet({ name });
        return sheetProxy(name);
      },
      items: [] as unknown[],
      load: (_props?: unknown) => {
        afterSync.push(() => {
          worksheets.items = book.sheets.map((s) => ({ name: s.name, visibility: s.visibility }));
        });
        return worksheets;
      },
    };

    const settings = {
      getItemOrNullObject: (k: string) => {
        const v = book.settings.get(k);
        return track(makeProxy({ key: k, value: v ?? "" }), v === undefined);
      },
      add: (k: string, value: unknown) => op(() => { book.settings.set(k, typeof value === "string" ? value : JSON.stringify(value)); }),
    };

    const context: any = {
      workbook: {
        worksheets,
        settings,
        application: { calculate: (_type: string) => op(() => { book.calculations++; }) },
        getSelectedRange: () => rangeProxy(book.sheets[book.active]!.name, book.selection ? parseAddress(book.selection) : { row: 0, col: 0, rows: 1, cols: 1 }),
      },
      sync: async () => {
        book.syncCount++;
        const created = proxies.length - proxiesSynced;
        // Commands and property writes in the order they were queued.
        const events: Event[] = [...ops.splice(0)];
        for (const h of harvesters) events.push(...h.harvest());
        events.sort((a, b) => a.seq - b.seq);
        for (const e of events) {
          book.writeOps++;
          e.apply();
        }
        book.batchSizes.push(created + events.length);
        book.batchBytes.push(120 * (created + events.length) + events.reduce((n, e) => n + (e.bytes ?? 0), 0));
        for (const p of proxies.slice(proxiesSynced)) if (typeof p.sync === "function") await p.sync();
        proxiesSynced = proxies.length;
        for (const f of afterSync.splice(0)) f();
        await new Promise((r) => setTimeout(r, 0));
      },
    };
    return context;
  }

  return {
    run: async (cb: (context: any) => Promise<unknown>) => cb(makeContext()),
    CalculationType: { full: "Full", recalculate: "Recalculate" },
    SheetVisibility: { veryHidden: "VeryHidden", hidden: "Hidden", visible: "Visible" },
  };
}
