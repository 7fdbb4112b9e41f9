import { resolveChoice } from "../choices";
import type { RouterRoles } from "../feature";
import { type Flow, type FlowContext, type FlowInput, type FlowResult, splitChoice } from "../flow";
import { findCommand, type GlobalCommand } from "../global-commands";
import type { Outbound } from "../model";
import { offerShape, pastedOfferScore } from "../offer/offer-shape";
import type { Services } from "../services";
import type { SessionRecord } from "../store/types";
import { stripGreeting } from "./greeting";
import { dangerNotNow } from "./not-now";
import { writerInDanger } from "./writer-in-danger";

/** A flow's result as the router returns it, with the flow that produced it. */
export type Routed = FlowResult & { flow?: string };

/** What the router needs from the core. */
export interface RouterDeps {
  flows: ReadonlyMap<string, Flow>;
  commands: readonly GlobalCommand[];
  services: Services;
  /** Minimum `detect` confidence for a flow to take free text. */
  threshold: number;
  /** Which flows answer danger, a pasted offer, a shared location, and what nobody understood. */
  roles: RouterRoles;
  /** Runs a flow's start (no state) or step (with its saved state), following hand-overs. */
  run(ctx: FlowContext, flowId: string, input: FlowInput, state?: { value: unknown }): Promise<Routed>;
  menu(ctx: FlowContext, title?: string): Outbound;
}

/** The input argument the `offer` role's flow gets for a pasted offer that quotes danger words. */
export const QUOTED_DANGER = "check-quoted-danger";

/** A pasted offer at least this sure is checked even when it quotes danger words. */
const OFFER_OVER_DANGER = 0.8;

interface Candidate {
  flow: Flow;
  score: number;
}

/** Every flow's `detect`, best first (those below the threshold left out). */
async function candidates(deps: RouterDeps, ctx: FlowContext, text: string): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const flow of deps.flows.values()) {
    if (!flow.detect) continue;
    const score = await flow.detect(ctx, text);
    if (score >= deps.threshold) out.push({ flow, score });
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * A pasted or forwarded advert that quotes danger words about other people: shaped like an
 * offer (a job and its pay, among other signs), with no sign that the writer is in it. A
 * story about someone in trouble has neither the job nor the pay of an advert.
 */
function offerNotEmergency(deps: RouterDeps, text: string): boolean {
  const offer = deps.roles.offer;
  if (!offer || !deps.flows.has(offer) || writerInDanger(text)) return false;
  const shape = offerShape(text);
  return shape.job && shape.pay && pastedOfferScore(text) >= OFFER_OVER_DANGER;
}

/**
 * The routing decision: which flow gets this input. In order:
 * 1. danger → the emergency flow, from any state; but a pasted offer that quotes danger
 *    words, with no sign that the writer is in it, is an offer to check (with a pointer to help),
 *    and a hypothetical, a news story or a finished story gets its normal answer and one line
 *    on how to get help (`dangerNotNow`);
 * 2. global commands;
 * 3. a choice, picked or typed as its number or label, goes to the flow that owns it;
 * 4. free text: the active flow keeps it only when it answers what the flow just asked at
 *    least as surely (`owns`) as the best other flow's `detect`; otherwise it is routed afresh;
 * 5. the most confident `detect` above the threshold;
 * 6. the fallback, which always answers.
 * Greetings and politeness around the text ("permisi kak, …") are taken off first.
 */
export async function route(
  deps: RouterDeps,
  ctx: FlowContext,
  session: SessionRecord,
  danger: boolean,
): Promise<Routed> {
  const { flows, run, roles } = deps;
  const { inbound } = ctx;
  const raw = inbound.text;
  const text = raw ? stripGreeting(raw) : undefined;

  // 1. Safety first, whatever flow is active. Danger words in a hypothetical, a news story
  // or a finished story are answered normally, with one line on how to get help.
  if (text && danger && dangerNotNow(text)) {
    const r = await routeCalm(deps, ctx, session, text);
    const help = { text: ctx.t("common:notNowHelp") };
    return { ...r, replies: [...r.replies, help], meta: { ...r.meta, dangerNotNow: true } };
  }
  if (text && danger && roles.danger && flows.has(roles.danger)) {
    if (roles.offer && offerNotEmergency(deps, text)) {
      const r = await run(ctx, roles.offer, { text, arg: QUOTED_DANGER });
      return { ...r, meta: { ...r.meta, quotedDanger: true } };
    }
    const r = await run(ctx, roles.danger, { text });
    return { ...r, meta: { ...r.meta, emergency: true } };
  }

  return routeCalm(deps, ctx, session, text);
}

/** Router steps 2 to 6, for an input that signals no danger now. */
async function routeCalm(
  deps: RouterDeps,
  ctx: FlowContext,
  session: SessionRecord,
  text: string | undefined,
): Promise<Routed> {
  const { flows, run, roles } = deps;
  const { inbound } = ctx;

  // 2. Global commands in every language.
  if (text) {
    const cmd = findCommand(deps.commands, text);
    const allowed = !cmd?.officerOnly || deps.services.isOfficer(inbound.channel, inbound.chatId);
    if (cmd && allowed && flows.has(cmd.flow)) {
      const r = await run(ctx, cmd.flow, { arg: cmd.arg, text });
      return { ...r, meta: { ...r.meta, command: cmd.id } };
    }
  }

  // 3. A choice: picked, or typed as its number or label.
  const offered = session.choices === "menu" ? deps.menu(ctx).choices : session.choices;
  const choice = inbound.choice ?? (text ? resolveChoice(text, offered) : undefined);
  if (choice) {
    const owner = splitChoice(choice).flow;
    if (!flows.has(owner)) {
      return { replies: [deps.menu(ctx, ctx.t("common:expiredChoice"))], meta: { flow: "menu" } };
    }
    const active = session.flow === owner ? { value: session.state } : undefined;
    return run(ctx, owner, { choice }, active);
  }

  // A shared location is for the flow that finds places, whatever else was going on: no
  // other flow asks for one. That flow, when active, gets it with its own state.
  if (inbound.location && !text) {
    if (roles.location && flows.has(roles.location)) {
      const active = session.flow === roles.location ? { value: session.state } : undefined;
      return run(ctx, roles.location, { arg: "location" }, active);
    }
    return {
      replies: [deps.menu(ctx, ctx.t("common:locationUnused"))],
      meta: { flow: "menu", location: "unused" },
    };
  }

  if (!text) {
    return {
      replies: [deps.menu(ctx, ctx.t("common:media"))],
      meta: { flow: "menu", media: inbound.media ?? "empty" },
    };
  }

  // 4. The active flow keeps only the answers to what it asked.
  const ranked = await candidates(deps, ctx, text);
  const active = session.flow ? flows.get(session.flow) : undefined;
  let passed: string | undefined;
  if (active) {
    const rival = ranked.find((c) => c.flow.id !== active.id);
    const own = active.owns ? await active.owns(ctx, session.state, text) : 1;
    if (!rival || own >= rival.score) {
      const r = await run(ctx, active.id, { text }, { value: session.state });
      if (!r.pass || r.replies.length > 0) return r;
      passed = active.id;
    }
  }

  // 5. Routed afresh: the most confident flow.
  const best = ranked.find((c) => c.flow.id !== passed);
  if (best) return run(ctx, best.flow.id, { text });

  // 6. Fallback: never silence.
  if (roles.fallback && flows.has(roles.fallback)) return run(ctx, roles.fallback, { text });
  return { replies: [deps.menu(ctx)], meta: { flow: "menu" } };
}
