import { timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AppContext, actorOf, sendFile } from "../../http/context.js";
import { fileDownload } from "../../http/contract.js";
import { AppError } from "../../http/errors.js";
import { createBackup } from "./create-backup.js";
import { backupBody, backupListBody } from "./responses.js";
import { createBackupNow, listBackups, readStoredBackup } from "./service.js";

/** Administrators: the backups kept in the file store, one taken now, one downloaded. */
export const backupRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx.database;
    app.get(
      "/system/backups",
      { schema: { tags: ["Hệ thống"], summary: "Các bản sao lưu và bản gần nhất", response: { 200: backupListBody } } },
      async (request) => listBackups(db, actorOf(request)),
    );
    app.post(
      "/system/backups",
      { schema: { tags: ["Hệ thống"], summary: "Tạo bản sao lưu ngay (vào kho tệp)", response: { 201: backupBody } } },
      async (request, reply) => {
        reply.status(201);
        return createBackupNow(ctx, actorOf(request), ctx.config.backup.keep);
      },
    );
    app.get(
      "/system/backups/:id/download",
      {
        schema: {
          tags: ["Hệ thống"],
          summary: "Tải một bản sao lưu",
          params: z.object({ id: z.coerce.number().int().positive() }),
          response: fileDownload("application/gzip", "Bản sao lưu (.tar.gz)"),
        },
      },
      async (request, reply) => sendFile(reply, await readStoredBackup(ctx, actorOf(request), request.params.id)),
    );
  };

/**
 * For `npm run cli -- backup` while this server holds the PGlite folder: the CLI proves it can read DATA_DIR by the token
 * in the folder's lock file, and gets a fresh archive taken under the server's own lock. Outside /api (no session).
 */
export const localBackupRoute =
  (ctx: AppContext, token: string): FastifyPluginAsyncZod =>
  async (app) => {
    app.post("/local/backup", { schema: { hide: true } }, async (request, reply) => {
      const given = Buffer.from(String(request.headers["x-thidua-token"] ?? ""));
      const expected = Buffer.from(token);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new AppError(403, "FORBIDDEN", "Sai mã của thư mục dữ liệu: chỉ lệnh chạy trên máy chủ này, đọc được DATA_DIR, mới tạo bản sao lưu qua đây.");
      }
      // Streamed from a temporary file, removed once sent (an archive can be larger than memory).
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thidua-backup-"));
      const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
      try {
        const result = await createBackup(ctx, path.join(dir, "backup.tar.gz"));
        const stream = fs.createReadStream(result.file);
        stream.once("close", cleanup);
        return reply
          .header("content-type", "application/gzip")
          .header("content-length", result.bytes)
          .header("x-thidua-missing-files", String(result.missingFiles.length))
          .send(stream);
      } catch (e) {
        cleanup();
        throw e;
      }
    });
  };
