// "Kiểm tra & phát động": what still blocks the launch, saving, launching, and the plan's documents.
import { CheckCircleOutlined, RocketOutlined, SaveOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Descriptions, List, Popconfirm, Row, Select, Space, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { planFileUrls } from "../../components/plan/api";
import { DownloadButton } from "../../components/plan/DownloadButton";
import type { PlanData, PlanIssue, PlanRecord } from "../../components/plan/model";
import { issueTarget, issueText } from "../../components/plan/model";
import { formatDateTime, formatNumber } from "../../format";
import { t } from "../../i18n";
import { statusColor } from "./paths";

export function IssuesList({
  issues,
  plan,
  onGoto,
  "data-testid": testId,
}: {
  issues: PlanIssue[];
  plan: PlanData;
  onGoto: (issue: PlanIssue) => void;
  "data-testid"?: string;
}) {
  return (
    <List
      size="small"
      bordered
      dataSource={issues.map((issue, i) => ({ ...issue, key: i }))}
      data-testid={testId}
      renderItem={(issue) => {
        const target = issueTarget(issue.path, plan);
        return (
          <List.Item
            actions={
              target
                ? [
                    <Button key="go" type="link" size="small" onClick={() => onGoto(issue)}>
                      {t("plans.check.goto")}
                    </Button>,
                  ]
                : undefined
            }
          >
            {target ? (
              <Typography.Link
                href={`#${issue.path}`}
                onClick={(e) => {
                  e.preventDefault();
                  onGoto(issue);
                }}
              >
                {issueText(issue, plan)}
              </Typography.Link>
            ) : (
              <Typography.Text>{issueText(issue, plan)}</Typography.Text>
            )}
          </List.Item>
        );
      }}
    />
  );
}

export function CheckTab({
  record,
  plan,
  dirty,
  canEdit,
  canLaunch,
  saving,
  launching,
  onSave,
  onLaunch,
  onGoto,
  groupId,
}: {
  record: PlanRecord;
  plan: PlanData;
  dirty: boolean;
  /** Draft editing allowed (shows "Lưu dự thảo"). */
  canEdit: boolean;
  /** The user may launch this draft. */
  canLaunch: boolean;
  saving: boolean;
  launching: boolean;
  onSave: () => void;
  onLaunch: () => void;
  onGoto: (issue: PlanIssue) => void;
  groupId: string;
}) {
  const [sheetGroup, setSheetGroup] = useState<string | null>(null);
  const group = sheetGroup && plan.groups.some((g) => g.id === sheetGroup) ? sheetGroup : groupId;
  const issues = record.issues;
  const launchBlocked = issues.length > 0 || dirty;
  const draft = record.status === "draft";

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Card
          size="small"
          title={
            <Space>
              <span>{t("plans.check.issuesTitle")}</span>
              {issues.length ? <Tag color="error">{formatNumber(issues.length)}</Tag> : <Tag color="success">0</Tag>}
            </Space>
          }
        >
          {dirty ? <Alert type="info" showIcon title={t("plans.check.staleIssues")} style={{ marginBottom: 12 }} /> : null}
          {issues.length === 0 ? (
            <Alert
              type="success"
              showIcon
              icon={<CheckCircleOutlined />}
              title={t(draft ? "plans.check.noIssues" : "plans.check.noIssuesLaunched")}
              data-testid="no-issues"
            />
          ) : (
            <IssuesList issues={issues} plan={plan} onGoto={onGoto} data-testid="plan-issues" />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          <Card size="small" title={t("plans.check.actionsTitle")} data-testid="plan-actions">
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: "status", label: t("plans.status"), children: <Tag color={statusColor(record.status)}>{record.statusLabel}</Tag> },
                { key: "revision", label: t("plans.revision"), children: formatNumber(record.revision) },
                { key: "launched", label: t("plans.launchedAt"), children: record.launchedAt ? formatDateTime(record.launchedAt) : "—" },
                { key: "updated", label: t("plans.updatedAt"), children: formatDateTime(record.updatedAt) },
              ]}
            />
            {draft && canEdit ? (
              <Space wrap style={{ marginTop: 12 }}>
                <Button icon={<SaveOutlined />} loading={saving} disabled={!dirty} onClick={onSave}>
                  {t("plans.saveDraft")}
                </Button>
                {canLaunch ? (
                  <Tooltip title={issues.length ? t("plans.check.launchBlocked", { n: issues.length }) : dirty ? t("plans.check.saveFirst") : undefined}>
                    <span>
                      <Popconfirm
                        title={t("plans.check.launchConfirmTitle")}
                        description={<div style={{ maxWidth: 320 }}>{t("plans.check.launchConfirm")}</div>}
                        okText={t("plans.launch")}
                        cancelText={t("common.cancel")}
                        onConfirm={onLaunch}
                        disabled={launchBlocked}
                      >
                        <Button type="primary" icon={<RocketOutlined />} loading={launching} disabled={launchBlocked}>
                          {t("plans.launch")}
                        </Button>
                      </Popconfirm>
                    </span>
                  </Tooltip>
                ) : null}
              </Space>
            ) : null}
            {!draft ? <Alert type="info" showIcon title={t("plans.check.launchedInfo")} style={{ marginTop: 12 }} /> : null}
          </Card>
          <Card size="small" title={t("plans.check.documentsTitle")}>
            <Space orientation="vertical" style={{ width: "100%" }}>
              {dirty ? <Typography.Text type="secondary">{t("plans.check.documentsSaved")}</Typography.Text> : null}
              <DownloadButton href={planFileUrls.document(record.id)} fileName={`${plan.code}.docx`}>
                {t("plans.check.downloadDocx")}
              </DownloadButton>
              <Space.Compact style={{ width: "100%" }}>
                <Select
                  value={group}
                  onChange={setSheetGroup}
                  options={plan.groups.map((g) => ({ value: g.id, label: g.name }))}
                  style={{ flex: 1, minWidth: 0 }}
                  aria-label={t("plans.check.sheetGroup")}
                />
                <DownloadButton href={planFileUrls.scoringSheet(record.id, group, "xlsx")} fileName={`${plan.code}-${group}.xlsx`}>
                  {t("plans.check.downloadSheet")}
                </DownloadButton>
              </Space.Compact>
              <DownloadButton href={planFileUrls.export(record.id, "yaml")} fileName={`${plan.code}.yaml`}>
                {t("plans.check.exportYaml")}
              </DownloadButton>
            </Space>
          </Card>
        </Space>
      </Col>
    </Row>
  );
}
