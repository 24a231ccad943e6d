import type { CriteriaSet } from "./schema.js";
import { CriteriaSetSchema } from "./schema.js";
import xaNtm from "./sets/xa-ntm-2021-2025.json";
import xaNangCao from "./sets/xa-ntm-nang-cao-2021-2025.json";
import thonBacKan from "./sets/thon-ntm-bac-kan-2022-2025.json";
import banLaiChau from "./sets/ban-ntm-lai-chau-2021-2025.json";
import huyenNtm from "./sets/huyen-ntm-2021-2025.json";
import { bakedSets } from "./bakedSets.js";

/**
 * The catalogs shipped with the add-in, as JSON data. Adding a set = adding a file here. A build
 * may bake a province's set in (bakedSets.ts); its id never replaces a shipped one.
 */
const RAW_SETS: readonly unknown[] = [xaNtm, xaNangCao, thonBacKan, banLaiChau, huyenNtm, ...bakedSets()];

export const DEFAULT_SET_ID = "xa-ntm-2021-2025";

let cache: Map<string, CriteriaSet> | undefined;

/** Every built-in set, validated once with the same schema that workbook sets go through. */
export function builtInSets(): ReadonlyMap<string, CriteriaSet> {
  if (!cache) {
    cache = new Map();
    for (const raw of RAW_SETS) {
      const set = CriteriaSetSchema.parse(raw);
      if (!cache.has(set.id)) cache.set(set.id, set);
    }
  }
  return cache;
}

export function getBuiltInSet(id: string): CriteriaSet | undefined {
  return builtInSets().get(id.trim().toLowerCase());
}

export function builtInSetIds(): string[] {
  return [...builtInSets().keys()];
}
