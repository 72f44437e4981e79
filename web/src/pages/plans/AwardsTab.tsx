// "Khen thưởng": award forms with quotas, the nomination dossier, eligibility rules, and classification bands/ceilings.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Checkbox, Col, Input, Row, Select, Space, Switch, Tag, Typography } from "antd";
import { ConditionEditor } from "../../components/plan/ConditionEditor";
import { enumLabel, enumOptions, Field, FormBlock, Num, ObjectListEditor, optionalText, ReadOnlyScope, useReadOnly } from "../../components/plan/fields";
import { InputsEditor } from "../../components/plan/InputsEditor";
import {
  AWARD_TARGETS,
  type AwardForm,
  type Ceiling,
  CHECK_TYPES,
  type ClassificationBand,
  type Condition,
  type Criterion,
  type DossierComponent,
  ELIGIBILITY_KINDS,
  type EligibilityRule,
  type InputDef,
  ISSUER_LEVELS,
  isValidId,
  QUOTA_KINDS,
  type Quota,
  uniqueId,
} from "../../components/plan/model";
import { formatNumber } from "../../format";
import { t } from "../../i18n";
import type { TabProps } from "./editorTypes";

type QuotaValue = Quota["quota"];
type Check = EligibilityRule["check"];

function quotaText(q: QuotaValue): string {
  if (q.kind === "count") return t("plans.awards.quotaCount", { n: formatNumber(q.max) });
  if (q.kind === "share") return t("plans.awards.quotaShare", { n: formatNumber(q.percent) });
  return t("plans.awards.quotaUnlimited");
}

function QuotasEditor({
  value,
  onChange,
  readOnly,
  groups,
}: {
  value: Quota[];
  onChange: (q: Quota[]) => void;
  readOnly: boolean;
  groups: { value: string; label: string }[];
}) {
  return (
    <ObjectListEditor<Quota>
      value={value}
      onChange={onChange}
      readOnly={readOnly}
      newRow={() => ({ target: "collective", quota: { kind: "count", max: 1 } })}
      addLabel={t("plans.awards.addQuota")}
      rowLabel={(r) => `${enumLabel("plans.target", r.target)} ${quotaText(r.quota)}`}
      emptyText={t("plans.awards.noQuotas")}
      scrollX={820}
      columns={[
        {
          title: t("plans.awards.quotaTarget"),
          key: "target",
          width: 130,
          render: (r, set) => (
            <Select
              value={r.target}
              options={enumOptions(["collective", "individual"] as const, "plans.target")}
              onChange={(target) => set({ target })}
              style={{ width: "100%" }}
              aria-label={t("plans.awards.quotaTarget")}
            />
          ),
        },
        {
          title: t("plans.awards.quotaKind"),
          key: "kind",
          width: 160,
          render: (r, set) => (
            <Select
              value={r.quota.kind}
              options={enumOptions(QUOTA_KINDS, "plans.quotaKind")}
              onChange={(kind) => set({ quota: kind === "count" ? { kind, max: 1 } : kind === "share" ? { kind, percent: 10 } : { kind } })}
              style={{ width: "100%" }}
              aria-label={t("plans.awards.quotaKind")}
            />
          ),
        },
        {
          title: t("plans.awards.quotaValue"),
          key: "value",
          width: 120,
          render: (r, set) =>
            r.quota.kind === "count" ? (
              <Num
                value={r.quota.max}
                min={0}
                step={1}
                onChange={(v) => set({ quota: { kind: "count", max: Math.max(0, Math.round(v ?? 0)) } })}
                aria-label={t("plans.awards.quotaValue")}
              />
            ) : r.quota.kind === "share" ? (
              <Num
                value={r.quota.percent}
                min={0}
                max={100}
                suffix="%"
                onChange={(v) => set({ quota: { kind: "share", percent: v ?? 0 } })}
                aria-label={t("plans.awards.quotaValue")}
              />
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            ),
        },
        {
          title: t("plans.awards.quotaGroups"),
          key: "groups",
          width: 200,
          render: (r, set) => (
            <Select
              mode="multiple"
              value={r.groups ?? []}
              options={groups}
              onChange={(v: string[]) => set({ groups: v.length ? v : undefined })}
              placeholder={t("plans.allGroups")}
              style={{ width: "100%" }}
              maxTagCount="responsive"
              aria-label={t("plans.awards.quotaGroups")}
            />
          ),
        },
        {
          title: t("plans.source"),
          key: "source",
          render: (r, set) => (
            <Input.TextArea
              value={r.source ?? ""}
              autoSize={{ minRows: 1, maxRows: 3 }}
              onChange={(e) => set({ source: optionalText(e.target.value) })}
              aria-label={t("plans.source")}
            />
          ),
        },
      ]}
    />
  );
}

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

export function AwardsTab({ plan, update, readOnly }: TabProps) {
  const groups = plan.groups.map((g) => ({ value: g.id, label: g.name }));
  const awardOptions = plan.awardForms.map((a) => ({ value: a.id, label: a.name }));
  const bandLabels = plan.classification.bands.map((b) => b.label);
  const targets = plan.targets.map((x) => ({ value: x.id, label: x.label }));
  const criteria = plan.groups.flatMap((g) => flattenCriteria(g.criteria));

  return (
    <ReadOnlyScope readOnly={readOnly}>
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <Card size="small" title={t("plans.awards.formsTitle")}>
          <ObjectListEditor<AwardForm>
            value={plan.awardForms}
            onChange={(awardForms) =>
              update((d) => {
                d.awardForms = awardForms;
              })
            }
            readOnly={readOnly}
            data-testid="award-forms"
            scrollX={900}
            newRow={() => ({
              id: uniqueId(
                "khen-thuong",
                plan.awardForms.map((a) => a.id),
              ),
              name: t("plans.awards.newForm"),
              issuerLevel: plan.issuer.level === "province" ? "province" : plan.issuer.level,
              target: "both",
              quotas: [],
              proposeToUpperLevel: false,
            })}
            addLabel={t("plans.awards.addForm")}
            rowLabel={(r) => r.name}
            emptyText={t("plans.awards.noForms")}
            columns={[
              {
                title: t("plans.awards.name"),
                key: "name",
                render: (r, set) => (
                  <Input.TextArea
                    value={r.name}
                    autoSize={{ minRows: 1, maxRows: 3 }}
                    onChange={(e) => set({ name: e.target.value })}
                    status={r.name.trim() ? undefined : "error"}
                    aria-label={t("plans.awards.name")}
                  />
                ),
              },
              {
                title: t("plans.awards.issuerLevel"),
                key: "level",
                width: 150,
                render: (r, set) => (
                  <Select
                    value={r.issuerLevel}
                    options={enumOptions(ISSUER_LEVELS, "plans.issuerLevel")}
                    onChange={(issuerLevel) => set({ issuerLevel })}
                    style={{ width: "100%" }}
                    aria-label={t("plans.awards.issuerLevel")}
                  />
                ),
              },
              {
                title: t("plans.awards.target"),
                key: "target",
                width: 150,
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
                title: t("plans.awards.quotas"),
                key: "quotas",
                width: 220,
                render: (r) =>
                  r.quotas.length ? (
                    <Space wrap size={4}>
                      {r.quotas.map((q) => (
                        <Tag
                          key={`${q.target}-${q.quota.kind}-${(q.groups ?? []).join(",")}`}
                        >{`${enumLabel("plans.target", q.target)}: ${quotaText(q.quota)}`}</Tag>
                      ))}
                    </Space>
                  ) : (
                    <Typography.Text type="secondary">{t("plans.awards.noQuotas")}</Typography.Text>
                  ),
              },
            ]}
            expand={(r, set) => (
              <FormBlock>
                <Row gutter={12}>
                  <Col xs={24} md={10}>
                    <Field label={t("plans.awards.issuerTitle")}>
                      <Input value={r.issuerTitle ?? ""} onChange={(e) => set({ issuerTitle: optionalText(e.target.value) })} />
                    </Field>
                  </Col>
                  <Col xs={12} md={5}>
                    <Field label={t("plans.awards.moneyKey")} tooltip={t("plans.awards.moneyKeyHelp")}>
                      <Input value={r.moneyKey ?? ""} onChange={(e) => set({ moneyKey: optionalText(e.target.value.trim()) })} />
                    </Field>
                  </Col>
                  <Col xs={12} md={4}>
                    <Field label={t("plans.awards.id")} error={isValidId(r.id) ? null : t("plans.idInvalid")}>
                      <Input value={r.id} onChange={(e) => set({ id: e.target.value.trim() })} />
                    </Field>
                  </Col>
                  <Col xs={24} md={5}>
                    <Field label={t("plans.awards.propose")}>
                      <Switch checked={r.proposeToUpperLevel} onChange={(proposeToUpperLevel) => set({ proposeToUpperLevel })} />
                    </Field>
                  </Col>
                </Row>
                <Typography.Text strong>{t("plans.awards.quotas")}</Typography.Text>
                <QuotasEditor value={r.quotas} onChange={(quotas) => set({ quotas })} readOnly={readOnly} groups={groups} />
                <Field label={t("plans.source")} style={{ marginTop: 12 }}>
                  <Input.TextArea
                    value={r.source ?? ""}
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    onChange={(e) => set({ source: optionalText(e.target.value) })}
                  />
                </Field>
              </FormBlock>
            )}
          />
        </Card>

        <Card size="small" title={t("plans.awards.dossierTitle")}>
          <ObjectListEditor<DossierComponent>
            value={plan.dossier}
            onChange={(dossier) =>
              update((d) => {
                d.dossier = dossier;
              })
            }
            readOnly={readOnly}
            data-testid="dossier"
            scrollX={760}
            newRow={() => ({
              id: uniqueId(
                "ho-so",
                plan.dossier.map((x) => x.id),
              ),
              name: t("plans.awards.newDossier"),
              required: true,
            })}
            addLabel={t("plans.awards.addDossier")}
            rowLabel={(r) => r.name}
            emptyText={t("plans.awards.noDossier")}
            columns={[
              {
                title: t("plans.awards.dossierName"),
                key: "name",
                render: (r, set) => (
                  <Input.TextArea
                    value={r.name}
                    autoSize={{ minRows: 1, maxRows: 3 }}
                    onChange={(e) => set({ name: e.target.value })}
                    status={r.name.trim() ? undefined : "error"}
                    aria-label={t("plans.awards.dossierName")}
                  />
                ),
              },
              {
                title: t("plans.awards.required"),
                key: "required",
                width: 100,
                render: (r, set) => (
                  <Checkbox checked={r.required} onChange={(e) => set({ required: e.target.checked })} aria-label={t("plans.awards.required")} />
                ),
              },
              {
                title: t("plans.awards.template"),
                key: "template",
                width: 170,
                render: (r, set) => (
                  <Input
                    value={r.template ?? ""}
                    onChange={(e) => set({ template: optionalText(e.target.value.trim()) })}
                    aria-label={t("plans.awards.template")}
                  />
                ),
              },
              {
                title: t("plans.source"),
                key: "source",
                width: 260,
                render: (r, set) => (
                  <Input.TextArea
                    value={r.source ?? ""}
                    autoSize={{ minRows: 1, maxRows: 3 }}
                    onChange={(e) => set({ source: optionalText(e.target.value) })}
                    aria-label={t("plans.source")}
                  />
                ),
              },
            ]}
          />
        </Card>

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
      </Space>
    </ReadOnlyScope>
  );
}
