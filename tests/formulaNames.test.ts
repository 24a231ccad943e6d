// The rewrite between the hosts' function names, as a pure function: property tests over generated
// formulas (each generated in all three spellings at once, so the expected text never comes from
// the code under test), the real .xlsx spellings, and the LAMBDA texts built from the registry.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CELL_FUNCTIONS,
  countFunctionNames,
  hostFunctionNames,
  isSpillPlaceholder,
  lambdaFormula,
  lambdaNames,
  rewriteFormula,
  sameNameFormula,
} from "../shared/index.js";

/** One formula fragment in each spelling, and how many of our calls it holds. */
interface Gen {
  excel: string;
  file: string;
  sheets: string;
  calls: number;
}
const same = (s: string): Gen => ({ excel: s, file: s, sheets: s, calls: 0 });
const join = (parts: Gen[], sep: string, wrap: (k: keyof Omit<Gen, "calls">, inner: string) => string): Gen => ({
  excel: wrap("excel", parts.map((p) => p.excel).join(sep)),
  file: wrap("file", parts.map((p) => p.file).join(sep)),
  sheets: wrap("sheets", parts.map((p) => p.sheets).join(sep)),
  calls: parts.reduce((n, p) => n + p.calls, 0),
});

const ids = CELL_FUNCTIONS.map((f) => f.id);
// Text that must never change: references (sheet names with our names in them), strings, other functions.
const leaf = fc.oneof(
  fc.constantFrom("A1", "$B$2", "C3:C40", "Sheet1!A1:B2", "'Tổng hợp xã'!D3:D9", "'NTM.CRITERION (2)'!A1", "'It''s NTM_COUNT('!B2", "Bảng1[NTM.COUNT(]", "Bảng1[[#Headers],[NTM_GAPS(x)]]", "NTM.COUNT", "NTM_GAPS").map(same),
  fc.constantFrom('"NTM.CRITERION(1)"', '"a ""NTM_COUNT("" b"', '""', '"Đạt"', "\"'NTM.GAPS('\"").map(same),
  fc.integer({ min: 0, max: 2025 }).map((n) => same(String(n))),
);
const other = fc.constantFrom("SUM", "IF", "XNTM.CRITERION", "NTM.CRITERIONS", "MY.NTM.COUNT", "XNTM_COUNT", "NTM_COUNTX", "_xlfn.XLOOKUP", "_xldudf_OTHER_ADD");

const { expr } = fc.letrec<{ expr: Gen; call: Gen; otherCall: Gen }>((tie) => ({
  expr: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("call"), tie("otherCall"), fc.tuple(tie("expr"), fc.constantFrom("+", "&", ",", " ", "="), tie("expr")).map(([a, op, b]) => join([a, b], op, (_k, s) => s))),
  call: fc.record({ id: fc.constantFrom(...ids), lower: fc.boolean(), args: fc.array(tie("expr"), { maxLength: 3 }) }).map(({ id, lower, args }) => {
    const name = (s: string) => (lower ? s.toLowerCase() : s);
    const inner = join(args, ",", (_k, s) => s);
    return {
      excel: `${name(`NTM.${id}`)}(${inner.excel})`,
      file: `_xldudf_${name(`NTM_${id}`)}(${inner.file})`,
      sheets: `${name(`NTM_${id}`)}(${inner.sheets})`,
      calls: inner.calls + 1,
    };
  }),
  otherCall: fc.tuple(other, fc.array(tie("expr"), { maxLength: 2 })).map(([f, args]) => join(args, ",", (_k, s) => `${f}(${s})`)),
}));
const formula = expr.map((g) => ({ ...g, excel: `=${g.excel}`, sheets: `=${g.sheets}` }));

describe("rewriting formulas between Excel and Google Sheets names", () => {
  it("Excel → Sheets gives the Sheets spelling, and back again is the identity", () => {
    fc.assert(
      fc.property(formula, (g) => {
        const toSheets = rewriteFormula(g.excel, "sheets");
        expect(toSheets.text).toBe(g.sheets);
        expect(toSheets.calls).toBe(g.calls);
        expect(rewriteFormula(toSheets.text, "excel").text).toBe(g.excel);
      }),
      { numRuns: 400 },
    );
  });

  it("the .xlsx spelling (_xldudf_NTM_X) goes to Sheets and back to itself", () => {
    fc.assert(
      fc.property(expr, (g) => {
        expect(rewriteFormula(g.file, "sheets", "file").text).toBe(g.sheets);
        expect(rewriteFormula(g.sheets, "excel", "file").text).toBe(g.file);
        expect(rewriteFormula(g.file, "excel").text).toBe(g.excel);
      }),
      { numRuns: 300 },
    );
  });

  it("counts each host's spelling, and a formula already in the target spelling is unchanged", () => {
    fc.assert(
      fc.property(formula, (g) => {
        expect(countFunctionNames(g.excel)).toEqual({ excel: g.calls, sheets: 0 });
        expect(countFunctionNames(g.sheets)).toEqual({ excel: 0, sheets: g.calls });
        expect(rewriteFormula(g.excel, "excel")).toEqual({ text: g.excel, calls: 0, unwrapped: false });
      }),
      { numRuns: 200 },
    );
  });

  it("leaves strings, sheet names, structured references, lookalike functions and bare names alone", () => {
    const f = `=IF('NTM.CRITERION (2)'!A1="NTM.COUNT(A1)",XNTM.CRITERION(1),NTM.CRITERIONS(2)+NTM.GAPS(B1:C1,B2:C9)&Bảng1[NTM.COUNT(]&NTM.COUNT)`;
    const out = rewriteFormula(f, "sheets");
    expect(out.text).toBe(`=IF('NTM.CRITERION (2)'!A1="NTM.COUNT(A1)",XNTM.CRITERION(1),NTM.CRITERIONS(2)+NTM_GAPS(B1:C1,B2:C9)&Bảng1[NTM.COUNT(]&NTM.COUNT)`);
    expect(out.calls).toBe(1);
    // A space before "(" is Excel's intersection operator, not a call.
    expect(rewriteFormula("=NTM.COUNT (A1:B1)", "sheets").calls).toBe(0);
    expect(rewriteFormula("=@NTM.COUNT(A1:B1,A2:B9)", "sheets").text).toBe("=@NTM_COUNT(A1:B1,A2:B9)");
  });
});

describe("the spellings real files carry", () => {
  it("Excel's saved form, the form typed without the add-in, and a broken external link", () => {
    expect(rewriteFormula("_xldudf_NTM_CRITERION(10,B2:B5)", "sheets", "file").text).toBe("NTM_CRITERION(10,B2:B5)");
    expect(rewriteFormula("NTM.CRITERION(10,B2:B5)", "sheets", "file").text).toBe("NTM_CRITERION(10,B2:B5)");
    expect(rewriteFormula("[2]!_xldudf_NTM_COUNT(B1:V1,B2:V9)", "excel", "file").text).toBe("_xldudf_NTM_COUNT(B1:V1,B2:V9)");
    expect(countFunctionNames("[2]!_xldudf_NTM_COUNT(B1:V1,B2:V9)")).toEqual({ excel: 1, sheets: 0 });
    // "[1]!NTM_COUNT(" is a name in another book, not our function.
    expect(countFunctionNames("[1]!NTM_COUNT(A1)")).toEqual({ excel: 0, sheets: 0 });
  });

  it("a Google Sheets export: the wrapper comes off for Excel, split text joined, other wrappers kept", () => {
    const wrapped = 'IFERROR(__xludf.DUMMYFUNCTION("NTM_CRITERION(10,B2:B5,,""xa-ntm-2021-2025"")"),"Đạt")';
    expect(countFunctionNames(wrapped)).toEqual({ excel: 0, sheets: 1 });
    expect(rewriteFormula(wrapped, "excel", "file")).toEqual({ text: '_xldudf_NTM_CRITERION(10,B2:B5,,"xa-ntm-2021-2025")', calls: 1, unwrapped: true });
    expect(rewriteFormula(`=${wrapped}`, "excel").text).toBe('=NTM.CRITERION(10,B2:B5,,"xa-ntm-2021-2025")');
    expect(rewriteFormula(`=${wrapped}`, "sheets")).toEqual({ text: '=NTM_CRITERION(10,B2:B5,,"xa-ntm-2021-2025")', calls: 0, unwrapped: true });
    const split = 'IFERROR(__xludf.DUMMYFUNCTION("NTM_GAPS(D2:V2,"&"D3:V40)"),"10: thiếu 3,8")';
    expect(rewriteFormula(split, "excel", "file").text).toBe("_xldudf_NTM_GAPS(D2:V2,D3:V40)");
    const query = 'IFERROR(__xludf.DUMMYFUNCTION("QUERY(A:B,""select A"")"),"Tên")';
    expect(rewriteFormula(query, "excel", "file")).toEqual({ text: query, calls: 0, unwrapped: false });
    expect(isSpillPlaceholder('IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),"Chưa đạt")')).toBe(true);
    expect(isSpillPlaceholder(wrapped)).toBe(false);
  });
});

describe("Excel names NTM_* as LAMBDA over NTM.*", () => {
  it("one name per registered function, with its parameters in order, optional ones bracketed", () => {
    const names = lambdaNames();
    expect(names.map((n) => n.name)).toEqual(hostFunctionNames("sheets"));
    for (const [i, spec] of CELL_FUNCTIONS.entries()) {
      const f = names[i]!.formula;
      const head = spec.params.map((p) => (p.optional ? `[${p.sheets}]` : p.sheets)).join(",");
      expect(f.startsWith(`=LAMBDA(${head},`)).toBe(true);
      // Every way of leaving out optional arguments is a branch: 2^optional calls of NTM.X.
      const optional = spec.params.filter((p) => p.optional).length;
      expect(f.split(`NTM.${spec.id}(`).length - 1).toBe(2 ** optional);
      expect(f.split("ISOMITTED(").length - 1).toBe(2 ** optional - 1);
      expect(f.length).toBeLessThan(8192);
      expect(names[i]!.comment.startsWith("NTM:")).toBe(true);
    }
  });

  it("the full call passes every parameter through, in order", () => {
    const criterion = CELL_FUNCTIONS.find((f) => f.id === "CRITERION")!;
    expect(lambdaFormula(criterion)).toContain("NTM.CRITERION(tieu_chi,gia_tri,tieu_de,bo_tieu_chi,vung,nam)");
    expect(lambdaFormula(criterion)).toContain("NTM.CRITERION(tieu_chi,gia_tri,,bo_tieu_chi)");
    expect(sameNameFormula("=LAMBDA(x, x+1)", "=lambda(x,x+1)")).toBe(true);
    expect(sameNameFormula("=LAMBDA(x,x+1)", "=LAMBDA(x,x+2)")).toBe(false);
  });
});

describe("the README's function table", () => {
  it("shows every registered function in both spellings, with its parameters in order, and an example", async () => {
    const { readFileSync } = await import("node:fs");
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    for (const spec of CELL_FUNCTIONS) {
      const list = (k: "excel" | "sheets") => spec.params.map((p) => (p.optional ? `[${p[k]}]` : p[k])).join(", ");
      const row = readme.split("\n").find((l) => l.startsWith(`| \`NTM.${spec.id}(`));
      expect(row, spec.id).toBeDefined();
      expect(row).toContain(`| \`NTM.${spec.id}(${list("excel")})\` | \`NTM_${spec.id}(${list("sheets")})\` | \`=NTM_${spec.id}(`);
    }
  });
});
