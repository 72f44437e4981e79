// Query keys, hooks and URLs for the plans API (docs/api.md, "Plans (movements as data)").
import { useQuery } from "@tanstack/react-query";
import { apiUrl, http } from "../../api/client";
import type { Id, ItemList } from "../../api/types";
import type { CascadeStatus, PlanRecord, PlanRevision, PlanSummary, PlanTemplate } from "./model";

export const planKeys = {
  all: ["plans"] as const,
  list: ["plans", "list"] as const,
  detail: (id: Id) => ["plans", "detail", id] as const,
  revisions: (id: Id) => ["plans", "revisions", id] as const,
  cascade: (id: Id) => ["plans", "cascade", id] as const,
  templates: ["plan-templates"] as const,
};

export function usePlans(enabled = true) {
  return useQuery({
    queryKey: planKeys.list,
    queryFn: () => http.get<ItemList<PlanSummary>>("/api/plans").then((r) => r.items),
    enabled,
  });
}

export function usePlan(id: Id | null) {
  return useQuery({
    queryKey: planKeys.detail(id ?? 0),
    queryFn: () => http.get<PlanRecord>(`/api/plans/${id}`),
    enabled: id !== null,
  });
}

export function usePlanTemplates(enabled = true) {
  return useQuery({
    queryKey: planKeys.templates,
    queryFn: () => http.get<ItemList<PlanTemplate>>("/api/plan-templates").then((r) => r.items),
    staleTime: 10 * 60_000,
    enabled,
  });
}

export function usePlanRevisions(id: Id, enabled = true) {
  return useQuery({
    queryKey: planKeys.revisions(id),
    queryFn: () => http.get<ItemList<PlanRevision>>(`/api/plans/${id}/revisions`).then((r) => r.items),
    enabled,
  });
}

export function usePlanCascade(id: Id, enabled = true) {
  return useQuery({
    queryKey: planKeys.cascade(id),
    queryFn: () => http.get<CascadeStatus>(`/api/plans/${id}/cascade`),
    enabled,
  });
}

export const planFileUrls = {
  document: (id: Id) => apiUrl(`/api/plans/${id}/document`),
  scoringSheet: (id: Id, group: string, format: "xlsx" | "docx" = "xlsx") => apiUrl(`/api/plans/${id}/scoring-sheet`, { group, format }),
  export: (id: Id, format: "yaml" | "json" = "yaml") => apiUrl(`/api/plans/${id}/export`, { format }),
};
