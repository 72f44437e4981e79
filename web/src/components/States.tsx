// Shared empty, error and permission states, plus the page title block.
import { Button, Result, Typography } from "antd";
import type { ReactNode } from "react";
import { useNavigate } from "react-router-dom";
import { isApiError } from "../api/client";
import { t } from "../i18n";

export function Forbidden() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t("state.forbiddenTitle")}
      subTitle={t("state.forbiddenText")}
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          {t("state.backHome")}
        </Button>
      }
    />
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const text = isApiError(error) || error instanceof Error ? error.message : t("error.unexpected");
  return (
    <Result
      status="warning"
      title={t("state.errorTitle")}
      subTitle={text}
      extra={onRetry ? <Button onClick={onRetry}>{t("common.retry")}</Button> : undefined}
    />
  );
}

export function PageTitle({ title, extra, description }: { title: string; extra?: ReactNode; description?: ReactNode }) {
  return (
    <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", justifyContent: "space-between", marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {description ? <Typography.Text type="secondary">{description}</Typography.Text> : null}
      </div>
      {extra ? <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>{extra}</div> : null}
    </div>
  );
}
