import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../bot/config";
import { createLogger } from "../../bot/logger";
import type { Inbound, MediaKind } from "../../bot/model";
import { openFileStore } from "../../bot/store/open-store";
import { createStoreRepositories } from "../../bot/store/store-repositories";
import { createBot } from "../../bot/wiring";
import { CAPABILITIES } from "../../flows/capabilities";

const media: MediaKind[] = ["photo", "voice", "video", "document", "sticker", "other"];

const text = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\u202e",
    "🙏🙏🙏",
    "1",
    "99",
    "0",
    "-1",
    "/start",
    "menu",
    "keluar",
    "tolong",
  ),
  fc.string({
    unit: fc.constantFrom("a", "ö", "😀", "\n", "\t", "<", ">", "&", "\u200b", "\u0007"),
    maxLength: 500,
  }),
  fc.nat({ max: 3 }).map((n) => "x".repeat(100_000 + n)),
);

const inbound = fc.record(
  {
    chat: fc.constantFrom("p1", "p2", "p3", "6281234567890@c.us"),
    text,
    choice: fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom("menu:faq", "language:en", "x:y", ":", "menu:"),
    ),
    media: fc.constantFrom(...media),
    location: fc.record({ lat: fc.double({ noNaN: false }), lon: fc.double() }),
  },
  { requiredKeys: ["chat"] },
);

describe("handle() on arbitrary input", () => {
  it("always replies, never throws, and leaves data that loads again", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ma-fuzz-"));
    const store = await openFileStore(dir, { intervalMs: 0, shards: 8 });
    const bot = createBot({
      capabilities: CAPABILITIES,
      config: loadConfig({ RATE_LIMIT_PER_MINUTE: "10000" }),
      repos: createStoreRepositories(store),
      log: createLogger("silent"),
    });
    let calls = 0;
    await fc.assert(
      fc.asyncProperty(inbound, async (x) => {
        const msg: Inbound = {
          channel: x.chat.endsWith("@c.us") ? "whatsapp" : "web",
          chatId: x.chat,
          text: x.text,
          choice: x.choice,
          media: x.media,
          location: x.location,
          at: new Date(),
        };
        const r = await bot.core.handle(msg);
        calls++;
        expect(r.replies.length).toBeGreaterThan(0);
        for (const reply of r.replies) {
          expect(typeof reply.text).toBe("string");
          expect(reply.text.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2500 },
    );
    expect(calls).toBeGreaterThanOrEqual(2500);
    await store.close();
    const again = await openFileStore(dir);
    expect(again.userCount()).toBeGreaterThan(0);
    await again.close();
  });
});
