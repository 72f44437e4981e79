// Indicator values (chỉ số) that the plan's criteria read: typed one by one or imported from Excel/CSV; never
// overwritten — the latest entry is the one in force, earlier ones stay as history.
import { CloudUploadOutlined, HistoryOutlined, PlusOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, AutoComplete, Button, Form, Input, InputNumber, Modal, Space, Switch, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import { useNavigate } from "react-router-dom";
import { http } from "../../../api/client";
import type { Id, Page } from "../../../api/types";
import { useApiError } from "../../../api/useApiError";
import { movementKeys } from "../../../components/movement/api";
import type { IndicatorValue } from "../../../components/movement/types";
import type { Criterion, PlanRecord } from "../../../components/plan/model";
import { ErrorState } from "../../../components/States";
import { UnitTreeSelect } from "../../../components/UnitTreeSelect";
import { formatDateTime, formatNumber } from "../../../format";
import { t } from "../../../i18n";
import { paths } from "../../../navigation";

const PAGE_SIZE = 20;

/** Metrics the plan's criteria read from indicator values, with the label of the fact that reads each. */
export function planMetrics(plan: PlanRecord): { metric: string; label: string }[] {
  const out = new Map<string, string>();
  const walk = (cs: Criterion[]) => {
    for (const c of cs) {
      for (const i of c.inputs ?? []) if (i.origin === "indicator" && i.metric && !out.has(i.metric)) out.set(i.metric, i.label);
      if (c.children) walk(c.children);
    }
  };
  for (const g of plan.data.groups) walk(g.criteria);
  return [...out.entries()].map(([metric, label]) => ({ metric, label }));
}

const isPercentMetric = (m: string) => /(_rate|_on_time)$/.test(m);

export function IndicatorsTab({ plan, active }: { plan: PlanRecord; active: boolean }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const metrics = useMemo(() => planMetrics(plan), [plan]);
  const labelOf = useMemo(() => new Map(metrics.map((m) => [m.metric, m.label])), [metrics]);
  const [unitId, setUnitId] = useState<Id | null>(null);
  const [metric, setMetric] = useState("");
  const [period, setPeriod] = useState(String(plan.data.year));
  const [currentOnly, setCurrentOnly] = useState(true);
  const [page, setPage] = useState(1);
  const [entering, setEntering] = useState(false);
  const query = {
    unitId: unitId ?? undefined,
    metric: metric.trim() || undefined,
    period: period.trim() || undefined,
    current: currentOnly ? "true" : undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const { data, isPending, isError, error, refetch } = useQuery({
    queryKey: movementKeys.indicators(query),
    queryFn: () => http.get<Page<IndicatorValue>>("/api/indicators", query),
    enabled: active,
  });

  const history = (r: IndicatorValue) => {
    setUnitId(r.unitId);
    setMetric(r.metric);
    setPeriod(r.period);
    setCurrentOnly(false);
    setPage(1);
  };

  const columns: ColumnsType<IndicatorValue> = [
    { title: t("mv.ind.unit"), dataIndex: "unitName", width: 200 },
    {
      title: t("mv.ind.metric"),
      key: "metric",
      render: (_: unknown, r) => (
        <div>
          <Typography.Text code>{r.metric}</Typography.Text>
          {labelOf.get(r.metric) ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {labelOf.get(r.metric)}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
    { title: t("mv.ind.period"), dataIndex: "period", width: 100 },
    {
      title: t("mv.ind.value"),
      key: "value",
      width: 110,
      align: "right",
      render: (_: unknown, r) => `${formatNumber(r.value)}${isPercentMetric(r.metric) ? " %" : ""}`,
    },
    {
      title: t("mv.ind.source"),
      key: "source",
      render: (_: unknown, r) => (
        <div>
          <div>{r.source}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("mv.ind.enteredBy", { name: r.enteredByName ?? "—", at: formatDateTime(r.enteredAt) })}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t("mv.ind.state"),
      key: "current",
      width: 150,
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={2}>
          {r.current ? <Tag color="green">{t("mv.ind.current")}</Tag> : <Tag>{t("mv.ind.superseded")}</Tag>}
          <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => history(r)} style={{ padding: 0 }}>
            {t("mv.ind.history")}
          </Button>
        </Space>
      ),
    },
  ];

  if (isError) return <ErrorState error={error} onRetry={() => void refetch()} />;
  return (
    <>
      {metrics.length ? (
        <Typography.Paragraph type="secondary">
          {t("mv.ind.planReads")} {metrics.map((m) => `${m.metric} (${m.label})`).join("; ")}.
        </Typography.Paragraph>
      ) : null}
      <Space wrap style={{ marginBottom: 12, width: "100%", justifyContent: "space-between" }}>
        <Space wrap>
          <UnitTreeSelect
            value={unitId}
            onChange={(v) => {
              setUnitId(v);
              setPage(1);
            }}
            placeholder={t("mv.ind.allUnits")}
            aria-label={t("mv.ind.unit")}
            style={{ width: 260 }}
          />
          <AutoComplete
            value={metric}
            onChange={(v) => {
              setMetric(v);
              setPage(1);
            }}
            options={metrics.map((m) => ({ value: m.metric, label: `${m.metric} — ${m.label}` }))}
            placeholder={t("mv.ind.anyMetric")}
            aria-label={t("mv.ind.metric")}
            allowClear
            style={{ width: 220 }}
          />
          <Input
            value={period}
            onChange={(e) => {
              setPeriod(e.target.value);
              setPage(1);
            }}
            placeholder={t("mv.ind.anyPeriod")}
            aria-label={t("mv.ind.period")}
            allowClear
            style={{ width: 120 }}
          />
          <Space size={6}>
            <Switch
              checked={currentOnly}
              onChange={(v) => {
                setCurrentOnly(v);
                setPage(1);
              }}
              aria-label={t("mv.ind.currentOnly")}
            />
            <Typography.Text>{t("mv.ind.currentOnly")}</Typography.Text>
          </Space>
        </Space>
        <Space wrap>
          <Button icon={<CloudUploadOutlined />} onClick={() => navigate(`${paths.import}?kind=indicators`)}>
            {t("mv.ind.import")}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEntering(true)}>
            {t("mv.ind.enter")}
          </Button>
        </Space>
      </Space>
      <Table<IndicatorValue>
        rowKey="id"
        size="middle"
        loading={isPending && active}
        dataSource={data?.items ?? []}
        columns={columns}
        scroll={{ x: 960 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
          showSizeChanger: false,
          showTotal: (n) => t("mv.totalRows", { n: formatNumber(n) }),
        }}
        locale={{ emptyText: t("mv.ind.empty") }}
        data-testid="indicators-table"
      />
      {entering ? (
        <EnterModal
          year={plan.data.year}
          metrics={metrics}
          onClose={() => setEntering(false)}
          onDone={() => void queryClient.invalidateQueries({ queryKey: ["movement", "indicators"] })}
        />
      ) : null}
    </>
  );
}

interface EnterForm {
  unitId: Id;
  metric: string;
  period: string;
  value: number;
  source?: string;
}

function EnterModal({
  year,
  metrics,
  onClose,
  onDone,
}: {
  year: number;
  metrics: { metric: string; label: string }[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<EnterForm>();
  const [saving, setSaving] = useState(false);
  const metric = Form.useWatch("metric", form) ?? "";
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await http.post("/api/indicators", { ...v, metric: v.metric.trim(), period: v.period.trim(), source: v.source?.trim() || undefined });
      message.success(t("mv.ind.saved"));
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
      title={t("mv.ind.enter")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("mv.ind.enterHelp")}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="indicator-form" initialValues={{ period: String(year), metric: metrics[0]?.metric }}>
        <Form.Item label={t("mv.ind.unit")} name="unitId" rules={[{ required: true, message: t("mv.pakn.unitRequired") }]}>
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item label={t("mv.ind.metric")} name="metric" rules={[{ required: true, whitespace: true, message: t("mv.ind.metricRequired") }]}>
          <AutoComplete options={metrics.map((m) => ({ value: m.metric, label: `${m.metric} — ${m.label}` }))} />
        </Form.Item>
        <Form.Item
          label={t("mv.ind.period")}
          name="period"
          rules={[{ required: true, whitespace: true, message: t("mv.ind.periodRequired") }]}
          help={t("mv.ind.periodHelp")}
        >
          <Input />
        </Form.Item>
        <Form.Item label={t("mv.ind.value")} name="value" rules={[{ required: true, message: t("mv.ind.valueRequired") }]}>
          <InputNumber<number>
            style={{ width: "100%" }}
            decimalSeparator=","
            min={isPercentMetric(metric) ? 0 : undefined}
            max={isPercentMetric(metric) ? 100 : undefined}
            suffix={isPercentMetric(metric) ? "%" : undefined}
          />
        </Form.Item>
        <Form.Item label={t("mv.ind.source")} name="source">
          <Input maxLength={300} placeholder={t("mv.ind.sourcePlaceholder")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
