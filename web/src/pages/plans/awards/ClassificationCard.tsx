// Classification: the bands (Hoàn thành xuất sắc, Tốt, …) with their minimum score and conditions, the ceilings
// that cap a band when a fact holds, and the tie-break order.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Input, Select, Space, Typography } from "antd";
import { ConditionEditor } from "../../../components/plan/ConditionEditor";
import { Field, FormBlock, Num, ObjectListEditor, useReadOnly } from "../../../components/plan/fields";
import { InputsEditor } from "../../../components/plan/InputsEditor";
import type { Ceiling, ClassificationBand, Condition, InputDef } from "../../../components/plan/model";
import { t } from "../../../i18n";
import type { TabProps } from "../editorTypes";

function ConditionsList({ value, onChange, inputs }: { value: Condition[]; onChange: (c: Condition[]) => void; inputs: InputDef[] }) {
  const readOnly = useReadOnly();
  const rows = value.map((c, key) => ({ c, key }));
  return (
    <Space orientation="vertical" size={6} style={{ width: "100%" }}>
      {rows.map((r) => (
        <Space key={r.key} align="start">
          <ConditionEditor value={r.c} inputs={inputs} onChange={(c) => onChange(value.map((x, i) => (i === r.key ? c : x)))} />
          {readOnly ? null : (
            <Button
              type="text"
              danger
              size="small"
              icon={<DeleteOutlined />}
              aria-label={t("plans.cond.remove")}
              onClick={() => onChange(value.filter((_x, i) => i !== r.key))}
            />
          )}
        </Space>
      ))}
      {readOnly ? null : (
        <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...value, { input: inputs[0]?.key ?? "", op: "true" }])}>
          {t("plans.cond.add")}
        </Button>
      )}
    </Space>
  );
}

export function ClassificationCard({ plan, update, readOnly }: TabProps) {
  const bandLabels = plan.classification.bands.map((b) => b.label);
  return (
    <Card size="small" title={t("plans.awards.classificationTitle")}>
      <Typography.Paragraph type="secondary">{t("plans.awards.classificationHelp")}</Typography.Paragraph>
      <ObjectListEditor<ClassificationBand>
        value={plan.classification.bands}
        onChange={(bands) =>
          update((d) => {
            d.classification.bands = bands;
          })
        }
        readOnly={readOnly}
        data-testid="classification-bands"
        newRow={() => ({ label: t("plans.awards.newBand"), min: 0 })}
        addLabel={t("plans.awards.addBand")}
        rowLabel={(r) => r.label}
        emptyText={t("plans.awards.noBands")}
        columns={[
          {
            title: t("plans.awards.bandLabel"),
            key: "label",
            render: (r, set) => (
              <Input
                value={r.label}
                onChange={(e) => set({ label: e.target.value })}
                status={r.label.trim() ? undefined : "error"}
                aria-label={t("plans.awards.bandLabel")}
              />
            ),
          },
          {
            title: t("plans.awards.bandMin"),
            key: "min",
            width: 140,
            render: (r, set) => <Num value={r.min} onChange={(v) => set({ min: v ?? 0 })} aria-label={t("plans.awards.bandMin")} />,
          },
          {
            title: t("plans.awards.bandRequires"),
            key: "requires",
            width: 200,
            render: (r) => (
              <Typography.Text type="secondary">
                {r.requires?.length ? t("plans.awards.conditionsCount", { n: r.requires.length }) : t("plans.awards.noConditions")}
              </Typography.Text>
            ),
          },
        ]}
        expand={(r, set) => (
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Typography.Text strong>{t("plans.awards.bandInputs")}</Typography.Text>
            <InputsEditor value={r.inputs ?? []} readOnly={readOnly} onChange={(inputs) => set({ inputs: inputs.length ? inputs : undefined })} />
            <Typography.Text strong>{t("plans.awards.bandRequires")}</Typography.Text>
            <ConditionsList
              value={r.requires ?? []}
              inputs={r.inputs ?? []}
              onChange={(requires) => set({ requires: requires.length ? requires : undefined })}
            />
          </Space>
        )}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("plans.awards.ceilingsTitle")}
      </Typography.Title>
      <ObjectListEditor<Ceiling>
        value={plan.classification.ceilings}
        onChange={(ceilings) =>
          update((d) => {
            d.classification.ceilings = ceilings;
          })
        }
        readOnly={readOnly}
        data-testid="classification-ceilings"
        scrollX={900}
        newRow={() => ({
          when: { input: "vi_pham", op: "true" },
          atMost: bandLabels[bandLabels.length - 1] ?? "",
          reason: t("plans.awards.newCeiling"),
          inputs: [{ key: "vi_pham", label: t("plans.awards.factInput"), type: "boolean", origin: "manual" }],
        })}
        addLabel={t("plans.awards.addCeiling")}
        rowLabel={(r) => r.reason}
        emptyText={t("plans.awards.noCeilings")}
        columns={[
          {
            title: t("plans.awards.ceilingWhen"),
            key: "when",
            render: (r, set) => <ConditionEditor value={r.when} inputs={r.inputs ?? []} onChange={(when) => set({ when })} />,
          },
          {
            title: t("plans.awards.ceilingAtMost"),
            key: "atMost",
            width: 180,
            render: (r, set) => (
              <Select
                value={r.atMost || undefined}
                options={bandLabels.map((l) => ({ value: l, label: l }))}
                onChange={(atMost) => set({ atMost })}
                style={{ width: "100%" }}
                aria-label={t("plans.awards.ceilingAtMost")}
              />
            ),
          },
          {
            title: t("plans.awards.ceilingReason"),
            key: "reason",
            width: 240,
            render: (r, set) => (
              <Input.TextArea
                value={r.reason}
                autoSize={{ minRows: 1, maxRows: 3 }}
                onChange={(e) => set({ reason: e.target.value })}
                aria-label={t("plans.awards.ceilingReason")}
              />
            ),
          },
        ]}
        expand={(r, set) => (
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Typography.Text strong>{t("plans.awards.bandInputs")}</Typography.Text>
            <InputsEditor value={r.inputs ?? []} readOnly={readOnly} onChange={(inputs) => set({ inputs: inputs.length ? inputs : undefined })} />
          </Space>
        )}
      />
      <FormBlock>
        <Field label={t("plans.awards.tieBreak")} tooltip={t("plans.awards.tieBreakHelp")} style={{ marginTop: 16, maxWidth: 480 }}>
          <Select
            mode="tags"
            value={plan.classification.tieBreak}
            options={[
              { value: "total", label: t("plans.tieBreak.total") },
              { value: "priority", label: t("plans.tieBreak.priority") },
            ]}
            onChange={(tieBreak: string[]) =>
              update((d) => {
                d.classification.tieBreak = tieBreak;
              })
            }
          />
        </Field>
      </FormBlock>
    </Card>
  );
}
