import { join } from "node:path";
import { createBroadcastService, INTEREST } from "../bot/broadcasts/broadcast-service";
import "../bot/broadcasts/types-service";
import type { Feature } from "../bot/feature";
import { createI18n } from "../bot/i18n";
import { createOfficerAccounts } from "../bot/officers/accounts";
import { daftarFlow } from "./daftar";

interface Dispatcherish {
  onOutcome(
    kind: string,
    listener: (row: { status: string; channel: string; chatId: string }) => unknown,
  ): void;
}

/**
 * Officers' broadcasts to subscribers (through the outbox), console accounts and the
 * officer CLI. The console and API live in adapters/admin.
 */
export const broadcastCapability: Feature = {
  id: "broadcasts",
  setup(services, contentDir) {
    services.officers = createOfficerAccounts(services.repos.officers, services.clock);
    services.broadcasts = createBroadcastService(services, createI18n(join(contentDir, "locales")));
    // With the outbox's dispatcher (issue 12): a recipient who blocked the bot is unsubscribed.
    const dispatcher = (services as unknown as { dispatcher?: Dispatcherish }).dispatcher;
    dispatcher?.onOutcome("broadcast", async (row) => {
      if (row.status === "blocked") await services.broadcasts.blocked(`${row.channel}:${row.chatId}`);
    });
  },
  flows: () => [daftarFlow],
  effects: {
    "broadcasts-forget": (_e, services, ctx) => services.broadcasts.forget(ctx.userKey),
    "broadcasts-register": async (e, services, ctx) =>
      void (await services.broadcasts.register(e.broadcast, ctx.userKey)),
  },
  cli: { officer: () => import("../bot/cli/officer") },
  personalData: [INTEREST],
};
