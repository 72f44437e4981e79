// Factories for integration tests (after Outline's server/test/factories.ts): a test starts an app without the demo
// dataset (`createTestApp({}, { demo: false })`) and builds the units, people, accounts and plan it needs through the
// API, so it reads what it tests and depends on no test before it. Every record gets a fresh code or username; pass
// your own when the test names it.
import { expect } from "vitest";
import type { Role } from "../../src/domain/access.js";
import type { UnitKind } from "../../src/domain/org.js";
import { type Client, DEMO_PASSWORD, type TestApp } from "./test-app.js";

export interface UnitRecord {
  id: number;
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  path: string;
  version: number;
}

export interface PersonRecord {
  id: number;
  unitId: number;
  fullName: string;
  isHead: boolean;
  version: number;
}

export interface Account {
  id: number;
  username: string;
  /** Signed in as this account. */
  client: Client;
}

export interface ParticipantRecord {
  id: number;
  unitId: number;
  personId: number | null;
  groupId: string;
  name: string;
}

type UnitRef = { id: number } | number;
const idOf = (u: UnitRef) => (typeof u === "number" ? u : u.id);

/** A role over a unit's subtree (`unit: null` for the whole system, administrators only). */
export interface Grant {
  role: Role;
  unit: UnitRef | null;
}

/**
 * The smallest plan that launches: one collective group of the issuer's wards (or the kinds given) scored on one
 * manual criterion out of 100. Change what a test needs with `edit`.
 */
export function minimalPlanData(issuer: { code: string; name: string }, opts: { year?: number; memberKinds?: UnitKind[] } = {}) {
  const year = opts.year ?? 2024;
  return {
    code: `ke-hoach-${year}-${issuer.code.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`.slice(0, 64),
    issuer: { name: issuer.name.toUpperCase(), unitCode: issuer.code, level: "district" },
    title: `Phát động phong trào thi đua cải cách hành chính năm ${year}`,
    year,
    period: { from: `${year}-01-01`, to: `${year}-12-31` },
    groups: [
      {
        id: "tap-the",
        name: "Tập thể",
        type: "collective",
        membership: { withinUnitCodes: [issuer.code], unitKinds: opts.memberKinds ?? ["ward"] },
        criteria: [
          {
            id: "ket-qua",
            title: "Kết quả thực hiện nhiệm vụ cải cách hành chính",
            max: 100,
            inputs: [{ key: "diem_ket_qua", label: "Điểm kết quả", type: "number", origin: "manual" }],
            rule: { kind: "manual", input: "diem_ket_qua" },
          },
        ],
      },
    ],
  };
}

export type PlanData = ReturnType<typeof minimalPlanData>;

export class Factories {
  private seq = 0;
  private constructor(
    private readonly t: TestApp,
    /** The administrator every factory acts as. */
    readonly admin: Client,
  ) {}

  static async of(t: TestApp): Promise<Factories> {
    return new Factories(t, await t.as("admin"));
  }

  private next(): number {
    this.seq += 1;
    return this.seq;
  }

  /** A unit (a district-level city at the root unless `parent` is given; a ward under a parent). */
  async unit(input: { name?: string; code?: string; kind?: UnitKind; parent?: UnitRef | null } = {}): Promise<UnitRecord> {
    const n = this.next();
    const parentId = input.parent ? idOf(input.parent) : null;
    const res = await this.admin.post("/api/units", {
      code: input.code ?? `DV-${n}`,
      name: input.name ?? (parentId ? `Phường ${n}` : `Thành phố ${n}`),
      kind: input.kind ?? (parentId ? "ward" : "district"),
      parentId,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  /** A person of a unit (a civil servant unless told otherwise). */
  async person(
    unit: UnitRef,
    input: { fullName?: string; isHead?: boolean; category?: string; sex?: "nam" | "nu"; birthDate?: string; position?: string } = {},
  ): Promise<PersonRecord> {
    const n = this.next();
    const res = await this.admin.post("/api/people", {
      unitId: idOf(unit),
      fullName: input.fullName ?? `Nguyễn Văn Thử ${n}`,
      sex: input.sex ?? "nam",
      birthDate: input.birthDate ?? "1985-06-15",
      position: input.position ?? (input.isHead ? "Chủ tịch UBND" : "Công chức"),
      category: input.category ?? "cong_chuc",
      isHead: input.isHead ?? false,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  /** An account holding the given roles (password: the demo one), signed in. */
  async account(grants: Grant | Grant[], input: { username?: string; fullName?: string } = {}): Promise<Account> {
    const n = this.next();
    const username = input.username ?? `tai-khoan-${n}`;
    const user = await this.admin.post("/api/users", { username, fullName: input.fullName ?? `Người dùng ${n}`, password: DEMO_PASSWORD });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    for (const g of Array.isArray(grants) ? grants : [grants]) {
      const role = await this.admin.post(`/api/users/${user.body.id}/roles`, { role: g.role, unitId: g.unit === null ? null : idOf(g.unit) });
      expect(role.status, JSON.stringify(role.body)).toBe(200);
    }
    return { id: user.body.id, username, client: await this.t.as(username) };
  }

  /** A draft plan of `issuer`: from a template file (then saved again as `edit` changes it), or the minimal plan. */
  async plan(issuer: UnitRecord, input: { template?: string; edit?: (data: PlanData) => void; as?: Client } = {}) {
    const client = input.as ?? this.admin;
    if (!input.template) {
      const data = minimalPlanData(issuer);
      input.edit?.(data);
      const res = await client.post("/api/plans", { issuerUnitId: issuer.id, data });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    }
    const res = await client.post("/api/plans", { issuerUnitId: issuer.id, template: input.template });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    if (!input.edit) return res.body;
    const data = structuredClone(res.body.data);
    input.edit(data);
    const saved = await client.request("PUT", `/api/plans/${res.body.id}`, { version: res.body.version, data });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return saved.body;
  }

  /** A plan launched with its participants listed (synced from the groups' membership). */
  async launchedPlan(issuer: UnitRecord, input: { template?: string; edit?: (data: PlanData) => void; as?: Client } = {}) {
    const client = input.as ?? this.admin;
    const draft = await this.plan(issuer, input);
    const launched = await client.post(`/api/plans/${draft.id}/launch`, { version: draft.version });
    expect(launched.status, JSON.stringify(launched.body)).toBe(200);
    const sync = await client.post(`/api/plans/${draft.id}/participants/sync`);
    expect(sync.status, JSON.stringify(sync.body)).toBe(200);
    const participants: ParticipantRecord[] = (await client.get(`/api/plans/${draft.id}/participants`)).body.items;
    return { plan: launched.body, participants };
  }
}
