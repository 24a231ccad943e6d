// "Lưu kết quả" and "since the last save": the results of the active sheet kept in NTM_LichSu,
// and each later evaluation compared with the last save of the same sheet. Written once for the
// add-ins, over the same port as the other actions (the command line compares two files: ntm compare).
import { message } from "../i18n/message.js";
import { unitNoun } from "../report/districtReport.js";
import type { Language } from "../i18n/strings.js";
import { HISTORY_SHEET, historyRows } from "./history.js";
import { ask, type Flow } from "./hostPort.js";
import type { AppSettings } from "./settings.js";
import { judgeOpenedSheet, type ActionDone, type ActionFailure } from "./sheetActions.js";

/** "Lưu kết quả": the active sheet judged as "Đánh giá" judges it, its results appended to NTM_LichSu. */
export function* saveHistoryFlow(settings: AppSettings, at: string): Flow<ActionDone | ActionFailure> {
  const opened = yield* ask("open", { withRecord: false, withHistory: true });
  const judged = judgeOpenedSheet(opened, settings);
  if (!judged.ok) return judged;
  const { run } = judged;
  const rows = historyRows(opened.historyRows, { at, sheet: opened.name, set: run.choice.set, region: settings.region, year: settings.year, results: run.results, lang: settings.lang as Language });
  const written = yield* ask("writeHistory", { rows });
  yield* ask("commit", {});
  if (!written.ok) return { ok: false, reason: message("action.writeFailed", { sheet: HISTORY_SHEET, detail: written.detail }) };
  return { ok: true, sheet: opened.name, message: message("history.saved", { count: run.results.length, noun: unitNoun(run.choice.set, settings.lang), sheet: opened.name, history: HISTORY_SHEET, at: at.slice(0, 16).replace("T", " ") }) };
}
