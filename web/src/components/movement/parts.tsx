// Small building blocks of the movement screens: state tags, file uploads with progress, file links, fact inputs.
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Progress, Radio, Select, Space, Tag, Tooltip, Typography, Upload } from "antd";
import { useEffect, useRef, useState } from "react";
import { statusLabel } from "../../../../src/domain/lifecycle";
import { assessmentLifecycle } from "../../../../src/domain/lifecycles/assessment";
import { type UploadHandle, uploadWithProgress } from "../../api/client";
import type { Id } from "../../api/types";
import { useApiError } from "../../api/useApiError";
import { formatDate, formatNumber } from "../../format";
import { type MessageKey, t } from "../../i18n";
import { downloadFile } from "../plan/DownloadButton";
import { DateField, Num } from "../plan/fields";
import type { FactValue, InputDef } from "../plan/model";
import { ACCEPTED_FILES, fileUrl } from "./api";
import type { AssessmentStatus, StepState, StoredFile } from "./types";

const STATE_COLOR: Record<StepState, string> = { on_time: "green", late: "orange", missing: "red", pending: "default" };

export function StepTag({ state, label }: { state: StepState; label?: string }) {
  return <Tag color={STATE_COLOR[state]}>{label ?? t(`mv.state.${state}` as MessageKey)}</Tag>;
}

const STATUS_COLOR: Record<AssessmentStatus, string> = { draft: "default", submitted: "blue", confirmed: "green" };

export function AssessmentTag({ status, label }: { status: AssessmentStatus; label?: string }) {
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="assessment-status">
      {label ?? statusLabel(assessmentLifecycle, status)}
    </Tag>
  );
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10)} KB`;
  return `${formatNumber(Math.round(bytes / 104857.6) / 10)} MB`;
}

/** A stored file as a link that downloads it (the server's refusal is shown, not saved as a file). */
export function FileLink({ file, onRemove, disabled }: { file: StoredFile; onRemove?: () => void; disabled?: boolean }) {
  const showError = useApiError();
  return (
    <Space size={4} wrap data-testid={`file-${file.id}`}>
      <PaperClipOutlined />
      <a
        href={fileUrl(file.id)}
        onClick={(e) => {
          e.preventDefault();
          downloadFile(fileUrl(file.id), file.name).catch((err) => showError(err));
        }}
      >
        {file.name}
      </a>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {file.kind} · {formatSize(file.size)}
      </Typography.Text>
      {onRemove && !disabled ? (
        <Tooltip title={t("mv.file.remove")}>
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t("mv.file.removeNamed", { name: file.name })} onClick={onRemove} />
        </Tooltip>
      ) : null}
    </Space>
  );
}

/**
 * "Tải tệp lên": sends one file to POST /api/files (multipart unitId + file) with a progress bar.
 * The server judges the type by content; its message ("Tệp … có nội dung … không phải …") is shown under the button.
 */
export function FileUploadButton({
  unitId,
  onUploaded,
  disabled,
  label,
  testId,
}: {
  unitId: Id;
  onUploaded: (file: StoredFile) => void;
  disabled?: boolean;
  label?: string;
  testId?: string;
}) {
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const handle = useRef<UploadHandle<StoredFile> | null>(null);
  useEffect(() => () => handle.current?.abort(), []);

  const start = (file: File) => {
    setError(null);
    if (file.size > 20 * 1024 * 1024) {
      setError(t("mv.file.tooLarge", { name: file.name }));
      return;
    }
    const form = new FormData();
    form.append("unitId", String(unitId));
    form.append("file", file, file.name);
    setPercent(0);
    const h = uploadWithProgress<StoredFile>("/api/files", form, setPercent);
    handle.current = h;
    h.promise
      .then((stored) => onUploaded(stored))
      .catch((err: unknown) => {
        if (err instanceof DOMException && err.name === "AbortError") return;
        setError(err instanceof Error ? err.message : t("error.unexpected"));
      })
      .finally(() => {
        if (handle.current === h) handle.current = null;
        setPercent(null);
      });
  };

  return (
    <div data-testid={testId}>
      <Upload
        accept={ACCEPTED_FILES}
        multiple={false}
        showUploadList={false}
        disabled={disabled || percent !== null}
        beforeUpload={(file) => {
          start(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<UploadOutlined />} disabled={disabled || percent !== null} size="small">
          {label ?? t("mv.file.upload")}
        </Button>
      </Upload>
      {percent !== null ? (
        <Space style={{ width: "100%" }}>
          <Progress percent={percent} size="small" status="active" style={{ width: 200, margin: 0 }} aria-label={t("mv.file.progress")} />
          <Button size="small" type="link" onClick={() => handle.current?.abort()}>
            {t("common.cancel")}
          </Button>
        </Space>
      ) : null}
      {error ? (
        <Typography.Text type="danger" style={{ display: "block", fontSize: 12 }} role="alert" data-testid="upload-error">
          {error}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/** A typed input for one fact (dữ kiện): number, percent, count, date, yes/no, or a choice. */
export function FactInput({
  def,
  value,
  onChange,
  id,
  disabled,
}: {
  def: InputDef;
  value: FactValue | undefined;
  onChange: (v: FactValue) => void;
  id?: string;
  disabled?: boolean;
}) {
  switch (def.type) {
    case "boolean":
      return (
        <Radio.Group
          id={id}
          value={value === true ? "yes" : value === false ? "no" : undefined}
          onChange={(e) => onChange(e.target.value === "yes")}
          disabled={disabled}
          optionType="button"
          options={[
            { value: "yes", label: t("common.yes") },
            { value: "no", label: t("common.no") },
          ]}
        />
      );
    case "date":
      return <DateField id={id} value={typeof value === "string" ? value : undefined} onChange={(v) => onChange(v ?? null)} disabled={disabled} />;
    case "choice":
      return (
        <Select
          id={id}
          value={typeof value === "string" ? value : undefined}
          onChange={(v) => onChange(v ?? null)}
          allowClear
          disabled={disabled}
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
          disabled={disabled}
        />
      );
  }
}

/** A fact value as text: "Có"/"Không", dd/mm/yyyy, 98,5 %, or "—". */
export function factText(def: InputDef | undefined, value: FactValue | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
  if (typeof value === "number") return `${formatNumber(value)}${def?.type === "percent" ? " %" : def?.unit ? ` ${def.unit}` : ""}`;
  if (def?.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return value;
}

/** Points of a criterion result: "8 / 10", Đạt / Không đạt, or "— / 10" while facts are missing. */
export function PointsText({ points, max, passed, notApplicable }: { points: number | null; max: number | null; passed?: boolean; notApplicable?: boolean }) {
  if (notApplicable && points === null) return <Tag>{t("plans.try.notApplicable")}</Tag>;
  if (max === null) {
    if (passed === true) return <Tag color="green">{t("plans.pass")}</Tag>;
    if (passed === false) return <Tag color="red">{t("plans.fail")}</Tag>;
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  if (points === null) return <Typography.Text type="secondary">{`— / ${formatNumber(max)}`}</Typography.Text>;
  return (
    <Typography.Text strong type={points < max ? "warning" : undefined}>
      {`${formatNumber(points)} / ${formatNumber(max)}`}
    </Typography.Text>
  );
}
