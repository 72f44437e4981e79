import { SafetyCertificateOutlined, SearchOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Col, DatePicker, Input, Row, Select, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from "../../../src/domain/audit-actions";
import { http } from "../api/client";
import { queryKeys } from "../api/queries";
import type { AuditEntry, AuditVerifyResult, Page } from "../api/types";
import { useApiError } from "../api/useApiError";
import { AuditDiff, actionLabel, entityLabel } from "../components/AuditDiff";
import { BackupsCard } from "../components/BackupsCard";
import { ErrorState, PageTitle } from "../components/States";
import { compareVi, DATE_FORMAT, formatDateTime, formatNumber, toApiDate } from "../format";
import { t } from "../i18n";
import { useDebounced } from "../useDebounced";

// Known values; values seen in results are added so new kinds stay filterable.
// Every entity and action of the audit catalogue can be filtered on, even before it appears.
const KNOWN_ENTITIES = Object.keys(AUDIT_ENTITIES);
const KNOWN_ACTIONS = Object.keys(AUDIT_ACTIONS).filter((a) => a !== "demo.seed");

export default function AuditPage() {
  const showError = useApiError();
  const [entity, setEntity] = useState<string | undefined>();
  const [action, setAction] = useState<string | undefined>();
  const [actorInput, setActorInput] = useState("");
  const actor = useDebounced(actorInput.trim());
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [seen, setSeen] = useState<{ entities: Set<string>; actions: Set<string> }>({ entities: new Set(), actions: new Set() });

  const query = {
    entity,
    action,
    actor: actor || undefined,
    from: toApiDate(range?.[0] ?? null) ?? undefined,
    to: toApiDate(range?.[1] ?? null) ?? undefined,
    page,
    pageSize,
  };
  const { data, isFetching, isError, error, refetch } = useQuery({
    queryKey: [...queryKeys.audit, query],
    queryFn: ({ signal }) => http.get<Page<AuditEntry>>("/api/audit", query, signal),
    placeholderData: keepPreviousData,
  });

  useEffect(() => {
    if (!data) return;
    setSeen((prev) => {
      const entities = new Set(prev.entities);
      const actions = new Set(prev.actions);
      for (const e of data.items) {
        entities.add(e.entity);
        actions.add(e.action);
      }
      return entities.size === prev.entities.size && actions.size === prev.actions.size ? prev : { entities, actions };
    });
  }, [data]);

  const entityOptions = useMemo(
    () => [...new Set([...KNOWN_ENTITIES, ...seen.entities])].map((v) => ({ value: v, label: entityLabel(v) })).sort((a, b) => compareVi(a.label, b.label)),
    [seen.entities],
  );
  const actionOptions = useMemo(
    () => [...new Set([...KNOWN_ACTIONS, ...seen.actions])].map((v) => ({ value: v, label: actionLabel(v) })).sort((a, b) => compareVi(a.label, b.label)),
    [seen.actions],
  );

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await http.get<AuditVerifyResult>("/api/audit/verify"));
    } catch (err) {
      showError(err);
    } finally {
      setVerifying(false);
    }
  };

  const resetPage =
    <T,>(setter: (v: T) => void) =>
    (v: T) => {
      setter(v);
      setPage(1);
    };

  return (
    <>
      <PageTitle
        title={t("audit.title")}
        extra={
          <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void runVerify()}>
            {t("audit.verify")}
          </Button>
        }
      />
      {verify ? (
        <Alert
          type={verify.ok ? "success" : "error"}
          showIcon
          closable={{ onClose: () => setVerify(null) }}
          style={{ marginBottom: 16 }}
          role="status"
          data-testid="audit-verify-result"
          title={verify.ok ? t("audit.verifyOk", { count: verify.checked }) : t("audit.verifyBroken", { count: verify.checked })}
          description={
            verify.ok ? (
              verify.notes.length ? (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {verify.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              ) : undefined
            ) : verify.brokenAt === null ? (
              (verify.reason ?? t("audit.noReason"))
            ) : (
              t("audit.verifyBrokenDetail", { id: verify.brokenAt, reason: verify.reason ?? t("audit.noReason") })
            )
          }
        />
      ) : null}
      <BackupsCard />
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 8 } }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} sm={12} lg={5}>
            <Select
              allowClear
              style={{ width: "100%" }}
              placeholder={t("audit.filterEntity")}
              aria-label={t("audit.filterEntity")}
              options={entityOptions}
              value={entity}
              onChange={resetPage(setEntity)}
              popupMatchSelectWidth={false}
            />
          </Col>
          <Col xs={24} sm={12} lg={5}>
            <Select
              allowClear
              style={{ width: "100%" }}
              placeholder={t("audit.filterAction")}
              aria-label={t("audit.filterAction")}
              options={actionOptions}
              value={action}
              onChange={resetPage(setAction)}
              popupMatchSelectWidth={false}
              showSearch={{ optionFilterProp: "label" }}
            />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Input
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t("audit.filterActor")}
              aria-label={t("audit.filterActor")}
              value={actorInput}
              onChange={(e) => {
                setActorInput(e.target.value);
                setPage(1);
              }}
            />
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <DatePicker.RangePicker
              style={{ width: "100%" }}
              format={DATE_FORMAT}
              placeholder={[t("audit.from"), t("audit.to")]}
              aria-label={t("audit.filterDates")}
              value={range}
              onChange={(v) => resetPage(setRange)(v ? [v[0], v[1]] : null)}
              allowEmpty={[true, true]}
            />
          </Col>
        </Row>
      </Card>
      {isError && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 960 }}
          columns={[
            { title: t("audit.at"), dataIndex: "at", width: 160, render: (v: string) => formatDateTime(v) },
            {
              title: t("audit.actor"),
              dataIndex: "actorName",
              width: 180,
              render: (v: string) => v || <Typography.Text type="secondary">{t("audit.system")}</Typography.Text>,
            },
            { title: t("audit.action"), dataIndex: "action", width: 150, render: (v: string) => <Tag>{actionLabel(v)}</Tag> },
            { title: t("audit.entity"), dataIndex: "entity", width: 140, render: (v: string) => entityLabel(v) },
            { title: t("audit.summary"), dataIndex: "summary" },
          ]}
          expandable={{
            rowExpandable: (r) => !!(r.before || r.after),
            expandedRowRender: (r) => <AuditDiff entry={r} />,
          }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (n) => t("audit.total", { count: formatNumber(n) }),
            onChange: (p, s) => {
              setPage(s !== pageSize ? 1 : p);
              setPageSize(s);
            },
          }}
          locale={{ emptyText: t("audit.empty") }}
        />
      )}
    </>
  );
}
