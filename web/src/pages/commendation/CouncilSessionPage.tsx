// One council session (/hoi-dong/phien/:id): the agenda with nominee names; the secretary or the office sets the
// agenda, ticks who is present, opens and closes voting; each present member casts a secret ballot once;
// after closing everyone on the session sees the tally and downloads the minutes; the office drafts a decision.
import { ArrowLeftOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Checkbox, InputNumber, Popconfirm, Radio, Select, Space, Spin, Table, Tag, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { http } from "../../api/client";
import { useMe } from "../../api/queries";
import { parseId } from "../../api/types";
import { useApiError } from "../../api/useApiError";
import {
  CHOICES,
  type Choice,
  type CouncilSession,
  commendationKeys,
  commendationPaths,
  commendationUrls,
  useNominations,
  useResults,
  useSession,
} from "../../components/commendation/api";
import { usePlan } from "../../components/plan/api";
import { DownloadButton } from "../../components/plan/DownloadButton";
import { ErrorState } from "../../components/States";
import { formatDate, formatNumber } from "../../format";
import { t } from "../../i18n";
import { DecisionDraftCard } from "./DecisionDraftCard";

const STATUS_COLOR = { draft: "default", open: "processing", closed: "green" } as const;

export default function CouncilSessionPage() {
  const id = parseId(useParams().id);
  const { data: me } = useMe();
  const session = useSession(id);
  const plan = usePlan(session.data?.planId ?? null);

  if (id === null) return <ErrorState error={new Error(t("cm.session.notFound"))} />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data || !me) return <Spin size="large" style={{ display: "block", margin: "80px auto" }} />;
  const s = session.data;
  const office = !!plan.data?.can.manageMovement;
  const runs = office || s.secretaryUserId === me.id;
  const isMember = s.members.some((m) => m.id === me.id);
  const formName = (formId: string) => plan.data?.data.awardForms.find((f) => f.id === formId)?.name ?? formId;
  const role = (userId: number) =>
    userId === s.chairUserId ? t("cm.session.chair") : userId === s.secretaryUserId ? t("cm.session.secretary") : t("cm.session.member");

  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to={commendationPaths.council} style={{ fontSize: 13 }}>
          <ArrowLeftOutlined /> {t("cm.council.back")}
        </Link>
        <Typography.Title level={4} style={{ margin: "4px 0 2px" }} data-testid="session-title">
          {s.title}
        </Typography.Title>
        <Space wrap size={6}>
          <Tag color={STATUS_COLOR[s.status]} data-testid="session-status">
            {s.statusLabel}
          </Tag>
          <Typography.Text type="secondary">
            {t("cm.session.line", { heldOn: formatDate(s.heldOn), ballot: s.ballot === "secret" ? t("cm.ballot.secret") : t("cm.ballot.open") })}
          </Typography.Text>
          {plan.data ? <Typography.Text type="secondary">· {plan.data.title}</Typography.Text> : null}
        </Space>
      </div>
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <Card size="small" title={t("cm.session.rule")}>
          <Typography.Text>
            {t("cm.session.ruleText", {
              quorum: String(s.rule.quorumPercent),
              threshold: String(s.rule.thresholdPercent),
              denominator: s.rule.denominator === "members" ? t("cm.rule.members") : t("cm.rule.present"),
            })}
          </Typography.Text>
          {s.rule.source ? (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {s.rule.source}
            </Typography.Paragraph>
          ) : null}
        </Card>

        <Card size="small" title={t("cm.session.agenda")} data-testid="session-agenda">
          <Table
            size="small"
            rowKey="nominationId"
            pagination={false}
            dataSource={s.agenda}
            locale={{ emptyText: t("cm.session.agendaEmpty") }}
            columns={[
              { title: "#", width: 48, render: (_v, _r, i) => i + 1 },
              { title: t("cm.col.nominee"), dataIndex: "name" },
              { title: t("cm.col.awardForm"), dataIndex: "awardFormId", render: (v: string) => formName(v) },
              {
                title: t("cm.session.recused"),
                key: "recused",
                render: (_v, a) => (
                  <span data-testid={`recused-${a.nominationId}`}>
                    {s.recusals
                      .filter((r) => r.nominationId === a.nominationId)
                      .map((r) => `${r.name} (${r.reason})`)
                      .join("; ")}
                  </span>
                ),
              },
            ]}
          />
          {s.status === "draft" && s.recusals.length ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("cm.session.recusedDraft")}
            </Typography.Text>
          ) : null}
        </Card>

        {runs && s.status === "draft" ? <SecretaryDraft session={s} /> : null}
        {runs && s.status === "open" ? <SecretaryOpen session={s} /> : null}

        {s.status !== "draft" ? (
          <Card size="small" title={t("cm.session.members")}>
            <Space wrap>
              {s.members.map((m) => (
                <Tag key={m.id} color={s.present.includes(m.id) ? "green" : "default"}>
                  {m.fullName} · {role(m.id)} · {s.present.includes(m.id) ? t("cm.session.presentYes") : t("cm.session.presentNo")}
                </Tag>
              ))}
            </Space>
          </Card>
        ) : null}

        {s.status === "open" && isMember && s.ballot === "secret" ? <BallotForm session={s} meId={me.id} formName={formName} /> : null}
        {s.status === "open" && s.ballot === "open" ? <Alert type="info" showIcon title={t("cm.ballot.openNote")} /> : null}
        {runs && s.status === "open" && s.ballot === "open" ? <OpenVotesCard session={s} formName={formName} /> : null}
        {s.status === "closed" ? <Results session={s} formName={formName} /> : null}
        {s.status === "closed" && office && plan.data ? <DecisionDraftCard session={s} plan={plan.data} /> : null}
      </Space>
    </>
  );
}

function useRefresh(id: number) {
  const queryClient = useQueryClient();
  return (next?: CouncilSession) => {
    if (next) queryClient.setQueryData(commendationKeys.session(id), next);
    void queryClient.invalidateQueries({ queryKey: commendationKeys.session(id) });
    void queryClient.invalidateQueries({ queryKey: ["commendation", "sessions"] });
  };
}

/** Before voting: the agenda from the plan's lodged nominations, attendance, and opening the vote. */
function SecretaryDraft({ session: s }: { session: CouncilSession }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const refresh = useRefresh(s.id);
  const nominations = useNominations(s.planId);
  const [agenda, setAgenda] = useState<number[]>(s.agenda.map((a) => a.nominationId));
  const [present, setPresent] = useState<number[]>(s.present);
  useEffect(() => setAgenda(s.agenda.map((a) => a.nominationId)), [s.agenda]);
  const options = useMemo(
    () =>
      (nominations.data ?? [])
        .filter((n) => n.status === "submitted" || n.status === "accepted")
        .map((n) => ({ value: n.id, label: `${n.name} — ${n.awardFormName} (${n.statusLabel})` })),
    [nominations.data],
  );
  const saveAgenda = useMutation({
    mutationFn: () => http.put<CouncilSession>(`/api/council-sessions/${s.id}/agenda`, { nominationIds: agenda }),
    onSuccess: (next) => {
      message.success(t("cm.session.agendaSaved"));
      refresh(next);
    },
    onError: (err) => showError(err),
  });
  const open = useMutation({
    mutationFn: () => http.post<CouncilSession>(`/api/council-sessions/${s.id}/open`, { version: s.version, present }),
    onSuccess: (next) => {
      message.success(t("cm.session.opened"));
      refresh(next);
    },
    onError: (err) => showError(err, { onConflict: () => refresh() }),
  });
  return (
    <Card size="small" title={t("cm.session.prepare")} data-testid="session-prepare">
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        <div>
          <Typography.Text strong>{t("cm.session.chooseAgenda")}</Typography.Text>
          <Space.Compact style={{ width: "100%", marginTop: 4 }}>
            <Select
              mode="multiple"
              style={{ width: "100%" }}
              loading={nominations.isPending}
              options={options}
              value={agenda}
              onChange={setAgenda}
              optionFilterProp="label"
              aria-label={t("cm.session.chooseAgenda")}
              placeholder={t("cm.session.chooseAgendaHint")}
            />
            <Button onClick={() => saveAgenda.mutate()} loading={saveAgenda.isPending}>
              {t("cm.session.saveAgenda")}
            </Button>
          </Space.Compact>
        </div>
        <div data-testid="session-attendance">
          <Typography.Text strong>{t("cm.session.attendance")}</Typography.Text>
          <div style={{ marginTop: 4 }}>
            <Checkbox.Group value={present} onChange={(v) => setPresent(v as number[])} options={s.members.map((m) => ({ value: m.id, label: m.fullName }))} />
          </div>
          <Typography.Text type="secondary">{t("cm.session.presentCount", { n: present.length, total: s.members.length })}</Typography.Text>
        </div>
        <Button type="primary" onClick={() => open.mutate()} loading={open.isPending}>
          {t("cm.session.open")}
        </Button>
      </Space>
    </Card>
  );
}

function SecretaryOpen({ session: s }: { session: CouncilSession }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const refresh = useRefresh(s.id);
  const close = useMutation({
    mutationFn: () => http.post<CouncilSession>(`/api/council-sessions/${s.id}/close`),
    onSuccess: (next) => {
      message.success(t("cm.session.closed"));
      refresh(next);
    },
    onError: (err) => showError(err),
  });
  return (
    <Card size="small" title={t("cm.session.running")}>
      <Space wrap>
        <Typography.Text type="secondary">{t("cm.session.closeHint")}</Typography.Text>
        <Popconfirm title={t("cm.session.closeConfirm")} okText={t("cm.session.closeOk")} cancelText={t("common.cancel")} onConfirm={() => close.mutate()}>
          <Button danger loading={close.isPending}>
            {t("cm.session.close")}
          </Button>
        </Popconfirm>
      </Space>
    </Card>
  );
}

const CHOICE_LABEL: Record<Choice, Parameters<typeof t>[0]> = { approve: "cm.choice.approve", reject: "cm.choice.reject", abstain: "cm.choice.abstain" };

/** A present member's secret ballot: one choice per nominee, sent once. */
function BallotForm({ session: s, meId, formName }: { session: CouncilSession; meId: number; formName: (id: string) => string }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const refresh = useRefresh(s.id);
  const [choices, setChoices] = useState<Record<number, Choice>>({});
  // Nominees the member is recused from are not on their ballot (the server refuses them too).
  const pending = s.agenda.filter((a) => !s.myVotes.includes(a.nominationId) && !s.myRecusals.includes(a.nominationId));
  const recused = s.agenda.flatMap((a) => {
    const r = s.recusals.find((x) => x.nominationId === a.nominationId && x.userId === meId);
    return r ? [t("cm.ballot.recusedItem", { name: a.name, reason: r.reason })] : [];
  });
  const recusedNote = recused.length ? (
    <Alert
      type="info"
      showIcon
      data-testid="ballot-recused"
      title={t("cm.ballot.recused")}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {recused.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      }
    />
  ) : null;
  const send = useMutation({
    mutationFn: () =>
      http.post(`/api/council-sessions/${s.id}/ballots`, { choices: pending.map((a) => ({ nominationId: a.nominationId, choice: choices[a.nominationId] })) }),
    onSuccess: () => {
      message.success(t("cm.ballot.sent"));
      refresh();
    },
    onError: (err) => {
      showError(err);
      refresh();
    },
  });
  if (!s.present.includes(meId)) return <Alert type="warning" showIcon title={t("cm.ballot.absent")} />;
  if (pending.length === 0)
    return (
      <Space orientation="vertical" style={{ width: "100%" }}>
        {recusedNote}
        {s.myVotes.length ? (
          <Alert type="success" showIcon title={t("cm.ballot.done")} description={t("cm.ballot.doneText")} data-testid="ballot-done" />
        ) : (
          <Alert type="info" showIcon title={t("cm.ballot.allRecused")} />
        )}
      </Space>
    );
  const complete = pending.every((a) => choices[a.nominationId]);
  return (
    <Card size="small" title={t("cm.ballot.title")} data-testid="ballot-form">
      <Typography.Paragraph type="secondary">{t("cm.ballot.secretNote")}</Typography.Paragraph>
      {recusedNote ? <div style={{ marginBottom: 12 }}>{recusedNote}</div> : null}
      <Table
        size="small"
        rowKey="nominationId"
        pagination={false}
        dataSource={pending}
        columns={[
          { title: t("cm.col.nominee"), dataIndex: "name", render: (v: string, a) => <span data-testid={`ballot-name-${a.nominationId}`}>{v}</span> },
          { title: t("cm.col.awardForm"), dataIndex: "awardFormId", render: (v: string) => formName(v) },
          {
            title: t("cm.ballot.choice"),
            render: (_v, a) => (
              <Radio.Group
                data-testid={`ballot-${a.name}`}
                aria-label={a.name}
                value={choices[a.nominationId]}
                onChange={(e) => setChoices((c) => ({ ...c, [a.nominationId]: e.target.value as Choice }))}
                options={CHOICES.map((c) => ({ value: c, label: t(CHOICE_LABEL[c]) }))}
              />
            ),
          },
        ]}
      />
      <div style={{ marginTop: 12 }}>
        <Popconfirm
          title={t("cm.ballot.confirm")}
          okText={t("cm.ballot.send")}
          cancelText={t("common.cancel")}
          onConfirm={() => send.mutate()}
          disabled={!complete}
        >
          <Button type="primary" disabled={!complete} loading={send.isPending}>
            {t("cm.ballot.send")}
          </Button>
        </Popconfirm>
        {!complete ? (
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            {t("cm.ballot.incomplete")}
          </Typography.Text>
        ) : null}
      </div>
    </Card>
  );
}

type Counts = { approve: number; reject: number; abstain: number };
const NO_VOTES: Counts = { approve: 0, reject: 0, abstain: 0 };

/** An open vote: the secretary records, per nominee, how many present members approved, rejected or abstained. */
function OpenVotesCard({ session: s, formName }: { session: CouncilSession; formName: (id: string) => string }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const refresh = useRefresh(s.id);
  const recorded = (id: number) => s.openVotes.find((v) => v.nominationId === id);
  const [counts, setCounts] = useState<Record<number, Counts>>({});
  const value = (id: number): Counts => counts[id] ?? recorded(id) ?? NO_VOTES;
  const save = useMutation({
    mutationFn: (id: number) => http.post(`/api/council-sessions/${s.id}/open-votes`, { nominationId: id, ...value(id) }),
    onSuccess: (_r, id) => {
      message.success(t("cm.openVote.saved"));
      setCounts(({ [id]: _, ...rest }) => rest);
      refresh();
    },
    onError: (err) => showError(err),
  });
  const input = (id: number, key: keyof Counts, label: string) => (
    <InputNumber
      min={0}
      max={s.present.length}
      precision={0}
      style={{ width: 72 }}
      aria-label={`${label} — ${s.agenda.find((a) => a.nominationId === id)?.name ?? ""}`}
      value={value(id)[key]}
      onChange={(v) => setCounts((c) => ({ ...c, [id]: { ...value(id), [key]: Number(v ?? 0) } }))}
    />
  );
  return (
    <Card size="small" title={t("cm.openVote.title")} data-testid="open-votes">
      <Typography.Paragraph type="secondary">{t("cm.openVote.help", { n: s.present.length })}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="nominationId"
        pagination={false}
        dataSource={s.agenda}
        columns={[
          { title: t("cm.col.nominee"), dataIndex: "name" },
          { title: t("cm.col.awardForm"), dataIndex: "awardFormId", render: (v: string) => formName(v) },
          { title: t("cm.choice.approve"), key: "approve", render: (_v, a) => input(a.nominationId, "approve", t("cm.choice.approve")) },
          { title: t("cm.choice.reject"), key: "reject", render: (_v, a) => input(a.nominationId, "reject", t("cm.choice.reject")) },
          { title: t("cm.choice.abstain"), key: "abstain", render: (_v, a) => input(a.nominationId, "abstain", t("cm.choice.abstain")) },
          {
            title: t("common.actions"),
            key: "save",
            render: (_v, a) => (
              <Space size={4}>
                <Button
                  size="small"
                  type={counts[a.nominationId] ? "primary" : "default"}
                  loading={save.isPending && save.variables === a.nominationId}
                  onClick={() => save.mutate(a.nominationId)}
                >
                  {t("cm.openVote.save")}
                </Button>
                {recorded(a.nominationId) && !counts[a.nominationId] ? <Tag color="green">{t("cm.openVote.recorded")}</Tag> : null}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

function Results({ session: s, formName }: { session: CouncilSession; formName: (id: string) => string }) {
  const results = useResults(s.id, true);
  if (results.isError) return <ErrorState error={results.error} onRetry={() => void results.refetch()} />;
  return (
    <Card
      size="small"
      title={t("cm.results.title")}
      data-testid="session-results"
      extra={
        <DownloadButton href={commendationUrls.minutes(s.id)} fileName={`bien-ban-${s.id}.docx`}>
          {t("cm.results.minutes")}
        </DownloadButton>
      }
    >
      <Table
        size="small"
        rowKey="nominationId"
        pagination={false}
        loading={results.isPending}
        dataSource={results.data ?? []}
        columns={[
          { title: t("cm.col.nominee"), dataIndex: "name" },
          { title: t("cm.col.awardForm"), dataIndex: "awardFormId", render: (v: string) => formName(v) },
          { title: t("cm.choice.approve"), dataIndex: "approve", align: "right" },
          { title: t("cm.choice.reject"), dataIndex: "reject", align: "right" },
          { title: t("cm.choice.abstain"), dataIndex: "abstain", align: "right" },
          { title: t("cm.results.percent"), dataIndex: "percent", align: "right", render: (v: number) => `${formatNumber(Math.round(v * 100) / 100)}%` },
          {
            title: t("cm.results.passed"),
            dataIndex: "passed",
            render: (v: boolean) => <Tag color={v ? "green" : "red"}>{v ? t("cm.results.yes") : t("cm.results.no")}</Tag>,
          },
          { title: t("cm.results.explanation"), dataIndex: "explanation" },
        ]}
      />
    </Card>
  );
}
