// Editor of one criterion: identity, points (or pass/fail), source text, facts, exceptions and the scoring rule.
import { DeleteOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Checkbox, Col, Divider, Input, Popconfirm, Radio, Row, Select, Space, Switch, Tag, Typography } from "antd";
import { type ReactNode, useId } from "react";
import { renameInputRefs } from "../../../../src/domain/plan/rename-input";
import { formatNumber } from "../../format";
import { t } from "../../i18n";
import { enumOptions, Field, FormBlock, InputKeySelect, Num, optionalText } from "./fields";
import { InputsEditor } from "./InputsEditor";
import { type Criterion, childrenTotal, defaultRule, type InputDef, isValidId, type Rule, SECTIONS, sumMismatch } from "./model";
import { RuleEditor } from "./RuleEditor";

function toQualitative(c: Criterion, inputs: InputDef[]): Criterion {
  const next: Criterion = { ...c, max: undefined };
  if (c.children?.length) return next;
  const rule = c.rule;
  if (rule?.kind === "fixed" && rule.cases.length > 0) next.rule = { kind: "pass_fail", when: rule.cases[0].when };
  else if (rule?.kind !== "pass_fail") next.rule = defaultRule("pass_fail", inputs[0]?.key ?? "", undefined);
  return next;
}

function toScored(c: Criterion, inputs: InputDef[]): Criterion {
  const max = 10;
  const next: Criterion = { ...c, max };
  if (c.children?.length) return next;
  if (c.rule?.kind === "pass_fail") next.rule = { kind: "fixed", cases: [{ when: c.rule.when, points: max, label: c.rule.passLabel }], otherwise: 0 };
  else if (!c.rule) next.rule = defaultRule("manual", inputs[0]?.key ?? "", max);
  return next;
}

export function CriterionEditor({
  criterion,
  onChange,
  onDelete,
  inheritedInputs,
  groupInputKeys,
  otherIds,
  readOnly,
  tryNode,
}: {
  criterion: Criterion;
  onChange: (next: Criterion) => void;
  onDelete?: () => void;
  /** Inputs declared on the ancestors (a rule may read them). */
  inheritedInputs: InputDef[];
  groupInputKeys: Set<string>;
  /** Ids of every other criterion in the plan (ids must be unique). */
  otherIds: Set<string>;
  readOnly: boolean;
  /** The "try it" result of this criterion, shown under its rule. */
  tryNode?: ReactNode;
}) {
  const uid = useId();
  const c = criterion;
  const isParent = !!c.children?.length;
  const own = c.inputs ?? [];
  // A fact renamed here is renamed in the rules and conditions of this criterion (and those below it) that read it,
  // unless the new key is one another fact already has (then the clerk is pointing at that fact, not renaming).
  const setInputs = (inputs: InputDef[]) => {
    const next = { ...c, inputs: inputs.length ? inputs : undefined };
    const i = inputs.length === own.length ? inputs.findIndex((x, k) => x.key !== own[k].key) : -1;
    const from = i >= 0 ? own[i].key : "";
    const to = i >= 0 ? inputs[i].key : "";
    const clash = (key: string) => own.some((o, k) => k !== i && o.key === key) || inheritedInputs.some((o) => o.key === key);
    if (i >= 0 && from && to && !clash(from) && !clash(to)) {
      const { inputs: kept, ...rest } = next;
      onChange({ ...renameInputRefs(rest, from, to), inputs: kept } as Criterion);
    } else onChange(next);
  };
  const available = [...inheritedInputs.filter((i) => !own.some((o) => o.key === i.key)), ...own];
  const qualitative = c.max === undefined;
  const idError = !isValidId(c.id) ? t("plans.idInvalid") : otherIds.has(c.id) ? t("plans.criterion.idDuplicate") : null;
  const total = childrenTotal(c);
  const set = (patch: Partial<Criterion>) => onChange({ ...c, ...patch });

  return (
    <Card
      size="small"
      title={
        <Space wrap size={6}>
          <span>{t("plans.criterion.editorTitle")}</span>
          {c.code ? <Tag>{c.code}</Tag> : null}
        </Space>
      }
      extra={
        !readOnly && onDelete ? (
          <Popconfirm
            title={t("plans.criterion.deleteConfirm", { title: c.title })}
            description={isParent ? t("plans.criterion.deleteChildren", { count: c.children?.length ?? 0 }) : undefined}
            okText={t("plans.delete")}
            okButtonProps={{ danger: true }}
            cancelText={t("common.cancel")}
            onConfirm={onDelete}
          >
            <Button danger size="small" icon={<DeleteOutlined />}>
              {t("plans.delete")}
            </Button>
          </Popconfirm>
        ) : null
      }
      data-testid="criterion-editor"
    >
      <FormBlock>
        <Row gutter={12}>
          <Col xs={8} md={4}>
            <Field label={t("plans.criterion.code")} tooltip={t("plans.criterion.codeHelp")}>
              <Input value={c.code ?? ""} onChange={(e) => set({ code: optionalText(e.target.value) })} />
            </Field>
          </Col>
          <Col xs={16} md={14}>
            <Field label={t("plans.criterion.title")} error={c.title.trim() ? null : t("plans.criterion.titleRequired")}>
              <Input.TextArea value={c.title} autoSize={{ minRows: 1, maxRows: 4 }} onChange={(e) => set({ title: e.target.value })} />
            </Field>
          </Col>
          <Col xs={24} md={6}>
            <Field label={t("plans.criterion.id")} tooltip={t("plans.criterion.idHelp")} error={idError}>
              <Input value={c.id} onChange={(e) => set({ id: e.target.value.trim() })} />
            </Field>
          </Col>
          <Col xs={24} md={12}>
            <Field label={t("plans.criterion.scoring")}>
              <Radio.Group
                value={qualitative ? "pass_fail" : "points"}
                optionType="button"
                options={[
                  { value: "points", label: t("plans.criterion.scored") },
                  { value: "pass_fail", label: t("plans.criterion.qualitative") },
                ]}
                onChange={(e) => onChange(e.target.value === "pass_fail" ? toQualitative(c, available) : toScored(c, available))}
              />
            </Field>
          </Col>
          {qualitative ? null : (
            <Col xs={12} md={6}>
              <Field label={t("plans.criterion.max")} error={sumMismatch(c) ? t("plans.criterion.sumMismatch", { total: formatNumber(total ?? 0) }) : null}>
                <Num value={c.max} min={0} onChange={(max) => set({ max: max ?? 0 })} data-testid="criterion-max" />
              </Field>
            </Col>
          )}
          <Col xs={12} md={qualitative ? 12 : 6}>
            <Field label={t("plans.criterion.section")} tooltip={t("plans.criterion.sectionHelp")}>
              <Select
                value={c.section ?? "main"}
                options={enumOptions(SECTIONS, "plans.section")}
                onChange={(section) => set({ section: section === "main" ? undefined : section })}
                popupMatchSelectWidth={false}
              />
            </Field>
          </Col>
        </Row>
        <Field label={t("plans.criterion.source")} tooltip={t("plans.criterion.sourceHelp")}>
          <Input.TextArea
            value={c.source ?? ""}
            autoSize={{ minRows: 1, maxRows: 5 }}
            onChange={(e) => set({ source: optionalText(e.target.value) })}
            placeholder={t("plans.criterion.sourcePlaceholder")}
          />
        </Field>
        <Space wrap size={24} style={{ marginBottom: 8 }}>
          <span style={{ display: "inline-flex", gap: 8, alignItems: "center" }}>
            <Switch id={`${uid}-evidence`} size="small" checked={!!c.requiresEvidence} onChange={(v) => set({ requiresEvidence: v || undefined })} />
            <label htmlFor={`${uid}-evidence`}>{t("plans.criterion.requiresEvidence")}</label>
          </span>
          <span style={{ display: "inline-flex", gap: 8, alignItems: "center" }}>
            <Switch id={`${uid}-heads`} size="small" checked={!!c.appliesTo?.heads} onChange={(v) => set({ appliesTo: v ? { heads: true } : undefined })} />
            <label htmlFor={`${uid}-heads`}>{t("plans.criterion.headsOnly")}</label>
          </span>
        </Space>

        {isParent ? (
          <>
            <Divider titlePlacement="start" plain>
              {t("plans.criterion.childrenTitle")}
            </Divider>
            <Alert
              type={sumMismatch(c) ? "warning" : "info"}
              showIcon
              title={
                qualitative
                  ? t("plans.criterion.parentQualitative", { count: c.children?.length ?? 0 })
                  : c.rescale
                    ? t("plans.criterion.rescaleSum", { total: formatNumber(total ?? 0), max: formatNumber(c.max ?? 0) })
                    : t("plans.criterion.parentSum", { total: formatNumber(total ?? 0), max: formatNumber(c.max ?? 0) })
              }
              style={{ marginBottom: 12 }}
            />
            {qualitative ? null : (
              <Space wrap size="large" align="end">
                <Field label={t("plans.criterion.cap")} tooltip={t("plans.criterion.capHelp")}>
                  <Num value={c.cap} min={0} onChange={(cap) => set({ cap })} style={{ maxWidth: 160 }} />
                </Field>
                <Field label={t("plans.criterion.rescale")} tooltip={t("plans.criterion.rescaleHelp")}>
                  <Switch
                    size="small"
                    checked={!!c.rescale}
                    aria-label={t("plans.criterion.rescale")}
                    data-testid="criterion-rescale"
                    onChange={(v) => set({ rescale: v ? true : undefined })}
                  />
                </Field>
              </Space>
            )}
          </>
        ) : null}

        <Divider titlePlacement="start" plain>
          {t("plans.criterion.inputsTitle")}
        </Divider>
        {inheritedInputs.length > 0 ? (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t("plans.criterion.inherited", { list: inheritedInputs.map((i) => i.label).join("; ") })}
          </Typography.Paragraph>
        ) : null}
        <InputsEditor value={own} onChange={setInputs} readOnly={readOnly} takenKeys={groupInputKeys} />

        <Divider titlePlacement="start" plain>
          {t("plans.criterion.notApplicableTitle")}
        </Divider>
        <Checkbox
          checked={!!c.notApplicable}
          onChange={(e) =>
            set({
              notApplicable: e.target.checked
                ? { input: available.find((i) => i.type === "boolean")?.key ?? available[0]?.key ?? "", points: 0, label: undefined }
                : undefined,
            })
          }
        >
          {t("plans.criterion.notApplicableToggle")}
        </Checkbox>
        {c.notApplicable ? (
          <Row gutter={12} style={{ marginTop: 8 }}>
            <Col xs={24} md={12}>
              <Field label={t("plans.criterion.naInput")} tooltip={t("plans.criterion.naInputHelp")}>
                <InputKeySelect
                  value={c.notApplicable.input}
                  inputs={available}
                  types={["boolean"]}
                  onChange={(input) => set({ notApplicable: { ...c.notApplicable!, input } })}
                />
              </Field>
            </Col>
            <Col xs={24} md={12}>
              <Field label={t("plans.criterion.naMode")}>
                <Radio.Group
                  value={c.notApplicable.redistribute ? "redistribute" : "points"}
                  onChange={(e) =>
                    set({
                      notApplicable:
                        e.target.value === "redistribute"
                          ? { input: c.notApplicable!.input, label: c.notApplicable!.label, redistribute: true }
                          : { input: c.notApplicable!.input, label: c.notApplicable!.label, points: 0 },
                    })
                  }
                  options={[
                    { value: "points", label: t("plans.criterion.naPoints") },
                    { value: "redistribute", label: t("plans.criterion.naRedistribute") },
                  ]}
                />
              </Field>
            </Col>
            {c.notApplicable.redistribute ? null : (
              <Col xs={8} md={6}>
                <Field label={t("plans.criterion.naPointsValue")}>
                  <Num value={c.notApplicable.points} min={0} onChange={(points) => set({ notApplicable: { ...c.notApplicable!, points } })} />
                </Field>
              </Col>
            )}
            <Col xs={16} md={18}>
              <Field label={t("plans.criterion.naLabel")}>
                <Input
                  value={c.notApplicable.label ?? ""}
                  onChange={(e) => set({ notApplicable: { ...c.notApplicable!, label: optionalText(e.target.value) } })}
                />
              </Field>
            </Col>
          </Row>
        ) : null}

        {isParent ? null : (
          <>
            <Divider titlePlacement="start" plain>
              {t("plans.criterion.ruleTitle")}
            </Divider>
            {c.rule ? (
              <>
                <RuleEditor rule={c.rule} inputs={available} max={c.max} onChange={(rule: Rule) => set({ rule })} />
                {tryNode}
              </>
            ) : (
              <Space orientation="vertical">
                <Alert type="warning" showIcon title={t("plans.criterion.noRule")} />
                <Button onClick={() => set({ rule: defaultRule(qualitative ? "pass_fail" : "manual", available[0]?.key ?? "", c.max) })}>
                  {t("plans.criterion.addRule")}
                </Button>
              </Space>
            )}
          </>
        )}
      </FormBlock>
    </Card>
  );
}
