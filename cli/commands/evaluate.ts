// ntm evaluate: a workbook or a folder of them, highlighted copies and the combined report.
import { tRollup } from "../../shared/i18n/rollupStrings.js";
import { mkdirSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import {
  certificationRoad,
  districtRollup,
  insertBeforeNotes,
  contractFrame,
  contractUnitJson,
  formatMessage,
  formatGap,
  formatTarget,
  formatValue,
  getBuiltInSet,
  REPORT_SHEET,
  reportProse,
  reportMatrixFills,
  reportPrint,
  reportPrintTitle,
  reportWithRoad,
  roadJson,
  roadLines,
  roadUnitLine,
  rollupJson,
  rollupLines,
  statusLabel,
  t,
  type CriteriaSet,
  type Language,
  type MappingOverride,
  type ReportSort,
} from "../../shared/index.js";
import { UsageError, type Common } from "../args.js";
import { evaluateWorkbook, InputError, type EvaluatedUnit, type WorkbookEvaluation } from "../evaluateWorkbook.js";
import { watchInterruption, type Interruption } from "../interrupt.js";
import type { CliIo } from "../io.js";
import { formulaNamesWarning } from "./formulas.js";
import { say } from "../../shared/i18n/cliStrings.js";
import { copyPath, listInputs, writeOutput } from "../runFiles.js";
export { writeOutput } from "../runFiles.js";
import { writeReportSheet } from "../xlsxGrid.js";
import { htmlPage } from "../htmlPage.js";
import { writeJsonObject, type JsonField } from "../jsonOut.js";
import { loadAssignmentFile } from "../assignmentSheet.js";
import { followUpsJson, followUpText, runFollowUps, writeFollowUpSheets } from "../followUp.js";

async function writeJson(units: readonly EvaluatedUnit[], frame: ReturnType<typeof contractFrame>, lang: Language, io: CliIo): Promise<void> {
  const fields = (o: Record<string, unknown>): JsonField[] => Object.entries(o).map(([key, value]) => ({ key, value }));
  const items = function* () {
    for (const u of units) yield contractUnitJson(u, lang);
  };
  await writeJsonObject([...fields(frame.before), { key: "units", items: items() }, ...fields(frame.after)], io);
}

/** Files the tool wrote itself are never read back as input. */
function progress(io: CliIo, done: number, total: number, label: string): void {
  if (!io.tty) return;
  const width = 24;
  const filled = Math.round((done / total) * width);
  io.err(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`);
  if (done === total) io.err("\n");
}

export async function evaluate(input: string, sheet: string | undefined, out: string | undefined, mapping: MappingOverride | undefined, blank: "not_met" | "missing" | undefined, c: Common, io: CliIo, report: { html?: string; sort?: ReportSort; assignments?: string; reportDate?: string } = {}): Promise<number> {
  const { files, folder, skipped } = listInputs(input, c.lang);
  const interruption = watchInterruption(() => io.err(`\nntm: ${say("stopping", c.lang)}\n`));
  try {
    return await evaluateFiles(files, folder, skipped, { input, sheet, out, mapping, blank, ...report }, c, io, interruption);
  } finally {
    interruption.dispose();
  }
}

interface EvaluateRequest {
  input: string;
  sheet: string | undefined;
  out: string | undefined;
  mapping: MappingOverride | undefined;
  blank: "not_met" | "missing" | undefined;
  /** --html FILE: the printable page of the run. */
  html?: string;
  /** --sort closest: the report matrix ranked, most criteria met first. */
  sort?: ReportSort;
  /** --assignments FILE: its NTM_PhanCong followed up; --report-date (default today) judges overdue. */
  assignments?: string;
  reportDate?: string;
}

async function evaluateFiles(files: string[], folder: boolean, skipped: Array<{ file: string; error: string }>, request: EvaluateRequest, c: Common, io: CliIo, interruption: Interruption): Promise<number> {
  const { input, sheet, out, mapping, blank } = request;
  const done: Array<{ evaluation: WorkbookEvaluation; output: string }> = [];
  const errors: Array<{ file: string; error: string }> = [...skipped];
  let attempted = 0;
  // Read before any workbook: a bad date in the assignments stops the run at once, naming its cell.
  const assignments = request.assignments !== undefined ? loadAssignmentFile(request.assignments, c.lang) : undefined;
  for (const [i, file] of files.entries()) {
    await interruption.checkpoint();
    if (interruption.requested) break;
    attempted++;
    progress(io, i, files.length, path.basename(file));
    try {
      const evaluation = await evaluateWorkbook(file, { setId: c.setId, region: c.region, year: c.year, sheet, mapping, ...(c.mappingOption ? { mappingOption: c.mappingOption } : {}), lang: c.lang, ...(blank ? { blankCriterion: blank } : {}), ...(c.target ? { target: c.target } : {}), ...(request.sort ? { sort: request.sort } : {}), ...(c.setFile ? { setFile: c.setFile } : {}), ...(request.reportDate ? { followUp: { reportDate: request.reportDate, ...(assignments ? { source: assignments } : {}) } } : {}) });
      // Formulas calling the cell functions by Google Sheets' names, which Excel does not know.
      const names = formulaNamesWarning(file, c.lang);
      if (names) evaluation.warnings.push(`${path.basename(file)}: ${names}`);
      const output = copyPath(file, out, folder);
      mkdirSync(path.dirname(output), { recursive: true });
      writeOutput(output, evaluation.copy, files, c.lang);
      done.push({ evaluation, output });
    } catch (e) {
      if (e instanceof UsageError) throw e;
      if (!folder) throw e instanceof InputError ? e : new InputError(`${file}: ${(e as Error).message}`);
      errors.push({ file, error: e instanceof InputError ? e.message : `${file}: ${(e as Error).message}` });
    }
  }
  const partial = interruption.requested ? say("partial", c.lang, { done: attempted, total: files.length }) : undefined;
  if (!partial) progress(io, files.length, files.length, "");

  const units: EvaluatedUnit[] = done.flatMap((d) => d.evaluation.units);
  const set = done[0]?.evaluation.set ?? getBuiltInSet(c.setId ?? "xa-ntm-2021-2025")!;
  // Villages and communes are never counted together: one report per set.
  const bySet = new Map<string, { set: CriteriaSet; units: EvaluatedUnit[]; files: number }>();
  for (const d of done) {
    const g = bySet.get(d.evaluation.set.id) ?? { set: d.evaluation.set, units: [], files: 0 };
    // A loop, not push(...units): 200,000 arguments overflow the call stack.
    for (const u of d.evaluation.units) g.units.push(u);
    g.files++;
    bySet.set(d.evaluation.set.id, g);
  }
  // Who holds what is still open: the --assignments file's, or a single workbook's own NTM_PhanCong.
  const followUps = runFollowUps(bySet.values(), assignments ?? (folder ? undefined : done[0]?.evaluation.assignments), request.reportDate, folder ? `${path.basename(path.resolve(input))} (${say("files", c.lang, { count: done.length })})` : path.basename(input), c.lang);
  // The district set's conditions computed from the communes of the run (a folder, or a sheet of communes).
  const rollup = districtRollupOf(done, units, folder);
  let combined: string | undefined;
  if (folder && (done.length > 0 || errors.length > 0 || partial)) {
    combined = path.join(out ?? input, `${REPORT_SHEET}.xlsx`);
    const wb = new ExcelJS.Workbook();
    [...bySet.values()].forEach((g, i) => {
      const name = i === 0 ? REPORT_SHEET : `${REPORT_SHEET}_${i + 1}`;
      const results = g.units.map((u) => u.result);
      const context = { set: g.set, region: c.region, year: c.year, lang: c.lang, source: say("files", c.lang, { count: g.files }), ...(partial ? { notes: [partial] } : {}), ...(request.sort ? { sort: request.sort } : {}) };
      // The roll-up covers every commune of the folder (commune and advanced sets): on the first sheet, before its notes.
      const block = i === 0 && rollup ? [[], ...rollupLines(rollup, c.lang).map((l) => [l])] : [];
      const table = insertBeforeNotes(reportWithRoad(results, { ...context, target: c.target }), block, partial ? 1 : 0);
      const title = reportPrintTitle({ ...context, source: `${path.basename(path.resolve(input))} (${context.source})` });
      writeReportSheet(wb, name, table, reportMatrixFills(table, c.lang), reportPrint(table, c.lang, title));
    });
    writeFollowUpSheets(wb, followUps, c.lang);
    if (errors.length > 0 || (partial && bySet.size === 0)) {
      const rows: Array<Array<string | number>> = [[say("errorsTitle", c.lang)], ...(partial ? [[partial]] : []), say("errorsHeader", c.lang).split("|")];
      errors.forEach((e, i) => rows.push([i + 1, path.basename(e.file), e.error.replace(`${e.file}: `, "")]));
      writeReportSheet(wb, say("errorsSheet", c.lang), rows);
    }
    mkdirSync(path.dirname(combined), { recursive: true });
    await wb.xlsx.writeFile(combined);
  }
  let html: string | undefined;
  if (request.html) {
    html = request.html;
    const groups = [...bySet.values()].map((g) => ({ set: g.set, units: g.units, source: folder ? `${path.basename(path.resolve(input))} (${say("files", c.lang, { count: g.files })})` : path.basename(input) }));
    const page = htmlPage({ groups, done, skipped, failed: errors.slice(skipped.length), partial, region: c.region, year: c.year, sort: request.sort, lang: c.lang, now: new Date() });
    mkdirSync(path.dirname(path.resolve(html)), { recursive: true });
    writeOutput(html, Buffer.from(page, "utf8"), files, c.lang);
  }
  const note = say("copyNote", c.lang);
  // The road to certification per set: villages and communes are never ranked together.
  const roads = [...bySet.values()].map((g) => ({ g, road: certificationRoad(g.units.map((u) => u.result), { set: g.set, target: c.target, year: c.year }) }));
  if (c.json) {
    const frame = contractFrame(
      units,
      { set: set.id, region: c.region ?? null, year: c.year ?? null, lang: c.lang },
      {
        files: done.map((d) => ({
          file: d.evaluation.file,
          output: d.output,
          set: d.evaluation.set.id,
          setChoice: d.evaluation.setFile && d.evaluation.setChoice.origin === "workbook"
            ? { origin: "setFile", why: tRollup("setFile.used", c.lang, { set: d.evaluation.set.id, file: d.evaluation.setFile }) }
            : { origin: d.evaluation.setChoice.origin, why: formatMessage(d.evaluation.setChoice.why, c.lang) },
          ...(d.evaluation.setFile ? { setFile: d.evaluation.setFile } : {}),
          units: d.evaluation.units.length,
          skippedSheets: d.evaluation.skipped,
          warnings: d.evaluation.warnings,
          totalMismatches: d.evaluation.totalMismatches.map(({ sheet, cell, unit, typed, counted }) => ({ sheet, cell, unit, typed, counted })),
          invalidCells: d.evaluation.invalidCells,
        })),
        errors,
        ...(combined ? { report: combined } : {}),
        notes: [note],
        ...roadsJson(roads, units, c.lang),
        ...followUpsJson(followUps, units, c.lang),
        ...(rollup ? { districtRollup: rollupJson(rollup, c.lang) } : {}),
      },
    );
    await writeJson(units, frame, c.lang, io);
  } else {
    for (const d of done) printWorkbook(d.evaluation, d.output, c, io);
    for (const g of bySet.values()) {
      if (g.units.length > 1) io.out(`\n${say("summary", c.lang)} (${g.set.id})\n${reportProse(g.units.map((u) => u.result), { set: g.set, year: c.year, lang: c.lang })}\n`);
    }
    if (rollup) io.out(`\n${rollupLines(rollup, c.lang).join("\n")}\n`);
    for (const { g, road } of roads) {
      let text = `\n${t("road.title", c.lang)} (${g.set.id})\n${roadLines(road, { set: g.set, lang: c.lang }).join("\n")}\n`;
      road.ranking.forEach((u, i) => (text += `  ${roadUnitLine(u, i + 1, c.lang)}\n`));
      io.out(text);
    }
    for (const x of followUps) io.out(followUpText(x, c.lang));
    if (combined) io.out(`\n${say("combined", c.lang)}: ${combined}\n`);
    if (html) io.out(`${combined ? "" : "\n"}${say("htmlPage", c.lang)}: ${html}\n`);
    io.out(`\n${note}\n`);
  }
  for (const e of errors) io.err(`ntm: ${e.error}\n`);
  if (partial) {
    io.err(`ntm: ${partial}${combined ? ` (${combined})` : ""}\n`);
    return 130;
  }
  return done.length === 0 ? 1 : 0;
}

/**
 * `road`: the road of the units judged by the document's `set` (the first file's); in a folder
 * mixing sets, `otherRoads` has one per other set. Indexes point into the document's `units`.
 */
function roadsJson(roads: ReadonlyArray<{ g: { set: CriteriaSet; units: EvaluatedUnit[] }; road: ReturnType<typeof certificationRoad> }>, units: readonly EvaluatedUnit[], lang: Language) {
  if (!roads.length) return {};
  const position = new Map(units.map((u, i) => [u, i]));
  const [first, ...others] = roads.map(({ g, road }) => roadJson(road, g.set, lang, (i) => position.get(g.units[i]!) ?? i));
  return { road: first, ...(others.length ? { otherRoads: others } : {}) };
}

function printWorkbook(e: WorkbookEvaluation, output: string, c: Common, io: CliIo): void {
  // One write per workbook, not several per unit: a province's villages are 50,000 lines.
  let text = "";
  const out = (s: string) => void (text += s);
  out(`\n== ${path.basename(e.file)} (${e.set.id}${c.region ? ", " + c.region : ""}${c.year ? ", " + c.year : ""})\n`);
  if (e.setChoice.origin === "inferred") out(`  ${formatMessage(e.setChoice.why, c.lang)}\n`);
  else if (e.setFile && e.setChoice.origin === "workbook") out(`  ${tRollup("setFile.used", c.lang, { set: e.set.id, file: e.setFile })}\n`);
  // Units per sheet, counted once (not once per unit: a 50,000-row sheet would take minutes).
  const perSheet = new Map<string, number>();
  for (const u of e.units) perSheet.set(u.sheet, (perSheet.get(u.sheet) ?? 0) + 1);
  for (const { sheet, result: r } of e.units) {
    const where = (perSheet.get(sheet) ?? 0) > 1 ? "" : ` [${sheet}]`;
    out(`  ${r.name}${r.group ? ` (${say("commune", c.lang, { group: r.group })})` : ""}${where}: ${t("ui.criteriaMet", c.lang, { met: r.criteriaMet, total: r.criteriaTotal })}`);
    if (r.unmet.length) out(`; ${t("ui.unmetList", c.lang, { list: r.unmet.join(", ") })}`);
    if (r.invalid.length) out(`; ${t("ui.invalidList", c.lang, { list: r.invalid.join(", ") })}`);
    if (r.missing.length) out(`; ${t("ui.missingList", c.lang, { list: r.missing.length > 8 ? say("criteriaCount", c.lang, { count: r.missing.length }) : r.missing.join(", ") })}`);
    out("\n");
    for (const cr of r.criteria) {
      if (cr.status !== "not_met") continue;
      for (const i of cr.indicators) {
        if (i.status !== "not_met" || !i.gap || i.gap.type === "requirement") continue;
        out(`      ${i.code}: ${formatValue(i.value, c.lang)} / ${i.threshold ? formatTarget(i.threshold, c.lang) : ""} → ${formatGap(i.gap, c.lang)}\n`);
      }
    }
  }
  for (const s of e.skipped) out(`  (${say("skippedSheet", c.lang, { sheet: s.sheet, reason: s.reason })})\n`);
  for (const w of e.warnings) out(`  ! ${w}\n`);
  if (e.invalidCells.length) {
    out(`  ${statusLabel("invalid", c.lang)}:\n`);
    for (const cell of e.invalidCells.slice(0, 20)) out(`    ${cell}\n`);
    if (e.invalidCells.length > 20) out(`    … ${e.invalidCells.length - 20}\n`);
  }
  out(`  ${say("copy", c.lang)}: ${output}\n`);
  io.out(text);
}

/**
 * The district roll-up of the run: its communes (units judged by a commune-level set) against the
 * district set's conditions. For a folder (the district's communes) or a file of several communes;
 * a single commune's form says nothing of its district. Unit numbers are positions in `units`.
 */
function districtRollupOf(done: ReadonlyArray<{ evaluation: WorkbookEvaluation }>, units: readonly EvaluatedUnit[], folder: boolean) {
  const setOf = new Map<EvaluatedUnit, CriteriaSet>();
  for (const d of done) for (const u of d.evaluation.units) setOf.set(u, d.evaluation.set);
  const rollup = districtRollup(units.map((u) => ({ set: setOf.get(u)!, result: u.result })));
  return rollup && (folder || rollup.communes > 1) ? rollup : null;
}
