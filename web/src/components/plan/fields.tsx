// Small controlled inputs used across the plan editor: every field edits one value of the plan data.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, ConfigProvider, DatePicker, Form, Input, InputNumber, Select, Space, Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import { type CSSProperties, cloneElement, createContext, type ReactElement, type ReactNode, useContext, useId } from "react";
import { DATE_FORMAT, parseApiDate, toApiDate } from "../../format";
import { type MessageKey, t } from "../../i18n";

const ReadOnlyContext = createContext(false);

/** True inside a read-only part of the editor: add and remove buttons are hidden there. */
export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext);
}

// Disabled fields keep a readable text colour when the whole plan is shown read-only.
const READ_ONLY_THEME = { token: { colorTextDisabled: "rgba(0, 0, 0, 0.78)" } };

/** Disables every field inside and hides add/remove buttons when `readOnly`. */
export function ReadOnlyScope({ readOnly, children }: { readOnly: boolean; children: ReactNode }) {
  return (
    <ConfigProvider componentDisabled={readOnly} theme={readOnly ? READ_ONLY_THEME : undefined}>
      <ReadOnlyContext.Provider value={readOnly}>{children}</ReadOnlyContext.Provider>
    </ConfigProvider>
  );
}

/** A labelled form row; the label is tied to the control (screen readers, getByLabel). */
export function Field({
  label,
  children,
  help,
  tooltip,
  required,
  error,
  style,
}: {
  label: ReactNode;
  children: ReactElement<{ id?: string }>;
  help?: ReactNode;
  tooltip?: ReactNode;
  required?: boolean;
  error?: string | null;
  style?: CSSProperties;
}) {
  const id = useId();
  return (
    <Form.Item
      label={label}
      htmlFor={id}
      help={error ?? help}
      validateStatus={error ? "error" : undefined}
      tooltip={tooltip}
      required={required}
      style={{ marginBottom: 12, ...style }}
    >
      {cloneElement(children, { id })}
    </Form.Item>
  );
}

/** Vertical form layout without a <form> element (the editor saves the whole plan, not a form). */
export function FormBlock({ children, disabled }: { children: ReactNode; disabled?: boolean }) {
  return (
    <Form layout="vertical" component="div" disabled={disabled} requiredMark={false}>
      {children}
    </Form>
  );
}

/** A number that may be left empty (undefined). */
export function Num({
  value,
  onChange,
  min,
  max,
  step,
  placeholder,
  style,
  id,
  disabled,
  suffix,
  "aria-label": ariaLabel,
  "data-testid": testId,
}: {
  value: number | undefined | null;
  onChange: (value: number | undefined) => void;
  min?: number;
  max?: number;
  step?: number;
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
  disabled?: boolean;
  suffix?: ReactNode;
  "aria-label"?: string;
  "data-testid"?: string;
}) {
  return (
    <InputNumber<number>
      id={id}
      value={value ?? null}
      onChange={(v) => onChange(v === null || v === undefined || Number.isNaN(v) ? undefined : Number(v))}
      min={min}
      max={max}
      step={step}
      placeholder={placeholder}
      disabled={disabled}
      decimalSeparator=","
      suffix={suffix}
      style={{ width: "100%", ...style }}
      aria-label={ariaLabel}
      data-testid={testId}
    />
  );
}

/** A `YYYY-MM-DD` date shown and typed as dd/mm/yyyy. */
export function DateField({
  value,
  onChange,
  id,
  disabled,
  allowClear = true,
  "aria-label": ariaLabel,
}: {
  value: string | undefined | null;
  onChange: (value: string | undefined) => void;
  id?: string;
  disabled?: boolean;
  allowClear?: boolean;
  "aria-label"?: string;
}) {
  return (
    <DatePicker
      id={id}
      value={parseApiDate(value)}
      onChange={(d) => onChange(toApiDate(d) ?? undefined)}
      format={DATE_FORMAT}
      placeholder={t("common.datePlaceholder")}
      allowClear={allowClear}
      disabled={disabled}
      style={{ width: "100%" }}
      aria-label={ariaLabel}
    />
  );
}

/** Text that becomes undefined when emptied (optional fields of the model). */
export function optionalText(value: string): string | undefined {
  return value.trim() === "" ? undefined : value;
}

/** Options for an enumeration whose labels live in vi.json under `prefix.value`. */
export function enumOptions<T extends string>(values: readonly T[], prefix: string): { value: T; label: string }[] {
  return values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));
}

export function enumLabel(prefix: string, value: string | undefined | null): string {
  if (!value) return "";
  return t(`${prefix}.${value}` as MessageKey);
}

interface ListRow {
  key: number;
  text: string;
}

/** A list of texts (purposes, requirements, recipients…): one row each, add and remove. */
export function StringListEditor({
  value,
  onChange,
  readOnly: readOnlyProp,
  addLabel,
  itemLabel,
  multiline = true,
  "data-testid": testId,
}: {
  value: string[];
  onChange: (next: string[]) => void;
  readOnly?: boolean;
  addLabel: string;
  itemLabel: string;
  multiline?: boolean;
  "data-testid"?: string;
}) {
  const readOnly = useReadOnly() || !!readOnlyProp;
  const rows: ListRow[] = value.map((text, key) => ({ key, text }));
  const set = (index: number, text: string) => onChange(value.map((v, i) => (i === index ? text : v)));
  const columns: ColumnsType<ListRow> = [
    { title: "#", dataIndex: "key", width: 44, render: (k: number) => k + 1 },
    {
      title: itemLabel,
      dataIndex: "text",
      render: (_: unknown, row) =>
        multiline ? (
          <Input.TextArea
            value={row.text}
            autoSize={{ minRows: 1, maxRows: 6 }}
            onChange={(e) => set(row.key, e.target.value)}
            aria-label={`${itemLabel} ${row.key + 1}`}
          />
        ) : (
          <Input value={row.text} onChange={(e) => set(row.key, e.target.value)} aria-label={`${itemLabel} ${row.key + 1}`} />
        ),
    },
  ];
  if (!readOnly)
    columns.push({
      key: "remove",
      width: 48,
      render: (_: unknown, row) => (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t("plans.removeItem", { item: `${itemLabel} ${row.key + 1}` })}
          onClick={() => onChange(value.filter((_v, i) => i !== row.key))}
        />
      ),
    });
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size={8} data-testid={testId}>
      <Table<ListRow>
        size="small"
        rowKey="key"
        dataSource={rows}
        columns={columns}
        pagination={false}
        showHeader={false}
        locale={{ emptyText: t("plans.emptyList") }}
      />
      {readOnly ? null : (
        <Button icon={<PlusOutlined />} onClick={() => onChange([...value, ""])}>
          {addLabel}
        </Button>
      )}
    </Space>
  );
}

/** A select of input keys (the facts a rule reads), showing each input's label. */
export function InputKeySelect({
  value,
  onChange,
  inputs,
  id,
  allowClear,
  types,
  "aria-label": ariaLabel,
}: {
  value: string | undefined;
  onChange: (key: string) => void;
  inputs: { key: string; label: string; type: string }[];
  id?: string;
  allowClear?: boolean;
  types?: string[];
  "aria-label"?: string;
}) {
  const options = inputs.filter((i) => !types || types.includes(i.type)).map((i) => ({ value: i.key, label: `${i.label} (${i.key})` }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: t("plans.undeclaredInput", { key: value }) });
  return (
    <Select
      id={id}
      value={value || undefined}
      onChange={(v) => onChange(v ?? "")}
      options={options}
      allowClear={allowClear}
      placeholder={t("plans.pickInput")}
      showSearch={{ optionFilterProp: "label" }}
      popupMatchSelectWidth={false}
      style={{ width: "100%" }}
      notFoundContent={t("plans.noInputs")}
      aria-label={ariaLabel}
    />
  );
}

export interface ListColumn<T> {
  title: ReactNode;
  key: string;
  width?: number;
  render: (row: T, set: (patch: Partial<T>) => void, index: number) => ReactNode;
}

/** A table of records edited in place (milestones, targets, dossier…), with add and remove. */
export function ObjectListEditor<T extends object>({
  value,
  onChange,
  columns,
  newRow,
  addLabel,
  readOnly: readOnlyProp,
  rowLabel,
  scrollX,
  emptyText,
  expand,
  "data-testid": testId,
}: {
  value: T[];
  onChange: (next: T[]) => void;
  columns: ListColumn<T>[];
  newRow: () => T;
  addLabel: string;
  readOnly?: boolean;
  /** Names a row for the remove button's accessible label. */
  rowLabel: (row: T, index: number) => string;
  scrollX?: number;
  emptyText?: string;
  /** Extra fields shown under a row. */
  expand?: (row: T, set: (patch: Partial<T>) => void, index: number) => ReactNode;
  "data-testid"?: string;
}) {
  const readOnly = useReadOnly() || !!readOnlyProp;
  type Row = { rowKey: number; row: T };
  const rows: Row[] = value.map((row, rowKey) => ({ rowKey, row }));
  const setter = (index: number) => (patch: Partial<T>) => onChange(value.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const cols: ColumnsType<Row> = columns.map((c) => ({
    title: c.title,
    key: c.key,
    width: c.width,
    render: (_: unknown, r: Row) => c.render(r.row, setter(r.rowKey), r.rowKey),
  }));
  if (!readOnly)
    cols.push({
      key: "remove",
      width: 44,
      render: (_: unknown, r: Row) => (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t("plans.removeItem", { item: rowLabel(r.row, r.rowKey) })}
          onClick={() => onChange(value.filter((_v, i) => i !== r.rowKey))}
        />
      ),
    });
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size={8} data-testid={testId}>
      <Table<Row>
        size="small"
        rowKey="rowKey"
        dataSource={rows}
        columns={cols}
        pagination={false}
        scroll={scrollX ? { x: scrollX } : undefined}
        locale={{ emptyText: emptyText ?? t("plans.emptyList") }}
        expandable={
          expand
            ? { expandedRowRender: (r: Row) => expand(r.row, setter(r.rowKey), r.rowKey), defaultExpandAllRows: false, rowExpandable: () => true }
            : undefined
        }
      />
      {readOnly ? null : (
        <Button icon={<PlusOutlined />} onClick={() => onChange([...value, newRow()])}>
          {addLabel}
        </Button>
      )}
    </Space>
  );
}
