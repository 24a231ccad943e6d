// The settings a user chooses (set, region, year, language), one schema for every host.
// A damaged stored value falls back field by field, never failing the whole.
import { z } from "zod";
import { parseRegionId, type RegionId } from "../catalog/regions.js";
import { YEAR_RANGE } from "../catalog/years.js";
import type { Language } from "../i18n/strings.js";


export interface AppSettings {
  /** The set chosen by the user; absent: the workbook's own, else read from the sheet. */
  setId?: string;
  region?: RegionId;
  year?: number;
  /** In a block of tick marks ("x"), a blank reads as not met (default) or, chosen here, as missing data. */
  blankMeans?: "missing";
  lang: Language;
}

export const DEFAULT_APP_SETTINGS: Readonly<AppSettings> = Object.freeze({ lang: "vi" as Language });

export const SettingsSchema = z.object({
  setId: z
    .string()
    .transform((s) => s.trim().toLowerCase())
    .pipe(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/))
    .optional()
    .catch(undefined),
  region: z
    .string()
    .transform((s, ctx) => parseRegionId(s) ?? (ctx.addIssue({ code: "custom", message: "region" }), z.NEVER))
    .optional()
    .catch(undefined),
  year: z.number().int().min(YEAR_RANGE.min).max(YEAR_RANGE.max).optional().catch(undefined),
  blankMeans: z.literal("missing").optional().catch(undefined),
  lang: z.enum(["vi", "en"]).catch("vi"),
});

/** Settings from stored JSON (or an object): every field checked, each damaged one dropped. */
export function parseSettings(raw: unknown): AppSettings {
  let value = raw;
  if (typeof raw === "string") {
    try {
      value = raw ? JSON.parse(raw) : {};
    } catch {
      value = {};
    }
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) value = {};
  const parsed = SettingsSchema.parse({ lang: "vi", ...(value as object) });
  const out: AppSettings = { lang: parsed.lang };
  if (parsed.setId) out.setId = parsed.setId;
  if (parsed.region) out.region = parsed.region;
  if (parsed.year !== undefined) out.year = parsed.year;
  if (parsed.blankMeans) out.blankMeans = parsed.blankMeans;
  return out;
}
