import { CheckOutlined, DownloadOutlined, EditOutlined, PlusOutlined, StopOutlined, UploadOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Checkbox, Grid, Input, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { apiUrl, http } from "../api/client";
import { hasCapability, optionLabel, queryKeys, useCatalog, useMe } from "../api/queries";
import { type Id, type Page, type Person, parseId } from "../api/types";
import { useApiError } from "../api/useApiError";
import { ErrorState, PageTitle } from "../components/States";
import { UnitTreeSelect } from "../components/UnitTreeSelect";
import { formatDate, formatNumber } from "../format";
import { t } from "../i18n";
import { paths } from "../navigation";
import { useDebounced } from "../useDebounced";
import { PersonDrawer } from "./people/PersonDrawer";

// The API filters on active=true|false (default true); it has no "both" value.
type StatusFilter = "active" | "inactive";

export default function PeoplePage() {
  const { message } = App.useApp();
  const { data: me } = useMe();
  const { data: catalog } = useCatalog();
  const canWrite = hasCapability(me, "people.write");
  const canImportPeople = hasCapability(me, "import.people");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const showError = useApiError();
  const [params, setParams] = useSearchParams();

  const unitId = parseId(params.get("unitId"));
  const [includeSubunits, setIncludeSubunits] = useState(true);
  const [search, setSearch] = useState("");
  const q = useDebounced(search.trim());
  const [category, setCategory] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<StatusFilter>("active");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [editing, setEditing] = useState<Person | "new" | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const screens = Grid.useBreakpoint();
  const wide = screens.md !== false;

  const query = {
    unitId: unitId ?? undefined,
    includeSubunits: unitId ? includeSubunits : undefined,
    q: q || undefined,
    category,
    active: status === "active",
    page,
    pageSize,
  };
  const { data, isFetching, isError, error, refetch } = useQuery({
    queryKey: [...queryKeys.people, "list", query],
    queryFn: ({ signal }) => http.get<Page<Person>>("/api/people", query, signal),
    placeholderData: keepPreviousData,
  });

  const setUnit = (id: Id | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set("unitId", String(id));
    else next.delete("unitId");
    setParams(next, { replace: true });
    setPage(1);
  };

  const reload = () => void queryClient.invalidateQueries({ queryKey: queryKeys.people });

  const deactivate = async (person: Person) => {
    setBusyId(String(person.id));
    try {
      await http.post<Person>(`/api/people/${person.id}/deactivate`, { version: person.version });
      message.success(t("people.deactivated", { name: person.fullName }));
      reload();
      void queryClient.invalidateQueries({ queryKey: queryKeys.unitsAll });
    } catch (err) {
      showError(err, { onConflict: reload });
    } finally {
      setBusyId(null);
    }
  };

  const columns: ColumnsType<Person> = [
    {
      title: t("people.fullName"),
      dataIndex: "fullName",
      fixed: wide ? "left" : undefined,
      width: 200,
      render: (_: string, p) => (
        <div>
          <Typography.Text strong>{p.fullName}</Typography.Text>
          {p.active ? null : <Tag style={{ marginInlineStart: 6 }}>{t("people.inactive")}</Tag>}
          {p.code ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.code}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
    { title: t("people.unit"), dataIndex: "unitName", width: 220 },
    { title: t("people.position"), dataIndex: "position", width: 160, render: (v: string | null) => v ?? "" },
    { title: t("people.category"), dataIndex: "categoryLabel", width: 180 },
    { title: t("people.sex"), dataIndex: "sex", width: 90, render: (v: string, p) => p.sexLabel ?? optionLabel(catalog?.sexes, v) },
    { title: t("people.birthDate"), dataIndex: "birthDate", width: 120, render: (v: string | null) => formatDate(v) },
    {
      title: t("people.isHead"),
      dataIndex: "isHead",
      width: 120,
      align: "center",
      render: (v: boolean) =>
        v ? (
          <span>
            <CheckOutlined style={{ color: "#389e0d" }} aria-hidden /> {t("common.yes")}
          </span>
        ) : null,
    },
  ];
  if (canWrite) {
    columns.push({
      title: t("common.actions"),
      key: "actions",
      fixed: wide ? "right" : undefined,
      width: 96,
      render: (_: unknown, p) => (
        <Space size={4}>
          <Tooltip title={t("common.edit")}>
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} aria-label={t("people.editNamed", { name: p.fullName })} />
          </Tooltip>
          {p.active ? (
            <Popconfirm
              title={t("people.deactivateConfirmTitle")}
              description={t("people.deactivateConfirm", { name: p.fullName })}
              okText={t("people.deactivate")}
              okButtonProps={{ danger: true }}
              cancelText={t("common.cancel")}
              onConfirm={() => deactivate(p)}
            >
              <Tooltip title={t("people.deactivate")}>
                <Button
                  size="small"
                  danger
                  icon={<StopOutlined />}
                  loading={busyId === String(p.id)}
                  aria-label={t("people.deactivateNamed", { name: p.fullName })}
                />
              </Tooltip>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    });
  }

  const exportHref = apiUrl("/api/export/people", { format: "xlsx", unitId: unitId ?? undefined });

  return (
    <>
      <PageTitle
        title={t("people.title")}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={exportHref} download>
              {t("people.export")}
            </Button>
            {canImportPeople ? (
              <Button icon={<UploadOutlined />} onClick={() => navigate(`${paths.import}?kind=people`)}>
                {t("people.import")}
              </Button>
            ) : null}
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
                {t("people.add")}
              </Button>
            ) : null}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 12 } }}>
        <div style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center" }}>
          <div style={{ flex: "1 1 260px", minWidth: 0, maxWidth: wide ? 380 : undefined }}>
            <UnitTreeSelect value={unitId} onChange={setUnit} placeholder={t("people.filterUnit")} aria-label={t("people.filterUnit")} />
          </div>
          <Checkbox
            checked={includeSubunits}
            disabled={!unitId}
            onChange={(e) => {
              setIncludeSubunits(e.target.checked);
              setPage(1);
            }}
          >
            {t("people.includeSubunits")}
          </Checkbox>
          <Input.Search
            allowClear
            placeholder={t("people.searchPlaceholder")}
            aria-label={t("people.search")}
            value={search}
            style={{ flex: "1 1 220px", maxWidth: wide ? 300 : undefined }}
            onChange={(e) => {
              setSearch(e.target.value);
              setPage(1);
            }}
            onSearch={(v) => {
              setSearch(v);
              setPage(1);
            }}
          />
          <Select
            allowClear
            style={{ flex: "1 1 180px", maxWidth: wide ? 240 : undefined }}
            placeholder={t("people.filterCategory")}
            aria-label={t("people.filterCategory")}
            options={catalog?.personCategories ?? []}
            value={category}
            onChange={(v) => {
              setCategory(v);
              setPage(1);
            }}
            popupMatchSelectWidth={false}
          />
          <Select<StatusFilter>
            style={{ flex: "0 1 170px" }}
            aria-label={t("people.filterStatus")}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={[
              { value: "active", label: t("people.statusActive") },
              { value: "inactive", label: t("people.statusInactive") },
            ]}
          />
        </div>
      </Card>
      {isError && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<Person>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          scroll={{ x: 1080 }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t("people.total", { count: formatNumber(total) }),
            onChange: (p, s) => {
              setPage(s !== pageSize ? 1 : p);
              setPageSize(s);
            },
          }}
          locale={{ emptyText: t("people.empty") }}
        />
      )}
      {editing ? (
        <PersonDrawer person={editing === "new" ? null : editing} defaultUnitId={unitId} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />
      ) : null}
    </>
  );
}
