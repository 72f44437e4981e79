// The criteria tree of a group: codes, titles, max points and a sum check per parent; drag and drop to reorder.
import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined, SubnodeOutlined, WarningOutlined } from "@ant-design/icons";
import { Button, Empty, Space, Tag, Tooltip, Tree, Typography } from "antd";
import type { DataNode } from "antd/es/tree";
import { useMemo, useState } from "react";
import { formatNumber } from "../../format";
import { t } from "../../i18n";
import { type Criterion, childrenTotal, criterionAt, groupMax, keyPath, pathKey, sumMismatch, type TreePath } from "./model";

function NodeTitle({ c, flagged }: { c: Criterion; flagged: boolean }) {
  const total = childrenTotal(c);
  const mismatch = sumMismatch(c);
  return (
    <span style={{ display: "inline-flex", flexWrap: "wrap", alignItems: "center", gap: 6, paddingBlock: 2 }} data-testid={`criterion-node-${c.id}`}>
      <span>
        {c.code ? <strong>{c.code}. </strong> : null}
        {c.title || <Typography.Text type="danger">{t("plans.criterion.untitled")}</Typography.Text>}
      </span>
      {c.max === undefined ? (
        c.children?.length ? null : (
          <Tag color="purple" style={{ marginInlineEnd: 0 }}>
            {t("plans.passFailShort")}
          </Tag>
        )
      ) : (
        <Tag color={c.section === "penalty" ? "red" : c.section === "bonus" ? "green" : "blue"} style={{ marginInlineEnd: 0 }}>
          {t("plans.points", { n: formatNumber(c.max) })}
        </Tag>
      )}
      {mismatch ? (
        <Tooltip title={t("plans.criterion.sumMismatchLong", { total: formatNumber(total ?? 0), max: formatNumber(c.max ?? 0) })}>
          <Tag color="error" icon={<WarningOutlined />} style={{ marginInlineEnd: 0 }} data-testid="sum-mismatch">
            {t("plans.criterion.sumShort", { total: formatNumber(total ?? 0), max: formatNumber(c.max ?? 0) })}
          </Tag>
        </Tooltip>
      ) : null}
      {flagged ? (
        <Tooltip title={t("plans.criterion.hasIssues")}>
          <WarningOutlined style={{ color: "#d4380d" }} aria-label={t("plans.criterion.hasIssues")} />
        </Tooltip>
      ) : null}
    </span>
  );
}

export function CriteriaTree({
  criteria,
  selected,
  onSelect,
  onMove,
  onAdd,
  readOnly,
  flaggedKeys,
}: {
  criteria: Criterion[];
  selected: TreePath | null;
  onSelect: (path: TreePath | null) => void;
  onMove: (from: TreePath, to: TreePath, where: "before" | "after" | "into") => void;
  onAdd: (where: "root" | "child" | "sibling") => void;
  readOnly: boolean;
  /** Keys (index paths) of criteria that have issues. */
  flaggedKeys: Set<string>;
}) {
  const treeData = useMemo(() => {
    const walk = (list: Criterion[], prefix: TreePath): DataNode[] =>
      list.map((c, i) => {
        const path = [...prefix, i];
        const key = pathKey(path);
        return {
          key,
          title: <NodeTitle c={c} flagged={flaggedKeys.has(key)} />,
          children: c.children?.length ? walk(c.children, path) : undefined,
          isLeaf: !c.children?.length,
        };
      });
    return walk(criteria, []);
  }, [criteria, flaggedKeys]);

  const allKeys = useMemo(() => {
    const keys: string[] = [];
    const walk = (list: Criterion[], prefix: TreePath) =>
      list.forEach((c, i) => {
        const path = [...prefix, i];
        if (c.children?.length) {
          keys.push(pathKey(path));
          walk(c.children, path);
        }
      });
    walk(criteria, []);
    return keys;
  }, [criteria]);

  // Everything starts expanded; what the user folds stays folded until the tree's shape changes.
  const shape = allKeys.join("|");
  const [collapsed, setCollapsed] = useState<{ shape: string; keys: Set<string> }>({ shape, keys: new Set() });
  const folded = collapsed.shape === shape ? collapsed.keys : new Set<string>();
  const expandedKeys = allKeys.filter((k) => !folded.has(k));

  const selectedNode = selected ? criterionAt(criteria, selected) : undefined;
  const siblingsCount = selected ? (selected.length === 1 ? criteria.length : (criterionAt(criteria, selected.slice(0, -1))?.children?.length ?? 0)) : 0;
  const index = selected ? selected[selected.length - 1] : -1;
  const total = groupMax(criteria);

  return (
    <Space orientation="vertical" style={{ width: "100%" }} size={8}>
      <Typography.Text type="secondary" data-testid="group-total">
        {t("plans.groupTotal", { total: formatNumber(total), count: criteria.length })}
      </Typography.Text>
      {readOnly ? null : (
        <Space wrap size={6}>
          <Button size="small" icon={<PlusOutlined />} onClick={() => onAdd("root")}>
            {t("plans.criterion.addRoot")}
          </Button>
          <Button size="small" icon={<SubnodeOutlined />} disabled={!selectedNode} onClick={() => onAdd("child")}>
            {t("plans.criterion.addChild")}
          </Button>
          <Button size="small" icon={<PlusOutlined />} disabled={!selectedNode} onClick={() => onAdd("sibling")}>
            {t("plans.criterion.addSibling")}
          </Button>
          <Tooltip title={t("plans.criterion.moveUp")}>
            <Button
              size="small"
              icon={<ArrowUpOutlined />}
              disabled={!selected || index <= 0}
              aria-label={t("plans.criterion.moveUp")}
              onClick={() => selected && onMove(selected, [...selected.slice(0, -1), index - 1], "before")}
            />
          </Tooltip>
          <Tooltip title={t("plans.criterion.moveDown")}>
            <Button
              size="small"
              icon={<ArrowDownOutlined />}
              disabled={!selected || index < 0 || index >= siblingsCount - 1}
              aria-label={t("plans.criterion.moveDown")}
              onClick={() => selected && onMove(selected, [...selected.slice(0, -1), index + 1], "after")}
            />
          </Tooltip>
        </Space>
      )}
      {criteria.length === 0 ? (
        <Empty description={t("plans.criterion.empty")} />
      ) : (
        <Tree
          blockNode
          showLine
          draggable={readOnly ? false : { icon: false }}
          treeData={treeData}
          expandedKeys={expandedKeys}
          onExpand={(keys) => {
            const open = new Set(keys.map(String));
            setCollapsed({ shape, keys: new Set(allKeys.filter((k) => !open.has(k))) });
          }}
          selectedKeys={selected ? [pathKey(selected)] : []}
          onSelect={(keys) => onSelect(keys.length ? keyPath(String(keys[0])) : null)}
          onDrop={(info) => {
            const from = keyPath(String(info.dragNode.key));
            const to = keyPath(String(info.node.key));
            const pos = String(info.node.pos).split("-");
            const relative = info.dropPosition - Number(pos[pos.length - 1]);
            onMove(from, to, !info.dropToGap ? "into" : relative === -1 ? "before" : "after");
          }}
          aria-label={t("plans.criteriaTree")}
          data-testid="criteria-tree"
        />
      )}
    </Space>
  );
}
