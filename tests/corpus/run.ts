// One corpus workbook through the tool, compared with its truth: the list of problems.
import { evaluateWorkbook, type WorkbookEvaluation } from "../../cli/evaluateWorkbook.js";
import { compareCopy, compareError, compareEvaluation, copyBytes } from "./compare.js";
import type { GeneratedWorkbook } from "./generate.js";

export async function checkWorkbook(g: GeneratedWorkbook): Promise<string[]> {
  const { truth } = g;
  let ev: WorkbookEvaluation | undefined;
  let err: unknown;
  try {
    ev = await evaluateWorkbook(g.path, { lang: "vi", ...truth.options });
  } catch (e) {
    err = e;
  }
  const refusal = compareError(err, truth);
  if (!ev || truth.expectedError) return refusal;
  const problems = compareEvaluation(ev, truth);
  try {
    problems.push(...(await compareCopy(g.path, await copyBytes(ev), truth)));
  } catch (e) {
    problems.push(`copy: cannot be written or read back (${(e as Error).message})`);
  }
  return problems;
}
