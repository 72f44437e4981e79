// One award form's quotas: how many collectives or individuals (or what share) may receive it, per group.
import { Input, Select, Typography } from "antd";
import { enumLabel, enumOptions, Num, ObjectListEditor, optionalText } from "../../../components/plan/fields";
import { QUOTA_KINDS, type Quota } from "../../../components/plan/model";
import { formatNumber } from "../../../format";
import { t } from "../../../i18n";

type QuotaValue = Quota["quota"];

/** The quota as one short phrase, for tags and row labels. */
export function quotaText(q: QuotaValue): string {
  if (q.kind === "count") return t("plans.awards.quotaCount", { n: formatNumber(q.max) });
  if (q.kind === "share") return t("plans.awards.quotaShare", { n: formatNumber(q.percent) });
  return t("plans.awards.quotaUnlimited");
}

export function QuotasEditor({
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
