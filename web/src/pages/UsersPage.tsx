import {
  ClockCircleOutlined,
  CloseOutlined,
  EditOutlined,
  KeyOutlined,
  PlusOutlined,
  PoweroffOutlined,
  SafetyOutlined,
  UnlockOutlined,
  UserAddOutlined,
} from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Input, Popconfirm, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import { http } from "../api/client";
import { queryKeys, useMe } from "../api/queries";
import type { ItemList, RoleAssignment, User } from "../api/types";
import { useApiError } from "../api/useApiError";
import { ErrorState, PageTitle } from "../components/States";
import { compareVi, formatDateTime, formatNumber, includesVi } from "../format";
import { t } from "../i18n";
import { AddRoleModal, CreateUserModal, EditUserModal, ResetPasswordModal } from "./users/UserModals";

type Dialog = { kind: "create" } | { kind: "edit" | "addRole" | "reset"; user: User } | null;

/** Sign-ins for this account wait after wrong passwords from some address (never a lock; the wait ends by itself). */
function isWaiting(user: User): boolean {
  return !!user.signInWaitUntil && new Date(user.signInWaitUntil).getTime() > Date.now();
}

export default function UsersPage() {
  const { message } = App.useApp();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const showError = useApiError();
  const [search, setSearch] = useState("");
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { data, isPending, isError, error, refetch } = useQuery({
    queryKey: queryKeys.users,
    queryFn: () => http.get<ItemList<User>>("/api/users").then((r) => r.items),
  });

  const users = useMemo(() => {
    const list = (data ?? []).filter((u) => !search.trim() || includesVi(`${u.username} ${u.fullName}`, search));
    return [...list].sort((a, b) => compareVi(a.fullName, b.fullName) || compareVi(a.username, b.username));
  }, [data, search]);

  const reload = () => void queryClient.invalidateQueries({ queryKey: queryKeys.users });

  /** Runs one row action, replacing the cached user with the server's answer. */
  const act = async (key: string, run: () => Promise<User | null>, success: string) => {
    setBusy(key);
    try {
      const updated = await run();
      if (updated) {
        queryClient.setQueryData<User[]>(queryKeys.users, (old) => old?.map((u) => (u.id === updated.id ? updated : u)));
      }
      reload();
      message.success(success);
    } catch (err) {
      showError(err, { onConflict: reload });
    } finally {
      setBusy(null);
    }
  };

  const removeRole = (user: User, role: RoleAssignment) =>
    act(`role-${role.id}`, () => http.delete<User>(`/api/users/${user.id}/roles/${role.id}`), t("users.roleRemoved"));
  const unlock = (user: User) => act(`unlock-${user.id}`, () => http.post<User>(`/api/users/${user.id}/unlock`), t("users.unlocked"));
  const resetSecondFactor = (user: User) =>
    act(`totp-${user.id}`, () => http.delete<User>(`/api/users/${user.id}/second-factor`), t("users.secondFactorReset"));
  const setActive = (user: User, active: boolean) =>
    act(
      `active-${user.id}`,
      () => http.patch<User>(`/api/users/${user.id}`, { version: user.version, active }),
      active ? t("users.activated") : t("users.deactivated"),
    );

  const columns: ColumnsType<User> = [
    {
      title: t("users.username"),
      dataIndex: "username",
      width: 140,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: t("users.fullName"), dataIndex: "fullName", width: 180 },
    {
      title: t("users.roles"),
      key: "roles",
      width: 300,
      render: (_: unknown, u) =>
        u.roles.length === 0 ? (
          <Typography.Text type="secondary">{t("users.noRoles")}</Typography.Text>
        ) : (
          <Space orientation="vertical" size={4}>
            {u.roles.map((r) => {
              const text = r.unitName ? t("users.roleAt", { role: r.roleLabel, unit: r.unitName }) : r.roleLabel;
              return (
                <span key={r.id} style={{ display: "inline-flex", alignItems: "center", gap: 2 }}>
                  <Tag color={r.role === "admin" ? "red" : "blue"} style={{ marginInlineEnd: 0, whiteSpace: "normal" }}>
                    {text}
                  </Tag>
                  <Popconfirm
                    title={t("users.removeRoleConfirm", { role: text, name: u.fullName })}
                    okText={t("users.removeRole")}
                    okButtonProps={{ danger: true }}
                    cancelText={t("common.cancel")}
                    onConfirm={() => removeRole(u, r)}
                  >
                    <Button
                      type="text"
                      size="small"
                      icon={<CloseOutlined />}
                      loading={busy === `role-${r.id}`}
                      aria-label={t("users.removeRoleNamed", { role: text })}
                      title={t("users.removeRole")}
                    />
                  </Popconfirm>
                </span>
              );
            })}
          </Space>
        ),
    },
    {
      title: t("users.status"),
      key: "status",
      width: 170,
      render: (_: unknown, u) => (
        <Space orientation="vertical" size={2}>
          {u.active ? <Tag color="green">{t("users.active")}</Tag> : <Tag>{t("users.inactive")}</Tag>}
          {u.secondFactor ? (
            <Tag color="blue" icon={<SafetyOutlined />}>
              {t("users.secondFactor")}
            </Tag>
          ) : null}
          {isWaiting(u) ? (
            <Tag color="orange" icon={<ClockCircleOutlined />}>
              {t("users.signInWait", { at: formatDateTime(u.signInWaitUntil) })}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t("common.actions"),
      key: "actions",
      width: 270,
      render: (_: unknown, u) => {
        const self = me?.id === u.id;
        return (
          <Space size={4} wrap>
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ kind: "addRole", user: u })}
              aria-label={t("users.addRoleFor", { username: u.username })}
            >
              {t("users.addRole")}
            </Button>
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setDialog({ kind: "edit", user: u })}
              aria-label={t("users.editFor", { username: u.username })}
            >
              {t("common.edit")}
            </Button>
            <Button
              size="small"
              icon={<KeyOutlined />}
              onClick={() => setDialog({ kind: "reset", user: u })}
              aria-label={t("users.resetFor", { username: u.username })}
            >
              {t("users.resetPassword")}
            </Button>
            {u.secondFactor ? (
              <Popconfirm
                title={t("users.resetSecondFactorConfirm", { name: u.fullName })}
                okText={t("users.resetSecondFactor")}
                okButtonProps={{ danger: true }}
                cancelText={t("common.cancel")}
                onConfirm={() => resetSecondFactor(u)}
              >
                <Button
                  size="small"
                  icon={<SafetyOutlined />}
                  loading={busy === `totp-${u.id}`}
                  aria-label={t("users.resetSecondFactorFor", { username: u.username })}
                >
                  {t("users.resetSecondFactor")}
                </Button>
              </Popconfirm>
            ) : null}
            {isWaiting(u) ? (
              <Button
                size="small"
                icon={<UnlockOutlined />}
                loading={busy === `unlock-${u.id}`}
                onClick={() => void unlock(u)}
                aria-label={t("users.unlockFor", { username: u.username })}
              >
                {t("users.unlock")}
              </Button>
            ) : null}
            {u.active ? (
              <Tooltip title={self ? t("users.cannotDeactivateSelf") : undefined}>
                <Popconfirm
                  title={t("users.deactivateConfirm", { name: u.fullName })}
                  okText={t("users.deactivate")}
                  okButtonProps={{ danger: true }}
                  cancelText={t("common.cancel")}
                  onConfirm={() => setActive(u, false)}
                  disabled={self}
                >
                  <Button
                    size="small"
                    danger
                    icon={<PoweroffOutlined />}
                    disabled={self}
                    loading={busy === `active-${u.id}`}
                    aria-label={t("users.deactivateFor", { username: u.username })}
                  >
                    {t("users.deactivate")}
                  </Button>
                </Popconfirm>
              </Tooltip>
            ) : (
              <Button
                size="small"
                icon={<PoweroffOutlined />}
                loading={busy === `active-${u.id}`}
                onClick={() => void setActive(u, true)}
                aria-label={t("users.activateFor", { username: u.username })}
              >
                {t("users.activate")}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  const closeAnd = (text: string) => (user: User | null) => {
    setDialog(null);
    if (user)
      queryClient.setQueryData<User[]>(queryKeys.users, (old) =>
        old?.some((u) => u.id === user.id) ? old.map((u) => (u.id === user.id ? user : u)) : [...(old ?? []), user],
      );
    reload();
    message.success(text);
  };

  return (
    <>
      <PageTitle
        title={t("users.title")}
        extra={
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setDialog({ kind: "create" })}>
            {t("users.add")}
          </Button>
        }
      />
      <Input.Search
        allowClear
        placeholder={t("users.searchPlaceholder")}
        aria-label={t("users.search")}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ maxWidth: 360, marginBottom: 16 }}
      />
      {isError ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<User>
          rowKey="id"
          loading={isPending}
          dataSource={users}
          columns={columns}
          scroll={{ x: 1060 }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => t("users.total", { count: formatNumber(n) }) }}
          locale={{ emptyText: t("users.empty") }}
        />
      )}
      {dialog?.kind === "create" ? <CreateUserModal onClose={() => setDialog(null)} onSaved={closeAnd(t("users.created"))} /> : null}
      {dialog?.kind === "edit" ? (
        <EditUserModal user={dialog.user} onClose={() => setDialog(null)} onSaved={closeAnd(t("common.saved"))} onConflict={reload} />
      ) : null}
      {dialog?.kind === "addRole" ? <AddRoleModal user={dialog.user} onClose={() => setDialog(null)} onSaved={closeAnd(t("users.roleAdded"))} /> : null}
      {dialog?.kind === "reset" ? (
        <ResetPasswordModal
          user={dialog.user}
          onClose={() => setDialog(null)}
          onSaved={closeAnd(t("users.passwordReset", { username: dialog.user.username }))}
        />
      ) : null}
    </>
  );
}
