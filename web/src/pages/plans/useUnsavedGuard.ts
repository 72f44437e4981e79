// Asks before leaving the editor with unsaved changes: closing or reloading the tab (beforeunload), and moving
// to another page inside the app. The app uses <BrowserRouter> (no data router, so no useBlocker): in-app
// navigation is held by wrapping the router's navigator while there are changes.
import { App } from "antd";
import { useContext, useEffect, useRef } from "react";
import { UNSAFE_NavigationContext } from "react-router-dom";
import { t } from "../../i18n";

type Navigate = (to: unknown, state?: unknown, opts?: unknown) => void;

function targetPath(to: unknown): string | null {
  if (typeof to === "string") return new URL(to, window.location.href).pathname;
  if (to && typeof to === "object" && "pathname" in to && typeof (to as { pathname?: unknown }).pathname === "string")
    return (to as { pathname: string }).pathname;
  return null;
}

export function useUnsavedGuard(dirty: boolean) {
  const { modal } = App.useApp();
  const { navigator } = useContext(UNSAFE_NavigationContext);
  const asking = useRef(false);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);

    const nav = navigator as unknown as { push: Navigate; replace: Navigate };
    const push = nav.push;
    const replace = nav.replace;
    const guard =
      (original: Navigate): Navigate =>
      (to, state, opts) => {
        const path = targetPath(to);
        // Staying on the same page (search parameters, tabs) needs no confirmation.
        if (path === null || path === window.location.pathname) {
          original.call(nav, to, state, opts);
          return;
        }
        if (asking.current) return;
        asking.current = true;
        modal.confirm({
          title: t("plans.unsaved.title"),
          content: t("plans.unsaved.text"),
          okText: t("plans.unsaved.leave"),
          okButtonProps: { danger: true },
          cancelText: t("plans.unsaved.stay"),
          onOk: () => {
            asking.current = false;
            nav.push = push;
            nav.replace = replace;
            original.call(nav, to, state, opts);
          },
          onCancel: () => {
            asking.current = false;
          },
        });
      };
    nav.push = guard(push);
    nav.replace = guard(replace);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      nav.push = push;
      nav.replace = replace;
    };
  }, [dirty, navigator, modal]);
}
