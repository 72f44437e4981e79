// Dialogs of the accounts page: create, edit name, add role, reset password.
import { Alert, Form, type FormInstance, Input, Modal, Select, Typography } from "antd";
import { useState } from "react";
import { http } from "../../api/client";
import { useCatalog } from "../../api/queries";
import type { Id, User } from "../../api/types";
import { useApiError } from "../../api/useApiError";
import { confirmPasswordRules, newPasswordRules } from "../../components/passwordRules";
import { UnitTreeSelect } from "../../components/UnitTreeSelect";
import { t } from "../../i18n";

interface ModalProps {
  onClose: () => void;
  onSaved: (user: User | null) => void;
  onConflict?: () => void;
}

function useSubmit<T>(form: FormInstance<T>, run: (values: T) => Promise<User | null>, props: ModalProps) {
  const showError = useApiError();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      props.onSaved(await run(values));
    } catch (err) {
      showError(err, {
        form,
        onConflict: () => {
          props.onConflict?.();
          props.onClose();
        },
      });
    } finally {
      setSaving(false);
    }
  };
  return { saving, submit: () => void submit().catch(() => undefined) };
}

interface CreateValues {
  username: string;
  fullName: string;
  password: string;
  confirm: string;
}

export function CreateUserModal(props: ModalProps) {
  const [form] = Form.useForm<CreateValues>();
  const { saving, submit } = useSubmit(
    form,
    (v) => http.post<User>("/api/users", { username: v.username.trim(), fullName: v.fullName.trim(), password: v.password }),
    props,
  );
  return (
    <Modal
      open
      title={t("users.createTitle")}
      okText={t("users.create")}
      cancelText={t("common.cancel")}
      onOk={submit}
      onCancel={props.onClose}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form form={form} layout="vertical" name="user-create" autoComplete="off">
        <Form.Item
          label={t("users.username")}
          name="username"
          extra={t("users.usernameHelp")}
          rules={[
            { required: true, whitespace: true, message: t("users.usernameRequired") },
            { pattern: /^[a-zA-Z0-9._-]{3,40}$/, message: t("users.usernameInvalid") },
          ]}
        >
          <Input autoFocus autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item
          label={t("users.fullName")}
          name="fullName"
          rules={[{ required: true, whitespace: true, message: t("users.fullNameRequired") }, { max: 120 }]}
        >
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item label={t("users.password")} name="password" rules={newPasswordRules} extra={t("password.rule")}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label={t("users.passwordConfirm")} name="confirm" dependencies={["password"]} rules={confirmPasswordRules("password")}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function EditUserModal({ user, ...props }: ModalProps & { user: User }) {
  const [form] = Form.useForm<{ fullName: string }>();
  const { saving, submit } = useSubmit(form, (v) => http.patch<User>(`/api/users/${user.id}`, { version: user.version, fullName: v.fullName.trim() }), props);
  return (
    <Modal
      open
      title={t("users.editTitle", { username: user.username })}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onOk={submit}
      onCancel={props.onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="user-edit" initialValues={{ fullName: user.fullName }}>
        <Form.Item
          label={t("users.fullName")}
          name="fullName"
          rules={[{ required: true, whitespace: true, message: t("users.fullNameRequired") }, { max: 120 }]}
        >
          <Input autoFocus maxLength={120} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AddRoleModal({ user, ...props }: ModalProps & { user: User }) {
  const [form] = Form.useForm<{ role: string; unitId?: Id | null }>();
  const { data: catalog } = useCatalog();
  const role = Form.useWatch("role", form);
  const needsUnit = !!role && role !== "admin";
  const { saving, submit } = useSubmit(
    form,
    (v) => http.post<User>(`/api/users/${user.id}/roles`, { role: v.role, unitId: v.role === "admin" ? null : (v.unitId ?? null) }),
    props,
  );
  const description = catalog?.roles.find((r) => r.value === role)?.description;
  return (
    <Modal
      open
      title={t("users.addRoleTitle", { name: user.fullName })}
      okText={t("users.addRoleOk")}
      cancelText={t("common.cancel")}
      onOk={submit}
      onCancel={props.onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="user-add-role">
        <Form.Item label={t("users.role")} name="role" rules={[{ required: true, message: t("users.roleRequired") }]}>
          <Select
            options={(catalog?.roles ?? []).map((r) => ({ value: r.value, label: r.label }))}
            loading={!catalog}
            placeholder={t("users.rolePlaceholder")}
            onChange={(v) => {
              if (v === "admin") form.setFieldValue("unitId", null);
            }}
          />
        </Form.Item>
        {description ? <Alert type="info" showIcon title={description} style={{ marginBottom: 16 }} /> : null}
        {needsUnit ? (
          <Form.Item
            label={t("users.roleUnit")}
            name="unitId"
            extra={t("users.roleUnitHelp")}
            rules={[{ required: true, message: t("users.roleUnitRequired") }]}
          >
            <UnitTreeSelect />
          </Form.Item>
        ) : role === "admin" ? (
          <Typography.Paragraph type="secondary">{t("users.adminNoUnit")}</Typography.Paragraph>
        ) : null}
      </Form>
    </Modal>
  );
}

export function ResetPasswordModal({ user, ...props }: ModalProps & { user: User }) {
  const [form] = Form.useForm<{ newPassword: string; confirm: string }>();
  const { saving, submit } = useSubmit(
    form,
    async (v) => {
      await http.post<void>(`/api/users/${user.id}/reset-password`, { newPassword: v.newPassword });
      return null;
    },
    props,
  );
  return (
    <Modal
      open
      title={t("users.resetTitle", { username: user.username })}
      okText={t("users.resetOk")}
      cancelText={t("common.cancel")}
      onOk={submit}
      onCancel={props.onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="user-reset-password" autoComplete="off">
        <Form.Item label={t("password.new")} name="newPassword" rules={newPasswordRules} extra={t("password.rule")}>
          <Input.Password autoFocus autoComplete="new-password" />
        </Form.Item>
        <Form.Item label={t("password.confirm")} name="confirm" dependencies={["newPassword"]} rules={confirmPasswordRules("newPassword")}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
