import type { i18n } from "i18next";
import { CORE_EFFECTS, commitEffects, type Effect, type EffectHandlers } from "./effects";
import type { RouterRoles } from "./feature";
import { type Flow, type FlowContext, type FlowInput, type FlowResult, splitChoice } from "./flow";
import { gentleCheck } from "./gentle-check";
import { findCommand, type GlobalCommand } from "./global-commands";
import { createTranslators } from "./i18n";
import { KeyedMutex, type PersonLock } from "./keyed-mutex";
import { who } from "./logger";
import { mainMenu } from "./main-menu";
import {
  type Choice,
  DEFAULT_LANG,
  type HandleResult,
  type Inbound,
  type Lang,
  type Meta,
  type Outbound,
  userKey,
} from "./model";
import { RateLimiter } from "./rate-limiter";
import { RepeatAnswers } from "./repeat-answers";
import { type RouterDeps, route } from "./routing/route";
import type { Services } from "./services";
import { answerMore, shortenReplies } from "./shorten-replies";
import type { UserRecord } from "./store/types";

/** What the core is built from; `bot/wiring.ts` assembles it. */
export interface CoreDeps {
  services: Services;
  i18n: i18n;
  flows: Flow[];
  commands: GlobalCommand[];
  /** Router step 1: true when text signals danger. The `emergency` flow then answers. */
  detectDanger?: (text: string) => boolean;
  /** Minimum `detect` confidence for intent detection (bot/routing/route.ts). */
  intentThreshold?: number;
  /** The main-menu entries, in order (from the capabilities). */
  menu: readonly string[];
  /** Which flows answer danger, a shared location, and what nobody understood. */
  roles: RouterRoles;
  /** Monotonic milliseconds for rate limits (a wall-clock step must not block chats). */
  monotonic?: () => number;
  /** One person at a time: defaults to a keyed mutex in this process. */
  personLock?: PersonLock;
  /** How each kind of effect is committed (the core's own and the capabilities'). */
  effects?: EffectHandlers;
}

/** The conversation core: one entry point every adapter calls. */
export interface Core {
  handle(inbound: Inbound): Promise<HandleResult>;
  /** The main menu as a reply, for adapters that greet on their own (e.g. a new web page). */
  menu(lang: Lang): Outbound;
}

const MAX_HOPS = 4;

/** True when the choices are exactly the main menu (stored compactly). */
function isMainMenu(choices: Choice[] | undefined, entries: readonly string[]): boolean {
  return choices?.length === entries.length && choices.every((c, i) => c.id === `menu:${entries[i]}`);
}

export function createCore(deps: CoreDeps): Core {
  const { services, i18n } = deps;
  const { repos, log, config } = services;
  const flows = new Map(deps.flows.map((f) => [f.id, f]));
  const limiter = new RateLimiter(config.RATE_LIMIT_PER_MINUTE);
  const repeats = new RepeatAnswers();
  /** Never slowed: commands marked `neverSlowed` (the discreet exit, deleting one's data) and their flows' choices. */
  const unslowedFlows = new Set(deps.commands.filter((c) => c.neverSlowed).map((c) => c.flow));
  const unlimited = (inbound: Inbound): boolean =>
    (inbound.choice !== undefined && unslowedFlows.has(splitChoice(inbound.choice).flow)) ||
    (!!inbound.text && findCommand(deps.commands, inbound.text)?.neverSlowed === true);
  const threshold = deps.intentThreshold ?? 0.5;
  const personLock = deps.personLock ?? new KeyedMutex();
  const effectHandlers: EffectHandlers = { ...CORE_EFFECTS, ...deps.effects };
  const monotonic = deps.monotonic ?? (() => performance.now());

  const translator = createTranslators(i18n);
  const entries = deps.menu;
  const roles = deps.roles;
  const menu = (lang: Lang, title?: string): Outbound => mainMenu(translator(lang), entries, title);

  /** Runs a flow's start or step, following `next` hand-overs; errors become a polite reply. */
  async function run(
    ctx: FlowContext,
    flowId: string,
    input: FlowInput,
    state?: { value: unknown },
  ): Promise<FlowResult & { flow: string }> {
    const replies: Outbound[] = [];
    const effects: Effect[] = [];
    let durable = false;
    let meta: Meta = {};
    let current = flowId;
    let currentInput = input;
    let currentState = state;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const flow = flows.get(current);
      if (!flow) break;
      const result = currentState
        ? await flow.step(ctx, currentState.value, currentInput)
        : await flow.start(ctx, currentInput);
      replies.push(...result.replies);
      effects.push(...(result.effects ?? []));
      durable ||= result.durable === true;
      meta = { ...meta, ...result.meta, flow: current };
      if (!result.next)
        return { replies, meta, state: result.state, flow: current, pass: result.pass, effects, durable };
      current = result.next.flow;
      currentInput = result.next.input ?? {};
      currentState = undefined;
      // A flow may change the language (the language flow does).
      ctx.lang = ctx.user.lang ?? ctx.lang;
      ctx.t = translator(ctx.lang);
    }
    return {
      replies: [...replies, menu(ctx.lang)],
      meta: { ...meta, flow: "menu" },
      state: undefined,
      flow: "menu",
      effects,
      durable,
    };
  }

  const router: RouterDeps = {
    flows,
    commands: deps.commands,
    services,
    threshold,
    roles,
    run,
    menu: (ctx, title) => menu(ctx.lang, title),
  };

  /**
   * The unit of work for one message: under the person's lock, load the person and their
   * session, route, and save the new state. Two messages from one person never interleave.
   */
  function handle(raw: Inbound): Promise<HandleResult> {
    const key = userKey(raw.channel, raw.chatId);
    return personLock.run(key, () => handleLocked(raw, key));
  }

  async function handleLocked(raw: Inbound, key: string): Promise<HandleResult> {
    const started = Date.now();
    const now = services.clock();
    const inbound: Inbound = { ...raw };
    const notes: Outbound[] = [];

    const loaded = await repos.people.load(key);
    let user: UserRecord | undefined = loaded.user;
    const isNew = !user;
    const lang: Lang = user?.lang ?? DEFAULT_LANG;
    const t = translator(lang);

    if (typeof inbound.text === "string") {
      let text = inbound.text.replaceAll(String.fromCharCode(0), "").trim();
      if (text.length > config.MAX_TEXT_CHARS) {
        text = text.slice(0, config.MAX_TEXT_CHARS);
        notes.push({ text: t("common:tooLong", { max: config.MAX_TEXT_CHARS }) });
      }
      inbound.text = text || undefined;
    }
    if (inbound.choice !== undefined && (typeof inbound.choice !== "string" || inbound.choice.length > 200)) {
      inbound.choice = undefined;
    }

    const danger = !!inbound.text && !!deps.detectDanger?.(inbound.text);
    const over = !unlimited(inbound) && (!limiter.take(key, monotonic()) || inbound.throttled === true);
    if (over && !danger) return { replies: [{ text: t("common:slowDown") }], meta: { limited: true } };
    // A danger message in a flood: always answered, and a repeat costs nothing.
    const repeated = over && inbound.text ? repeats.recall(key, lang, inbound.text) : undefined;
    if (repeated) return repeated;

    if (!user) {
      user = {
        key,
        channel: inbound.channel,
        chatId: inbound.chatId,
        profile: {},
        consent: {},
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
      };
    }
    user.lastSeenAt = now.toISOString();
    if (inbound.source && !user.source) user.source = inbound.source.slice(0, 64);
    if (user.active === false) user.active = true;

    const session = loaded.session ?? { updatedAt: now.toISOString() };
    const ctx: FlowContext = {
      inbound,
      userKey: key,
      user,
      lang,
      t,
      tFor: translator,
      now,
      services,
      session,
      menu: (title, t) => mainMenu(t ?? ctx.t, entries, title),
    };

    let result: FlowResult & { flow?: string };
    try {
      result =
        answerMore(ctx, session, danger) ??
        gentleCheck(ctx, session) ??
        (await route(router, ctx, session, danger));
    } catch (err) {
      log.error({ err, user: who(key), flow: session.flow }, "flow failed");
      result = {
        replies: [menu(ctx.lang, ctx.t("common:error"))],
        meta: { flow: "menu", error: true },
        flow: undefined,
      };
    }

    const replies = [...notes, ...result.replies];
    const showsMenu = replies.some((r) => r.choices?.some((c) => c.id.startsWith("menu:")));
    const skipsGreeting = result.flow ? flows.get(result.flow)?.skipsGreeting : false;
    if (isNew && !showsMenu && !skipsGreeting) {
      const greeting = menu(ctx.lang, `${ctx.t("common:greeting")}\n\n${ctx.t("common:menuTitle")}`);
      // Danger first: contacts lead. Otherwise the greeting leads, so the answer's own
      // choices are the last offered and a typed number answers them.
      if (result.meta?.emergency) replies.push(greeting);
      else replies.splice(notes.length, 0, greeting);
    }
    if (replies.length === 0) replies.push(menu(ctx.lang));
    const short = shortenReplies(replies, ctx, session, result.meta);
    replies.splice(0, replies.length, ...short.replies);

    // A flow that deleted the person's data (privacy) leaves no trace behind.
    if (result.meta?.deleted) return { replies, meta: result.meta };

    const offered = [...replies].reverse().find((r) => r.choices?.length)?.choices;
    await repos.people.save(user, {
      flow: result.state === undefined ? undefined : result.flow,
      state: result.state,
      choices: isMainMenu(offered, entries) ? "menu" : offered?.map((c) => ({ id: c.id, label: c.label })),
      more: short.more,
      updatedAt: now.toISOString(),
    });
    // The flow's effects, committed with the state inside this person's unit of work.
    if (result.effects?.length)
      await commitEffects(result.effects, effectHandlers, services, { userKey: key, now });
    if (result.durable) await repos.flush();
    log.debug(
      {
        user: who(key),
        channel: inbound.channel,
        flow: result.meta?.flow,
        new: isNew,
        ms: Date.now() - started,
      },
      "handled",
    );
    const answer = { replies, meta: result.meta ?? {} };
    if (danger && inbound.text && answer.meta.flow === roles.danger && !answer.meta.handover) {
      repeats.remember(key, lang, inbound.text, answer, isNew);
    }
    return answer;
  }

  return { handle, menu: (lang) => menu(lang) };
}
