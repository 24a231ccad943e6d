// Files that are not what their name says, or that try to exhaust the reader: built in memory so
// the tests need no binary fixtures.
import { strToU8 } from "fflate";

/** A raw deflate stream of `n` zeros (fixed Huffman: one literal, then matches of 258 at distance 1), ~6 MB per GiB. */
export function zerosDeflated(n: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(((n / 258) * 13) / 8) + 300);
  let bit = 0;
  const put = (value: number, bits: number) => {
    for (let i = 0; i < bits; i++, bit++) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  // Huffman codes go most significant bit first.
  const code = (value: number, bits: number) => {
    for (let i = bits - 1; i >= 0; i--, bit++) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  put(1, 1); // final block
  put(1, 2); // fixed Huffman
  code(0x30, 8); // literal 0
  let left = n - 1;
  for (; left >= 258; left -= 258) {
    code(0xc5, 8); // length 258
    code(0, 5); // distance 1
  }
  for (; left > 0; left--) code(0x30, 8);
  code(0, 7); // end of block
  return out.subarray(0, (bit + 7) >> 3);
}

/** A one-entry zip declaring `size` for already-deflated data (CRC left 0: it is refused before any check). */
export function storedZip(name: string, deflated: Uint8Array, size: number): Uint8Array {
  const nameBytes = strToU8(name);
  const local = new DataView(new ArrayBuffer(30));
  local.setUint32(0, 0x04034b50, true);
  local.setUint16(8, 8, true);
  local.setUint32(18, deflated.length, true);
  local.setUint32(22, size, true);
  local.setUint16(26, nameBytes.length, true);
  const central = new DataView(new ArrayBuffer(46));
  central.setUint32(0, 0x02014b50, true);
  central.setUint16(10, 8, true);
  central.setUint32(20, deflated.length, true);
  central.setUint32(24, size, true);
  central.setUint16(28, nameBytes.length, true);
  const cdOffset = 30 + nameBytes.length + deflated.length;
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, 1, true);
  end.setUint16(10, 1, true);
  end.setUint32(12, 46 + nameBytes.length, true);
  end.setUint32(16, cdOffset, true);
  const pieces = [new Uint8Array(local.buffer), nameBytes, deflated, new Uint8Array(central.buffer), nameBytes, new Uint8Array(end.buffer)];
  const bytes = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) bytes.set(p, (at += p.length) - p.length);
  return bytes;
}

/** An OLE compound file (what .xls and password-protected workbooks are) carrying `extra` at 1 KB. */
export function oleFile(extra: Uint8Array): Uint8Array {
  const b = new Uint8Array(4096);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  b.set(extra, 1024);
  return b;
}

/** The UTF-16 stream name that marks a password-protected workbook. */
export const ENCRYPTED_PACKAGE = Uint8Array.from([..."EncryptedPackage"].flatMap((ch) => [ch.charCodeAt(0), 0]));
