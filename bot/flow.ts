import type { TFunction } from "i18next";
import type { Effect } from "./effects";
import type { Inbound, Lang, Meta, Outbound } from "./model";
import type { Services } from "./services";
import type { SessionRecord, UserRecord } from "./store/types";

/** Everything a flow may use for one input. Flows never touch channel APIs. */
export interface FlowContext {
  inbound: Inbound;
  /** The person's key, `channel:chatId`. */
  userKey: string;
  user: UserRecord;
  /** The person's language (remembered, default `id`). */
  lang: Lang;
  /** Translator fixed to `lang`. */
  t: TFunction;
  /** Translator for another language, e.g. when a question was asked in English. */
  tFor(lang: Lang): TFunction;
  now: Date;
  services: Services;
  /** The person's conversation as it was when this message arrived. */
  session: SessionRecord;
  /** The main menu as a reply, titled `title`, in the language of `t` (default `ctx.t`). */
  menu(title?: string, t?: TFunction): Outbound;
}

/** What a flow returns for one input. */
export interface FlowResult {
  replies: Outbound[];
  /** The next saved state; `undefined` ends the flow. */
  state?: unknown;
  meta?: Meta;
  /** Hand over to another flow at once, e.g. a menu choice starting a feature. */
  next?: { flow: string; input?: FlowInput };
  /** "Not for me": the active flow ends and the router carries on with intent detection. */
  pass?: boolean;
  /** What the core commits with the state, in this unit of work (bot/effects.ts). */
  effects?: Effect[];
  /**
   * The replies promise something (a subscription saved, an unsubscribe): the core makes the
   * state and effects durable before it answers.
   */
  durable?: boolean;
}

/** How a flow is entered: by a choice, by free text (from intent detection), or plainly. */
export interface FlowInput {
  choice?: string;
  text?: string;
  /** Free-form argument from a command or another flow. */
  arg?: string;
}

/**
 * A small state machine. `start` begins it; `step` receives the next input with the saved
 * state. Choices whose id starts with `<id>:` belong to this flow and reach it even when
 * another flow is active.
 */
export interface Flow {
  id: string;
  start(ctx: FlowContext, input: FlowInput): Promise<FlowResult> | FlowResult;
  step(ctx: FlowContext, state: unknown, input: FlowInput): Promise<FlowResult> | FlowResult;
  /**
   * Intent detection (router step 4): how confident (0..1) this flow is that free text is
   * meant for it. The router starts the most confident flow above its threshold.
   */
  detect?(ctx: FlowContext, text: string): Promise<number> | number;
  /**
   * While this flow is active: how sure (0..1) it is that free text answers what it just
   * asked (a field, a yes/no). The router keeps the text here only when this is at least
   * the best other flow's `detect`; otherwise the text is routed afresh. Without it the
   * flow is fully sure, and may still `pass`.
   */
  owns?(ctx: FlowContext, state: unknown, text: string): Promise<number> | number;
  /** True when a new person's first answer from this flow comes without the greeting (language choice). */
  skipsGreeting?: boolean;
}

/** A choice id that belongs to `flow`. */
export function choiceId(flow: string, value: string): string {
  return `${flow}:${value}`;
}

/** The flow a choice id belongs to, and the rest of the id. */
export function splitChoice(id: string): { flow: string; value: string } {
  const at = id.indexOf(":");
  return at < 0 ? { flow: id, value: "" } : { flow: id.slice(0, at), value: id.slice(at + 1) };
}
