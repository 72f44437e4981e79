// "Phong trào": the launched movements the user takes part in, runs or appraises, each opening its movement page.
import { Card, Empty, List, Space, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { hasCapability, useMe } from "../../api/queries";
import { movementPaths } from "../../components/movement/api";
import { usePlans } from "../../components/plan/api";
import { ErrorState, PageTitle } from "../../components/States";
import { formatDate } from "../../format";
import { t } from "../../i18n";

export default function MovementsPage() {
  const { data: me } = useMe();
  const { data, isPending, isError, error, refetch } = usePlans(hasCapability(me, "plans.read"));
  const launched = (data ?? []).filter((p) => p.status !== "draft");

  if (isError) return <ErrorState error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageTitle title={t("mv.list.title")} description={t("mv.list.description")} />
      <Card>
        <List
          loading={isPending}
          dataSource={launched}
          locale={{ emptyText: <Empty description={t("mv.list.empty")} /> }}
          data-testid="movements-list"
          renderItem={(p) => (
            <List.Item
              actions={[
                <Link key="open" to={movementPaths.plan(p.id)}>
                  {t("mv.list.open")}
                </Link>,
              ]}
            >
              <List.Item.Meta
                title={<Link to={movementPaths.plan(p.id)}>{p.title}</Link>}
                description={
                  <Space wrap size={6}>
                    <Tag color={p.status === "launched" ? "green" : "default"}>{p.statusLabel}</Tag>
                    <Typography.Text type="secondary">
                      {t("mv.list.line", { issuer: p.issuerName, year: String(p.year), launched: formatDate(p.launchedAt) })}
                    </Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
