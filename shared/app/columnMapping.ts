// The user's reading of a column, one grammar for every host: the pane's and sidebar's choices
// and the command line's --mapping all say "i:10" (indicator 10), "c:7" (criterion 7) or "ignore".
import type { MappingOverride } from "../sheet/detect.js";

export type ColumnChoice = MappingOverride[number];

const CODE = /^\d{1,2}(\.\d{1,2})?$/;

/** "i:10", "c:7", "ignore": the text a select or a --mapping value holds. */
export function columnChoiceText(choice: ColumnChoice): string {
  if (choice === "ignore") return "ignore";
  return "indicator" in choice ? `i:${choice.indicator}` : `c:${choice.criterion}`;
}

/**
 * Reads a choice: "i:10" or a bare code ("10", "15.1") for an indicator; "c:7" (also "tc:7",
 * "TC 7") for a criterion 1..99; "ignore". Anything else is undefined, never a column silently dropped.
 */
export function parseColumnChoice(raw: unknown): ColumnChoice | undefined {
  if (raw && typeof raw === "object") {
    const o = raw as { indicator?: unknown; criterion?: unknown };
    if (typeof o.indicator === "string") return parseColumnChoice(`i:${o.indicator}`);
    if (typeof o.criterion === "number") return parseColumnChoice(`c:${o.criterion}`);
    return undefined;
  }
  if (typeof raw !== "string") return undefined;
  const text = raw.trim().toLowerCase();
  if (text === "ignore") return "ignore";
  const criterion = /^(?:c|tc)\s*:?\s*(\d{1,2})$/.exec(text);
  if (criterion) {
    const no = Number(criterion[1]);
    return no >= 1 && no <= 99 ? { criterion: no } : undefined;
  }
  const code = text.startsWith("i:") ? text.slice(2).trim() : text;
  return CODE.test(code) && Number(code.split(".")[0]) >= 1 ? { indicator: code } : undefined;
}
