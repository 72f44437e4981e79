// The navigation menu, derived from the signed-in user's capabilities.
import {
  ApartmentOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  FileSearchOutlined,
  FlagOutlined,
  HomeOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserSwitchOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import { hasCapability, isAdmin } from "./api/queries";
import type { Me } from "./api/types";
import { type MessageKey, t } from "./i18n";

export const paths = {
  login: "/dang-nhap",
  home: "/",
  units: "/don-vi",
  people: "/can-bo",
  import: "/nhap-du-lieu",
  users: "/tai-khoan",
  audit: "/nhat-ky",
  plans: "/ke-hoach",
  movements: "/phong-trao",
  appraisals: "/tham-dinh",
  council: "/hoi-dong",
  decisions: "/quyet-dinh",
  honourRoll: "/bang-vang",
  changePassword: "/doi-mat-khau",
  security: "/bao-mat",
  apiDocs: "/api/docs",
} as const;

export interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Opens outside the single-page app (a server page). */
  external?: boolean;
  allowed: (me: Me) => boolean;
}

export const canImport = (me: Me) =>
  hasCapability(me, "import.units") || hasCapability(me, "import.people") || hasCapability(me, "movement.manage") || hasCapability(me, "movement.participate");

/** Council members, its secretary, the signer and the office. */
export const canCouncil = (me: Me) =>
  hasCapability(me, "council.vote") || hasCapability(me, "council.run") || hasCapability(me, "decision.sign") || hasCapability(me, "movement.manage");

/** Anyone who runs, takes part in or appraises a movement. */
export const canMovement = (me: Me) =>
  hasCapability(me, "movement.manage") || hasCapability(me, "movement.participate") || hasCapability(me, "movement.appraise");

export const navItems: NavItem[] = [
  { path: paths.home, label: "nav.home", icon: <HomeOutlined />, allowed: () => true },
  { path: paths.units, label: "nav.units", icon: <ApartmentOutlined />, allowed: (me) => hasCapability(me, "units.read") },
  { path: paths.people, label: "nav.people", icon: <TeamOutlined />, allowed: (me) => hasCapability(me, "people.read") },
  { path: paths.plans, label: "nav.plans", icon: <FlagOutlined />, allowed: (me) => hasCapability(me, "plans.read") },
  { path: paths.movements, label: "nav.movements", icon: <TrophyOutlined />, allowed: canMovement },
  { path: paths.appraisals, label: "nav.appraisals", icon: <FileSearchOutlined />, allowed: (me) => hasCapability(me, "movement.appraise") },
  { path: paths.council, label: "nav.council", icon: <SafetyCertificateOutlined />, allowed: canCouncil },
  { path: paths.import, label: "nav.import", icon: <CloudUploadOutlined />, allowed: canImport },
  { path: paths.users, label: "nav.users", icon: <UserSwitchOutlined />, allowed: (me) => hasCapability(me, "users.manage") },
  { path: paths.audit, label: "nav.audit", icon: <AuditOutlined />, allowed: (me) => hasCapability(me, "audit.read") },
  { path: paths.apiDocs, label: "nav.apiDocs", icon: <ReadOutlined />, external: true, allowed: isAdmin },
];

export function visibleNavItems(me: Me): NavItem[] {
  return navItems.filter((item) => item.allowed(me));
}

export function navLabel(item: NavItem): string {
  return t(item.label);
}
