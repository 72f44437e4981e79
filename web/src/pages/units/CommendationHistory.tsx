// "Khen thưởng": what a unit and its people have received across movements, from issued decisions.
import { useQuery } from "@tanstack/react-query";
import { Table, Tag } from "antd";
import { http } from "../../api/client";
import type { Id, ItemList } from "../../api/types";
import { ErrorState } from "../../components/States";
import { formatDate, formatNumber } from "../../format";
import { t } from "../../i18n";

interface Commendation {
  name: string;
  personId: Id | null;
  target: "collective" | "individual";
  awardForm: string;
  decision: string;
  signedOn: string;
  plan: string;
  amount: number | null;
}

/** A unit's history, or one person's when `personId` is given. */
export function CommendationHistory({ unitId, personId }: { unitId: Id; personId?: Id }) {
  const history = useQuery({
    queryKey: ["commendation", "unit-history", unitId],
    queryFn: () => http.get<ItemList<Commendation>>(`/api/units/${unitId}/commendations`).then((r) => r.items),
  });
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  return (
    <Table<Commendation>
      size="small"
      rowKey={(r) => `${r.decision}-${r.name}`}
      loading={history.isPending}
      dataSource={(history.data ?? []).filter((r) => personId === undefined || r.personId === personId)}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: personId === undefined ? t("units.commendations.empty") : t("people.commendations.empty") }}
      data-testid="unit-commendations"
      columns={[
        {
          title: t("cm.col.nominee"),
          dataIndex: "name",
          render: (v: string, r) => (
            <>
              {v} <Tag>{r.target === "individual" ? t("cm.target.individual") : t("cm.target.collective")}</Tag>
            </>
          ),
        },
        { title: t("cm.col.awardForm"), dataIndex: "awardForm" },
        { title: t("cm.roll.decision"), dataIndex: "decision", render: (v: string, r) => t("cm.roll.decisionLine", { n: v, date: formatDate(r.signedOn) }) },
        { title: t("cm.col.plan"), dataIndex: "plan" },
        { title: t("cm.col.amount"), dataIndex: "amount", align: "right", render: (v: number | null) => (v === null ? "—" : `${formatNumber(v)} đồng`) },
      ]}
    />
  );
}
