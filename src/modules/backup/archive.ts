// The backup archive on disk: a gzip-compressed tar that any administrator can list (`tar tzf`), written and read as
// streams so a year of evidence files never has to fit in memory.
import { createHash } from "node:crypto";
import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import tar from "tar-stream";

export interface ArchiveWriter {
  add(name: string, data: Buffer): Promise<void>;
  /** Ends the archive; resolves with its size and SHA-256 once it is on disk. */
  finish(): Promise<{ bytes: number; sha256: string }>;
}

export function writeArchive(file: string): ArchiveWriter {
  const pack = tar.pack();
  const hash = createHash("sha256");
  let bytes = 0;
  const gzip = zlib.createGzip();
  gzip.on("data", (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  const done = pipeline(pack, gzip, fs.createWriteStream(file, { mode: 0o600 }));
  // A failure surfaces from finish(); keep it from being an unhandled rejection meanwhile.
  done.catch(() => undefined);
  return {
    add: (name, data) =>
      new Promise<void>((resolve, reject) => {
        pack.entry({ name, size: data.length, mode: 0o600, mtime: new Date() }, data, (err) => (err ? reject(err) : resolve()));
      }),
    async finish() {
      pack.finalize();
      await done;
      return { bytes, sha256: hash.digest("hex") };
    },
  };
}

/** Calls `onEntry` for each file in the archive, in order; `onEntry` reads the content it is given. */
export async function readArchive(file: string, onEntry: (name: string, data: Buffer) => Promise<void> | void): Promise<void> {
  const extract = tar.extract();
  const reading = (async () => {
    try {
      for await (const entry of extract) {
        const chunks: Buffer[] = [];
        for await (const chunk of entry) chunks.push(chunk as Buffer);
        if (entry.header.type === "file") await onEntry(entry.header.name, Buffer.concat(chunks));
      }
    } catch (e) {
      // Stop reading the file too: the caller's refusal ends the whole read.
      extract.destroy(e as Error);
      throw e;
    }
  })();
  await Promise.all([pipeline(fs.createReadStream(file), zlib.createGunzip(), extract), reading]);
}

export const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");
