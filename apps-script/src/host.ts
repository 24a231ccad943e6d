/**
 * The parts of the Apps Script services the add-on uses, as narrow interfaces. Parameter types
 * come from @types/google-apps-script; chained setters return `unknown`. The assertions at the
 * bottom prove the real services fit these interfaces, so code written against them runs on
 * the real ones, and the test fakes implement exactly these.
 */
type Range = GoogleAppsScript.Spreadsheet.Range;
type Args<T, K extends keyof T> = T[K] extends (...a: infer A) => unknown ? A : never;

export interface RangeApi extends Pick<Range, "getValues" | "getBackgrounds" | "getNotes" | "getNumberFormats" | "getA1Notation"> {
  getMergedRanges(): Array<Pick<Range, "getA1Notation">>;
  setValues(...a: Args<Range, "setValues">): unknown;
  setBackgrounds(...a: Args<Range, "setBackgrounds">): unknown;
  setNumberFormats(...a: Args<Range, "setNumberFormats">): unknown;
  setNotes(...a: Args<Range, "setNotes">): unknown;
  setFontWeight(...a: Args<Range, "setFontWeight">): unknown;
  activate(): unknown;
}

export interface RangeListApi {
  setBackground(...a: Args<GoogleAppsScript.Spreadsheet.RangeList, "setBackground">): unknown;
}

/** A chart on a sheet: its options say whose it is (the add-on's charts by their title). */
export interface EmbeddedChartApi {
  getOptions(): { get(option: string): unknown };
}

type ChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

/** sheet.newChart(): each setter returns the builder, as the real one does. */
export interface ChartBuilderApi {
  setChartType(...a: Args<ChartBuilder, "setChartType">): ChartBuilderApi;
  addRange(range: RangeApi): ChartBuilderApi;
  setNumHeaders(headers: number): ChartBuilderApi;
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): ChartBuilderApi;
  setOption(option: string, value: unknown): ChartBuilderApi;
  build(): EmbeddedChartApi;
}

export interface SheetApi extends Pick<GoogleAppsScript.Spreadsheet.Sheet, "getName" | "getLastRow" | "getLastColumn" | "isColumnHiddenByUser"> {
  getRange(row: number, column: number, numRows: number, numColumns: number): RangeApi;
  getRangeList(a1Notations: string[]): RangeListApi;
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): Array<Pick<GoogleAppsScript.Spreadsheet.Protection, "canEdit">>;
  clear(): unknown;
  setFrozenRows(rows: number): unknown;
  setFrozenColumns(columns: number): unknown;
  setColumnWidth(columnPosition: number, width: number): unknown;
  hideSheet(): unknown;
  activate(): unknown;
  getCharts(): EmbeddedChartApi[];
  newChart(): ChartBuilderApi;
  insertChart(chart: EmbeddedChartApi): unknown;
  removeChart(chart: EmbeddedChartApi): unknown;
}

export interface SpreadsheetApi {
  getActiveSheet(): SheetApi;
  getSheetByName(name: string): SheetApi | null;
  insertSheet(sheetName: string): SheetApi;
}

export interface MenuApi {
  addItem(caption: string, functionName: string): MenuApi;
  addSeparator(): MenuApi;
  addToUi(): void;
}

export interface UiApi {
  createMenu(caption: string): MenuApi;
  /** The add-on's sub-menu under Extensions, named after the add-on (or, bound, after the script). */
  createAddonMenu(): MenuApi;
  alert(prompt: string): unknown;
  showSidebar(userInterface: HtmlOutputApi): void;
}

export interface SpreadsheetAppApi {
  getActiveSpreadsheet(): SpreadsheetApi;
  getUi(): UiApi;
  ProtectionType: typeof GoogleAppsScript.Spreadsheet.ProtectionType;
}

/** The Charts service: only its chart types (BAR, COLUMN). */
export interface ChartsApi {
  ChartType: typeof GoogleAppsScript.Charts.ChartType;
}

export interface HtmlOutputApi {
  setTitle(title: string): HtmlOutputApi;
}

export interface HtmlServiceApi {
  createHtmlOutputFromFile(filename: string): HtmlOutputApi;
}

export function spreadsheetApp(): SpreadsheetAppApi {
  return SpreadsheetApp;
}

export function chartsService(): ChartsApi {
  return Charts;
}

export function htmlService(): HtmlServiceApi {
  return HtmlService;
}

// Compile-time proof that the real services fit (never called).
export const _fits = [
  (x: Range): RangeApi => x,
  (x: GoogleAppsScript.Spreadsheet.RangeList): RangeListApi => x,
  (x: GoogleAppsScript.Spreadsheet.Sheet): SheetApi => x,
  (x: GoogleAppsScript.Spreadsheet.EmbeddedChart): EmbeddedChartApi => x,
  (x: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder): ChartBuilderApi => x,
  (x: GoogleAppsScript.Charts.Charts): ChartsApi => x,
  (x: GoogleAppsScript.Spreadsheet.Spreadsheet): SpreadsheetApi => x,
  (x: GoogleAppsScript.Base.Ui): UiApi => x,
  (x: GoogleAppsScript.Spreadsheet.SpreadsheetApp): SpreadsheetAppApi => x,
  (x: GoogleAppsScript.HTML.HtmlService): HtmlServiceApi => x,
] as const;
