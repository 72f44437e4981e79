import { Spin } from "antd";
import { lazy, type ReactNode, Suspense } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router-dom";
import { hasCapability, useMe } from "./api/queries";
import type { Capability, Me } from "./api/types";
import { AppLayout } from "./components/AppLayout";
import { ErrorState, Forbidden } from "./components/States";
import { canCouncil, canImport, canMovement, paths } from "./navigation";

const LoginPage = lazy(() => import("./pages/LoginPage"));
const HomePage = lazy(() => import("./pages/HomePage"));
const UnitsPage = lazy(() => import("./pages/UnitsPage"));
const PeoplePage = lazy(() => import("./pages/PeoplePage"));
const ImportPage = lazy(() => import("./pages/ImportPage"));
const UsersPage = lazy(() => import("./pages/UsersPage"));
const AuditPage = lazy(() => import("./pages/AuditPage"));
const PlansPage = lazy(() => import("./pages/plans/PlansPage"));
const PlanEditorPage = lazy(() => import("./pages/plans/PlanEditorPage"));
const MovementsPage = lazy(() => import("./pages/movement/MovementsPage"));
const MovementPage = lazy(() => import("./pages/movement/MovementPage"));
const ParticipantPage = lazy(() => import("./pages/movement/ParticipantPage"));
const AppraisalsPage = lazy(() => import("./pages/movement/AppraisalsPage"));
const AppraisalPage = lazy(() => import("./pages/movement/AppraisalPage"));
const CouncilPage = lazy(() => import("./pages/commendation/CouncilPage"));
const CouncilSessionPage = lazy(() => import("./pages/commendation/CouncilSessionPage"));
const DecisionPage = lazy(() => import("./pages/commendation/DecisionPage"));
const HonourRollPage = lazy(() => import("./pages/commendation/HonourRollPage"));
const ChangePasswordPage = lazy(() => import("./pages/ChangePasswordPage"));
const SecurityPage = lazy(() => import("./pages/SecurityPage"));
const NotFoundPage = lazy(() => import("./pages/NotFoundPage"));

function FullPageSpin() {
  return (
    <div style={{ display: "grid", placeItems: "center", minHeight: "60vh" }}>
      <Spin size="large" />
    </div>
  );
}

function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, isError, error, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (isError) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!me) {
    const next = location.pathname + location.search;
    const target = next && next !== "/" ? `${paths.login}?next=${encodeURIComponent(next)}` : paths.login;
    return <Navigate to={target} replace />;
  }
  return <>{children}</>;
}

function Allow({ when, children }: { when: (me: Me) => boolean; children: ReactNode }) {
  const { data: me } = useMe();
  if (!me || !when(me)) return <Forbidden />;
  return <>{children}</>;
}

const can = (capability: Capability) => (me: Me) => hasCapability(me, capability);

export function AppRoutes() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Routes>
        <Route path={paths.login} element={<LoginPage />} />
        <Route path={`${paths.honourRoll}/:planId`} element={<HonourRollPage />} />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<HomePage />} />
          <Route
            path={paths.units}
            element={
              <Allow when={can("units.read")}>
                <UnitsPage />
              </Allow>
            }
          />
          <Route
            path={paths.people}
            element={
              <Allow when={can("people.read")}>
                <PeoplePage />
              </Allow>
            }
          />
          <Route
            path={paths.import}
            element={
              <Allow when={canImport}>
                <ImportPage />
              </Allow>
            }
          />
          <Route
            path={paths.users}
            element={
              <Allow when={can("users.manage")}>
                <UsersPage />
              </Allow>
            }
          />
          <Route
            path={paths.audit}
            element={
              <Allow when={can("audit.read")}>
                <AuditPage />
              </Allow>
            }
          />
          <Route
            path={paths.plans}
            element={
              <Allow when={can("plans.read")}>
                <PlansPage />
              </Allow>
            }
          />
          <Route
            path={`${paths.plans}/:id`}
            element={
              <Allow when={can("plans.read")}>
                <PlanEditorPage />
              </Allow>
            }
          />
          <Route
            path={paths.movements}
            element={
              <Allow when={canMovement}>
                <MovementsPage />
              </Allow>
            }
          />
          <Route
            path={`${paths.movements}/:id`}
            element={
              <Allow when={canMovement}>
                <MovementPage />
              </Allow>
            }
          />
          <Route
            path={`${paths.movements}/:id/ho-so/:participantId`}
            element={
              <Allow when={canMovement}>
                <ParticipantPage />
              </Allow>
            }
          />
          <Route
            path={`${paths.appraisals}/:id/:participantId`}
            element={
              <Allow when={canMovement}>
                <AppraisalPage />
              </Allow>
            }
          />
          <Route
            path={paths.appraisals}
            element={
              <Allow when={can("movement.appraise")}>
                <AppraisalsPage />
              </Allow>
            }
          />
          <Route
            path={paths.council}
            element={
              <Allow when={canCouncil}>
                <CouncilPage />
              </Allow>
            }
          />
          <Route
            path={`${paths.council}/phien/:id`}
            element={
              <Allow when={canCouncil}>
                <CouncilSessionPage />
              </Allow>
            }
          />
          <Route
            path={`${paths.decisions}/:id`}
            element={
              <Allow when={canCouncil}>
                <DecisionPage />
              </Allow>
            }
          />
          <Route path={paths.changePassword} element={<ChangePasswordPage />} />
          <Route path={paths.security} element={<SecurityPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
