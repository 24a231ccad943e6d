// What every command takes from its arguments: language, set, region, year, --json; and --mapping / --mapping-file.
import { readFileSync } from "node:fs";
import { tRollup } from "../shared/i18n/rollupStrings.js";
import {
  builtInSetIds,
  columnIndex,
  formatMessage,
  getBuiltInSet,
  isAssessmentYear,
  message,
  readColumnChoice,
  parseRegionId,
  parseRoadTarget,
  type Language,
  type MappingOverride,
  type RegionId,
  type RoadTarget,
} from "../shared/index.js";
import { InputError } from "./evaluateWorkbook.js";
import { jsonErrorOffset, lineAndColumn } from "./jsonError.js";
import { readSetFile, type SetFile } from "./setFile.js";
import { say } from "../shared/i18n/cliStrings.js";
import { UsageError } from "./usageError.js";

export { UsageError } from "./usageError.js";

export interface Common {
  lang: Language;
  setId?: string;
  region?: RegionId;
  year?: number;
  /** --target 12/2025: the district's target, checked in the road to certification. */
  target?: RoadTarget;
  json: boolean;
  /** --set-file FILE.xlsx: the set on that workbook's NTM_BoTieuChi, for every workbook without one of its own. */
  setFile?: SetFile;
  /** How messages name where the column mapping came from: "--mapping" (default) or "--mapping-file FILE". */
  mappingOption?: string;
}

export function common(values: Record<string, string | boolean | undefined>): Common {
  const lang: Language = values.lang === "en" ? "en" : "vi";
  if (values.lang !== undefined && values.lang !== "vi" && values.lang !== "en") throw new UsageError(`--lang: vi | en`);
  const c: Common = { lang, json: Boolean(values.json) };
  if (typeof values["set-file"] === "string") c.setFile = readSetFile(values["set-file"], lang);
  if (typeof values.set === "string") {
    // --set may name the set of --set-file, as it may name a workbook's own.
    const fileSet = c.setFile?.set.id;
    if (!getBuiltInSet(values.set) && fileSet !== values.set.trim().toLowerCase()) {
      if (c.setFile) throw new InputError(tRollup("setFile.setNotInFile", lang, { set: values.set, file: c.setFile.name, fileSet: fileSet ?? "" }));
      throw new InputError(formatMessage(message("set.unknown", { value: values.set, expected: builtInSetIds().join(", ") }), lang));
    }
    c.setId = values.set.trim().toLowerCase();
  }
  if (typeof values.region === "string") {
    const r = parseRegionId(values.region);
    if (!r) throw new InputError(formatMessage(message("region.unknown", { value: values.region }), lang));
    c.region = r;
  }
  if (typeof values.year === "string") {
    const y = Number(values.year);
    if (!isAssessmentYear(y)) throw new UsageError(say("badYear", lang, { value: String(values.year) }));
    c.year = y;
  }
  if (typeof values.target === "string") c.target = readTarget(values.target, lang);
  return c;
}

/** --target 12/2025: how many units should meet the standard, and by which year. */
export function readTarget(text: string, lang: Language): RoadTarget {
  const target = parseRoadTarget(text);
  if (!target) throw new UsageError(say("badTarget", lang, { value: text }));
  return target;
}


/**
 * --mapping '{"C": {"indicator": "10"}, "H": "ignore"}': the user's reading of columns (by letter or
 * 0-based number), the same value the add-ins save with a workbook. With --set, a criterion or
 * code the set lacks is refused here; otherwise once a workbook's set is known.
 */
export function readMapping(text: string | undefined, lang: Language, setId?: string, option = "--mapping"): MappingOverride | undefined {
  if (text === undefined) return undefined;
  const bad = (why: string) => new UsageError(say("badMapping", lang, { option, why }));
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // Where it stops being JSON, as line and column.
    const at = jsonErrorOffset(text);
    if (at < 0) throw bad(say("notJson", lang));
    const { line, column } = lineAndColumn(text, at);
    throw bad(say("notJsonAt", lang, { line: String(line), column: String(column) }));
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw bad(say("notObject", lang));
  const out: MappingOverride = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const col = /^\d+$/.test(k) ? Number(k) : /^[A-Za-z]{1,3}$/.test(k) ? columnIndex(k) : NaN;
    if (!Number.isInteger(col)) throw bad(`"${k}"`);
    // The same grammar as the add-ins' column choices: {"indicator": "10"}, {"criterion": 7}, "i:10", "c:7", "ignore".
    const choice = readColumnChoice(v, k, setId ? getBuiltInSet(setId) : undefined);
    if (!choice.ok) throw bad(formatMessage(choice.reason, lang));
    out[col] = choice.choice;
  }
  return out;
}

/** A text file as Windows editors and shells write it: UTF-8 with or without a BOM, or UTF-16 (PowerShell 5.1's `>`). */
function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString("utf16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString("utf16le");
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * --mapping-file FILE.json: the same JSON as --mapping, read from a file (no shell quoting to get right).
 * A missing or unreadable file stops the run (exit 1); a file that is not a mapping is refused as
 * --mapping is (exit 2), the message naming the file.
 */
export function readMappingFile(file: string, lang: Language, setId?: string): MappingOverride {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new InputError(say((e as NodeJS.ErrnoException).code === "ENOENT" ? "mappingFileMissing" : "mappingFileUnreadable", lang, { file }));
  }
  const option = `--mapping-file ${file}`;
  const text = decodeText(bytes);
  if (text.trim() === "") throw new UsageError(say("badMapping", lang, { option, why: say("mappingFileEmpty", lang) }));
  return readMapping(text, lang, setId, option)!;
}

/** --mapping or --mapping-file (not both); records on `c` how later messages name it. */
export function readMappingOption(values: { mapping?: string | boolean; "mapping-file"?: string | boolean }, c: Common): MappingOverride | undefined {
  const file = values["mapping-file"];
  if (typeof file === "string") {
    if (values.mapping !== undefined) throw new UsageError(say("mappingBoth", c.lang));
    c.mappingOption = `--mapping-file ${file}`;
    return readMappingFile(file, c.lang, c.setId);
  }
  return readMapping(typeof values.mapping === "string" ? values.mapping : undefined, c.lang, c.setId);
}
