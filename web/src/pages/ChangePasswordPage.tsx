import { App, Button, Card, Form, Input } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { http } from "../api/client";
import { useApiError } from "../api/useApiError";
import { confirmPasswordRules, newPasswordRules } from "../components/passwordRules";
import { PageTitle } from "../components/States";
import { t } from "../i18n";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePasswordPage() {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const showError = useApiError();
  const navigate = useNavigate();
  const [saving, setSaving] = useState(false);

  const onFinish = async (values: Values) => {
    setSaving(true);
    try {
      await http.post<void>("/api/auth/change-password", {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      form.resetFields();
      message.success(t("password.changed"));
      navigate("/");
    } catch (err) {
      showError(err, { form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageTitle title={t("password.title")} />
      <Card style={{ maxWidth: 480 }}>
        <Form form={form} layout="vertical" name="change-password" onFinish={onFinish}>
          <Form.Item label={t("password.current")} name="currentPassword" rules={[{ required: true, message: t("password.currentRequired") }]}>
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            label={t("password.new")}
            name="newPassword"
            extra={t("password.rule")}
            dependencies={["currentPassword"]}
            rules={[
              ...newPasswordRules,
              ({ getFieldValue }) => ({
                validator: (_r, v: string | undefined) =>
                  !v || v !== getFieldValue("currentPassword") ? Promise.resolve() : Promise.reject(new Error(t("password.sameAsOld"))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item label={t("password.confirm")} name="confirm" dependencies={["newPassword"]} rules={confirmPasswordRules("newPassword")}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t("password.submit")}
          </Button>
        </Form>
      </Card>
    </>
  );
}
