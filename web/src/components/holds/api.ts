// Types, query keys and calls for Decree 98/2023 art. 4 cases (kỷ luật, thanh tra, khiếu nại) recorded by the office.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { http } from "../../api/client";
import type { Id, Page, Person } from "../../api/types";

export type HoldKind = "discipline" | "investigation" | "complaint";
export const HOLD_KINDS: HoldKind[] = ["discipline", "investigation", "complaint"];

export interface LegalHold {
  id: Id;
  kind: HoldKind;
  kindLabel: string;
  unitId: Id;
  unitCode: string;
  unitName: string;
  personId: Id | null;
  personName: string | null;
  startedOn: string;
  endedOn: string | null;
  status: "open" | "closed";
  statusLabel: string;
  reference: string | null;
  note: string | null;
  createdBy: Id | null;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface HoldInput {
  kind: HoldKind;
  unitId: Id;
  personId: Id | null;
  startedOn: string;
  endedOn: string | null;
  reference: string | null;
  note: string | null;
}

/** The capability the server asks for: the standing office's over the unit. */
export const HOLDS_CAPABILITY = "movement.manage";

export const holdKeys = {
  all: ["legal-holds"] as const,
  ofUnit: (unitId: Id) => ["legal-holds", "unit", unitId] as const,
  people: (unitId: Id) => ["legal-holds", "people", unitId] as const,
};

/** Cases recorded on the unit itself or on its people (not its subunits), newest first. */
export function useUnitHolds(unitId: Id) {
  return useQuery({
    queryKey: holdKeys.ofUnit(unitId),
    queryFn: () => http.get<Page<LegalHold>>("/api/legal-holds", { unitId, includeSubunits: false, pageSize: 500 }),
  });
}

/** People of the unit a case may be about. */
export function useUnitPeople(unitId: Id, enabled: boolean) {
  return useQuery({
    queryKey: holdKeys.people(unitId),
    queryFn: () => http.get<Page<Person>>("/api/people", { unitId, includeSubunits: false, pageSize: 500 }).then((r) => r.items),
    enabled,
  });
}

export function useHoldActions() {
  const queryClient = useQueryClient();
  // Eligibility verdicts read the cases, so nominations are refreshed too.
  const invalidate = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: holdKeys.all }), queryClient.invalidateQueries({ queryKey: ["commendation", "nominations"] })]);
  return {
    invalidate,
    create: async (input: HoldInput) => {
      const created = await http.post<LegalHold>("/api/legal-holds", input);
      await invalidate();
      return created;
    },
    update: async (hold: LegalHold, patch: Partial<HoldInput>) => {
      const saved = await http.patch<LegalHold>(`/api/legal-holds/${hold.id}`, { ...patch, version: hold.version });
      await invalidate();
      return saved;
    },
    remove: async (hold: LegalHold) => {
      await http.delete<void>(`/api/legal-holds/${hold.id}?version=${hold.version}`);
      await invalidate();
    },
  };
}
