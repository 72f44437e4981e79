// Where uploaded files live. Local disk by default; the interface is what an S3-compatible store implements.
import fs from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config.js";

export interface FileStore {
  put(key: string, data: Buffer): Promise<void>;
  /** Stores a file from disk without reading it into memory (backup archives can be large). */
  putFile?(key: string, file: string): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

/** Whether a store's error means "no such object" (a local file or an S3 key that is not there). */
export function isMissingObject(e: unknown): boolean {
  const err = e as { code?: string; name?: string; $metadata?: { httpStatusCode?: number } };
  return err?.code === "ENOENT" || err?.name === "NoSuchKey" || err?.name === "NotFound" || err?.$metadata?.httpStatusCode === 404;
}

/** Files under one folder, two levels of sub-folders by key prefix so no folder grows huge. */
export class LocalFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!/^[a-zA-Z0-9_-]+$/.test(key)) throw new Error(`bad storage key ${key}`);
    return path.join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a crash never leaves half a file under the final name.
    await fs.writeFile(`${file}.part`, data);
    await fs.rename(`${file}.part`, file);
  }

  async putFile(key: string, source: string): Promise<void> {
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.copyFile(source, `${file}.part`);
    await fs.rename(`${file}.part`, file);
  }

  get(key: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}

/** The store the configuration names: local disk by default, or an S3-compatible bucket. */
export async function createFileStore(files: Config["files"]): Promise<FileStore> {
  if (files.storage === "s3") {
    const { S3FileStore } = await import("./s3-file-store.js");
    return new S3FileStore(files.s3);
  }
  return new LocalFileStore(files.dir);
}
