// Sets baked into a build: a province's own set, made part of the Excel add-in it hosts
// (`npm run build:excel -- --env setFile=...`, excel-addin/bakeSet.cjs). The build replaces
// __NTM_BAKED_SETS__ with the sets' JSON (webpack DefinePlugin); everywhere else there is none.
declare const __NTM_BAKED_SETS__: readonly unknown[] | undefined;

/** The baked sets, as JSON (validated with the other built-in sets when the catalog loads). */
export function bakedSets(): readonly unknown[] {
  return typeof __NTM_BAKED_SETS__ === "undefined" ? [] : __NTM_BAKED_SETS__;
}
