// A download link that fetches first, so a refused or failed download shows the server's message
// instead of saving an error page as a file.
import { DownloadOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { type ReactNode, useState } from "react";
import { toApiError } from "../../api/client";
import { useApiError } from "../../api/useApiError";

function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const res = await fetch(url, { credentials: "same-origin" });
  if (!res.ok) {
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    throw toApiError(res.status, body);
  }
  const blob = await res.blob();
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = fileNameOf(res.headers.get("content-disposition"), fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

export function DownloadButton({ href, fileName, children, disabled }: { href: string; fileName: string; children: ReactNode; disabled?: boolean }) {
  const showError = useApiError();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      href={href}
      loading={busy}
      disabled={disabled}
      onClick={(e) => {
        e.preventDefault();
        setBusy(true);
        downloadFile(href, fileName)
          .catch((err) => showError(err))
          .finally(() => setBusy(false));
      }}
    >
      {children}
    </Button>
  );
}
