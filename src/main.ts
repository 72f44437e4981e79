import { loadConfig } from "./config.js";
import { openDatabase } from "./db/client.js";
import { importsSettled } from "./modules/imports/service.js";
import { seedDemo } from "./seed/demo.js";
import { buildApp } from "./server.js";

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
if (config.seedDemo) {
  const seeded = await seedDemo(database.db);
  if (seeded.seeded) console.log(`Đã nạp dữ liệu mẫu: ${seeded.units} đơn vị, ${seeded.people} cán bộ, ${seeded.accounts} tài khoản.`);
}
const app = await buildApp({ database, config });
await app.listen({ port: config.port, host: config.host });
console.log(`Thi Đua đang chạy tại http://localhost:${config.port} (CSDL: ${database.kind === "pglite" ? `PGlite tại ${config.dataDir}` : "PostgreSQL"})`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await importsSettled();
    await database.close();
    process.exit(0);
  });
}
