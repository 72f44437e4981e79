// A commendation decision (/quyet-dinh/:id): recipients with amounts in figures and words and the total; the Word
// decision; the signer issues it with its number; once issued, the certificates to print and the public honour roll.
import { ArrowLeftOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Descriptions, Form, Input, Popconfirm, Space, Spin, Table, Tag, Typography } from "antd";
import { Link, useParams } from "react-router-dom";
import { http } from "../../api/client";
import { hasCapability, useMe } from "../../api/queries";
import { parseId } from "../../api/types";
import { useApiError } from "../../api/useApiError";
import { commendationKeys, commendationPaths, commendationUrls, type Decision, useDecision } from "../../components/commendation/api";
import { movementPaths } from "../../components/movement/api";
import { FileLink, FileUploadButton } from "../../components/movement/parts";
import { usePlan } from "../../components/plan/api";
import { DownloadButton } from "../../components/plan/DownloadButton";
import { ErrorState } from "../../components/States";
import { formatDate, formatDateTime, formatNumber } from "../../format";
import { t } from "../../i18n";

const money = (v: number | null) => (v === null ? "—" : `${formatNumber(v)} đồng`);

export default function DecisionPage() {
  const id = parseId(useParams().id);
  const { data: me } = useMe();
  const decision = useDecision(id);
  const plan = usePlan(decision.data?.planId ?? null);
  if (id === null) return <ErrorState error={new Error(t("cm.decision.notFound"))} />;
  if (decision.isError) return <ErrorState error={decision.error} onRetry={() => void decision.refetch()} />;
  if (!decision.data) return <Spin size="large" style={{ display: "block", margin: "80px auto" }} />;
  const d = decision.data;
  const formName = plan.data?.data.awardForms.find((f) => f.id === d.awardFormId)?.name ?? d.awardFormId;
  const canSign = hasCapability(me, "decision.sign");
  const office = !!plan.data?.can.manageMovement;

  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to={movementPaths.plan(d.planId, "khen-thuong")} style={{ fontSize: 13 }}>
          <ArrowLeftOutlined /> {t("cm.decision.back")}
        </Link>
        <Typography.Title level={4} style={{ margin: "4px 0 2px" }}>
          {t("cm.decision.title", { form: formName })}
        </Typography.Title>
        <Space wrap size={6}>
          <Tag color={d.status === "issued" ? "green" : d.status === "cancelled" ? "default" : "gold"} data-testid="decision-status">
            {d.statusLabel}
          </Tag>
          <Typography.Text data-testid="decision-number">{d.numberLine}</Typography.Text>
          {plan.data ? <Typography.Text type="secondary">· {plan.data.title}</Typography.Text> : null}
        </Space>
      </div>
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t("cm.decision.awardForm")}>{formName}</Descriptions.Item>
            <Descriptions.Item label={t("cm.draft.signedOn")}>{formatDate(d.signedOn)}</Descriptions.Item>
            <Descriptions.Item label={t("cm.draft.signerTitle")}>{d.signerTitle}</Descriptions.Item>
            <Descriptions.Item label={t("cm.draft.signerName")}>{d.signerName}</Descriptions.Item>
            {d.issuedAt ? <Descriptions.Item label={t("cm.decision.issuedAt")}>{formatDateTime(d.issuedAt)}</Descriptions.Item> : null}
          </Descriptions>
          <Space wrap style={{ marginTop: 8 }}>
            <DownloadButton href={commendationUrls.document(d.id)} fileName={`quyet-dinh-${d.id}.docx`}>
              {t("cm.decision.docx")}
            </DownloadButton>
            {d.status === "issued" ? (
              <>
                <DownloadButton href={commendationUrls.certificates(d.id)} fileName={`bang-khen-${d.id}.docx`}>
                  {t("cm.decision.certificates")}
                </DownloadButton>
                <Link to={commendationPaths.honourRoll(d.planId)}>{t("cm.decision.honourRoll")}</Link>
              </>
            ) : null}
          </Space>
        </Card>
        <Card size="small" title={t("cm.decision.recipients", { n: d.recipients.length })}>
          <Table
            size="small"
            rowKey="nominationId"
            pagination={false}
            dataSource={d.recipients}
            data-testid="decision-recipients"
            columns={[
              { title: "#", width: 48, render: (_v, _r, i) => i + 1 },
              { title: t("cm.col.nominee"), dataIndex: "name" },
              { title: t("cm.col.unit"), dataIndex: "unitName", render: (v: string, r) => (v === r.name ? "" : v) },
              {
                title: t("cm.col.target"),
                dataIndex: "target",
                render: (v: string) => (v === "individual" ? t("cm.target.individual") : t("cm.target.collective")),
              },
              { title: t("cm.col.amount"), dataIndex: "amount", align: "right", render: (v: number | null) => money(v) },
              {
                title: t("cm.col.amountWords"),
                dataIndex: "amountWords",
                render: (v: string | null, r) => (
                  <>
                    <div>{v ?? "—"}</div>
                    {r.amountExplanation ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.amountExplanation}
                      </Typography.Text>
                    ) : null}
                  </>
                ),
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={4}>
                  <strong>{t("cm.decision.total")}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  <strong data-testid="decision-total">{money(d.totalAmount)}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} />
              </Table.Summary.Row>
            )}
          />
        </Card>
        {d.status === "draft" && canSign ? <IssueCard decision={d} /> : null}
        {d.status === "draft" && (office || canSign) ? <CancelCard decision={d} /> : null}
        {d.status === "issued" && (office || d.signedScan) ? (
          <SignedScanCard decision={d} canAttach={office} issuerUnitId={plan.data?.issuerUnitId ?? null} />
        ) : null}
      </Space>
    </>
  );
}

function IssueCard({ decision: d }: { decision: Decision }) {
  const [form] = Form.useForm<{ number: string }>();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const issue = useMutation({
    mutationFn: (v: { number: string }) => http.post<Decision>(`/api/decisions/${d.id}/issue`, { version: d.version, number: v.number }),
    onSuccess: (next) => {
      message.success(t("cm.issue.done"));
      queryClient.setQueryData(commendationKeys.decision(d.id), next);
      void queryClient.invalidateQueries({ queryKey: commendationKeys.honourRoll(d.planId) });
    },
    onError: (err) => showError(err, { form, onConflict: () => void queryClient.invalidateQueries({ queryKey: commendationKeys.decision(d.id) }) }),
  });
  return (
    <Card size="small" title={t("cm.issue.title")} data-testid="decision-issue">
      <Form form={form} layout="inline" initialValues={{ number: d.number ?? "" }} onFinish={(v) => issue.mutate(v)}>
        <Form.Item name="number" label={t("cm.issue.number")} rules={[{ required: true, whitespace: true, message: t("cm.issue.numberRequired") }]}>
          <Input style={{ width: 140 }} maxLength={20} suffix={`/${d.symbol}`} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={issue.isPending}>
          {t("cm.issue.submit")}
        </Button>
      </Form>
    </Card>
  );
}

/** The office (or the signer) cancels a draft with a reason: it stays on record and frees its places in the quotas. */
function CancelCard({ decision: d }: { decision: Decision }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: (v: { reason: string }) => http.post<Decision>(`/api/decisions/${d.id}/cancel`, { version: d.version, reason: v.reason }),
    onSuccess: (next) => {
      message.success(t("cm.cancel.done"));
      queryClient.setQueryData(commendationKeys.decision(d.id), next);
      void queryClient.invalidateQueries({ queryKey: ["commendation"] });
    },
    onError: (err) => showError(err, { form, onConflict: () => void queryClient.invalidateQueries({ queryKey: commendationKeys.decision(d.id) }) }),
  });
  return (
    <Card size="small" title={t("cm.cancel.title")} data-testid="decision-cancel">
      <Typography.Paragraph type="secondary">{t("cm.cancel.hint")}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(v) => cancel.mutate(v)}>
        <Form.Item name="reason" label={t("cm.cancel.reason")} rules={[{ required: true, whitespace: true, message: t("cm.cancel.reasonRequired") }]}>
          <Input style={{ width: 320 }} maxLength={500} />
        </Form.Item>
        <Popconfirm title={t("cm.cancel.confirm")} onConfirm={() => form.submit()}>
          <Button danger loading={cancel.isPending}>
            {t("cm.cancel.submit")}
          </Button>
        </Popconfirm>
      </Form>
    </Card>
  );
}

/** The scan of the signed paper decision: the office attaches it once issued; everyone who sees the decision downloads it. */
function SignedScanCard({ decision: d, canAttach, issuerUnitId }: { decision: Decision; canAttach: boolean; issuerUnitId: number | null }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const attach = useMutation({
    mutationFn: (fileId: string) => http.put<Decision>(`/api/decisions/${d.id}/signed-scan`, { fileId }),
    onSuccess: (next) => {
      message.success(t("cm.scan.attached"));
      queryClient.setQueryData(commendationKeys.decision(d.id), next);
    },
    onError: (err) => showError(err),
  });
  return (
    <Card size="small" title={t("cm.scan.title")} data-testid="signed-scan">
      <Space orientation="vertical" size={8}>
        {d.signedScan ? <FileLink file={d.signedScan} /> : <Typography.Text type="secondary">{t("cm.scan.none")}</Typography.Text>}
        {canAttach && issuerUnitId !== null ? (
          <FileUploadButton
            unitId={issuerUnitId}
            label={d.signedScan ? t("cm.scan.replace") : t("cm.scan.upload")}
            onUploaded={(f) => attach.mutate(f.id)}
            testId="signed-scan-upload"
          />
        ) : null}
      </Space>
    </Card>
  );
}
