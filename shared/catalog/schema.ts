// zod/mini (functional API), so the bundles keep only the validators used here.
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import { REGION_IDS } from "./regions.js";
import { YEAR_RANGE } from "./years.js";

// Classic zod installs English messages on first use; mini does not, and the messages of
// a workbook set's issues reach the user. An explicitly chosen locale is kept.
if (!z.core.globalConfig.localeError) z.config(en());

export const INDICATOR_KINDS = ["number", "percent", "boolean", "grade", "count"] as const;
export const COMPARATORS = [">=", ">", "<=", "<", "="] as const;

export const RegionIdSchema = z.enum(REGION_IDS);
export const ComparatorSchema = z.enum(COMPARATORS);
export const IndicatorKindSchema = z.enum(INDICATOR_KINDS);

/**
 * One cell of a threshold table: the target for a region ("all" = every region) and,
 * where the law sets it per year (income), for one year. `value: null` records that the
 * document sets a target here which has not been confirmed yet: the engine then answers
 * `no_threshold` rather than guess.
 */
export const ThresholdEntrySchema = z.strictObject({
  region: z.union([z.literal("all"), RegionIdSchema]),
  year: z.optional(z.number().check(z.int(), z.gte(YEAR_RANGE.min), z.lte(YEAR_RANGE.max))),
  value: z.union([z.number(), z.boolean(), z.string().check(z.minLength(1)), z.null()]),
  source: z.string().check(z.minLength(3, "a threshold needs its source (document number, criterion/indicator)")),
  confirmed: z.boolean(),
  note: z.optional(z.string()),
});

export const IndicatorSchema = z
  .strictObject({
    code: z.string().check(z.regex(/^\d{1,2}(\.\d{1,2})?[a-z]?$/, 'an indicator code looks like "10", "2.1" or "17.10"')),
    text: z.string().check(z.minLength(1)),
    textEn: z.optional(z.string()),
    unit: z.string(),
    kind: IndicatorKindSchema,
    comparator: ComparatorSchema,
    /** Ordered from lowest to highest, for `grade` indicators. */
    grades: z.optional(z.array(z.string().check(z.minLength(1)))),
    /** "nếu có": the indicator does not apply to every unit (e.g. a craft village). */
    optional: z.optional(z.boolean()),
    thresholds: z.array(ThresholdEntrySchema),
    confirmed: z.boolean(),
    source: z.string().check(z.minLength(3)),
    notes: z.optional(z.array(z.string())),
  })
  .check(
    z.superRefine((ind, ctx) => {
      for (const [i, t] of ind.thresholds.entries()) {
        if (t.value === null) continue;
        const ok =
          ind.kind === "boolean"
            ? typeof t.value === "boolean"
            : ind.kind === "grade"
              ? typeof t.value === "string" && (ind.grades ?? []).includes(t.value)
              : typeof t.value === "number" && Number.isFinite(t.value);
        if (!ok) {
          ctx.addIssue({
            code: "custom",
            path: ["thresholds", i, "value"],
            message: `threshold ${JSON.stringify(t.value)} does not fit an indicator of kind "${ind.kind}"`,
          });
        }
        if (t.confirmed && t.value === null) {
          ctx.addIssue({ code: "custom", path: ["thresholds", i], message: "a confirmed threshold needs a value" });
        }
      }
      if (ind.kind === "grade" && !(ind.grades && ind.grades.length > 1)) {
        ctx.addIssue({ code: "custom", path: ["grades"], message: "a grade indicator lists its grades" });
      }
      if (ind.kind === "percent" && ind.thresholds.some((t) => typeof t.value === "number" && (t.value < 0 || t.value > 100))) {
        ctx.addIssue({ code: "custom", path: ["thresholds"], message: "a percent threshold is between 0 and 100" });
      }
      const seen = new Set<string>();
      for (const t of ind.thresholds) {
        const key = `${t.region}|${t.year ?? ""}`;
        if (seen.has(key)) {
          ctx.addIssue({ code: "custom", path: ["thresholds"], message: `two thresholds for region ${t.region}${t.year ? ", year " + t.year : ""}` });
        }
        seen.add(key);
      }
    }),
  );

export const CriterionSchema = z
  .strictObject({
    no: z.number().check(z.int(), z.gte(1), z.lte(99)),
    name: z.string().check(z.minLength(1)),
    nameEn: z.optional(z.string()),
    group: z.optional(z.string()),
    confirmed: z.boolean(),
    source: z.string().check(z.minLength(3)),
    indicators: z.array(IndicatorSchema),
    notes: z.optional(z.array(z.string())),
  })
  .check(
    z.superRefine((c, ctx) => {
      for (const [i, ind] of c.indicators.entries()) {
        const head = Number(ind.code.split(".")[0]);
        if (head !== c.no) {
          ctx.addIssue({ code: "custom", path: ["indicators", i, "code"], message: `indicator ${ind.code} does not belong to criterion ${c.no}` });
        }
      }
    }),
  );

export const LegalBasisSchema = z.strictObject({
  document: z.string().check(z.minLength(3)),
  date: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  title: z.optional(z.string()),
  confirmed: z.boolean(),
  source: z.optional(z.string()),
});

export const CriteriaSetSchema = z
  .strictObject({
    id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a set id is lower-case words joined by "-", e.g. "xa-ntm-2021-2025"')),
    title: z.string().check(z.minLength(1)),
    titleEn: z.optional(z.string()),
    level: z.enum(["xa", "thon", "huyen"]),
    /** A province's own set (villages): the province, so a sheet's title can name it. */
    province: z.optional(z.string().check(z.minLength(2))),
    /** How notices name the set's units when not by its level ("bản" for Lai Châu's villages). */
    unitNoun: z.optional(z.strictObject({ vi: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) })),
    /** The "nâng cao" (advanced) tier of a level. */
    tier: z.optional(z.enum(["standard", "advanced"])),
    period: z.strictObject({ from: z.number().check(z.int()), to: z.number().check(z.int()) }),
    legalBasis: z.array(LegalBasisSchema).check(z.minLength(1)),
    /** Regions the set distinguishes; empty for a province's set that has one column. */
    regions: z.array(RegionIdSchema),
    regionRule: z.optional(z.strictObject({ text: z.string(), confirmed: z.boolean(), source: z.string() })),
    /** How complete the catalog is compared with the legal text. */
    completeness: z.enum(["complete", "partial", "structure-only"]),
    notes: z.optional(z.array(z.string())),
    /** May be empty for a set whose criteria are not retrieved yet: they then come from the data. */
    criteria: z.array(CriterionSchema),
  })
  .check(
    z.superRefine((set, ctx) => {
      const nos = new Set<number>();
      const codes = new Set<string>();
      for (const [i, c] of set.criteria.entries()) {
        if (nos.has(c.no)) ctx.addIssue({ code: "custom", path: ["criteria", i, "no"], message: `criterion ${c.no} appears twice` });
        nos.add(c.no);
        for (const ind of c.indicators) {
          if (codes.has(ind.code)) ctx.addIssue({ code: "custom", path: ["criteria", i], message: `indicator ${ind.code} appears twice` });
          codes.add(ind.code);
          for (const t of ind.thresholds) {
            if (t.region !== "all" && set.regions.length > 0 && !set.regions.includes(t.region)) {
              ctx.addIssue({ code: "custom", path: ["criteria", i], message: `indicator ${ind.code}: region ${t.region} is not one of the set's regions` });
            }
            if (t.year !== undefined && (t.year < set.period.from || t.year > set.period.to)) {
              ctx.addIssue({ code: "custom", path: ["criteria", i], message: `indicator ${ind.code}: year ${t.year} is outside the set's period` });
            }
          }
        }
      }
    }),
  );

export type Comparator = z.infer<typeof ComparatorSchema>;
export type IndicatorKind = z.infer<typeof IndicatorKindSchema>;
export type ThresholdEntry = z.infer<typeof ThresholdEntrySchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type Criterion = z.infer<typeof CriterionSchema>;
export type CriteriaSet = z.infer<typeof CriteriaSetSchema>;
export type ThresholdValue = NonNullable<ThresholdEntry["value"]>;
