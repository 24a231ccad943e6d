// What the add-in keeps in the workbook, read at startup and saved from the pane: the settings
// (read by the custom functions too) and the workbook's own criteria set (NTM_BoTieuChi).
import { builtInSets, readWorkbookSet, WORKBOOK_SET_SHEET, type CriteriaSet, type SetRowError } from "../../shared/index.js";
import { parseState, serializeState, STATE_KEY, type AddinSettings, type WorkbookState } from "../common/state.js";

export interface LoadedState {
  state: WorkbookState;
  workbookSet?: CriteriaSet;
  /** The built-in set NTM_BoTieuChi amends ("Kế thừa"), when it names one. */
  workbookBase?: string;
  setErrors?: SetRowError[];
}

export function readSetRows(values: unknown[][] | undefined): Pick<LoadedState, "workbookSet" | "workbookBase" | "setErrors"> {
  if (!values) return {};
  const r = readWorkbookSet(values, builtInSets());
  if (!r.ok) return { setErrors: r.errors };
  return r.base ? { workbookSet: r.set, workbookBase: r.base } : { workbookSet: r.set };
}

/** At startup: the saved settings and the workbook's own set (for the pane and the functions). */
export async function loadWorkbookState(): Promise<LoadedState> {
  return Excel.run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(STATE_KEY);
    item.load("value");
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const state = parseState(item.isNullObject ? "" : item.value);
    if (!sheets.items.some((s) => s.name === WORKBOOK_SET_SHEET)) return { state };
    const used = sheets.getItem(WORKBOOK_SET_SHEET).getUsedRangeOrNullObject(true);
    used.load("values");
    await context.sync();
    return { state, ...readSetRows(used.isNullObject ? undefined : (used.values as unknown[][])) };
  });
}

/** Saves the pane's choices in the workbook and recalculates so the functions pick them up. */
export async function saveSettings(settings: AddinSettings): Promise<void> {
  await Excel.run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(STATE_KEY);
    item.load("value");
    await context.sync();
    const state = parseState(item.isNullObject ? "" : item.value);
    state.settings = settings;
    context.workbook.settings.add(STATE_KEY, serializeState(state));
    context.workbook.application.calculate("Full" as Excel.CalculationType);
    await context.sync();
  });
}
