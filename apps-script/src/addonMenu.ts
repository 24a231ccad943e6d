// Which menu onOpen builds. As a Google Workspace Marketplace add-on (built with
// `npm run build:gas -- --env addon`, docs/publishing-sheets.md), the add-on's own sub-menu under
// Extensions (Ui.createAddonMenu(), named after the listing); as a script bound to one spreadsheet,
// the "NTM" menu of its own (Ui.createMenu). Google: "Custom menus for Editor add-ons" and "Editor
// add-on authorization" (developers.google.com/workspace/add-ons/concepts/menus, .../editor-auth-lifecycle).
import { spreadsheetApp, type MenuApi } from "./host.js";

/** Replaced by the build (DefinePlugin): true in the Marketplace add-on's bundle. */
declare const __NTM_ADDON__: boolean | undefined;

/**
 * onOpen(e) in AuthMode.NONE: an installed add-on in a document where it has not been used yet. Only
 * the menu may be built; any service that needs authorization (the document's properties too) fails.
 * Only add-ons run in NONE: a bound script's onOpen is LIMITED.
 */
export function authModeNone(e: unknown): boolean {
  const mode = e && typeof e === "object" ? (e as { authMode?: unknown }).authMode : undefined;
  return mode !== undefined && typeof ScriptApp !== "undefined" && mode === ScriptApp.AuthMode.NONE;
}

/** Running as an installed add-on: the Marketplace build, or an AuthMode.NONE open (add-ons only). */
export function runsAsAddon(e: unknown): boolean {
  return (typeof __NTM_ADDON__ !== "undefined" && __NTM_ADDON__ === true) || authModeNone(e);
}

/** The menu to fill: the add-on menu for an installed add-on, else a top-level menu titled `title`. */
export function openMenu(e: unknown, title: string): MenuApi {
  const ui = spreadsheetApp().getUi();
  return runsAsAddon(e) ? ui.createAddonMenu() : ui.createMenu(title);
}
