// Writes one backup archive: database.sql (a plain dump any PostgreSQL 15+ or PGlite restores), files/<key> for every
// stored file rows point to, data/<name> for the files kept beside the database (the audit key), and manifest.json last.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Config } from "../../config.js";
import { type Database, knownMigrations } from "../../db/client.js";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupManifest } from "../../domain/backup.js";
import type { FileStore } from "../../storage/file-store.js";
import { CHECKPOINT_KEY } from "../audit/checkpoint.js";
import { sha256, writeArchive } from "./archive.js";
import { takeSnapshot } from "./snapshot.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const APP = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { name: string; version: string };

/**
 * Files in DATA_DIR that belong with the database and are not in it: the keys made on first start (audit.key signs the
 * audit log, ballot.key seals secret-ballot urns) — without them a restored database could neither verify its log nor
 * open its urns. PGlite's own files are in the dump. Keys given by environment (AUDIT_KEY…) are not carried.
 */
export function dataFilesToCarry(dataDir: string): string[] {
  if (!fs.existsSync(dataDir)) return [];
  return fs
    .readdirSync(dataDir)
    .filter((n) => /^[a-zA-Z0-9._-]+\.key$/.test(n) && fs.statSync(path.join(dataDir, n)).isFile())
    .sort();
}

/** Store keys kept beside the evidence files that a restore needs (the audit log's signed checkpoint). */
export const STORE_EXTRAS = [CHECKPOINT_KEY];

export interface BackupSource {
  database: Database;
  files: FileStore;
  config: Pick<Config, "dataDir"> & { files: Pick<Config["files"], "storage"> };
}

export interface BackupResult {
  file: string;
  bytes: number;
  sha256: string;
  manifest: BackupManifest;
  /** Files rows point to that the store no longer has (already lost before this backup; named so someone looks). */
  missingFiles: string[];
}

/** Takes a backup of the open database and its file store into `file` (created, or replaced when it exists). */
export async function createBackup(source: BackupSource, file: string): Promise<BackupResult> {
  // Read before the snapshot: a checkpoint only moves forward, so this one names a head the dump holds.
  const extras = new Map<string, Buffer>();
  for (const key of STORE_EXTRAS) {
    const data = await source.files.get(key).catch(() => null);
    if (data) extras.set(key, data);
  }
  const snapshot = await takeSnapshot(source.database);
  const tmp = `${file}.part`;
  const archive = writeArchive(tmp);
  try {
    const dump = Buffer.from(snapshot.sql, "utf8");
    await archive.add("database.sql", dump);
    const files: BackupManifest["files"] = [];
    const missingFiles: string[] = [];
    for (const f of snapshot.files) {
      let data: Buffer;
      try {
        data = await source.files.get(f.key);
      } catch {
        missingFiles.push(f.key);
        continue;
      }
      await archive.add(`files/${f.key}`, data);
      files.push({ path: `files/${f.key}`, key: f.key, sha256: sha256(data), bytes: data.length });
    }
    const dataFiles: BackupManifest["dataFiles"] = [];
    for (const [key, data] of extras) {
      await archive.add(`files/${key}`, data);
      files.push({ path: `files/${key}`, key, sha256: sha256(data), bytes: data.length });
    }
    for (const name of dataFilesToCarry(source.config.dataDir)) {
      const p = path.join(source.config.dataDir, name);
      if (!fs.existsSync(p) || !fs.statSync(p).isFile()) continue;
      const data = fs.readFileSync(p);
      await archive.add(`data/${name}`, data);
      dataFiles.push({ path: `data/${name}`, name, sha256: sha256(data), bytes: data.length });
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      app: { name: APP.name, version: APP.version },
      schema: { migrations: knownMigrations() },
      source: { database: source.database.kind, serverVersion: snapshot.serverVersion, storage: source.config.files.storage },
      database: { path: "database.sql", sha256: sha256(dump), bytes: dump.length },
      files,
      dataFiles,
      tables: snapshot.tables,
      audit: snapshot.audit,
    };
    await archive.add("manifest.json", Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    const written = await archive.finish();
    fs.renameSync(tmp, file);
    return { file, ...written, manifest, missingFiles };
  } catch (e) {
    await archive.finish().catch(() => undefined);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
