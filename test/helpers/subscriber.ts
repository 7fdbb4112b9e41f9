import type { Channel } from "../../bot/model";
import type { UserRecord } from "../../bot/store/types";

/** An opted-in subscriber in Kota Lubuk Linggau who wants care work in Japan (test data). */
export function sampleSubscriber(channel: Channel, chatId: string): UserRecord {
  return {
    key: `${channel}:${chatId}`,
    channel,
    chatId,
    profile: {},
    consent: { subscriptions: "2026-11-01T00:00:00.000Z" },
    subscription: {
      region: { code: "16.73", name: "Kota Lubuk Linggau" },
      destinations: ["japan"],
      sectors: ["care"],
      lang: "id",
      since: "2026-11-01T00:00:00.000Z",
    },
    createdAt: "2026-11-01T00:00:00.000Z",
    lastSeenAt: "2026-11-01T00:00:00.000Z",
  };
}
