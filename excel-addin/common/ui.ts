/** The task pane's words: the catalogue both add-ins share (shared/i18n/paneStrings.json). */
import { PANE_KEYS, PANE_TABLES, paneText, type PaneKey } from "../../shared/i18n/paneStrings.js";
import type { Language } from "../../shared/index.js";

export type UiKey = PaneKey;

export function ui(key: UiKey, lang: Language, params?: Record<string, string | number>): string {
  return paneText(key, lang, params);
}

export const UI_KEYS = PANE_KEYS;
export const UI_TABLES = PANE_TABLES;
