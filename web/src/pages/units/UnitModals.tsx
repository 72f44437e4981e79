// Modal forms for unit changes. Every update sends the version that was read.
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Checkbox, Form, Input, Modal, Select, Typography } from "antd";
import { useMemo, useState } from "react";
import { http } from "../../api/client";
import { queryKeys, useCatalog, useUnits } from "../../api/queries";
import type { Id, Unit, UnitDetail } from "../../api/types";
import { useApiError } from "../../api/useApiError";
import { UnitTreeSelect } from "../../components/UnitTreeSelect";
import { subtreeIds } from "../../components/unitTree";
import { t } from "../../i18n";

function useInvalidateUnits() {
  const queryClient = useQueryClient();
  return (alsoPeople = false) => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.unitsAll });
    if (alsoPeople) void queryClient.invalidateQueries({ queryKey: queryKeys.people });
  };
}

interface UnitFormValues {
  code: string;
  name: string;
  kind: string;
}

export function UnitFormModal(
  props:
    | { mode: "create"; parent: Pick<Unit, "id" | "name"> | null; onClose: () => void; onSaved: (unit: Unit) => void }
    | { mode: "edit"; unit: UnitDetail; onClose: () => void; onSaved: (unit: Unit) => void },
) {
  const [form] = Form.useForm<UnitFormValues>();
  const { data: catalog } = useCatalog();
  const showError = useApiError();
  const invalidate = useInvalidateUnits();
  const [saving, setSaving] = useState(false);
  const editing = props.mode === "edit" ? props.unit : null;

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const body = { code: values.code.trim(), name: values.name.trim(), kind: values.kind };
      const saved = editing
        ? await http.patch<Unit>(`/api/units/${editing.id}`, { version: editing.version, ...body })
        : await http.post<Unit>("/api/units", {
            ...body,
            parentId: props.mode === "create" && props.parent ? props.parent.id : null,
          });
      invalidate();
      props.onSaved(saved);
    } catch (err) {
      showError(err, {
        form,
        onConflict: () => {
          invalidate();
          props.onClose();
        },
      });
    } finally {
      setSaving(false);
    }
  };

  const title = editing
    ? t("units.editTitle", { name: editing.name })
    : props.mode === "create" && props.parent
      ? t("units.addChildTitle", { name: props.parent.name })
      : t("units.addRootTitle");

  return (
    <Modal
      open
      title={title}
      okText={editing ? t("common.save") : t("units.create")}
      cancelText={t("common.cancel")}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={props.onClose}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form
        form={form}
        layout="vertical"
        name="unit-form"
        initialValues={editing ? { code: editing.code, name: editing.name, kind: editing.kind } : undefined}
        onFinish={() => void submit()}
      >
        <Form.Item
          label={t("units.code")}
          name="code"
          rules={[
            { required: true, whitespace: true, message: t("units.codeRequired") },
            { max: 40 },
            { pattern: /^[\p{L}0-9][\p{L}0-9._\-/]*$/u, message: t("units.codeInvalid") },
          ]}
        >
          <Input autoFocus maxLength={40} />
        </Form.Item>
        <Form.Item label={t("units.name")} name="name" rules={[{ required: true, whitespace: true, message: t("units.nameRequired") }, { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t("units.kind")} name="kind" rules={[{ required: true, message: t("units.kindRequired") }]}>
          <Select options={catalog?.unitKinds ?? []} loading={!catalog} placeholder={t("units.kindPlaceholder")} showSearch={{ optionFilterProp: "label" }} />
        </Form.Item>
        {/* Lets Enter submit the form. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

export function MoveUnitModal({ unit, onClose, onSaved }: { unit: UnitDetail; onClose: () => void; onSaved: (unit: Unit) => void }) {
  const [form] = Form.useForm<{ parentId: Id }>();
  const { data: units } = useUnits(false);
  const showError = useApiError();
  const invalidate = useInvalidateUnits();
  const [saving, setSaving] = useState(false);
  const exclude = useMemo(() => subtreeIds(units ?? [], String(unit.id)), [units, unit.id]);
  const currentParent = unit.ancestors.at(-1);

  const submit = async () => {
    const { parentId } = await form.validateFields();
    setSaving(true);
    try {
      const saved = await http.post<Unit>(`/api/units/${unit.id}/move`, { version: unit.version, parentId });
      invalidate();
      onSaved(saved);
    } catch (err) {
      showError(err, {
        form,
        onConflict: () => {
          invalidate();
          onClose();
        },
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t("units.moveTitle", { name: unit.name })}
      okText={t("units.moveOk")}
      cancelText={t("common.cancel")}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("units.currentParent", { name: currentParent?.name ?? t("units.noParent") })}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="unit-move">
        <Form.Item label={t("units.newParent")} name="parentId" rules={[{ required: true, message: t("units.newParentRequired") }]}>
          <UnitTreeSelect exclude={exclude} placeholder={t("units.newParentPlaceholder")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function MergeUnitModal({ unit, onClose, onSaved }: { unit: UnitDetail; onClose: () => void; onSaved: (target: Unit) => void }) {
  const [form] = Form.useForm<{ targetId: Id; movePeople: boolean }>();
  const { data: units } = useUnits(false);
  const showError = useApiError();
  const invalidate = useInvalidateUnits();
  const [saving, setSaving] = useState(false);
  const exclude = useMemo(() => subtreeIds(units ?? [], String(unit.id)), [units, unit.id]);

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const target = await http.post<Unit>(`/api/units/${unit.id}/merge`, {
        version: unit.version,
        targetId: values.targetId,
        movePeople: !!values.movePeople,
      });
      invalidate(true);
      onSaved(target);
    } catch (err) {
      showError(err, {
        form,
        onConflict: () => {
          invalidate();
          onClose();
        },
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t("units.mergeTitle", { name: unit.name })}
      okText={t("units.mergeOk")}
      okButtonProps={{ danger: true }}
      cancelText={t("common.cancel")}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t("units.mergeWarningTitle")}
        description={t("units.mergeWarning", { children: unit.childrenCount, people: unit.peopleCount })}
      />
      <Form form={form} layout="vertical" name="unit-merge" initialValues={{ movePeople: true }}>
        <Form.Item label={t("units.mergeTarget")} name="targetId" rules={[{ required: true, message: t("units.mergeTargetRequired") }]}>
          <UnitTreeSelect exclude={exclude} placeholder={t("units.mergeTargetPlaceholder")} />
        </Form.Item>
        <Form.Item name="movePeople" valuePropName="checked">
          <Checkbox>{t("units.movePeople")}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
