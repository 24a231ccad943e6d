// A real formula engine for the cell functions (HyperFormula: GPL, tests only, never bundled).
// Both hosts' functions are registered through here: the Excel names (NTM.CRITERION, via the
// enGB translation) and the Sheets names (NTM_CRITERION, the canonical ids) evaluate the same sheets.
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";

export type CellFn = (...args: unknown[]) => unknown;

/** Implementations by short name: INDICATOR, CRITERION, COUNT, GAPS, THRESHOLD. */
export type NtmImplementations = Record<"INDICATOR" | "CRITERION" | "COUNT" | "GAPS" | "THRESHOLD", CellFn> & { CHANGE?: CellFn };

/** Where each function's result takes its height from: the range argument at this index (null = a single value). */
const SHAPE: Record<keyof NtmImplementations, { args: number; rangeArg: number | null; width: "same" | 1 }> = {
  CHANGE: { args: 2, rangeArg: 1, width: "same" },
  INDICATOR: { args: 6, rangeArg: 1, width: "same" },
  CRITERION: { args: 6, rangeArg: 1, width: 1 },
  COUNT: { args: 5, rangeArg: 1, width: 1 },
  GAPS: { args: 5, rangeArg: 1, width: 1 },
  THRESHOLD: { args: 4, rangeArg: null, width: 1 },
};

const ERROR_TEXT: Partial<Record<ErrorType, string>> = {
  [ErrorType.NA]: "#N/A",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.REF]: "#REF!",
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.ERROR]: "#ERROR!",
};

/** Cell values as a host hands them to a custom function. */
function hostValue(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof CellError) return ERROR_TEXT[v.type] ?? "#ERROR!";
  if (typeof v === "object" && v !== null && "val" in v) return (v as { val: unknown }).val;
  return v;
}

function hostArg(v: unknown): unknown {
  if (v instanceof SimpleRangeValue) return v.rawData().map((row) => row.map(hostValue));
  return hostValue(v);
}

let registered: string[] = [];

/** Registers the implementations (replacing earlier ones) and builds an engine over the sheets. */
export function buildEngine(sheets: Record<string, unknown[][]>, impl: NtmImplementations): HyperFormula {
  for (const id of registered) HyperFormula.unregisterFunction(id);
  const implementedFunctions: Record<string, object> = {};
  const translations: Record<string, string> = {};
  const methods: Record<string, (ast: any, state: any) => unknown> = {};
  for (const [short, shape] of Object.entries(SHAPE) as Array<[keyof NtmImplementations, (typeof SHAPE)[keyof NtmImplementations]]>) {
    const id = `NTM_${short}`;
    translations[id] = `NTM.${short}`;
    const method = `fn_${short}`;
    const sizeMethod = `size_${short}`;
    implementedFunctions[id] = {
      method,
      ...(shape.rangeArg === null ? {} : { sizeOfResultArrayMethod: sizeMethod }),
      vectorizationForbidden: true,
      parameters: Array.from({ length: shape.args }, (_, i) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: i > 0 })),
    };
    methods[method] = function (this: any, ast: any, state: any) {
      return this.runFunction(ast.args, state, this.metadata(id), (...args: unknown[]) => {
        try {
          const f = impl[short];
          if (!f) throw new Error(`${id} is not implemented in this test`);
          const out = f(...args.map(hostArg));
          if (Array.isArray(out)) return SimpleRangeValue.onlyValues(out as any);
          return out as any;
        } catch (e) {
          return new CellError(ErrorType.VALUE, e instanceof Error ? e.message : String(e));
        }
      });
    };
    methods[sizeMethod] = function (this: any, ast: any, state: any) {
      const arg = ast.args[shape.rangeArg!];
      if (!arg) return ArraySize.scalar();
      const s = this.arraySizeForAst(arg, state);
      return new ArraySize(shape.width === "same" ? s.width : 1, s.height);
    };
  }
  class NtmPlugin extends FunctionPlugin {
    static override implementedFunctions = implementedFunctions as any;
  }
  Object.assign(NtmPlugin.prototype, methods);
  HyperFormula.registerFunctionPlugin(NtmPlugin, { enGB: translations, enUS: translations });
  registered = Object.keys(implementedFunctions);
  return HyperFormula.buildFromSheets(sheets as any, { licenseKey: "gpl-v3" });
}
