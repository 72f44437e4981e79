// Application shell: a collapsible side menu on laptops, a drawer menu on phones,
// and the user menu (name, change password, sign out) at the top right.
import { DownOutlined, KeyOutlined, LogoutOutlined, MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined, SafetyOutlined, UserOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Avatar, Button, Drawer, Dropdown, Grid, Layout, Menu, type MenuProps, Spin, Typography } from "antd";
import { Suspense, useMemo, useState } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router-dom";
import { http } from "../api/client";
import { setSignedOut, useMe } from "../api/queries";
import { useApiError } from "../api/useApiError";
import { t } from "../i18n";
import { navLabel, paths, visibleNavItems } from "../navigation";
import { Logo } from "./Logo";
import { NotificationBell } from "./movement/NotificationBell";

const { Header, Sider, Content } = Layout;

function Brand({ compact }: { compact?: boolean }) {
  return (
    <Link to="/" style={{ display: "flex", alignItems: "center", gap: 10, color: "inherit", textDecoration: "none", minWidth: 0 }}>
      <Logo />
      {compact ? null : (
        <span style={{ fontWeight: 600, fontSize: 16, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" }}>{t("app.name")}</span>
      )}
    </Link>
  );
}

export function AppLayout() {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined; assume a wide screen then.
  const isMobile = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { data: me } = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const showError = useApiError();
  const [signingOut, setSigningOut] = useState(false);

  const items = useMemo(() => (me ? visibleNavItems(me) : []), [me]);
  const menuItems: MenuProps["items"] = items.map((item) => ({
    key: item.path,
    icon: item.icon,
    label: item.external ? (
      <a href={item.path} target="_blank" rel="noopener noreferrer">
        {navLabel(item)}
      </a>
    ) : (
      <Link to={item.path} onClick={() => setDrawerOpen(false)}>
        {navLabel(item)}
      </Link>
    ),
  }));
  const selected = items
    .filter((item) => !item.external && (item.path === "/" ? location.pathname === "/" : location.pathname.startsWith(item.path)))
    .map((item) => item.path);

  const signOut = async () => {
    setSigningOut(true);
    try {
      await http.post("/api/auth/logout");
    } catch (err) {
      showError(err);
    } finally {
      setSigningOut(false);
      setSignedOut(queryClient);
      navigate(paths.login, { replace: true });
    }
  };

  const userMenu: MenuProps = {
    items: [
      { key: "password", icon: <KeyOutlined />, label: t("user.changePassword") },
      ...(me?.secondFactor?.offered ? [{ key: "security", icon: <SafetyOutlined />, label: t("user.security") }] : []),
      { type: "divider" },
      { key: "logout", icon: <LogoutOutlined />, label: t("user.logout"), danger: true },
    ],
    onClick: ({ key }) => {
      if (key === "password") navigate(paths.changePassword);
      if (key === "security") navigate(paths.security);
      if (key === "logout") void signOut();
    },
  };

  const nav = <Menu mode="inline" items={menuItems} selectedKeys={selected} aria-label={t("nav.label")} style={{ borderInlineEnd: "none" }} />;

  return (
    <Layout style={{ minHeight: "100vh" }}>
      {isMobile ? (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={280} title={<Brand />} styles={{ body: { padding: 0 } }}>
          {nav}
        </Drawer>
      ) : (
        <Sider
          theme="light"
          width={248}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          trigger={null}
          style={{ borderInlineEnd: "1px solid #f0f0f0", position: "sticky", top: 0, height: "100vh", overflow: "auto" }}
        >
          <div style={{ height: 56, display: "flex", alignItems: "center", padding: collapsed ? "0 24px" : "0 20px" }}>
            <Brand compact={collapsed} />
          </div>
          {nav}
        </Sider>
      )}
      <Layout>
        <Header
          style={{
            background: "#fff",
            padding: isMobile ? "0 8px" : "0 16px",
            display: "flex",
            alignItems: "center",
            gap: 8,
            borderBottom: "1px solid #f0f0f0",
            position: "sticky",
            top: 0,
            zIndex: 10,
            height: 56,
            lineHeight: "56px",
          }}
        >
          {isMobile ? (
            <>
              <Button type="text" icon={<MenuOutlined />} aria-label={t("nav.open")} onClick={() => setDrawerOpen(true)} />
              <Brand />
            </>
          ) : (
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={collapsed ? t("nav.expand") : t("nav.collapse")}
              onClick={() => setCollapsed((c) => !c)}
            />
          )}
          <div style={{ flex: 1 }} />
          {me ? <NotificationBell mobile={isMobile} /> : null}
          {me ? (
            <Dropdown menu={userMenu} trigger={["click"]} placement="bottomRight">
              <Button type="text" data-testid="user-menu" aria-label={t("user.menuFor", { name: me.fullName })} loading={signingOut}>
                <Avatar size="small" icon={<UserOutlined />} style={{ background: "#b71c1c" }} />
                {isMobile ? null : (
                  <Typography.Text style={{ maxWidth: 220 }} ellipsis>
                    {me.fullName}
                  </Typography.Text>
                )}
                <DownOutlined style={{ fontSize: 10 }} />
              </Button>
            </Dropdown>
          ) : null}
        </Header>
        <Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<Spin style={{ display: "block", margin: "64px auto" }} />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
