import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../bot/config";
import { createCore } from "../../bot/core";
import { createLogger } from "../../bot/logger";
import { createMemoryStore } from "../../bot/store/open-store";
import { createStoreRepositories } from "../../bot/store/store-repositories";
import { createBot } from "../../bot/wiring";
import { CAPABILITIES } from "../../flows/capabilities";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe("logs", () => {
  it("hold no message text and no phone numbers, even at trace level and on errors", async () => {
    const { lines, stream } = capture();
    const log = createLogger("trace", stream);
    const bot = createBot({
      capabilities: CAPABILITIES,
      config: loadConfig({}),
      repos: createStoreRepositories(createMemoryStore()),
      log,
    });
    const phone = "6281234567890";
    const secret = "rahasia-sekali-kalimat";
    await bot.core.handle({
      channel: "whatsapp",
      chatId: `${phone}@c.us`,
      text: `${secret} ${phone}`,
      at: new Date(),
    });
    await bot.core.handle({ channel: "whatsapp", chatId: `${phone}@c.us`, text: "menu", at: new Date() });
    const failing = createCore({
      services: bot.services,
      i18n: bot.i18n,
      commands: [],
      menu: bot.menu,
      roles: {},
      flows: [
        {
          id: "boom",
          detect: () => 1,
          start: () => {
            throw new Error("failed");
          },
          step: () => ({ replies: [] }),
        },
      ],
    });
    await failing.handle({ channel: "whatsapp", chatId: `${phone}@c.us`, text: secret, at: new Date() });
    const all = lines.join("");
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(all).toContain('"msg":"handled"');
    expect(all).toContain('"msg":"flow failed"');
    expect(all).not.toContain(phone);
    expect(all).not.toContain(secret);
  });
});
