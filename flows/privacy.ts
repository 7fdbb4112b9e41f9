import type { Flow, FlowContext, FlowInput, FlowResult } from "../bot/flow";
import "../bot/subscriptions/types";

async function show(ctx: FlowContext): Promise<FlowResult> {
  const t = ctx.t;
  const data = await ctx.services.privacy.collect(ctx.userKey);
  const u = data.user ?? ctx.user;
  const sub = u.subscription;
  const profile = sub
    ? [
        sub.region.name,
        sub.destinations.map((d) => t(`subscribe:dest.${d}`)).join(", "),
        sub.sectors.map((s) => t(`subscribe:sector.${s}`)).join(", "),
      ]
        .filter(Boolean)
        .join(" · ")
    : Object.entries(u.profile ?? {})
        .filter(([, v]) => v)
        .map(([k, v]) => `${k}: ${v}`)
        .join(", ");
  const lines = [
    t("privacy:showTitle"),
    "",
    t("privacy:showChannel", { channel: u.channel }),
    t("privacy:showLang", { lang: u.lang ?? ctx.lang }),
    t("privacy:showProfile", { profile: profile || "-" }),
    t("privacy:showConsent", {
      consent: u.consent?.subscriptions
        ? t("privacy:yesSince", { date: u.consent.subscriptions.slice(0, 10) })
        : t("privacy:no"),
    }),
    t("privacy:showDates", { created: u.createdAt.slice(0, 10), seen: u.lastSeenAt.slice(0, 10) }),
    t("privacy:showSource", { source: u.source ?? "-" }),
    t("privacy:showSession", { flow: data.session?.flow ?? "-" }),
    t("privacy:showReports", { refs: data.reports.join(", ") || "-" }),
  ];
  for (const o of data.other)
    lines.push(t("privacy:showOther", { collection: o.collection, count: o.count }));
  lines.push("", t("privacy:showFooter", { days: ctx.services.config.RETENTION_DAYS }));
  return {
    replies: [
      {
        text: lines.join("\n"),
        choices: [
          { id: "privacy:delete", label: t("privacy:deleteButton") },
          { id: "menu:faq", label: t("common:menu.faq") },
        ],
      },
    ],
    meta: { privacy: "show" },
  };
}

function confirm(ctx: FlowContext): FlowResult {
  const t = ctx.t;
  return {
    replies: [
      {
        text: t("privacy:confirmDelete"),
        choices: [
          { id: "privacy:yes", label: t("privacy:yesDelete") },
          { id: "privacy:no", label: t("privacy:noKeep") },
        ],
      },
    ],
    state: { confirm: true },
    meta: { privacy: "confirm" },
  };
}

async function erase(ctx: FlowContext): Promise<FlowResult> {
  const t = ctx.tFor(ctx.lang);
  const result = await ctx.services.privacy.erase(ctx.userKey);
  return {
    replies: [{ text: t("privacy:deleted", { reports: result.reportsUnlinked }) }],
    meta: { privacy: "deleted", deleted: true },
  };
}

function handle(ctx: FlowContext, state: unknown, input: FlowInput): Promise<FlowResult> | FlowResult {
  const choice = input.choice ?? "";
  if (choice === "privacy:delete" || input.arg === "delete") return confirm(ctx);
  if (choice === "privacy:yes") {
    if ((state as { confirm?: boolean } | undefined)?.confirm) return erase(ctx);
    return confirm(ctx);
  }
  if (choice === "privacy:no") return { replies: [ctx.menu(ctx.t("privacy:kept"))] };
  if (input.arg === "show" || choice === "privacy:show") return show(ctx);
  // Anything else while asked to confirm: nothing is deleted.
  if (state) return { replies: [], pass: true };
  return show(ctx);
}

/**
 * "datasaya" / "mydata" shows what is stored; "hapusdata" / "deletemydata" deletes it
 * after an explicit confirmation. Deletion returns `meta.deleted` so the core saves nothing back.
 */
export const privacyFlow: Flow = {
  id: "privacy",
  start: (ctx, input) => handle(ctx, undefined, input),
  step: handle,
};
