// Ranking and classification (each group ranked on its own, ties broken by the plan's chain), with charts,
// the Excel export, and for the office the explanation round and finalisation.
import { ArrowDownOutlined, ArrowUpOutlined, FlagOutlined, MessageOutlined, OrderedListOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, DatePicker, Form, Input, List, Modal, Popconfirm, Select, Space, Spin, Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs, { type Dayjs } from "dayjs";
import { lazy, Suspense, useState } from "react";
import { Link } from "react-router-dom";
import { apiUrl, http, isApiError } from "../../../api/client";
import { useCatalog } from "../../../api/queries";
import { useApiError } from "../../../api/useApiError";
import { movementKeys, movementPaths } from "../../../components/movement/api";
import { AssessmentTag } from "../../../components/movement/parts";
import type { Ranking, RankingRow } from "../../../components/movement/types";
import { DownloadButton } from "../../../components/plan/DownloadButton";
import type { PlanRecord } from "../../../components/plan/model";
import { ErrorState } from "../../../components/States";
import { DATE_FORMAT, formatNumber, toApiDate } from "../../../format";
import { t } from "../../../i18n";

const RankingCharts = lazy(() => import("../../../components/movement/RankingCharts"));

const num = (v: number | null) => (v === null ? "—" : formatNumber(v));

export function RankingTab({ plan, office, active }: { plan: PlanRecord; office: boolean; active: boolean }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const { data: catalog } = useCatalog();
  const [group, setGroup] = useState<string>(plan.data.groups[0]?.id ?? "");
  const [unitKind, setUnitKind] = useState<string | null>(null);
  const [until, setUntil] = useState<Dayjs | null>(null);
  const [busy, setBusy] = useState<"round" | "finalise" | null>(null);
  const [deciding, setDeciding] = useState<RankingRow[] | null>(null);
  const { data, isPending, isError, error, refetch } = useQuery({
    queryKey: movementKeys.ranking(plan.id, group, unitKind),
    queryFn: () => http.get<Ranking>(`/api/plans/${plan.id}/ranking`, { group, unitKind: unitKind ?? undefined }),
    enabled: active,
    retry: false,
  });
  const groupType = plan.data.groups.find((g) => g.id === group)?.type;

  const openRound = async () => {
    if (!until) return;
    setBusy("round");
    try {
      await http.post(`/api/plans/${plan.id}/explanation-round`, { until: toApiDate(until) });
      message.success(t("mv.rank.roundOpened", { date: until.format(DATE_FORMAT) }));
    } catch (err) {
      showError(err);
    } finally {
      setBusy(null);
    }
  };
  const finalise = async () => {
    setBusy("finalise");
    try {
      await http.post(`/api/plans/${plan.id}/finalise`);
      message.success(t("mv.rank.finalised"));
      await queryClient.invalidateQueries({ queryKey: ["movement", "ranking", plan.id] });
    } catch (err) {
      showError(err);
    } finally {
      setBusy(null);
    }
  };

  const columns: ColumnsType<RankingRow> = [
    {
      title: t("mv.rank.rank"),
      key: "rank",
      width: 80,
      align: "center",
      render: (_: unknown, r) =>
        r.rank === null ? (
          r.rankNote ? (
            <Tooltip title={r.rankNote}>
              <Typography.Text type="secondary">{t("mv.rank.notRanked")}</Typography.Text>
            </Tooltip>
          ) : (
            "—"
          )
        ) : (
          <Space size={2}>
            <Typography.Text strong>{formatNumber(r.rank)}</Typography.Text>
            {r.tied ? (
              <Tooltip title={t("mv.rank.tiedHelp")}>
                <Tag color="red">{t("mv.rank.tied")}</Tag>
              </Tooltip>
            ) : null}
            {r.tied && office && data && !data.finalised ? (
              <Tooltip title={t("mv.rank.decideTie")}>
                <Button
                  size="small"
                  type="text"
                  icon={<OrderedListOutlined />}
                  aria-label={t("mv.rank.decideTie")}
                  onClick={() => setDeciding(data.rows.filter((x) => x.tied && x.rank === r.rank && x.groupId === r.groupId))}
                />
              </Tooltip>
            ) : null}
          </Space>
        ),
    },
    {
      title: t("mv.col.participant"),
      key: "name",
      render: (_: unknown, r) => (
        <div>
          {office ? <Link to={movementPaths.appraisal(plan.id, r.participantId)}>{r.name}</Link> : r.name}
          <div>
            <Space size={4} wrap>
              <AssessmentTag status={r.assessmentStatus} />
              {!r.registered ? <Tag>{t("mv.reg.notRegistered")}</Tag> : null}
              {r.decision ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="tie-decision">
                  {t("mv.rank.decidedByOffice", { reason: r.decision.reason, reference: r.decision.reference })}
                </Typography.Text>
              ) : r.decidedBy ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t("mv.rank.decidedBy", { by: r.decidedBy })}
                </Typography.Text>
              ) : r.rankNote ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.rankNote}
                </Typography.Text>
              ) : null}
            </Space>
          </div>
        </div>
      ),
    },
    { title: t("mv.rank.self"), dataIndex: "selfTotal", width: 90, align: "right", render: num },
    {
      title: t("mv.rank.appraised"),
      key: "total",
      width: 110,
      align: "right",
      render: (_: unknown, r) => (r.total === null ? "—" : <Typography.Text strong>{`${formatNumber(r.total)} / ${formatNumber(r.max)}`}</Typography.Text>),
    },
    {
      title: t("mv.rank.gap"),
      dataIndex: "gap",
      width: 90,
      align: "right",
      render: (v: number | null) =>
        v === null ? "—" : <Typography.Text type={v < 0 ? "danger" : undefined}>{v > 0 ? `+${formatNumber(v)}` : formatNumber(v)}</Typography.Text>,
    },
    {
      title: t("mv.rank.classification"),
      key: "classification",
      width: 200,
      render: (_: unknown, r) => (
        <Tooltip title={r.classificationExplanation}>
          {r.classification ? <Tag color="gold">{r.classification}</Tag> : <Typography.Text type="secondary">{r.classificationExplanation}</Typography.Text>}
        </Tooltip>
      ),
    },
    {
      title: t("mv.rank.previous"),
      key: "previous",
      width: 130,
      render: (_: unknown, r) =>
        r.previousTotal === null && r.previousRank === null ? "—" : t("mv.rank.previousValue", { total: num(r.previousTotal), rank: num(r.previousRank) }),
    },
  ];

  const forbidden = isApiError(error) && error.status === 403;
  return (
    <>
      {office ? (
        <Card size="small" style={{ marginBottom: 12 }} title={t("mv.rank.closeTitle")}>
          <Space wrap>
            <DatePicker
              value={until}
              onChange={setUntil}
              format={DATE_FORMAT}
              placeholder={t("mv.rank.roundUntil")}
              aria-label={t("mv.rank.roundUntil")}
              disabledDate={(d) => d.isBefore(dayjs(), "day")}
            />
            <Button icon={<MessageOutlined />} disabled={!until} loading={busy === "round"} onClick={() => void openRound()}>
              {t("mv.rank.openRound")}
            </Button>
            <Popconfirm title={t("mv.rank.finaliseConfirm")} okText={t("mv.rank.finalise")} cancelText={t("common.cancel")} onConfirm={() => finalise()}>
              <Button type="primary" danger icon={<FlagOutlined />} loading={busy === "finalise"} disabled={data?.finalised}>
                {t("mv.rank.finalise")}
              </Button>
            </Popconfirm>
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0" }}>
            {t("mv.rank.closeHelp")}
          </Typography.Paragraph>
        </Card>
      ) : null}
      <Space wrap style={{ marginBottom: 12, width: "100%", justifyContent: "space-between" }}>
        <Space wrap>
          <Select
            value={group}
            onChange={setGroup}
            aria-label={t("mv.filter.group")}
            style={{ width: 320, maxWidth: "100%" }}
            options={plan.data.groups.map((g) => ({ value: g.id, label: g.name }))}
          />
          {groupType === "collective" ? (
            <Select
              allowClear
              value={unitKind}
              onChange={(v) => setUnitKind(v ?? null)}
              placeholder={t("mv.rank.allKinds")}
              aria-label={t("mv.rank.unitKind")}
              style={{ width: 240 }}
              options={catalog?.unitKinds ?? []}
            />
          ) : null}
          {data ? <Tag color={data.finalised ? "green" : "blue"}>{data.finalised ? t("mv.rank.isFinal") : t("mv.rank.isProvisional")}</Tag> : null}
        </Space>
        <DownloadButton href={apiUrl(`/api/plans/${plan.id}/ranking.xlsx`, { group, unitKind: unitKind ?? undefined })} fileName={`xep-hang-${plan.id}.xlsx`}>
          {t("mv.rank.xlsx")}
        </DownloadButton>
      </Space>
      {forbidden ? (
        <Alert type="info" showIcon title={error.message} />
      ) : isError ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : isPending ? (
        active ? (
          <Spin style={{ display: "block", margin: "48px auto" }} />
        ) : null
      ) : (
        <>
          <Table<RankingRow>
            rowKey="participantId"
            size="middle"
            dataSource={data.rows}
            columns={columns}
            scroll={{ x: 980 }}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: t("mv.rank.empty") }}
            data-testid="ranking-table"
          />
          {deciding ? (
            <TieDecisionModal
              planId={plan.id}
              rows={deciding}
              onClose={() => setDeciding(null)}
              onDone={() => void queryClient.invalidateQueries({ queryKey: ["movement", "ranking", plan.id] })}
            />
          ) : null}
          {data.rows.some((r) => r.total !== null) ? (
            <Suspense fallback={<Spin style={{ display: "block", margin: "24px auto" }} />}>
              <RankingCharts rows={data.rows} />
            </Suspense>
          ) : null}
        </>
      )}
    </>
  );
}

/** The office records the order it decided for participants still tied after the whole chain, with why and the minutes. */
function TieDecisionModal({ planId, rows, onClose, onDone }: { planId: number; rows: RankingRow[]; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<{ reason: string; reference: string }>();
  const [order, setOrder] = useState(rows);
  const [saving, setSaving] = useState(false);
  const move = (i: number, by: number) =>
    setOrder((o) => {
      const next = [...o];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await http.post(`/api/plans/${planId}/ranking/tie-decisions`, {
        groupId: rows[0].groupId,
        order: order.map((r) => r.participantId),
        reason: v.reason.trim(),
        reference: v.reference.trim(),
      });
      message.success(t("mv.rank.tieDecided"));
      onDone();
      onClose();
    } catch (err) {
      showError(err, { form });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t("mv.rank.decideTieTitle", { rank: formatNumber(rows[0].rank ?? 0) })}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("mv.rank.decideTieHelp")}</Typography.Paragraph>
      <List
        size="small"
        bordered
        style={{ marginBottom: 16 }}
        dataSource={order}
        renderItem={(r, i) => (
          <List.Item
            actions={[
              <Button
                key="up"
                size="small"
                icon={<ArrowUpOutlined />}
                disabled={i === 0}
                aria-label={t("mv.rank.moveUp", { name: r.name })}
                onClick={() => move(i, -1)}
              />,
              <Button
                key="down"
                size="small"
                icon={<ArrowDownOutlined />}
                disabled={i === order.length - 1}
                aria-label={t("mv.rank.moveDown", { name: r.name })}
                onClick={() => move(i, 1)}
              />,
            ]}
          >
            {`${i + 1}. ${r.name}`}
          </List.Item>
        )}
      />
      <Form form={form} layout="vertical" name="tie-decision-form">
        <Form.Item label={t("mv.rank.tieReason")} name="reason" rules={[{ required: true, whitespace: true, message: t("mv.rank.tieReasonRequired") }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item
          label={t("mv.rank.tieReference")}
          name="reference"
          rules={[{ required: true, whitespace: true, message: t("mv.rank.tieReferenceRequired") }]}
        >
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
