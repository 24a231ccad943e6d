/** The criteria engine: pure TypeScript, no host API. Hosts import only from here. */
export * from "./catalog/schema.js";
export * from "./catalog/regions.js";
export * from "./catalog/builtin.js";
export * from "./catalog/thresholds.js";
export * from "./catalog/workbookSet.js";
export * from "./engine/types.js";
export * from "./engine/parseNumber.js";
export * from "./engine/parseValue.js";
export * from "./engine/parseTarget.js";
export * from "./engine/resolveThreshold.js";
export * from "./engine/evaluate.js";
export * from "./engine/gap.js";
export * from "./engine/summary.js";
export * from "./i18n/message.js";
export * from "./i18n/strings.js";
export * from "./i18n/format.js";
export * from "./text/fold.js";
