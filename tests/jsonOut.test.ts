// The command line's streamed JSON (cli/jsonOut.ts): what it writes parses to the same document
// as JSON.stringify's, piece by piece, waiting for a slow pipe; `ntm compare --json` uses it.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { jsonItems, writeJsonObject } from "../cli/jsonOut.js";
import { runCli } from "../cli/ntm.js";

/** An stdout that says "full" after every write, and counts how often the writer waited for it. */
function slowPipe() {
  const writes: string[] = [];
  let waits = 0;
  return {
    io: { out: (s: string) => (writes.push(s), false), drained: async () => void waits++, err: () => undefined },
    writes,
    waits: () => waits,
  };
}

describe("writeJsonObject", () => {
  it("parses to what JSON.stringify gives: undefined fields left out wherever they stand, empty and unicode lists", async () => {
    const pipe = slowPipe();
    const doc = { a: 1, gone: undefined, units: [{ name: "Bản \"Vén\"\n", n: [1, 2] }, { name: "Nà Pài", n: [] }], empty: [] as unknown[], last: undefined };
    await writeJsonObject(
      [
        { key: "a", value: doc.a },
        { key: "gone", value: undefined },
        { key: "units", items: jsonItems(doc.units) },
        { key: "empty", items: jsonItems(doc.empty) },
        { key: "last", value: undefined },
      ],
      pipe.io,
    );
    const text = pipe.writes.join("");
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("a long list goes out in pieces of about 64 KB, each after the pipe drained", async () => {
    const pipe = slowPipe();
    const units = Array.from({ length: 20_000 }, (_, i) => ({ index: i, name: `Thôn ${i}`, lost: [i % 19] }));
    let made = 0;
    const items = (function* () {
      for (const u of units) {
        made++;
        yield JSON.stringify(u);
      }
    })();
    await writeJsonObject([{ key: "units", items }], pipe.io);
    expect(made).toBe(20_000);
    const doc = JSON.parse(pipe.writes.join(""));
    expect(doc.units).toHaveLength(20_000);
    expect(doc.units[19_999]).toEqual({ index: 19_999, name: "Thôn 19999", lost: [11] }); // 19,999 = 19 × 1,052 + 11
    expect(pipe.writes.length).toBeGreaterThan(10);
    expect(Math.max(...pipe.writes.map((w) => w.length))).toBeLessThan(70_000);
    // Every full write but the last was waited for.
    expect(pipe.waits()).toBe(pipe.writes.length - 1);
  });
});

describe("ntm compare --json on a large district: written unit by unit", () => {
  it("1,200 villages each year: several writes, one document, every unit matched", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ntm-json-"));
    const file = async (year: number, unmetOf: (i: number) => number[]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet(`Thôn ${year}`);
      ws.addRow(["STT", "Xã", "Thôn", ...Array.from({ length: 19 }, (_, i) => `Tiêu chí ${i + 1}`)]);
      for (let i = 0; i < 1200; i++) ws.addRow([i + 1, `Xã ${Math.floor(i / 12)}`, `Thôn ${i}`, ...Array.from({ length: 19 }, (_, c) => (unmetOf(i).includes(c + 1) ? "Chưa đạt" : "Đạt"))]);
      const name = path.join(dir, `thon-${year}.xlsx`);
      await wb.xlsx.writeFile(name);
      return name;
    };
    // 2023: every village misses 10; 2024: the even ones meet it, every tenth loses 17.
    const old = await file(2023, () => [10]);
    const now = await file(2024, (i) => [...(i % 2 ? [10] : []), ...(i % 10 === 0 ? [17] : [])]);
    const pipe = slowPipe();
    const code = await runCli(["compare", old, now, "--set", "thon-ntm-bac-kan-2022-2025", "--year", "2023,2024", "--json"], pipe.io);
    expect(code).toBe(0);
    expect(pipe.writes.length).toBeGreaterThan(2);
    const doc = JSON.parse(pipe.writes.join(""));
    expect(doc.units).toHaveLength(1200);
    expect(doc.summary).toMatchObject({ matched: 1200, unitsLosing: 120, unitsGaining: 600 });
    expect(doc.units[0]).toMatchObject({ name: "Thôn 0", lost: [17], gained: [10] });
  }, 60_000);
});
