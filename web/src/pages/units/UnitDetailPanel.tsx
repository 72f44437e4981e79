// Detail of one unit: facts, actions (with units.write), Decree 98 art. 4 cases (the office) and its change history.
import { ApartmentOutlined, EditOutlined, MergeCellsOutlined, PlusOutlined, PoweroffOutlined, RollbackOutlined, SwapOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Descriptions, type DescriptionsProps, Grid, Popconfirm, Space, Table, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { http } from "../../api/client";
import { hasCapability, queryKeys, useMe } from "../../api/queries";
import type { AuditEntry, Id, ItemList, Unit, UnitDetail } from "../../api/types";
import { useApiError } from "../../api/useApiError";
import { AuditDiff, actionLabel } from "../../components/AuditDiff";
import { HOLDS_CAPABILITY } from "../../components/holds/api";
import { ErrorState } from "../../components/States";
import { formatDateTime, formatNumber } from "../../format";
import { t } from "../../i18n";
import { paths } from "../../navigation";
import { CommendationHistory } from "./CommendationHistory";
import { LegalHoldsCard } from "./LegalHoldsCard";
import { MergeUnitModal, MoveUnitModal, UnitFormModal } from "./UnitModals";

type Dialog = "addChild" | "edit" | "move" | "merge" | null;

function UnitHistory({ unitId }: { unitId: string }) {
  const { data, isPending, isError, error, refetch } = useQuery({
    queryKey: queryKeys.unitHistory(unitId),
    queryFn: () => http.get<ItemList<AuditEntry>>(`/api/units/${unitId}/history`).then((r) => r.items),
  });
  if (isError) return <ErrorState error={error} onRetry={() => void refetch()} />;
  return (
    <Table<AuditEntry>
      size="small"
      rowKey="id"
      loading={isPending}
      dataSource={data ?? []}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 560 }}
      columns={[
        { title: t("audit.at"), dataIndex: "at", width: 150, render: (v: string) => formatDateTime(v) },
        { title: t("audit.action"), dataIndex: "action", width: 140, render: (v: string) => <Tag>{actionLabel(v)}</Tag> },
        { title: t("audit.summary"), dataIndex: "summary" },
        { title: t("audit.actor"), dataIndex: "actorName", width: 160 },
      ]}
      expandable={{
        rowExpandable: (r) => !!(r.before || r.after),
        expandedRowRender: (r) => <AuditDiff entry={r} />,
      }}
      locale={{ emptyText: t("units.historyEmpty") }}
    />
  );
}

export function UnitDetailPanel({
  unitId,
  units,
  canWrite,
  onSelect,
  onShowInactive,
}: {
  unitId: string;
  units: Unit[];
  canWrite: boolean;
  onSelect: (id: string) => void;
  onShowInactive: () => void;
}) {
  const { message } = App.useApp();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const showError = useApiError();
  const [dialog, setDialog] = useState<Dialog>(null);
  const narrow = Grid.useBreakpoint().sm === false;
  const [busy, setBusy] = useState(false);
  const {
    data: unit,
    isPending,
    isError,
    error,
    refetch,
  } = useQuery({
    queryKey: queryKeys.unit(unitId),
    queryFn: () => http.get<UnitDetail>(`/api/units/${unitId}`),
  });

  if (isError)
    return (
      <Card>
        <ErrorState error={error} onRetry={() => void refetch()} />
      </Card>
    );
  if (isPending || !unit) return <Card loading />;

  const reload = () => void queryClient.invalidateQueries({ queryKey: queryKeys.unitsAll });

  const setActive = async (active: boolean) => {
    setBusy(true);
    try {
      await http.post<Unit>(`/api/units/${unit.id}/${active ? "reactivate" : "deactivate"}`, { version: unit.version });
      message.success(active ? t("units.reactivated") : t("units.deactivated"));
      if (!active) onShowInactive();
      reload();
    } catch (err) {
      showError(err, { onConflict: reload });
    } finally {
      setBusy(false);
    }
  };

  const mergedInto = unit.mergedIntoId ? units.find((u) => String(u.id) === String(unit.mergedIntoId)) : undefined;
  const visibleIds = new Set(units.map((u) => String(u.id)));
  const unitLink = (id: Id, name: string) => (
    <Typography.Link
      href={`${paths.units}?id=${encodeURIComponent(String(id))}`}
      onClick={(e) => {
        e.preventDefault();
        onSelect(String(id));
      }}
    >
      {name}
    </Typography.Link>
  );

  const items: DescriptionsProps["items"] = [
    { key: "code", label: t("units.code"), children: unit.code },
    { key: "name", label: t("units.name"), children: unit.name },
    { key: "kind", label: t("units.kind"), children: unit.kindLabel },
    {
      key: "parents",
      label: t("units.parentChain"),
      children:
        unit.ancestors.length === 0 ? (
          <Typography.Text type="secondary">{t("units.noParent")}</Typography.Text>
        ) : (
          <span>
            {unit.ancestors.map((a, i) => (
              <span key={a.id}>
                {i > 0 ? " › " : null}
                {/* Ancestors above the caller's scope are named but cannot be opened. */}
                {visibleIds.has(String(a.id)) ? unitLink(a.id, a.name) : a.name}
              </span>
            ))}
          </span>
        ),
    },
    {
      key: "status",
      label: t("units.status"),
      children: unit.active ? (
        <Tag color="green">{t("units.statusActive")}</Tag>
      ) : unit.mergedIntoId ? (
        <Tag color="orange">{t("units.statusMerged")}</Tag>
      ) : (
        <Tag>{t("units.statusInactive")}</Tag>
      ),
    },
  ];
  if (unit.mergedIntoId) {
    items.push({
      key: "mergedInto",
      label: t("units.mergedInto"),
      children: unitLink(unit.mergedIntoId, mergedInto?.name ?? t("units.unknownUnit")),
    });
  }
  if (unit.mergedFrom.length > 0) {
    items.push({
      key: "mergedFrom",
      label: t("units.mergedFrom"),
      children: (
        <span>
          {unit.mergedFrom.map((m, i) => (
            <span key={m.id}>
              {i > 0 ? ", " : null}
              {unitLink(m.id, `${m.name} (${m.code})`)}
            </span>
          ))}
        </span>
      ),
    });
  }
  items.push(
    { key: "children", label: t("units.childrenCount"), children: formatNumber(unit.childrenCount) },
    {
      key: "people",
      label: t("units.peopleCount"),
      children: hasCapability(me, "people.read") ? (
        <Link to={`${paths.people}?unitId=${encodeURIComponent(String(unit.id))}`}>{formatNumber(unit.peopleCount)}</Link>
      ) : (
        formatNumber(unit.peopleCount)
      ),
    },
    { key: "updated", label: t("units.updatedAt"), children: formatDateTime(unit.updatedAt) },
  );

  const actions = canWrite ? (
    <Space wrap>
      {unit.active ? (
        <>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog("addChild")}>
            {t("units.addChild")}
          </Button>
          <Button icon={<EditOutlined />} onClick={() => setDialog("edit")}>
            {t("units.edit")}
          </Button>
          <Button icon={<SwapOutlined />} onClick={() => setDialog("move")}>
            {t("units.move")}
          </Button>
          <Button icon={<MergeCellsOutlined />} onClick={() => setDialog("merge")}>
            {t("units.merge")}
          </Button>
          <Popconfirm
            title={t("units.deactivateConfirmTitle")}
            description={t("units.deactivateConfirm", { name: unit.name })}
            okText={t("units.deactivate")}
            okButtonProps={{ danger: true }}
            cancelText={t("common.cancel")}
            onConfirm={() => setActive(false)}
          >
            <Button danger icon={<PoweroffOutlined />} loading={busy}>
              {t("units.deactivate")}
            </Button>
          </Popconfirm>
        </>
      ) : (
        <Popconfirm
          title={t("units.reactivateConfirmTitle")}
          description={t("units.reactivateConfirm", { name: unit.name })}
          okText={t("units.reactivate")}
          cancelText={t("common.cancel")}
          onConfirm={() => setActive(true)}
        >
          <Button icon={<RollbackOutlined />} loading={busy}>
            {t("units.reactivate")}
          </Button>
        </Popconfirm>
      )}
    </Space>
  ) : null;

  return (
    <Card
      title={
        <Space>
          <ApartmentOutlined />
          <span data-testid="unit-detail-title">{unit.name}</span>
        </Space>
      }
    >
      <Tabs
        items={[
          {
            key: "info",
            label: t("units.tabInfo"),
            children: (
              <Space orientation="vertical" size={16} style={{ width: "100%" }}>
                {actions}
                <Descriptions
                  bordered
                  size="small"
                  column={1}
                  items={items}
                  layout={narrow ? "vertical" : "horizontal"}
                  styles={{ label: narrow ? undefined : { width: 180 } }}
                />
                {hasCapability(me, HOLDS_CAPABILITY) ? <LegalHoldsCard unitId={unit.id} unitName={unit.name} /> : null}
              </Space>
            ),
          },
          { key: "commendations", label: t("units.tabCommendations"), children: <CommendationHistory unitId={unit.id} /> },
          { key: "history", label: t("units.tabHistory"), children: <UnitHistory unitId={String(unit.id)} /> },
        ]}
      />
      {dialog === "addChild" ? (
        <UnitFormModal
          mode="create"
          parent={unit}
          onClose={() => setDialog(null)}
          onSaved={(created) => {
            setDialog(null);
            message.success(t("units.created", { name: created.name }));
            onSelect(String(created.id));
          }}
        />
      ) : null}
      {dialog === "edit" ? (
        <UnitFormModal
          mode="edit"
          unit={unit}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            message.success(t("common.saved"));
          }}
        />
      ) : null}
      {dialog === "move" ? (
        <MoveUnitModal
          unit={unit}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            message.success(t("units.moved"));
          }}
        />
      ) : null}
      {dialog === "merge" ? (
        <MergeUnitModal
          unit={unit}
          onClose={() => setDialog(null)}
          onSaved={(target) => {
            setDialog(null);
            message.success(t("units.merged", { source: unit.name, target: target.name }));
            onSelect(String(target.id));
          }}
        />
      ) : null}
    </Card>
  );
}
