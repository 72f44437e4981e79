import type { Id } from "../../api/types";
import { paths } from "../../navigation";

export const planPath = (id: Id) => `${paths.plans}/${id}`;

export function statusColor(status: string): string {
  return status === "launched" ? "green" : status === "closed" ? "default" : "blue";
}
