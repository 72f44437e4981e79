// Field-by-field view of an audit entry's before/after snapshots.
import { Table, Typography } from "antd";
import { useMemo } from "react";
import { hasCapability, optionLabel, useCatalog, useMe, useUnits } from "../api/queries";
import type { AuditEntry, Catalog } from "../api/types";
import { compareVi, formatDate, formatDateTime } from "../format";
import { t, tMaybe } from "../i18n";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function fieldLabel(key: string): string {
  return tMaybe(`field.${key}`, key);
}

// The audit vocabulary is the server's own catalogue, shared rather than copied.
export { auditActionLabel as actionLabel, auditEntityLabel as entityLabel } from "../../../src/domain/audit-actions";

export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    if (ISO_DATE.test(value)) return formatDate(value);
    if (ISO_TIMESTAMP.test(value)) return formatDateTime(value);
    return value;
  }
  return JSON.stringify(value, null, 1);
}

interface DiffRow {
  key: string;
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

type ValueFormatter = (key: string, value: unknown) => string;

const UNIT_ID_FIELDS = new Set(["unitId", "parentId", "mergedIntoId", "targetId", "mergedFrom"]);

/** Shows catalogue labels and unit names instead of raw codes and ids where it can. */
export function useValueFormatter(): ValueFormatter {
  const { data: me } = useMe();
  const { data: catalog } = useCatalog();
  const { data: units } = useUnits(true, hasCapability(me, "units.read"));
  return useMemo(() => {
    const unitNames = new Map((units ?? []).map((u) => [String(u.id), u.name]));
    const lists: Record<string, keyof Catalog> = { kind: "unitKinds", category: "personCategories", sex: "sexes", role: "roles" };
    return (key: string, value: unknown) => {
      if (typeof value === "string" && lists[key] && catalog) return optionLabel(catalog[lists[key]], value);
      if (UNIT_ID_FIELDS.has(key) && (typeof value === "number" || typeof value === "string")) {
        const name = unitNames.get(String(value));
        if (name) return `${name} (${value})`;
      }
      return formatValue(value);
    };
  }, [catalog, units]);
}

export function diffRows(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  format: ValueFormatter = (_key, value) => formatValue(value),
): DiffRow[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const rows: DiffRow[] = [];
  for (const key of keys) {
    const b = before ? before[key] : undefined;
    const a = after ? after[key] : undefined;
    const changed = JSON.stringify(b ?? null) !== JSON.stringify(a ?? null);
    rows.push({ key, field: fieldLabel(key), before: format(key, b), after: format(key, a), changed });
  }
  return rows.sort((x, y) => Number(y.changed) - Number(x.changed) || compareVi(x.field, y.field));
}

// A snapshot is whatever the command wrote down; only a record (an object) has fields to compare.
const snapshot = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

export function AuditDiff({ entry }: { entry: Pick<AuditEntry, "before" | "after"> }) {
  const format = useValueFormatter();
  const rows = diffRows(snapshot(entry.before), snapshot(entry.after), format);
  if (rows.length === 0) return <Typography.Text type="secondary">{t("audit.noSnapshot")}</Typography.Text>;
  const changed = rows.filter((r) => r.changed);
  const unchanged = rows.length - changed.length;
  // Only changes matter for updates; creations and deletions show the whole record.
  const shown = entry.before && entry.after ? changed : rows;
  return (
    <div>
      <Table<DiffRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={shown}
        scroll={{ x: 480 }}
        columns={[
          { title: t("audit.field"), dataIndex: "field", width: 180 },
          {
            title: t("audit.before"),
            dataIndex: "before",
            render: (v: string, r) => (
              <Typography.Text delete={r.changed && !!entry.before && !!entry.after} type={r.changed ? "danger" : undefined} style={{ whiteSpace: "pre-wrap" }}>
                {v}
              </Typography.Text>
            ),
          },
          {
            title: t("audit.after"),
            dataIndex: "after",
            render: (v: string, r) => (
              <Typography.Text strong={r.changed} type={r.changed ? "success" : undefined} style={{ whiteSpace: "pre-wrap" }}>
                {v}
              </Typography.Text>
            ),
          },
        ]}
        locale={{ emptyText: t("audit.noChanges") }}
      />
      {entry.before && entry.after && unchanged > 0 ? (
        <Typography.Text type="secondary" style={{ display: "block", marginTop: 4 }}>
          {t("audit.unchangedCount", { count: unchanged })}
        </Typography.Text>
      ) : null}
    </div>
  );
}
