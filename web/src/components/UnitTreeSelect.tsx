// Unit picker over the caller's visible organisation tree, searchable without diacritics.
import { TreeSelect } from "antd";
import { useMemo } from "react";
import { useUnits } from "../api/queries";
import type { Id, Unit } from "../api/types";
import { foldVi } from "../format";
import { t } from "../i18n";
import { buildForest, toSelectTree } from "./unitTree";

export interface UnitTreeSelectProps {
  id?: string;
  value?: Id | null;
  onChange?: (value: Id | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  /** Unit ids that must not be offered (e.g. a unit's own subtree when moving it). */
  exclude?: Set<string>;
  /** Units that are shown but cannot be picked. Inactive units are never offered. */
  disable?: (u: Unit) => boolean;
  style?: React.CSSProperties;
  "aria-label"?: string;
  "data-testid"?: string;
}

export function UnitTreeSelect({ id, value, onChange, placeholder, allowClear = true, disabled, exclude, disable, style, ...aria }: UnitTreeSelectProps) {
  const { data: units, isPending } = useUnits(false);
  const treeData = useMemo(() => toSelectTree(buildForest(units ?? []), { exclude, disable }), [units, exclude, disable]);
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as Id | undefined) ?? null)}
      treeData={treeData}
      loading={isPending}
      placeholder={placeholder ?? t("unitPicker.placeholder")}
      allowClear={allowClear}
      disabled={disabled}
      showSearch={{ filterTreeNode: (input, node) => String(node.searchText ?? "").includes(foldVi(input.trim())) }}
      treeDefaultExpandAll={(units?.length ?? 0) <= 60}
      popupMatchSelectWidth={false}
      notFoundContent={t("unitPicker.empty")}
      style={{ minWidth: 220, width: "100%", ...style }}
      {...aria}
    />
  );
}
