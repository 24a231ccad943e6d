/**
 * The workbook names NTM_CRITERION, NTM_COUNT... (the Sheets spelling) defined as LAMBDAs over the
 * add-in's NTM.* functions, so a formula written as in Google Sheets gives the same result in
 * Excel. Defined on request, workbook-scoped, never over a name the user defined: a name is the
 * add-in's only when its comment starts with LAMBDA_NAME_MARK.
 *
 * Names with a formula and their comment need ExcelApi 1.7 (NamedItem.formula); whether the
 * client computes LAMBDA (Excel for Microsoft 365, Excel 2024, Excel for the web: see
 * shared/functions/lambdaFormulas.ts) is not a requirement set, so it is asked of the client
 * itself: a probe name that must compute to 2, deleted at once.
 */
import { LAMBDA_NAME_MARK, LAMBDA_PROBE, lambdaNames, sameNameFormula } from "../../shared/index.js";

/** Workbook setting: the user declined the offer in this workbook. */
const DISMISSED_KEY = "NTM.lambdaNamesOffer";

export interface NameStatus {
  /** The add-in's names, as current. */
  current: string[];
  /** The add-in's names from an earlier version of a function (updated when defined again). */
  outdated: string[];
  missing: string[];
  /** Names with these spellings the user defined: kept as they are. */
  userOwned: string[];
  /** The user said not to offer them again in this workbook. */
  dismissed: boolean;
}

export type DefineResult =
  | { ok: true; defined: string[]; updated: string[]; already: string[]; kept: string[] }
  | { ok: false; reason: "api" | "lambda"; detail?: string };

export function namesApiSupported(): boolean {
  try {
    return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported("ExcelApi", "1.7");
  } catch {
    return false;
  }
}

type Owner = "current" | "outdated" | "missing" | "userOwned";

/** Whose each name is, read in one sync. */
async function readOwners(context: Excel.RequestContext): Promise<{ owners: Owner[]; items: Excel.NamedItem[] }> {
  const defs = lambdaNames();
  const items = defs.map((d) => context.workbook.names.getItemOrNullObject(d.name).load("name,formula,comment"));
  await context.sync();
  const owners = defs.map((d, i): Owner => {
    const item = items[i]!;
    if (item.isNullObject) return "missing";
    if (!String(item.comment ?? "").startsWith(LAMBDA_NAME_MARK)) return "userOwned";
    return sameNameFormula(String(item.formula ?? ""), d.formula) ? "current" : "outdated";
  });
  return { owners, items };
}

export async function lambdaNameStatus(): Promise<NameStatus> {
  return Excel.run(async (context) => {
    const dismissed = context.workbook.settings.getItemOrNullObject(DISMISSED_KEY).load("value");
    const { owners } = await readOwners(context);
    const names = lambdaNames().map((d) => d.name);
    const pick = (o: Owner) => names.filter((_, i) => owners[i] === o);
    return { current: pick("current"), outdated: pick("outdated"), missing: pick("missing"), userOwned: pick("userOwned"), dismissed: !dismissed.isNullObject && dismissed.value === "dismissed" };
  });
}

/** Does this client compute a LAMBDA with an omitted optional parameter? Leaves no name behind. */
async function clientComputesLambda(context: Excel.RequestContext): Promise<boolean> {
  const names = context.workbook.names;
  const left = names.getItemOrNullObject(LAMBDA_PROBE.name);
  await context.sync();
  if (!left.isNullObject) left.delete();
  let probe: Excel.NamedItem;
  try {
    probe = names.add(LAMBDA_PROBE.name, LAMBDA_PROBE.formula);
    probe.load("value");
    await context.sync();
  } catch {
    return false;
  }
  const ok = Number(probe.value) === LAMBDA_PROBE.expected;
  probe.delete();
  await context.sync();
  return ok;
}

export async function defineLambdaNames(): Promise<DefineResult> {
  if (!namesApiSupported()) return { ok: false, reason: "api" };
  return Excel.run(async (context): Promise<DefineResult> => {
    const defs = lambdaNames();
    const { owners, items } = await readOwners(context);
    if (!(await clientComputesLambda(context))) return { ok: false, reason: "lambda" };
    const r = { ok: true as const, defined: [] as string[], updated: [] as string[], already: [] as string[], kept: [] as string[] };
    defs.forEach((d, i) => {
      const owner = owners[i]!;
      if (owner === "missing") {
        context.workbook.names.add(d.name, d.formula, d.comment);
        r.defined.push(d.name);
      } else if (owner === "outdated") {
        items[i]!.formula = d.formula;
        r.updated.push(d.name);
      } else (owner === "current" ? r.already : r.kept).push(d.name);
    });
    try {
      await context.sync();
    } catch (e) {
      return { ok: false, reason: "lambda", detail: e instanceof Error ? e.message : String(e) };
    }
    return r;
  });
}

/** Not offered again in this workbook (the setting is saved with it). */
export async function dismissLambdaOffer(): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.settings.add(DISMISSED_KEY, "dismissed");
    await context.sync();
  });
}
