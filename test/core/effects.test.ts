import { describe, expect, it } from "vitest";
import type { Feature } from "../../bot/feature";
import type { Flow } from "../../bot/flow";
import { CAPABILITIES } from "../../flows/capabilities";
import { makeBot } from "../helpers/make-bot";

/** A flow that asks the core to send a message to someone else, as an effect. */
const tellFlow: Flow = {
  id: "tell",
  detect: (_ctx, text) => (text.startsWith("tell ") ? 1 : 0),
  start: (ctx, input) => ({
    replies: [{ text: "noted" }],
    effects: [
      {
        type: "send",
        effect: `tell:${ctx.userKey}`,
        kind: "tell",
        channel: "telegram",
        chatId: "42",
        message: { text: input.text ?? "" },
      },
    ],
    durable: true,
  }),
  step: () => ({ replies: [] }),
};
const tell: Feature = { id: "tell", flows: () => [tellFlow] };

describe("effects", () => {
  it("are committed in the person's unit of work: the outbox row exists when handle() answers", async () => {
    const t = makeBot({ capabilities: [...CAPABILITIES, tell] });
    const r = await t.say("a", "tell hello there");
    expect(r.replies.map((x) => x.text)).toContain("noted");
    const rows = await t.repos.outbox.byEffect("tell:web:a");
    expect(rows.map((x) => [x.channel, x.chatId, x.message.text])).toEqual([
      ["telegram", "42", "tell hello there"],
    ]);
  });

  it("a vote is an effect: recorded once the answer is given, not by the flow", async () => {
    const t = makeBot();
    await t.say("v", "biaya jadi TKI berapa");
    await t.say("v", { choice: "faq:up:costs" });
    expect(await t.repos.votes.get("costs")).toEqual({ id: "costs", up: 1, down: 0 });
  });

  it("two capabilities committing the same effect stop start-up", () => {
    const twice: Feature = { id: "twice", effects: { "faq-vote": async () => {} } };
    expect(() => makeBot({ capabilities: [...CAPABILITIES, twice] })).toThrow(/faq-vote/);
  });
});
