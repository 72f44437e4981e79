// "Mốc thời gian": deadlines of the movement (registration, subordinate plans, reports, self-scoring, dossier…)
// as a list, and on a calendar.
import { Badge, Calendar, Card, Col, Input, Row, Select, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { DateField, enumLabel, enumOptions, ObjectListEditor, optionalText, ReadOnlyScope } from "../../components/plan/fields";
import { MILESTONE_KINDS, type Milestone, uniqueId } from "../../components/plan/model";
import { formatDate, parseApiDate } from "../../format";
import { t } from "../../i18n";
import type { TabProps } from "./editorTypes";

const KIND_COLOR: Record<string, string> = {
  registration: "blue",
  subordinate_plans: "purple",
  report: "cyan",
  self_assessment: "gold",
  dossier: "orange",
  appraisal: "magenta",
  movement_end: "red",
  other: "default",
};

export function MilestonesTab({ plan, update, readOnly }: TabProps) {
  const sorted = useMemo(
    () => [...plan.milestones].filter((m) => m.due || m.from).sort((a, b) => (a.due ?? a.from ?? "").localeCompare(b.due ?? b.from ?? "")),
    [plan.milestones],
  );
  const first = parseApiDate(sorted[0]?.due ?? sorted[0]?.from ?? plan.period.from ?? plan.period.to);
  const [month, setMonth] = useState<Dayjs | null>(null);
  const shown = month ?? first ?? undefined;

  const byDate = useMemo(() => {
    const map = new Map<string, { m: Milestone; start: boolean }[]>();
    for (const m of plan.milestones) {
      if (m.due) map.set(m.due, [...(map.get(m.due) ?? []), { m, start: false }]);
      if (m.from && m.from !== m.due) map.set(m.from, [...(map.get(m.from) ?? []), { m, start: true }]);
    }
    return map;
  }, [plan.milestones]);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xxl={13}>
        <ReadOnlyScope readOnly={readOnly}>
          <Card size="small" title={t("plans.milestones.title")}>
            <ObjectListEditor<Milestone>
              value={plan.milestones}
              onChange={(milestones) =>
                update((d) => {
                  d.milestones = milestones;
                })
              }
              readOnly={readOnly}
              data-testid="milestones"
              scrollX={860}
              newRow={() => ({
                id: uniqueId(
                  "moc",
                  plan.milestones.map((m) => m.id),
                ),
                kind: "other",
                label: t("plans.milestones.newLabel"),
                due: plan.period.to,
              })}
              addLabel={t("plans.milestones.add")}
              rowLabel={(r) => r.label}
              emptyText={t("plans.milestones.empty")}
              columns={[
                {
                  title: t("plans.milestones.label"),
                  key: "label",
                  render: (r, set) => (
                    <Input.TextArea
                      value={r.label}
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      onChange={(e) => set({ label: e.target.value })}
                      status={r.label.trim() ? undefined : "error"}
                      aria-label={t("plans.milestones.label")}
                    />
                  ),
                },
                {
                  title: t("plans.milestones.kind"),
                  key: "kind",
                  width: 190,
                  render: (r, set) => (
                    <Select
                      value={r.kind}
                      options={enumOptions(MILESTONE_KINDS, "plans.milestoneKind")}
                      onChange={(kind) => set({ kind })}
                      popupMatchSelectWidth={false}
                      style={{ width: "100%" }}
                      aria-label={t("plans.milestones.kind")}
                    />
                  ),
                },
                {
                  title: t("plans.milestones.from"),
                  key: "from",
                  width: 150,
                  render: (r, set) => <DateField value={r.from} onChange={(from) => set({ from })} aria-label={t("plans.milestones.from")} />,
                },
                {
                  title: t("plans.milestones.due"),
                  key: "due",
                  width: 150,
                  render: (r, set) => <DateField value={r.due} onChange={(due) => set({ due })} aria-label={t("plans.milestones.due")} />,
                },
              ]}
              expand={(r, set) => (
                <Row gutter={12}>
                  <Col xs={24} md={8}>
                    <Typography.Text type="secondary">{t("plans.milestones.id")}</Typography.Text>
                    <Input value={r.id} onChange={(e) => set({ id: e.target.value.trim() })} aria-label={t("plans.milestones.id")} />
                  </Col>
                  <Col xs={24} md={16}>
                    <Typography.Text type="secondary">{t("plans.source")}</Typography.Text>
                    <Input.TextArea
                      value={r.source ?? ""}
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      onChange={(e) => set({ source: optionalText(e.target.value) })}
                      aria-label={t("plans.source")}
                    />
                  </Col>
                </Row>
              )}
            />
          </Card>
        </ReadOnlyScope>
      </Col>
      <Col xs={24} xxl={11}>
        <Card size="small" title={t("plans.milestones.calendar")} data-testid="milestone-calendar">
          <Calendar
            value={shown}
            onPanelChange={(d) => setMonth(d)}
            onSelect={(d) => setMonth(d)}
            cellRender={(current, info) => {
              if (info.type === "month") {
                const prefix = current.format("YYYY-MM");
                const count = plan.milestones.filter((m) => m.due?.startsWith(prefix)).length;
                return count ? <Badge count={count} color="#b71c1c" /> : null;
              }
              if (info.type !== "date") return info.originNode;
              const items = byDate.get(current.format("YYYY-MM-DD"));
              if (!items) return null;
              return (
                <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
                  {items.map(({ m, start }) => (
                    <li key={`${m.id}-${start ? "from" : "due"}`} title={`${m.label} — ${enumLabel("plans.milestoneKind", m.kind)}`}>
                      <Badge
                        color={KIND_COLOR[m.kind] === "default" ? "#8c8c8c" : KIND_COLOR[m.kind]}
                        text={
                          <span style={{ fontSize: 12 }}>
                            {start ? t("plans.milestones.startsShort") : ""}
                            {m.label}
                          </span>
                        }
                      />
                    </li>
                  ))}
                </ul>
              );
            }}
          />
          <ul style={{ margin: "12px 0 0", paddingInlineStart: 18 }} aria-label={t("plans.milestones.agenda")}>
            {sorted.map((m) => (
              <li key={m.id}>
                <Typography.Text strong>{formatDate(m.due ?? m.from)}</Typography.Text>
                {m.from && m.due ? ` (${t("plans.milestones.fromShort", { date: formatDate(m.from) })})` : ""} — {m.label}
              </li>
            ))}
          </ul>
        </Card>
      </Col>
    </Row>
  );
}
