import { foldVietnamese } from "../text/fold.js";

export const REGION_IDS = ["tdmnpb", "dbsh", "btb", "dhntb", "tn", "dnb", "dbscl"] as const;
export type RegionId = (typeof REGION_IDS)[number];

export const REGION_NAMES: Record<RegionId, { vi: string; en: string }> = {
  tdmnpb: { vi: "Trung du và miền núi phía Bắc", en: "Northern Midlands and Mountains" },
  dbsh: { vi: "Đồng bằng sông Hồng", en: "Red River Delta" },
  btb: { vi: "Bắc Trung Bộ", en: "North Central Coast" },
  dhntb: { vi: "Duyên hải Nam Trung Bộ", en: "South Central Coast" },
  tn: { vi: "Tây Nguyên", en: "Central Highlands" },
  dnb: { vi: "Đông Nam Bộ", en: "Southeast" },
  dbscl: { vi: "Đồng bằng sông Cửu Long", en: "Mekong River Delta" },
};

/** Other spellings met in templates and notices, already folded. */
// A Map, so a user's "constructor" or "__proto__" finds nothing rather than Object's own members.
const REGION_ALIASES: ReadonlyMap<string, RegionId> = new Map(Object.entries({
  "trung du mien nui phia bac": "tdmnpb",
  "mien nui phia bac": "tdmnpb",
  "trung du va mien nui bac bo": "tdmnpb",
  "dong bang bac bo": "dbsh",
  "duyen hai nam trung bo": "dhntb",
  "nam trung bo": "dhntb",
  "mien dong nam bo": "dnb",
  "tay nam bo": "dbscl",
  "dong bang song cuu long": "dbscl",
}) as Array<[string, RegionId]>);

export function isRegionId(value: string): value is RegionId {
  return (REGION_IDS as readonly string[]).includes(value);
}

/**
 * Accepts a region id ("tdmnpb"), its upper-case form ("TDMNPB"), or the Vietnamese
 * name with or without diacritics ("Trung du và miền núi phía Bắc", "dong bang song hong").
 * Returns undefined when the text names no region.
 */
export function parseRegionId(text: string): RegionId | undefined {
  const folded = foldVietnamese(text).replace(/^vung /, "");
  const compact = folded.replace(/[\s._-]/g, "");
  if (isRegionId(compact)) return compact;
  for (const id of REGION_IDS) {
    const name = foldVietnamese(REGION_NAMES[id].vi);
    if (folded === name || folded === foldVietnamese(REGION_NAMES[id].en)) return id;
  }
  return REGION_ALIASES.get(folded);
}
