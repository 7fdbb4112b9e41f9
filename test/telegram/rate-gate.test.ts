import { describe, expect, it } from "vitest";
import { GateClosedError, RateGate } from "../../adapters/telegram/rate-gate";

/** Most points in any one-second window. */
function maxPerSecond(times: number[]): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i]! - t[j]! >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe("RateGate", () => {
  it("never lets a server see more than the limit in a second, however late calls travel", async () => {
    const gate = new RateGate({ perSecond: 100, perChatMs: 200 });
    const calls: { chat: string; out: number; back: number }[] = [];
    const chats = Array.from({ length: 250 }, (_, i) => String(i < 240 ? i : "same"));
    await Promise.all(
      chats.map(async (chat) => {
        const release = await gate.acquire(chat);
        const out = performance.now();
        // Calls take 0-60 ms; the server may see each one anywhere in between.
        await new Promise((r) => setTimeout(r, Math.random() * 60));
        const back = performance.now();
        calls.push({ chat, out, back });
        release();
      }),
    );
    expect(maxPerSecond(calls.map((c) => c.out))).toBeLessThanOrEqual(100);
    expect(maxPerSecond(calls.map((c) => c.back))).toBeLessThanOrEqual(100);
    const same = calls.filter((c) => c.chat === "same").sort((a, b) => a.out - b.out);
    expect(same).toHaveLength(10);
    for (let i = 1; i < same.length; i++)
      expect(same[i]!.out - same[i - 1]!.back).toBeGreaterThanOrEqual(199);
  });

  it("rejects waiters when closed", async () => {
    const gate = new RateGate({ perSecond: 1, perChatMs: 10 });
    (await gate.acquire("a"))();
    const waiting = gate.acquire("b");
    expect(gate.pending()).toBe(1);
    gate.close();
    await expect(waiting).rejects.toBeInstanceOf(GateClosedError);
    await expect(gate.acquire("c")).rejects.toBeInstanceOf(GateClosedError);
  });
});
