import { LockOutlined, SafetyOutlined, UserOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router-dom";
import { http, isApiError, rememberCsrfToken } from "../api/client";
import { queryKeys, useMe } from "../api/queries";
import type { Me } from "../api/types";
import { Logo } from "../components/Logo";
import { t } from "../i18n";
import { paths } from "../navigation";

interface LoginForm {
  username: string;
  password: string;
}

/** What the server answers to either step: a session (with the user), or a request for the second factor. */
type SignIn = { user: Me; passwordNeedsChange: boolean } | { secondFactor: { challenge: string; expiresAt: string } };

/** Only same-app paths are followed after sign-in. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/api") ? next : "/";
}

export default function LoginPage() {
  const [form] = Form.useForm<LoginForm>();
  const [codeForm] = Form.useForm<{ code: string }>();
  const { message } = App.useApp();
  const [challenge, setChallenge] = useState<string | null>(null);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (me) return <Navigate to={safeNext(params.get("next"))} replace />;

  const signedIn = (result: SignIn) => {
    if ("secondFactor" in result) {
      setChallenge(result.secondFactor.challenge);
      return;
    }
    rememberCsrfToken(result.user.csrfToken);
    queryClient.setQueryData(queryKeys.me, result.user);
    if (result.passwordNeedsChange) {
      // An old password that falls short of today's rules still signs in; its owner is asked to change it.
      message.warning(t("password.weakNotice"), 8);
      navigate(paths.changePassword, { replace: true });
      return;
    }
    navigate(safeNext(params.get("next")), { replace: true });
  };

  const onFinish = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      signedIn(await http.post<SignIn>("/api/auth/login", { username: values.username.trim(), password: values.password }));
    } catch (err) {
      setError(isApiError(err) || err instanceof Error ? err.message : t("error.unexpected"));
      form.setFieldValue("password", "");
    } finally {
      setSubmitting(false);
    }
  };

  const restart = () => {
    setChallenge(null);
    codeForm.resetFields();
    form.setFieldValue("password", "");
  };

  const onCode = async (values: { code: string }) => {
    setSubmitting(true);
    setError(null);
    try {
      signedIn(await http.post<SignIn>("/api/auth/login/second-factor", { challenge, code: values.code.trim() }));
    } catch (err) {
      setError(isApiError(err) || err instanceof Error ? err.message : t("error.unexpected"));
      codeForm.setFieldValue("code", "");
      // An expired challenge, or one with too many wrong codes, means starting over with the password.
      if (isApiError(err) && err.code === "CHALLENGE_EXPIRED") restart();
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
            {challenge ? t("login.codeTitle") : t("login.title")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("app.tagline")}</Typography.Text>
        </div>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" data-testid="login-error" /> : null}
        {challenge ? (
          <Form form={codeForm} layout="vertical" onFinish={onCode} requiredMark={false} name="second-factor">
            <Typography.Paragraph type="secondary">{t("login.codeHelp")}</Typography.Paragraph>
            <Form.Item label={t("login.code")} name="code" rules={[{ required: true, whitespace: true, message: t("login.codeRequired") }]}>
              <Input prefix={<SafetyOutlined />} autoComplete="one-time-code" inputMode="text" autoFocus size="large" maxLength={40} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
              {t("login.codeSubmit")}
            </Button>
            <Button type="link" block onClick={restart} style={{ marginTop: 8 }}>
              {t("login.codeBack")}
            </Button>
          </Form>
        ) : null}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on" hidden={!!challenge}>
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
