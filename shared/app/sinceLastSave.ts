// Each evaluation in the add-ins compared with the last save of the same sheet in NTM_LichSu:
// lost criteria first ("giữ vững"), then gained ones, in the words of a district notice.
import type { Message } from "../i18n/message.js";
import { compareSection } from "../report/compareReport.js";
import { compareRuns, type RunComparison } from "./compareRuns.js";
import type { SheetRun } from "./evaluateSheetUseCase.js";
import { lastSnapshot, readHistory, type Snapshot } from "./history.js";
import type { AppSettings } from "./settings.js";

export interface SinceLastSave {
  at: string;
  comparison: RunComparison;
  /** The notice-style lines ("Số thôn giảm tiêu chí so với lần lưu trước: ..."), also written into the report. */
  lines: string[];
}

/** The comparison of this run with the last save of the same sheet, if there is one and it can be compared. */
export function sinceLastSave(historyRows: unknown[][] | undefined, sheet: string, run: Extract<SheetRun, { ok: true }>, settings: AppSettings): { since?: SinceLastSave; notices: Message[] } {
  if (!historyRows || historyRows.length === 0) return { notices: [] };
  const history = readHistory(historyRows);
  const last: Snapshot | undefined = lastSnapshot(history, sheet);
  if (!last) return { notices: history.errors };
  const c = compareRuns(last, { set: run.choice.set.id, region: settings.region ?? null, year: settings.year ?? null, units: run.results.map((result) => ({ sheet, result })) });
  // A different set or a year going backwards: said, not compared.
  if (!c.ok) return { notices: [...history.errors, c.reason] };
  const lines = compareSection(c, { set: run.choice.set, oldYear: last.year ?? null, newYear: settings.year ?? null, lang: settings.lang });
  return { since: { at: last.at, comparison: c, lines }, notices: [...history.errors, ...c.warnings] };
}

