/**
 * The pane's card "formulas as in Google Sheets": one line saying what the workbook holds and
 * what the button does, the button defining the NTM_* names (offered once per workbook: until
 * defined or declined), and, where the client cannot, the rewrite of NTM_CRITERION... formulas
 * to Excel's names. Excel I/O in ./lambdaNames and ./formulaRewrite.
 */
import { t, type Language } from "../../shared/index.js";
import { ui } from "../common/ui.js";
import { defineLambdaNames, dismissLambdaOffer, lambdaNameStatus, namesApiSupported, type DefineResult, type NameStatus } from "./lambdaNames.js";
import { rewriteWorkbookFormulas, scanWorkbookFormulas, type WorkbookFormulaScan } from "./formulaRewrite.js";

interface CardState {
  status?: NameStatus;
  scan?: WorkbookFormulaScan;
  /** The client cannot define the names: offer the rewrite instead. */
  cannotDefine?: "api" | "lambda";
  message?: { text: string; kind: "ok" | "error" | "info" };
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T | null;
const where = (cells: string[]) => cells.slice(0, 3).join(", ") + (cells.length > 3 ? ", …" : "");

function render(state: CardState, lang: Language): void {
  const card = $("names-card");
  if (!card) return;
  const { status, scan } = state;
  const offer = !!status && status.missing.length + status.outdated.length > 0 && !status.dismissed;
  const foreign = (scan?.sheets.length ?? 0) > 0;
  card.hidden = !(offer || foreign || state.message);
  $("names-title")!.textContent = ui("namesTitle", lang);
  const lines: string[] = [];
  if (foreign) lines.push(`${t("formulas.sheetsNames", lang, { count: scan!.sheets.length, example: "NTM_CRITERION", where: where(scan!.sheets) })}. ${t("formulas.inExcel", lang)}`);
  if (state.cannotDefine) lines.push(t(state.cannotDefine === "api" ? "formulas.lambdaNoApi" : "formulas.lambdaNoLambda", lang), ...(foreign ? [t("formulas.lambdaReverse", lang)] : []));
  else if (offer) lines.push(t("formulas.lambdaOffer", lang));
  $("names-line")!.textContent = lines.join(" ");
  const define = $<HTMLButtonElement>("names-define")!;
  define.textContent = ui("namesDefine", lang);
  define.hidden = !offer || !!state.cannotDefine;
  const rewrite = $<HTMLButtonElement>("names-rewrite")!;
  rewrite.textContent = ui("namesRewrite", lang);
  rewrite.hidden = !(foreign && state.cannotDefine);
  const dismiss = $<HTMLButtonElement>("names-dismiss")!;
  dismiss.textContent = ui("namesDismiss", lang);
  dismiss.hidden = !offer || !!state.cannotDefine;
  const m = $("names-message")!;
  m.textContent = state.message?.text ?? "";
  m.className = state.message ? `message ${state.message.kind}` : "message";
}

function defineMessage(r: Extract<DefineResult, { ok: true }>, lang: Language): string {
  const part = (key: "formulas.lambdaDefined" | "formulas.lambdaUpdated" | "formulas.lambdaAlready" | "formulas.lambdaKept", names: string[]) =>
    names.length ? [t(key, lang, { count: names.length, names: names.join(", ") })] : [];
  return [...part("formulas.lambdaDefined", r.defined), ...part("formulas.lambdaUpdated", r.updated), ...part("formulas.lambdaAlready", r.already), ...part("formulas.lambdaKept", r.kept)].join("\n");
}

/** Reads the workbook's names and formulas, shows the card if it has something to offer, wires its buttons. */
export async function setupFormulaCard(lang: () => Language): Promise<void> {
  if (!$("names-card")) return;
  const state: CardState = {};
  const show = () => render(state, lang());
  const act = (fn: () => Promise<void>) => async () => {
    for (const id of ["names-define", "names-rewrite", "names-dismiss"]) $<HTMLButtonElement>(id)!.disabled = true;
    try {
      await fn();
    } catch (e) {
      state.message = { text: ui("unknownError", lang(), { detail: e instanceof Error ? e.message : String(e) }), kind: "error" };
    } finally {
      for (const id of ["names-define", "names-rewrite", "names-dismiss"]) $<HTMLButtonElement>(id)!.disabled = false;
      show();
    }
  };
  $("names-define")!.addEventListener("click", act(async () => {
    const r = await defineLambdaNames();
    if (!r.ok) {
      state.cannotDefine = r.reason;
      state.message = { text: t(r.reason === "api" ? "formulas.lambdaNoApi" : "formulas.lambdaNoLambda", lang()) + (r.detail ? ` (${r.detail})` : ""), kind: "error" };
      return;
    }
    state.message = { text: defineMessage(r, lang()), kind: "ok" };
    state.status = await lambdaNameStatus();
  }));
  $("names-rewrite")!.addEventListener("click", act(async () => {
    const r = await rewriteWorkbookFormulas("excel");
    const done = t("formulas.rewritten", lang(), { cells: r.cells, calls: r.calls, host: t("formulas.host.excel", lang()) });
    state.message = r.failed ? { text: `${done}\n${t("formulas.writeFailed", lang(), { sheet: r.failed.sheet, detail: r.failed.detail })}`, kind: "error" } : { text: done, kind: "ok" };
    state.scan = await scanWorkbookFormulas(Infinity);
  }));
  $("names-dismiss")!.addEventListener("click", act(async () => {
    await dismissLambdaOffer();
    state.status = await lambdaNameStatus();
  }));
  // The pane's language button re-renders the pane first (its handler was added before this one).
  $("lang")?.addEventListener("click", show);
  if (!namesApiSupported()) state.cannotDefine = "api";
  else state.status = await lambdaNameStatus();
  state.scan = await scanWorkbookFormulas();
  show();
}
