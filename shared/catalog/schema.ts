import { z } from "zod";
import { REGION_IDS } from "./regions.js";
import { YEAR_RANGE } from "./years.js";

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
export const ThresholdEntrySchema = z
  .object({
    region: z.union([z.literal("all"), RegionIdSchema]),
    year: z.number().int().min(YEAR_RANGE.min).max(YEAR_RANGE.max).optional(),
    value: z.union([z.number(), z.boolean(), z.string().min(1), z.null()]),
    source: z.string().min(3, "a threshold needs its source (document number, criterion/indicator)"),
    confirmed: z.boolean(),
    note: z.string().optional(),
  })
  .strict();

export const IndicatorSchema = z
  .object({
    code: z.string().regex(/^\d{1,2}(\.\d{1,2})?[a-z]?$/, 'an indicator code looks like "10", "2.1" or "17.10"'),
    text: z.string().min(1),
    textEn: z.string().optional(),
    unit: z.string(),
    kind: IndicatorKindSchema,
    comparator: ComparatorSchema,
    /** Ordered from lowest to highest, for `grade` indicators. */
    grades: z.array(z.string().min(1)).optional(),
    /** "nếu có": the indicator does not apply to every unit (e.g. a craft village). */
    optional: z.boolean().optional(),
    thresholds: z.array(ThresholdEntrySchema),
    confirmed: z.boolean(),
    source: z.string().min(3),
    notes: z.array(z.string()).optional(),
  })
  .strict()
  .superRefine((ind, ctx) => {
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
  });

export const CriterionSchema = z
  .object({
    no: z.number().int().min(1).max(99),
    name: z.string().min(1),
    nameEn: z.string().optional(),
    group: z.string().optional(),
    confirmed: z.boolean(),
    source: z.string().min(3),
    indicators: z.array(IndicatorSchema),
    notes: z.array(z.string()).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const [i, ind] of c.indicators.entries()) {
      const head = Number(ind.code.split(".")[0]);
      if (head !== c.no) {
        ctx.addIssue({ code: "custom", path: ["indicators", i, "code"], message: `indicator ${ind.code} does not belong to criterion ${c.no}` });
      }
    }
  });

export const LegalBasisSchema = z
  .object({
    document: z.string().min(3),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    title: z.string().optional(),
    confirmed: z.boolean(),
    source: z.string().optional(),
  })
  .strict();

export const CriteriaSetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a set id is lower-case words joined by "-", e.g. "xa-ntm-2021-2025"'),
    title: z.string().min(1),
    titleEn: z.string().optional(),
    level: z.enum(["xa", "thon", "huyen"]),
    /** A province's own set (villages): the province, so a sheet's title can name it. */
    province: z.string().min(2).optional(),
    /** How notices name the set's units when not by its level ("bản" for Lai Châu's villages). */
    unitNoun: z.object({ vi: z.string().min(1), en: z.string().min(1) }).strict().optional(),
    /** The "nâng cao" (advanced) tier of a level. */
    tier: z.enum(["standard", "advanced"]).optional(),
    period: z.object({ from: z.number().int(), to: z.number().int() }).strict(),
    legalBasis: z.array(LegalBasisSchema).min(1),
    /** Regions the set distinguishes; empty for a province's set that has one column. */
    regions: z.array(RegionIdSchema),
    regionRule: z.object({ text: z.string(), confirmed: z.boolean(), source: z.string() }).strict().optional(),
    /** How complete the catalog is compared with the legal text. */
    completeness: z.enum(["complete", "partial", "structure-only"]),
    notes: z.array(z.string()).optional(),
    /** May be empty for a set whose criteria are not retrieved yet: they then come from the data. */
    criteria: z.array(CriterionSchema),
  })
  .strict()
  .superRefine((set, ctx) => {
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
  });

export type Comparator = z.infer<typeof ComparatorSchema>;
export type IndicatorKind = z.infer<typeof IndicatorKindSchema>;
export type ThresholdEntry = z.infer<typeof ThresholdEntrySchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type Criterion = z.infer<typeof CriterionSchema>;
export type CriteriaSet = z.infer<typeof CriteriaSetSchema>;
export type ThresholdValue = NonNullable<ThresholdEntry["value"]>;
