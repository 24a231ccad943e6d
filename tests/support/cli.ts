// The command line run in-process, its output captured: what each CLI test file needs.
import { runCli } from "../../cli/ntm.js";

export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}
