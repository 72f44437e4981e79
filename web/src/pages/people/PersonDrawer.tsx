// Create / edit form for a person, in a drawer so the list stays in view.
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Checkbox, DatePicker, Drawer, Form, Grid, Input, Radio, Select, Space, Typography } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { useState } from "react";
import { http } from "../../api/client";
import { queryKeys, useCatalog } from "../../api/queries";
import type { Id, Person } from "../../api/types";
import { useApiError } from "../../api/useApiError";
import { UnitTreeSelect } from "../../components/UnitTreeSelect";
import { DATE_FORMAT, parseApiDate, toApiDate } from "../../format";
import { t } from "../../i18n";
import { CommendationHistory } from "../units/CommendationHistory";

interface PersonFormValues {
  unitId: Id;
  fullName: string;
  code?: string;
  sex: string;
  birthDate?: Dayjs | null;
  position?: string;
  category: string;
  isHead?: boolean;
  email?: string;
  phone?: string;
}

const clean = (v: string | undefined | null) => {
  const s = (v ?? "").trim();
  return s === "" ? null : s;
};

export function PersonDrawer({
  person,
  defaultUnitId,
  onClose,
  onSaved,
}: {
  person: Person | null;
  defaultUnitId: Id | null;
  onClose: () => void;
  onSaved: (p: Person) => void;
}) {
  const [form] = Form.useForm<PersonFormValues>();
  const { message } = App.useApp();
  const { data: catalog } = useCatalog();
  const queryClient = useQueryClient();
  const showError = useApiError();
  const screens = Grid.useBreakpoint();
  const [saving, setSaving] = useState(false);

  const initialValues: Partial<PersonFormValues> = person
    ? {
        unitId: person.unitId,
        fullName: person.fullName,
        code: person.code ?? undefined,
        sex: person.sex,
        birthDate: parseApiDate(person.birthDate),
        position: person.position ?? undefined,
        category: person.category,
        isHead: person.isHead,
        email: person.email ?? undefined,
        phone: person.phone ?? undefined,
      }
    : { unitId: defaultUnitId ?? undefined, isHead: false };

  const save = async (values: PersonFormValues) => {
    setSaving(true);
    const fields = {
      unitId: values.unitId,
      fullName: values.fullName.trim().replace(/\s+/g, " "),
      sex: values.sex,
      birthDate: toApiDate(values.birthDate ?? null),
      position: clean(values.position),
      category: values.category,
      isHead: !!values.isHead,
      email: clean(values.email),
      phone: clean(values.phone),
      code: clean(values.code),
    };
    try {
      let saved: Person;
      if (person) {
        saved = await http.patch<Person>(`/api/people/${person.id}`, { version: person.version, ...fields });
      } else {
        // Optional fields left empty are omitted on creation.
        const body = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));
        saved = await http.post<Person>("/api/people", body);
      }
      message.success(person ? t("common.saved") : t("people.created", { name: saved.fullName }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.people });
      void queryClient.invalidateQueries({ queryKey: queryKeys.unitsAll });
      onSaved(saved);
    } catch (err) {
      showError(err, {
        form,
        onConflict: () => {
          void queryClient.invalidateQueries({ queryKey: queryKeys.people });
          onClose();
        },
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open
      title={person ? t("people.editTitle", { name: person.fullName }) : t("people.addTitle")}
      size={screens.md === false ? "100%" : 560}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Space style={{ justifyContent: "flex-end", width: "100%" }}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t("common.save")}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" name="person-form" initialValues={initialValues} onFinish={save} scrollToFirstError>
        <Form.Item
          label={t("people.fullName")}
          name="fullName"
          rules={[{ required: true, whitespace: true, message: t("people.fullNameRequired") }, { max: 120 }]}
        >
          <Input autoFocus maxLength={120} />
        </Form.Item>
        <Form.Item label={t("people.unit")} name="unitId" rules={[{ required: true, message: t("people.unitRequired") }]}>
          <UnitTreeSelect allowClear={false} />
        </Form.Item>
        <Form.Item label={t("people.sex")} name="sex" rules={[{ required: true, message: t("people.sexRequired") }]}>
          <Radio.Group options={catalog?.sexes ?? []} />
        </Form.Item>
        <Form.Item label={t("people.birthDate")} name="birthDate">
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t("common.datePlaceholder")}
            style={{ width: "100%" }}
            disabledDate={(d) => d.isAfter(dayjs(), "day")}
          />
        </Form.Item>
        <Form.Item label={t("people.category")} name="category" rules={[{ required: true, message: t("people.categoryRequired") }]}>
          <Select
            options={catalog?.personCategories ?? []}
            loading={!catalog}
            showSearch={{ optionFilterProp: "label" }}
            placeholder={t("people.categoryPlaceholder")}
          />
        </Form.Item>
        <Form.Item label={t("people.position")} name="position" rules={[{ max: 120 }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="isHead" valuePropName="checked">
          <Checkbox>{t("people.isHeadLong")}</Checkbox>
        </Form.Item>
        <Form.Item label={t("people.code")} name="code" tooltip={t("people.codeHelp")} rules={[{ max: 40 }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label={t("people.email")} name="email" rules={[{ type: "email", message: t("people.emailInvalid") }]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item label={t("people.phone")} name="phone" rules={[{ pattern: /^[0-9+().\s-]{6,20}$/, message: t("people.phoneInvalid") }]}>
          <Input type="tel" autoComplete="off" />
        </Form.Item>
      </Form>
      {person ? (
        <div style={{ marginTop: 8 }}>
          <Typography.Title level={5}>{t("people.commendations.title")}</Typography.Title>
          <CommendationHistory unitId={person.unitId} personId={person.id} />
        </div>
      ) : null}
    </Drawer>
  );
}
