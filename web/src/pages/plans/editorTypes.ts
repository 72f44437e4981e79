import type { PlanData } from "../../components/plan/model";

/** What every tab of the plan editor receives: the current (unsaved) data and a way to change it. */
export interface TabProps {
  plan: PlanData;
  update: (recipe: (draft: PlanData) => void) => void;
  readOnly: boolean;
}

export type EditorTab = "general" | "criteria" | "targets" | "milestones" | "awards" | "check" | "revisions" | "cascade";
