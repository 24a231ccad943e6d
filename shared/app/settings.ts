// The settings a user chooses (set, region, year, language), one schema for every host.
// A damaged stored value falls back field by field, never failing the whole.
import * as z from "zod/mini";
import { parseRegionId, type RegionId } from "../catalog/regions.js";
import { YEAR_RANGE } from "../catalog/years.js";
import type { Language } from "../i18n/strings.js";
import { MAX_TARGET_COUNT, type RoadTarget } from "./certificationRoad.js";


export interface AppSettings {
  /** The set chosen by the user; absent: the workbook's own, else read from the sheet. */
  setId?: string;
  region?: RegionId;
  year?: number;
  /** In a block of tick marks ("x"), a blank reads as not met (default) or, chosen here, as missing data. */
  blankMeans?: "missing";
  /** The district's target, "12 communes meeting the standard by 2025": the report checks the count now against it. */
  target?: RoadTarget;
  lang: Language;
}

export const DEFAULT_APP_SETTINGS: Readonly<AppSettings> = Object.freeze({ lang: "vi" as Language });

export const SettingsSchema = z.object({
  setId: z.catch(
    z.optional(
      z.pipe(
        z.pipe(z.string(), z.transform((s: string) => s.trim().toLowerCase())),
        z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
      ),
    ),
    undefined,
  ),
  region: z.catch(
    z.optional(
      z.pipe(
        z.string(),
        // Mini's transform context has no addIssue: push the issue so .catch drops the value.
        z.transform((s: string, ctx) => parseRegionId(s) ?? (ctx.issues.push({ code: "custom", message: "region", input: s }), z.NEVER)),
      ),
    ),
    undefined,
  ),
  year: z.catch(z.optional(z.number().check(z.int(), z.gte(YEAR_RANGE.min), z.lte(YEAR_RANGE.max))), undefined),
  blankMeans: z.catch(z.optional(z.literal("missing")), undefined),
  target: z.catch(
    z.optional(
      z.object({
        count: z.number().check(z.int(), z.gte(1), z.lte(MAX_TARGET_COUNT)),
        year: z.number().check(z.int(), z.gte(YEAR_RANGE.min), z.lte(YEAR_RANGE.max)),
        perGroup: z.optional(z.literal(true)),
      }),
    ),
    undefined,
  ),
  lang: z.catch(z.enum(["vi", "en"]), "vi"),
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
  if (parsed.target) out.target = { count: parsed.target.count, year: parsed.target.year, ...(parsed.target.perGroup ? { perGroup: true as const } : {}) };
  return out;
}
