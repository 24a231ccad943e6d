// ntm: the criteria engine over .xlsx files, without Excel.
//   ntm evaluate <file.xlsx|folder> [--set ID] [--region ID] [--year YYYY] [--sheet NAME] [--out PATH] [--json] [--lang vi|en]
//   ntm catalog [--set ID] [--region ID] [--year YYYY] [--json]
// Exit codes: 0 success, 1 input cannot be read, 2 wrong usage.
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import {
  builtInSetIds,
  columnIndex,
  builtInSets,
  countThresholds,
  criterionName,
  formatMessage,
  formatGap,
  formatTarget,
  formatValue,
  getBuiltInSet,
  lookupThreshold,
  message,
  parseRegionId,
  REGION_IDS,
  REPORT_SHEET,
  reportProse,
  reportTable,
  statusLabel,
  t,
  type CriteriaSet,
  type Language,
  type MappingOverride,
  type RegionId,
} from "../shared/index.js";
import { evaluateWorkbook, InputError, type EvaluatedUnit, type WorkbookEvaluation } from "./evaluateWorkbook.js";
import { contractJson } from "./json.js";
import { writeReportSheet } from "./xlsxGrid.js";

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** A terminal on stderr: show a progress bar for folders. */
  tty?: boolean;
}

const defaultIo: CliIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  tty: Boolean(process.stderr.isTTY),
};

/** Files the tool wrote itself are never read back as input. */
const OWN_OUTPUT = /\.ntm\.xlsx$|^NTM_BaoCao.*\.xlsx$|^~\$/i;

class UsageError extends Error {}

function usage(lang: Language): string {
  return lang === "vi"
    ? `Cách dùng:
  ntm evaluate <tệp.xlsx|thư mục> [--set ID] [--region ID] [--year NĂM] [--sheet TÊN] [--out ĐƯỜNG_DẪN] [--mapping JSON] [--blank-means not-met|missing] [--json] [--lang vi|en]
  ntm catalog [--set ID] [--region ID] [--year NĂM] [--json]
Bộ tiêu chí: ${builtInSetIds().join(", ")}
Vùng: ${REGION_IDS.join(", ")} (hoặc tên vùng tiếng Việt)
`
    : `Usage:
  ntm evaluate <file.xlsx|folder> [--set ID] [--region ID] [--year YYYY] [--sheet NAME] [--out PATH] [--mapping JSON] [--blank-means not-met|missing] [--json] [--lang vi|en]
  ntm catalog [--set ID] [--region ID] [--year YYYY] [--json]
Sets: ${builtInSetIds().join(", ")}
Regions: ${REGION_IDS.join(", ")} (or the Vietnamese region name)
`;
}

interface Common {
  lang: Language;
  setId?: string;
  region?: RegionId;
  year?: number;
  json: boolean;
}

function common(values: Record<string, string | boolean | undefined>): Common {
  const lang: Language = values.lang === "en" ? "en" : "vi";
  if (values.lang !== undefined && values.lang !== "vi" && values.lang !== "en") throw new UsageError(`--lang: vi | en`);
  const c: Common = { lang, json: Boolean(values.json) };
  if (typeof values.set === "string") {
    if (!getBuiltInSet(values.set)) throw new InputError(formatMessage(message("set.unknown", { value: values.set, expected: builtInSetIds().join(", ") }), lang));
    c.setId = values.set.toLowerCase();
  }
  if (typeof values.region === "string") {
    const r = parseRegionId(values.region);
    if (!r) throw new InputError(formatMessage(message("region.unknown", { value: values.region }), lang));
    c.region = r;
  }
  if (typeof values.year === "string") {
    const y = Number(values.year);
    if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new UsageError(lang === "vi" ? `--year cần một năm như 2024, nhận "${values.year}"` : `--year expects a year such as 2024, got "${values.year}"`);
    c.year = y;
  }
  return c;
}

export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let lang: Language = argv.includes("--lang") && argv[argv.indexOf("--lang") + 1] === "en" ? "en" : "vi";
  try {
    const [command, ...rest] = argv;
    if (!command || command === "--help" || command === "-h" || command === "help") {
      io[command ? "out" : "err"](usage(lang));
      return command ? 0 : 2;
    }
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        set: { type: "string" },
        region: { type: "string" },
        year: { type: "string" },
        sheet: { type: "string" },
        mapping: { type: "string" },
        "blank-means": { type: "string" },
        out: { type: "string" },
        json: { type: "boolean" },
        lang: { type: "string" },
      },
    });
    const c = common(values);
    lang = c.lang;
    if (command === "catalog") return catalog(c, io);
    if (command !== "evaluate") throw new UsageError(lang === "vi" ? `lệnh không có: "${command}"` : `unknown command "${command}"`);
    if (positionals.length !== 1) throw new UsageError(lang === "vi" ? "cần đúng một tệp .xlsx hoặc một thư mục" : "exactly one .xlsx file or folder is expected");
    const blankMeans = values["blank-means"];
    if (blankMeans !== undefined && blankMeans !== "not-met" && blankMeans !== "missing") throw new UsageError(`--blank-means: not-met | missing`);
    const blank = blankMeans === "not-met" ? "not_met" : blankMeans === "missing" ? "missing" : undefined;
    return await evaluate(positionals[0]!, values.sheet, values.out, readMapping(values.mapping, lang), blank, c, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`ntm: ${e.message}\n`);
      return 1;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`ntm: ${(e as Error).message}\n${usage(lang)}`);
      return 2;
    }
    io.err(`ntm: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

function catalog(c: Common, io: CliIo): number {
  const sets = c.setId ? [getBuiltInSet(c.setId)!] : [...builtInSets().values()];
  if (c.json) {
    io.out(JSON.stringify(sets.map((s) => catalogJson(s, c)), null, 2) + "\n");
    return 0;
  }
  const vi = c.lang === "vi";
  for (const s of sets) {
    const n = countThresholds(s);
    io.out(`\n${s.title} (${s.id})\n`);
    io.out(`  ${vi ? "Căn cứ" : "Legal basis"}: ${s.legalBasis.map((b) => `${b.document}${b.confirmed ? "" : ` (${t("ui.unconfirmed", c.lang)})`}`).join("; ")}\n`);
    io.out(`  ${vi ? "Ngưỡng" : "Thresholds"}: ${n.total} ${vi ? "ô" : "slots"}, ${n.withValue} ${vi ? "có giá trị" : "with a value"}, ${n.confirmed} ${vi ? "đã xác nhận" : "confirmed"}\n`);
    for (const cr of s.criteria) {
      const name = criterionName(cr, c.lang);
      const shown = name === t("ui.criterion", c.lang, { no: cr.no }) ? `(${vi ? "chưa có tên" : "name not retrieved"})` : name;
      io.out(`  ${t("ui.criterion", c.lang, { no: cr.no })}: ${shown}${cr.confirmed ? "" : ` (${t("ui.unconfirmed", c.lang)})`}\n`);
      for (const ind of cr.indicators) {
        const found = lookupThreshold(ind, c.region, c.year);
        const target = found.found
          ? `${formatTarget({ comparator: ind.comparator, value: found.entry.value, unit: ind.unit || undefined }, c.lang)}${found.entry.confirmed ? "" : ` (${t("ui.unconfirmed", c.lang)})`} [${found.entry.source}]`
          : statusLabel("no_threshold", c.lang);
        io.out(`    ${ind.code.padEnd(6)} ${target}  ${ind.text}\n`);
      }
    }
  }
  if (!c.region) io.out(`\n${vi ? "Chọn vùng và năm để xem ngưỡng theo vùng: --region tdmnpb --year 2024" : "Choose a region and year to see regional thresholds: --region tdmnpb --year 2024"}\n`);
  return 0;
}

function catalogJson(s: CriteriaSet, c: Common) {
  return {
    id: s.id,
    title: s.title,
    legalBasis: s.legalBasis,
    thresholdCounts: countThresholds(s),
    criteria: s.criteria.map((cr) => ({
      no: cr.no,
      name: cr.name,
      indicators: cr.indicators.map((ind) => {
        const found = lookupThreshold(ind, c.region, c.year);
        return {
          code: ind.code,
          text: ind.text,
          unit: ind.unit,
          kind: ind.kind,
          comparator: ind.comparator,
          threshold: found.found ? { value: found.entry.value, source: found.entry.source, confirmed: found.entry.confirmed } : null,
          thresholds: ind.thresholds,
        };
      }),
    })),
  };
}

const OTHER_SPREADSHEET = /\.(xls|xlsm|xlsb|ods|csv)$/i;

function otherSpreadsheetAdvice(file: string, lang: Language): string {
  const ext = path.extname(file).toLowerCase();
  if (lang === "vi") return ext === ".xls" ? "tệp Excel 97-2003 (.xls): mở bằng Excel và lưu lại dạng .xlsx" : `tệp ${ext} chưa đọc được: mở bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx`;
  return ext === ".xls" ? "an Excel 97-2003 file (.xls): open it in Excel and save it as .xlsx" : `${ext} files are not read yet: open it in Excel or LibreOffice and save it as .xlsx`;
}

function listInputs(input: string, lang: Language): { files: string[]; folder: boolean; skipped: Array<{ file: string; error: string }> } {
  if (!existsSync(input)) throw new InputError(lang === "vi" ? `${input}: không có tệp hoặc thư mục này` : `${input}: no such file or folder`);
  if (statSync(input).isDirectory()) {
    const names = readdirSync(input)
      .filter((f) => !OWN_OUTPUT.test(f))
      .sort((a, b) => a.localeCompare(b, "vi"));
    const files = names.filter((f) => f.toLowerCase().endsWith(".xlsx")).map((f) => path.join(input, f));
    // Other spreadsheets in the folder are listed, never passed over in silence.
    const skipped = names.filter((f) => OTHER_SPREADSHEET.test(f)).map((f) => ({ file: path.join(input, f), error: `${path.join(input, f)}: ${otherSpreadsheetAdvice(f, lang)}` }));
    if (files.length === 0) throw new InputError(lang === "vi" ? `${input}: thư mục không có tệp .xlsx nào${skipped.length ? ` (${skipped.map((x) => path.basename(x.file)).join(", ")}: cần lưu lại dạng .xlsx)` : ""}` : `${input}: the folder holds no .xlsx file`);
    return { files, folder: true, skipped };
  }
  if (!input.toLowerCase().endsWith(".xlsx")) throw new InputError(lang === "vi" ? `${input}: cần tệp .xlsx (Excel 2007 trở lên); tệp .xls cũ hãy lưu lại dạng .xlsx` : `${input}: an .xlsx file is expected; save an old .xls as .xlsx`);
  return { files: [input], folder: false, skipped: [] };
}

function copyPath(file: string, out: string | undefined, folder: boolean): string {
  const base = path.basename(file).replace(/\.xlsx$/i, ".ntm.xlsx");
  if (!out) return path.join(path.dirname(file), base);
  if (folder || out.endsWith(path.sep) || (existsSync(out) && statSync(out).isDirectory())) return path.join(out, base);
  return out;
}

function progress(io: CliIo, done: number, total: number, label: string): void {
  if (!io.tty) return;
  const width = 24;
  const filled = Math.round((done / total) * width);
  io.err(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`);
  if (done === total) io.err("\n");
}

/**
 * --mapping '{"C": {"indicator": "10"}, "H": "ignore"}': the user's reading of columns (by letter or
 * 0-based number), the same value the add-ins save with a workbook.
 */
function readMapping(text: string | undefined, lang: Language): MappingOverride | undefined {
  if (text === undefined) return undefined;
  const bad = (why: string) => new UsageError(lang === "vi" ? `--mapping: ${why}; ví dụ: '{"C": {"indicator": "10"}, "D": {"criterion": 7}, "H": "ignore"}'` : `--mapping: ${why}; e.g. '{"C": {"indicator": "10"}, "D": {"criterion": 7}, "H": "ignore"}'`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw bad(lang === "vi" ? "không phải JSON" : "not JSON");
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw bad(lang === "vi" ? "cần một đối tượng JSON" : "a JSON object is expected");
  const out: MappingOverride = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const col = /^\d+$/.test(k) ? Number(k) : /^[A-Za-z]{1,3}$/.test(k) ? columnIndex(k) : NaN;
    if (!Number.isInteger(col)) throw bad(`"${k}"`);
    if (v === "ignore") out[col] = "ignore";
    else if (v && typeof v === "object" && typeof (v as { indicator?: unknown }).indicator === "string" && /^\d{1,2}(\.\d{1,2})?$/.test((v as { indicator: string }).indicator)) out[col] = { indicator: (v as { indicator: string }).indicator };
    else if (v && typeof v === "object" && Number.isInteger((v as { criterion?: unknown }).criterion)) out[col] = { criterion: (v as { criterion: number }).criterion };
    else throw bad(`"${k}": ${JSON.stringify(v)}`);
  }
  return out;
}

async function evaluate(input: string, sheet: string | undefined, out: string | undefined, mapping: MappingOverride | undefined, blank: "not_met" | "missing" | undefined, c: Common, io: CliIo): Promise<number> {
  const { files, folder, skipped } = listInputs(input, c.lang);
  const vi = c.lang === "vi";
  const done: Array<{ evaluation: WorkbookEvaluation; output: string }> = [];
  const errors: Array<{ file: string; error: string }> = [...skipped];
  for (const [i, file] of files.entries()) {
    progress(io, i, files.length, path.basename(file));
    try {
      const evaluation = await evaluateWorkbook(file, { setId: c.setId, region: c.region, year: c.year, sheet, mapping, lang: c.lang, ...(blank ? { blankCriterion: blank } : {}) });
      const output = copyPath(file, out, folder);
      mkdirSync(path.dirname(output), { recursive: true });
      await evaluation.copy.xlsx.writeFile(output);
      done.push({ evaluation, output });
    } catch (e) {
      if (!folder) throw e instanceof InputError ? e : new InputError(`${file}: ${(e as Error).message}`);
      errors.push({ file, error: e instanceof InputError ? e.message : `${file}: ${(e as Error).message}` });
    }
  }
  progress(io, files.length, files.length, "");

  const units: EvaluatedUnit[] = done.flatMap((d) => d.evaluation.units);
  const set = done[0]?.evaluation.set ?? getBuiltInSet(c.setId ?? "xa-ntm-2021-2025")!;
  // Villages and communes are never counted together: one report per set.
  const bySet = new Map<string, { set: CriteriaSet; units: EvaluatedUnit[]; files: number }>();
  for (const d of done) {
    const g = bySet.get(d.evaluation.set.id) ?? { set: d.evaluation.set, units: [], files: 0 };
    g.units.push(...d.evaluation.units);
    g.files++;
    bySet.set(d.evaluation.set.id, g);
  }
  let combined: string | undefined;
  if (folder && (done.length > 0 || errors.length > 0)) {
    combined = path.join(out ?? input, `${REPORT_SHEET}.xlsx`);
    const wb = new ExcelJS.Workbook();
    [...bySet.values()].forEach((g, i) => {
      const name = i === 0 ? REPORT_SHEET : `${REPORT_SHEET}_${i + 1}`;
      writeReportSheet(wb, name, reportTable(g.units.map((u) => u.result), { set: g.set, region: c.region, year: c.year, lang: c.lang, source: `${g.files} ${vi ? "tệp" : "files"}` }));
    });
    if (errors.length > 0) {
      const rows: Array<Array<string | number>> = [[vi ? "Tệp không đánh giá được" : "Files not evaluated"], [vi ? "STT" : "No.", vi ? "Tệp" : "File", vi ? "Lý do" : "Reason"]];
      errors.forEach((e, i) => rows.push([i + 1, path.basename(e.file), e.error.replace(`${e.file}: `, "")]));
      writeReportSheet(wb, vi ? "NTM_TepLoi" : "NTM_Errors", rows);
    }
    mkdirSync(path.dirname(combined), { recursive: true });
    await wb.xlsx.writeFile(combined);
  }
  const note = vi
    ? "Lưu ý: bản sao được ghi bằng exceljs, không giữ biểu đồ, bảng tổng hợp (pivot), hình vẽ và macro của tệp gốc; tệp gốc không bị thay đổi."
    : "Note: copies are written with exceljs and do not keep the original's charts, pivot tables, drawings or macros; the original files are not modified.";

  if (c.json) {
    const doc = contractJson(
      units,
      { set: set.id, region: c.region ?? null, year: c.year ?? null, lang: c.lang },
      {
        files: done.map((d) => ({
          file: d.evaluation.file,
          output: d.output,
          set: d.evaluation.set.id,
          setChoice: { origin: d.evaluation.setChoice.origin, why: formatMessage(d.evaluation.setChoice.why, c.lang) },
          units: d.evaluation.units.length,
          skippedSheets: d.evaluation.skipped,
          warnings: d.evaluation.warnings,
          totalMismatches: d.evaluation.totalMismatches.map(({ sheet, cell, unit, typed, counted }) => ({ sheet, cell, unit, typed, counted })),
          invalidCells: d.evaluation.invalidCells,
        })),
        errors,
        ...(combined ? { report: combined } : {}),
        notes: [note],
      },
    );
    io.out(JSON.stringify(doc, null, 2) + "\n");
  } else {
    for (const d of done) printWorkbook(d.evaluation, d.output, c, io);
    for (const g of bySet.values()) {
      if (g.units.length > 1) io.out(`\n${vi ? "TỔNG HỢP" : "SUMMARY"} (${g.set.id})\n${reportProse(g.units.map((u) => u.result), { set: g.set, year: c.year, lang: c.lang })}\n`);
    }
    if (combined) io.out(`\n${vi ? "Báo cáo tổng hợp" : "Combined report"}: ${combined}\n`);
    io.out(`\n${note}\n`);
  }
  for (const e of errors) io.err(`ntm: ${e.error}\n`);
  return done.length === 0 ? 1 : 0;
}

function printWorkbook(e: WorkbookEvaluation, output: string, c: Common, io: CliIo): void {
  const vi = c.lang === "vi";
  io.out(`\n== ${path.basename(e.file)} (${e.set.id}${c.region ? ", " + c.region : ""}${c.year ? ", " + c.year : ""})\n`);
  if (e.setChoice.origin === "inferred") io.out(`  ${formatMessage(e.setChoice.why, c.lang)}\n`);
  for (const { sheet, result: r } of e.units) {
    const where = e.units.filter((u) => u.sheet === sheet).length > 1 ? "" : ` [${sheet}]`;
    io.out(`  ${r.name}${r.group ? ` (${vi ? "xã" : "commune"} ${r.group})` : ""}${where}: ${t("ui.criteriaMet", c.lang, { met: r.criteriaMet, total: r.criteriaTotal })}`);
    if (r.unmet.length) io.out(`; ${t("ui.unmetList", c.lang, { list: r.unmet.join(", ") })}`);
    if (r.invalid.length) io.out(`; ${t("ui.invalidList", c.lang, { list: r.invalid.join(", ") })}`);
    if (r.missing.length) io.out(`; ${t("ui.missingList", c.lang, { list: r.missing.length > 8 ? `${r.missing.length} ${vi ? "tiêu chí" : "criteria"}` : r.missing.join(", ") })}`);
    io.out("\n");
    for (const cr of r.criteria) {
      if (cr.status !== "not_met") continue;
      for (const i of cr.indicators) {
        if (i.status !== "not_met" || !i.gap || i.gap.type === "requirement") continue;
        io.out(`      ${i.code}: ${formatValue(i.value, c.lang)} / ${i.threshold ? formatTarget(i.threshold, c.lang) : ""} → ${formatGap(i.gap, c.lang)}\n`);
      }
    }
  }
  for (const s of e.skipped) io.out(`  (${vi ? "bỏ qua trang" : "skipped sheet"} ${s.sheet}: ${s.reason})\n`);
  for (const w of e.warnings) io.out(`  ! ${w}\n`);
  if (e.invalidCells.length) {
    io.out(`  ${statusLabel("invalid", c.lang)}:\n`);
    for (const cell of e.invalidCells.slice(0, 20)) io.out(`    ${cell}\n`);
    if (e.invalidCells.length > 20) io.out(`    … ${e.invalidCells.length - 20}\n`);
  }
  io.out(`  ${vi ? "Bản sao có đánh dấu" : "Highlighted copy"}: ${output}\n`);
}

// Run as a script (npm run ntm), not when bin/ntm.js or a test imports it.
const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  // exitCode, not exit(): a large --json document on a pipe must drain before the process ends.
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
