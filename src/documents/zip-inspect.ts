// Reading an uploaded zip (XLSX, DOCX) without trusting it. A zip bomb is a small file that inflates to gigabytes;
// its declared sizes may also lie. So, before any library inflates it: list the central directory, refuse when the
// declared sizes exceed the limits, then inflate every entry as a stream, counting the bytes actually produced and
// stopping at the limit — memory stays at one chunk whatever the file claims.
import { createInflateRaw } from "node:zlib";

export interface ZipLimits {
  /** Most entries a legitimate file of this kind has. */
  maxEntries: number;
  /** Most bytes all entries may inflate to, together. */
  maxTotalBytes: number;
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  dataOffset: number;
}

export type ZipProblem = "not_zip" | "corrupt" | "encrypted" | "too_large";

/** Why a zip is refused; callers turn it into a message for the user. */
export class ZipRefused extends Error {
  constructor(
    readonly problem: ZipProblem,
    detail: string,
  ) {
    super(detail);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries a zip's central directory declares (sizes as declared, not yet proven). */
export function listZipEntries(buf: Buffer, limits: ZipLimits): ZipEntry[] {
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL) throw new ZipRefused("not_zip", "no local header at start");
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipRefused("corrupt", "no end of central directory");
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  // ZIP64 markers: no office file under the upload limit needs them, and they would let sizes escape our checks.
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ZipRefused("too_large", "zip64");
  if (count > limits.maxEntries) throw new ZipRefused("too_large", `${count} entries`);
  if (cdOffset + cdSize > eocd) throw new ZipRefused("corrupt", "central directory out of bounds");
  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) throw new ZipRefused("corrupt", "bad central directory entry");
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw new ZipRefused("encrypted", name);
    if (method !== 0 && method !== 8) throw new ZipRefused("corrupt", `method ${method}`);
    if (compressedSize === 0xffffffff || size === 0xffffffff) throw new ZipRefused("too_large", "zip64 entry");
    declaredTotal += size;
    if (declaredTotal > limits.maxTotalBytes) throw new ZipRefused("too_large", `declared ${declaredTotal} bytes`);
    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== LOCAL) throw new ZipRefused("corrupt", `bad local header for ${name}`);
    const dataOffset = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > buf.length) throw new ZipRefused("corrupt", `${name} runs past the end`);
    entries.push({ name, method, compressedSize, size, dataOffset });
  }
  return entries;
}

/** Inflates one entry as a stream, refusing once it produces more than `maxBytes` or more than it declared. */
export function inflateEntry(buf: Buffer, entry: ZipEntry, maxBytes: number, keep: boolean): Promise<Buffer> {
  const data = buf.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const cap = Math.min(maxBytes, entry.size);
  if (entry.method === 0) {
    if (data.length !== entry.size || data.length > maxBytes) return Promise.reject(new ZipRefused("corrupt", `${entry.name} size mismatch`));
    return Promise.resolve(keep ? data : Buffer.alloc(0));
  }
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    const kept: Buffer[] = [];
    let produced = 0;
    let settled = false;
    const fail = (e: ZipRefused) => {
      if (settled) return;
      settled = true;
      inflater.destroy();
      reject(e);
    };
    inflater.on("data", (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > cap) fail(new ZipRefused(produced > maxBytes ? "too_large" : "corrupt", `${entry.name} inflates past ${cap} bytes`));
      else if (keep) kept.push(chunk);
    });
    inflater.on("error", () => fail(new ZipRefused("corrupt", `${entry.name} does not inflate`)));
    inflater.on("end", () => {
      if (settled) return;
      if (produced !== entry.size) return fail(new ZipRefused("corrupt", `${entry.name} size mismatch`));
      settled = true;
      resolve(Buffer.concat(kept));
    });
    inflater.end(data);
  });
}

/**
 * Proves a zip is what it declares and within `limits`: every entry is inflated (and discarded) with the actual
 * bytes counted. Returns the entries; after this a library may open the file safely.
 */
export async function inspectZip(buf: Buffer, limits: ZipLimits): Promise<ZipEntry[]> {
  const entries = listZipEntries(buf, limits);
  let remaining = limits.maxTotalBytes;
  for (const e of entries) {
    await inflateEntry(buf, e, remaining, false);
    remaining -= e.size;
  }
  return entries;
}

/** One entry's bytes (after `inspectZip`, or with its own cap), or null when the zip has no such entry. */
export async function readZipEntry(buf: Buffer, entries: ZipEntry[], name: string, maxBytes: number): Promise<Buffer | null> {
  const entry = entries.find((e) => e.name === name);
  return entry ? inflateEntry(buf, entry, maxBytes, true) : null;
}
