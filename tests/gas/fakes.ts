/// <reference types="google-apps-script" />
// Hand-written fakes of the Apps Script services the add-on uses, typed against
// @types/google-apps-script through the narrow interfaces in apps-script/src/host.ts
// (themselves Picks of the real types). Every call is logged so tests can count them.
import { parseA1Range, type CellRange, type SheetGrid } from "../../shared/index.js";
import type { ChartBuilderApi, ChartsApi, EmbeddedChartApi, HtmlOutputApi, HtmlServiceApi, MenuApi, RangeApi, RangeListApi, SheetApi, SpreadsheetApi, SpreadsheetAppApi, UiApi } from "../../apps-script/src/host.js";
import type { Props } from "../../apps-script/src/store.js";

/** What Sheets returns for a cell with no fill and for the automatic number format. */
export const NO_FILL = "#ffffff";
export const AUTO_FORMAT = "0.###############";

export type CallLog = string[];

function letters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function a1(top: number, left: number, bottom: number, right: number): string {
  const first = `${letters(left)}${top + 1}`;
  return top === bottom && left === right ? first : `${first}:${letters(right)}${bottom + 1}`;
}

const blank = (v: unknown) => v === undefined || v === null || v === "";

/** What a formula cell shows here: the fake does not evaluate formulas. */
export const FORMULA_VALUE = "#ERROR!";

export class FakeSheet implements SheetApi {
  values: unknown[][] = [];
  /** Formulas entered through setValues (a string starting with "=" into a cell not formatted as text). */
  formulas: Array<Array<string | undefined>> = [];
  backgrounds: Array<Array<string | undefined>> = [];
  notes: Array<Array<string | undefined>> = [];
  formats: Array<Array<string | undefined>> = [];
  merges: CellRange[] = [];
  protections: Array<{ canEdit(): boolean }> = [];
  /** Hidden columns, 0-based. */
  hiddenColumns = new Set<number>();
  frozenRows = 0;
  frozenColumns = 0;
  /** Embedded charts, in insertion order (kept by clear(), as in Sheets). */
  charts: FakeChart[] = [];
  constructor(
    public name: string,
    readonly log: CallLog,
    readonly book?: FakeSpreadsheet,
  ) {}

  static fromGrid(grid: SheetGrid, log: CallLog, book?: FakeSpreadsheet): FakeSheet {
    const s = new FakeSheet(grid.name, log, book);
    s.values = grid.values.map((r) => r.map((v) => (v === null || v === undefined ? "" : v)));
    s.merges = [...(grid.merges ?? [])];
    s.formats = (grid.numberFormats ?? []).map((r) => r.map((f) => f ?? undefined));
    s.backgrounds = (grid.fills ?? []).map((r) => r.map((f) => (f ? f.toLowerCase() : undefined)));
    s.notes = (grid.notes ?? []).map((r) => r.map((n) => n ?? undefined));
    for (const c of grid.hiddenColumns ?? []) s.hiddenColumns.add(c);
    return s;
  }

  private call(name: string) {
    this.log.push(`Sheet.${name}`);
  }
  getName(): string {
    this.call("getName");
    return this.name;
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    this.call("isColumnHiddenByUser");
    return this.hiddenColumns.has(columnPosition - 1);
  }
  getLastRow(): number {
    this.call("getLastRow");
    for (let r = this.values.length - 1; r >= 0; r--) if ((this.values[r] ?? []).some((v) => !blank(v))) return r + 1;
    return 0;
  }
  getLastColumn(): number {
    this.call("getLastColumn");
    let last = 0;
    for (const row of this.values) for (let c = row.length - 1; c >= last; c--) if (!blank(row[c])) last = c + 1;
    return last;
  }
  getRange(row: number, column: number, numRows: number, numColumns: number): FakeRange {
    this.call("getRange");
    if (!(row >= 1 && column >= 1 && numRows >= 1 && numColumns >= 1)) throw new Error(`Exception: The coordinates or dimensions of the range are invalid (${row}, ${column}, ${numRows}, ${numColumns}).`);
    return new FakeRange(this, row - 1, column - 1, numRows, numColumns);
  }
  getRangeList(a1Notations: string[]): FakeRangeList {
    this.call("getRangeList");
    return new FakeRangeList(
      this,
      a1Notations.map((a) => {
        const r = parseA1Range(a);
        if (!r) throw new Error(`Exception: Range not found: ${a}`);
        return new FakeRange(this, r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
      }),
    );
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): Array<{ canEdit(): boolean }> {
    this.call("getProtections");
    return String(type) === "SHEET" ? this.protections : [];
  }
  clear(): this {
    this.call("clear");
    this.values = [];
    this.formulas = [];
    this.backgrounds = [];
    this.notes = [];
    this.formats = [];
    this.merges = [];
    return this;
  }
  setFrozenRows(rows: number): this {
    this.call("setFrozenRows");
    this.frozenRows = rows;
    return this;
  }
  hidden = false;
  hideSheet(): this {
    this.call("hideSheet");
    this.hidden = true;
    return this;
  }
  setFrozenColumns(columns: number): this {
    this.call("setFrozenColumns");
    this.frozenColumns = columns;
    return this;
  }
  /** Column widths set, in pixels, by 1-based column. */
  columnWidths: Record<number, number> = {};
  setColumnWidth(columnPosition: number, width: number): this {
    this.call("setColumnWidth");
    this.columnWidths[columnPosition] = width;
    return this;
  }
  activate(): this {
    this.call("activate");
    if (this.book) this.book.active = this;
    return this;
  }
  getCharts(): FakeChart[] {
    this.call("getCharts");
    return [...this.charts];
  }
  newChart(): FakeChartBuilder {
    this.call("newChart");
    return new FakeChartBuilder(this);
  }
  insertChart(chart: EmbeddedChartApi): void {
    this.call("insertChart");
    const c = chart as FakeChart;
    if (c.sheet !== this || this.charts.includes(c)) throw new Error("Exception: The chart cannot be inserted.");
    this.charts.push(c);
  }
  removeChart(chart: EmbeddedChartApi): void {
    this.call("removeChart");
    if (!this.charts.includes(chart as FakeChart)) throw new Error("Exception: The chart is not on this sheet.");
    this.charts = this.charts.filter((c) => c !== chart);
  }

  // Test helpers (not logged).
  cell(row: number, col: number): unknown {
    return this.values[row]?.[col] ?? "";
  }
  background(row: number, col: number): string {
    return this.backgrounds[row]?.[col] ?? NO_FILL;
  }
  note(row: number, col: number): string {
    return this.notes[row]?.[col] ?? "";
  }
  formula(row: number, col: number): string | undefined {
    return this.formulas[row]?.[col];
  }
  format(row: number, col: number): string {
    return this.formats[row]?.[col] ?? AUTO_FORMAT;
  }
  /** Everything a user sees, with "" for empty, to compare states exactly. */
  snapshot(): { values: string; backgrounds: string; notes: string } {
    const h = Math.max(this.values.length, this.backgrounds.length, this.notes.length);
    const w = Math.max(0, ...[...this.values, ...this.backgrounds, ...this.notes].map((r) => r?.length ?? 0));
    const grid = (f: (r: number, c: number) => unknown, empty: unknown) => {
      const rows: string[] = [];
      for (let r = 0; r < h; r++) {
        const line: unknown[] = [];
        for (let c = 0; c < w; c++) line.push(f(r, c));
        while (line.length && line[line.length - 1] === empty) line.pop();
        rows.push(JSON.stringify(line));
      }
      while (rows.length && rows[rows.length - 1] === "[]") rows.pop();
      return rows.join("\n");
    };
    return {
      values: grid((r, c) => {
        const f = this.formula(r, c);
        if (f !== undefined) return { formula: f };
        const v = this.cell(r, c);
        return v instanceof Date ? v.toISOString() : v;
      }, ""),
      // Raw: "no fill" and an explicit white differ here (banding shows through only the former).
      backgrounds: grid((r, c) => this.backgrounds[r]?.[c] ?? "none", "none"),
      notes: grid((r, c) => this.note(r, c), ""),
    };
  }
}

function setIn<T>(grid: Array<Array<T | undefined>>, r: number, c: number, v: T | undefined) {
  while (grid.length <= r) grid.push([]);
  grid[r]![c] = v;
}

export class FakeRange implements RangeApi {
  constructor(
    readonly sheet: FakeSheet,
    readonly top: number,
    readonly left: number,
    readonly rows: number,
    readonly cols: number,
  ) {}
  private call(name: string) {
    this.sheet.log.push(`Range.${name}`);
  }
  private map<T>(f: (r: number, c: number) => T): T[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.cols }, (_, j) => f(this.top + i, this.left + j)));
  }
  private check(v: unknown[][], what: string) {
    if (v.length !== this.rows || v.some((r) => r.length !== this.cols)) {
      throw new Error(`Exception: The number of rows or columns in the data does not match the range (${what}: ${v.length}x${v[0]?.length} for ${this.rows}x${this.cols}).`);
    }
    if (this.sheet.protections.some((p) => !p.canEdit())) throw new Error("Exception: You are trying to edit a protected cell or object.");
  }
  getValues(): any[][] {
    this.call("getValues");
    return this.map((r, c) => this.sheet.cell(r, c));
  }
  /**
   * As Sheets takes typed input, unless the cell is formatted as plain text ("@"): a string
   * starting with "=" becomes a formula (shown as FORMULA_VALUE: not evaluated here) and a
   * numeric one ("+1", "-1", "0.5") a number.
   */
  setValues(values: any[][]): this {
    this.call("setValues");
    this.check(values, "setValues");
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        const r = this.top + i;
        const c = this.left + j;
        let value: unknown = v === null ? "" : v;
        let formula: string | undefined;
        if (typeof value === "string" && value !== "" && this.sheet.formats[r]?.[c] !== "@") {
          if (value.startsWith("=")) {
            formula = value;
            value = FORMULA_VALUE;
          } else if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value.trim())) value = Number(value);
        }
        setIn(this.sheet.values, r, c, value);
        setIn(this.sheet.formulas, r, c, formula);
      }),
    );
    return this;
  }
  setNumberFormats(formats: string[][]): this {
    this.call("setNumberFormats");
    this.check(formats, "setNumberFormats");
    formats.forEach((row, i) => row.forEach((f, j) => setIn(this.sheet.formats, this.top + i, this.left + j, f)));
    return this;
  }
  /** As Sheets: the formula of each cell, "" where there is none. */
  getFormulas(): string[][] {
    this.call("getFormulas");
    return this.map((r, c) => this.sheet.formula(r, c) ?? "");
  }
  /** As Sheets: each cell gets its formula (shown as FORMULA_VALUE here); "" clears the cell. */
  setFormulas(formulas: string[][]): this {
    this.call("setFormulas");
    this.check(formulas, "setFormulas");
    formulas.forEach((row, i) =>
      row.forEach((f, j) => {
        setIn(this.sheet.values, this.top + i, this.left + j, f ? FORMULA_VALUE : "");
        setIn(this.sheet.formulas, this.top + i, this.left + j, f || undefined);
      }),
    );
    return this;
  }
  getBackgrounds(): string[][] {
    this.call("getBackgrounds");
    return this.map((r, c) => this.sheet.background(r, c));
  }
  setBackgrounds(color: Array<Array<string | null>>): this {
    this.call("setBackgrounds");
    this.check(color, "setBackgrounds");
    color.forEach((row, i) => row.forEach((v, j) => setIn(this.sheet.backgrounds, this.top + i, this.left + j, v === null ? undefined : v.toLowerCase())));
    return this;
  }
  getNotes(): string[][] {
    this.call("getNotes");
    return this.map((r, c) => this.sheet.note(r, c));
  }
  setNotes(notes: Array<Array<string | null>>): this {
    this.call("setNotes");
    this.check(notes, "setNotes");
    notes.forEach((row, i) => row.forEach((v, j) => setIn(this.sheet.notes, this.top + i, this.left + j, v === null || v === "" ? undefined : v)));
    return this;
  }
  getNumberFormats(): string[][] {
    this.call("getNumberFormats");
    return this.map((r, c) => this.sheet.formats[r]?.[c] ?? AUTO_FORMAT);
  }
  getMergedRanges(): Array<{ getA1Notation(): string }> {
    this.call("getMergedRanges");
    const bottom = this.top + this.rows - 1;
    const right = this.left + this.cols - 1;
    return this.sheet.merges
      .filter((m) => m.top <= bottom && m.bottom >= this.top && m.left <= right && m.right >= this.left)
      .map((m) => ({
        getA1Notation: () => {
          this.sheet.log.push("Range.getA1Notation");
          return a1(m.top, m.left, m.bottom, m.right);
        },
      }));
  }
  getA1Notation(): string {
    this.call("getA1Notation");
    return a1(this.top, this.left, this.top + this.rows - 1, this.left + this.cols - 1);
  }
  setFontWeight(fontWeight: string | null): this {
    this.call("setFontWeight");
    void fontWeight;
    return this;
  }
  /** As Sheets: the range's sheet becomes the active one and the range the selection ("Thôn 2024!M6"). */
  activate(): this {
    this.call("activate");
    if (this.sheet.book) {
      this.sheet.book.active = this.sheet;
      this.sheet.book.selection = `${this.sheet.name}!${this.getA1Notation()}`;
    }
    return this;
  }
}

/** An embedded chart as built: its type, data range (A1), headers, anchor cell (1-based) and options. */
export class FakeChart implements EmbeddedChartApi {
  constructor(
    readonly sheet: FakeSheet,
    readonly type: string,
    readonly ranges: string[],
    readonly numHeaders: number | undefined,
    readonly position: { row: number; column: number; offsetX: number; offsetY: number } | undefined,
    readonly options: Record<string, unknown>,
  ) {}
  getOptions(): { get(option: string): unknown } {
    this.sheet.log.push("EmbeddedChart.getOptions");
    return { get: (option: string) => this.options[option] ?? null };
  }
}

export class FakeChartBuilder implements ChartBuilderApi {
  private type = "";
  private ranges: string[] = [];
  private headers: number | undefined;
  private position: FakeChart["position"];
  private options: Record<string, unknown> = {};
  constructor(readonly sheet: FakeSheet) {}
  private call(name: string): this {
    this.sheet.log.push(`ChartBuilder.${name}`);
    return this;
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType): this {
    this.type = String(type);
    return this.call("setChartType");
  }
  addRange(range: RangeApi): this {
    const r = range as FakeRange;
    if (r.sheet !== this.sheet) throw new Error("Exception: The range is on another sheet.");
    this.ranges.push(a1(r.top, r.left, r.top + r.rows - 1, r.left + r.cols - 1));
    return this.call("addRange");
  }
  setNumHeaders(headers: number): this {
    this.headers = headers;
    return this.call("setNumHeaders");
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    if (!(anchorRowPos >= 1 && anchorColPos >= 1)) throw new Error(`Exception: Invalid anchor (${anchorRowPos}, ${anchorColPos}).`);
    this.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this.call("setPosition");
  }
  setOption(option: string, value: unknown): this {
    this.options[option] = value;
    return this.call("setOption");
  }
  build(): FakeChart {
    this.call("build");
    if (!this.type || this.ranges.length === 0) throw new Error("Exception: A chart needs a type and a range.");
    return new FakeChart(this.sheet, this.type, [...this.ranges], this.headers, this.position, { ...this.options });
  }
}

export class FakeRangeList implements RangeListApi {
  constructor(
    readonly sheet: FakeSheet,
    readonly ranges: FakeRange[],
  ) {}
  /** One colour (null: none) on every range of the list. */
  setBackground(color: string | null): this {
    this.sheet.log.push("RangeList.setBackground");
    if (this.sheet.protections.some((p) => !p.canEdit())) throw new Error("Exception: You are trying to edit a protected cell or object.");
    for (const r of this.ranges) for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) setIn(this.sheet.backgrounds, r.top + i, r.left + j, color === null ? undefined : color.toLowerCase());
    return this;
  }
}

export class FakeSpreadsheet implements SpreadsheetApi {
  sheets: FakeSheet[] = [];
  active!: FakeSheet;
  /** The range last activated ("Thôn 2024!M6"). */
  selection = "";
  constructor(readonly log: CallLog) {}
  getActiveSheet(): FakeSheet {
    this.log.push("Spreadsheet.getActiveSheet");
    return this.active;
  }
  getSheets(): FakeSheet[] {
    this.log.push("Spreadsheet.getSheets");
    return [...this.sheets];
  }
  getSheetByName(name: string): FakeSheet | null {
    this.log.push("Spreadsheet.getSheetByName");
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  insertSheet(sheetName: string): FakeSheet {
    this.log.push("Spreadsheet.insertSheet");
    if (this.sheets.some((s) => s.name === sheetName)) throw new Error(`Exception: A sheet with the name "${sheetName}" already exists.`);
    const s = new FakeSheet(sheetName, this.log, this);
    this.sheets.push(s);
    this.active = s;
    return s;
  }
  add(grid: SheetGrid): FakeSheet {
    const s = FakeSheet.fromGrid(grid, this.log, this);
    this.sheets.push(s);
    this.active ??= s;
    return s;
  }
}

export class FakeMenu implements MenuApi {
  items: Array<{ caption: string; fn: string } | "separator"> = [];
  added = false;
  constructor(
    readonly caption: string,
    readonly ui: FakeUi,
    /** Ui.createAddonMenu(): the add-on's sub-menu under Extensions (its caption is the listing's name, not the script's). */
    readonly addon = false,
  ) {}
  addItem(caption: string, functionName: string): this {
    this.items.push({ caption, fn: functionName });
    return this;
  }
  addSeparator(): this {
    this.items.push("separator");
    return this;
  }
  addToUi(): void {
    this.added = true;
    this.ui.menus.push(this);
  }
}

export class FakeHtmlOutput implements HtmlOutputApi {
  title = "";
  constructor(readonly file: string) {}
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
}

export class FakeUi implements UiApi {
  menus: FakeMenu[] = [];
  alerts: string[] = [];
  sidebars: FakeHtmlOutput[] = [];
  createMenu(caption: string): FakeMenu {
    return new FakeMenu(caption, this);
  }
  createAddonMenu(): FakeMenu {
    return new FakeMenu("", this, true);
  }
  alert(prompt: string): string {
    this.alerts.push(prompt);
    return "OK";
  }
  showSidebar(userInterface: HtmlOutputApi): void {
    this.sidebars.push(userInterface as FakeHtmlOutput);
  }
}

/** Document properties with the real quotas: 9 KB per value, 500 KB in all. */
export class FakeProperties implements Props {
  data: Record<string, string> = {};
  unavailable = false;
  quotaBytes = 500 * 1024;
  constructor(readonly log: CallLog) {}
  private guard(name: string) {
    this.log.push(`Properties.${name}`);
    if (this.unavailable) throw new Error("Exception: You do not have permission to call PropertiesService.getDocumentProperties");
  }
  getProperty(key: string): string | null {
    this.guard("getProperty");
    return this.data[key] ?? null;
  }
  getProperties(): Record<string, string> {
    this.guard("getProperties");
    return { ...this.data };
  }
  setProperties(properties: Record<string, string>): this {
    this.guard("setProperties");
    for (const [k, v] of Object.entries(properties)) {
      if (Buffer.byteLength(k + v, "utf8") > 9 * 1024) throw new Error(`Exception: Argument too large: ${k}`);
    }
    const next = { ...this.data, ...properties };
    if (Buffer.byteLength(JSON.stringify(next), "utf8") > this.quotaBytes) throw new Error("Exception: You have exceeded the property storage quota.");
    this.data = next;
    return this;
  }
  deleteProperty(key: string): this {
    this.guard("deleteProperty");
    delete this.data[key];
    return this;
  }
}

/** ScriptApp's AuthMode enum, as onOpen(e) compares e.authMode with it (the enum only: no ScriptApp call is faked). */
export const FAKE_SCRIPT_APP = { AuthMode: { NONE: "NONE", CUSTOM_FUNCTION: "CUSTOM_FUNCTION", LIMITED: "LIMITED", FULL: "FULL" } };

export interface FakeGas {
  log: CallLog;
  book: FakeSpreadsheet;
  ui: FakeUi;
  props: FakeProperties;
  SpreadsheetApp: SpreadsheetAppApi;
  PropertiesService: Pick<GoogleAppsScript.Properties.PropertiesService, "getDocumentProperties">;
  HtmlService: HtmlServiceApi;
  Charts: ChartsApi;
  /** The globals to install (vi.stubGlobal or a node:vm context). */
  globals(): Record<string, unknown>;
  /** SpreadsheetApp calls (Spreadsheet, Sheet, Range) since the last reset. */
  sheetCalls(): string[];
}

export function fakeGas(grids: SheetGrid[] = []): FakeGas {
  const log: CallLog = [];
  const book = new FakeSpreadsheet(log);
  for (const g of grids) book.add(g);
  const ui = new FakeUi();
  const props = new FakeProperties(log);
  const SpreadsheetApp: SpreadsheetAppApi = {
    getActiveSpreadsheet: () => {
      log.push("SpreadsheetApp.getActiveSpreadsheet");
      return book;
    },
    getUi: () => {
      log.push("SpreadsheetApp.getUi");
      return ui;
    },
    ProtectionType: { RANGE: "RANGE", SHEET: "SHEET" } as unknown as typeof GoogleAppsScript.Spreadsheet.ProtectionType,
  };
  const PropertiesService = {
    getDocumentProperties: () => {
      log.push("PropertiesService.getDocumentProperties");
      if (props.unavailable) throw new Error("Exception: You do not have permission to call PropertiesService.getDocumentProperties");
      return props as unknown as GoogleAppsScript.Properties.Properties;
    },
  };
  const HtmlService: HtmlServiceApi = { createHtmlOutputFromFile: (file: string) => new FakeHtmlOutput(file) };
  const Charts: ChartsApi = { ChartType: { BAR: "BAR", COLUMN: "COLUMN" } as unknown as typeof GoogleAppsScript.Charts.ChartType };
  return {
    log,
    book,
    ui,
    props,
    SpreadsheetApp,
    PropertiesService,
    HtmlService,
    Charts,
    globals: () => ({ SpreadsheetApp, PropertiesService, HtmlService, Charts, ScriptApp: FAKE_SCRIPT_APP }),
    sheetCalls: () => log.filter((c) => /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList)\./.test(c)),
  };
}
