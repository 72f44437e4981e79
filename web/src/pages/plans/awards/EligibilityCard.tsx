// Eligibility rules: what a participant must meet (or must not) to be proposed for an award form.
import { Card, Col, Input, Row, Select, Space, Typography } from "antd";
import { ConditionEditor } from "../../../components/plan/ConditionEditor";
import { enumOptions, Field, FormBlock, Num, ObjectListEditor, optionalText } from "../../../components/plan/fields";
import { InputsEditor } from "../../../components/plan/InputsEditor";
import { AWARD_TARGETS, CHECK_TYPES, type Criterion, ELIGIBILITY_KINDS, type EligibilityRule, isValidId, uniqueId } from "../../../components/plan/model";
import { t } from "../../../i18n";
import type { TabProps } from "../editorTypes";

type Check = EligibilityRule["check"];

function flattenCriteria(list: Criterion[], into: { value: string; label: string }[] = []) {
  for (const c of list) {
    into.push({ value: c.id, label: `${c.code ? `${c.code}. ` : ""}${c.title}` });
    if (c.children) flattenCriteria(c.children, into);
  }
  return into;
}

function CheckEditor({
  check,
  onChange,
  bandLabels,
  targets,
  criteria,
}: {
  check: Check;
  onChange: (c: Check) => void;
  bandLabels: string[];
  targets: { value: string; label: string }[];
  criteria: { value: string; label: string }[];
}) {
  const changeType = (type: Check["type"]) => {
    switch (type) {
      case "score_at_least":
        return onChange({ type, value: 90 });
      case "rank_at_most":
        return onChange({ type, value: 3 });
      case "classification_at_least":
        return onChange({ type, value: bandLabels[0] ?? "" });
      case "target_met":
        return onChange({ type, target: targets[0]?.value ?? "" });
      case "criterion_passed":
        return onChange({ type, criterion: criteria[0]?.value ?? "" });
      case "fact":
        return onChange({
          type,
          when: { input: "du_kien", op: "true" },
          inputs: [{ key: "du_kien", label: t("plans.awards.factInput"), type: "boolean", origin: "manual" }],
        });
      default:
        return onChange({ type });
    }
  };
  return (
    <Space orientation="vertical" size={4} style={{ width: "100%" }}>
      <Select
        value={check.type}
        options={enumOptions(CHECK_TYPES, "plans.checkType")}
        onChange={changeType}
        popupMatchSelectWidth={false}
        style={{ width: "100%" }}
        aria-label={t("plans.awards.checkType")}
      />
      {check.type === "score_at_least" || check.type === "rank_at_most" ? (
        <Num
          value={check.value}
          min={check.type === "rank_at_most" ? 1 : undefined}
          onChange={(v) => onChange({ ...check, value: check.type === "rank_at_most" ? Math.max(1, Math.round(v ?? 1)) : (v ?? 0) })}
          aria-label={t("plans.awards.checkValue")}
        />
      ) : null}
      {check.type === "classification_at_least" ? (
        <Select
          value={check.value}
          options={bandLabels.map((l) => ({ value: l, label: l }))}
          onChange={(value) => onChange({ ...check, value })}
          aria-label={t("plans.awards.checkValue")}
        />
      ) : null}
      {check.type === "target_met" ? (
        <Select
          value={check.target}
          options={targets}
          onChange={(target) => onChange({ ...check, target })}
          popupMatchSelectWidth={false}
          aria-label={t("plans.awards.checkValue")}
        />
      ) : null}
      {check.type === "criterion_passed" ? (
        <Select
          value={check.criterion}
          options={criteria}
          onChange={(criterion) => onChange({ ...check, criterion })}
          showSearch={{ optionFilterProp: "label" }}
          popupMatchSelectWidth={false}
          aria-label={t("plans.awards.checkValue")}
        />
      ) : null}
      {check.type === "fact" ? <Typography.Text type="secondary">{t("plans.awards.factHelp")}</Typography.Text> : null}
    </Space>
  );
}

export function EligibilityCard({ plan, update, readOnly }: TabProps) {
  const awardOptions = plan.awardForms.map((a) => ({ value: a.id, label: a.name }));
  const bandLabels = plan.classification.bands.map((b) => b.label);
  const targets = plan.targets.map((x) => ({ value: x.id, label: x.label }));
  const criteria = plan.groups.flatMap((g) => flattenCriteria(g.criteria));
  return (
    <Card size="small" title={t("plans.awards.eligibilityTitle")}>
      <ObjectListEditor<EligibilityRule>
        value={plan.eligibility}
        onChange={(eligibility) =>
          update((d) => {
            d.eligibility = eligibility;
          })
        }
        readOnly={readOnly}
        data-testid="eligibility"
        scrollX={1060}
        newRow={() => ({
          id: uniqueId(
            "dieu-kien",
            plan.eligibility.map((x) => x.id),
          ),
          kind: "required",
          target: "both",
          check: { type: "registered" },
          message: t("plans.awards.newRule"),
        })}
        addLabel={t("plans.awards.addRule")}
        rowLabel={(r) => r.message}
        emptyText={t("plans.awards.noRules")}
        columns={[
          {
            title: t("plans.awards.ruleMessage"),
            key: "message",
            width: 360,
            render: (r, set) => (
              <Input.TextArea
                value={r.message}
                autoSize={{ minRows: 1, maxRows: 4 }}
                onChange={(e) => set({ message: e.target.value })}
                status={r.message.trim() ? undefined : "error"}
                aria-label={t("plans.awards.ruleMessage")}
              />
            ),
          },
          {
            title: t("plans.awards.ruleKind"),
            key: "kind",
            width: 150,
            render: (r, set) => (
              <Select
                value={r.kind}
                options={enumOptions(ELIGIBILITY_KINDS, "plans.eligibilityKind")}
                onChange={(kind) => set({ kind })}
                style={{ width: "100%" }}
                aria-label={t("plans.awards.ruleKind")}
              />
            ),
          },
          {
            title: t("plans.awards.target"),
            key: "target",
            width: 140,
            render: (r, set) => (
              <Select
                value={r.target}
                options={enumOptions(AWARD_TARGETS, "plans.target")}
                onChange={(target) => set({ target })}
                style={{ width: "100%" }}
                aria-label={t("plans.awards.target")}
              />
            ),
          },
          {
            title: t("plans.awards.check"),
            key: "check",
            width: 300,
            render: (r, set) => (
              <CheckEditor check={r.check} onChange={(check) => set({ check })} bandLabels={bandLabels} targets={targets} criteria={criteria} />
            ),
          },
        ]}
        expand={(r, set) => (
          <FormBlock>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Field label={t("plans.awards.ruleForms")}>
                  <Select
                    mode="multiple"
                    value={r.awardForms ?? []}
                    options={awardOptions}
                    onChange={(v: string[]) => set({ awardForms: v.length ? v : undefined })}
                    placeholder={t("plans.awards.allForms")}
                  />
                </Field>
              </Col>
              <Col xs={24} md={4}>
                <Field label={t("plans.awards.id")} error={isValidId(r.id) ? null : t("plans.idInvalid")}>
                  <Input value={r.id} onChange={(e) => set({ id: e.target.value.trim() })} />
                </Field>
              </Col>
              <Col xs={24} md={8}>
                <Field label={t("plans.source")}>
                  <Input.TextArea
                    value={r.source ?? ""}
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    onChange={(e) => set({ source: optionalText(e.target.value) })}
                  />
                </Field>
              </Col>
            </Row>
            {r.check.type === "fact" ? (
              <Space orientation="vertical" style={{ width: "100%" }}>
                <Typography.Text strong>{t("plans.awards.factInputs")}</Typography.Text>
                <InputsEditor
                  value={r.check.inputs}
                  readOnly={readOnly}
                  onChange={(inputs) => r.check.type === "fact" && set({ check: { ...r.check, inputs } })}
                />
                <Typography.Text strong>{t("plans.awards.factWhen")}</Typography.Text>
                <ConditionEditor
                  value={r.check.when}
                  inputs={r.check.inputs}
                  onChange={(when) => r.check.type === "fact" && set({ check: { ...r.check, when } })}
                />
              </Space>
            ) : null}
          </FormBlock>
        )}
      />
    </Card>
  );
}
