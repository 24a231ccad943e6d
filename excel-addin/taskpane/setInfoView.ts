// What the pane says of the set in use: its whole title (the select cuts it off), its legal basis,
// how many thresholds are unconfirmed, the workbook's own NTM_BoTieuChi and its errors. No Excel calls.
import { countThresholds, formatMessage, t, type CriteriaSet, type Language, type SetRowError } from "../../shared/index.js";
import { ui } from "../common/ui.js";
import { el } from "./dom.js";

export interface SetInfoBoxes {
  info: HTMLElement;
  /** The whole title, wrapped, under the select. */
  name: HTMLElement;
  /** The threshold counts, under "Chi tiết kỹ thuật". */
  tech: HTMLElement;
}

export interface SetInfo {
  set: CriteriaSet | undefined;
  workbookSet: CriteriaSet | undefined;
  setErrors: readonly SetRowError[] | undefined;
}

export function renderSetInfoView(boxes: SetInfoBoxes, { set, workbookSet, setErrors }: SetInfo, lang: Language): void {
  const L = (key: Parameters<typeof ui>[0], params?: Record<string, string | number>) => ui(key, lang, params);
  const { info } = boxes;
  info.replaceChildren();
  boxes.name.textContent = set ? (lang === "en" && set.titleEn) || set.title : "";
  boxes.tech.textContent = "";
  if (!set) {
    info.append(el("p", {}, L("autoSetInfo")));
    return;
  }
  const docs = set.legalBasis.map((b) => b.document + (b.confirmed ? "" : ` (${t("ui.unconfirmed", lang)})`)).join("; ");
  info.append(el("p", {}, `${L("source")}: ${docs}`));
  const counts = countThresholds(set);
  boxes.tech.textContent = L("thresholds", { withValue: counts.withValue, total: counts.total, confirmed: counts.confirmed });
  const unconfirmed = counts.total - counts.confirmed;
  if (unconfirmed > 0) info.append(el("p", { class: "flag", id: "unconfirmed-flag" }, `⚠ ${L("unconfirmedFlag", { count: unconfirmed })}`));
  if (set.completeness !== "complete") info.append(el("p", {}, L("completeness", { value: L(set.completeness === "partial" ? "partial" : "structureOnly") })));
  if (workbookSet) info.append(el("p", {}, L("workbookSet", { title: `${workbookSet.title} (${workbookSet.id})` })));
  if (setErrors?.length) {
    const list = el("ul", {});
    // Each message names its row already ("Dòng 5: ...").
    for (const e of setErrors.slice(0, 10)) list.append(el("li", {}, formatMessage(e.message, lang)));
    info.append(el("div", { class: "flag error" }, L("workbookSetErrors"), list));
  }
}
