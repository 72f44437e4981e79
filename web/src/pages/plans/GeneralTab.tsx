// "Thông tin chung": the document's identity (number, symbol, place, date), title, period, legal bases,
// purposes, requirements, contents, signer and recipients.
import { Card, Col, Input, Row, Select, Space } from "antd";
import { DateField, enumOptions, Field, FormBlock, Num, ObjectListEditor, optionalText, ReadOnlyScope, StringListEditor } from "../../components/plan/fields";
import { isValidId, PLAN_LEVELS, type PlanData, uniqueId } from "../../components/plan/model";
import { t } from "../../i18n";
import type { TabProps } from "./editorTypes";

type LegalBasis = PlanData["legalBases"][number];
type Content = PlanData["contents"][number];

export function GeneralTab({ plan, update, readOnly, launched }: TabProps & { launched: boolean }) {
  const groupOptions = plan.groups.map((g) => ({ value: g.id, label: g.name }));
  return (
    <ReadOnlyScope readOnly={readOnly}>
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <Card size="small" title={t("plans.general.documentTitle")}>
          <FormBlock>
            <Row gutter={12}>
              <Col xs={24} lg={12}>
                <Field label={t("plans.general.issuerName")} error={plan.issuer.name.trim() ? null : t("plans.general.issuerRequired")}>
                  <Input
                    value={plan.issuer.name}
                    onChange={(e) =>
                      update((d) => {
                        d.issuer.name = e.target.value;
                      })
                    }
                  />
                </Field>
              </Col>
              <Col xs={24} lg={8}>
                <Field label={t("plans.general.issuerParent")}>
                  <Input
                    value={plan.issuer.parent ?? ""}
                    onChange={(e) =>
                      update((d) => {
                        d.issuer.parent = optionalText(e.target.value);
                      })
                    }
                  />
                </Field>
              </Col>
              <Col xs={24} lg={4}>
                <Field label={t("plans.general.level")}>
                  <Select
                    value={plan.issuer.level}
                    options={enumOptions(PLAN_LEVELS, "plans.level")}
                    onChange={(level) =>
                      update((d) => {
                        d.issuer.level = level;
                      })
                    }
                  />
                </Field>
              </Col>
              <Col xs={8} lg={4}>
                <Field label={t("plans.general.number")}>
                  <Input
                    value={plan.number ?? ""}
                    onChange={(e) =>
                      update((d) => {
                        d.number = optionalText(e.target.value);
                      })
                    }
                  />
                </Field>
              </Col>
              <Col xs={16} lg={5}>
                <Field label={t("plans.general.symbol")}>
                  <Input
                    value={plan.symbol}
                    onChange={(e) =>
                      update((d) => {
                        d.symbol = e.target.value;
                      })
                    }
                  />
                </Field>
              </Col>
              <Col xs={12} lg={6}>
                <Field label={t("plans.general.place")}>
                  <Input
                    value={plan.place ?? ""}
                    onChange={(e) =>
                      update((d) => {
                        d.place = optionalText(e.target.value);
                      })
                    }
                  />
                </Field>
              </Col>
              <Col xs={12} lg={4}>
                <Field label={t("plans.general.issuedOn")}>
                  <DateField
                    value={plan.issuedOn}
                    onChange={(v) =>
                      update((d) => {
                        d.issuedOn = v;
                      })
                    }
                  />
                </Field>
              </Col>
              <Col xs={24} lg={5}>
                <Field
                  label={t("plans.general.code")}
                  tooltip={t("plans.general.codeHelp")}
                  error={isValidId(plan.code) ? null : t("plans.idInvalid")}
                  help={launched ? t("plans.general.codeFixed") : undefined}
                >
                  <Input
                    value={plan.code}
                    disabled={readOnly || launched}
                    onChange={(e) =>
                      update((d) => {
                        d.code = e.target.value.trim();
                      })
                    }
                  />
                </Field>
              </Col>
              <Col xs={24}>
                <Field label={t("plans.general.title")} error={plan.title.trim() ? null : t("plans.general.titleRequired")}>
                  <Input.TextArea
                    value={plan.title}
                    autoSize={{ minRows: 1, maxRows: 3 }}
                    onChange={(e) =>
                      update((d) => {
                        d.title = e.target.value;
                      })
                    }
                  />
                </Field>
              </Col>
              <Col xs={24} lg={12}>
                <Field label={t("plans.general.theme")}>
                  <Input
                    value={plan.theme ?? ""}
                    onChange={(e) =>
                      update((d) => {
                        d.theme = optionalText(e.target.value);
                      })
                    }
                  />
                </Field>
              </Col>
              <Col xs={8} lg={4}>
                <Field label={t("plans.general.year")}>
                  <Num
                    value={plan.year}
                    min={2000}
                    max={2100}
                    step={1}
                    onChange={(v) =>
                      update((d) => {
                        d.year = Math.round(v ?? d.year);
                      })
                    }
                  />
                </Field>
              </Col>
              <Col xs={8} lg={4}>
                <Field label={t("plans.general.periodFrom")}>
                  <DateField
                    value={plan.period.from}
                    onChange={(v) =>
                      update((d) => {
                        d.period.from = v;
                      })
                    }
                  />
                </Field>
              </Col>
              <Col xs={8} lg={4}>
                <Field label={t("plans.general.periodTo")}>
                  <DateField
                    value={plan.period.to}
                    allowClear={false}
                    onChange={(v) =>
                      update((d) => {
                        d.period.to = v ?? d.period.to;
                      })
                    }
                  />
                </Field>
              </Col>
              <Col xs={24}>
                <Field label={t("plans.general.parentPlan")} tooltip={t("plans.general.parentPlanHelp")}>
                  <Input
                    value={plan.parentPlan?.reference ?? ""}
                    onChange={(e) =>
                      update((d) => {
                        const reference = e.target.value;
                        d.parentPlan = reference.trim() ? { ...d.parentPlan, reference } : undefined;
                      })
                    }
                  />
                </Field>
              </Col>
            </Row>
          </FormBlock>
        </Card>

        <Card size="small" title={t("plans.general.legalBases")}>
          <ObjectListEditor<LegalBasis>
            value={plan.legalBases}
            onChange={(legalBases) =>
              update((d) => {
                d.legalBases = legalBases;
              })
            }
            readOnly={readOnly}
            newRow={() => ({ text: t("plans.general.newLegalBasis") })}
            addLabel={t("plans.general.addLegalBasis")}
            rowLabel={(_r, i) => t("plans.general.legalBasisN", { n: i + 1 })}
            columns={[
              {
                title: t("plans.general.legalBasisText"),
                key: "text",
                render: (r, set, i) => (
                  <Input.TextArea
                    value={r.text}
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    onChange={(e) => set({ text: e.target.value })}
                    aria-label={t("plans.general.legalBasisN", { n: i + 1 })}
                  />
                ),
              },
              {
                title: t("plans.source"),
                key: "source",
                width: 280,
                render: (r, set) => (
                  <Input.TextArea
                    value={r.source ?? ""}
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    onChange={(e) => set({ source: optionalText(e.target.value) })}
                  />
                ),
              },
            ]}
          />
        </Card>

        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t("plans.general.purposes")}>
              <StringListEditor
                value={plan.purposes}
                onChange={(purposes) =>
                  update((d) => {
                    d.purposes = purposes;
                  })
                }
                readOnly={readOnly}
                addLabel={t("plans.general.addPurpose")}
                itemLabel={t("plans.general.purpose")}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t("plans.general.requirements")}>
              <StringListEditor
                value={plan.requirements}
                onChange={(requirements) =>
                  update((d) => {
                    d.requirements = requirements;
                  })
                }
                readOnly={readOnly}
                addLabel={t("plans.general.addRequirement")}
                itemLabel={t("plans.general.requirement")}
              />
            </Card>
          </Col>
        </Row>

        <Card size="small" title={t("plans.general.contents")}>
          <ObjectListEditor<Content>
            value={plan.contents}
            onChange={(contents) =>
              update((d) => {
                d.contents = contents;
              })
            }
            readOnly={readOnly}
            newRow={() => ({
              id: uniqueId(
                "noi-dung",
                plan.contents.map((c) => c.id),
              ),
              area: "",
              text: t("plans.general.newContent"),
            })}
            addLabel={t("plans.general.addContent")}
            rowLabel={(r) => r.area || r.id}
            scrollX={820}
            columns={[
              {
                title: t("plans.general.contentArea"),
                key: "area",
                width: 180,
                render: (r, set) => <Input value={r.area} onChange={(e) => set({ area: e.target.value })} aria-label={t("plans.general.contentArea")} />,
              },
              {
                title: t("plans.general.contentText"),
                key: "text",
                render: (r, set) => (
                  <Input.TextArea
                    value={r.text}
                    autoSize={{ minRows: 1, maxRows: 5 }}
                    onChange={(e) => set({ text: e.target.value })}
                    aria-label={t("plans.general.contentText")}
                  />
                ),
              },
              {
                title: t("plans.general.contentGroups"),
                key: "groups",
                width: 220,
                render: (r, set) => (
                  <Select
                    mode="multiple"
                    value={r.groups ?? []}
                    options={groupOptions}
                    onChange={(v: string[]) => set({ groups: v.length ? v : undefined })}
                    placeholder={t("plans.allGroups")}
                    style={{ width: "100%" }}
                    maxTagCount="responsive"
                  />
                ),
              },
            ]}
          />
        </Card>

        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t("plans.general.signer")}>
              <FormBlock>
                <Field label={t("plans.general.signerAuthority")} tooltip={t("plans.general.signerAuthorityHelp")}>
                  <Input
                    value={plan.signer?.authority ?? ""}
                    onChange={(e) =>
                      update((d) => {
                        d.signer = { title: d.signer?.title ?? "", name: d.signer?.name ?? "", authority: optionalText(e.target.value) };
                      })
                    }
                  />
                </Field>
                <Field label={t("plans.general.signerTitle")}>
                  <Input
                    value={plan.signer?.title ?? ""}
                    onChange={(e) =>
                      update((d) => {
                        d.signer = { ...d.signer, name: d.signer?.name ?? "", title: e.target.value };
                      })
                    }
                  />
                </Field>
                <Field label={t("plans.general.signerName")}>
                  <Input
                    value={plan.signer?.name ?? ""}
                    onChange={(e) =>
                      update((d) => {
                        d.signer = { ...d.signer, title: d.signer?.title ?? "", name: e.target.value };
                      })
                    }
                  />
                </Field>
              </FormBlock>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t("plans.general.recipients")}>
              <StringListEditor
                value={plan.recipients}
                onChange={(recipients) =>
                  update((d) => {
                    d.recipients = recipients;
                  })
                }
                readOnly={readOnly}
                addLabel={t("plans.general.addRecipient")}
                itemLabel={t("plans.general.recipient")}
                multiline={false}
              />
            </Card>
          </Col>
        </Row>

        <Card size="small" title={t("plans.general.notes")}>
          <StringListEditor
            value={plan.notes}
            onChange={(notes) =>
              update((d) => {
                d.notes = notes;
              })
            }
            readOnly={readOnly}
            addLabel={t("plans.general.addNote")}
            itemLabel={t("plans.general.note")}
          />
        </Card>
      </Space>
    </ReadOnlyScope>
  );
}
