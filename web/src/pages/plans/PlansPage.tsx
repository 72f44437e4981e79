// "Kế hoạch thi đua": the plans of units in, above or below the user's scope, and "Tạo kế hoạch".
import { PlusOutlined } from "@ant-design/icons";
import { Button, Input, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { statusesOf, statusLabel } from "../../../../src/domain/lifecycle";
import { planLifecycle } from "../../../../src/domain/lifecycles/plan";
import { hasCapability, useMe } from "../../api/queries";
import { usePlans } from "../../components/plan/api";
import type { PlanSummary } from "../../components/plan/model";
import { ErrorState, PageTitle } from "../../components/States";
import { compareVi, formatDateTime, formatNumber, includesVi } from "../../format";
import { t } from "../../i18n";
import { CreatePlanModal } from "./CreatePlanModal";
import { planPath, statusColor } from "./paths";

export default function PlansPage() {
  const { data: me } = useMe();
  const canWrite = hasCapability(me, "plans.write");
  const navigate = useNavigate();
  const { data, isPending, isError, error, refetch } = usePlans();
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<string | null>(null);

  const rows = useMemo(
    () => (data ?? []).filter((p) => (!search.trim() || includesVi(`${p.title} ${p.issuerName} ${p.code}`, search)) && (!status || p.status === status)),
    [data, search, status],
  );
  const years = useMemo(() => [...new Set((data ?? []).map((p) => p.year))].sort((a, b) => b - a), [data]);

  const columns: ColumnsType<PlanSummary> = [
    {
      title: t("plans.list.title"),
      dataIndex: "title",
      render: (_: unknown, p) => (
        <div>
          <Link to={planPath(p.id)}>{p.title}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.code}
              {p.parentPlanId ? ` · ${t("plans.list.fromParent")}` : ""}
            </Typography.Text>
          </div>
        </div>
      ),
      sorter: (a, b) => compareVi(a.title, b.title),
    },
    { title: t("plans.list.issuer"), dataIndex: "issuerName", width: 220, sorter: (a, b) => compareVi(a.issuerName, b.issuerName) },
    {
      title: t("plans.list.year"),
      dataIndex: "year",
      width: 90,
      sorter: (a, b) => a.year - b.year,
      filters: years.map((y) => ({ text: String(y), value: y })),
      onFilter: (value, p) => p.year === value,
    },
    {
      title: t("plans.list.status"),
      dataIndex: "status",
      width: 140,
      render: (_: unknown, p) => <Tag color={statusColor(p.status)}>{p.statusLabel}</Tag>,
    },
    { title: t("plans.list.revision"), dataIndex: "revision", width: 100, align: "right", render: (v: number) => formatNumber(v) },
    { title: t("plans.list.updated"), dataIndex: "updatedAt", width: 150, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <>
      <PageTitle
        title={t("plans.list.pageTitle")}
        description={t("plans.list.description")}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t("plans.create.open")}
            </Button>
          ) : null
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t("plans.list.search")}
          aria-label={t("plans.list.search")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 320 }}
        />
        <Select
          allowClear
          value={status}
          onChange={(v) => setStatus(v ?? null)}
          placeholder={t("plans.list.allStatuses")}
          aria-label={t("plans.list.status")}
          style={{ width: 200 }}
          options={[...statusesOf(planLifecycle).map((s) => ({ value: s, label: statusLabel(planLifecycle, s) }))]}
        />
      </Space>
      {isError ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<PlanSummary>
          rowKey="id"
          size="middle"
          loading={isPending}
          dataSource={rows}
          columns={columns}
          scroll={{ x: 860 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: canWrite ? t("plans.list.emptyWrite") : t("plans.list.empty") }}
          data-testid="plans-table"
        />
      )}
      {creating ? (
        <CreatePlanModal
          onClose={() => setCreating(false)}
          onCreated={(plan) => {
            setCreating(false);
            navigate(planPath(plan.id));
          }}
        />
      ) : null}
    </>
  );
}
