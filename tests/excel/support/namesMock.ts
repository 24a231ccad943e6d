// A workbook's defined names, worksheets' formulas and settings behind office-addin-mock proxies,
// installed as the `Excel` and `Office` globals: what excel-addin/taskpane/lambdaNames.ts and
// formulaRewrite.ts use. As in Office.js, calls queue commands that context.sync() applies in
// order (a failing one rejects the sync), and properties are readable after load() and sync().
import { OfficeMockObject } from "office-addin-mock";

export interface FakeName {
  name: string;
  formula: string;
  comment?: string;
}

export interface NamesBook {
  names: Map<string, FakeName>;
  /** Sheet name -> formulas (or values) by row from A1, "" for an empty cell. */
  sheets: Map<string, string[][]>;
  settings: Map<string, string>;
  protectedSheets: Set<string>;
  /** What a client without LAMBDA does with a LAMBDA name: refuse it, or keep it and compute #NAME?. */
  lambda: "computes" | "rejects" | "nameError";
  /** The highest ExcelApi 1.x the client supports (its minor version: 18 for ExcelApi 1.18). */
  apiVersion: number;
  syncs: number;
}

export function namesBook(init: Partial<Pick<NamesBook, "lambda" | "apiVersion">> & { names?: FakeName[]; sheets?: Record<string, string[][]> } = {}): NamesBook {
  return {
    names: new Map((init.names ?? []).map((n) => [n.name.toUpperCase(), { ...n }])),
    sheets: new Map(Object.entries(init.sheets ?? {}).map(([k, v]) => [k, v.map((r) => [...r])])),
    settings: new Map(),
    protectedSheets: new Set(),
    lambda: init.lambda ?? "computes",
    apiVersion: init.apiVersion ?? 18,
    syncs: 0,
  };
}

const NOT_READ = /^Error, (property was not loaded|context\.sync\(\) was not called)$/;
const isLambda = (f: string) => /^=\s*LAMBDA\(/i.test(f);

/** What a name's formula computes to here: only the probe LAMBDA(...)(1) is evaluated. */
function computed(book: NamesBook, formula: string): unknown {
  if (!isLambda(formula)) return formula.replace(/^=/, "");
  if (book.lambda !== "computes") return "#NAME?";
  const call = /\)\((\d+)\)$/.exec(formula.replace(/\s+/g, ""));
  return call ? Number(call[1]) + 1 : "#CALC!";
}

function makeContext(book: NamesBook) {
  const ops: Array<() => void> = [];
  /** Run at every sync before the queued commands: they queue the property writes made since the last one. */
  const atSync: Array<() => void> = [];
  /** Run after every sync: what a proxy reads now is not a write. */
  const afterSync: Array<() => void> = [];
  const proxies: OfficeMockObject[] = [];
  const track = (data: Record<string, unknown>, isNull = false) => {
    const p = new OfficeMockObject(data as never) as OfficeMockObject & Record<string, any>;
    p.isNullObject = isNull;
    proxies.push(p);
    return p;
  };

  const nameItem = (name: string) => {
    const entry = book.names.get(name.toUpperCase());
    const p = track({ name: entry?.name ?? name, formula: entry?.formula ?? "", comment: entry?.comment ?? "", value: entry ? computed(book, entry.formula) : "" }, !entry);
    let applied = p.formula;
    afterSync.push(() => void (applied = p.formula));
    p.delete = () => ops.push(() => book.names.delete(name.toUpperCase()));
    // A formula written on the proxy is applied at the next sync.
    atSync.push(() => {
      if (typeof p.formula === "string" && !NOT_READ.test(p.formula) && p.formula !== applied) {
        const f = (applied = p.formula);
        ops.push(() => {
          if (isLambda(f) && book.lambda === "rejects") throw new Error("InvalidArgument: the formula is not valid");
          book.names.get(name.toUpperCase())!.formula = f;
        });
      }
    });
    return p;
  };

  const names = {
    getItemOrNullObject: (name: string) => nameItem(name),
    add: (name: string, formula: string, comment?: string) => {
      const p = nameItem(name);
      ops.push(() => {
        if (book.names.has(name.toUpperCase())) throw new Error(`ItemAlreadyExists: ${name}`);
        if (isLambda(formula) && book.lambda === "rejects") throw new Error("InvalidArgument: the formula is not valid");
        book.names.set(name.toUpperCase(), { name, formula, comment: comment ?? "" });
      });
      // Its value is known once the name exists.
      ops.push(() => {
        // (setValue is office-addin-mock's own way to give a property its value; not in its public types.)
        (p as unknown as { setValue(k: string, v: unknown): void }).setValue("value", computed(book, formula));
        p.load("value");
      });
      return p;
    },
  };

  const rangeProxy = (sheet: string, row: number, col: number, rows: number, cols: number) => {
    const grid = book.sheets.get(sheet)!;
    const formulas = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => grid[row + i]?.[col + j] ?? ""));
    const p = track({ rowIndex: row, columnIndex: col, rowCount: rows, columnCount: cols, formulas });
    let applied: unknown = formulas;
    afterSync.push(() => void (applied = p.formulas));
    atSync.push(() => {
      const written = p.formulas;
      if (Array.isArray(written) && written !== applied) {
        applied = written;
        ops.push(() => {
          if (book.protectedSheets.has(sheet)) throw new Error(`AccessDenied: sheet ${sheet} is protected`);
          written.forEach((r: string[], i: number) => r.forEach((f, j) => {
            while (grid.length <= row + i) grid.push([]);
            grid[row + i]![col + j] = f;
          }));
        });
      }
    });
    return p;
  };

  const sheetProxy = (name: string) =>
    track({
      name,
      getUsedRangeOrNullObject: () => {
        const grid = book.sheets.get(name)!;
        const rows = grid.length;
        const cols = Math.max(0, ...grid.map((r) => r.length));
        return rows && cols ? rangeProxy(name, 0, 0, rows, cols) : track({ rowCount: 0, columnCount: 0, rowIndex: 0, columnIndex: 0, formulas: [] }, true);
      },
      getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => rangeProxy(name, row, col, rows, cols),
    });

  const worksheets: Record<string, any> = {
    items: [],
    load: () => {
      worksheets.items = [...book.sheets.keys()].map((n) => sheetProxy(n).load("name"));
      return worksheets;
    },
    getItem: (name: string) => sheetProxy(name),
  };

  const settings = {
    getItemOrNullObject: (key: string) => track({ key, value: book.settings.get(key) ?? "" }, !book.settings.has(key)),
    add: (key: string, value: string) => ops.push(() => book.settings.set(key, value)),
  };

  return {
    workbook: { names, worksheets, settings },
    sync: async () => {
      book.syncs++;
      for (const f of atSync) f();
      for (const op of ops.splice(0)) op();
      for (const p of proxies) await p.sync();
      for (const f of afterSync) f();
    },
  };
}

export function installNamesMock(book: NamesBook): void {
  (globalThis as any).Excel = new OfficeMockObject({ run: async (cb: (c: unknown) => Promise<unknown>) => cb(makeContext(book)) } as never);
  (globalThis as any).Office = { context: { requirements: { isSetSupported: (set: string, v: string) => set === "ExcelApi" && Number(v.split(".")[1]) <= book.apiVersion } } };
}

export function uninstallNamesMock(): void {
  delete (globalThis as any).Excel;
  delete (globalThis as any).Office;
}
