// Shared TanStack Query hooks and keys for data used on several pages.
import { type QueryClient, useQuery } from "@tanstack/react-query";
import { ApiError, http, rememberCsrfToken } from "./client";
import type { Capability, Catalog, ItemList, Me, Unit } from "./types";

export const queryKeys = {
  me: ["me"] as const,
  catalog: ["catalog"] as const,
  units: (includeInactive: boolean) => ["units", "list", { includeInactive }] as const,
  unitsAll: ["units"] as const,
  unit: (id: string) => ["units", "detail", id] as const,
  unitHistory: (id: string) => ["units", "history", id] as const,
  people: ["people"] as const,
  users: ["users"] as const,
  audit: ["audit"] as const,
  importJob: (id: string) => ["imports", id] as const,
};

/** The signed-in user, or null when not signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await http.get<Me>("/api/auth/me");
    rememberCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: 60_000, retry: 1 });
}

export function setSignedOut(queryClient: QueryClient): void {
  rememberCsrfToken(null);
  queryClient.setQueryData(queryKeys.me, null);
  // Drop every cached record of the previous session except the sign-in state.
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== "me" });
}

export function useCatalog() {
  return useQuery({
    queryKey: queryKeys.catalog,
    queryFn: () => http.get<Catalog>("/api/catalog"),
    staleTime: 10 * 60_000,
  });
}

export function useUnits(includeInactive = false, enabled = true) {
  return useQuery({
    queryKey: queryKeys.units(includeInactive),
    queryFn: () => http.get<ItemList<Unit>>("/api/units", { includeInactive }).then((r) => r.items),
    staleTime: 30_000,
    enabled,
  });
}

export function hasCapability(me: Me | null | undefined, capability: Capability): boolean {
  return !!me?.capabilities.includes(capability);
}

export function isAdmin(me: Me | null | undefined): boolean {
  return !!me?.roles.some((r) => r.role === "admin");
}

/** Label of a catalogue value, or the raw value when the catalogue lacks it. */
export function optionLabel(options: { value: string; label: string }[] | undefined, value: string | null | undefined): string {
  if (!value) return "";
  return options?.find((o) => o.value === value)?.label ?? value;
}
