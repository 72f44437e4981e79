// Administrators: the backups kept in the file store (daily and taken by hand), the last one's time and size, one now.
import { SaveOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Table, Tag, Typography } from "antd";
import { apiUrl, http } from "../api/client";
import { useApiError } from "../api/useApiError";
import { fileSize, formatDateTime } from "../format";
import { t } from "../i18n";
import { DownloadButton } from "./plan/DownloadButton";

interface BackupItem {
  id: number;
  at: string;
  trigger: "scheduled" | "manual";
  ok: boolean;
  bytes: number | null;
  error: string | null;
  fileName: string | null;
}

interface BackupList {
  items: BackupItem[];
  status: { lastAt: string | null; lastBytes: number | null; lastError: { at: string; message: string } | null };
}

const size = (bytes: number | null) => (bytes === null ? "" : fileSize(bytes));

export function BackupsCard() {
  const showError = useApiError();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ["system", "backups"], queryFn: () => http.get<BackupList>("/api/system/backups") });
  const take = useMutation({
    mutationFn: () => http.post<BackupItem>("/api/system/backups"),
    onSuccess: () => client.invalidateQueries({ queryKey: ["system", "backups"] }),
    onError: showError,
  });
  const status = list.data?.status;
  return (
    <Card
      title={t("backup.title")}
      style={{ marginBottom: 16 }}
      data-testid="backups-card"
      extra={
        <Button icon={<SaveOutlined />} loading={take.isPending} onClick={() => take.mutate()}>
          {t("backup.takeNow")}
        </Button>
      }
    >
      <Typography.Paragraph data-testid="backup-last">
        {status?.lastAt ? t("backup.last", { at: formatDateTime(status.lastAt), size: size(status.lastBytes) }) : t("backup.none")}
      </Typography.Paragraph>
      {status?.lastError ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("backup.failed", { at: formatDateTime(status.lastError.at) })}
          description={status.lastError.message}
        />
      ) : null}
      <Typography.Paragraph type="secondary">{t("backup.hint")}</Typography.Paragraph>
      <Table<BackupItem>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t("backup.none") }}
        columns={[
          { title: t("backup.at"), dataIndex: "at", render: (v: string) => formatDateTime(v) },
          {
            title: t("backup.trigger"),
            dataIndex: "trigger",
            render: (v: BackupItem["trigger"]) => (v === "scheduled" ? t("backup.scheduled") : t("backup.manual")),
          },
          { title: t("backup.size"), dataIndex: "bytes", render: (v: number | null) => size(v) },
          {
            title: t("common.actions"),
            render: (_: unknown, b: BackupItem) =>
              b.ok && b.fileName ? (
                <DownloadButton href={apiUrl(`/api/system/backups/${b.id}/download`)} fileName={b.fileName}>
                  {t("backup.download")}
                </DownloadButton>
              ) : (
                <Tag color="red">{t("backup.failedTag")}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
