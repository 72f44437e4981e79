// "Báo cáo định kỳ": each report milestone with its due day and state; a report is a file uploaded (with
// progress) and then submitted for the milestone. A resubmission replaces the file and keeps the first time.
import { useQueryClient } from "@tanstack/react-query";
import { App, Empty, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { http } from "../../api/client";
import { useApiError } from "../../api/useApiError";
import { movementKeys } from "../../components/movement/api";
import { FileUploadButton, StepTag } from "../../components/movement/parts";
import type { ParticipantDetail, ReportStatus, StoredFile } from "../../components/movement/types";
import { formatDate, formatDateTime } from "../../format";
import { t } from "../../i18n";

export function ReportsTab({ participant, canEdit }: { participant: ParticipantDetail; canEdit: boolean }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [sent, setSent] = useState<Record<string, StoredFile>>({});

  const submit = async (r: ReportStatus, file: StoredFile) => {
    try {
      const res = await http.post<{ late: boolean }>(`/api/participants/${participant.id}/reports/${r.milestoneId}`, { fileId: file.id });
      setSent((prev) => ({ ...prev, [r.milestoneId]: file }));
      if (res.late) message.warning(t("mv.rep.sentLate", { label: r.label }));
      else message.success(t("mv.rep.sent", { label: r.label }));
      await queryClient.invalidateQueries({ queryKey: movementKeys.participant(participant.id) });
    } catch (err) {
      showError(err);
    }
  };

  if (participant.reports.length === 0) return <Empty description={t("mv.rep.none")} />;
  const columns: ColumnsType<ReportStatus> = [
    { title: t("mv.rep.label"), dataIndex: "label" },
    { title: t("mv.rep.due"), dataIndex: "due", width: 120, render: (v: string) => formatDate(v) },
    { title: t("mv.mon.state"), key: "state", width: 170, render: (_: unknown, r) => <StepTag state={r.state} /> },
    {
      title: t("mv.rep.submittedAt"),
      key: "submittedAt",
      width: 200,
      render: (_: unknown, r) => (
        <div>
          {r.submittedAt ? formatDateTime(r.submittedAt) : "—"}
          {sent[r.milestoneId] ? (
            <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
              {t("mv.rep.file", { name: sent[r.milestoneId].name })}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    ...(canEdit
      ? [
          {
            title: t("common.actions"),
            key: "send",
            width: 220,
            render: (_: unknown, r: ReportStatus) => (
              <FileUploadButton
                unitId={participant.unitId}
                label={r.submittedAt ? t("mv.rep.resend") : t("mv.rep.send")}
                onUploaded={(f) => void submit(r, f)}
                testId={`report-upload-${r.milestoneId}`}
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t("mv.rep.help")}</Typography.Paragraph>
      <Table<ReportStatus>
        rowKey="milestoneId"
        size="middle"
        dataSource={participant.reports}
        columns={columns}
        pagination={false}
        scroll={{ x: 760 }}
        data-testid="reports-table"
      />
    </>
  );
}
