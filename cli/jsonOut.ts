// A JSON document written to stdout a piece at a time: the big list (units) item by item, so a
// document of 50,000 units is never one string in memory, and a slow pipe (`| jq`, `| head`) is
// waited for instead of buffered without end. The text parses the same as JSON.stringify's.
import type { CliIo } from "./io.js";

/** A field of the top-level object: a value, or a list given as its items' JSON texts. */
export type JsonField = { key: string; value: unknown } | { key: string; items: Iterable<string> };

const CHUNK = 1 << 16;

export async function writeJsonObject(fields: readonly JsonField[], io: CliIo): Promise<void> {
  let pending = "";
  const write = async (text: string) => {
    pending += text;
    if (pending.length < CHUNK) return;
    const flowing = io.out(pending);
    pending = "";
    if (flowing === false && io.drained) await io.drained();
  };
  // undefined is left out, as JSON.stringify leaves it out of an object.
  const present = fields.filter((f) => "items" in f || f.value !== undefined);
  await write("{\n");
  for (const [i, field] of present.entries()) {
    const last = i === present.length - 1;
    if ("items" in field) {
      await write(`${JSON.stringify(field.key)}: [\n`);
      let first = true;
      for (const item of field.items) {
        await write(`${first ? "" : ",\n"}${item}`);
        first = false;
      }
      await write(`${first ? "" : "\n"}]${last ? "" : ","}\n`);
    } else {
      await write(`${JSON.stringify(field.key)}: ${JSON.stringify(field.value)}${last ? "" : ","}\n`);
    }
  }
  await write("}\n");
  if (pending) io.out(pending);
}

/** The JSON texts of a list's items, made one at a time as they are written. */
export function* jsonItems<T>(list: readonly T[], toJson: (item: T) => unknown = (item) => item): Generator<string> {
  for (const item of list) yield JSON.stringify(toJson(item));
}
