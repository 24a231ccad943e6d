// The add-ins' own words: the Excel task pane, the Sheets menu, alerts and sidebar. One
// catalogue for both (the same button says the same thing in Excel and in Sheets), kept as
// data so the Sheets build can hand it to sidebar.html as it is (apps-script/webpack.config.cjs).
// The engine's, report's and actions' messages are in strings.ts; the key-parity test covers both.
import PANE from "./paneStrings.json";
import type { Language } from "./strings.js";

export type PaneKey = keyof typeof PANE.vi;

export const PANE_TABLES: Record<Language, Record<PaneKey, string>> = PANE;

export const PANE_KEYS = Object.keys(PANE.vi) as PaneKey[];

export function paneText(key: PaneKey, lang: Language = "vi", params?: Record<string, string | number>): string {
  let s: string = PANE_TABLES[lang][key] ?? PANE_TABLES.vi[key] ?? key;
  if (params) for (const [k, v] of Object.entries(params)) s = s.split(`{${k}}`).join(String(v));
  return s;
}
