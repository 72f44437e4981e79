// The signed-in user's second factor: enrol (QR code drawn in the browser, secret text, first code), recovery codes
// shown once, renew them, or turn the factor off with a code.
import { SafetyOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, List, QRCode, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { http } from "../api/client";
import { queryKeys } from "../api/queries";
import type { Me } from "../api/types";
import { useApiError } from "../api/useApiError";
import { ErrorState, PageTitle } from "../components/States";
import { t } from "../i18n";

type Status = Me["secondFactor"];
const statusKey = ["second-factor"] as const;
const codeRules = [{ required: true, whitespace: true, message: t("security.codeRequired") }];

/** The secret in groups of four, as people copy it into an app by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, "$1 ");

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <Card title={t("security.codes")} style={{ maxWidth: 560 }} data-testid="recovery-codes">
      <Alert type="warning" showIcon title={t("security.codesNote")} style={{ marginBottom: 16 }} />
      <List
        grid={{ column: 2 }}
        dataSource={codes}
        renderItem={(c) => (
          <List.Item>
            <Typography.Text code copyable>
              {c}
            </Typography.Text>
          </List.Item>
        )}
      />
      <Button type="primary" onClick={onDone}>
        {t("security.codesDone")}
      </Button>
    </Card>
  );
}

/** A one-field form that sends a code to `path`. */
function CodeForm(props: { name: string; help: string; submit: string; danger?: boolean; onSubmit: (code: string) => Promise<void> }) {
  const [form] = Form.useForm<{ code: string }>();
  const showError = useApiError();
  const [busy, setBusy] = useState(false);
  return (
    <Form
      form={form}
      name={props.name}
      layout="vertical"
      onFinish={async ({ code }) => {
        setBusy(true);
        try {
          await props.onSubmit(code.trim());
          form.resetFields();
        } catch (err) {
          form.setFieldValue("code", "");
          showError(err, { form });
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form.Item label={t("security.code")} name="code" rules={codeRules} extra={props.help}>
        <Input autoComplete="one-time-code" maxLength={40} style={{ maxWidth: 240 }} />
      </Form.Item>
      <Button htmlType="submit" danger={props.danger} loading={busy}>
        {props.submit}
      </Button>
    </Form>
  );
}

export default function SecurityPage() {
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [starting, setStarting] = useState(false);
  const {
    data: status,
    isPending,
    isError,
    error,
    refetch,
  } = useQuery({
    queryKey: statusKey,
    queryFn: () => http.get<Status>("/api/auth/second-factor"),
  });

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: statusKey });
    void queryClient.invalidateQueries({ queryKey: queryKeys.me });
  };

  const start = async () => {
    setStarting(true);
    try {
      setSetup(await http.post<{ secret: string; uri: string }>("/api/auth/second-factor/setup"));
    } catch (err) {
      showError(err);
    } finally {
      setStarting(false);
    }
  };

  if (isError) return <ErrorState error={error} onRetry={() => void refetch()} />;

  return (
    <>
      <PageTitle title={t("security.title")} />
      <Space orientation="vertical" size="large" style={{ width: "100%" }}>
        <Typography.Paragraph style={{ maxWidth: 720 }}>{t("security.intro")}</Typography.Paragraph>
        {codes ? (
          <RecoveryCodes
            codes={codes}
            onDone={() => {
              setCodes(null);
              refresh();
            }}
          />
        ) : null}
        {/* While the recovery codes are on screen, nothing else competes with them. */}
        {codes || isPending || !status ? null : !status.offered ? (
          <Alert type="info" showIcon title={t("security.notOffered")} />
        ) : status.enabled ? (
          <Card style={{ maxWidth: 560 }}>
            <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
              <div>
                <Tag color="green" icon={<SafetyOutlined />} data-testid="second-factor-status">
                  {t("security.enabled")}
                </Tag>
                <Typography.Text type="secondary">{t("security.recoveryLeft", { count: status.recoveryCodesLeft })}</Typography.Text>
              </div>
              <Typography.Title level={5}>{t("security.renew")}</Typography.Title>
              <CodeForm
                name="renew-codes"
                help={t("security.renewHelp")}
                submit={t("security.renew")}
                onSubmit={async (code) => {
                  const res = await http.post<{ recoveryCodes: string[] }>("/api/auth/second-factor/recovery-codes", { code });
                  setCodes(res.recoveryCodes);
                  refresh();
                }}
              />
              <Typography.Title level={5}>{t("security.disable")}</Typography.Title>
              <CodeForm
                name="disable-second-factor"
                help={t("security.disableHelp")}
                submit={t("security.disable")}
                danger
                onSubmit={async (code) => {
                  await http.post<void>("/api/auth/second-factor/disable", { code });
                  message.success(t("security.turnedOff"));
                  refresh();
                }}
              />
            </Space>
          </Card>
        ) : setup ? (
          <Card style={{ maxWidth: 560 }}>
            <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
              <Typography.Text strong>{t("security.scan")}</Typography.Text>
              <QRCode value={setup.uri} size={200} bordered={false} />
              <div>
                <Typography.Text type="secondary">{t("security.secret")}: </Typography.Text>
                <Typography.Text code copyable={{ text: setup.secret }} data-testid="totp-secret">
                  {grouped(setup.secret)}
                </Typography.Text>
              </div>
              <Alert type="warning" showIcon title={t("security.secretNote")} />
              <Typography.Text strong>{t("security.confirm")}</Typography.Text>
              <CodeForm
                name="confirm-second-factor"
                help={t("security.codeFormat")}
                submit={t("security.confirmOk")}
                onSubmit={async (code) => {
                  const res = await http.post<{ recoveryCodes: string[] }>("/api/auth/second-factor/confirm", { code });
                  message.success(t("security.turnedOn"));
                  setSetup(null);
                  setCodes(res.recoveryCodes);
                  refresh();
                }}
              />
            </Space>
          </Card>
        ) : (
          <Card style={{ maxWidth: 560 }}>
            <Space orientation="vertical" size="middle">
              <Tag data-testid="second-factor-status">{t("security.disabled")}</Tag>
              <Button type="primary" icon={<SafetyOutlined />} loading={starting} onClick={() => void start()}>
                {t("security.start")}
              </Button>
            </Space>
          </Card>
        )}
      </Space>
    </>
  );
}
