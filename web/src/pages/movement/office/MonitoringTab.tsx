// Office: per milestone, who has registered, sent the report, submitted the self-assessment — on time, late,
// missing (overdue) or not yet due — with the overdue list and reopening registration from it.
import { ReloadOutlined, UnlockOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Collapse, Empty, Progress, Select, Space, Spin, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Link } from "react-router-dom";
import { http } from "../../../api/client";
import { movementKeys, movementPaths } from "../../../components/movement/api";
import { StepTag } from "../../../components/movement/parts";
import type { Monitoring, MonitoringMilestone, MonitoringRow } from "../../../components/movement/types";
import type { PlanRecord } from "../../../components/plan/model";
import { ErrorState } from "../../../components/States";
import { formatDate, formatDateTime, formatNumber } from "../../../format";
import { t } from "../../../i18n";
import { ReopenModal } from "./ParticipantsTab";

function daysText(m: MonitoringMilestone): string {
  if (m.daysLeft === null) return t("mv.mon.noDue");
  if (m.daysLeft > 0) return t("mv.mon.daysLeft", { n: m.daysLeft });
  if (m.daysLeft === 0) return t("mv.mon.dueToday");
  return t("mv.mon.daysPast", { n: -m.daysLeft });
}

export function MonitoringTab({ plan, active }: { plan: PlanRecord; active: boolean }) {
  const [group, setGroup] = useState<string | null>(null);
  const [reopen, setReopen] = useState<MonitoringRow | null>(null);
  const { data, isPending, isError, error, refetch, isFetching } = useQuery({
    queryKey: movementKeys.monitoring(plan.id, group),
    queryFn: () => http.get<Monitoring>(`/api/plans/${plan.id}/monitoring`, { groupId: group ?? undefined }),
    enabled: active,
  });

  if (isError) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (isPending) return active ? <Spin style={{ display: "block", margin: "48px auto" }} /> : null;

  const rowColumns = (m: MonitoringMilestone): ColumnsType<MonitoringRow> => [
    {
      title: t("mv.col.participant"),
      key: "name",
      render: (_: unknown, r) => (
        <div>
          <Link to={movementPaths.participant(plan.id, r.participantId)}>{r.name}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.groupName}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t("mv.mon.state"),
      key: "state",
      width: 170,
      render: (_: unknown, r) => (
        <Space size={4} wrap>
          <StepTag state={r.state} label={r.stateLabel} />
          {r.daysLate ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("mv.mon.daysLate", { n: r.daysLate })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
      filters: (["on_time", "late", "missing", "pending"] as const).map((s) => ({ text: t(`mv.state.${s}`), value: s })),
      onFilter: (v, r) => r.state === v,
    },
    { title: t("mv.mon.at"), key: "at", width: 150, render: (_: unknown, r) => (r.at ? formatDateTime(r.at) : "—") },
    ...(m.kind === "registration"
      ? [
          {
            title: t("common.actions"),
            key: "reopen",
            width: 170,
            render: (_: unknown, r: MonitoringRow) =>
              r.reopenedUntil ? (
                <Tag color="purple">{t("mv.reg.reopenedUntil", { date: formatDate(r.reopenedUntil) })}</Tag>
              ) : r.state === "missing" ? (
                <Button type="link" size="small" icon={<UnlockOutlined />} onClick={() => setReopen(r)}>
                  {t("mv.reopen.open")}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: "100%", justifyContent: "space-between" }}>
        <Space wrap>
          <Select
            allowClear
            value={group}
            onChange={(v) => setGroup(v ?? null)}
            placeholder={t("mv.filter.allGroups")}
            aria-label={t("mv.filter.group")}
            style={{ width: 320, maxWidth: "100%" }}
            options={plan.data.groups.map((g) => ({ value: g.id, label: g.name }))}
          />
          <Typography.Text type="secondary">{t("mv.mon.asOf", { today: formatDate(data.today), n: data.participants })}</Typography.Text>
        </Space>
        <Button icon={<ReloadOutlined />} loading={isFetching} onClick={() => void refetch()}>
          {t("mv.reload")}
        </Button>
      </Space>
      {data.milestones.length === 0 ? <Empty description={t("mv.mon.noMilestones")} /> : null}
      <Space orientation="vertical" size={12} style={{ width: "100%" }} data-testid="monitoring">
        {data.milestones.map((m) => (
          <Card
            key={m.id}
            size="small"
            title={
              <Space wrap size={6}>
                <span>{m.label}</span>
                <Tag>{m.kindLabel}</Tag>
              </Space>
            }
            extra={
              <Typography.Text type={m.daysLeft !== null && m.daysLeft < 0 ? "danger" : "secondary"}>
                {m.from ? `${formatDate(m.from)} – ` : ""}
                {m.due ? formatDate(m.due) : ""} · {daysText(m)}
              </Typography.Text>
            }
            data-testid={`milestone-${m.id}`}
          >
            {!m.tracked || !m.counts ? (
              <Typography.Text type="secondary">{t("mv.mon.untracked")}</Typography.Text>
            ) : (
              <Space orientation="vertical" style={{ width: "100%" }} size={8}>
                <Space wrap size={6}>
                  <Tag color="green">{t("mv.mon.countOnTime", { n: m.counts.onTime })}</Tag>
                  <Tag color="orange">{t("mv.mon.countLate", { n: m.counts.late })}</Tag>
                  <Tag color="red">{t("mv.mon.countMissing", { n: m.counts.missing })}</Tag>
                  <Tag>{t("mv.mon.countPending", { n: m.counts.pending })}</Tag>
                </Space>
                <Progress
                  percent={m.counts.total ? Math.round((m.counts.done / m.counts.total) * 100) : 0}
                  success={{ percent: m.counts.total ? Math.round((m.counts.onTime / m.counts.total) * 100) : 0 }}
                  format={() => `${formatNumber(m.counts?.done ?? 0)}/${formatNumber(m.counts?.total ?? 0)}`}
                  aria-label={t("mv.mon.progress", { label: m.label })}
                />
                {m.overdue.length ? (
                  <Alert
                    type="error"
                    showIcon
                    title={t("mv.mon.overdue", { n: m.overdue.length })}
                    description={
                      <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true, symbol: t("mv.more") }}>
                        {m.overdue.map((r) => r.name).join("; ")}
                      </Typography.Paragraph>
                    }
                  />
                ) : null}
                <Collapse
                  size="small"
                  items={[
                    {
                      key: "rows",
                      label: t("mv.mon.details", { n: m.rows.length }),
                      children: (
                        <Table<MonitoringRow>
                          rowKey="participantId"
                          size="small"
                          dataSource={m.rows}
                          columns={rowColumns(m)}
                          scroll={{ x: 640 }}
                          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                        />
                      ),
                    },
                  ]}
                />
              </Space>
            )}
          </Card>
        ))}
      </Space>
      {reopen ? <ReopenModal participant={{ id: reopen.participantId, name: reopen.name, planId: plan.id }} onClose={() => setReopen(null)} /> : null}
    </>
  );
}
