// "Đăng ký thi đua": registered points per scored criterion (at most its max), commitments and planned initiatives,
// until the registration deadline (or the office's reopening).
import { SaveOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useMemo, useState } from "react";
import { vietnamDate } from "../../../../src/domain/calendar";
import { ApiError, http } from "../../api/client";
import { useApiError } from "../../api/useApiError";
import { movementKeys, scoredLeaves } from "../../components/movement/api";
import type { ParticipantDetail } from "../../components/movement/types";
import { planFileUrls } from "../../components/plan/api";
import { DownloadButton } from "../../components/plan/DownloadButton";
import { Num } from "../../components/plan/fields";
import type { Criterion, Group, PlanRecord } from "../../components/plan/model";
import { formatDate, formatNumber } from "../../format";
import { t } from "../../i18n";

/** Registration is open until the end of the due day in Vietnam, or of the office's reopening (browser clock; the server decides). */
export function registrationOpen(due: string | null, reopenedUntil: string | null): boolean {
  const today = vietnamDate(new Date());
  if (reopenedUntil && reopenedUntil >= today) return true;
  return !due || due >= today;
}

interface Row {
  criterion: Criterion;
  parent: string;
}

export function RegistrationTab({ participant, plan, group, canEdit }: { participant: ParticipantDetail; plan: PlanRecord; group: Group; canEdit: boolean }) {
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const reg = participant.registration;
  const [points, setPoints] = useState<Record<string, number | undefined>>(reg?.registeredPoints ?? {});
  const [commitments, setCommitments] = useState(reg?.commitments ?? "");
  const [planned, setPlanned] = useState((reg?.plannedInitiatives ?? []).join("\n"));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  // Adopt the server's registration whenever the record changes (after a save or a reload).
  useEffect(() => {
    setPoints(participant.registration?.registeredPoints ?? {});
    setCommitments(participant.registration?.commitments ?? "");
    setPlanned((participant.registration?.plannedInitiatives ?? []).join("\n"));
  }, [participant.registration]);

  const rows: Row[] = useMemo(() => {
    const out: Row[] = [];
    const walk = (cs: Criterion[], parent: string) => {
      for (const c of cs) {
        if (c.children?.length) walk(c.children, parent || `${c.code ? `${c.code}. ` : ""}${c.title}`);
        else if (c.max !== undefined) out.push({ criterion: c, parent });
      }
    };
    walk(group.criteria, "");
    return out;
  }, [group.criteria]);
  const leaves = scoredLeaves(group.criteria);
  const max = leaves.reduce((s, c) => s + (c.max ?? 0), 0);
  const total = leaves.reduce((s, c) => s + (points[c.id] ?? 0), 0);
  const open = participant.registrationOpen ?? registrationOpen(participant.registrationDue, participant.reopenedUntil);
  const editable = canEdit && open;

  const save = async () => {
    setSaving(true);
    setErrors({});
    try {
      const registeredPoints = Object.fromEntries(Object.entries(points).filter((e): e is [string, number] => typeof e[1] === "number"));
      await http.put(`/api/participants/${participant.id}/registration`, {
        version: participant.version,
        registeredPoints,
        commitments,
        plannedInitiatives: planned
          .split("\n")
          .map((s) => s.trim())
          .filter(Boolean),
      });
      message.success(participant.registered ? t("mv.reg.updated") : t("mv.reg.saved"));
      await queryClient.invalidateQueries({ queryKey: movementKeys.participant(participant.id) });
      await queryClient.invalidateQueries({ queryKey: movementKeys.participantsOf(participant.planId) });
    } catch (err) {
      if (err instanceof ApiError && err.code === "BAD_REGISTRATION") {
        setErrors(Object.fromEntries(err.fieldErrors.map((d) => [d.path.replace(/^registeredPoints\./, ""), d.message])));
      }
      showError(err, { onConflict: () => void queryClient.invalidateQueries({ queryKey: movementKeys.participant(participant.id) }) });
    } finally {
      setSaving(false);
    }
  };

  const columns: ColumnsType<Row> = [
    {
      title: t("mv.reg.criterion"),
      key: "title",
      render: (_: unknown, r) => (
        <div>
          {r.parent ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: "block" }}>
              {r.parent}
            </Typography.Text>
          ) : null}
          {r.criterion.code ? <strong>{r.criterion.code}. </strong> : null}
          {r.criterion.title}
        </div>
      ),
    },
    { title: t("mv.reg.max"), key: "max", width: 76, align: "right", render: (_: unknown, r) => formatNumber(r.criterion.max ?? 0) },
    {
      title: t("mv.reg.points"),
      key: "points",
      width: 120,
      render: (_: unknown, r) => (
        <Form.Item style={{ margin: 0 }} validateStatus={errors[r.criterion.id] ? "error" : undefined} help={errors[r.criterion.id]}>
          <Num
            value={points[r.criterion.id]}
            onChange={(v) => setPoints((prev) => ({ ...prev, [r.criterion.id]: v }))}
            min={0}
            max={r.criterion.max}
            disabled={!editable}
            aria-label={t("mv.reg.pointsFor", { title: r.criterion.title })}
          />
        </Form.Item>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      {open ? (
        <Alert
          type="info"
          showIcon
          title={
            participant.reopenedUntil && participant.registrationDue && participant.registrationDue < (participant.today ?? vietnamDate(new Date()))
              ? t("mv.reg.reopened", { date: formatDate(participant.reopenedUntil) })
              : participant.registrationDue
                ? t("mv.reg.due", { date: formatDate(participant.registrationDue) })
                : t("mv.reg.noDue")
          }
        />
      ) : (
        <Alert type="warning" showIcon title={t("mv.reg.expired", { date: formatDate(participant.registrationDue) })} data-testid="registration-expired" />
      )}
      <Card size="small">
        <Table<Row> rowKey={(r) => r.criterion.id} size="small" dataSource={rows} columns={columns} pagination={false} data-testid="registration-table" />
        <Typography.Paragraph strong style={{ margin: "12px 0 0" }} data-testid="registration-total">
          {t("mv.reg.total", { total: formatNumber(total), max: formatNumber(max) })}
        </Typography.Paragraph>
      </Card>
      <Card size="small">
        <Form layout="vertical" component="div" disabled={!editable}>
          <Form.Item label={t("mv.reg.commitments")}>
            <Input.TextArea
              value={commitments}
              onChange={(e) => setCommitments(e.target.value)}
              autoSize={{ minRows: 3, maxRows: 10 }}
              maxLength={5000}
              showCount
            />
          </Form.Item>
          <Form.Item label={t("mv.reg.planned")} help={t("mv.reg.plannedHelp")}>
            <Input.TextArea value={planned} onChange={(e) => setPlanned(e.target.value)} autoSize={{ minRows: 2, maxRows: 10 }} />
          </Form.Item>
        </Form>
      </Card>
      <Space wrap>
        {canEdit ? (
          <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!editable} onClick={() => void save()}>
            {participant.registered ? t("mv.reg.update") : t("mv.reg.submit")}
          </Button>
        ) : null}
        <DownloadButton href={planFileUrls.scoringSheet(plan.id, group.id, "xlsx")} fileName={`bang-dang-ky-${group.id}.xlsx`}>
          {t("mv.reg.sheet")}
        </DownloadButton>
      </Space>
    </Space>
  );
}
