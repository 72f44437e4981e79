// Command-line tasks for operators: npm run cli -- <command> [options]
import fs from "node:fs";
import { parseArgs } from "node:util";
import { loadConfig } from "./config.js";
import { type Database, openDatabase } from "./db/client.js";
import { DataDirHeldError } from "./db/data-dir-lock.js";
import type { Facts } from "./domain/plan/conditions.js";
import { readPlanText, writePlanText } from "./domain/plan/io.js";
import type { Criterion } from "./domain/plan/schema.js";
import { type CriterionResult, checkFacts, scoreCriteria } from "./domain/plan/scoring.js";
import { AppError } from "./http/errors.js";
import { SYSTEM_ACTOR } from "./modules/actor.js";
import { loadAuditKey } from "./modules/audit/audit-key.js";
import { AuditTrailError, openAuditTrail } from "./modules/audit/open-audit-trail.js";
import { verifyAudit } from "./modules/audit/verify-audit.js";
import { backupCommand, restoreCommand } from "./modules/backup/cli-commands.js";
import { createPlan, planForExport } from "./modules/plans/service.js";
import { unitsByCodes } from "./modules/units/service.js";
import { addRole, createUser } from "./modules/users/service.js";
import { seedDemo } from "./seed/demo.js";
import { createFileStore } from "./storage/file-store.js";
import { KeyFileError } from "./storage/key-file.js";

const HELP = `Cách dùng: npm run cli -- <lệnh> [tùy chọn]
  migrate                          Áp dụng các bản chuyển đổi CSDL
  seed:demo                        Nạp dữ liệu mẫu (chỉ khi CSDL chưa có tài khoản nào)
  user:create --username TEN --password MK [--full-name "Họ tên"] [--admin]
                                   Tạo tài khoản (--admin: quyền quản trị toàn hệ thống)
  audit:verify                     Kiểm tra nhật ký (chuỗi băm, mã xác thực MAC từng mục, điểm neo trong kho tệp);
                                   mã thoát 1 nếu có mục bị sửa, xóa hoặc chèn (nêu số mục), 2 nếu thiếu khóa
  plan:validate TỆP                Kiểm tra một kế hoạch (YAML/JSON); mã thoát 1 nếu có lỗi
  plan:import TỆP --unit MÃ_ĐƠN_VỊ Nhập kế hoạch thành dự thảo của đơn vị ban hành
  plan:export ID [--format yaml|json]
                                   In kế hoạch ra màn hình
  score --plan TỆP --facts TỆP [--group MÃ_NHÓM] [--head]
                                   Chấm điểm: in điểm từng tiêu chí, giải thích, tổng và xếp loại (JSON)
  backup --out TỆP.tar.gz          Sao lưu CSDL, mọi tệp và khóa vào một tệp (được khi máy chủ đang chạy)
  restore TỆP.tar.gz               Phục hồi vào DATA_DIR trống hoặc CSDL DATABASE_URL trống, rồi kiểm tra nhật ký
CSDL: PGlite trong DATA_DIR (mặc định ./data) hoặc PostgreSQL qua DATABASE_URL.`;

export async function runCli(argv: string[], out: (s: string) => void = console.log): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    out(HELP);
    return command ? 0 : 1;
  }
  // Commands that need no database.
  if (command === "plan:validate" || command === "score") return runOffline(command, rest, out);
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      username: { type: "string" },
      password: { type: "string" },
      "full-name": { type: "string" },
      admin: { type: "boolean", default: false },
      unit: { type: "string" },
      format: { type: "string", default: "yaml" },
      plan: { type: "string" },
      facts: { type: "string" },
      group: { type: "string" },
      head: { type: "boolean", default: false },
      out: { type: "string" },
    },
    allowPositionals: true,
  });
  const config = loadConfig();
  if (command === "backup" || command === "restore") {
    try {
      if (command === "backup") {
        if (!values.out) {
          out("Cách dùng: backup --out TỆP.tar.gz");
          return 2;
        }
        return await backupCommand(config, values.out, out);
      }
      if (!positionals[0]) {
        out("Cách dùng: restore TỆP.tar.gz");
        return 2;
      }
      return await restoreCommand(config, positionals[0], out);
    } catch (e) {
      if (e instanceof AppError || e instanceof DataDirHeldError) {
        out(`Lỗi: ${e.message}`);
        return 2;
      }
      throw e;
    }
  }
  // A PGlite folder a running server holds is refused: writing beside it would be lost, reading it would be stale.
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder: "cli" });
  } catch (e) {
    if (!(e instanceof DataDirHeldError)) throw e;
    out(`Lỗi: ${e.message}`);
    return 3;
  }
  try {
    const files = await createFileStore(config.files);
    // Commands that may write audit entries sign them, as the server does; verifying only reads the key.
    if (command !== "audit:verify" && command !== "migrate") {
      const audit = await openAuditTrail(config, database.db, files);
      for (const note of audit.notes) out(note);
    }
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
        const r = await verifyAudit(database.db, loadAuditKey(config, { create: false }).key, files);
        if (r.ok) out(`Nhật ký toàn vẹn: đã kiểm tra ${r.checked} mục${r.checkpoint ? `, khớp điểm neo đến mục #${r.checkpoint.id}` : ""}.`);
        else if (r.wrongKey) {
          out(`KHÔNG KIỂM TRA ĐƯỢC NHẬT KÝ: ${r.reason}`);
          return 2;
        } else out(`NHẬT KÝ BỊ THAY ĐỔI${r.brokenAt ? ` tại mục #${r.brokenAt}` : ""}: ${r.reason} (đã kiểm tra ${r.checked} mục hợp lệ trước đó).`);
        for (const note of r.notes) out(`- ${note}`);
        return r.ok ? 0 : 1;
      }
      case "plan:import": {
        const file = positionals[0];
        if (!file || !values.unit) {
          out("Cách dùng: plan:import TỆP --unit MÃ_ĐƠN_VỊ");
          return 2;
        }
        const parsed = readPlanText(fs.readFileSync(file, "utf8"));
        if (!parsed.ok) {
          for (const i of parsed.issues) out(`- ${i.message}`);
          return 1;
        }
        const [unit] = await unitsByCodes(database.db, [values.unit]);
        if (!unit) {
          out(`Không có đơn vị mã "${values.unit}".`);
          return 2;
        }
        const created = await createPlan(database.db, SYSTEM_ACTOR, { issuerUnitId: unit.id, data: parsed.plan });
        out(`Đã nhập kế hoạch "${created.title}" (mã số ${created.id}, dự thảo) của ${unit.name}.`);
        return 0;
      }
      case "plan:export": {
        const id = Number(positionals[0]);
        if (!Number.isInteger(id) || id <= 0) {
          out("Cách dùng: plan:export ID [--format yaml|json]");
          return 2;
        }
        out(writePlanText(await planForExport(database.db, SYSTEM_ACTOR, id), values.format === "json" ? "json" : "yaml").trimEnd());
        return 0;
      }
      default:
        out(`Không có lệnh "${command}".\n${HELP}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof AppError || e instanceof AuditTrailError || e instanceof KeyFileError) {
      out(`Lỗi: ${e.message}`);
      return 2;
    }
    throw e;
  } finally {
    await database.close();
  }
}

async function runOffline(command: string, rest: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: rest,
    options: { plan: { type: "string" }, facts: { type: "string" }, group: { type: "string" }, head: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const planFile = command === "plan:validate" ? positionals[0] : values.plan;
  if (!planFile || !fs.existsSync(planFile)) {
    out(command === "score" ? "Cách dùng: score --plan TỆP --facts TỆP [--group MÃ_NHÓM] [--head]" : "Cách dùng: plan:validate TỆP");
    return 2;
  }
  const parsed = readPlanText(fs.readFileSync(planFile, "utf8"));
  if (!parsed.ok) {
    out(`Kế hoạch "${planFile}" có ${parsed.issues.length} lỗi:`);
    for (const i of parsed.issues) out(`- ${i.message}`);
    return 1;
  }
  const plan = parsed.plan;
  if (command === "plan:validate") {
    const criteria = plan.groups.reduce((n, g) => n + countCriteria(g.criteria), 0);
    out(
      `Kế hoạch hợp lệ: "${plan.title}" — ${plan.groups.length} nhóm đối tượng, ${criteria} tiêu chí, ${plan.milestones.length} mốc thời gian, ${plan.awardForms.length} hình thức khen thưởng.`,
    );
    return 0;
  }
  if (!values.facts || !fs.existsSync(values.facts)) {
    out('Thiếu --facts TỆP (JSON: { "mã_dữ_kiện": giá_trị, … }).');
    return 2;
  }
  let facts: Facts;
  try {
    facts = JSON.parse(fs.readFileSync(values.facts, "utf8"));
  } catch {
    out(`Tệp dữ kiện "${values.facts}" không phải JSON hợp lệ.`);
    return 2;
  }
  const group = values.group
    ? plan.groups.find((g) => g.id === values.group)
    : (plan.groups.find((g) => g.criteria.some((c) => c.max !== undefined)) ?? plan.groups[0]);
  if (!group) {
    out(`Kế hoạch không có nhóm "${values.group}". Các nhóm: ${plan.groups.map((g) => g.id).join(", ")}.`);
    return 2;
  }
  const issues = checkFacts(group.criteria, facts);
  const result = scoreCriteria(group.criteria, facts, { isHead: values.head }, plan.classification);
  const missing = [
    ...new Set(
      flatten(result.criteria)
        .filter((c) => !c.children?.length)
        .flatMap((c) => c.missing.map((m) => `Tiêu chí ${c.code ?? c.id} (${c.title}): thiếu dữ kiện "${m}"`)),
    ),
  ];
  out(
    JSON.stringify(
      {
        plan: plan.code,
        group: group.id,
        total: result.total,
        max: result.max,
        classification: result.classification,
        explanation: result.explanation,
        criteria: flatten(result.criteria).map(({ children: _c, ...c }) => c),
        errors: [...issues.map((i) => i.message), ...missing],
      },
      null,
      2,
    ),
  );
  return issues.length || missing.length ? 1 : 0;
}

function countCriteria(cs: Criterion[]): number {
  return cs.reduce((n, c) => n + 1 + countCriteria(c.children ?? []), 0);
}

function flatten(rs: CriterionResult[]): CriterionResult[] {
  return rs.flatMap((r) => [r, ...flatten(r.children ?? [])]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
