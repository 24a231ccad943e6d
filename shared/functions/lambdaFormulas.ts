// Excel names with the Sheets spelling: NTM_CRITERION defined in a workbook as a LAMBDA over the
// add-in's NTM.CRITERION, generated from the registry (so a later function gets its name too).
//
// LAMBDA in a defined name, an optional parameter in square brackets and ISOMITTED to test it are
// Excel for Microsoft 365 (Windows, Mac), Excel for the web and Excel 2024 features:
// https://support.microsoft.com/en-us/office/lambda-function-bd212d27-1cd1-4321-a34a-ccbf254b8b67
// https://support.microsoft.com/en-us/office/isomitted-function-831d6fbc-0f07-40c4-9c5b-9c73fd1d60c1
// A call with the wrong number of arguments is #VALUE!, so every optional parameter is bracketed
// and each way of leaving some out calls NTM.X with exactly the arguments given: an argument
// left out reaches the add-in as left out (null), never as "" or 0, as it does in Sheets.
import { CELL_FUNCTIONS, type CellFunctionSpec } from "./registry.js";

/** Starts the comment of every name the add-in defines: a name without it is the user's, never replaced. */
export const LAMBDA_NAME_MARK = "NTM:";

export interface LambdaName {
  /** "NTM_CRITERION": the Sheets spelling. */
  name: string;
  /** "=LAMBDA(tieu_chi,gia_tri,[tieu_de],...,IF(ISOMITTED(...),...))", in Excel's en-US formula language. */
  formula: string;
  /** The Name Manager's comment (at most 255 characters). */
  comment: string;
}

/** The call of NTM.X with the given arguments, trailing omitted ones dropped, inner ones left empty. */
function call(spec: CellFunctionSpec, args: Array<string | undefined>): string {
  const given = [...args];
  while (given.length > 0 && given[given.length - 1] === undefined) given.pop();
  return `NTM.${spec.id}(${given.map((a) => a ?? "").join(",")})`;
}

/** One branch per way of giving or omitting the optional parameters, in order. */
function body(spec: CellFunctionSpec, i: number, args: Array<string | undefined>): string {
  const p = spec.params[i];
  if (!p) return call(spec, args);
  if (!p.optional) return body(spec, i + 1, [...args, p.sheets]);
  return `IF(ISOMITTED(${p.sheets}),${body(spec, i + 1, [...args, undefined])},${body(spec, i + 1, [...args, p.sheets])})`;
}

export function lambdaFormula(spec: CellFunctionSpec): string {
  const params = spec.params.map((p) => (p.optional ? `[${p.sheets}]` : p.sheets));
  return `=LAMBDA(${params.join(",")},${body(spec, 0, [])})`;
}

export function lambdaNames(): LambdaName[] {
  return CELL_FUNCTIONS.map((spec) => ({
    name: `NTM_${spec.id}`,
    formula: lambdaFormula(spec),
    comment: `${LAMBDA_NAME_MARK} =NTM_${spec.id}(...) như trong Google Sheets, gọi NTM.${spec.id} / as in Google Sheets, calls NTM.${spec.id}`.slice(0, 255),
  }));
}

/** A name's formula compared as Excel may give it back (spaces and case aside). */
export function sameNameFormula(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, "").replace(/^=/, "").toUpperCase();
  return norm(a) === norm(b);
}

/** The probe a client must compute to 2 for the names to work: LAMBDA, an omitted bracketed parameter, ISOMITTED. */
export const LAMBDA_PROBE = { name: "NTM_KIEM_TRA_LAMBDA", formula: "=LAMBDA(x,[y],IF(ISOMITTED(y),x+1,x))(1)", expected: 2 } as const;
