import type { Flow, FlowContext } from "../bot/flow";
import "../bot/broadcasts/types-service";
import { commandKey } from "../bot/global-commands";

const WORDS = new Set(["daftar", "saya daftar", "mau daftar", "register", "daftar pelatihan"]);

/** The latest training announcement this person was sent, if any. */
async function latestAnnouncement(ctx: FlowContext): Promise<string | undefined> {
  const svc = ctx.services.broadcasts;
  for (const b of await svc.list()) {
    if (!b.training || b.status === "cancelled") continue;
    const row = await ctx.services.outbox.get(`broadcast:${b.id}|${ctx.userKey}`);
    if (row?.status === "sent" || row?.status === "sending") return b.id;
  }
  return undefined;
}

/**
 * "DAFTAR" after a training announcement registers interest in it (once per person); officers
 * see and export the list per announcement in the console.
 */
export const daftarFlow: Flow = {
  id: "daftar",
  async detect(ctx, text) {
    if (!WORDS.has(commandKey(text))) return 0;
    return (await latestAnnouncement(ctx)) ? 1 : 0;
  },
  async start(ctx) {
    const id = await latestAnnouncement(ctx);
    if (!id) return { replies: [ctx.menu()] };
    const b = await ctx.services.broadcasts.get(id);
    // Read here, written by the core in this person's unit of work (one message at a time).
    const created = !(await ctx.services.broadcasts.isRegistered(id, ctx.userKey));
    const title = b?.training?.title ?? "";
    return {
      effects: created ? [{ type: "broadcasts-register", broadcast: id }] : [],
      durable: created,
      replies: [{ text: ctx.t(created ? "broadcast:registered" : "broadcast:alreadyRegistered", { title }) }],
      meta: { daftar: id, registered: created },
    };
  },
  step: (ctx, _state, input) => daftarFlow.start(ctx, input),
};
