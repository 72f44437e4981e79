// "Hồ sơ thi đua" of one participant: registration, periodic reports, initiatives and the self-assessment.
import { ArrowLeftOutlined } from "@ant-design/icons";
import { Alert, Space, Spin, Tabs, Tag, Typography } from "antd";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { hasCapability, useMe, useUnits } from "../../api/queries";
import { parseId } from "../../api/types";
import { isHeadFor, movementPaths, useParticipant } from "../../components/movement/api";
import { usePlan } from "../../components/plan/api";
import { ErrorState } from "../../components/States";
import { t } from "../../i18n";
import { RegistrationTag } from "./MyParticipantsTab";
import { ParticipantInitiativesTab } from "./ParticipantInitiativesTab";
import { RegistrationTab } from "./RegistrationTab";
import { ReportsTab } from "./ReportsTab";
import { SelfAssessmentTab } from "./SelfAssessmentTab";

export default function ParticipantPage() {
  const params = useParams();
  const planId = parseId(params.id);
  const participantId = parseId(params.participantId);
  const { data: me } = useMe();
  const units = useUnits(false, hasCapability(me, "units.read"));
  const participant = useParticipant(participantId);
  const plan = usePlan(planId);
  const [search, setSearch] = useSearchParams();

  if (planId === null || participantId === null) return <ErrorState error={new Error(t("mv.participant.notFound"))} />;
  if (participant.isError) return <ErrorState error={participant.error} onRetry={() => void participant.refetch()} />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!participant.data || !plan.data || units.isLoading) return <Spin size="large" style={{ display: "block", margin: "80px auto" }} />;

  const p = participant.data;
  const group = plan.data.data.groups.find((g) => g.id === p.groupId);
  const office = plan.data.can.manageMovement;
  const canEdit = hasCapability(me, "movement.participate");
  const head = isHeadFor(me, units.data, p.unitId);
  const tab = search.get("tab") ?? "dang-ky";
  const setTab = (key: string) => {
    const next = new URLSearchParams(search);
    next.set("tab", key);
    setSearch(next, { replace: true });
  };

  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to={movementPaths.plan(plan.data.id)} style={{ fontSize: 13 }}>
          <ArrowLeftOutlined /> {plan.data.title}
        </Link>
        <Typography.Title level={4} style={{ margin: "4px 0 2px" }} data-testid="participant-name">
          {p.name}
        </Typography.Title>
        <Space wrap size={6}>
          <Tag style={{ whiteSpace: "normal" }}>{p.groupName}</Tag>
          <RegistrationTag p={p} />
          {office ? (
            <Link to={movementPaths.appraisal(plan.data.id, p.id)} style={{ fontSize: 13 }}>
              {t("mv.open.appraisal")}
            </Link>
          ) : null}
        </Space>
      </div>
      {p.succession?.length ? (
        // A unit merged into this one mid-movement: its records are here now, and the score counts them.
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="participant-succession"
          title={p.succession.map((line) => <div key={line}>{line}</div>)}
        />
      ) : null}
      {!group ? (
        <ErrorState error={new Error(t("mv.participant.groupGone"))} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: "dang-ky",
              label: t("mv.ptab.registration"),
              children: <RegistrationTab participant={p} plan={plan.data} group={group} canEdit={canEdit} />,
            },
            { key: "bao-cao", label: t("mv.ptab.reports"), children: <ReportsTab participant={p} canEdit={canEdit} /> },
            {
              key: "sang-kien",
              label: t("mv.ptab.initiatives"),
              children: <ParticipantInitiativesTab participant={p} canEdit={canEdit} active={tab === "sang-kien"} />,
            },
            {
              key: "tu-cham",
              label: t("mv.ptab.selfAssessment"),
              children: <SelfAssessmentTab participant={p} plan={plan.data} group={group} canEdit={canEdit} isHead={head} active={tab === "tu-cham"} />,
            },
          ]}
        />
      )}
    </>
  );
}
