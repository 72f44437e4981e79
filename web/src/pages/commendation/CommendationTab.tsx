// The office's "Khen thưởng" tab on a movement: quotas and the suggested list per award form, every nomination with
// its dossier and eligibility (appraise, return, forward), council sessions (create one), decisions, honour roll.
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Space } from "antd";
import { useState } from "react";
import type { Id } from "../../api/types";
import { useDecisions, useSessions } from "../../components/commendation/api";
import type { PlanRecord } from "../../components/plan/model";
import { ErrorState } from "../../components/States";
import { t } from "../../i18n";
import { SessionsTable } from "./CouncilPage";
import { DecisionsCard } from "./DecisionsCard";
import { NewSessionModal } from "./NewSessionModal";
import { NominationDrawer } from "./NominationDrawer";
import { NominationsCard } from "./NominationsCard";
import { SuggestionsCard } from "./SuggestionsCard";

export function CommendationTab({ plan, active }: { plan: PlanRecord; active: boolean }) {
  const sessions = useSessions(plan.id, active);
  const decisions = useDecisions(plan.id, active);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<Id | null>(null);
  if (sessions.isError) return <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      {active ? <SuggestionsCard plan={plan} onOpen={setOpenId} /> : null}
      <NominationsCard plan={plan} office canPropose active={active} />
      <Card
        size="small"
        title={t("cm.tab.sessions")}
        extra={
          plan.status === "launched" ? (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t("cm.session.new")}
            </Button>
          ) : null
        }
      >
        <SessionsTable rows={sessions.data ?? []} loading={sessions.isPending} />
      </Card>
      <DecisionsCard rows={decisions.data ?? []} loading={decisions.isPending} planId={plan.id} />
      {creating ? <NewSessionModal plan={plan} onClose={() => setCreating(false)} /> : null}
      <NominationDrawer id={openId} plan={plan} office canPropose onClose={() => setOpenId(null)} />
    </Space>
  );
}
