// Command-line tasks for operators: npm run cli -- <command> [options]
import { parseArgs } from "node:util";
import { loadConfig } from "./config.js";
import { openDatabase } from "./db/client.js";
import { AppError } from "./http/errors.js";
import { SYSTEM_ACTOR } from "./modules/actor.js";
import { verifyAudit } from "./modules/audit/service.js";
import { addRole, createUser } from "./modules/users/service.js";
import { seedDemo } from "./seed/demo.js";

const HELP = `Cách dùng: npm run cli -- <lệnh> [tùy chọn]
  migrate                          Áp dụng các bản chuyển đổi CSDL
  seed:demo                        Nạp dữ liệu mẫu (chỉ khi CSDL chưa có tài khoản nào)
  user:create --username TEN --password MK [--full-name "Họ tên"] [--admin]
                                   Tạo tài khoản (--admin: quyền quản trị toàn hệ thống)
  audit:verify                     Kiểm tra chuỗi băm của nhật ký; mã thoát 1 nếu bị sửa, xóa
CSDL: PGlite trong DATA_DIR (mặc định ./data) hoặc PostgreSQL qua DATABASE_URL.`;

export async function runCli(argv: string[], out: (s: string) => void = console.log): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    out(HELP);
    return command ? 0 : 1;
  }
  const { values } = parseArgs({
    args: rest,
    options: { username: { type: "string" }, password: { type: "string" }, "full-name": { type: "string" }, admin: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    switch (command) {
      case "migrate":
        out("Đã áp dụng các bản chuyển đổi CSDL.");
        return 0;
      case "seed:demo": {
        const r = await seedDemo(database.db);
        out(r.seeded ? `Đã nạp dữ liệu mẫu: ${r.units} đơn vị, ${r.people} cán bộ, ${r.accounts} tài khoản.` : "CSDL đã có tài khoản; không nạp dữ liệu mẫu.");
        return 0;
      }
      case "user:create": {
        if (!values.username || !values.password) {
          out("Thiếu --username hoặc --password.");
          return 2;
        }
        const user = await createUser(database.db, SYSTEM_ACTOR, {
          username: values.username,
          password: values.password,
          fullName: values["full-name"] ?? values.username,
        });
        if (values.admin) await addRole(database.db, SYSTEM_ACTOR, user.id, { role: "admin", unitId: null });
        out(`Đã tạo tài khoản ${user.username}${values.admin ? " với quyền quản trị hệ thống" : ""}.`);
        return 0;
      }
      case "audit:verify": {
        const r = await verifyAudit(database.db);
        out(r.ok ? `Nhật ký toàn vẹn: đã kiểm tra ${r.checked} mục.` : `NHẬT KÝ BỊ THAY ĐỔI: ${r.reason} (đã kiểm tra ${r.checked} mục hợp lệ trước đó).`);
        return r.ok ? 0 : 1;
      }
      default:
        out(`Không có lệnh "${command}".\n${HELP}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof AppError) {
      out(`Lỗi: ${e.message}`);
      return 2;
    }
    throw e;
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
