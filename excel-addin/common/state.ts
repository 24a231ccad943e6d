/**
 * What the add-in keeps in the workbook (Excel workbook settings, key NTM.state): the task
 * pane's choices, read by the custom functions, and per sheet the highlight record and the
 * user's column mapping. Records are stored in sheet (absolute) coordinates, compactly.
 */
import {
  DEFAULT_APP_SETTINGS,
  decodeRecord,
  encodeRecord,
  parseSettings,
  type AppSettings,
  type CriteriaSet,
  type FunctionSettings,
  type HighlightRecord,
  type MappingOverride,
  type StoredRecord,
} from "../../shared/index.js";

export const STATE_KEY = "NTM.state";

/** The task pane's settings: the one schema every host shares (no set: the workbook's own, else read from the sheet). */
export type AddinSettings = AppSettings;

export const DEFAULT_SETTINGS: AddinSettings = { ...DEFAULT_APP_SETTINGS };

export interface SheetState {
  record?: HighlightRecord;
  override?: MappingOverride;
}

export interface WorkbookState {
  settings: AddinSettings;
  sheets: Record<string, SheetState>;
}

/** The codec every host shares: records stored as runs of rows by column and original fill. */
export { decodeRecord, encodeRecord } from "../../shared/index.js";

interface StoredState {
  v: 1;
  settings: AddinSettings;
  sheets: Record<string, { record?: StoredRecord; override?: MappingOverride }>;
}

/** The stored JSON -> state with records in sheet coordinates (origin 0,0). Never throws. */
export function parseState(json: unknown): WorkbookState {
  const state: WorkbookState = { settings: { ...DEFAULT_SETTINGS }, sheets: {} };
  if (typeof json !== "string" || json === "") return state;
  let raw: Partial<StoredState>;
  try {
    raw = JSON.parse(json) as Partial<StoredState>;
  } catch {
    return state;
  }
  if (raw.settings && typeof raw.settings === "object") state.settings = parseSettings(raw.settings);
  for (const [name, st] of Object.entries(raw.sheets ?? {})) {
    const entry: SheetState = {};
    if (st.record) entry.record = decodeRecord(st.record, { row: 0, col: 0 });
    if (st.override) entry.override = st.override;
    state.sheets[name] = entry;
  }
  return state;
}

export function serializeState(state: WorkbookState): string {
  const out: StoredState = { v: 1, settings: state.settings, sheets: {} };
  for (const [name, st] of Object.entries(state.sheets)) {
    const entry: StoredState["sheets"][string] = {};
    if (st.record && (st.record.fills.length || st.record.notes.length || st.record.ownedColumns.length)) entry.record = encodeRecord(st.record, { row: 0, col: 0 });
    if (st.override && Object.keys(st.override).length) entry.override = st.override;
    if (entry.record || entry.override) out.sheets[name] = entry;
  }
  return JSON.stringify(out);
}

/** Moves a record between coordinate systems (sheet <-> grid read at origin). */
export function shiftRecord(record: HighlightRecord, dRow: number, dCol: number): HighlightRecord {
  return {
    version: 1,
    sheet: record.sheet,
    fills: record.fills.map((f) => ({ ...f, row: f.row + dRow, col: f.col + dCol })),
    notes: record.notes.map((n) => ({ row: n.row + dRow, col: n.col + dCol })),
    ownedColumns: record.ownedColumns.map((c) => c + dCol),
    ownedRows: record.ownedRows.map((r) => r + dRow),
  };
}

/**
 * The workbook's choices as the custom functions see them. One store per runtime: the task
 * pane and the functions share it (shared runtime), so it lives on globalThis.
 */
interface FunctionStore {
  settings: FunctionSettings;
}

const STORE = "__ntmFunctionStore";

function store(): FunctionStore {
  const g = globalThis as unknown as Record<string, FunctionStore | undefined>;
  return (g[STORE] ??= { settings: { lang: "vi" } });
}

export function getFunctionSettings(): FunctionSettings {
  return store().settings;
}

export function setFunctionSettings(settings: AddinSettings, workbookSet?: CriteriaSet, workbookBase?: string): void {
  const s: FunctionSettings = { lang: settings.lang };
  if (settings.setId) s.setId = settings.setId;
  if (settings.region) s.region = settings.region;
  if (settings.year !== undefined) s.year = settings.year;
  if (workbookSet) s.workbookSet = workbookSet;
  if (workbookSet && workbookBase) s.workbookBase = workbookBase;
  store().settings = s;
}
