import { readFileSync } from "node:fs";
import type { TFunction } from "i18next";

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** HTML-escapes a value for text or attribute context. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]!);
}

/** The static page with its `{{key}}` placeholders filled from the `web` namespace, escaped. */
export function renderPage(file: string, t: TFunction): string {
  return readFileSync(file, "utf8").replace(/\{\{(\w+)\}\}/g, (_m, key: string) =>
    escapeHtml(t(`web:${key}`)),
  );
}
