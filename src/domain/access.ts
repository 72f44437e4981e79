// Who may do what on which unit's data. Roles are held over a unit subtree. Pure, no I/O.
import { isWithin } from "./org.js";

export const ROLES = [
  { value: "admin", label: "Quản trị hệ thống", description: "Quản lý tài khoản, phân quyền, nhật ký và toàn bộ dữ liệu." },
  { value: "office", label: "Cán bộ cơ quan thường trực (Nội vụ)", description: "Quản lý cơ cấu tổ chức, cán bộ và phong trào trong phạm vi được giao." },
  { value: "focal", label: "Đầu mối đơn vị", description: "Cập nhật cán bộ, đăng ký, báo cáo, tự chấm điểm của đơn vị mình." },
  { value: "head", label: "Thủ trưởng đơn vị", description: "Xem và xác nhận dữ liệu của đơn vị mình." },
  { value: "appraiser", label: "Thẩm định viên", description: "Thẩm định kết quả được phân công." },
  { value: "council_member", label: "Thành viên Hội đồng Thi đua - Khen thưởng", description: "Dự họp, bỏ phiếu tại các phiên họp của Hội đồng." },
  { value: "council_secretary", label: "Thư ký Hội đồng Thi đua - Khen thưởng", description: "Mở phiên họp, ghi biên bản, kiểm phiếu." },
  { value: "signer", label: "Lãnh đạo ký quyết định", description: "Ký quyết định khen thưởng." },
] as const;

export type Role = (typeof ROLES)[number]["value"];
export const roleValues = ROLES.map((r) => r.value) as [Role, ...Role[]];

export const CAPABILITIES = [
  "units.read",
  "units.write",
  "people.read",
  "people.write",
  "people.personal",
  "users.manage",
  "audit.read",
  "import.units",
  "import.people",
  "plans.read",
  "plans.write",
  "movement.participate",
  "movement.manage",
  "movement.appraise",
  "council.vote",
  "council.run",
  "decision.sign",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const GRANTS: Record<Role, readonly Capability[]> = {
  admin: CAPABILITIES,
  office: [
    "units.read",
    "units.write",
    "people.read",
    "people.write",
    "people.personal",
    "import.units",
    "import.people",
    "plans.read",
    "plans.write",
    "movement.participate",
    "movement.manage",
    "movement.appraise",
  ],
  focal: ["units.read", "people.read", "people.write", "people.personal", "import.people", "plans.read", "movement.participate"],
  head: ["units.read", "people.read", "people.personal", "plans.read", "movement.participate"],
  appraiser: ["units.read", "people.read", "plans.read", "movement.appraise"],
  council_member: ["units.read", "plans.read", "council.vote"],
  council_secretary: ["units.read", "people.read", "plans.read", "council.vote", "council.run"],
  signer: ["units.read", "people.read", "plans.read", "decision.sign"],
};

/** A role a user holds, with the path of the unit it covers (null: the whole system). */
export interface Grant {
  role: Role;
  scopePath: string | null;
}

export function capabilitiesOf(grants: readonly Grant[]): Capability[] {
  const set = new Set<Capability>();
  for (const g of grants) for (const c of GRANTS[g.role] ?? []) set.add(c);
  return CAPABILITIES.filter((c) => set.has(c));
}

/** Whether the grants allow `capability` on the unit at `unitPath` (omit the path for "anywhere at all"). */
export function can(grants: readonly Grant[], capability: Capability, unitPath?: string): boolean {
  return grants.some((g) => (GRANTS[g.role] ?? []).includes(capability) && (unitPath === undefined || g.scopePath === null || isWithin(unitPath, g.scopePath)));
}

/** Root paths of the subtrees where `capability` holds; null means everywhere. */
export function scopesFor(grants: readonly Grant[], capability: Capability): string[] | null {
  const paths: string[] = [];
  for (const g of grants) {
    if (!(GRANTS[g.role] ?? []).includes(capability)) continue;
    if (g.scopePath === null) return null;
    paths.push(g.scopePath);
  }
  // Drop scopes nested in another scope.
  return paths.filter((p) => !paths.some((q) => q !== p && isWithin(p, q)));
}

/**
 * Whether the unit at `unitPath` is one the grants know of: inside one of their subtrees, or an ancestor of one (a
 * unit knows the units above it). A refusal about any other unit says only "not found", naming nothing.
 */
export function knowsOf(grants: readonly Grant[], unitPath: string): boolean {
  return grants.some((g) => g.scopePath === null || isWithin(unitPath, g.scopePath) || isWithin(g.scopePath, unitPath));
}

/** A plan is readable by readers whose scope lies inside the issuer's subtree (it reaches them) or contains the issuer. */
export function mayReadPlan(grants: readonly Grant[], issuerPath: string): boolean {
  return can(grants, "plans.read") && knowsOf(grants, issuerPath);
}

/**
 * A unit's working records in a movement — evidence and report files, complaints about it, its indicator values —
 * are read by the unit itself (focal person, head) and the standing office over it. Appraisers read them only for
 * the participants they are assigned (checked where the assignments are, not here).
 */
export function mayReadUnitRecords(grants: readonly Grant[], unitPath: string): boolean {
  return can(grants, "movement.participate", unitPath) || can(grants, "movement.manage", unitPath);
}

/**
 * Personal data of people (birth date, contact, staff code) is for their own unit's focal person and head and the
 * office over it (people.personal); the directory (name, sex, position, category, unit) is for every people.read.
 */
export function mayReadPersonalData(grants: readonly Grant[], unitPath: string): boolean {
  return can(grants, "people.personal", unitPath);
}
