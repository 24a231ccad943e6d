// "XFD1048576" <-> 0-based row and column, without regular expressions (called once per cell).

/** Parses an A1 reference; undefined when it is not one. */
export function parseCellRef(ref: string): { row: number; col: number } | undefined {
  let i = 0;
  let col = 0;
  for (; i < ref.length; i++) {
    let c = ref.charCodeAt(i);
    if (c === 36) continue; // "$"
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  let row = 0;
  let digits = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c === 36 && digits === 0) continue;
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
    digits++;
  }
  if (col === 0 || digits === 0 || row === 0) return undefined;
  return { row: row - 1, col: col - 1 };
}

export { a1, columnLetters } from "../../shared/sheet/grid.js";
