import { readFileSync } from "node:fs";
import type { TFunction } from "i18next";
import type { Outbound } from "../../bot/model";

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** HTML-escapes a value for text or attribute context. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]!);
}

/** A reply as the page's bubble, the same markup chat.js renders: escaped text, *bold*, choice buttons. */
export function bubbleHtml(reply: Outbound): string {
  const text = escapeHtml(reply.text).replace(/\*([^*\n]+)\*/g, "<strong>$1</strong>");
  const buttons = (reply.choices ?? [])
    .map((c) => `<button type="button" data-choice="${escapeHtml(c.id)}">${escapeHtml(c.label)}</button>`)
    .join("");
  return `<div class="msg bot">${text}${buttons ? `<div class="choices">${buttons}</div>` : ""}</div>`;
}

/**
 * The static page: `{{key}}` placeholders filled from the `web` namespace, escaped;
 * `{{{key}}}` from `raw`, as given (markup the caller built and escaped itself).
 */
export function renderPage(file: string, t: TFunction, raw: Record<string, string> = {}): string {
  return readFileSync(file, "utf8").replace(
    /\{\{\{(\w+)\}\}\}|\{\{(\w+)\}\}/g,
    (_m, rawKey?: string, key?: string) => (rawKey ? (raw[rawKey] ?? "") : escapeHtml(t(`web:${key}`))),
  );
}
