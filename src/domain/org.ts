// Organisation model: unit kinds, person categories, and tree paths. Pure, no I/O.

export const UNIT_KINDS = [
  { value: "province", label: "Tỉnh, thành phố trực thuộc Trung ương" },
  { value: "department", label: "Sở, ban, ngành" },
  { value: "office", label: "Phòng, ban, bộ phận chuyên môn" },
  { value: "district", label: "Huyện, quận, thị xã, thành phố thuộc tỉnh" },
  { value: "commune", label: "Xã" },
  { value: "ward", label: "Phường" },
  { value: "special_zone", label: "Đặc khu" },
  { value: "vertical_agency", label: "Cơ quan ngành dọc" },
  { value: "party_body", label: "Cơ quan Đảng" },
  { value: "front_org", label: "Mặt trận Tổ quốc, tổ chức chính trị - xã hội" },
  { value: "press", label: "Cơ quan báo chí" },
  { value: "public_service", label: "Đơn vị sự nghiệp công lập" },
  { value: "enterprise", label: "Doanh nghiệp" },
  { value: "hamlet", label: "Thôn, ấp, khu phố, tổ dân phố" },
  { value: "other", label: "Khác" },
] as const;

export const PERSON_CATEGORIES = [
  { value: "can_bo", label: "Cán bộ" },
  { value: "cong_chuc", label: "Công chức" },
  { value: "vien_chuc", label: "Viên chức" },
  { value: "nguoi_lao_dong", label: "Người lao động" },
  { value: "khong_chuyen_trach", label: "Người hoạt động không chuyên trách" },
  { value: "nguoi_dan", label: "Người dân" },
  { value: "doanh_nhan", label: "Doanh nhân" },
  { value: "phong_vien", label: "Phóng viên" },
] as const;

export const SEXES = [
  { value: "nam", label: "Nam" },
  { value: "nu", label: "Nữ" },
] as const;

export type UnitKind = (typeof UNIT_KINDS)[number]["value"];
export type PersonCategory = (typeof PERSON_CATEGORIES)[number]["value"];
export type Sex = (typeof SEXES)[number]["value"];

export const unitKindValues = UNIT_KINDS.map((k) => k.value) as [UnitKind, ...UnitKind[]];
export const personCategoryValues = PERSON_CATEGORIES.map((k) => k.value) as [PersonCategory, ...PersonCategory[]];
export const sexValues = SEXES.map((k) => k.value) as [Sex, ...Sex[]];

export function labelOf(list: readonly { value: string; label: string }[], value: string): string {
  return list.find((x) => x.value === value)?.label ?? value;
}

function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Finds a catalogue value from what a person typed: the value itself or its label, ignoring case and accents. */
export function matchCatalog(list: readonly { value: string; label: string }[], input: string): string | null {
  const f = fold(input);
  if (!f) return null;
  const hit = list.find((x) => fold(x.value) === f || fold(x.label) === f);
  return hit?.value ?? null;
}

/** Path of a unit whose parent has `parentPath` (null for a root). */
export function unitPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? "/"}${id}/`;
}

/** Whether the unit at `path` lies in the subtree rooted at `scopePath` (itself included). */
export function isWithin(path: string, scopePath: string): boolean {
  return path.startsWith(scopePath);
}

/** Ids of the ancestors in a path, root first, excluding the unit itself. */
export function ancestorIds(path: string): number[] {
  const ids = path.split("/").filter(Boolean).map(Number);
  return ids.slice(0, -1);
}

/** Depth of a unit (0 for a root) from its path. */
export function depthOf(path: string): number {
  return path.split("/").filter(Boolean).length - 1;
}

/** The path a descendant gets when its subtree root moves from `oldRoot` to `newRoot`. */
export function rebasePath(path: string, oldRoot: string, newRoot: string): string {
  if (!path.startsWith(oldRoot)) throw new Error(`path ${path} is not under ${oldRoot}`);
  return newRoot + path.slice(oldRoot.length);
}
