// The conditions a district meets to be recognised (320/QĐ-TTg, Phụ lục I): shares of its
// communes meeting the commune set and the advanced set, its towns, its residents' satisfaction,
// its own criteria. Data with a source for each value, validated like the sets; the set itself
// (huyen-ntm-2021-2025.json) keeps to the catalog schema, so the conditions live beside it.
import * as z from "zod/mini";
import { ComparatorSchema } from "./schema.js";
import huyenNtm from "./conditions/huyen-ntm-2021-2025.json";

/** What a condition is judged from; only "communeResults" can be computed from a run's units. */
export const CONDITION_NEEDS = ["communeResults", "townResults", "survey", "districtCriteria"] as const;
/** Which commune set the share counts: the commune set (standard) or the advanced ("nâng cao") set. */
export const CONDITION_MEASURES = ["standard", "advanced"] as const;

export const DistrictConditionSchema = z
  .strictObject({
    id: z.string().check(z.regex(/^[a-z][A-Za-z]+$/, 'a condition id is a camelCase word, e.g. "communesStandard"')),
    text: z.string().check(z.minLength(3)),
    textEn: z.string().check(z.minLength(3)),
    needs: z.enum(CONDITION_NEEDS),
    measure: z.optional(z.enum(CONDITION_MEASURES)),
    comparator: ComparatorSchema,
    /** A share in percent; null: the document sets one that is not in the catalog yet. */
    value: z.nullable(z.number().check(z.gte(0), z.lte(100))),
    unit: z.optional(z.literal("%")),
    confirmed: z.boolean(),
    /** Words of a source, copied exactly, when one was read. */
    quote: z.optional(z.string().check(z.minLength(3))),
    source: z.string().check(z.regex(/\d+\/QĐ-TTg/, "a condition names its document (e.g. 320/QĐ-TTg, Phụ lục I)")),
    note: z.optional(z.string()),
  })
  .check(
    z.superRefine((c, ctx) => {
      if (c.confirmed && c.value === null) ctx.addIssue({ code: "custom", path: ["value"], message: "a confirmed condition needs a value" });
      if ((c.needs === "communeResults") !== (c.measure !== undefined)) {
        ctx.addIssue({ code: "custom", path: ["measure"], message: "a condition on the communes' results says which set it counts (measure), and only such a condition does" });
      }
    }),
  );

export const DistrictConditionsSchema = z
  .strictObject({
    setId: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
    document: z.string().check(z.minLength(3)),
    notes: z.optional(z.array(z.string())),
    conditions: z.array(DistrictConditionSchema).check(z.minLength(1)),
  })
  .check(
    z.superRefine((d, ctx) => {
      const seen = new Set<string>();
      for (const [i, c] of d.conditions.entries()) {
        if (seen.has(c.id)) ctx.addIssue({ code: "custom", path: ["conditions", i, "id"], message: `condition ${c.id} appears twice` });
        seen.add(c.id);
      }
    }),
  );

export type DistrictCondition = z.infer<typeof DistrictConditionSchema>;
export type DistrictConditions = z.infer<typeof DistrictConditionsSchema>;
export type ConditionMeasure = (typeof CONDITION_MEASURES)[number];

/** The national district set whose conditions the roll-up checks by default. */
export const DISTRICT_SET_ID = "huyen-ntm-2021-2025";

const RAW: readonly unknown[] = [huyenNtm];
let cache: Map<string, DistrictConditions> | undefined;

/** The conditions of each district set that has them, validated once. */
export function districtConditionSets(): ReadonlyMap<string, DistrictConditions> {
  if (!cache) {
    cache = new Map();
    for (const raw of RAW) {
      const d = DistrictConditionsSchema.parse(raw);
      cache.set(d.setId, d);
    }
  }
  return cache;
}

export function getDistrictConditions(setId: string = DISTRICT_SET_ID): DistrictConditions | undefined {
  return districtConditionSets().get(setId.trim().toLowerCase());
}
