// `npm run api-sets`: which Excel JavaScript API requirement sets the add-in's code calls, read from the
// "[Api set: ExcelApi 1.x]" tags of @types/office-js through the TypeScript compiler, and whether the
// manifest's base requirement (the minimum a client must have to be offered the add-in) matches the
// highest set the task pane calls without a run-time capability check.
//
//   npx tsx tools/excelApiSets.ts [--lang en] [--json]
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { manifestRequirements } from "./validateManifest.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Members called only after a run-time check (Office.context.requirements.isSetSupported): they do not
 * raise the manifest's minimum. Each names the file holding the check and the version it checks.
 */
export const GUARDED: ReadonlyArray<{ members: RegExp; file: string; version: string; why: string }> = [
  { members: /^(Note|NoteCollection)\.|^Worksheet\.notes$/, file: "excel-addin/taskpane/capabilities.ts", version: "1.18", why: "notes (Capabilities.notes)" },
  {
    members: /^(PageLayout|HeaderFooter|HeaderFooterGroup|WorksheetFreezePanes)\.|^Worksheet\.(pageLayout|freezePanes)$/,
    file: "excel-addin/taskpane/capabilities.ts",
    version: "1.9",
    why: "print setup (Capabilities.pageLayout)",
  },
  { members: /^NamedItem\.formula$/, file: "excel-addin/taskpane/lambdaNames.ts", version: "1.7", why: "LAMBDA names (lambdaNames.ts)" },
];

export interface ApiUse {
  member: string;
  set: string;
  version: string;
  where: string[];
  guardedBy?: string;
}

const cmp = (a: string, b: string) => {
  const [a1 = 0, a2 = 0] = a.split(".").map(Number);
  const [b1 = 0, b2 = 0] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
};

/** Every Office.js member the Excel add-in's code touches that carries an ExcelApi set, with where. */
export function scanExcelApiUse(): ApiUse[] {
  const configPath = join(root, "tsconfig.excel.json");
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!parsed) throw new Error("cannot read tsconfig.excel.json");
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  const checker = program.getTypeChecker();
  const uses = new Map<string, ApiUse>();
  for (const sf of program.getSourceFiles()) {
    const file = relative(root, sf.fileName).split("\\").join("/");
    if (!file.startsWith("excel-addin/") || file.endsWith("bench.ts")) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const decl = checker.getSymbolAtLocation(node.name)?.declarations?.[0];
        if (decl && decl.getSourceFile().fileName.includes("@types/office-js")) {
          const m = /\[Api set: ExcelApi (\d+\.\d+)\]/.exec(decl.getFullText());
          const owner = (decl.parent as ts.Node & { name?: ts.Node }).name?.getText() ?? "?";
          if (m) {
            const member = `${owner}.${node.name.text}`;
            const use = uses.get(member) ?? { member, set: `ExcelApi ${m[1]}`, version: m[1]!, where: [] };
            use.where.push(`${file}:${sf.getLineAndCharacterOfPosition(node.name.getStart()).line + 1}`);
            uses.set(member, use);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  for (const use of uses.values()) {
    const g = GUARDED.find((x) => x.members.test(use.member));
    if (g && cmp(use.version, g.version) <= 0 && readFileSync(join(root, g.file), "utf8").includes(`"${g.version}"`)) use.guardedBy = `${g.why}, ${g.file}: ExcelApi ${g.version}`;
  }
  return [...uses.values()].sort((a, b) => cmp(b.version, a.version) || a.member.localeCompare(b.member));
}

/** The highest ExcelApi version called without a run-time check, and the members that need it. */
export function requiredExcelApi(uses: ApiUse[]): { version: string; members: ApiUse[] } {
  const plain = uses.filter((u) => !u.guardedBy);
  const version = plain.reduce((v, u) => (cmp(u.version, v) > 0 ? u.version : v), "1.1");
  return { version, members: plain.filter((u) => u.version === version) };
}

function main(argv: string[]): number {
  const en = argv.includes("--lang") && argv[argv.indexOf("--lang") + 1] === "en";
  const uses = scanExcelApiUse();
  const need = requiredExcelApi(uses);
  const manifestPath = join(root, "manifest.xml");
  const base = existsSync(manifestPath) ? manifestRequirements(readFileSync(manifestPath, "utf8")).base.find((s) => s.name === "ExcelApi")?.min : undefined;
  if (argv.includes("--json")) {
    console.log(JSON.stringify({ required: need.version, manifest: base ?? null, uses }, null, 2));
  } else {
    for (const u of uses)
      console.log(`${u.set.padEnd(13)} ${u.member.padEnd(40)} ${u.guardedBy ? (en ? `checked at run time: ${u.guardedBy}` : `kiểm tra khi chạy: ${u.guardedBy}`) : u.where.slice(0, 2).join(" ")}`);
    console.log(
      en
        ? `\nThe task pane calls up to ExcelApi ${need.version} without a run-time check (${need.members.map((m) => m.member).join(", ")}); manifest.xml requires ExcelApi ${base ?? "(none)"}.`
        : `\nNgăn tác vụ gọi tới ExcelApi ${need.version} mà không kiểm tra khi chạy (${need.members.map((m) => m.member).join(", ")}); manifest.xml yêu cầu ExcelApi ${base ?? "(không có)"}.`,
    );
  }
  if (base !== need.version) {
    console.error(
      en ? `manifest.xml must require ExcelApi ${need.version} (<Requirements> of the base manifest).` : `manifest.xml phải yêu cầu ExcelApi ${need.version} (<Requirements> của phần gốc).`,
    );
    return 1;
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main(process.argv.slice(2)));
