// Differences between the command line's units (and highlighted cells) and a host's, as readable lines.
import type { UnitResult } from "../../../shared/index.js";

const list = (xs: readonly number[] | undefined) => `[${(xs ?? []).join(", ")}]`;
const show = (v: unknown) => (v === undefined ? "(none)" : JSON.stringify(v));

/** Unit by unit, in order: name, group, criteria met, the unmet / missing / invalid / no-target lists and each criterion's status. */
export function diffUnits(sheet: string, cli: readonly UnitResult[], host: readonly UnitResult[], who: string): string[] {
  const out: string[] = [];
  if (cli.length !== host.length) {
    out.push(`${sheet}: CLI reads ${cli.length} units [${cli.map((u) => u.name).join("; ")}], ${who} reads ${host.length} [${host.map((u) => u.name).join("; ")}]`);
  }
  const n = Math.min(cli.length, host.length);
  for (let i = 0; i < n; i++) {
    const c = cli[i]!;
    const h = host[i]!;
    const at = `${sheet}, unit ${i + 1} (${c.group ? `${c.group}/` : ""}${c.name})`;
    if (c.name !== h.name) out.push(`${at}: name: CLI ${show(c.name)}, ${who} ${show(h.name)}`);
    if (c.group !== h.group) out.push(`${at}: group: CLI ${show(c.group)}, ${who} ${show(h.group)}`);
    if (c.criteriaMet !== h.criteriaMet) out.push(`${at}: criteria met: CLI ${c.criteriaMet}, ${who} ${h.criteriaMet}`);
    for (const k of ["unmet", "missing", "invalid", "noThreshold"] as const) {
      if (list(c[k]) !== list(h[k])) out.push(`${at}: ${k}: CLI ${list(c[k])}, ${who} ${list(h[k])}`);
    }
    const hostStatus = new Map(h.criteria.map((x) => [x.no, x.status]));
    const nos = [...new Set([...c.criteria.map((x) => x.no), ...h.criteria.map((x) => x.no)])].sort((a, b) => a - b);
    const cliStatus = new Map(c.criteria.map((x) => [x.no, x.status]));
    const bad = nos.filter((no) => cliStatus.get(no) !== hostStatus.get(no)).map((no) => `TC${no} CLI ${cliStatus.get(no) ?? "(absent)"} / ${who} ${hostStatus.get(no) ?? "(absent)"}`);
    if (bad.length) out.push(`${at}: criterion status: ${bad.join(", ")}`);
  }
  return out;
}

/** The Sheets sidebar's unit rows (what the user sees) against the command line's units. */
export interface UnitRow {
  name: string;
  group?: string;
  met: number;
  unmet: string;
  missing: string;
}

export function diffRows(sheet: string, cli: readonly UnitResult[], rows: readonly UnitRow[]): string[] {
  const out: string[] = [];
  if (cli.length !== rows.length) out.push(`${sheet}: sidebar lists ${rows.length} units, CLI ${cli.length}`);
  cli.slice(0, rows.length).forEach((c, i) => {
    const r = rows[i]!;
    const want = { name: c.name, group: c.group, met: c.criteriaMet, unmet: c.unmet.join(", "), missing: [...c.missing, ...c.invalid].sort((a, b) => a - b).join(", ") };
    // The sidebar names each criterion ("10. Thu nhập; 13. Tổ chức sản xuất"): its numbers are compared.
    const numbers = (list: string) =>
      list
        ? list
            .split("; ")
            .map((x) => x.split(".")[0])
            .join(", ")
        : "";
    const got = { name: r.name, group: r.group, met: r.met, unmet: numbers(r.unmet), missing: numbers(r.missing) };
    for (const k of Object.keys(want) as Array<keyof typeof want>) {
      if (want[k] !== got[k]) out.push(`${sheet}, unit ${i + 1} (${c.name}): sidebar ${k}: CLI ${show(want[k])}, sheets ${show(got[k])}`);
    }
  });
  return out;
}

/** Highlighted cells: "Sheet!C9" -> mark, the command line's against the host's. */
export function diffFills(cli: Record<string, string>, host: Record<string, string>, who: string): string[] {
  const missed: string[] = [];
  const extra: string[] = [];
  const other: string[] = [];
  for (const [cell, mark] of Object.entries(cli)) {
    if (!(cell in host)) missed.push(`${cell} ${mark}`);
    else if (host[cell] !== mark) other.push(`${cell} CLI ${mark} / ${who} ${host[cell]}`);
  }
  for (const [cell, mark] of Object.entries(host)) if (!(cell in cli)) extra.push(`${cell} ${mark}`);
  const out: string[] = [];
  if (missed.length) out.push(`highlights: ${missed.length} cells the CLI fills and ${who} does not: ${missed.join(", ")}`);
  if (extra.length) out.push(`highlights: ${extra.length} cells ${who} fills and the CLI does not: ${extra.join(", ")}`);
  if (other.length) out.push(`highlights: ${other.length} cells filled differently: ${other.join(", ")}`);
  return out;
}

/** A chart as every host draws it: its type, the cells it is bound to, its title and its top-left cell. */
export interface ChartView {
  type: "bar" | "column" | string;
  source: string;
  title: string;
  at: string;
}

/** The charts a host left on NTM_BaoCao (other than a user's), or the shared layout's, as readable lines. */
export function chartLines(charts: readonly ChartView[] | undefined): string[] {
  return (charts ?? []).map((c) => `${c.type} ${c.source} at ${c.at}: ${c.title}`);
}
