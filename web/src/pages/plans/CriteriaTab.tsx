// "Đối tượng & tiêu chí": participant groups, the selected group's criteria tree, the criterion editor and "try it".
import { TeamOutlined, UserOutlined } from "@ant-design/icons";
import { App, Card, Col, Collapse, Empty, Input, Radio, Row, Select, Switch, Tabs, Tooltip } from "antd";
import { useMemo } from "react";
import { useCatalog } from "../../api/queries";
import type { Id } from "../../api/types";
import { CriteriaTree } from "../../components/plan/CriteriaTree";
import { CriterionEditor } from "../../components/plan/CriterionEditor";
import { Field, FormBlock, optionalText, ReadOnlyScope } from "../../components/plan/fields";
import {
  allCriterionIds,
  ancestorsAt,
  availableInputs,
  criterionAt,
  type Group,
  groupInputs,
  insertCriterion,
  isValidId,
  moveCriterion,
  newCriterion,
  type PlanIssue,
  pathKey,
  planCriterionIds,
  removeCriterion,
  type TreePath,
  uniqueId,
} from "../../components/plan/model";
import { CriterionTry, TryPanel, useTryScoring } from "../../components/plan/TryPanel";
import { t } from "../../i18n";
import type { TabProps } from "./editorTypes";

function GroupSettings({ group, onChange, otherIds }: { group: Group; onChange: (g: Group) => void; otherIds: Set<string> }) {
  const { data: catalog } = useCatalog();
  const m = group.membership;
  const setM = (patch: Partial<Group["membership"]>) => onChange({ ...group, membership: { ...m, ...patch } });
  const list = (v: string[]) => (v.length ? v : undefined);
  const idError = !isValidId(group.id) ? t("plans.idInvalid") : otherIds.has(group.id) ? t("plans.group.idDuplicate") : null;
  return (
    <FormBlock>
      <Row gutter={12}>
        <Col xs={24} lg={12}>
          <Field label={t("plans.group.name")} error={group.name.trim() ? null : t("plans.group.nameRequired")}>
            <Input value={group.name} onChange={(e) => onChange({ ...group, name: e.target.value })} />
          </Field>
        </Col>
        <Col xs={12} lg={6}>
          <Field label={t("plans.group.type")}>
            <Radio.Group
              optionType="button"
              value={group.type}
              onChange={(e) => onChange({ ...group, type: e.target.value })}
              options={[
                { value: "collective", label: t("plans.groupType.collective") },
                { value: "individual", label: t("plans.groupType.individual") },
              ]}
            />
          </Field>
        </Col>
        <Col xs={12} lg={6}>
          <Field label={t("plans.group.id")} tooltip={t("plans.group.idHelp")} error={idError}>
            <Input value={group.id} onChange={(e) => onChange({ ...group, id: e.target.value.trim() })} />
          </Field>
        </Col>
        <Col xs={24} lg={12}>
          <Field label={t("plans.group.unitKinds")} tooltip={t("plans.group.unitKindsHelp")}>
            <Select
              mode="multiple"
              value={m.unitKinds ?? []}
              options={catalog?.unitKinds ?? []}
              loading={!catalog}
              onChange={(v: string[]) => setM({ unitKinds: list(v) })}
              showSearch={{ optionFilterProp: "label" }}
              placeholder={t("plans.group.anyKind")}
            />
          </Field>
        </Col>
        <Col xs={24} lg={12}>
          <Field label={t("plans.group.categories")} tooltip={t("plans.group.categoriesHelp")}>
            <Select
              mode="multiple"
              value={m.categories ?? []}
              options={catalog?.personCategories ?? []}
              loading={!catalog}
              onChange={(v: string[]) => setM({ categories: list(v) })}
              showSearch={{ optionFilterProp: "label" }}
              placeholder={group.type === "individual" ? t("plans.group.anyCategory") : t("plans.group.categoriesCollective")}
            />
          </Field>
        </Col>
        <Col xs={24} lg={12}>
          <Field label={t("plans.group.within")} tooltip={t("plans.group.withinHelp")}>
            <Select mode="tags" value={m.withinUnitCodes ?? []} onChange={(v: string[]) => setM({ withinUnitCodes: list(v) })} open={false} />
          </Field>
        </Col>
        <Col xs={24} lg={12}>
          <Field label={t("plans.group.unitCodes")} tooltip={t("plans.group.unitCodesHelp")}>
            <Select mode="tags" value={m.unitCodes ?? []} onChange={(v: string[]) => setM({ unitCodes: list(v) })} open={false} />
          </Field>
        </Col>
        <Col xs={24} lg={12}>
          <Field label={t("plans.group.positions")} tooltip={t("plans.group.positionsHelp")}>
            <Select mode="tags" value={m.positions ?? []} onChange={(v: string[]) => setM({ positions: list(v) })} open={false} />
          </Field>
        </Col>
        <Col xs={24} lg={12}>
          <Field label={t("plans.group.headsOnly")}>
            <Switch checked={!!m.headsOnly} onChange={(v) => setM({ headsOnly: v || undefined })} />
          </Field>
        </Col>
        <Col xs={24}>
          <Field label={t("plans.group.description")}>
            <Input.TextArea
              value={m.description ?? ""}
              autoSize={{ minRows: 1, maxRows: 4 }}
              onChange={(e) => setM({ description: optionalText(e.target.value) })}
            />
          </Field>
        </Col>
        <Col xs={24}>
          <Field label={t("plans.source")} tooltip={t("plans.criterion.sourceHelp")}>
            <Input.TextArea
              value={group.source ?? ""}
              autoSize={{ minRows: 1, maxRows: 4 }}
              onChange={(e) => onChange({ ...group, source: optionalText(e.target.value) })}
            />
          </Field>
        </Col>
      </Row>
    </FormBlock>
  );
}

export function CriteriaTab({
  plan,
  update,
  readOnly,
  planId,
  groupIndex,
  onGroupIndex,
  selected,
  onSelect,
  issues,
  active,
}: TabProps & {
  planId: Id;
  groupIndex: number;
  onGroupIndex: (i: number) => void;
  selected: TreePath | null;
  onSelect: (path: TreePath | null) => void;
  /** Issues of the saved plan (null while there are unsaved changes: their paths may be stale). */
  issues: PlanIssue[] | null;
  /** The tab is on screen ("try it" is scored only then). */
  active: boolean;
}) {
  const { modal } = App.useApp();
  const gi = Math.min(groupIndex, plan.groups.length - 1);
  const group = plan.groups[gi];
  const tryState = useTryScoring(planId, plan, group, active);
  const criterion = selected ? criterionAt(group.criteria, selected) : undefined;

  const flagged = useMemo(() => {
    const keys = new Set<string>();
    const prefix = `groups.${gi}.criteria.`;
    for (const issue of issues ?? []) {
      if (!issue.path.startsWith(prefix)) continue;
      const parts = issue.path.slice(prefix.length).split(".");
      const path: number[] = [];
      for (let i = 0; i < parts.length; i += 2) {
        const n = Number(parts[i]);
        if (!Number.isInteger(n)) break;
        path.push(n);
        if (parts[i + 1] !== "children") break;
      }
      if (path.length) keys.add(pathKey(path));
    }
    return keys;
  }, [issues, gi]);

  const updateGroup = (recipe: (g: Group) => void) => update((d) => recipe(d.groups[gi]));

  const addGroup = () => {
    const id = uniqueId(
      "nhom-moi",
      plan.groups.map((g) => g.id),
    );
    update((d) => {
      d.groups.push({ id, name: t("plans.group.newName"), type: "collective", membership: {}, criteria: [] });
    });
    onGroupIndex(plan.groups.length);
    onSelect(null);
  };

  const removeGroup = (index: number) => {
    const g = plan.groups[index];
    if (plan.groups.length <= 1) {
      modal.warning({ title: t("plans.group.lastOne") });
      return;
    }
    modal.confirm({
      title: t("plans.group.removeConfirm", { name: g.name }),
      content: t("plans.group.removeWarning", { count: allCriterionIds(g.criteria).size }),
      okText: t("plans.delete"),
      okButtonProps: { danger: true },
      cancelText: t("common.cancel"),
      onOk: () => {
        update((d) => {
          d.groups.splice(index, 1);
        });
        onGroupIndex(Math.max(0, index - 1));
        onSelect(null);
      },
    });
  };

  const add = (where: "root" | "child" | "sibling") => {
    let created: TreePath | null = null;
    update((d) => {
      const list = d.groups[gi].criteria;
      const node = newCriterion(d, t("plans.criterion.newTitle"), t("plans.criterion.newInput"));
      if (where === "root" || !selected) created = insertCriterion(list, [], list.length, node);
      else if (where === "child") created = insertCriterion(list, selected, criterionAt(list, selected)?.children?.length ?? 0, node);
      else created = insertCriterion(list, selected.slice(0, -1), selected[selected.length - 1] + 1, node);
    });
    if (created) onSelect(created);
  };

  const move = (from: TreePath, to: TreePath, where: "before" | "after" | "into") => {
    let moved: TreePath | null = null;
    update((d) => {
      moved = moveCriterion(d.groups[gi].criteria, from, to, where);
    });
    if (moved) onSelect(moved);
  };

  const otherGroupIds = new Set(plan.groups.filter((_g, i) => i !== gi).map((g) => g.id));
  const otherIds = useMemo(() => {
    if (!criterion) return new Set<string>();
    const ids = new Set<string>();
    const all = planCriterionIds(plan);
    let own = 0;
    for (const id of all) ids.add(id);
    // The criterion's own id counts as taken only if another criterion has it too.
    const count = (list: typeof group.criteria): void => {
      for (const c of list) {
        if (c.id === criterion.id) own++;
        if (c.children) count(c.children);
      }
    };
    for (const g of plan.groups) count(g.criteria);
    if (own <= 1) ids.delete(criterion.id);
    return ids;
  }, [plan, criterion]);

  const inherited = selected ? availableInputs(group.criteria, selected.slice(0, -1)) : [];
  const groupKeys = useMemo(() => new Set(groupInputs(group.criteria).map((i) => i.key)), [group.criteria]);
  const ancestry = selected ? ancestorsAt(group.criteria, selected) : [];

  return (
    <>
      <Tabs
        type={readOnly ? "card" : "editable-card"}
        size="small"
        activeKey={String(gi)}
        onChange={(k) => {
          onGroupIndex(Number(k));
          onSelect(null);
        }}
        onEdit={(key, action) => {
          if (action === "add") addGroup();
          else removeGroup(Number(key));
        }}
        addIcon={<Tooltip title={t("plans.group.add")}>+</Tooltip>}
        items={plan.groups.map((g, i) => ({
          key: String(i),
          label: (
            <span
              style={{ display: "inline-block", maxWidth: 300, overflow: "hidden", textOverflow: "ellipsis", verticalAlign: "bottom" }}
              title={`${g.type === "individual" ? t("plans.groupType.individual") : t("plans.groupType.collective")}: ${g.name}`}
            >
              {g.type === "individual" ? <UserOutlined /> : <TeamOutlined />} {g.name}
            </span>
          ),
          closable: !readOnly && plan.groups.length > 1,
        }))}
        data-testid="group-tabs"
      />
      <ReadOnlyScope readOnly={readOnly}>
        <Collapse
          size="small"
          style={{ marginBottom: 16 }}
          items={[
            {
              key: "group",
              label: t("plans.group.settings", { name: group.name }),
              children: <GroupSettings group={group} otherIds={otherGroupIds} onChange={(g) => updateGroup((x) => Object.assign(x, g))} />,
            },
          ]}
        />
      </ReadOnlyScope>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t("plans.criteriaTree")} styles={{ body: { padding: 12 } }}>
            <CriteriaTree
              criteria={group.criteria}
              selected={criterion ? selected : null}
              onSelect={onSelect}
              onMove={move}
              onAdd={add}
              readOnly={readOnly}
              flaggedKeys={flagged}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          {criterion && selected ? (
            <ReadOnlyScope readOnly={readOnly}>
              {ancestry.length > 1 ? (
                <div style={{ marginBottom: 8, color: "#8c8c8c", fontSize: 12 }}>
                  {ancestry
                    .slice(0, -1)
                    .map((a) => (a.code ? `${a.code}. ${a.title}` : a.title))
                    .join(" › ")}
                </div>
              ) : null}
              <CriterionEditor
                key={`${gi}-${pathKey(selected)}`}
                criterion={criterion}
                inheritedInputs={inherited}
                groupInputKeys={groupKeys}
                otherIds={otherIds}
                readOnly={readOnly}
                onChange={(next) =>
                  updateGroup((g) => {
                    const parentPath = selected.slice(0, -1);
                    const list = parentPath.length ? criterionAt(g.criteria, parentPath)?.children : g.criteria;
                    if (list) list[selected[selected.length - 1]] = next;
                  })
                }
                onDelete={() => {
                  updateGroup((g) => {
                    removeCriterion(g.criteria, selected);
                  });
                  onSelect(null);
                }}
                tryNode={
                  criterion.children?.length ? null : (
                    <CriterionTry state={tryState} criterionId={criterion.id} inputs={availableInputs(group.criteria, selected)} />
                  )
                }
              />
            </ReadOnlyScope>
          ) : (
            <Card size="small">
              <Empty description={t("plans.criterion.pickOne")} />
            </Card>
          )}
        </Col>
        <Col xs={24}>
          <TryPanel state={tryState} highlightId={criterion?.id} />
        </Col>
      </Row>
    </>
  );
}
