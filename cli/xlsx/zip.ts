// Reads a zip's central directory and inflates single entries, refusing sizes beyond the limits
// before any inflating (a zip bomb declares small sizes or lies: output is capped at the declared size).
import { inflateRawSync } from "node:zlib";
import { crc32 } from "./crc32.js";
import { XlsxError } from "./errors.js";

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  /** Declared uncompressed size (central directory). */
  size: number;
  /** Where the entry's data starts in the archive. */
  dataOffset: number;
}

export interface ZipLimits {
  /** Sum of the declared uncompressed sizes; default 512 MiB. */
  maxUncompressedBytes?: number;
  /** One part's declared uncompressed size; default 256 MiB. */
  maxPartBytes?: number;
}

export const DEFAULT_ZIP_LIMITS = { maxUncompressedBytes: 512 * 2 ** 20, maxPartBytes: 256 * 2 ** 20 } as const;

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 2 ** 32;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfCentralDirectory(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (u32(b, i) === EOCD) return i;
  return -1;
}

/** The entries of a zip, in central-directory order; throws XlsxError "truncated"/"not_zip"/"too_large"/"encrypted". */
export function readCentralDirectory(b: Uint8Array, limits: ZipLimits = {}): ZipEntry[] {
  const maxTotal = limits.maxUncompressedBytes ?? DEFAULT_ZIP_LIMITS.maxUncompressedBytes;
  const maxPart = limits.maxPartBytes ?? DEFAULT_ZIP_LIMITS.maxPartBytes;
  const startsAsZip = b.length >= 4 && u32(b, 0) === LOCAL;
  const eocd = b.length >= 22 ? findEndOfCentralDirectory(b) : -1;
  if (eocd < 0) throw new XlsxError(startsAsZip ? "truncated" : "not_zip");
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== ZIP64_LOCATOR) throw new XlsxError("corrupt", "zip64 locator");
    const z = u64(b, loc + 8);
    if (z + 56 > b.length || u32(b, z) !== ZIP64_EOCD) throw new XlsxError("truncated");
    count = u64(b, z + 32);
    cdSize = u64(b, z + 40);
    cdOffset = u64(b, z + 48);
  }
  if (cdOffset + cdSize > b.length) throw new XlsxError("truncated");
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== CENTRAL) throw new XlsxError(startsAsZip ? "truncated" : "not_zip");
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const crc = u32(b, p + 16);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLength = u16(b, p + 28);
    const extraLength = u16(b, p + 30);
    const commentLength = u16(b, p + 32);
    let localOffset = u32(b, p + 42);
    const name = decoder.decode(b.subarray(p + 46, p + 46 + nameLength));
    // Zip64 sizes sit in extra field 0x0001, in this order, only for the fields that overflowed.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = u16(b, e);
      const len = u16(b, e + 2);
      if (id === 1) {
        let q = e + 4;
        if (size === 0xffffffff) (size = u64(b, q)), (q += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(b, q)), (q += 8);
        if (localOffset === 0xffffffff) localOffset = u64(b, q);
      }
      e += 4 + len;
    }
    p = extraEnd + commentLength;
    if (flags & 1) throw new XlsxError("encrypted", name);
    if (size > maxPart) throw new XlsxError("too_large", name);
    total += size;
    if (total > maxTotal) throw new XlsxError("too_large", name);
    if (localOffset + 30 > b.length || u32(b, localOffset) !== LOCAL) throw new XlsxError("truncated", name);
    const dataOffset = localOffset + 30 + u16(b, localOffset + 26) + u16(b, localOffset + 28);
    if (dataOffset + compressedSize > b.length) throw new XlsxError("truncated", name);
    if (method !== 0 && method !== 8) throw new XlsxError("corrupt", `${name}: compression method ${method}`);
    entries.push({ name, method, crc, compressedSize, size, dataOffset });
  }
  return entries;
}

/**
 * An entry's whole uncompressed content, its declared size and CRC checked. Inflating stops as
 * soon as the output passes the declared size, so a lying entry costs little.
 */
export function inflateEntryBytes(archive: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = archive.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new XlsxError("corrupt", entry.name);
    out = data;
  } else {
    // Node's own zlib (native, several times fflate's speed), told never to produce more than
    // declared: a lying entry stops there instead of filling memory.
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (e) {
      const tooLarge = (e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError;
      throw new XlsxError("corrupt", `${entry.name}: ${tooLarge ? "larger than declared" : "does not inflate"}`);
    }
  }
  if (out.length !== entry.size || crc32(out) !== entry.crc) throw new XlsxError("corrupt", `${entry.name}: size or checksum`);
  return out;
}
