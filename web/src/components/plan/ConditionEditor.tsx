// Condition builder: "input operator value", or several of them joined by AND / OR, NOT, or an expression.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Input, Select, Space, Switch } from "antd";
import { t } from "../../i18n";
import { DateField, enumOptions, InputKeySelect, Num, useReadOnly } from "./fields";
import { type Condition, type ConditionShape, conditionShape, type InputDef, opsForType, type SimpleOp } from "./model";

type Scalar = number | string | boolean;
type Simple = Extract<Condition, { input: string }>;

const SHAPES: ConditionShape[] = ["simple", "all", "any", "not", "expr"];

function firstSimple(cond: Condition): Simple | null {
  if ("input" in cond) return cond;
  if ("all" in cond) return cond.all.map(firstSimple).find(Boolean) ?? null;
  if ("any" in cond) return cond.any.map(firstSimple).find(Boolean) ?? null;
  if ("not" in cond) return firstSimple(cond.not);
  return null;
}

function defaultValue(def: InputDef | undefined): Scalar {
  if (!def) return 0;
  if (def.type === "date") return `${new Date().getFullYear()}-12-31`;
  if (def.type === "choice") return def.choices?.[0] ?? "";
  if (def.type === "boolean") return true;
  return 0;
}

function withOp(cond: Simple, op: SimpleOp, def: InputDef | undefined): Simple {
  if (op === "true" || op === "false" || op === "present" || op === "absent") return { input: cond.input, op };
  if (op === "in") {
    const seed = "value" in cond ? [cond.value] : "values" in cond ? cond.values : [defaultValue(def)];
    return { input: cond.input, op, values: seed };
  }
  const value = "value" in cond ? cond.value : "values" in cond ? (cond.values[0] ?? defaultValue(def)) : defaultValue(def);
  return { input: cond.input, op, value };
}

function ValueEditor({ def, value, onChange }: { def: InputDef | undefined; value: Scalar; onChange: (v: Scalar) => void }) {
  const label = t("plans.cond.value");
  if (def?.type === "date") return <DateField value={typeof value === "string" ? value : undefined} onChange={(v) => onChange(v ?? "")} aria-label={label} />;
  if (def?.type === "choice")
    return (
      <Select
        value={String(value)}
        onChange={onChange}
        options={(def.choices ?? []).map((c) => ({ value: c, label: c }))}
        style={{ minWidth: 140 }}
        aria-label={label}
      />
    );
  if (typeof value === "boolean") return <Switch checked={value} onChange={onChange} aria-label={label} />;
  if (typeof value === "string" && def?.type === undefined)
    return <Input value={value} onChange={(e) => onChange(e.target.value)} style={{ width: 140 }} aria-label={label} />;
  return (
    <Num
      value={typeof value === "number" ? value : Number(value) || 0}
      onChange={(v) => onChange(v ?? 0)}
      style={{ width: 120 }}
      suffix={def?.type === "percent" ? "%" : undefined}
      aria-label={label}
    />
  );
}

function SimpleEditor({ cond, onChange, inputs }: { cond: Simple; onChange: (c: Condition) => void; inputs: InputDef[] }) {
  const def = inputs.find((i) => i.key === cond.input);
  const ops = opsForType(def?.type);
  const opOptions = (ops.includes(cond.op) ? ops : [cond.op, ...ops]).map((op) => ({ value: op, label: t(`plans.op.${op}` as "plans.op.eq") }));
  return (
    <Space wrap size={6} align="center">
      <div style={{ minWidth: 220, maxWidth: 360 }}>
        <InputKeySelect
          value={cond.input}
          inputs={inputs}
          aria-label={t("plans.cond.input")}
          onChange={(key) => {
            const nextDef = inputs.find((i) => i.key === key);
            const nextOps = opsForType(nextDef?.type);
            onChange(withOp({ ...cond, input: key }, nextOps.includes(cond.op) ? cond.op : nextOps[0], nextDef));
          }}
        />
      </div>
      <Select
        value={cond.op}
        options={opOptions}
        onChange={(op: SimpleOp) => onChange(withOp(cond, op, def))}
        popupMatchSelectWidth={false}
        style={{ minWidth: 120 }}
        aria-label={t("plans.cond.op")}
      />
      {"value" in cond ? <ValueEditor def={def} value={cond.value} onChange={(value) => onChange({ ...cond, value })} /> : null}
      {"values" in cond ? (
        <Select
          mode="tags"
          value={cond.values.map(String)}
          onChange={(vals: string[]) => {
            const numeric = def && ["number", "percent", "count"].includes(def.type);
            const values = vals.map((v) => (numeric && v.trim() !== "" && !Number.isNaN(Number(v.replace(",", "."))) ? Number(v.replace(",", ".")) : v));
            onChange({ ...cond, values: values.length ? values : [defaultValue(def)] });
          }}
          options={(def?.choices ?? []).map((c) => ({ value: c, label: c }))}
          style={{ minWidth: 200 }}
          placeholder={t("plans.cond.values")}
          aria-label={t("plans.cond.values")}
        />
      ) : null}
    </Space>
  );
}

export function ConditionEditor({
  value,
  onChange,
  inputs,
  depth = 0,
}: {
  value: Condition;
  onChange: (next: Condition) => void;
  inputs: InputDef[];
  depth?: number;
}) {
  const readOnly = useReadOnly();
  const shape = conditionShape(value);
  const seed = (): Simple => firstSimple(value) ?? { input: inputs[0]?.key ?? "", op: "true" };

  const changeShape = (next: ConditionShape) => {
    if (next === shape) return;
    const list = "all" in value ? value.all : "any" in value ? value.any : null;
    if (next === "simple") onChange(seed());
    else if (next === "all") onChange({ all: list ?? [value] });
    else if (next === "any") onChange({ any: list ?? [value] });
    else if (next === "not") onChange({ not: value });
    else onChange({ expr: inputs[0] ? `${inputs[0].key} > 0` : "true", label: undefined });
  };

  const shapeSelect = (
    <Select
      value={shape}
      onChange={changeShape}
      options={enumOptions(SHAPES, "plans.condShape")}
      popupMatchSelectWidth={false}
      style={{ minWidth: 170 }}
      aria-label={t("plans.cond.shape")}
    />
  );

  const box = {
    borderInlineStart: depth > 0 ? "2px solid #f0f0f0" : undefined,
    paddingInlineStart: depth > 0 ? 10 : 0,
  } as const;

  if (shape === "simple" && "input" in value) {
    return (
      <Space wrap size={6} style={box}>
        {shapeSelect}
        <SimpleEditor cond={value} onChange={onChange} inputs={inputs} />
      </Space>
    );
  }
  if ("expr" in value) {
    return (
      <Space wrap size={6} style={box}>
        {shapeSelect}
        <Input
          value={value.expr}
          onChange={(e) => onChange({ ...value, expr: e.target.value })}
          placeholder={t("plans.cond.exprPlaceholder")}
          style={{ minWidth: 240 }}
          aria-label={t("plans.cond.expr")}
        />
        <Input
          value={value.label ?? ""}
          onChange={(e) => onChange({ ...value, label: e.target.value.trim() ? e.target.value : undefined })}
          placeholder={t("plans.cond.exprLabel")}
          style={{ minWidth: 200 }}
          aria-label={t("plans.cond.exprLabel")}
        />
      </Space>
    );
  }
  if ("not" in value) {
    return (
      <Space orientation="vertical" size={6} style={{ ...box, width: "100%" }}>
        {shapeSelect}
        <ConditionEditor value={value.not} onChange={(inner) => onChange({ not: inner })} inputs={inputs} depth={depth + 1} />
      </Space>
    );
  }
  const joiner = "all" in value ? "all" : "any";
  const list: Condition[] = "all" in value ? value.all : "any" in value ? value.any : [];
  const setList = (next: Condition[]) => onChange(joiner === "all" ? { all: next } : { any: next });
  const rows = list.map((c, key) => ({ key, c }));
  return (
    <Space orientation="vertical" size={6} style={{ ...box, width: "100%" }}>
      {shapeSelect}
      {rows.map((row) => (
        <Space key={row.key} align="start" size={4} style={{ width: "100%" }}>
          <ConditionEditor value={row.c} onChange={(c) => setList(list.map((x, i) => (i === row.key ? c : x)))} inputs={inputs} depth={depth + 1} />
          {readOnly ? null : (
            <Button
              type="text"
              danger
              size="small"
              icon={<DeleteOutlined />}
              disabled={list.length <= 1}
              aria-label={t("plans.cond.remove")}
              onClick={() => setList(list.filter((_x, i) => i !== row.key))}
            />
          )}
        </Space>
      ))}
      {readOnly ? null : (
        <Button size="small" icon={<PlusOutlined />} onClick={() => setList([...list, seed()])}>
          {t("plans.cond.add")}
        </Button>
      )}
    </Space>
  );
}
