import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readPlanText } from "../../domain/plan/io.js";
import type { Plan } from "../../domain/plan/schema.js";
import { badRequest, notFound } from "../../http/errors.js";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../templates");

export interface TemplateInfo {
  file: string;
  code: string;
  title: string;
  year: number;
  issuer: string;
  groups: number;
}

/** The plan templates shipped in templates/ (the five seeds and any added later). */
export function listTemplates(): TemplateInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .flatMap((file) => {
      const r = readPlanText(fs.readFileSync(path.join(dir, file), "utf8"));
      return r.ok ? [{ file, code: r.plan.code, title: r.plan.title, year: r.plan.year, issuer: r.plan.issuer.name, groups: r.plan.groups.length }] : [];
    });
}

export function loadTemplate(file: string): Plan {
  if (!/^[\w.-]+\.(ya?ml|json)$/.test(file)) throw badRequest("BAD_TEMPLATE", "Tên mẫu kế hoạch không hợp lệ.");
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) throw notFound(`mẫu kế hoạch "${file}"`);
  const r = readPlanText(fs.readFileSync(full, "utf8"));
  if (!r.ok) throw badRequest("TEMPLATE_INVALID", `Mẫu kế hoạch "${file}" có lỗi: ${r.issues[0]?.message}`, r.issues);
  return r.plan;
}
