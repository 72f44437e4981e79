// The scoring rule of a criterion, one form per rule kind, with a sentence saying what the rule does.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Checkbox, Col, Input, Radio, Row, Select, Space, Switch, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { formatDate, formatNumber } from "../../format";
import { t } from "../../i18n";
import { ConditionEditor } from "./ConditionEditor";
import { DateField, enumOptions, Field, InputKeySelect, Num, optionalText, useReadOnly } from "./fields";
import { type Band, defaultRule, type InputDef, RULE_KINDS, type Rule, type RuleKind } from "./model";

const NUMERIC = ["count", "number", "percent"];

const n = (v: number | undefined) => (v === undefined ? "…" : formatNumber(v));

/** One sentence describing the rule in the words of a plan ("10 điểm, trừ 2 điểm mỗi PAKN, thấp nhất 0 điểm"). */
export function describeRule(rule: Rule, inputs: InputDef[]): string {
  const label = (key: string) => inputs.find((i) => i.key === key)?.label ?? key;
  switch (rule.kind) {
    case "per_occurrence": {
      const noun = rule.noun || label(rule.input).toLowerCase();
      const parts = [
        t(rule.each < 0 ? "plans.describe.perOccurrenceMinus" : "plans.describe.perOccurrencePlus", {
          base: n(rule.base),
          each: n(Math.abs(rule.each)),
          noun,
        }),
      ];
      if (rule.maxCount !== undefined) parts.push(t("plans.describe.maxCount", { count: n(rule.maxCount) }));
      if (rule.floor !== undefined) parts.push(t("plans.describe.floor", { floor: n(rule.floor) }));
      if (rule.cap !== undefined) parts.push(t("plans.describe.cap", { cap: n(rule.cap) }));
      return parts.join(", ");
    }
    case "bands":
      return rule.per
        ? t("plans.describe.bandsRate", { count: rule.bands.length, input: label(rule.input), per: label(rule.per), none: n(rule.whenNone) })
        : t("plans.describe.bands", { count: rule.bands.length, input: label(rule.input) });
    case "lateness":
      return t(rule.unit === "month" ? "plans.describe.latenessMonth" : "plans.describe.latenessDay", {
        onTime: n(rule.onTime),
        perStep: n(rule.perStep),
        due: formatDate(rule.due),
        missing: n(rule.missing),
      });
    case "fixed":
      return t("plans.describe.fixed", { count: rule.cases.length, otherwise: n(rule.otherwise) });
    case "linear":
      return rule.per
        ? t("plans.describe.linearRate", { input: label(rule.input), per: label(rule.per), full: n(rule.full ?? 100), none: n(rule.whenNone) })
        : t("plans.describe.linear", { input: label(rule.input), full: n(rule.full ?? 100) });
    case "manual":
      return t("plans.describe.manual");
    case "sum":
      return t("plans.describe.sum", { count: rule.parts.length });
    case "pass_fail":
      return rule.unless ? t("plans.describe.passFailUnless", { label: rule.unlessLabel ?? "" }) : t("plans.describe.passFail");
    case "peer_average":
      return t("plans.describe.peerAverage", { better: n(rule.atOrBetter), worse: n(rule.worse) });
    case "sample_check":
      return t("plans.describe.sampleCheck", { each: n(rule.each) });
  }
}

/** The optional denominator of a linear or bands rule: with it the rule reads the rate input ÷ denominator (%). */
function RateFields({ rule, inputs, onChange }: { rule: Extract<Rule, { kind: "linear" | "bands" }>; inputs: InputDef[]; onChange: (rule: Rule) => void }) {
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Field label={t("plans.rule.per")} tooltip={t("plans.rule.perHelp")}>
          <InputKeySelect
            value={rule.per}
            inputs={inputs.filter((i) => i.key !== rule.input)}
            types={["count", "number"]}
            allowClear
            aria-label={t("plans.rule.per")}
            onChange={(per) => onChange(per ? { ...rule, per, whenNone: rule.whenNone ?? 100 } : { ...rule, per: undefined, whenNone: undefined })}
          />
        </Field>
      </Col>
      {rule.per ? (
        <Col xs={24} md={12}>
          <Field label={t("plans.rule.whenNone")} tooltip={t("plans.rule.whenNoneHelp")}>
            <Num value={rule.whenNone} min={0} max={100} suffix="%" onChange={(whenNone) => onChange({ ...rule, whenNone })} data-testid="rule-when-none" />
          </Field>
        </Col>
      ) : null}
    </Row>
  );
}

interface BandRow extends Band {
  key: number;
}

function BandsTable({ bands, onChange, suffix }: { bands: Band[]; onChange: (b: Band[]) => void; suffix?: string }) {
  const readOnly = useReadOnly();
  const set = (index: number, patch: Partial<Band>) => onChange(bands.map((b, i) => (i === index ? { ...b, ...patch } : b)));
  const rows: BandRow[] = bands.map((b, key) => ({ ...b, key }));
  const columns: ColumnsType<BandRow> = [
    {
      title: t("plans.band.min"),
      key: "min",
      width: 170,
      render: (_: unknown, r) => (
        <Space size={4}>
          <Num
            value={r.min}
            onChange={(min) => set(r.key, { min })}
            style={{ width: 90 }}
            suffix={suffix}
            aria-label={t("plans.band.minOf", { n: r.key + 1 })}
          />
          <Checkbox checked={r.minInclusive} onChange={(e) => set(r.key, { minInclusive: e.target.checked })} aria-label={t("plans.band.inclusive")}>
            {t("plans.band.inclusiveShort")}
          </Checkbox>
        </Space>
      ),
    },
    {
      title: t("plans.band.max"),
      key: "max",
      width: 170,
      render: (_: unknown, r) => (
        <Space size={4}>
          <Num
            value={r.max}
            onChange={(max) => set(r.key, { max })}
            style={{ width: 90 }}
            suffix={suffix}
            aria-label={t("plans.band.maxOf", { n: r.key + 1 })}
          />
          <Checkbox checked={r.maxInclusive} onChange={(e) => set(r.key, { maxInclusive: e.target.checked })} aria-label={t("plans.band.inclusive")}>
            {t("plans.band.inclusiveShort")}
          </Checkbox>
        </Space>
      ),
    },
    {
      title: t("plans.band.points"),
      key: "points",
      width: 90,
      render: (_: unknown, r) => (
        <Num value={r.points} onChange={(points) => set(r.key, { points: points ?? 0 })} aria-label={t("plans.band.pointsOf", { n: r.key + 1 })} />
      ),
    },
    {
      title: t("plans.band.label"),
      key: "label",
      render: (_: unknown, r) => (
        <Input
          value={r.label ?? ""}
          onChange={(e) => set(r.key, { label: optionalText(e.target.value) })}
          aria-label={t("plans.band.labelOf", { n: r.key + 1 })}
        />
      ),
    },
  ];
  if (!readOnly)
    columns.push({
      key: "remove",
      width: 44,
      render: (_: unknown, r) => (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          disabled={bands.length <= 1}
          aria-label={t("plans.band.remove", { n: r.key + 1 })}
          onClick={() => onChange(bands.filter((_b, i) => i !== r.key))}
        />
      ),
    });
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size={8}>
      <Table<BandRow> size="small" rowKey="key" dataSource={rows} columns={columns} pagination={false} scroll={{ x: 640 }} data-testid="bands-table" />
      {readOnly ? null : (
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => onChange([...bands, { min: bands.at(-1)?.max, minInclusive: true, maxInclusive: false, points: 0 }])}
        >
          {t("plans.band.add")}
        </Button>
      )}
    </Space>
  );
}

export function RuleEditor({
  rule,
  onChange,
  inputs,
  max,
  nested = false,
}: {
  rule: Rule;
  onChange: (next: Rule) => void;
  inputs: InputDef[];
  max: number | undefined;
  nested?: boolean;
}) {
  const readOnly = useReadOnly();
  const firstKey = ("input" in rule ? rule.input : undefined) ?? inputs[0]?.key ?? "";
  const kinds = nested ? RULE_KINDS.filter((k) => k !== "sum" && k !== "pass_fail") : RULE_KINDS;
  const inputOf = (key: string) => inputs.find((i) => i.key === key);
  const percentSuffix = (key: string) => (inputOf(key)?.type === "percent" ? "%" : undefined);

  const body = (() => {
    switch (rule.kind) {
      case "per_occurrence":
        return (
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Field label={t("plans.rule.input")}>
                <InputKeySelect value={rule.input} inputs={inputs} types={NUMERIC} onChange={(input) => onChange({ ...rule, input })} />
              </Field>
            </Col>
            <Col xs={12} md={6}>
              <Field label={t("plans.rule.base")} tooltip={t("plans.rule.baseHelp")}>
                <Num value={rule.base} onChange={(base) => onChange({ ...rule, base: base ?? 0 })} />
              </Field>
            </Col>
            <Col xs={12} md={6}>
              <Field label={t("plans.rule.noun")} tooltip={t("plans.rule.nounHelp")}>
                <Input value={rule.noun ?? ""} onChange={(e) => onChange({ ...rule, noun: optionalText(e.target.value) })} />
              </Field>
            </Col>
            <Col xs={24} md={12}>
              <Field label={t("plans.rule.eachSign")}>
                <Radio.Group
                  value={rule.each < 0 ? "minus" : "plus"}
                  optionType="button"
                  options={[
                    { value: "minus", label: t("plans.rule.minus") },
                    { value: "plus", label: t("plans.rule.plus") },
                  ]}
                  onChange={(e) => onChange({ ...rule, each: (e.target.value === "minus" ? -1 : 1) * Math.abs(rule.each) })}
                />
              </Field>
            </Col>
            <Col xs={12} md={6}>
              <Field label={t("plans.rule.each")}>
                <Num
                  value={Math.abs(rule.each)}
                  min={0}
                  onChange={(v) => onChange({ ...rule, each: (rule.each < 0 ? -1 : 1) * Math.abs(v ?? 0) })}
                  data-testid="rule-each"
                />
              </Field>
            </Col>
            <Col xs={12} md={6}>
              <Field label={t("plans.rule.maxCount")} tooltip={t("plans.rule.maxCountHelp")}>
                <Num value={rule.maxCount} min={1} step={1} onChange={(v) => onChange({ ...rule, maxCount: v === undefined ? undefined : Math.round(v) })} />
              </Field>
            </Col>
            <Col xs={12} md={6}>
              <Field label={t("plans.rule.floor")} tooltip={t("plans.rule.floorHelp")}>
                <Num value={rule.floor} onChange={(floor) => onChange({ ...rule, floor })} />
              </Field>
            </Col>
            <Col xs={12} md={6}>
              <Field label={t("plans.rule.cap")} tooltip={t("plans.rule.capHelp")}>
                <Num value={rule.cap} onChange={(cap) => onChange({ ...rule, cap })} />
              </Field>
            </Col>
          </Row>
        );
      case "bands":
        return (
          <>
            <Field label={t("plans.rule.input")}>
              <InputKeySelect value={rule.input} inputs={inputs} types={NUMERIC} onChange={(input) => onChange({ ...rule, input })} />
            </Field>
            <RateFields rule={rule} inputs={inputs} onChange={onChange} />
            <Typography.Text type="secondary" style={{ display: "block", marginBottom: 8 }}>
              {t("plans.band.help")}
            </Typography.Text>
            <BandsTable bands={rule.bands} onChange={(bands) => onChange({ ...rule, bands })} suffix={rule.per ? "%" : percentSuffix(rule.input)} />
          </>
        );
      case "lateness":
        return (
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Field label={t("plans.rule.dateInput")}>
                <InputKeySelect value={rule.input} inputs={inputs} types={["date"]} onChange={(input) => onChange({ ...rule, input })} />
              </Field>
            </Col>
            <Col xs={12} md={6}>
              <Field label={t("plans.rule.due")}>
                <DateField value={rule.due} allowClear={false} onChange={(due) => onChange({ ...rule, due: due ?? rule.due })} />
              </Field>
            </Col>
            <Col xs={12} md={6}>
              <Field label={t("plans.rule.unit")}>
                <Select
                  value={rule.unit}
                  options={enumOptions(["day", "month"] as const, "plans.rule.unitValue")}
                  onChange={(unit) => onChange({ ...rule, unit })}
                />
              </Field>
            </Col>
            <Col xs={12} md={6}>
              <Field label={t("plans.rule.onTime")}>
                <Num value={rule.onTime} onChange={(v) => onChange({ ...rule, onTime: v ?? 0 })} />
              </Field>
            </Col>
            <Col xs={12} md={6}>
              <Field label={rule.unit === "month" ? t("plans.rule.perMonth") : t("plans.rule.perDay")}>
                <Num value={rule.perStep} min={0} onChange={(v) => onChange({ ...rule, perStep: Math.abs(v ?? 0) })} />
              </Field>
            </Col>
            <Col xs={12} md={6}>
              <Field label={t("plans.rule.floor")}>
                <Num value={rule.floor} onChange={(floor) => onChange({ ...rule, floor })} />
              </Field>
            </Col>
            <Col xs={12} md={6}>
              <Field label={t("plans.rule.missing")} tooltip={t("plans.rule.missingHelp")}>
                <Num value={rule.missing} onChange={(v) => onChange({ ...rule, missing: v ?? 0 })} />
              </Field>
            </Col>
          </Row>
        );
      case "fixed": {
        const cases = rule.cases.map((c, key) => ({ ...c, key }));
        const setCase = (index: number, patch: Partial<(typeof rule.cases)[number]>) =>
          onChange({ ...rule, cases: rule.cases.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
        return (
          <Space orientation="vertical" style={{ width: "100%" }} size={8}>
            {cases.map((c) => (
              <Card
                key={c.key}
                size="small"
                title={t("plans.rule.caseTitle", { n: c.key + 1 })}
                extra={
                  readOnly ? null : (
                    <Button
                      type="text"
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      disabled={rule.cases.length <= 1}
                      aria-label={t("plans.rule.removeCase", { n: c.key + 1 })}
                      onClick={() => onChange({ ...rule, cases: rule.cases.filter((_x, i) => i !== c.key) })}
                    />
                  )
                }
              >
                <Field label={t("plans.rule.when")}>
                  <div>
                    <ConditionEditor value={c.when} onChange={(when) => setCase(c.key, { when })} inputs={inputs} />
                  </div>
                </Field>
                <Row gutter={12}>
                  <Col xs={8} md={6}>
                    <Field label={t("plans.rule.points")}>
                      <Num value={c.points} onChange={(points) => setCase(c.key, { points: points ?? 0 })} />
                    </Field>
                  </Col>
                  <Col xs={16} md={18}>
                    <Field label={t("plans.rule.caseLabel")}>
                      <Input value={c.label ?? ""} onChange={(e) => setCase(c.key, { label: optionalText(e.target.value) })} />
                    </Field>
                  </Col>
                </Row>
              </Card>
            ))}
            {readOnly ? null : (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => onChange({ ...rule, cases: [...rule.cases, { when: { input: inputs[0]?.key ?? "", op: "true" }, points: 0 }] })}
              >
                {t("plans.rule.addCase")}
              </Button>
            )}
            <Row gutter={12}>
              <Col xs={8} md={6}>
                <Field label={t("plans.rule.otherwise")}>
                  <Num value={rule.otherwise} onChange={(v) => onChange({ ...rule, otherwise: v ?? 0 })} />
                </Field>
              </Col>
              <Col xs={16} md={18}>
                <Field label={t("plans.rule.otherwiseLabel")}>
                  <Input value={rule.otherwiseLabel ?? ""} onChange={(e) => onChange({ ...rule, otherwiseLabel: optionalText(e.target.value) })} />
                </Field>
              </Col>
            </Row>
          </Space>
        );
      }
      case "linear":
        return (
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Field label={t("plans.rule.input")}>
                <InputKeySelect value={rule.input} inputs={inputs} types={NUMERIC} onChange={(input) => onChange({ ...rule, input })} />
              </Field>
            </Col>
            <Col xs={12} md={6}>
              <Field label={t("plans.rule.full")} tooltip={t("plans.rule.fullHelp")}>
                <Num value={rule.full} min={0} placeholder="100" onChange={(full) => onChange({ ...rule, full: full && full > 0 ? full : undefined })} />
              </Field>
            </Col>
            <Col xs={12} md={6}>
              <Field label={t("plans.rule.scale")} tooltip={t("plans.rule.scaleHelp")}>
                <Num value={rule.scale} placeholder={max === undefined ? "" : String(max)} onChange={(scale) => onChange({ ...rule, scale })} />
              </Field>
            </Col>
            <Col xs={24}>
              <RateFields rule={rule} inputs={inputs} onChange={onChange} />
            </Col>
          </Row>
        );
      case "peer_average":
        return (
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Field label={t("plans.rule.input")}>
                <InputKeySelect value={rule.input} inputs={inputs} types={NUMERIC} onChange={(input) => onChange({ ...rule, input })} />
              </Field>
            </Col>
            <Col xs={24} md={12}>
              <Field label={t("plans.rule.higherIsBetter")}>
                <Switch checked={rule.higherIsBetter} onChange={(higherIsBetter) => onChange({ ...rule, higherIsBetter })} />
              </Field>
            </Col>
            <Col xs={12}>
              <Field label={t("plans.rule.atOrBetter")}>
                <Num value={rule.atOrBetter} onChange={(v) => onChange({ ...rule, atOrBetter: v ?? 0 })} />
              </Field>
            </Col>
            <Col xs={12}>
              <Field label={t("plans.rule.worse")}>
                <Num value={rule.worse} onChange={(v) => onChange({ ...rule, worse: v ?? 0 })} />
              </Field>
            </Col>
          </Row>
        );
      case "sample_check":
        return (
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Field label={t("plans.rule.sampledInput")}>
                <InputKeySelect value={rule.sampledInput} inputs={inputs} types={NUMERIC} onChange={(sampledInput) => onChange({ ...rule, sampledInput })} />
              </Field>
            </Col>
            <Col xs={24} md={12}>
              <Field label={t("plans.rule.confirmedInput")}>
                <InputKeySelect
                  value={rule.confirmedInput}
                  inputs={inputs}
                  types={NUMERIC}
                  onChange={(confirmedInput) => onChange({ ...rule, confirmedInput })}
                />
              </Field>
            </Col>
            <Col xs={12} md={6}>
              <Field label={t("plans.rule.eachConfirmed")}>
                <Num value={rule.each} min={0} onChange={(v) => onChange({ ...rule, each: v && v > 0 ? v : 1 })} />
              </Field>
            </Col>
          </Row>
        );
      case "manual":
        return (
          <Field label={t("plans.rule.manualInput")} help={t("plans.rule.manualHelp")}>
            <InputKeySelect value={rule.input} inputs={inputs} types={NUMERIC} onChange={(input) => onChange({ ...rule, input })} />
          </Field>
        );
      case "sum": {
        const parts = rule.parts.map((p, key) => ({ p, key }));
        return (
          <Space orientation="vertical" style={{ width: "100%" }} size={8}>
            <Typography.Text type="secondary">{t("plans.rule.sumHelp")}</Typography.Text>
            {parts.map(({ p, key }) => (
              <Card
                key={key}
                size="small"
                title={t("plans.rule.partTitle", { n: key + 1 })}
                extra={
                  readOnly ? null : (
                    <Button
                      type="text"
                      danger
                      size="small"
                      icon={<DeleteOutlined />}
                      disabled={rule.parts.length <= 1}
                      aria-label={t("plans.rule.removePart", { n: key + 1 })}
                      onClick={() => onChange({ ...rule, parts: rule.parts.filter((_x, i) => i !== key) })}
                    />
                  )
                }
              >
                <RuleEditor
                  rule={p}
                  nested
                  inputs={inputs}
                  max={max}
                  onChange={(next) => onChange({ ...rule, parts: rule.parts.map((x, i) => (i === key ? next : x)) })}
                />
              </Card>
            ))}
            {readOnly ? null : (
              <Button size="small" icon={<PlusOutlined />} onClick={() => onChange({ ...rule, parts: [...rule.parts, defaultRule("fixed", firstKey, 0)] })}>
                {t("plans.rule.addPart")}
              </Button>
            )}
            <Checkbox
              checked={!!rule.zeroWhen}
              onChange={(e) =>
                onChange(e.target.checked ? { ...rule, zeroWhen: { input: firstKey, op: "false" } } : { ...rule, zeroWhen: undefined, zeroLabel: undefined })
              }
            >
              {t("plans.rule.zeroWhenToggle")}
            </Checkbox>
            {rule.zeroWhen ? (
              <>
                <ConditionEditor value={rule.zeroWhen} onChange={(zeroWhen) => onChange({ ...rule, zeroWhen })} inputs={inputs} />
                <Field label={t("plans.rule.zeroLabel")}>
                  <Input value={rule.zeroLabel ?? ""} onChange={(e) => onChange({ ...rule, zeroLabel: optionalText(e.target.value) })} />
                </Field>
              </>
            ) : null}
          </Space>
        );
      }
      case "pass_fail":
        return (
          <>
            <Field label={t("plans.rule.passWhen")}>
              <div>
                <ConditionEditor value={rule.when} onChange={(when) => onChange({ ...rule, when })} inputs={inputs} />
              </div>
            </Field>
            <Row gutter={12}>
              <Col xs={12}>
                <Field label={t("plans.rule.passLabel")}>
                  <Input
                    value={rule.passLabel ?? ""}
                    placeholder={t("plans.pass")}
                    onChange={(e) => onChange({ ...rule, passLabel: optionalText(e.target.value) })}
                  />
                </Field>
              </Col>
              <Col xs={12}>
                <Field label={t("plans.rule.failLabel")}>
                  <Input
                    value={rule.failLabel ?? ""}
                    placeholder={t("plans.fail")}
                    onChange={(e) => onChange({ ...rule, failLabel: optionalText(e.target.value) })}
                  />
                </Field>
              </Col>
            </Row>
            <Space style={{ marginBottom: 8 }}>
              <Switch
                size="small"
                checked={!!rule.unless}
                aria-label={t("plans.rule.unlessToggle")}
                data-testid="rule-unless-toggle"
                onChange={(v) => onChange(v ? { ...rule, unless: { input: firstKey, op: "true" } } : { ...rule, unless: undefined, unlessLabel: undefined })}
              />
              <span>{t("plans.rule.unlessToggle")}</span>
            </Space>
            {rule.unless ? (
              <>
                <Field label={t("plans.rule.unless")} tooltip={t("plans.rule.unlessHelp")}>
                  <div>
                    <ConditionEditor value={rule.unless} onChange={(unless) => onChange({ ...rule, unless })} inputs={inputs} />
                  </div>
                </Field>
                <Field label={t("plans.rule.unlessLabel")}>
                  <Input value={rule.unlessLabel ?? ""} onChange={(e) => onChange({ ...rule, unlessLabel: optionalText(e.target.value) })} />
                </Field>
              </>
            ) : null}
          </>
        );
    }
  })();

  return (
    <div data-testid={nested ? undefined : "rule-editor"}>
      <Field label={t("plans.rule.kind")}>
        <Select<RuleKind>
          value={rule.kind}
          options={enumOptions(kinds, "plans.ruleKind")}
          onChange={(kind) => onChange(defaultRule(kind, firstKey, max))}
          popupMatchSelectWidth={false}
          style={{ minWidth: 260 }}
        />
      </Field>
      {inputs.length === 0 && rule.kind !== "sum" ? <Alert type="warning" showIcon title={t("plans.rule.noInputs")} style={{ marginBottom: 12 }} /> : null}
      {body}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }} data-testid={nested ? undefined : "rule-summary"}>
        {describeRule(rule, inputs)}
      </Typography.Paragraph>
    </div>
  );
}
