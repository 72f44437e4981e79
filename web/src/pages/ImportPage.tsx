import { CheckCircleOutlined, DownloadOutlined, InboxOutlined, ReloadOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Progress, Radio, Result, Space, Steps, Table, Typography, Upload } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useMemo, useRef, useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { http, type UploadHandle, uploadWithProgress } from "../api/client";
import { hasCapability, optionLabel, queryKeys, useCatalog, useMe } from "../api/queries";
import type { ImportKind as BaseImportKind, ImportJob, ImportRowError } from "../api/types";
import { useApiError } from "../api/useApiError";
import { formatValue } from "../components/AuditDiff";
import { PageTitle } from "../components/States";
import { formatNumber } from "../format";
import { t, tMaybe } from "../i18n";
import { paths } from "../navigation";

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = ".xlsx,.csv";
const POLL_MS = 500;

type Phase = "choose" | "uploading" | "preview" | "running" | "finished";
/** Indicator values (chỉ số) are imported by the standing office and by units' focal persons. */
type ImportKind = BaseImportKind | "indicators";

function ErrorsTable({ errors }: { errors: ImportRowError[] }) {
  return (
    <Table<ImportRowError & { key: number }>
      size="small"
      rowKey="key"
      dataSource={errors.map((e, i) => ({ ...e, key: i }))}
      pagination={errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 480 }}
      columns={[
        { title: t("import.errorRow"), dataIndex: "row", width: 80, render: (v: number) => (v > 0 ? formatNumber(v) : "") },
        { title: t("import.errorColumn"), dataIndex: "column", width: 180, render: (v: string | null) => v ?? "" },
        { title: t("import.errorMessage"), dataIndex: "message" },
      ]}
      aria-label={t("import.errorsTitle")}
      data-testid="import-errors"
    />
  );
}

// Column order of the preview; unknown keys follow in the order the server sent them.
const ROW_KEY = "__previewKey";
const PREVIEW_ORDER: Record<ImportKind, string[]> = {
  units: ["row", "code", "name", "kind", "parentCode"],
  people: ["row", "code", "fullName", "unitCode", "sex", "birthDate", "position", "category", "isHead", "email", "phone"],
  indicators: ["row", "unitCode", "metric", "period", "value", "source"],
};

function PreviewTable({ kind, rows }: { kind: ImportKind; rows: Record<string, unknown>[] }) {
  const { data: catalog } = useCatalog();
  const columns: ColumnsType<Record<string, unknown>> = useMemo(() => {
    const keys: string[] = [];
    for (const row of rows) for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
    const order = PREVIEW_ORDER[kind];
    const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length + keys.indexOf(k));
    keys.sort((a, b) => rank(a) - rank(b));
    return keys.map((key) => ({
      title: tMaybe(`importColumn.${kind}.${key}`, tMaybe(`importColumn.${key}`, key)),
      width: key === "row" ? 70 : 160,
      dataIndex: key,
      key,
      ellipsis: true,
      render: (v: unknown) => {
        // Catalogue values are shown with their Vietnamese labels.
        if (typeof v === "string" && v) {
          if (key === "kind") return optionLabel(catalog?.unitKinds, v);
          if (key === "category") return optionLabel(catalog?.personCategories, v);
          if (key === "sex") return optionLabel(catalog?.sexes, v);
        }
        return formatValue(v);
      },
    }));
  }, [kind, rows, catalog]);
  const data = useMemo(() => rows.map((r, i) => ({ ...r, [ROW_KEY]: i })), [rows]);
  return (
    <Table<Record<string, unknown>>
      size="small"
      rowKey={ROW_KEY}
      dataSource={data}
      columns={columns}
      pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
      scroll={{ x: Math.max(600, columns.length * 160) }}
      data-testid="import-preview"
    />
  );
}

export default function ImportPage() {
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const showError = useApiError();

  const allowedKinds: ImportKind[] = [
    ...(hasCapability(me, "import.units") ? (["units"] as const) : []),
    ...(hasCapability(me, "import.people") ? (["people"] as const) : []),
    ...(hasCapability(me, "movement.manage") || hasCapability(me, "movement.participate") ? (["indicators"] as const) : []),
  ];
  const requested = params.get("kind") as ImportKind | null;
  const kind: ImportKind = requested && allowedKinds.includes(requested) ? requested : (allowedKinds[0] ?? "units");

  const [phase, setPhase] = useState<Phase>("choose");
  const [percent, setPercent] = useState(0);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [committing, setCommitting] = useState(false);
  const uploadRef = useRef<UploadHandle<ImportJob> | null>(null);

  useEffect(() => () => uploadRef.current?.abort(), []);

  const poll = useQuery({
    queryKey: queryKeys.importJob(job ? String(job.id) : "none"),
    queryFn: () => http.get<ImportJob>(`/api/imports/${job?.id}`),
    enabled: phase === "running" && !!job,
    refetchInterval: (q) => (q.state.data && q.state.data.status !== "running" ? false : POLL_MS),
    refetchIntervalInBackground: true,
    retry: 3,
  });
  const current = phase === "running" || phase === "finished" ? (poll.data ?? job) : job;

  useEffect(() => {
    if (phase !== "running" || !poll.data) return;
    if (poll.data.status === "done" || poll.data.status === "failed") {
      setJob(poll.data);
      setPhase("finished");
      if (poll.data.status === "done") {
        void queryClient.invalidateQueries({ queryKey: queryKeys.unitsAll });
        void queryClient.invalidateQueries({ queryKey: queryKeys.people });
      }
    }
  }, [phase, poll.data, queryClient]);

  useEffect(() => {
    if (phase === "running" && poll.isError) {
      showError(poll.error);
    }
  }, [phase, poll.isError, poll.error, showError]);

  const reset = () => {
    uploadRef.current?.abort();
    uploadRef.current = null;
    setJob(null);
    setPercent(0);
    setPhase("choose");
  };

  const chooseKind = (k: ImportKind) => {
    const next = new URLSearchParams(params);
    next.set("kind", k);
    setParams(next, { replace: true });
    reset();
  };

  const startUpload = (file: File) => {
    const name = file.name.toLowerCase();
    if (!name.endsWith(".xlsx") && !name.endsWith(".csv")) {
      message.error(t("import.wrongType"));
      return;
    }
    if (file.size > MAX_BYTES) {
      message.error(t("import.tooBig"));
      return;
    }
    const form = new FormData();
    form.append("kind", kind);
    form.append("file", file, file.name);
    setPercent(0);
    setJob(null);
    setPhase("uploading");
    const handle = uploadWithProgress<ImportJob>("/api/imports", form, setPercent);
    uploadRef.current = handle;
    handle.promise
      .then((result) => {
        setJob(result);
        setPhase("preview");
      })
      .catch((err: unknown) => {
        if (err instanceof DOMException && err.name === "AbortError") return;
        showError(err);
        setPhase("choose");
      })
      .finally(() => {
        if (uploadRef.current === handle) uploadRef.current = null;
      });
  };

  const commit = async () => {
    if (!job) return;
    setCommitting(true);
    try {
      const started = await http.post<ImportJob>(`/api/imports/${job.id}/commit`);
      setJob(started);
      queryClient.setQueryData(queryKeys.importJob(String(job.id)), started);
      setPhase(started.status === "done" || started.status === "failed" ? "finished" : "running");
    } catch (err) {
      showError(err);
    } finally {
      setCommitting(false);
    }
  };

  const kindLabel = kind === "units" ? t("import.kindUnits") : kind === "indicators" ? t("import.kindIndicators") : t("import.kindPeople");
  const hasErrors = (job?.errors.length ?? 0) > 0;
  const stepIndex = phase === "choose" || phase === "uploading" ? 0 : phase === "preview" ? 1 : 2;

  return (
    <>
      <PageTitle title={t("import.title")} description={t("import.intro")} />
      <Steps
        current={stepIndex}
        size="small"
        style={{ marginBottom: 16 }}
        items={[{ title: t("import.stepUpload") }, { title: t("import.stepCheck") }, { title: t("import.stepImport") }]}
      />

      <Card style={{ marginBottom: 16 }}>
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          <div>
            <Typography.Text strong id="import-kind-label" style={{ display: "block", marginBottom: 8 }}>
              {t("import.kind")}
            </Typography.Text>
            <Radio.Group
              aria-labelledby="import-kind-label"
              value={kind}
              onChange={(e) => chooseKind(e.target.value as ImportKind)}
              disabled={phase === "uploading" || phase === "running"}
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: "units", label: t("import.kindUnits"), disabled: !allowedKinds.includes("units") },
                { value: "people", label: t("import.kindPeople"), disabled: !allowedKinds.includes("people") },
                { value: "indicators", label: t("import.kindIndicators"), disabled: !allowedKinds.includes("indicators") },
              ]}
            />
          </div>
          <div>
            <Button icon={<DownloadOutlined />} href={`/api/import/template/${kind}`} download>
              {t("import.downloadTemplate", { kind: kindLabel.toLowerCase() })}
            </Button>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {kind === "units" ? t("import.columnsUnits") : kind === "indicators" ? t("import.columnsIndicators") : t("import.columnsPeople")}
            </Typography.Paragraph>
          </div>
        </Space>
      </Card>

      {phase === "choose" || phase === "uploading" ? (
        <Card title={t("import.stepUpload")}>
          <Upload.Dragger
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            disabled={phase === "uploading"}
            beforeUpload={(file) => {
              startUpload(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t("import.dropHere")}</p>
            <p className="ant-upload-hint">{t("import.dropHint")}</p>
          </Upload.Dragger>
          {phase === "uploading" ? (
            <div style={{ marginTop: 16 }}>
              <Typography.Text>{t("import.uploading")}</Typography.Text>
              <Progress percent={percent} status="active" aria-label={t("import.uploadProgress")} data-testid="upload-progress" />
              <Button onClick={reset}>{t("import.cancelUpload")}</Button>
            </div>
          ) : null}
        </Card>
      ) : null}

      {phase === "preview" && job ? (
        <Card
          title={t("import.previewTitle", { file: job.fileName })}
          extra={
            <Button icon={<ReloadOutlined />} onClick={reset}>
              {t("import.uploadAnother")}
            </Button>
          }
        >
          <Space orientation="vertical" size={16} style={{ width: "100%" }}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 3 }}
              items={[
                { key: "kind", label: t("import.kind"), children: kindLabel },
                { key: "rows", label: t("import.totalRows"), children: formatNumber(job.totalRows) },
                { key: "errors", label: t("import.errorCount"), children: formatNumber(job.errors.length) },
              ]}
            />
            {hasErrors ? (
              <Alert
                type="error"
                showIcon
                title={t("import.hasErrors", { count: job.errors.length })}
                description={
                  <div>
                    <Typography.Paragraph style={{ marginBottom: 8 }}>{t("import.fixAndRetry")}</Typography.Paragraph>
                    <ErrorsTable errors={job.errors} />
                  </div>
                }
              />
            ) : (
              <Alert type="success" showIcon title={t("import.noErrors", { count: job.totalRows })} />
            )}
            {job.preview.length > 0 ? (
              <>
                <Typography.Text strong>
                  {t("import.previewRows", { count: Math.min(job.preview.length, job.totalRows || job.preview.length) })}
                </Typography.Text>
                <PreviewTable kind={job.kind as ImportKind} rows={job.preview} />
              </>
            ) : null}
            <Space wrap>
              <Button type="primary" size="large" disabled={hasErrors || job.totalRows === 0} loading={committing} onClick={() => void commit()}>
                {hasErrors ? t("import.commitDisabled") : t("import.commit", { count: job.totalRows })}
              </Button>
              <Button onClick={reset}>{t("common.cancel")}</Button>
            </Space>
          </Space>
        </Card>
      ) : null}

      {phase === "running" && current ? (
        <Card title={t("import.runningTitle")}>
          <Typography.Paragraph>{t("import.runningText")}</Typography.Paragraph>
          <Progress
            percent={current.totalRows > 0 ? Math.floor((current.processedRows / current.totalRows) * 100) : 0}
            status="active"
            aria-label={t("import.importProgress")}
            data-testid="import-progress"
          />
          <Typography.Text type="secondary">{t("import.processed", { done: current.processedRows, total: current.totalRows })}</Typography.Text>
        </Card>
      ) : null}

      {phase === "finished" && current ? (
        current.status === "done" ? (
          <Result
            status="success"
            icon={<CheckCircleOutlined />}
            title={t("import.doneTitle")}
            subTitle={
              <span data-testid="import-result">{t("import.doneText", { created: current.result?.created ?? 0, updated: current.result?.updated ?? 0 })}</span>
            }
            extra={[
              <Button key="again" type="primary" onClick={reset}>
                {t("import.importAnother")}
              </Button>,
              <Button key="open" onClick={() => navigate(kind === "units" ? paths.units : kind === "indicators" ? paths.movements : paths.people)}>
                {kind === "units" ? t("import.openUnits") : kind === "indicators" ? t("import.openMovements") : t("import.openPeople")}
              </Button>,
            ]}
          />
        ) : (
          <Result
            status="error"
            title={t("import.failedTitle")}
            subTitle={t("import.failedText")}
            extra={[
              <Button key="again" type="primary" onClick={reset}>
                {t("import.uploadAnother")}
              </Button>,
            ]}
          >
            {current.errors.length > 0 ? <ErrorsTable errors={current.errors} /> : null}
          </Result>
        )
      ) : null}
    </>
  );
}
