// Which criteria set judges a sheet, and why: one rule for every host.
//   an explicit choice > the set the workbook carries (NTM_BoTieuChi) > a saved setting
//   > what the sheet says of itself (villages? which province? "nâng cao"?) > the national commune set.
import { builtInSets, DEFAULT_SET_ID, getBuiltInSet } from "../catalog/builtin.js";
import type { CriteriaSet } from "../catalog/schema.js";
import { message, type Message } from "../i18n/message.js";
import { foldVietnamese } from "../text/fold.js";
import type { UnitLevel } from "../sheet/detect.js";

export type SetOrigin = "argument" | "workbook" | "setting" | "inferred" | "default";

export interface SheetHints {
  sheet: string;
  level: UnitLevel;
  /** The title block above the table, and the sheet's name. */
  title: string;
}

export interface SetChoice {
  set: CriteriaSet;
  origin: SetOrigin;
  /** Why this set, for the user (said once per run). */
  why: Message;
}

export type SetResolution = { ok: true; choice: SetChoice } | { ok: false; reason: Message };

export interface SetRequest {
  argument?: string;
  /** The set read from NTM_BoTieuChi: the set it amends, or itself. */
  workbook?: { set: CriteriaSet; base?: string };
  setting?: string;
  hints?: SheetHints;
}

/** "THÔN NÔNG THÔN MỚI" names villages, but "nông thôn" alone does not. */
const VILLAGE_WORDS = /(^|[^g] )(thon|ban|ap)( ,|,| |$)/;

function mentionsVillages(title: string): boolean {
  const f = foldVietnamese(title).replace(/nong thon/g, "nong-thon");
  return VILLAGE_WORDS.test(f) || /thon, ban|thon ban/.test(f);
}

export function resolveSet(req: SetRequest): SetResolution {
  if (req.argument) {
    const set = getBuiltInSet(req.argument) ?? (req.workbook?.set.id === req.argument.trim().toLowerCase() ? req.workbook.set : undefined);
    if (!set) return { ok: false, reason: message("set.unknown", { value: req.argument, expected: [...builtInSets().keys()].join(", ") }) };
    return { ok: true, choice: { set, origin: "argument", why: message("set.byArgument", { set: set.id }) } };
  }
  if (req.workbook) {
    const set = (req.workbook.base && getBuiltInSet(req.workbook.base)) || getBuiltInSet(req.workbook.set.id) || req.workbook.set;
    return { ok: true, choice: { set, origin: "workbook", why: message("set.byWorkbook", { set: set.id }) } };
  }
  if (req.setting) {
    const set = getBuiltInSet(req.setting);
    if (set) return { ok: true, choice: { set, origin: "setting", why: message("set.bySetting", { set: set.id }) } };
  }
  if (req.hints) return inferFromSheet(req.hints);
  const set = getBuiltInSet(DEFAULT_SET_ID)!;
  return { ok: true, choice: { set, origin: "default", why: message("set.byDefault", { set: set.id }) } };
}

/** The level from the units and the title; a village set needs its province, named in the title or chosen. */
function inferFromSheet(h: SheetHints): SetResolution {
  const title = foldVietnamese(`${h.title}\n${h.sheet}`);
  const villages = h.level === "thon" || (mentionsVillages(h.title) && !/\bxa\b.*nong.thon moi/.test(title.replace(/nong thon/g, "nong-thon")) && h.level !== "xa");
  const sets = [...builtInSets().values()];
  if (villages) {
    const provincial = sets.filter((s) => s.level === "thon");
    const named = provincial.find((s) => s.province && title.includes(foldVietnamese(s.province)));
    if (named) return { ok: true, choice: { set: named, origin: "inferred", why: message("set.byVillages", { set: named.id, province: named.province ?? "" }) } };
    return {
      ok: false,
      reason: message("set.needsProvince", { sheet: h.sheet, choices: provincial.map((s) => `--set ${s.id} (${s.province ?? s.title})`).join("; ") }),
    };
  }
  if (/nang cao/.test(title)) {
    const advanced = sets.find((s) => s.level === "xa" && s.tier === "advanced");
    if (advanced) return { ok: true, choice: { set: advanced, origin: "inferred", why: message("set.byAdvanced", { set: advanced.id }) } };
  }
  const set = getBuiltInSet(DEFAULT_SET_ID)!;
  return { ok: true, choice: { set, origin: "inferred", why: message("set.byCommunes", { set: set.id }) } };
}
