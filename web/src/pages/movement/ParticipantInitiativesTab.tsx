// "Sáng kiến": the participant's initiatives with their review, and submitting a new one with files.
import { SendOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Form, Input, List, Space, Typography } from "antd";
import { useState } from "react";
import { http } from "../../api/client";
import type { ItemList } from "../../api/types";
import { useApiError } from "../../api/useApiError";
import { movementKeys } from "../../components/movement/api";
import { FileLink, FileUploadButton } from "../../components/movement/parts";
import type { Initiative, ParticipantDetail, StoredFile } from "../../components/movement/types";
import { ErrorState } from "../../components/States";
import { formatDate } from "../../format";
import { t } from "../../i18n";
import { InitiativeDetails, InitiativeStatus } from "./office/InitiativesReviewTab";

export function ParticipantInitiativesTab({ participant, canEdit, active }: { participant: ParticipantDetail; canEdit: boolean; active: boolean }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ title: string; description?: string }>();
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [saving, setSaving] = useState(false);
  const { data, isPending, isError, error, refetch } = useQuery({
    queryKey: movementKeys.participantInitiatives(participant.id),
    queryFn: () => http.get<ItemList<Initiative>>(`/api/participants/${participant.id}/initiatives`).then((r) => r.items),
    enabled: active,
  });

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await http.post(`/api/participants/${participant.id}/initiatives`, {
        title: v.title.trim(),
        description: v.description?.trim() || undefined,
        fileIds: files.map((f) => f.id),
      });
      message.success(t("mv.ini.submitted"));
      form.resetFields();
      setFiles([]);
      await queryClient.invalidateQueries({ queryKey: movementKeys.participantInitiatives(participant.id) });
    } catch (err) {
      showError(err, { form });
    } finally {
      setSaving(false);
    }
  };

  if (isError) return <ErrorState error={error} onRetry={() => void refetch()} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <List
        loading={isPending && active}
        dataSource={data ?? []}
        locale={{ emptyText: t("mv.ini.none") }}
        bordered
        data-testid="participant-initiatives"
        renderItem={(i) => (
          <List.Item>
            <div style={{ display: "flex", flexWrap: "wrap", gap: 12, justifyContent: "space-between", width: "100%" }}>
              <div style={{ flex: "1 1 320px", minWidth: 0 }}>
                <InitiativeDetails i={i} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t("mv.ini.sentOn", { date: formatDate(i.createdAt) })}
                </Typography.Text>
              </div>
              <InitiativeStatus i={i} />
            </div>
          </List.Item>
        )}
      />
      {canEdit ? (
        <Card size="small" title={t("mv.ini.new")}>
          <Form form={form} layout="vertical" name="initiative-form">
            <Form.Item
              label={t("mv.ini.newTitle")}
              name="title"
              rules={[{ required: true, whitespace: true, message: t("mv.ini.titleRequired") }, { max: 300 }]}
            >
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item label={t("mv.ini.description")} name="description">
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10000} />
            </Form.Item>
            <Form.Item label={t("mv.ini.files")} help={t("mv.file.accepted")}>
              <Space orientation="vertical" size={4} style={{ width: "100%" }}>
                {files.map((f) => (
                  <FileLink key={f.id} file={f} onRemove={() => setFiles((prev) => prev.filter((x) => x.id !== f.id))} />
                ))}
                <FileUploadButton unitId={participant.unitId} onUploaded={(f) => setFiles((prev) => [...prev, f])} testId="initiative-upload" />
              </Space>
            </Form.Item>
          </Form>
          <Button type="primary" icon={<SendOutlined />} loading={saving} onClick={() => void submit().catch(() => undefined)}>
            {t("mv.ini.send")}
          </Button>
        </Card>
      ) : null}
    </Space>
  );
}
