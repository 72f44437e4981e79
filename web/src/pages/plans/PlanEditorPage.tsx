// The plan editor: the whole plan is edited in the browser as one document (unsaved until "Lưu dự thảo"),
// tried live against the scoring engine, checked, launched, and afterwards changed only by amendments.
import { ArrowLeftOutlined, CloseOutlined, EditOutlined, RocketOutlined, SaveOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Badge, Button, Form, Input, Modal, Space, Spin, Tabs, Tag, Typography } from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { ApiError, http } from "../../api/client";
import { hasCapability, useMe } from "../../api/queries";
import { parseId } from "../../api/types";
import { useApiError } from "../../api/useApiError";
import { movementPaths } from "../../components/movement/api";
import { planKeys, usePlan } from "../../components/plan/api";
import { issueTarget, type PlanData, type PlanIssue, type PlanRecord, produce, type TreePath } from "../../components/plan/model";
import { ErrorState } from "../../components/States";
import { formatNumber } from "../../format";
import { t } from "../../i18n";
import { canMovement, paths } from "../../navigation";
import { AwardsTab } from "./AwardsTab";
import { CheckTab, IssuesList } from "./CheckTab";
import { CriteriaTab } from "./CriteriaTab";
import type { EditorTab } from "./editorTypes";
import { GeneralTab } from "./GeneralTab";
import { CascadeTab, RevisionsTab } from "./HistoryTabs";
import { MilestonesTab } from "./MilestonesTab";
import { statusColor } from "./paths";
import { TargetsTab } from "./TargetsTab";
import { useUnsavedGuard } from "./useUnsavedGuard";

interface Draft {
  id: number;
  /** Version of the record the draft started from (sent back on save). */
  version: number;
  data: PlanData;
  /** The record's data as JSON, to tell whether the draft has changed. */
  base: string;
}

const draftOf = (record: PlanRecord): Draft => ({ id: record.id, version: record.version, data: record.data, base: JSON.stringify(record.data) });

export default function PlanEditorPage() {
  const params = useParams();
  const planId = parseId(params.id);
  const { data: me } = useMe();
  const canWrite = hasCapability(me, "plans.write");
  const queryClient = useQueryClient();
  const showError = useApiError();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data: record, isPending, isError, error, refetch } = usePlan(planId);

  const [draft, setDraft] = useState<Draft | null>(null);
  const [amending, setAmending] = useState(false);
  const [tab, setTab] = useState<EditorTab>("general");
  const [groupIndex, setGroupIndex] = useState(0);
  const [selected, setSelected] = useState<TreePath | null>(null);
  const [saving, setSaving] = useState(false);
  const [launching, setLaunching] = useState(false);
  const [refused, setRefused] = useState<{ message: string; issues: PlanIssue[] } | null>(null);
  const [amendOpen, setAmendOpen] = useState(false);
  const [amendForm] = Form.useForm<{ note: string }>();

  // Adopt the server's record when it first arrives, and when it changes while nothing is being edited.
  useEffect(() => {
    if (!record) return;
    setDraft((prev) => {
      if (!prev || prev.id !== record.id) return draftOf(record);
      if (prev.version === record.version) return prev;
      return JSON.stringify(prev.data) === prev.base ? draftOf(record) : prev;
    });
  }, [record]);

  const current = draft && record && draft.id === record.id ? draft : null;
  const dirty = useMemo(() => !!current && JSON.stringify(current.data) !== current.base, [current]);
  useUnsavedGuard(dirty);

  const adopt = useCallback(
    (saved: PlanRecord) => {
      queryClient.setQueryData(planKeys.detail(saved.id), saved);
      setDraft(draftOf(saved));
      void queryClient.invalidateQueries({ queryKey: planKeys.list });
      void queryClient.invalidateQueries({ queryKey: planKeys.revisions(saved.id) });
      void queryClient.invalidateQueries({ queryKey: planKeys.cascade(saved.id) });
    },
    [queryClient],
  );

  const reload = useCallback(() => {
    void refetch().then((r) => {
      if (r.data) setDraft(draftOf(r.data));
      setAmending(false);
    });
  }, [refetch]);

  const update = useCallback((recipe: (d: PlanData) => void) => {
    setDraft((prev) => (prev ? { ...prev, data: produce(prev.data, recipe) } : prev));
  }, []);

  const failed = (err: unknown) => {
    if (err instanceof ApiError && (err.code === "PLAN_SHAPE" || err.code === "PLAN_INVALID" || err.code === "PLAN_EXPRESSION")) {
      // Shape errors name technical paths; the list below says where they are in words.
      const text = err.code === "PLAN_SHAPE" && err.fieldErrors.length ? t("plans.refusedShape", { n: err.fieldErrors.length }) : err.message;
      setRefused({ message: text, issues: err.fieldErrors });
      message.error(text);
      window.scrollTo({ top: 0, behavior: "smooth" });
      return;
    }
    if (err instanceof ApiError && ["PLAN_FROZEN", "ALREADY_LAUNCHED", "NOT_LAUNCHED"].includes(err.code)) {
      showError(err);
      reload();
      return;
    }
    showError(err, { onConflict: reload });
  };

  if (planId === null) return <ErrorState error={new Error(t("plans.notFound"))} />;
  if (isError) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (isPending || !record || !current) return <Spin size="large" style={{ display: "block", margin: "80px auto" }} />;

  const plan = current.data;
  const launched = record.status !== "draft";
  const readOnly = !canWrite || (launched && !amending);
  const groupId = plan.groups[Math.min(groupIndex, plan.groups.length - 1)]?.id ?? "";

  const save = async () => {
    setSaving(true);
    setRefused(null);
    try {
      const saved = await http.put<PlanRecord>(`/api/plans/${record.id}`, { version: current.version, data: current.data });
      adopt(saved);
      message.success(saved.issues.length ? t("plans.savedWithIssues", { n: saved.issues.length }) : t("plans.saved"));
    } catch (err) {
      failed(err);
    } finally {
      setSaving(false);
    }
  };

  const launch = async () => {
    setLaunching(true);
    setRefused(null);
    try {
      const saved = await http.post<PlanRecord>(`/api/plans/${record.id}/launch`, { version: record.version });
      adopt(saved);
      message.success(t("plans.launched"));
    } catch (err) {
      failed(err);
    } finally {
      setLaunching(false);
    }
  };

  const amend = async () => {
    const { note } = await amendForm.validateFields();
    setSaving(true);
    setRefused(null);
    try {
      const saved = await http.post<PlanRecord>(`/api/plans/${record.id}/amend`, { version: current.version, data: current.data, note: note.trim() });
      adopt(saved);
      setAmending(false);
      setAmendOpen(false);
      amendForm.resetFields();
      message.success(t("plans.amended", { n: saved.revision - 1 }));
    } catch (err) {
      setAmendOpen(false);
      failed(err);
    } finally {
      setSaving(false);
    }
  };

  const goto = (issue: PlanIssue) => {
    const target = issueTarget(issue.path, plan);
    if (!target) return;
    setTab(target.tab);
    if (target.tab === "criteria") {
      setGroupIndex(target.group);
      setSelected(target.path);
    }
  };

  const cancelAmendment = () => {
    setDraft(draftOf(record));
    setAmending(false);
    setRefused(null);
  };

  const tabProps = { plan, update, readOnly };
  const issueCount = record.issues.length;

  return (
    <>
      <div
        style={{
          position: "sticky",
          top: 56,
          zIndex: 9,
          background: "#f5f5f5",
          margin: "-8px -8px 8px",
          padding: "8px 8px 4px",
        }}
      >
        <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", justifyContent: "space-between" }}>
          <div style={{ minWidth: 0, flex: "1 1 420px" }}>
            <Link to={paths.plans} style={{ fontSize: 13 }}>
              <ArrowLeftOutlined /> {t("plans.backToList")}
            </Link>
            <Typography.Title level={4} style={{ margin: "4px 0 2px" }} ellipsis={{ tooltip: plan.title }} data-testid="plan-title">
              {plan.title}
            </Typography.Title>
            <Space wrap size={6}>
              <Tag color={statusColor(record.status)} data-testid="plan-status">
                {record.statusLabel}
              </Tag>
              <Typography.Text type="secondary">
                {t("plans.headerLine", { issuer: record.issuerName, year: String(plan.year), revision: formatNumber(record.revision) })}
              </Typography.Text>
              {dirty ? (
                <Tag color="orange" data-testid="unsaved">
                  {t("plans.unsavedTag")}
                </Tag>
              ) : null}
              {amending ? <Tag color="purple">{t("plans.amendingTag")}</Tag> : null}
            </Space>
          </div>
          {launched && me && canMovement(me) && !amending ? (
            <Button type="primary" ghost icon={<RocketOutlined />} onClick={() => navigate(movementPaths.plan(record.id))} data-testid="movement-link">
              {t("mv.deploy")}
            </Button>
          ) : null}
          {canWrite ? (
            <Space wrap data-testid="editor-actions">
              {!launched ? (
                <Button type={dirty ? "primary" : "default"} icon={<SaveOutlined />} loading={saving} disabled={!dirty} onClick={() => void save()}>
                  {t("plans.saveDraft")}
                </Button>
              ) : amending ? (
                <>
                  <Button onClick={cancelAmendment} icon={<CloseOutlined />}>
                    {t("plans.cancelAmendment")}
                  </Button>
                  <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} onClick={() => setAmendOpen(true)}>
                    {t("plans.saveAmendment")}
                  </Button>
                </>
              ) : record.status === "launched" ? (
                <Button icon={<EditOutlined />} onClick={() => setAmending(true)}>
                  {t("plans.createAmendment")}
                </Button>
              ) : null}
            </Space>
          ) : null}
        </div>
      </div>

      {!canWrite ? <Alert type="info" showIcon title={t("plans.readOnlyNotice")} style={{ marginBottom: 12 }} data-testid="read-only-notice" /> : null}
      {canWrite && launched && !amending ? <Alert type="info" showIcon title={t("plans.frozenNotice")} style={{ marginBottom: 12 }} /> : null}
      {amending ? <Alert type="warning" showIcon title={t("plans.amendingNotice")} style={{ marginBottom: 12 }} /> : null}
      {refused ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setRefused(null) }}
          title={refused.message}
          description={refused.issues.length ? <IssuesList issues={refused.issues} plan={plan} onGoto={goto} /> : undefined}
          style={{ marginBottom: 12 }}
          data-testid="refused"
        />
      ) : null}

      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as EditorTab)}
        items={[
          { key: "general", label: t("plans.tab.general"), children: <GeneralTab {...tabProps} launched={launched} /> },
          {
            key: "criteria",
            label: t("plans.tab.criteria"),
            children: (
              <CriteriaTab
                {...tabProps}
                planId={record.id}
                groupIndex={groupIndex}
                onGroupIndex={setGroupIndex}
                selected={selected}
                onSelect={setSelected}
                issues={dirty ? null : record.issues}
                active={tab === "criteria"}
              />
            ),
          },
          { key: "targets", label: t("plans.tab.targets"), children: <TargetsTab {...tabProps} /> },
          { key: "milestones", label: t("plans.tab.milestones"), children: <MilestonesTab {...tabProps} /> },
          { key: "awards", label: t("plans.tab.awards"), children: <AwardsTab {...tabProps} /> },
          {
            key: "check",
            label: (
              <Badge count={issueCount} size="small" offset={[8, -2]} color={issueCount ? "#cf1322" : undefined}>
                <span>{t("plans.tab.check")}</span>
              </Badge>
            ),
            children: (
              <CheckTab
                record={record}
                plan={plan}
                dirty={dirty}
                canEdit={canWrite}
                canLaunch={canWrite}
                saving={saving}
                launching={launching}
                onSave={() => void save()}
                onLaunch={() => void launch()}
                onGoto={goto}
                groupId={groupId}
              />
            ),
          },
          { key: "revisions", label: t("plans.tab.revisions"), children: <RevisionsTab planId={record.id} active={tab === "revisions"} /> },
          { key: "cascade", label: t("plans.tab.cascade"), children: <CascadeTab planId={record.id} active={tab === "cascade"} /> },
        ]}
      />

      <Modal
        open={amendOpen}
        title={t("plans.amendTitle")}
        okText={t("plans.saveAmendment")}
        cancelText={t("common.cancel")}
        confirmLoading={saving}
        onOk={() => void amend().catch(() => undefined)}
        onCancel={() => setAmendOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t("plans.amendHelp")}</Typography.Paragraph>
        <Form form={amendForm} layout="vertical" name="amend-form">
          <Form.Item
            label={t("plans.amendNote")}
            name="note"
            rules={[{ required: true, whitespace: true, message: t("plans.amendNoteRequired") }, { max: 1000 }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
