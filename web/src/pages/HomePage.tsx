import { ApartmentOutlined, CloudUploadOutlined, TeamOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Card, Col, Row, Skeleton, Statistic, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { http } from "../api/client";
import { hasCapability, queryKeys, useMe, useUnits } from "../api/queries";
import type { Page, Person } from "../api/types";
import { PageTitle } from "../components/States";
import { formatNumber } from "../format";
import { t } from "../i18n";
import { canImport, paths } from "../navigation";

function greetingKey(): "home.morning" | "home.afternoon" | "home.evening" {
  const hour = new Date().getHours();
  if (hour < 11) return "home.morning";
  if (hour < 18) return "home.afternoon";
  return "home.evening";
}

export default function HomePage() {
  const { data: me } = useMe();
  const canUnits = hasCapability(me, "units.read");
  const canPeople = hasCapability(me, "people.read");
  const units = useUnits(false, canUnits);
  const people = useQuery({
    queryKey: [...queryKeys.people, "count"],
    queryFn: () => http.get<Page<Person>>("/api/people", { active: true, page: 1, pageSize: 1 }),
    enabled: canPeople,
  });
  if (!me) return null;

  return (
    <>
      <PageTitle title={t(greetingKey(), { name: me.fullName })} description={t("home.intro")} />

      <Card title={t("home.rolesTitle")} style={{ marginBottom: 16 }}>
        {me.roles.length === 0 ? (
          <Typography.Text type="secondary">{t("home.noRoles")}</Typography.Text>
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: "none", display: "grid", gap: 8 }} aria-label={t("home.rolesTitle")}>
            {me.roles.map((r) => (
              <li key={r.id}>
                <Tag color={r.role === "admin" ? "red" : "blue"}>{r.roleLabel}</Tag>
                <Typography.Text>{r.unitName ? t("home.roleAt", { unit: r.unitName }) : t("home.roleEverywhere")}</Typography.Text>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Row gutter={[16, 16]}>
        {canUnits ? (
          <Col xs={24} sm={12} lg={8}>
            <Card>
              {units.isPending ? (
                <Skeleton active paragraph={false} />
              ) : (
                <Statistic
                  title={t("home.unitsCount")}
                  value={units.data?.length ?? 0}
                  formatter={(v) => formatNumber(Number(v))}
                  prefix={<ApartmentOutlined />}
                />
              )}
              <Link to={paths.units}>{t("home.openUnits")}</Link>
            </Card>
          </Col>
        ) : null}
        {canPeople ? (
          <Col xs={24} sm={12} lg={8}>
            <Card>
              {people.isPending ? (
                <Skeleton active paragraph={false} />
              ) : (
                <Statistic title={t("home.peopleCount")} value={people.data?.total ?? 0} formatter={(v) => formatNumber(Number(v))} prefix={<TeamOutlined />} />
              )}
              <Link to={paths.people}>{t("home.openPeople")}</Link>
            </Card>
          </Col>
        ) : null}
        {canImport(me) ? (
          <Col xs={24} sm={12} lg={8}>
            <Card>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                <CloudUploadOutlined /> {t("home.importText")}
              </Typography.Paragraph>
              <Link to={paths.import}>{t("home.openImport")}</Link>
            </Card>
          </Col>
        ) : null}
      </Row>
    </>
  );
}
