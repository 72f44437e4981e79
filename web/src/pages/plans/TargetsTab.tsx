// "Chỉ tiêu": numeric targets ("≥ 99 % hồ sơ đúng hạn", "giảm 35–40 % thời gian", "PAR INDEX tăng so với năm trước").
import { Card, Checkbox, Input, Select, Space, Typography } from "antd";
import { enumOptions, Field, FormBlock, Num, ObjectListEditor, optionalText, ReadOnlyScope } from "../../components/plan/fields";
import { COMPARATORS, isValidId, type Target, uniqueId } from "../../components/plan/model";
import { t } from "../../i18n";
import type { TabProps } from "./editorTypes";

const NEEDS_VALUE = new Set(["gte", "gt", "lte", "lt", "eq", "between", "at_least_rank"]);

export function TargetsTab({ plan, update, readOnly }: TabProps) {
  const groupOptions = plan.groups.map((g) => ({ value: g.id, label: g.name }));
  return (
    <ReadOnlyScope readOnly={readOnly}>
      <Card size="small" title={t("plans.targets.title")}>
        <Typography.Paragraph type="secondary">{t("plans.targets.help")}</Typography.Paragraph>
        <ObjectListEditor<Target>
          value={plan.targets}
          onChange={(targets) =>
            update((d) => {
              d.targets = targets;
            })
          }
          readOnly={readOnly}
          data-testid="targets"
          scrollX={1100}
          newRow={() => {
            const id = uniqueId(
              "chi-tieu",
              plan.targets.map((x) => x.id),
            );
            return { id, label: t("plans.targets.newLabel"), metric: id.replace(/-/g, "_"), comparator: "gte", value: 100, unit: "%" };
          }}
          addLabel={t("plans.targets.add")}
          rowLabel={(r) => r.label}
          emptyText={t("plans.targets.empty")}
          columns={[
            {
              title: t("plans.targets.label"),
              key: "label",
              render: (r, set) => (
                <Input.TextArea
                  value={r.label}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  onChange={(e) => set({ label: e.target.value })}
                  status={r.label.trim() ? undefined : "error"}
                  aria-label={t("plans.targets.label")}
                />
              ),
            },
            {
              title: t("plans.targets.metric"),
              key: "metric",
              width: 170,
              render: (r, set) => (
                <Input
                  value={r.metric}
                  onChange={(e) => set({ metric: e.target.value.trim() })}
                  status={isValidId(r.metric) ? undefined : "error"}
                  title={t("plans.targets.metricHelp")}
                  aria-label={t("plans.targets.metric")}
                />
              ),
            },
            {
              title: t("plans.targets.comparator"),
              key: "comparator",
              width: 190,
              render: (r, set) => (
                <Select
                  value={r.comparator}
                  options={enumOptions(COMPARATORS, "plans.comparator")}
                  onChange={(comparator) =>
                    set({
                      comparator,
                      value: NEEDS_VALUE.has(comparator) ? (r.value ?? 0) : undefined,
                      value2: comparator === "between" ? r.value2 : undefined,
                    })
                  }
                  popupMatchSelectWidth={false}
                  style={{ width: "100%" }}
                  aria-label={t("plans.targets.comparator")}
                />
              ),
            },
            {
              title: t("plans.targets.value"),
              key: "value",
              width: 190,
              render: (r, set) =>
                NEEDS_VALUE.has(r.comparator) ? (
                  <Space size={4}>
                    <Num value={r.value} onChange={(value) => set({ value })} style={{ width: 80 }} aria-label={t("plans.targets.value")} />
                    {r.comparator === "between" ? (
                      <>
                        <span>–</span>
                        <Num value={r.value2} onChange={(value2) => set({ value2 })} style={{ width: 80 }} aria-label={t("plans.targets.value2")} />
                      </>
                    ) : null}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                ),
            },
            {
              title: t("plans.targets.unit"),
              key: "unit",
              width: 90,
              render: (r, set) => (
                <Input value={r.unit ?? ""} onChange={(e) => set({ unit: optionalText(e.target.value) })} aria-label={t("plans.targets.unit")} />
              ),
            },
            {
              title: t("plans.targets.groups"),
              key: "groups",
              width: 200,
              render: (r, set) => (
                <Space orientation="vertical" size={4} style={{ width: "100%" }}>
                  <Select
                    mode="multiple"
                    value={r.groups ?? []}
                    options={groupOptions}
                    onChange={(v: string[]) => set({ groups: v.length ? v : undefined })}
                    placeholder={t("plans.allGroups")}
                    style={{ width: "100%" }}
                    maxTagCount="responsive"
                    aria-label={t("plans.targets.groups")}
                  />
                  <Checkbox checked={!!r.appliesTo?.heads} onChange={(e) => set({ appliesTo: e.target.checked ? { heads: true } : undefined })}>
                    {t("plans.targets.headsOnly")}
                  </Checkbox>
                </Space>
              ),
            },
          ]}
          expand={(r, set) => (
            <FormBlock>
              <Space wrap size={12} style={{ width: "100%" }}>
                <Field label={t("plans.targets.id")} error={isValidId(r.id) ? null : t("plans.idInvalid")} style={{ minWidth: 200 }}>
                  <Input value={r.id} onChange={(e) => set({ id: e.target.value.trim() })} />
                </Field>
                <Field label={t("plans.source")} style={{ minWidth: 480 }}>
                  <Input.TextArea
                    value={r.source ?? ""}
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    onChange={(e) => set({ source: optionalText(e.target.value) })}
                  />
                </Field>
              </Space>
            </FormBlock>
          )}
        />
      </Card>
    </ReadOnlyScope>
  );
}
