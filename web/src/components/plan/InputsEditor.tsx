// The facts (dữ kiện) a criterion reads: key, label, type and where the value comes from.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Input, Select, Space, Tooltip, Typography } from "antd";
import { t } from "../../i18n";
import { enumOptions, optionalText, useReadOnly } from "./fields";
import { FACT_ORIGINS, INPUT_TYPES, type InputDef, isValidId, slugify, uniqueId } from "./model";

interface Row extends InputDef {
  rowKey: number;
}

export function InputsEditor({
  value,
  onChange,
  readOnly: readOnlyProp,
  takenKeys,
  "data-testid": testId,
}: {
  value: InputDef[];
  onChange: (next: InputDef[]) => void;
  readOnly?: boolean;
  /** Keys declared elsewhere in the group, offered as hints only (the same key may be declared again). */
  takenKeys?: Set<string>;
  "data-testid"?: string;
}) {
  const readOnly = useReadOnly() || !!readOnlyProp;
  const set = (index: number, patch: Partial<InputDef>) => onChange(value.map((inp, i) => (i === index ? { ...inp, ...patch } : inp)));
  const rows: Row[] = value.map((inp, rowKey) => ({ ...inp, rowKey }));
  const duplicate = (key: string) => value.filter((i) => i.key === key).length > 1;

  return (
    <Space orientation="vertical" style={{ width: "100%" }} size={8} data-testid={testId}>
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t("plans.input.empty")}</Typography.Text>
      ) : (
        rows.map((r) => (
          <div key={r.rowKey} style={{ border: "1px solid #f0f0f0", borderRadius: 6, padding: 8 }} data-testid={`input-${r.key}`}>
            <div style={{ display: "flex", gap: 8, alignItems: "flex-start" }}>
              <Input.TextArea
                value={r.label}
                autoSize={{ minRows: 1, maxRows: 4 }}
                placeholder={t("plans.input.label")}
                onChange={(e) => set(r.rowKey, { label: e.target.value })}
                onBlur={() => {
                  // A key still at its placeholder is derived from the label.
                  if (/^du_kien(_\d+)?$/.test(r.key) && r.label.trim()) {
                    const others = value.filter((_x, i) => i !== r.rowKey).map((x) => x.key);
                    set(r.rowKey, { key: uniqueId(slugify(r.label, "_") || "du_kien", others, "_") });
                  }
                }}
                status={r.label.trim() ? undefined : "error"}
                aria-label={t("plans.input.labelOf", { n: r.rowKey + 1 })}
                style={{ flex: 1 }}
              />
              {readOnly ? null : (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t("plans.input.remove", { label: r.label || r.key })}
                  onClick={() => onChange(value.filter((_x, i) => i !== r.rowKey))}
                />
              )}
            </div>
            <div style={{ display: "flex", flexWrap: "wrap", gap: 8, marginTop: 8 }}>
              <Tooltip title={!isValidId(r.key) ? t("plans.idInvalid") : duplicate(r.key) ? t("plans.input.keyDuplicate") : t("plans.input.keyHelp")}>
                <Input
                  value={r.key}
                  prefix={<Typography.Text type="secondary">{t("plans.input.key")}:</Typography.Text>}
                  onChange={(e) => set(r.rowKey, { key: e.target.value.trim() })}
                  status={isValidId(r.key) && !duplicate(r.key) ? undefined : "error"}
                  aria-label={t("plans.input.keyOf", { n: r.rowKey + 1 })}
                  style={{ width: 260 }}
                />
              </Tooltip>
              <Select
                value={r.type}
                options={enumOptions(INPUT_TYPES, "plans.inputType")}
                onChange={(type) => set(r.rowKey, { type, choices: type === "choice" ? (r.choices ?? []) : undefined })}
                popupMatchSelectWidth={false}
                style={{ width: 160 }}
                aria-label={t("plans.input.typeOf", { n: r.rowKey + 1 })}
              />
              <Select
                value={r.origin}
                options={enumOptions(FACT_ORIGINS, "plans.origin")}
                onChange={(origin) => set(r.rowKey, { origin })}
                popupMatchSelectWidth={false}
                style={{ width: 240 }}
                aria-label={t("plans.input.originOf", { n: r.rowKey + 1 })}
              />
              {r.origin === "indicator" ? (
                <Input
                  value={r.metric ?? ""}
                  placeholder={t("plans.input.metric")}
                  onChange={(e) => set(r.rowKey, { metric: optionalText(e.target.value.trim()) })}
                  aria-label={t("plans.input.metric")}
                  style={{ width: 180 }}
                />
              ) : null}
              {r.type === "choice" ? (
                <Select
                  mode="tags"
                  value={r.choices ?? []}
                  onChange={(choices: string[]) => set(r.rowKey, { choices })}
                  placeholder={t("plans.input.choices")}
                  style={{ minWidth: 240, flex: 1 }}
                  aria-label={t("plans.input.choices")}
                />
              ) : null}
            </div>
          </div>
        ))
      )}
      {readOnly ? null : (
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() =>
            onChange([
              ...value,
              { key: uniqueId("du_kien", [...value.map((i) => i.key), ...(takenKeys ?? [])], "_"), label: "", type: "count", origin: "manual" },
            ])
          }
        >
          {t("plans.input.add")}
        </Button>
      )}
    </Space>
  );
}
