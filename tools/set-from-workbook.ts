// A province's criteria set as JSON, for baking into the Excel add-in (excel-addin/bakeSet.cjs,
// `npm run build:excel -- --env setFile=...`): read from the NTM_BoTieuChi sheet of a workbook
// (.xlsx/.xlsm, the same reader and rules as `ntm evaluate --set-file`) or checked from a JSON set,
// then validated with the catalog schema. The set keeps its own id: it never replaces a shipped one.
//   npx tsx tools/set-from-workbook.ts <tinh.xlsx|bo-tieu-chi.json> [--out bo-tieu-chi.json] [--lang en]
// Exit codes: 0 done (the JSON on stdout, or written to --out), 1 the input cannot be used, 2 wrong usage.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { InputError } from "../cli/evaluateWorkbook.js";
import { defaultIo, type CliIo } from "../cli/io.js";
import { readSetFile } from "../cli/setFile.js";
import { countThresholds, CriteriaSetSchema, getBuiltInSet, type CriteriaSet, type Language } from "../shared/index.js";

const WORDS = {
  vi: {
    usage: "Cách dùng: npx tsx tools/set-from-workbook.ts <tệp.xlsx|tệp.json> [--out bo-tieu-chi.json] [--lang en]\n",
    kind: "{file}: cần một bảng tính .xlsx/.xlsm có trang NTM_BoTieuChi, hoặc một tệp .json chứa một bộ tiêu chí",
    cannotRead: "{file}: không đọc được tệp",
    notJson: "{file}: không phải JSON ({why})",
    badSet: "{file}: không phải một bộ tiêu chí hợp lệ:",
    builtIn: "{file}: mã bộ tiêu chí \"{id}\" là mã của một bộ có sẵn; bộ của tỉnh cần mã riêng (ví dụ xa-ntm-bac-kan-2021-2025) và dòng \"Kế thừa\" {id} trên trang NTM_BoTieuChi",
    written: "Đã ghi {out}: bộ tiêu chí {id}, {criteria} tiêu chí, {thresholds} ngưỡng có giá trị\n",
  },
  en: {
    usage: "Usage: npx tsx tools/set-from-workbook.ts <file.xlsx|file.json> [--out set.json] [--lang en]\n",
    kind: "{file}: expected an .xlsx/.xlsm workbook with an NTM_BoTieuChi sheet, or a .json file holding one criteria set",
    cannotRead: "{file}: cannot read the file",
    notJson: "{file}: not JSON ({why})",
    badSet: "{file}: not a valid criteria set:",
    builtIn: "{file}: set id \"{id}\" is a built-in set's; a province's set needs its own id (e.g. xa-ntm-bac-kan-2021-2025) and a \"Kế thừa\" {id} row on NTM_BoTieuChi",
    written: "Wrote {out}: criteria set {id}, {criteria} criteria, {thresholds} thresholds with a value\n",
  },
};

function say(lang: Language, key: keyof (typeof WORDS)["vi"], params: Record<string, string | number> = {}): string {
  return WORDS[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined ? m : String(params[k])));
}

/** The set a file holds, complete (a province's rows merged into the set they amend) and validated. */
export function setFromFile(file: string, lang: Language = "vi"): CriteriaSet {
  const name = path.basename(file);
  let set: CriteriaSet;
  if (/\.xls[xm]$/i.test(file)) {
    set = readSetFile(file, lang, "").set;
  } else if (/\.json$/i.test(file)) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      throw new InputError(say(lang, "cannotRead", { file }));
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new InputError(say(lang, "notJson", { file: name, why: (e as Error).message }));
    }
    const parsed = CriteriaSetSchema.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 20).map((i) => `  ${i.path.join(".") || "(set)"}: ${i.message}`);
      throw new InputError([say(lang, "badSet", { file: name }), ...issues].join("\n"));
    }
    set = parsed.data;
  } else {
    throw new InputError(say(lang, "kind", { file: name }));
  }
  if (getBuiltInSet(set.id)) throw new InputError(say(lang, "builtIn", { file: name, id: set.id }));
  return set;
}

export function main(argv: string[], io: CliIo = defaultIo): number {
  let lang: Language = argv.includes("--lang") && argv[argv.indexOf("--lang") + 1] === "en" ? "en" : "vi";
  let values: { out?: string; lang?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: "string" }, lang: { type: "string" } } }));
  } catch {
    io.err(say(lang, "usage"));
    return 2;
  }
  lang = values.lang === "en" ? "en" : "vi";
  if (positionals.length !== 1) {
    io.err(say(lang, "usage"));
    return 2;
  }
  try {
    const set = setFromFile(positionals[0]!, lang);
    const json = JSON.stringify(set, null, 2) + "\n";
    if (values.out) {
      writeFileSync(values.out, json);
      io.err(say(lang, "written", { out: values.out, id: set.id, criteria: set.criteria.length, thresholds: countThresholds(set).withValue }));
    } else io.out(json);
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`set-from-workbook: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
