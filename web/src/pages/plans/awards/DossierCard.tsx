// The nomination dossier: the documents each nomination must (or may) carry.
import { Card, Checkbox, Input } from "antd";
import { ObjectListEditor, optionalText } from "../../../components/plan/fields";
import { type DossierComponent, uniqueId } from "../../../components/plan/model";
import { t } from "../../../i18n";
import type { TabProps } from "../editorTypes";

export function DossierCard({ plan, update, readOnly }: TabProps) {
  return (
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
            render: (r, set) => <Checkbox checked={r.required} onChange={(e) => set({ required: e.target.checked })} aria-label={t("plans.awards.required")} />,
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
  );
}
