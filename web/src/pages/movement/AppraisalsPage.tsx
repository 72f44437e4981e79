// "Việc thẩm định": the signed-in appraiser's assignments, per movement, each opening the participant's appraisal.
import { Card, Empty, List, Space, Spin, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import type { Id } from "../../api/types";
import { criterionLabel, movementPaths, useMyAssignments } from "../../components/movement/api";
import { AssessmentTag } from "../../components/movement/parts";
import type { MyAssignment } from "../../components/movement/types";
import { usePlan } from "../../components/plan/api";
import { ErrorState, PageTitle } from "../../components/States";
import { t } from "../../i18n";

function CriterionName({ planId, criterionId }: { planId: Id; criterionId: string | null }) {
  const { data: plan } = usePlan(criterionId ? planId : null);
  if (!criterionId) return <Tag>{t("mv.assign.allCriteria")}</Tag>;
  return <Tag color="blue">{plan ? criterionLabel(plan.data.groups, criterionId) : criterionId}</Tag>;
}

function AssignmentCard({ a, showPlan }: { a: MyAssignment; showPlan: boolean }) {
  return (
    <Card
      size="small"
      title={
        <Space wrap size={6}>
          {showPlan ? <Link to={movementPaths.plan(a.planId)}>{a.planTitle}</Link> : null}
          <CriterionName planId={a.planId} criterionId={a.criterionId} />
        </Space>
      }
      data-testid={`assignment-${a.assignmentId}`}
    >
      <List
        size="small"
        dataSource={a.participants}
        locale={{ emptyText: t("mv.appr.noParticipants") }}
        renderItem={(p) => (
          <List.Item actions={[<AssessmentTag key="s" status={p.assessmentStatus} />]}>
            <Link to={movementPaths.appraisal(a.planId, p.id)}>{p.name}</Link>
          </List.Item>
        )}
        pagination={a.participants.length > 20 ? { pageSize: 20, size: "small" } : false}
      />
    </Card>
  );
}

/** The assignments of one movement, shown on its page. */
export function MyAppraisalsCard({ planId }: { planId: Id }) {
  const { data, isPending, isError, error, refetch } = useMyAssignments();
  if (isError) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (isPending) return <Spin style={{ display: "block", margin: "48px auto" }} />;
  const mine = data.filter((a) => a.planId === planId);
  if (mine.length === 0) return <Empty description={t("mv.appr.none")} />;
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      {mine.map((a) => (
        <AssignmentCard key={a.assignmentId} a={a} showPlan={false} />
      ))}
    </Space>
  );
}

export default function AppraisalsPage() {
  const { data, isPending, isError, error, refetch } = useMyAssignments();
  if (isError) return <ErrorState error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageTitle title={t("mv.appr.title")} description={t("mv.appr.description")} />
      {isPending ? (
        <Spin style={{ display: "block", margin: "48px auto" }} />
      ) : data.length === 0 ? (
        <Card>
          <Empty description={t("mv.appr.none")} />
        </Card>
      ) : (
        <Space orientation="vertical" size={12} style={{ width: "100%" }} data-testid="my-assignments">
          {data.map((a) => (
            <AssignmentCard key={a.assignmentId} a={a} showPlan />
          ))}
        </Space>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t("mv.appr.help")}
      </Typography.Paragraph>
    </>
  );
}
