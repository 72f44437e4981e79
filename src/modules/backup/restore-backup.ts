// Restores a backup archive into an empty target: PGlite in an empty DATA_DIR, or an empty PostgreSQL database. The
// archive is checked in full before anything is written; the database is filled in one transaction that is rolled back
// unless every table's rows and fingerprint match the manifest; then the files, then migrations and the audit check.
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../../config.js";
import { knownMigrations, openDatabase } from "../../db/client.js";
import { LOCK_FILE, lockDataDir } from "../../db/data-dir-lock.js";
import { type BackupManifest, backupManifest, checkParts, compareSchema, splitSqlScript, tableDifferences } from "../../domain/backup.js";
import { AppError } from "../../http/errors.js";
import { createFileStore } from "../../storage/file-store.js";
import { KeyFileError } from "../../storage/key-file.js";
import { loadAuditKey } from "../audit/audit-key.js";
import { verifyAudit } from "../audit/verify-audit.js";
import { readArchive, sha256 } from "./archive.js";
import { describeTables, type Query } from "./snapshot.js";

export type RestoreTarget = Pick<Config, "databaseUrl" | "dataDir" | "files" | "audit">;

export interface RestoreReport {
  manifest: BackupManifest;
  /** Migrations of this code the backup did not have, applied after the restore. */
  migrated: string[];
  audit: { ok: boolean; checked: number; reason: string | null };
}

const refuse = (code: string, message: string) => new AppError(409, code, message);

/** Reads and checks an archive without writing anything: its manifest, every part's SHA-256, its schema version. */
export async function verifyBackupFile(file: string): Promise<BackupManifest> {
  if (!fs.existsSync(file)) throw new AppError(404, "NO_FILE", `Không có tệp sao lưu "${file}".`);
  const found = new Map<string, { sha256: string; bytes: number }>();
  let raw: string | null = null;
  try {
    await readArchive(file, (name, data) => {
      if (name === "manifest.json") raw = data.toString("utf8");
      else found.set(name, { sha256: sha256(data), bytes: data.length });
    });
  } catch {
    throw new AppError(400, "BAD_ARCHIVE", `Tệp "${file}" không phải bản sao lưu Thi Đua (không đọc được dạng .tar.gz) hoặc đã bị cắt cụt.`);
  }
  if (raw === null) throw new AppError(400, "NO_MANIFEST", `Tệp "${file}" không có bản kê manifest.json: không phải bản sao lưu Thi Đua.`);
  let parsed: ReturnType<typeof backupManifest.safeParse>;
  try {
    parsed = backupManifest.safeParse(JSON.parse(raw));
  } catch {
    throw new AppError(400, "BAD_MANIFEST", "Bản kê manifest.json của bản sao lưu không đọc được (hỏng).");
  }
  if (!parsed.success) throw new AppError(400, "BAD_MANIFEST", "Bản kê manifest.json không đúng định dạng sao lưu Thi Đua.");
  const manifest = parsed.data;
  if (manifest.formatVersion > 1) {
    throw refuse("NEWER_BACKUP", `Bản sao lưu theo định dạng số ${manifest.formatVersion}, mới hơn phiên bản phần mềm này. Hãy cập nhật Thi Đua rồi phục hồi.`);
  }
  const problems = checkParts(manifest, found);
  if (problems.length) throw new AppError(400, "CORRUPT_BACKUP", `Bản sao lưu bị hỏng hoặc bị sửa: ${problems.slice(0, 5).join("; ")}.`);
  const schema = compareSchema(manifest.schema.migrations, knownMigrations());
  if (!schema.ok) {
    throw refuse(
      "NEWER_SCHEMA",
      schema.reason === "NEWER"
        ? `Bản sao lưu được tạo bởi phiên bản Thi Đua mới hơn (${manifest.app.version}, lược đồ CSDL có ${schema.unknown.join(", ")} mà phiên bản này chưa biết). Hãy cập nhật phần mềm lên bản đó hoặc mới hơn rồi phục hồi.`
        : "Lược đồ CSDL của bản sao lưu không nằm trên dòng phát triển của phiên bản này. Hãy phục hồi bằng đúng phiên bản Thi Đua đã tạo bản sao lưu.",
    );
  }
  return manifest;
}

function isEmptyDir(dir: string, ignore: string[] = []): boolean {
  if (!fs.existsSync(dir)) return true;
  return fs.readdirSync(dir).filter((n) => !ignore.includes(n)).length === 0;
}

interface RawSession {
  query: Query;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

async function openRaw(target: RestoreTarget): Promise<RawSession> {
  if (target.databaseUrl) {
    const pg = (await import("pg")).default;
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    return {
      query: async (q) => (await client.query(q)).rows,
      exec: async (q) => {
        await client.query(q);
      },
      close: () => client.end(),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const pg = await PGlite.create(target.dataDir);
  return {
    query: async (q) => (await pg.query(q)).rows as never[],
    exec: async (q) => {
      await pg.exec(q);
    },
    close: () => pg.close(),
  };
}

/** Refuses a target that holds anything: a restore never mixes with or overwrites existing data. */
async function assertEmptyTarget(target: RestoreTarget): Promise<void> {
  if (target.files.storage === "local" && !isEmptyDir(target.files.dir)) {
    throw refuse(
      "TARGET_NOT_EMPTY",
      `Thư mục tệp ${target.files.dir} đã có dữ liệu. Hãy phục hồi vào thư mục trống (đặt FILES_DIR khác hoặc dời thư mục cũ đi).`,
    );
  }
  if (!target.databaseUrl) {
    // The restore's own lock file is the only thing allowed in the folder.
    if (!isEmptyDir(target.dataDir, [LOCK_FILE])) {
      throw refuse(
        "TARGET_NOT_EMPTY",
        `Thư mục dữ liệu ${target.dataDir} không trống. Hãy phục hồi vào thư mục trống (đặt DATA_DIR khác hoặc dời thư mục cũ đi); phục hồi không ghi đè dữ liệu đang có.`,
      );
    }
    return;
  }
  const raw = await openRaw(target);
  try {
    const [{ n }] = await raw.query<{ n: number | string }>(
      "select count(*) as n from pg_catalog.pg_tables where schemaname not in ('pg_catalog', 'information_schema')",
    );
    if (Number(n) > 0) {
      throw refuse(
        "TARGET_NOT_EMPTY",
        `CSDL đích đã có ${n} bảng. Hãy tạo một CSDL trống (createdb) và đặt DATABASE_URL trỏ tới nó; phục hồi không ghi đè dữ liệu đang có.`,
      );
    }
  } finally {
    await raw.close();
  }
}

// Statements are sent in batches of about this many characters (a year's dump is far larger than one round trip).
const BATCH_CHARS = 1_000_000;

/** Fills the empty target from the dump in one transaction, committed only if every table matches the manifest. */
async function loadDatabase(target: RestoreTarget, manifest: BackupManifest, sql: string): Promise<void> {
  const raw = await openRaw(target);
  try {
    const statements = splitSqlScript(sql);
    await raw.exec("begin");
    let batch = "";
    for (const s of statements) {
      batch += `${s};\n`;
      if (batch.length >= BATCH_CHARS) {
        await raw.exec(batch);
        batch = "";
      }
    }
    if (batch) await raw.exec(batch);
    await raw.exec("set local timezone = 'UTC'");
    const differences = tableDifferences(manifest.tables, await describeTables(raw.query));
    if (differences.length) {
      throw new AppError(
        500,
        "RESTORE_MISMATCH",
        `Dữ liệu sau khi nạp không khớp bản sao lưu nên đã hủy, CSDL đích vẫn trống: ${differences.slice(0, 5).join("; ")}.`,
      );
    }
    await raw.exec("commit");
  } catch (e) {
    await raw.exec("rollback").catch(() => undefined);
    if (e instanceof AppError) throw e;
    throw new AppError(500, "RESTORE_FAILED", `Không nạp được CSDL từ bản sao lưu (CSDL đích vẫn trống): ${(e as Error).message}`);
  } finally {
    await raw.close();
  }
}

/** Restores `file` into `target`; `log` hears each step in Vietnamese. */
export async function restoreBackup(file: string, target: RestoreTarget, log: (line: string) => void = () => undefined): Promise<RestoreReport> {
  const manifest = await verifyBackupFile(file);
  log(
    `Bản sao lưu hợp lệ: tạo lúc ${manifest.createdAt} từ ${manifest.source.database === "pglite" ? "CSDL nhúng (PGlite)" : "PostgreSQL"}, ${manifest.files.length} tệp, ${manifest.audit.entries} mục nhật ký.`,
  );
  const lock = target.databaseUrl ? null : lockDataDir(target.dataDir, "cli");
  try {
    await assertEmptyTarget(target);

    // The archive is read once more, entry by entry (database.sql comes first), so a year of files never sits in memory.
    const store = await createFileStore(target.files);
    const expectedFiles = new Map(manifest.files.map((f) => [`files/${f.key}`, f]));
    const expectedData = new Map(manifest.dataFiles.map((f) => [`data/${f.name}`, f]));
    let loaded = false;
    await readArchive(file, async (name, data) => {
      if (name === "database.sql") {
        await loadDatabase(target, manifest, data.toString("utf8"));
        loaded = true;
        log(`Đã nạp CSDL: ${Object.keys(manifest.tables).length} bảng, khớp số dòng và dấu vân tay từng bảng.`);
        return;
      }
      if (!loaded) throw new AppError(400, "BAD_ARCHIVE", "Bản sao lưu không bắt đầu bằng database.sql: không phải bản do Thi Đua tạo.");
      const stored = expectedFiles.get(name);
      if (stored) {
        // Checked again as written: the archive was verified, the store might not keep what it is given.
        await store.put(stored.key, data);
        if (sha256(await store.get(stored.key)) !== stored.sha256) {
          throw new AppError(500, "FILE_WRITE", `Tệp ${stored.key} ghi vào kho không khớp mã băm; hãy kiểm tra kho lưu trữ rồi phục hồi lại vào đích trống.`);
        }
        return;
      }
      const kept = expectedData.get(name);
      if (kept) {
        const dest = path.join(target.dataDir, kept.name);
        if (fs.existsSync(dest) && sha256(fs.readFileSync(dest)) !== kept.sha256) {
          log(`Cảnh báo: ${dest} đã có và khác bản sao lưu; giữ nguyên tệp đang có. Bản trong sao lưu cần cho việc kiểm tra nhật ký.`);
          return;
        }
        fs.mkdirSync(target.dataDir, { recursive: true });
        fs.writeFileSync(dest, data, { mode: 0o600 });
      }
    });
    log(`Đã chép ${manifest.files.length} tệp vào kho ${target.files.storage === "s3" ? "S3" : target.files.dir}.`);
  } finally {
    lock?.release();
  }

  // 3. This code's newer migrations, then the audit chain as the app sees it.
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.databaseUrl ? null : target.dataDir, holder: "cli" });
  try {
    const migrated = knownMigrations().filter((t) => !manifest.schema.migrations.includes(t));
    if (migrated.length) log(`Đã áp dụng ${migrated.length} bản chuyển đổi CSDL mới hơn bản sao lưu: ${migrated.join(", ")}.`);
    let key: Buffer;
    try {
      key = loadAuditKey(target, { create: false }).key;
    } catch (e) {
      if (!(e instanceof KeyFileError)) throw e;
      return {
        manifest,
        migrated,
        audit: {
          ok: false,
          checked: 0,
          reason: `${e.message} Khóa đặt bằng AUDIT_KEY/AUDIT_KEY_FILE không nằm trong bản sao lưu: hãy đặt đúng khóa đó rồi chạy audit:verify.`,
        },
      };
    }
    const audit = await verifyAudit(database.db, key, await createFileStore(target.files));
    return { manifest, migrated, audit: { ok: audit.ok, checked: audit.checked, reason: audit.reason ?? null } };
  } finally {
    await database.close();
  }
}
