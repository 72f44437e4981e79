// "Chấm thử": type a participant's facts and see, as you edit the rules, the points each criterion gets and why.
// Sends the current unsaved plan data, so changes can be tried before they are saved.
import { ClearOutlined, ExperimentOutlined } from "@ant-design/icons";
import { Alert, Button, Card, ConfigProvider, Empty, Select, Space, Spin, Switch, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useMemo, useState } from "react";
import { api, isApiError } from "../../api/client";
import type { Id } from "../../api/types";
import { formatNumber } from "../../format";
import { t } from "../../i18n";
import { useDebounced } from "../../useDebounced";
import { DateField, Field, FormBlock, Num } from "./fields";
import { type CriterionResult, type FactValue, type Group, hasHeadsOnlyCriteria, type InputDef, type PlanData, type TryResult, tryInputs } from "./model";

type Facts = Record<string, FactValue>;
// One shared empty object: a fresh {} each render would restart the debounce forever.
const NO_FACTS: Facts = {};

function FactInput({ def, value, onChange, id }: { def: InputDef; value: FactValue | undefined; onChange: (v: FactValue) => void; id?: string }) {
  switch (def.type) {
    case "boolean":
      return (
        <Space size={8}>
          <Switch
            id={id}
            checked={value === true}
            onChange={onChange}
            checkedChildren={t("common.yes")}
            unCheckedChildren={value === false ? t("common.no") : undefined}
          />
          {value === undefined || value === null ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("plans.try.notEntered")}
            </Typography.Text>
          ) : null}
        </Space>
      );
    case "date":
      return <DateField id={id} value={typeof value === "string" ? value : undefined} onChange={(v) => onChange(v ?? null)} />;
    case "choice":
      return (
        <Select
          id={id}
          value={typeof value === "string" ? value : undefined}
          onChange={(v) => onChange(v ?? null)}
          allowClear
          options={(def.choices ?? []).map((c) => ({ value: c, label: c }))}
          style={{ width: "100%" }}
        />
      );
    default:
      return (
        <Num
          id={id}
          value={typeof value === "number" ? value : undefined}
          onChange={(v) => onChange(v ?? null)}
          min={def.type === "number" ? undefined : 0}
          max={def.type === "percent" ? 100 : undefined}
          step={def.type === "count" ? 1 : undefined}
          suffix={def.type === "percent" ? "%" : def.unit}
        />
      );
  }
}

function PointsCell({ r }: { r: CriterionResult }) {
  if (r.notApplicable && r.points === null) return <Tag>{t("plans.try.notApplicable")}</Tag>;
  if (r.max === null) {
    if (r.passed === true) return <Tag color="green">{t("plans.pass")}</Tag>;
    if (r.passed === false) return <Tag color="red">{t("plans.fail")}</Tag>;
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  if (r.points === null) return <Typography.Text type="secondary">{`— / ${formatNumber(r.max)}`}</Typography.Text>;
  return (
    <Typography.Text strong={r.points !== r.max} type={r.points < r.max ? "warning" : undefined}>
      {`${formatNumber(r.points)} / ${formatNumber(r.max)}`}
    </Typography.Text>
  );
}

export interface TryState {
  group: Group;
  facts: Facts;
  setFact: (key: string, value: FactValue) => void;
  clear: () => void;
  isHead: boolean | undefined;
  setIsHead: (v: boolean) => void;
  showHead: boolean;
  inputs: InputDef[];
  result: TryResult | null;
  error: unknown;
  loading: boolean;
}

/** Facts typed per group, and the debounced score of the current (unsaved) plan data. */
export function useTryScoring(planId: Id, plan: PlanData, group: Group, active = true): TryState {
  const [factsByGroup, setFactsByGroup] = useState<Record<string, Facts>>({});
  const [isHead, setIsHead] = useState<boolean | undefined>(undefined);
  const facts = factsByGroup[group.id] ?? NO_FACTS;
  const inputs = useMemo(() => tryInputs(group, plan.classification), [group, plan.classification]);
  const showHead = group.type === "individual" || hasHeadsOnlyCriteria(group.criteria);

  const payload = useMemo(() => ({ groupId: group.id, facts, data: plan, isHead: showHead ? isHead : undefined }), [group.id, facts, plan, isHead, showHead]);
  const debounced = useDebounced(payload, 400);
  const [result, setResult] = useState<TryResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    // Scored only while the panel is on screen; coming back scores the latest data.
    if (!active) return;
    const controller = new AbortController();
    setLoading(true);
    const sentFacts = Object.fromEntries(Object.entries(debounced.facts).filter(([, v]) => v !== null && v !== undefined));
    api<TryResult>(`/api/plans/${planId}/try`, { method: "POST", body: { ...debounced, facts: sentFacts }, signal: controller.signal })
      .then((r) => {
        setResult(r);
        setError(null);
      })
      .catch((err) => {
        if (err instanceof DOMException && err.name === "AbortError") return;
        setError(err);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [debounced, planId, active]);

  const setFact = (key: string, value: FactValue) =>
    setFactsByGroup((prev) => {
      const current = { ...(prev[group.id] ?? {}) };
      if (value === null || value === undefined) delete current[key];
      else current[key] = value;
      return { ...prev, [group.id]: current };
    });

  const clear = () => setFactsByGroup((prev) => ({ ...prev, [group.id]: {} }));
  return { group, facts, setFact, clear, isHead, setIsHead, showHead, inputs, result, error, loading };
}

/** The result of one criterion with the facts it reads, shown inside the criterion editor. */
export function CriterionTry({ state, criterionId, inputs }: { state: TryState; criterionId: string; inputs: InputDef[] }) {
  const find = (rows: CriterionResult[]): CriterionResult | undefined => {
    for (const r of rows) {
      if (r.id === criterionId) return r;
      const inner = r.children ? find(r.children) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  const r = state.result ? find(state.result.criteria) : undefined;
  const shown = inputs.filter((i) => state.inputs.some((g) => g.key === i.key));
  return (
    <ConfigProvider componentDisabled={false}>
      <div style={{ background: "#fafafa", borderRadius: 6, padding: "8px 12px", marginTop: 8 }} data-testid="criterion-try">
        <Typography.Text strong>
          <ExperimentOutlined /> {t("plans.try.thisCriterion")}
        </Typography.Text>
        {shown.length ? (
          <FormBlock>
            <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(220px, 1fr))", columnGap: 12, marginTop: 8 }}>
              {shown.map((def) => (
                <Field key={def.key} label={def.label}>
                  <FactInput def={def} value={state.facts[def.key]} onChange={(v) => state.setFact(def.key, v)} />
                </Field>
              ))}
            </div>
          </FormBlock>
        ) : null}
        <div style={{ display: "flex", gap: 12, alignItems: "baseline", flexWrap: "wrap" }}>
          {r ? <PointsCell r={r} /> : state.loading ? <Spin size="small" /> : null}
          <Typography.Text type="secondary">{r?.explanation ?? ""}</Typography.Text>
        </div>
      </div>
    </ConfigProvider>
  );
}

export function TryPanel({ state, highlightId }: { state: TryState; highlightId?: string | null }) {
  const { group, facts, setFact, isHead, setIsHead, showHead, inputs, result, error, loading } = state;
  const columns: ColumnsType<CriterionResult> = [
    {
      title: t("plans.try.criterion"),
      key: "title",
      render: (_: unknown, r) => (
        <div style={{ display: "inline-block", verticalAlign: "top", maxWidth: "calc(100% - 48px)" }}>
          <div>
            {r.code ? <strong>{r.code}. </strong> : null}
            {r.title}
          </div>
          <Typography.Text type={r.missing.length ? "warning" : "secondary"} style={{ fontSize: 12 }} data-testid={`try-explanation-${r.id}`}>
            {r.explanation}
          </Typography.Text>
        </div>
      ),
    },
    { title: t("plans.try.points"), key: "points", width: 110, align: "right", render: (_: unknown, r) => <PointsCell r={r} /> },
  ];

  const apiError = isApiError(error) ? error : null;
  const shapeIssues = apiError?.fieldErrors ?? [];

  return (
    // The panel stays usable for readers: trying facts changes nothing.
    <ConfigProvider componentDisabled={false}>
      <Card
        size="small"
        title={
          <Space>
            <ExperimentOutlined />
            <span>{t("plans.try.title", { group: group.name })}</span>
            {loading ? <Spin size="small" /> : null}
          </Space>
        }
        extra={
          <Button size="small" icon={<ClearOutlined />} onClick={state.clear}>
            {t("plans.try.clear")}
          </Button>
        }
        data-testid="try-panel"
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t("plans.try.help")}
        </Typography.Paragraph>
        {inputs.length === 0 ? (
          <Empty description={t("plans.try.noInputs")} />
        ) : (
          <FormBlock>
            <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(230px, 1fr))", columnGap: 12 }} data-testid="try-facts">
              {showHead ? (
                <Field label={t("plans.try.isHead")}>
                  <Switch checked={isHead === true} onChange={setIsHead} checkedChildren={t("common.yes")} unCheckedChildren={t("common.no")} />
                </Field>
              ) : null}
              {inputs.map((def) => (
                <Field key={def.key} label={def.label} tooltip={def.help}>
                  <FactInput def={def} value={facts[def.key]} onChange={(v) => setFact(def.key, v)} />
                </Field>
              ))}
            </div>
          </FormBlock>
        )}

        {error ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={error instanceof Error ? error.message : t("error.unexpected")}
            description={
              shapeIssues.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {shapeIssues.slice(0, 8).map((d) => (
                    <li key={`${d.path}-${d.message}`}>{d.message}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        ) : null}

        {result ? (
          <Space orientation="vertical" style={{ width: "100%" }} size={8}>
            <div
              style={{ display: "flex", flexWrap: "wrap", alignItems: "baseline", gap: 12, padding: "8px 12px", background: "#fafafa", borderRadius: 6 }}
              data-testid="try-total"
            >
              <Typography.Text strong style={{ fontSize: 18 }}>
                {result.total === null
                  ? t("plans.try.totalIncomplete", { max: formatNumber(result.max) })
                  : t("plans.try.total", { total: formatNumber(result.total), max: formatNumber(result.max) })}
              </Typography.Text>
              <Typography.Text type="secondary">{result.explanation}</Typography.Text>
              {result.classification.label ? <Tag color="gold">{result.classification.label}</Tag> : null}
              <Typography.Text type="secondary" data-testid="try-classification" style={{ flexBasis: "100%" }}>
                {result.classification.explanation}
              </Typography.Text>
            </div>
            {result.factIssues.length ? (
              <Alert
                type="warning"
                showIcon
                title={t("plans.try.factIssues")}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {result.factIssues.map((f) => (
                      <li key={`${f.criterionId}-${f.input}`}>{f.message}</li>
                    ))}
                  </ul>
                }
                data-testid="try-fact-issues"
              />
            ) : null}
            <Table<CriterionResult>
              size="small"
              rowKey="id"
              dataSource={result.criteria}
              columns={columns}
              pagination={false}
              expandable={{ defaultExpandAllRows: true, indentSize: 12 }}
              onRow={(r) => ({ style: r.id === highlightId ? { background: "#fff7e6" } : undefined })}
              data-testid="try-results"
            />
          </Space>
        ) : loading ? (
          <Spin style={{ display: "block", margin: "16px auto" }} />
        ) : null}
      </Card>
    </ConfigProvider>
  );
}
