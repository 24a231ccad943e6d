import { DEFAULT_APP_SETTINGS, parseSettings as parseAppSettings, recordFromText, recordToText, splitChunks, type AppSettings, type HighlightRecord, type MappingOverride } from "../../shared/index.js";

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
/** A record as text: the codec every host shares (shared/app/recordCodec.ts), which also reads this add-on's first format. */
export function encodeRecord(record: HighlightRecord): string {
  return recordToText(record);
}

export function decodeRecord(text: string): HighlightRecord | undefined {
  return recordFromText(text);
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
  const parts: Record<string, string> = {};
  const chunks = splitChunks(encodeRecord(record), CHUNK);
  chunks.forEach((c, i) => (parts[`${key}|${i}`] = c));
  const n = chunks.length;
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
