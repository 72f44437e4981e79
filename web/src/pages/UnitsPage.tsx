import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Empty, Grid, Input, Row, Space, Spin, Switch, Tag, Tree, Typography } from "antd";
import type { DataNode } from "antd/es/tree";
import { useEffect, useMemo, useRef, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { hasCapability, isAdmin, useMe, useUnits } from "../api/queries";
import type { Unit } from "../api/types";
import { ErrorState, PageTitle } from "../components/States";
import { buildForest, matchWithAncestors, type UnitNode } from "../components/unitTree";
import { formatNumber } from "../format";
import { t } from "../i18n";
import { UnitDetailPanel } from "./units/UnitDetailPanel";
import { UnitFormModal } from "./units/UnitModals";

function UnitTitle({ unit, highlight }: { unit: Unit; highlight: boolean }) {
  return (
    <span style={{ display: "inline-flex", flexWrap: "wrap", alignItems: "center", gap: 6 }}>
      <span style={{ fontWeight: highlight ? 600 : undefined, background: highlight ? "#fff1b8" : undefined }}>{unit.name}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {unit.code}
      </Typography.Text>
      {unit.active ? null : unit.mergedIntoId ? (
        <Tag color="orange" style={{ marginInlineEnd: 0 }}>
          {t("units.statusMerged")}
        </Tag>
      ) : (
        <Tag style={{ marginInlineEnd: 0 }}>{t("units.statusInactive")}</Tag>
      )}
    </span>
  );
}

export default function UnitsPage() {
  const { data: me } = useMe();
  const canWrite = hasCapability(me, "units.write");
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get("id");
  const [includeInactive, setIncludeInactive] = useState(params.get("inactive") === "1");
  const [search, setSearch] = useState("");
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [creatingRoot, setCreatingRoot] = useState(false);
  const detailRef = useRef<HTMLDivElement>(null);

  const { data: units, isPending, isError, error, refetch } = useUnits(includeInactive);
  const forest = useMemo(() => buildForest(units ?? []), [units]);
  const { matches, visible } = useMemo(() => matchWithAncestors(units ?? [], search), [units, search]);
  const searching = search.trim().length > 0;

  // By default the first two levels are open.
  useEffect(() => {
    if (!units || expanded !== null) return;
    const rootIds = new Set(forest.map((r) => String(r.unit.id)));
    setExpanded(units.filter((u) => u.depth <= 1 || rootIds.has(String(u.id))).map((u) => String(u.id)));
  }, [units, forest, expanded]);

  // A user whose scope is one subtree starts on its root unit.
  useEffect(() => {
    if (selectedId || forest.length !== 1) return;
    const next = new URLSearchParams(params);
    next.set("id", String(forest[0].unit.id));
    setParams(next, { replace: true });
  }, [selectedId, forest, params, setParams]);

  // The path to the selected unit is always opened (also after creating or moving a unit).
  useEffect(() => {
    if (!units || !selectedId) return;
    const byId = new Map(units.map((u) => [String(u.id), u]));
    const ancestors: string[] = [];
    let cur = byId.get(selectedId);
    while (cur && cur.parentId !== null) {
      ancestors.push(String(cur.parentId));
      cur = byId.get(String(cur.parentId));
    }
    if (ancestors.length === 0) return;
    setExpanded((prev) => {
      const set = new Set(prev ?? []);
      const missing = ancestors.filter((id) => !set.has(id));
      return missing.length === 0 ? prev : [...set, ...missing];
    });
  }, [units, selectedId]);

  const treeData = useMemo(() => {
    const walk = (nodes: UnitNode[]): DataNode[] =>
      nodes
        .filter((n) => !searching || visible.has(String(n.unit.id)))
        .map((n) => ({
          key: String(n.unit.id),
          title: <UnitTitle unit={n.unit} highlight={searching && matches.has(String(n.unit.id))} />,
          children: n.children.length > 0 ? walk(n.children) : undefined,
          isLeaf: n.children.length === 0,
        }));
    return walk(forest);
  }, [forest, searching, visible, matches]);

  const select = (id: string | null) => {
    // A unit hidden by the current search (e.g. one just created) would not show as selected.
    if (id && searching && !visible.has(id)) setSearch("");
    const next = new URLSearchParams(params);
    if (id) next.set("id", id);
    else next.delete("id");
    setParams(next, { replace: true });
    if (id && screens.md === false) {
      setTimeout(() => detailRef.current?.scrollIntoView({ behavior: "smooth", block: "start" }), 50);
    }
  };

  const toggleInactive = (checked: boolean) => {
    setIncludeInactive(checked);
    const next = new URLSearchParams(params);
    if (checked) next.set("inactive", "1");
    else next.delete("inactive");
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageTitle
        title={t("units.title")}
        description={units ? t("units.countVisible", { count: units.length }) : undefined}
        extra={
          canWrite && isAdmin(me) ? (
            <Button icon={<PlusOutlined />} onClick={() => setCreatingRoot(true)}>
              {t("units.addRoot")}
            </Button>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={11} xl={9}>
          <Card title={t("units.treeTitle")} styles={{ body: { padding: 12 } }}>
            <Space orientation="vertical" style={{ width: "100%" }} size={8}>
              <Input.Search
                allowClear
                placeholder={t("units.searchPlaceholder")}
                aria-label={t("units.search")}
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
              <label htmlFor="units-include-inactive" style={{ display: "inline-flex", alignItems: "center", gap: 8, cursor: "pointer" }}>
                <Switch id="units-include-inactive" size="small" checked={includeInactive} onChange={toggleInactive} aria-label={t("units.showInactive")} />
                <span>{t("units.showInactive")}</span>
              </label>
              {isError ? (
                <ErrorState error={error} onRetry={() => void refetch()} />
              ) : isPending ? (
                <Spin style={{ display: "block", margin: "32px auto" }} />
              ) : treeData.length === 0 ? (
                <Empty description={searching ? t("units.noMatch") : t("units.empty")} />
              ) : (
                <>
                  {searching ? <Typography.Text type="secondary">{t("units.matchCount", { count: formatNumber(matches.size) })}</Typography.Text> : null}
                  <Tree
                    blockNode
                    showLine
                    treeData={treeData}
                    height={screens.md === false ? 380 : 620}
                    selectedKeys={selectedId ? [selectedId] : []}
                    expandedKeys={searching ? [...visible] : (expanded ?? [])}
                    onExpand={(keys) => {
                      if (!searching) setExpanded(keys.map(String));
                    }}
                    onSelect={(keys) => {
                      if (keys.length > 0) select(String(keys[0]));
                    }}
                    aria-label={t("units.treeTitle")}
                  />
                </>
              )}
            </Space>
          </Card>
        </Col>
        <Col xs={24} md={13} xl={15}>
          <div ref={detailRef}>
            {selectedId ? (
              <UnitDetailPanel
                key={selectedId}
                unitId={selectedId}
                units={units ?? []}
                canWrite={canWrite}
                onSelect={(id) => select(id)}
                onShowInactive={() => toggleInactive(true)}
              />
            ) : (
              <Card>
                <Empty description={t("units.pickOne")} />
              </Card>
            )}
          </div>
        </Col>
      </Row>
      {creatingRoot ? (
        <UnitFormModal
          mode="create"
          parent={null}
          onClose={() => setCreatingRoot(false)}
          onSaved={(unit) => {
            setCreatingRoot(false);
            select(String(unit.id));
          }}
        />
      ) : null}
    </>
  );
}
