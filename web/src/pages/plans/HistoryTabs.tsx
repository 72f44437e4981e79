// "Lịch sử sửa đổi" (launch and amendments with their readable changes) and "Đơn vị cấp dưới" (cascade status).
import { Card, Col, Empty, Row, Statistic, Table, Tag, Timeline, Typography } from "antd";
import { Link } from "react-router-dom";
import type { Id } from "../../api/types";
import { usePlanCascade, usePlanRevisions } from "../../components/plan/api";
import type { CascadeItem, CascadeState } from "../../components/plan/model";
import { ErrorState } from "../../components/States";
import { compareVi, formatDate, formatDateTime, formatNumber } from "../../format";
import { t } from "../../i18n";
import { planPath } from "./paths";

export function RevisionsTab({ planId, active }: { planId: Id; active: boolean }) {
  const { data, isPending, isError, error, refetch } = usePlanRevisions(planId, active);
  if (isError) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (isPending) return <Card loading />;
  if (data.length === 0)
    return (
      <Card>
        <Empty description={t("plans.revisions.empty")} />
      </Card>
    );
  return (
    <Card size="small" data-testid="revisions">
      <Timeline
        items={data.map((r) => ({
          key: r.revision,
          color: r.revision === 1 ? "green" : "blue",
          children: (
            <div>
              <Typography.Text strong>{r.revision === 1 ? t("plans.revisions.launch") : t("plans.revisions.amendment", { n: r.revision - 1 })}</Typography.Text>
              <Typography.Text type="secondary"> — {formatDateTime(r.createdAt)}</Typography.Text>
              {r.note && r.revision > 1 ? (
                <div>
                  {t("plans.revisions.note")}: {r.note}
                </div>
              ) : null}
              {r.changes.length ? (
                <ul style={{ margin: "4px 0 0", paddingInlineStart: 18 }}>
                  {r.changes.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

const STATE_COLOR: Record<CascadeState, string> = { on_time: "green", late: "orange", overdue: "red", pending: "default", draft: "blue" };

export function CascadeTab({ planId, active }: { planId: Id; active: boolean }) {
  const { data, isPending, isError, error, refetch } = usePlanCascade(planId, active);
  if (isError) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (isPending) return <Card loading />;
  const items = [...data.items].sort((a, b) => compareVi(a.unitName, b.unitName));
  const count = (s: CascadeState) => data.items.filter((i) => i.state === s).length;
  return (
    <Card size="small" data-testid="cascade">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={4}>
          <Statistic title={t("plans.cascade.total")} value={formatNumber(data.total)} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t("plans.cascade.issued")} value={formatNumber(data.issued)} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t("plans.cascade.late")} value={formatNumber(data.late)} styles={{ content: { color: data.late ? "#d46b08" : undefined } }} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic
            title={t("plans.cascade.overdue")}
            value={formatNumber(data.overdue)}
            styles={{ content: { color: data.overdue ? "#cf1322" : undefined } }}
          />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t("plans.cascade.pending")} value={formatNumber(count("pending") + count("draft"))} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t("plans.cascade.due")} value={data.due ? formatDate(data.due) : t("plans.cascade.noDue")} />
        </Col>
      </Row>
      {data.due ? null : <Typography.Paragraph type="secondary">{t("plans.cascade.noDueHelp")}</Typography.Paragraph>}
      <Table<CascadeItem>
        size="small"
        rowKey="unitId"
        dataSource={items}
        pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 640 }}
        locale={{ emptyText: t("plans.cascade.empty") }}
        columns={[
          {
            title: t("plans.cascade.unit"),
            key: "unit",
            render: (_: unknown, r) => (
              <span>
                {r.unitName}{" "}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.unitCode}
                </Typography.Text>
              </span>
            ),
          },
          {
            title: t("plans.cascade.state"),
            key: "state",
            width: 200,
            filters: (Object.keys(STATE_COLOR) as CascadeState[]).map((s) => ({ text: t(`plans.cascadeState.${s}`), value: s })),
            onFilter: (value, r) => r.state === value,
            render: (_: unknown, r) => <Tag color={STATE_COLOR[r.state]}>{t(`plans.cascadeState.${r.state}`)}</Tag>,
          },
          { title: t("plans.cascade.issuedAt"), key: "issuedAt", width: 170, render: (_: unknown, r) => (r.issuedAt ? formatDateTime(r.issuedAt) : "—") },
          {
            title: t("plans.cascade.plan"),
            key: "plan",
            width: 140,
            render: (_: unknown, r) => (r.planId ? <Link to={planPath(r.planId)}>{t("plans.cascade.open")}</Link> : "—"),
          },
        ]}
      />
    </Card>
  );
}
