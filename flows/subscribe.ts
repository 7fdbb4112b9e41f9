import type { TFunction } from "i18next";
import type { Flow, FlowContext, FlowInput, FlowResult } from "../bot/flow";
import type { Choice, Lang } from "../bot/model";
import "../bot/broadcasts/types-service";
import { regionLookup } from "../bot/subscriptions/region-lookup";
import {
  DESTINATIONS,
  type Destination,
  SECTORS,
  type Sector,
  type SubscriberRegion,
  type Subscription,
} from "../bot/subscriptions/types";

type Step = "consent" | "region" | "pick" | "dest" | "sector" | "lang";

interface State {
  step: Step;
  region?: SubscriberRegion;
  candidates?: SubscriberRegion[];
  destinations: Destination[];
  sectors: Sector[];
}

const c = (value: string, label: string): Choice => ({ id: `subscribe:${value}`, label });

function summary(t: TFunction, s: Subscription): string {
  return t("subscribe:summary", {
    region: s.region.name || "-",
    destinations: s.destinations.map((d) => t(`subscribe:dest.${d}`)).join(", ") || "-",
    sectors: s.sectors.map((x) => t(`subscribe:sector.${x}`)).join(", ") || "-",
    lang: t(`subscribe:lang.${s.lang}`),
  });
}

function consent(ctx: FlowContext): FlowResult {
  const t = ctx.t;
  return {
    replies: [
      {
        text: t("subscribe:consent"),
        choices: [c("agree", t("subscribe:agree")), c("decline", t("subscribe:decline"))],
      },
    ],
    state: { step: "consent", destinations: [], sectors: [] } satisfies State,
    meta: { subscribe: "consent" },
  };
}

function askRegion(ctx: FlowContext, state: State, again = false): FlowResult {
  const t = ctx.t;
  return {
    replies: [
      {
        text: t(again ? "subscribe:regionAgain" : "subscribe:region"),
        choices: [c("skip-region", t("subscribe:skip"))],
      },
    ],
    state: { ...state, step: "region" },
    meta: { subscribe: "region" },
  };
}

function multi<T extends string>(
  ctx: FlowContext,
  kind: "dest" | "sector",
  all: readonly T[],
  picked: T[],
  state: State,
): FlowResult {
  const t = ctx.t;
  const choices = all.map((v) =>
    c(`${kind}:${v}`, `${picked.includes(v) ? "✓ " : ""}${t(`subscribe:${kind}.${v}`)}`),
  );
  choices.push(c(`${kind}-done`, t("subscribe:done")));
  return {
    replies: [{ text: t(kind === "dest" ? "subscribe:askDest" : "subscribe:askSector"), choices }],
    state: { ...state, step: kind },
    meta: { subscribe: kind },
  };
}

function askLang(ctx: FlowContext, state: State): FlowResult {
  const t = ctx.t;
  return {
    replies: [
      {
        text: t("subscribe:askLang"),
        choices: [c("lang:id", t("subscribe:lang.id")), c("lang:en", t("subscribe:lang.en"))],
      },
    ],
    state: { ...state, step: "lang" },
    meta: { subscribe: "lang" },
  };
}

/** Saves the subscription durably, then confirms it (in the language chosen). */
async function save(ctx: FlowContext, state: State, lang: Lang): Promise<FlowResult> {
  const since = ctx.now.toISOString();
  const sub: Subscription = {
    region: state.region ?? { name: "" },
    destinations: state.destinations,
    sectors: state.sectors,
    lang,
    since,
  };
  ctx.user.subscription = sub;
  ctx.user.consent = { ...ctx.user.consent, subscriptions: since };
  const t = ctx.tFor(lang);
  // The core saves the person with this answer and makes it durable before replying.
  return {
    durable: true,
    replies: [ctx.menu(`${t("subscribe:saved")}\n${summary(t, sub)}\n\n${t("subscribe:howToStop")}`, t)],
    meta: { subscribe: "saved" },
  };
}

/** "berhenti" / "stop": the subscription ends and is on disk before the person is told. */
export async function unsubscribe(ctx: FlowContext): Promise<FlowResult> {
  const t = ctx.t;
  const was = !!ctx.user.subscription;
  delete ctx.user.subscription;
  const { subscriptions: _, ...rest } = ctx.user.consent;
  ctx.user.consent = rest;
  // Durable before the person is told; broadcast rows not yet handed to the channel are dropped.
  return {
    durable: true,
    effects: ctx.services.broadcasts ? [{ type: "broadcasts-forget" }] : [],
    replies: [ctx.menu(t(was ? "subscribe:stopped" : "subscribe:notSubscribed"))],
    meta: { subscribe: was ? "stopped" : "none" },
  };
}

function current(ctx: FlowContext, sub: Subscription): FlowResult {
  const t = ctx.t;
  return {
    replies: [
      {
        text: `${t("subscribe:current")}\n${summary(t, sub)}`,
        choices: [
          c("change", t("subscribe:change")),
          c("stop", t("subscribe:stop")),
          { id: "menu:faq", label: t("common:menu.faq") },
        ],
      },
    ],
    meta: { subscribe: "current" },
  };
}

/** Numbers typed for a multiple choice: "1 3", "1,3" or "1 dan 3". */
function numbers<T>(text: string, all: readonly T[]): T[] {
  const picked = [...text.matchAll(/\d{1,2}/g)]
    .map((m) => all[Number(m[0]) - 1])
    .filter((v): v is T => v !== undefined);
  return [...new Set(picked)];
}

function toggle<T>(list: T[], v: T): T[] {
  return list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
}

function withRegion(ctx: FlowContext, state: State, text: string): FlowResult {
  const m = regionLookup(ctx.services)(text);
  if (m.status === "one" && m.region)
    return multi(ctx, "dest", DESTINATIONS, state.destinations, { ...state, region: m.region });
  if (m.status === "ambiguous" && m.candidates.length) {
    return {
      replies: [
        { text: ctx.t("subscribe:whichRegion"), choices: m.candidates.map((r, i) => c(`pick:${i}`, r.name)) },
      ],
      state: { ...state, step: "pick", candidates: m.candidates },
      meta: { subscribe: "pick" },
    };
  }
  return askRegion(ctx, state, true);
}

async function handle(ctx: FlowContext, raw: unknown, input: FlowInput): Promise<FlowResult> {
  if (input.arg === "stop" || input.choice === "subscribe:stop") return unsubscribe(ctx);
  const state = raw as State | undefined;
  const choice = input.choice?.startsWith("subscribe:") ? input.choice.slice("subscribe:".length) : undefined;
  const text = input.text ?? "";
  if (!state || input.arg === "start") {
    if (ctx.user.subscription && choice !== "change") return current(ctx, ctx.user.subscription);
    return consent(ctx);
  }
  if (choice === "change") return consent(ctx);
  switch (state.step) {
    case "consent":
      if (choice === "agree") return askRegion(ctx, state);
      if (choice === "decline")
        return { replies: [ctx.menu(ctx.t("subscribe:declined"))], meta: { subscribe: "declined" } };
      return { replies: [], pass: true };
    case "region":
    case "pick":
      if (choice === "skip-region")
        return multi(ctx, "dest", DESTINATIONS, state.destinations, { ...state, region: undefined });
      if (state.step === "pick" && choice?.startsWith("pick:")) {
        const region = state.candidates?.[Number(choice.slice(5))];
        if (region)
          return multi(ctx, "dest", DESTINATIONS, state.destinations, {
            ...state,
            region,
            candidates: undefined,
          });
      }
      if (text) return withRegion(ctx, state, text);
      return askRegion(ctx, state, true);
    case "dest": {
      if (choice === "dest-done") return multi(ctx, "sector", SECTORS, state.sectors, state);
      if (choice?.startsWith("dest:")) {
        const v = choice.slice(5) as Destination;
        if (DESTINATIONS.includes(v))
          return multi(ctx, "dest", DESTINATIONS, toggle(state.destinations, v), {
            ...state,
            destinations: toggle(state.destinations, v),
          });
      }
      const picked = numbers(text, DESTINATIONS);
      if (picked.length)
        return multi(ctx, "sector", SECTORS, state.sectors, { ...state, destinations: picked });
      return multi(ctx, "dest", DESTINATIONS, state.destinations, state);
    }
    case "sector": {
      if (choice === "sector-done") return askLang(ctx, state);
      if (choice?.startsWith("sector:")) {
        const v = choice.slice(7) as Sector;
        if (SECTORS.includes(v))
          return multi(ctx, "sector", SECTORS, toggle(state.sectors, v), {
            ...state,
            sectors: toggle(state.sectors, v),
          });
      }
      const picked = numbers(text, SECTORS);
      if (picked.length) return askLang(ctx, { ...state, sectors: picked });
      return multi(ctx, "sector", SECTORS, state.sectors, state);
    }
    case "lang":
      if (choice === "lang:id" || choice === "lang:en") return save(ctx, state, choice.slice(5) as Lang);
      return askLang(ctx, state);
  }
  return consent(ctx);
}

/**
 * "Info pelatihan": consent first (what is stored, why, for how long, how to stop), then region,
 * destinations, sectors and language as short choices. "berhenti" / "stop" ends it at any time.
 */
export const subscribeFlow: Flow = {
  id: "subscribe",
  start: (ctx, input) => handle(ctx, undefined, { ...input, arg: input.arg ?? "start" }),
  step: handle,
};
