import { DEFAULT_APP_SETTINGS, parseSettings as parseAppSettings, type AppSettings, type HighlightRecord, type MappingOverride } from "../../shared/index.js";

/**
 * What the add-on keeps in the document's properties: the settings chosen in the sidebar,
 * one highlight record and one column mapping per sheet, and a short note on the last run.
 * A property value holds at most 9 KB, so records are written compactly and split in chunks.
 */
/** The sidebar's settings: the one schema every host shares (no set: the workbook's own, else read from the sheet). */
export type GasSettings = AppSettings;

/** The document properties the add-on uses (parameter types from @types/google-apps-script). */
export interface Props extends Pick<GoogleAppsScript.Properties.Properties, "getProperty" | "getProperties"> {
  setProperties(properties: { [key: string]: string }): unknown;
  deleteProperty(key: string): unknown;
}
export const _fitsProps = (x: GoogleAppsScript.Properties.Properties): Props => x;

export const SETTINGS_KEY = "NTM_SETTINGS";
export const LAST_KEY = "NTM_LAST";
const RECORD_PREFIX = "NTM_RECORD|";
export const MAP_PREFIX = "NTM_MAP|";
/** Characters per chunk: 9 KB per value, and sheet names may hold 3-byte UTF-8 letters. */
export const CHUNK = 2800;

export const DEFAULT_SETTINGS: GasSettings = { ...DEFAULT_APP_SETTINGS };

export function documentProps(): Props {
  return PropertiesService.getDocumentProperties();
}

/** Settings as saved, each field checked: a damaged value falls back to the default. */
export function parseSettings(json: string | null | undefined): GasSettings {
  return parseAppSettings(json ?? "");
}

export function loadSettings(props: Props = documentProps()): GasSettings {
  return parseSettings(props.getProperty(SETTINGS_KEY));
}

export function saveSettings(settings: GasSettings, props: Props = documentProps()): void {
  props.setProperties({ [SETTINGS_KEY]: JSON.stringify(settings) });
}

// ---- highlight records -------------------------------------------------------------

/** Rows as runs: [5,6,7,9] -> "5-7,9". */
function encodeRuns(nums: readonly number[]): string {
  const sorted = [...new Set(nums)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return out.join(",");
}

function decodeRuns(text: string): number[] {
  if (!text) return [];
  return text.split(",").flatMap((part) => {
    const [a, b] = part.split("-").map(Number) as [number, number | undefined];
    if (b === undefined) return [a];
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  });
}

/** A record as a short string: colours in a palette, cells as "row.col.colour". */
export function encodeRecord(record: HighlightRecord): string {
  const palette: Array<string | null> = [];
  const index = (c: string | null) => {
    let i = palette.indexOf(c);
    if (i < 0) i = palette.push(c) - 1;
    return i;
  };
  const fills = record.fills.map((f) => `${f.row}.${f.col}.${index(f.original)}`).join(",");
  const notes = record.notes.map((n) => `${n.row}.${n.col}`).join(",");
  return JSON.stringify({ v: 1, s: record.sheet, p: palette, f: fills, n: notes, c: record.ownedColumns, r: encodeRuns(record.ownedRows) });
}

export function decodeRecord(text: string): HighlightRecord | undefined {
  try {
    const o = JSON.parse(text) as { v: number; s: string; p: Array<string | null>; f: string; n: string; c: number[]; r: string };
    if (o.v !== 1 || typeof o.s !== "string") return undefined;
    const cells = (s: string) => (s ? s.split(",").map((x) => x.split(".").map(Number)) : []);
    return {
      version: 1,
      sheet: o.s,
      fills: cells(o.f).map(([row, col, p]) => ({ row: row!, col: col!, original: o.p[p!] ?? null })),
      notes: cells(o.n).map(([row, col]) => ({ row: row!, col: col! })),
      ownedColumns: o.c,
      ownedRows: decodeRuns(o.r),
    };
  } catch {
    return undefined;
  }
}

const recordKey = (sheet: string) => RECORD_PREFIX + sheet;

export function loadRecord(sheet: string, props: Props = documentProps(), all?: Record<string, string>): HighlightRecord | undefined {
  const p = all ?? props.getProperties();
  const count = Number(p[recordKey(sheet)]);
  if (!Number.isInteger(count) || count <= 0) return undefined;
  let text = "";
  for (let i = 0; i < count; i++) {
    const part = p[`${recordKey(sheet)}|${i}`];
    if (part === undefined) return undefined;
    text += part;
  }
  const record = decodeRecord(text);
  return record && record.sheet === sheet ? record : undefined;
}

/** Saves (or, with an empty record, removes) a sheet's record: one setProperties call. */
export function saveRecord(record: HighlightRecord, props: Props = documentProps(), all?: Record<string, string>): void {
  const p = all ?? props.getProperties();
  const key = recordKey(record.sheet);
  const old = Number(p[key]) || 0;
  const empty = record.fills.length === 0 && record.notes.length === 0 && record.ownedColumns.length === 0;
  if (empty) {
    for (let i = 0; i < old; i++) props.deleteProperty(`${key}|${i}`);
    if (p[key] !== undefined) props.deleteProperty(key);
    return;
  }
  const text = encodeRecord(record);
  const parts: Record<string, string> = {};
  let n = 0;
  for (let i = 0; i < text.length; i += CHUNK) parts[`${key}|${n++}`] = text.slice(i, i + CHUNK);
  parts[key] = String(n);
  props.setProperties(parts);
  for (let i = n; i < old; i++) props.deleteProperty(`${key}|${i}`);
}

// ---- column mapping chosen by the user ---------------------------------------------

export function parseOverride(text: string | null | undefined): MappingOverride | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as MappingOverride;
  } catch {
    return undefined;
  }
}

export function loadOverride(sheet: string, props: Props = documentProps()): MappingOverride | undefined {
  return parseOverride(props.getProperty(MAP_PREFIX + sheet));
}

export function saveOverride(sheet: string, override: MappingOverride, props: Props = documentProps()): void {
  if (Object.keys(override).length === 0) props.deleteProperty(MAP_PREFIX + sheet);
  else props.setProperties({ [MAP_PREFIX + sheet]: JSON.stringify(override) });
}

// ---- last run ------------------------------------------------------------------------

export interface LastRun {
  sheet: string;
  at: string;
  summary: string;
}

export function loadLast(props: Props = documentProps()): LastRun | undefined {
  const text = props.getProperty(LAST_KEY);
  if (!text) return undefined;
  try {
    return JSON.parse(text) as LastRun;
  } catch {
    return undefined;
  }
}

export function saveLast(last: LastRun, props: Props = documentProps()): void {
  props.setProperties({ [LAST_KEY]: JSON.stringify({ ...last, summary: last.summary.slice(0, 2000) }) });
}
