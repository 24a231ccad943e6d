// Both hosts' cell functions against the one registry (shared/functions/registry.ts): the same
// functions, the same parameters in the same order, the same optional ones, the same help.
// The hosts' JSDoc is what Excel's functions.json and Sheets' autocomplete are built from.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CELL_FUNCTIONS } from "../shared/functions/registry.js";

interface Doc {
  id: string;
  description: string;
  params: Array<{ name: string; optional: boolean; help: string }>;
  returns: string;
  signature: string[];
}

function excelDocs(): Doc[] {
  const src = readFileSync("excel-addin/functions/functions.ts", "utf8");
  return [...src.matchAll(/\/\*\*\n((?: \*[^\n]*\n)+?) \*\/\nexport function \w+\(([^)]*)\)/g)].flatMap((m) => {
    const lines = m[1]!.split("\n").map((l) => l.replace(/^ \* ?/, "")).filter(Boolean);
    const id = /^@customfunction (\w+)/.exec(lines.find((l) => l.startsWith("@customfunction")) ?? "")?.[1];
    if (!id) return [];
    const params = lines.flatMap((l) => {
      const p = /^@param (\[?)(\w+)\]? (.*)$/.exec(l);
      return p ? [{ name: p[2]!, optional: p[1] === "[", help: p[3]! }] : [];
    });
    const signature = m[2]!.split(",").map((a) => a.trim().split(/[?:]/)[0]!).filter(Boolean);
    return [{ id, description: lines[0]!, params, returns: lines.find((l) => l.startsWith("@returns "))!.slice(9), signature }];
  });
}

function sheetsDocs(): Doc[] {
  const src = readFileSync("apps-script/src/Code.ts", "utf8");
  return [...src.matchAll(/\/\*\*\n((?: \*[^\n]*\n)+?) \*\/\nglobal\.NTM_(\w+) = function \(([^)]*)\)/g)].map((m) => {
    const lines = m[1]!.split("\n").map((l) => l.replace(/^ \* ?/, "")).filter(Boolean);
    const params = lines.flatMap((l) => {
      const p = /^@param \{[^}]+\} (\w+) (\[Không bắt buộc\] )?(.*)$/.exec(l);
      return p ? [{ name: p[1]!, optional: p[2] !== undefined, help: p[3]! }] : [];
    });
    const signature = m[3]!.split(",").map((a) => a.trim().split(/[?:]/)[0]!).filter(Boolean);
    return { id: m[2]!, description: lines[0]!, params, returns: lines.find((l) => l.startsWith("@return "))!.slice(8), signature };
  });
}

describe("the cell-function registry", () => {
  for (const [host, docs, nameOf] of [
    ["Excel", excelDocs(), (p: { excel: string }) => p.excel],
    ["Sheets", sheetsDocs(), (p: { sheets: string }) => p.sheets],
  ] as const) {
    it(`${host} declares exactly the registry's functions, with its parameters, optional ones and Vietnamese help`, () => {
      expect(docs.map((d) => d.id).sort()).toEqual(CELL_FUNCTIONS.map((f) => f.id).sort());
      for (const f of CELL_FUNCTIONS) {
        const d = docs.find((x) => x.id === f.id)!;
        expect(d.description, f.id).toBe(f.help.vi);
        expect(d.params, f.id).toEqual(f.params.map((p) => ({ name: nameOf(p), optional: p.optional, help: p.help.vi })));
        expect(d.signature, `${f.id}: the JSDoc names the signature's parameters`).toEqual(f.params.map(nameOf));
        expect(d.returns, f.id).toBe(f.returns.vi);
      }
    });
  }

  it("has help in both languages for every function and parameter", () => {
    for (const f of CELL_FUNCTIONS) {
      for (const text of [f.help, f.returns, ...f.params.map((p) => p.help)]) {
        expect(text.vi.trim().length, f.id).toBeGreaterThan(3);
        expect(text.en.trim().length, f.id).toBeGreaterThan(3);
      }
      // Optional parameters come last on both hosts (Excel and Sheets fill arguments in order).
      const firstOptional = f.params.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect(f.params.slice(firstOptional).every((p) => p.optional), f.id).toBe(true);
    }
  });
});
