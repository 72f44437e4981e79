// The movement page of a launched plan (/phong-trao/:id). What it shows depends on who is looking:
// the standing office runs the movement (participants, monitoring, appraisal assignments, initiatives, complaints,
// indicators, ranking and finalisation); a unit's focal person or head opens their own dossiers ("Hồ sơ thi đua");
// an appraiser finds the assignments of this movement.
import { ArrowLeftOutlined } from "@ant-design/icons";
import { Alert, Space, Spin, Tabs, Tag, Typography } from "antd";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { hasCapability, useMe } from "../../api/queries";
import { parseId } from "../../api/types";
import { usePlan } from "../../components/plan/api";
import { ErrorState } from "../../components/States";
import { t } from "../../i18n";
import { CommendationTab } from "../commendation/CommendationTab";
import { NominationsCard } from "../commendation/NominationsCard";
import { planPath } from "../plans/paths";
import { MyAppraisalsCard } from "./AppraisalsPage";
import { MyParticipantsTab } from "./MyParticipantsTab";
import { AssignmentsTab } from "./office/AssignmentsTab";
import { ComplaintsTab } from "./office/ComplaintsTab";
import { IndicatorsTab } from "./office/IndicatorsTab";
import { InitiativesReviewTab } from "./office/InitiativesReviewTab";
import { MonitoringTab } from "./office/MonitoringTab";
import { ParticipantsTab } from "./office/ParticipantsTab";
import { RankingTab } from "./office/RankingTab";

export default function MovementPage() {
  const params = useParams();
  const planId = parseId(params.id);
  const { data: me } = useMe();
  const { data: plan, isPending, isError, error, refetch } = usePlan(planId);
  const [search, setSearch] = useSearchParams();

  if (planId === null) return <ErrorState error={new Error(t("plans.notFound"))} />;
  if (isError) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (isPending || !plan) return <Spin size="large" style={{ display: "block", margin: "80px auto" }} />;

  const office = plan.can.manageMovement;
  const participates = hasCapability(me, "movement.participate");
  const appraises = hasCapability(me, "movement.appraise");
  const tab = search.get("tab") ?? (office ? "doi-tuong" : "ho-so");
  const setTab = (key: string) => {
    const next = new URLSearchParams(search);
    next.set("tab", key);
    setSearch(next, { replace: true });
  };

  const items = [
    ...(office
      ? [
          { key: "doi-tuong", label: t("mv.tab.participants"), children: <ParticipantsTab plan={plan} /> },
          { key: "theo-doi", label: t("mv.tab.monitoring"), children: <MonitoringTab plan={plan} active={tab === "theo-doi"} /> },
          { key: "phan-cong", label: t("mv.tab.assignments"), children: <AssignmentsTab plan={plan} active={tab === "phan-cong"} /> },
          { key: "sang-kien", label: t("mv.tab.initiatives"), children: <InitiativesReviewTab plan={plan} active={tab === "sang-kien"} /> },
          { key: "pakn", label: t("mv.tab.complaints"), children: <ComplaintsTab plan={plan} active={tab === "pakn"} /> },
          { key: "chi-so", label: t("mv.tab.indicators"), children: <IndicatorsTab plan={plan} active={tab === "chi-so"} /> },
          { key: "khen-thuong", label: t("cm.tab.title"), children: <CommendationTab plan={plan} active={tab === "khen-thuong"} /> },
        ]
      : []),
    ...(!office && participates
      ? [
          { key: "ho-so", label: t("mv.tab.myDossiers"), children: <MyParticipantsTab plan={plan} /> },
          {
            key: "de-nghi",
            label: t("cm.tab.myNominations"),
            children: <NominationsCard plan={plan} office={false} canPropose active={tab === "de-nghi"} />,
          },
        ]
      : []),
    ...(!office && appraises ? [{ key: "tham-dinh", label: t("mv.tab.myAppraisals"), children: <MyAppraisalsCard planId={plan.id} /> }] : []),
    { key: "xep-hang", label: t("mv.tab.ranking"), children: <RankingTab plan={plan} office={office} active={tab === "xep-hang"} /> },
  ];
  const activeKey = items.some((i) => i.key === tab) ? tab : items[0].key;

  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to={planPath(plan.id)} style={{ fontSize: 13 }}>
          <ArrowLeftOutlined /> {t("mv.backToPlan")}
        </Link>
        <Typography.Title level={4} style={{ margin: "4px 0 2px" }} data-testid="movement-title">
          {plan.title}
        </Typography.Title>
        <Space wrap size={6}>
          <Tag color={plan.status === "launched" ? "green" : "default"}>{plan.statusLabel}</Tag>
          <Typography.Text type="secondary">{t("mv.headerLine", { issuer: plan.issuerName, year: String(plan.data.year) })}</Typography.Text>
          {office ? <Tag color="purple">{t("mv.role.office")}</Tag> : null}
        </Space>
      </div>
      {plan.status === "draft" ? <Alert type="warning" showIcon title={t("mv.notLaunched")} style={{ marginBottom: 12 }} /> : null}
      <Tabs activeKey={activeKey} onChange={setTab} items={items} destroyOnHidden={false} />
    </>
  );
}
