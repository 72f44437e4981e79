import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router-dom";
import { http, isApiError, rememberCsrfToken } from "../api/client";
import { queryKeys, useMe } from "../api/queries";
import type { Me } from "../api/types";
import { Logo } from "../components/Logo";
import { t } from "../i18n";

interface LoginForm {
  username: string;
  password: string;
}

/** Only same-app paths are followed after sign-in. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/api") ? next : "/";
}

export default function LoginPage() {
  const [form] = Form.useForm<LoginForm>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (me) return <Navigate to={safeNext(params.get("next"))} replace />;

  const onFinish = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      const { user } = await http.post<{ user: Me }>("/api/auth/login", {
        username: values.username.trim(),
        password: values.password,
      });
      rememberCsrfToken(user.csrfToken);
      queryClient.setQueryData(queryKeys.me, user);
      navigate(safeNext(params.get("next")), { replace: true });
    } catch (err) {
      setError(isApiError(err) || err instanceof Error ? err.message : t("error.unexpected"));
      form.setFieldValue("password", "");
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <main
      style={{
        minHeight: "100vh",
        display: "grid",
        placeItems: "center",
        padding: 16,
        background: "linear-gradient(160deg, #fff5f5 0%, #f5f5f5 60%)",
      }}
    >
      <Card style={{ width: "100%", maxWidth: 400 }}>
        <div style={{ textAlign: "center", marginBottom: 24 }}>
          <div style={{ display: "flex", justifyContent: "center", marginBottom: 12 }}>
            <Logo size={56} />
          </div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t("login.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("app.tagline")}</Typography.Text>
        </div>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" data-testid="login-error" /> : null}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
          <Form.Item label={t("login.username")} name="username" rules={[{ required: true, whitespace: true, message: t("login.usernameRequired") }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label={t("login.password")} name="password" rules={[{ required: true, message: t("login.passwordRequired") }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            {t("login.submit")}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
