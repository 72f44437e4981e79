// "Chỉ tiêu và danh sách gợi ý" for the standing office: per award form and quota, the limit and where it comes
// from, the suggested list by rank, priority and the women-first tie rule, who waits, who is excluded and why,
// warnings when the lodged dossiers exceed the quota; and the proposal memo (tờ trình) of the award form.
import { Alert, Card, Descriptions, Empty, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Link } from "react-router-dom";
import { statusLabel } from "../../../../src/domain/lifecycle";
import { nominationLifecycle } from "../../../../src/domain/lifecycles/nomination";
import type { Id } from "../../api/types";
import {
  commendationPaths,
  commendationUrls,
  type DecidedItem,
  type QuotaSuggestion,
  type SuggestedItem,
  useSuggestions,
} from "../../components/commendation/api";
import { DownloadButton } from "../../components/plan/DownloadButton";
import type { PlanRecord } from "../../components/plan/model";
import { ErrorState } from "../../components/States";
import { formatNumber } from "../../format";
import { t } from "../../i18n";

function quotaText(q: QuotaSuggestion): string {
  if (q.quota.kind === "count") return t("cm.sug.quotaCount", { n: q.quota.max });
  if (q.quota.kind === "share") return t("cm.sug.quotaShare", { percent: formatNumber(q.quota.percent), n: q.limit ?? 0, of: q.participants });
  return t("cm.sug.quotaNone");
}

export function SuggestionsCard({ plan, onOpen }: { plan: PlanRecord; onOpen: (nominationId: Id) => void }) {
  const forms = plan.data.awardForms;
  const [formId, setFormId] = useState<string | null>(forms[0]?.id ?? null);
  const suggestions = useSuggestions(plan.id, formId);
  const columns = (withReasons: boolean): ColumnsType<SuggestedItem> => [
    {
      title: t("cm.col.nominee"),
      key: "name",
      render: (_: unknown, r) => (
        <a
          href={`#ho-so-${r.nominationId}`}
          onClick={(e) => {
            e.preventDefault();
            onOpen(r.nominationId);
          }}
        >
          {r.name}
        </a>
      ),
    },
    { title: t("cm.sug.rank"), dataIndex: "rank", width: 70, align: "right", render: (v: number | null) => v ?? "—" },
    { title: t("cm.sug.total"), dataIndex: "total", width: 80, align: "right", render: (v: number | null) => (v === null ? "—" : formatNumber(v)) },
    {
      title: t("cm.col.status"),
      dataIndex: "status",
      width: 150,
      render: (v: string, r) => (
        <Space size={4} wrap>
          <Tag>{statusLabel(nominationLifecycle, v)}</Tag>
          {r.priority ? <Tag color="gold">{t("cm.elig.priority")}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t("cm.sug.why"),
      key: "why",
      render: (_: unknown, r) => (
        <>
          {withReasons && r.reasons?.length ? null : <div>{r.why}</div>}
          {withReasons && r.reasons?.length ? (
            <div style={{ fontSize: 12 }}>
              {r.reasons.map((m) => (
                <div key={m}>• {m}</div>
              ))}
            </div>
          ) : null}
        </>
      ),
    },
  ];
  const list = (title: string, rows: SuggestedItem[], testId: string, withReasons = false) =>
    rows.length ? (
      <div data-testid={testId}>
        <Typography.Text strong>{title}</Typography.Text>
        <Table<SuggestedItem> size="small" rowKey="nominationId" pagination={false} dataSource={rows} columns={columns(withReasons)} style={{ marginTop: 4 }} />
      </div>
    ) : null;

  return (
    <Card
      size="small"
      title={t("cm.sug.title")}
      data-testid="suggestions"
      extra={
        <Space wrap>
          <Select
            size="small"
            style={{ width: 300 }}
            value={formId}
            onChange={setFormId}
            options={forms.map((f) => ({ value: f.id, label: f.name }))}
            aria-label={t("cm.col.awardForm")}
          />
          {formId ? (
            <DownloadButton href={commendationUrls.proposalMemo(plan.id, formId)} fileName={`to-trinh-${formId}.docx`}>
              {t("cm.sug.memo")}
            </DownloadButton>
          ) : null}
        </Space>
      }
    >
      {forms.length === 0 ? (
        <Empty description={t("cm.sug.noForms")} />
      ) : suggestions.isError ? (
        <ErrorState error={suggestions.error} onRetry={() => void suggestions.refetch()} />
      ) : !suggestions.data ? (
        <Typography.Text type="secondary">{t("common.loading")}</Typography.Text>
      ) : (
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          {suggestions.data.rankingSource === "provisional" ? <Alert type="info" showIcon title={t("cm.sug.provisional")} /> : null}
          {suggestions.data.quotas.map((q) => (
            <div key={`${q.target}-${q.groups.join(",")}`} data-testid={`quota-${q.target}`}>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 3 }}
                title={t("cm.sug.quotaTitle", { target: t(q.target === "individual" ? "cm.target.individual" : "cm.target.collective"), quota: quotaText(q) })}
                items={[
                  { key: "nominated", label: t("cm.sug.nominated"), children: formatNumber(q.nominated) },
                  { key: "lodged", label: t("cm.sug.lodged"), children: formatNumber(q.lodged) },
                  { key: "accepted", label: t("cm.sug.accepted"), children: formatNumber(q.accepted) },
                  { key: "issued", label: t("cm.sug.issued"), children: <span data-testid={`issued-${q.target}`}>{formatNumber(q.issued)}</span> },
                  { key: "drafted", label: t("cm.sug.drafted"), children: <span data-testid={`drafted-${q.target}`}>{formatNumber(q.drafted)}</span> },
                  {
                    key: "remaining",
                    label: t("cm.sug.remaining"),
                    children: <span data-testid={`remaining-${q.target}`}>{q.remaining === null ? t("cm.sug.quotaNone") : formatNumber(q.remaining)}</span>,
                  },
                ]}
              />
              {q.source ? (
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
                  {t("cm.sug.source", { source: q.source })}
                </Typography.Paragraph>
              ) : null}
              {q.warnings.map((w) => (
                <Alert key={w} type="warning" showIcon title={w} style={{ marginBottom: 8 }} />
              ))}
              <Space orientation="vertical" size={12} style={{ width: "100%" }}>
                <DecidedList items={q.decided} testId={`decided-${q.target}`} />
                {list(t("cm.sug.selected", { n: q.selected.length }), q.selected, `selected-${q.target}`)}
                {list(t("cm.sug.waiting", { n: q.waiting.length }), q.waiting, `waiting-${q.target}`)}
                {list(t("cm.sug.excluded", { n: q.excluded.length }), q.excluded, `excluded-${q.target}`, true)}
                {list(t("cm.sug.undecided", { n: q.undecided.length }), q.undecided, `undecided-${q.target}`)}
                {q.nominated === 0 ? <Typography.Text type="secondary">{t("cm.sug.none")}</Typography.Text> : null}
              </Space>
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}

/** Who already holds a place of the quota: recipients of issued decisions and of drafts, each with its decision. */
function DecidedList({ items, testId }: { items: DecidedItem[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <div data-testid={testId}>
      <Typography.Text strong>{t("cm.sug.decided", { n: items.length })}</Typography.Text>
      <Table<DecidedItem>
        size="small"
        rowKey="nominationId"
        pagination={false}
        dataSource={items}
        style={{ marginTop: 4 }}
        columns={[
          { title: t("cm.col.nominee"), dataIndex: "name" },
          {
            title: t("cm.col.status"),
            dataIndex: "status",
            width: 150,
            render: (v: DecidedItem["status"]) => (
              <Tag color={v === "issued" ? "green" : "gold"}>{t(v === "issued" ? "cm.sug.decidedIssued" : "cm.sug.decidedDraft")}</Tag>
            ),
          },
          { title: t("cm.sug.why"), key: "decision", render: (_: unknown, r) => <Link to={commendationPaths.decision(r.decisionId)}>{r.decision}</Link> },
        ]}
      />
    </div>
  );
}
