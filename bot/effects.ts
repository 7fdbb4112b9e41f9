import type { Channel, Outbound } from "./model";
import type { Services } from "./services";

/**
 * What a flow asks the core to do besides replying, as plain data (goflow's events): the core
 * commits effects in the person's unit of work, after their state, in order. Capabilities add
 * their own kinds by declaration merging in their folder, e.g.
 *
 *   declare module "../effects" { interface EffectTypes { vote: { topic: string; helpful: boolean } } }
 *
 * and register how each is committed in their `Feature.effects`.
 */
export interface EffectTypes {
  /** A message for someone else (not a reply): one durable outbox row. */
  send: { effect: string; kind: string; channel: Channel; chatId: string; message: Outbound };
}

/** One effect: `{ type, ...fields }`. */
export type Effect = { [K in keyof EffectTypes]: { type: K } & EffectTypes[K] }[keyof EffectTypes];

/** Where an effect comes from: the person whose unit of work commits it. */
export interface EffectContext {
  userKey: string;
  now: Date;
}

/** Commits one effect of a kind. */
export type EffectHandler<K extends keyof EffectTypes> = (
  effect: { type: K } & EffectTypes[K],
  services: Services,
  ctx: EffectContext,
) => Promise<void>;

/** Handlers by effect kind. */
export type EffectHandlers = { [K in keyof EffectTypes]?: EffectHandler<K> };

/** The core's own effect kinds. */
export const CORE_EFFECTS: EffectHandlers = {
  async send(e, services, ctx) {
    await services.outbox.enqueue(
      [{ effect: e.effect, kind: e.kind, channel: e.channel, chatId: e.chatId, message: e.message }],
      ctx.now,
    );
    services.dispatcher.kick();
  },
};

/** Commits effects in order; an effect nobody handles is a programming error. */
export async function commitEffects(
  effects: readonly Effect[],
  handlers: EffectHandlers,
  services: Services,
  ctx: EffectContext,
): Promise<void> {
  for (const e of effects) {
    const handle = handlers[e.type] as EffectHandler<typeof e.type> | undefined;
    if (!handle) throw new Error(`No capability commits the effect "${e.type}".`);
    await handle(e as never, services, ctx);
  }
}
