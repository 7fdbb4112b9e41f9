import type { TFunction } from "i18next";
import { resolveChoice } from "./choices";
import type { FlowContext, FlowResult } from "./flow";
import type { Choice, Meta, Outbound } from "./model";
import type { SessionRecord } from "./store/types";

/** The gist a first bubble keeps, in characters: about one phone screen. */
export const GIST_CHARS = 600;
/** Bubbles up to this length stay whole: cutting off a few lines is not worth a tap. */
export const CUT_ABOVE = 700;
/** The most text kept for "Selengkapnya" per person (the rest of a very long reply is dropped). */
const MAX_KEPT_CHARS = 12_000;

/** Choice ids the core answers itself from the session: `more:<n>`. */
const MORE = "more:";
/** A flow's own "Selengkapnya" choice (`faq:more:costs`, `offer:more:…`). */
const OWN_MORE = /^[\w-]+:more(:|$)/;

/** The rest of a cut bubble, kept in the session until the person's next message. */
export interface MoreEntry {
  /** The text after the gist. */
  rest: string;
  /** The bubble's own choices, offered again after the rest. */
  choices?: Choice[];
  /** When the bubble had its own "more" choice: that choice shows the rest first. */
  via?: string;
}

/** Cuts text before `max` characters at the last paragraph, line, sentence or word end. */
export function cutGist(text: string, max = GIST_CHARS): { gist: string; rest: string } {
  if (text.length <= max) return { gist: text, rest: "" };
  const head = text.slice(0, max + 1);
  // Paragraph, line, sentence (cut after its mark), word.
  for (const [sep, after] of [
    [/\n\s*\n/g, 0],
    [/\n/g, 0],
    [/[.!?](?=\s)/g, 1],
    [/\s/g, 0],
  ] as const) {
    let at = -1;
    for (const m of head.matchAll(sep)) {
      const end = m.index + after;
      if (end > 0 && end <= max) at = end;
    }
    // A cut that keeps less than a third of a screen reads as broken: try a finer separator.
    if (at >= max / 3) return { gist: text.slice(0, at).trimEnd(), rest: text.slice(at).trim() };
  }
  return { gist: `${text.slice(0, max - 1)}…`, rest: `…${text.slice(max - 1)}` };
}

/** Splits text into bubbles of at most `max` characters each, at the ends cutGist finds. */
export function splitBubbles(text: string, max = GIST_CHARS): string[] {
  const out: string[] = [];
  let left = text;
  while (left) {
    const { gist, rest } = cutGist(left, max);
    out.push(gist);
    left = rest;
  }
  return out;
}

function moreIndex(id: string | undefined): number | undefined {
  if (!id?.startsWith(MORE)) return undefined;
  const n = Number(id.slice(MORE.length));
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * "Selengkapnya" picked (or typed as its number or label): the rest of the cut reply from the
 * session, with that reply's own choices again. The active flow and its state stay as they were.
 * Returns undefined for anything else.
 */
export function answerMore(
  ctx: FlowContext,
  session: SessionRecord,
  danger: boolean,
): (FlowResult & { flow?: string }) | undefined {
  if (danger || !session.more?.length) return undefined;
  const text = ctx.inbound.text;
  const offered = session.choices === "menu" ? undefined : session.choices;
  const picked = ctx.inbound.choice ?? (text ? resolveChoice(text, offered) : undefined);
  const n = moreIndex(picked);
  const entry = n === undefined ? undefined : session.more[n];
  if (!entry) return undefined;
  const bubbles: Outbound[] = splitBubbles(entry.rest).map((t) => ({ text: t }));
  if (entry.choices?.length) bubbles[bubbles.length - 1]!.choices = entry.choices;
  return {
    replies: bubbles,
    state: session.state,
    flow: session.flow,
    meta: { flow: session.flow ?? "more", more: true },
  };
}

/**
 * Answers fit a phone, on every channel: each bubble longer than CUT_ABOVE keeps its gist
 * (GIST_CHARS) and offers "Selengkapnya" first among its choices for the rest (details, sources, long lists), kept in
 * the session. A bubble with its own "more" choice keeps that choice, which then shows the
 * rest first. Emergency contacts are never cut: in danger, every number comes first.
 */
export function shortenReplies(
  replies: Outbound[],
  ctx: { t: TFunction; inbound: { choice?: string } },
  session: SessionRecord,
  meta: Meta | undefined,
): { replies: Outbound[]; more?: MoreEntry[] } {
  const lead = session.more?.filter((m) => m.via && m.via === ctx.inbound.choice) ?? [];
  const out: Outbound[] = lead.flatMap((m) => splitBubbles(m.rest).map((text) => ({ text })));
  const more: MoreEntry[] = [];
  let kept = 0;
  for (const reply of replies) {
    if (meta?.emergency || reply.text.length <= CUT_ABOVE || kept >= MAX_KEPT_CHARS) {
      out.push(reply);
      continue;
    }
    const { gist, rest } = cutGist(reply.text);
    const keep = rest.slice(0, MAX_KEPT_CHARS - kept);
    kept += keep.length;
    const via = reply.choices?.find((c) => OWN_MORE.test(c.id))?.id;
    more.push({ rest: keep, choices: via ? undefined : reply.choices, via });
    const choices = via
      ? reply.choices
      : [{ id: `${MORE}${more.length - 1}`, label: ctx.t("common:more") }, ...(reply.choices ?? [])];
    out.push({ ...reply, text: gist, choices });
  }
  return { replies: out, more: more.length ? more : undefined };
}
