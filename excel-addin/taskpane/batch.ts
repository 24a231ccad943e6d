// Office.js batching: every command counted against Excel on the web's ~5 MB payload limit,
// context.sync() counted, addresses and runs grouped so a plan needs few commands.
/** Bytes per batch we allow ourselves, under Excel on the web's ~5 MB payload limit. */
export const BATCH_BYTES = 4_000_000;
/** Rough size of one queued command in the request JSON: its object path and its action. */
export const COMMAND_BYTES = 250;
/** Response size of one cell's fill (colour, pattern, tint) read with getCellProperties. */
export const FILL_READ_BYTES = 80;
/** Characters of one multi-area address ("M6,M9,O6:O8") given to getRanges. */
export const AREAS_CHARS = 6000;

/** Counts context.sync() calls and splits writes into batches under the payload limit. */
export class Batch {
  syncs = 0;
  private bytes = 0;
  constructor(private readonly context: Excel.RequestContext) {}
  async sync(): Promise<void> {
    this.syncs++;
    this.bytes = 0;
    await this.context.sync();
  }
  /** Accounts for a command; flushes first if it would make the batch too big. */
  async add(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > BATCH_BYTES) await this.sync();
    this.bytes += bytes;
  }
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Joins addresses into comma-separated lists short enough for getRanges. */
export function chunkAddresses(addresses: readonly string[], limit = AREAS_CHARS): string[] {
  const out: string[] = [];
  let current = "";
  for (const a of addresses) {
    if (current && current.length + 1 + a.length > limit) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}

/** Groups cells of one column into runs of consecutive rows with the same key. */
export function columnRuns<T extends { row: number; col: number }>(cells: readonly T[], keyOf: (c: T) => string): Array<{ col: number; row: number; items: T[] }> {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: Array<{ col: number; row: number; items: T[] }> = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    const lastItem = last?.items[last.items.length - 1];
    if (last && lastItem && last.col === c.col && lastItem.row + 1 === c.row && keyOf(lastItem) === keyOf(c)) last.items.push(c);
    else out.push({ col: c.col, row: c.row, items: [c] });
  }
  return out;
}

