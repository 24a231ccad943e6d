// `ntm evaluate --html FILE`: the printable page of a run (one file or a folder), from the
// results already in hand: a section per criteria set, the files read, skipped and failed.
import path from "node:path";
import { htmlReport, type CriteriaSet, type HtmlReportInput, type Language, type RegionId, type ReportSort } from "../shared/index.js";
import type { EvaluatedUnit, WorkbookEvaluation } from "./evaluateWorkbook.js";

export interface HtmlRun {
  /** The units of each set, in the order the files were read. */
  groups: ReadonlyArray<{ set: CriteriaSet; units: readonly EvaluatedUnit[]; source: string }>;
  done: ReadonlyArray<{ evaluation: WorkbookEvaluation }>;
  /** Files of other kinds in the folder (.xls, .ods, .csv), with what to do. */
  skipped: ReadonlyArray<{ file: string; error: string }>;
  /** Files that could not be evaluated. */
  failed: ReadonlyArray<{ file: string; error: string }>;
  /** The run was stopped (Ctrl-C): what the page must say. */
  partial?: string | undefined;
  region?: RegionId | undefined;
  year?: number | undefined;
  sort?: ReportSort | undefined;
  lang: Language;
  /** When the page is made (the caller's clock). */
  now: Date;
}

/** A file's own messages start with its name ("a.xlsx: ...", "a.xlsx, Sheet!C4 ..."): under the file's entry, the name goes. */
function withoutName(text: string, file: string): string {
  for (const prefix of [`${file}: `, `${path.basename(file)}: `, `${path.basename(file)}, `]) if (text.startsWith(prefix)) return text.slice(prefix.length);
  return text;
}

function stamp(d: Date, lang: Language): string {
  const p = (n: number) => String(n).padStart(2, "0");
  const time = `${p(d.getHours())}:${p(d.getMinutes())}`;
  return lang === "vi" ? `${time} ngày ${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}` : `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${time}`;
}

export function htmlPage(run: HtmlRun): string {
  const input: HtmlReportInput = {
    sections: run.groups.map((g) => ({ set: g.set, results: g.units.map((u) => u.result), source: g.source })),
    lang: run.lang,
    ...(run.region ? { region: run.region } : {}),
    ...(run.year ? { year: run.year } : {}),
    ...(run.sort ? { sort: run.sort } : {}),
    ...(run.partial ? { notes: [run.partial] } : {}),
    files: {
      read: run.done.map(({ evaluation: e }) => ({
        file: path.basename(e.file),
        units: e.units.length,
        set: e.set.id,
        skippedSheets: e.skipped,
        warnings: e.warnings.map((w) => withoutName(w, e.file)),
      })),
      skipped: run.skipped.map((s) => ({ file: path.basename(s.file), reason: withoutName(s.error, s.file) })),
      failed: run.failed.map((f) => ({ file: path.basename(f.file), reason: withoutName(f.error, f.file) })),
    },
    generated: stamp(run.now, run.lang),
  };
  return htmlReport(input);
}
