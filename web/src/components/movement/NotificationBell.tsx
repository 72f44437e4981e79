// The bell in the header: unread count (polled), the latest notifications in a popover (a drawer on phones),
// mark one read by opening it, or all at once.
import { BellOutlined, CheckOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge, Button, Drawer, Empty, List, Popover, Space, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { http } from "../../api/client";
import { useApiError } from "../../api/useApiError";
import { formatDateTime } from "../../format";
import { t } from "../../i18n";
import { movementKeys } from "./api";
import type { AppNotification, NotificationPage } from "./types";

const POLL_MS = 60_000;

export function NotificationBell({ mobile }: { mobile: boolean }) {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const showError = useApiError();
  const { data, isPending, isError, refetch } = useQuery({
    queryKey: movementKeys.notifications,
    queryFn: () => http.get<NotificationPage>("/api/notifications", { page: 1, pageSize: 20 }),
    refetchInterval: POLL_MS,
    staleTime: 30_000,
  });
  const unread = data?.unread ?? 0;

  const openItem = async (n: AppNotification) => {
    try {
      if (!n.read) await http.post(`/api/notifications/${n.id}/read`);
      await queryClient.invalidateQueries({ queryKey: movementKeys.notifications });
    } catch (err) {
      showError(err);
    }
    if (n.link) {
      setOpen(false);
      navigate(n.link);
    }
  };
  const readAll = async () => {
    try {
      await http.post("/api/notifications/read-all");
      await queryClient.invalidateQueries({ queryKey: movementKeys.notifications });
    } catch (err) {
      showError(err);
    }
  };

  const content = (
    <div style={{ width: mobile ? "100%" : 380, maxHeight: mobile ? undefined : 480, overflow: "auto" }} data-testid="notifications">
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", marginBottom: 8 }}>
        <Typography.Text strong>{t("mv.notif.title")}</Typography.Text>
        <Button size="small" type="link" icon={<CheckOutlined />} disabled={unread === 0} onClick={() => void readAll()}>
          {t("mv.notif.readAll")}
        </Button>
      </div>
      {isPending ? (
        <Spin style={{ display: "block", margin: "24px auto" }} />
      ) : isError ? (
        <Button onClick={() => void refetch()}>{t("common.retry")}</Button>
      ) : data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("mv.notif.empty")} />
      ) : (
        <List
          size="small"
          dataSource={data.items}
          renderItem={(n) => (
            <List.Item
              onClick={() => void openItem(n)}
              style={{ cursor: "pointer", background: n.read ? undefined : "#fff1f0", borderRadius: 4, padding: "8px" }}
              data-testid={`notification-${n.id}`}
            >
              <div style={{ minWidth: 0 }}>
                <Space size={4} wrap>
                  {!n.read ? <Badge status="error" /> : null}
                  <Typography.Text strong={!n.read}>{n.title}</Typography.Text>
                  {n.kind === "overdue_digest" ? <Tag color="red">{t("mv.notif.digest")}</Tag> : null}
                </Space>
                <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13, whiteSpace: "pre-line" }} ellipsis={{ rows: 4 }}>
                  {n.body}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(n.createdAt)}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
    </div>
  );

  const button = (
    <Button
      type="text"
      aria-label={unread ? t("mv.notif.labelUnread", { n: unread }) : t("mv.notif.label")}
      onClick={mobile ? () => setOpen(true) : undefined}
      data-testid="notification-bell"
    >
      <Badge count={unread} size="small" overflowCount={99}>
        <BellOutlined style={{ fontSize: 18 }} />
      </Badge>
    </Button>
  );

  if (mobile) {
    return (
      <>
        {button}
        <Drawer open={open} onClose={() => setOpen(false)} placement="right" size={340} title={t("mv.notif.title")}>
          {content}
        </Drawer>
      </>
    );
  }
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" content={content} arrow={false}>
      {button}
    </Popover>
  );
}
