// The award forms of a plan (Bằng khen, Giấy khen, danh hiệu …) with their issuing level, target and quotas.
import { Card, Col, Input, Row, Select, Space, Switch, Tag, Typography } from "antd";
import { enumLabel, enumOptions, Field, FormBlock, ObjectListEditor, optionalText } from "../../../components/plan/fields";
import { AWARD_TARGETS, type AwardForm, ISSUER_LEVELS, isValidId, uniqueId } from "../../../components/plan/model";
import { t } from "../../../i18n";
import type { TabProps } from "../editorTypes";
import { QuotasEditor, quotaText } from "./QuotasEditor";

export function AwardFormsCard({ plan, update, readOnly }: TabProps) {
  const groups = plan.groups.map((g) => ({ value: g.id, label: g.name }));
  return (
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
              <Input.TextArea value={r.source ?? ""} autoSize={{ minRows: 1, maxRows: 4 }} onChange={(e) => set({ source: optionalText(e.target.value) })} />
            </Field>
          </FormBlock>
        )}
      />
    </Card>
  );
}
