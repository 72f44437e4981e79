// The public honour roll of a movement (/bang-vang/:planId), open without signing in.
import { TrophyOutlined } from "@ant-design/icons";
import { Card, Empty, Spin, Table, Typography } from "antd";
import { useParams } from "react-router-dom";
import { parseId } from "../../api/types";
import { useHonourRoll } from "../../components/commendation/api";
import { ErrorState } from "../../components/States";
import { formatDate } from "../../format";
import { t } from "../../i18n";

export default function HonourRollPage() {
  const planId = parseId(useParams().planId);
  const roll = useHonourRoll(planId);
  if (planId === null) return <ErrorState error={new Error(t("cm.roll.notFound"))} />;
  if (roll.isError) return <ErrorState error={roll.error} onRetry={() => void roll.refetch()} />;
  if (!roll.data) return <Spin size="large" style={{ display: "block", margin: "80px auto" }} />;
  return (
    <div style={{ maxWidth: 1100, margin: "24px auto", padding: "0 16px" }}>
      <Typography.Title level={3} style={{ marginBottom: 0 }}>
        <TrophyOutlined style={{ color: "#d4a106" }} /> {t("cm.roll.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary" data-testid="honour-roll-plan">
        {roll.data.title}
      </Typography.Paragraph>
      <Card>
        <Table
          rowKey={(r) => `${r.decision}-${r.name}-${r.unitName}`}
          pagination={false}
          dataSource={roll.data.items}
          data-testid="honour-roll"
          locale={{ emptyText: <Empty description={t("cm.roll.empty")} /> }}
          columns={[
            { title: "#", width: 48, render: (_v, _r, i) => i + 1 },
            { title: t("cm.col.nominee"), dataIndex: "name" },
            { title: t("cm.col.unit"), dataIndex: "unitName", render: (v: string, r) => (v === r.name ? "" : v) },
            { title: t("cm.col.awardForm"), dataIndex: "awardForm" },
            {
              title: t("cm.roll.decision"),
              dataIndex: "decision",
              render: (v: string, r) => t("cm.roll.decisionLine", { n: v, date: formatDate(r.signedOn) }),
            },
          ]}
        />
      </Card>
    </div>
  );
}
