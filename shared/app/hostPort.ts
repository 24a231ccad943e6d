// The port every host implements, and the two ways of driving a use case over it.
//
// A use case (sheetActions.ts) is a generator: it yields a request for I/O ("open the active
// sheet", "apply this plan") and receives the host's answer. Office.js answers asynchronously
// (batched, synced once where it can), SpreadsheetApp and the .xlsx layer synchronously; the
// decisions (which sheet, which set, what to write, in which order, what to tell the user)
// are made once, here in shared/, whatever the host.
import type { HighlightRecord, WritePlan } from "../sheet/plan.js";
import type { MappingOverride } from "../sheet/detect.js";
import type { SheetGrid } from "../sheet/grid.js";
import type { ReportChart } from "../report/reportCharts.js";
import type { ReportPrint } from "../report/reportLayout.js";

/** A sheet as the use cases need it, read in as few calls as the host can. */
export interface OpenedSheet {
  name: string;
  /** Undefined for an empty sheet. `origin`: where the grid starts on the sheet. A host that read fills and notes up front puts them in the grid. */
  grid?: SheetGrid;
  protected: boolean;
  /** The rows of NTM_BoTieuChi, when the workbook has that sheet (and it is not the one opened). */
  setRows?: unknown[][];
  /** The rows of NTM_LichSu (the results saved before), when asked for and the workbook has that sheet. */
  historyRows?: unknown[][];
  /** The rows of NTM_PhanCong (who holds which criterion, by when), when asked for and the workbook has that sheet. */
  assignmentRows?: unknown[][];
  /** Where those rows start on NTM_PhanCong (a host reading its used range only), for cell names. Default A1. */
  assignmentOrigin?: { row: number; col: number };
  /** Its merged ranges, relative to `assignmentRows` (a department merged down the criteria it holds). */
  assignmentMerges?: ReadonlyArray<{ top: number; left: number; bottom: number; right: number }>;
  /** What an earlier run on this sheet saved, in grid coordinates. */
  record?: HighlightRecord;
  /** The user's column mapping saved for this sheet. */
  override?: MappingOverride;
}

export type WriteAnswer = { ok: true } | { ok: false; detail: string; protected?: boolean };

/** Each request the use cases make, with the answer the host gives. */
export interface HostRequests {
  /**
   * The named sheet, or the active one; `withRecord: false` when the saved record is not
   * needed, `withGrid: false` when its cells are not (the answer's record is then in sheet coordinates).
   */
  open: { request: { sheet?: string; withRecord: boolean; withGrid?: boolean; withHistory?: boolean; withAssignments?: boolean }; answer: OpenedSheet };
  /** NTM_LichSu rewritten with these rows, all text; hidden when it is created (the user may show it). */
  writeHistory: { request: { rows: string[][] }; answer: WriteAnswer };
  /** The original fills and notes of the cells a plan would touch (hosts whose grid has none yet). */
  readOriginals: {
    request: { grid: SheetGrid; plan: WritePlan; previous?: HighlightRecord; noteCells: ReadonlyArray<{ row: number; col: number }> };
    answer: Required<Pick<SheetGrid, "fills" | "notes">>;
  };
  /** Saves (an empty record: forgets) the sheet's undo record and mapping, before anything is written to it. */
  saveSheetState: { request: { sheet: string; origin: { row: number; col: number }; record: HighlightRecord; override?: MappingOverride }; answer: WriteAnswer };
  applyPlan: { request: { sheet: string; origin: { row: number; col: number }; plan: WritePlan }; answer: WriteAnswer };
  /**
   * NTM_BaoCao rewritten whole, heat map included; `show`: made the active sheet, else the judged
   * sheet stays active; `print`: the frozen pane and page setup, as far as the host can set them.
   */
  writeReport: { request: { rows: Array<Array<string | number>>; show: boolean; print?: ReportPrint }; answer: WriteAnswer };
  /**
   * The report's charts on NTM_BaoCao (asked once the report is written): the add-in's earlier
   * charts removed, never a user's, then these drawn, each bound to its cells of the report.
   */
  writeCharts: { request: { charts: ReportChart[] }; answer: WriteAnswer };
  /**
   * One of the add-in's own sheets (NTM_TheoDoi) rewritten whole, created when absent: strings as
   * text, numbers as numbers; the judged sheet stays active. Never a user's sheet. `columnWidths`:
   * in characters from column A, as far as the host can set them.
   */
  writeOwnSheet: { request: { name: string; rows: Array<Array<string | number>>; columnWidths?: readonly number[] }; answer: WriteAnswer };
  /** A new sheet of text cells (never an existing one); `created: false` when the name is taken. */
  createTextSheet: { request: { name: string; rows: string[][]; boldRow?: number }; answer: { created: boolean } };
  /** Everything queued is written (Office.js: one sync); a synchronous host has nothing left to do. */
  commit: { request: Record<string, never>; answer: void };
}

export type RequestKind = keyof HostRequests;
export type HostRequest = { [K in RequestKind]: { kind: K } & HostRequests[K]["request"] }[RequestKind];
export type Flow<T> = Generator<HostRequest, T, unknown>;

/** Asks the host; typed by the request's kind. */
export function* ask<K extends RequestKind>(kind: K, request: HostRequests[K]["request"]): Generator<HostRequest, HostRequests[K]["answer"], unknown> {
  return (yield { kind, ...request } as HostRequest) as HostRequests[K]["answer"];
}

type Handler<K extends RequestKind, R> = (request: HostRequests[K]["request"]) => R;
export type SyncPort = { [K in RequestKind]: Handler<K, HostRequests[K]["answer"]> };
export type AsyncPort = { [K in RequestKind]: Handler<K, HostRequests[K]["answer"] | Promise<HostRequests[K]["answer"]>> };

function call(port: AsyncPort | SyncPort, request: HostRequest): unknown {
  const { kind, ...rest } = request;
  return (port[kind] as (r: unknown) => unknown)(rest);
}

/** Drives a use case on a synchronous host (Apps Script, the .xlsx layer). */
export function runFlowSync<T>(flow: Flow<T>, port: SyncPort): T {
  let step = flow.next();
  while (!step.done) step = flow.next(call(port, step.value));
  return step.value;
}

/** Drives a use case on an asynchronous host (Office.js). */
export async function runFlow<T>(flow: Flow<T>, port: AsyncPort): Promise<T> {
  let step = flow.next();
  while (!step.done) step = flow.next(await call(port, step.value));
  return step.value;
}
