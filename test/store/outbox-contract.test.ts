import { describe, expect, it } from "vitest";
import type { NewOutboxRow } from "../../bot/outbox/types";
import { openFileStore } from "../../bot/store/open-store";
import { IMPLEMENTATIONS, lastDataDir } from "./implementations";

const T0 = new Date("2026-12-01T10:00:00Z");
const at = (s: number) => new Date(T0.getTime() + s * 1000);
const row = (chatId: string, effect = "report-notice:MA-22222"): NewOutboxRow => ({
  effect,
  kind: "report-notice",
  channel: "telegram",
  chatId,
  message: { text: `notice for ${chatId}` },
});

for (const impl of IMPLEMENTATIONS) {
  describe(`outbox repository contract: ${impl.name}`, () => {
    it("keeps one row per (effect, recipient), with a stable delivery id", async () => {
      const { outbox } = await impl.open();
      const [a] = await outbox.enqueue([row("1"), row("2")], T0);
      const again = await outbox.enqueue([row("1")], at(5));
      expect(again[0]?.id).toBe(a?.id);
      expect(again[0]?.createdAt).toBe(T0.toISOString());
      expect((await outbox.counts()).queued).toBe(2);
      expect((await outbox.byEffect("report-notice:MA-22222")).map((r) => r.chatId).sort()).toEqual([
        "1",
        "2",
      ]);
    });

    it("claims one chat's due rows for a channel that collects them (the web page), replies first", async () => {
      const { outbox } = await impl.open();
      const web = (chatId: string, effect: string, kind = "report-reply"): NewOutboxRow => ({
        effect,
        kind,
        channel: "web",
        chatId,
        message: { text: effect },
      });
      await outbox.enqueue(
        [web("w1", "broadcast:B1", "broadcast"), web("w1", "report-reply:MA-1:0"), web("w2", "broadcast:B1")],
        T0,
      );
      expect(await outbox.claimChat("web", "w9", 10, T0, 60_000)).toEqual([]);
      const mine = await outbox.claimChat("web", "w1", 10, T0, 60_000);
      expect(mine.map((r) => [r.effect, r.status])).toEqual([
        ["report-reply:MA-1:0", "sending"],
        ["broadcast:B1", "sending"],
      ]);
      expect(await outbox.claimChat("web", "w1", 10, T0, 60_000)).toEqual([]);
      // Nothing collected for days fails; what was handed over is left alone.
      const expired = await outbox.expireQueued("web", at(60), "not collected", at(61));
      expect(expired.map((r) => [r.chatId, r.status, r.reason])).toEqual([["w2", "failed", "not collected"]]);
      expect(await outbox.expireQueued("web", at(60), "not collected", at(61))).toEqual([]);
      expect((await outbox.counts()).sending).toBe(2);
    });

    it("claims due rows of one channel once, marking them sending with a lease", async () => {
      const { outbox } = await impl.open();
      await outbox.enqueue([row("1"), row("2"), row("3"), { ...row("4"), channel: "whatsapp" }], T0);
      const first = await outbox.claim("telegram", 2, T0, 60_000);
      expect(first).toHaveLength(2);
      expect(first.every((r) => r.status === "sending" && r.attempts === 1)).toBe(true);
      const second = await outbox.claim("telegram", 10, T0, 60_000);
      expect(second.map((r) => r.chatId)).toEqual(["3"]);
      expect(await outbox.claim("telegram", 10, T0, 60_000)).toEqual([]);
      expect((await outbox.channelsWaiting()).sort()).toEqual(["whatsapp"]);
    });

    it("records sent, failed, blocked, and a retry that is not claimed before it is due", async () => {
      const { outbox } = await impl.open();
      await outbox.enqueue([row("s"), row("f"), row("b"), row("r")], T0);
      const claimed = await outbox.claim("telegram", 10, T0, 60_000);
      const id = (chat: string) => claimed.find((r) => r.chatId === chat)?.id ?? "";
      await outbox.record(id("s"), { status: "sent" }, at(1));
      await outbox.record(id("f"), { status: "failed", reason: "400 bad request" }, at(1));
      await outbox.record(id("b"), { status: "blocked", reason: "403 blocked" }, at(1));
      await outbox.record(id("r"), { status: "queued", reason: "429", nextAttempt: at(30) }, at(1));
      const sent = await outbox.get(id("s"));
      expect(sent).toMatchObject({ status: "sent", sentAt: at(1).toISOString() });
      expect(sent?.message.text).toBe(""); // the text is not kept once delivered
      expect(await outbox.get(id("f"))).toMatchObject({ status: "failed", reason: "400 bad request" });
      expect(await outbox.get(id("b"))).toMatchObject({ status: "blocked" });
      expect(await outbox.claim("telegram", 10, at(10), 60_000)).toEqual([]);
      const retried = await outbox.claim("telegram", 10, at(31), 60_000);
      expect(retried.map((r) => [r.chatId, r.attempts])).toEqual([["r", 2]]);
      expect(retried[0]?.message.text).toBe("notice for r");
    });

    it("re-queues rows whose lease expired (their process died mid-send), not live ones", async () => {
      const { outbox } = await impl.open();
      await outbox.enqueue([row("1"), row("2")], T0);
      await outbox.claim("telegram", 1, T0, 60_000);
      await outbox.claim("telegram", 1, at(50), 60_000);
      expect(await outbox.reapExpired(at(70))).toBe(1);
      const back = await outbox.claim("telegram", 10, at(70), 60_000);
      expect(back.map((r) => [r.chatId, r.attempts])).toEqual([["1", 2]]);
    });

    it("prunes finished rows older than the cut-off and keeps the rest", async () => {
      const { outbox } = await impl.open();
      await outbox.enqueue([row("old"), row("new"), row("waiting")], T0);
      const claimed = await outbox.claim("telegram", 2, T0, 60_000);
      await outbox.record(claimed[0]?.id ?? "", { status: "sent" }, at(1));
      await outbox.record(claimed[1]?.id ?? "", { status: "sent" }, at(100));
      expect(await outbox.pruneFinished(at(50))).toBe(1);
      expect((await outbox.counts()).sent).toBe(1);
      expect((await outbox.counts()).queued).toBe(1);
    });

    if (impl.name === "lowdb files") {
      it("a claimed row is on disk as sending before claim resolves", async () => {
        const { outbox } = await impl.open();
        await outbox.enqueue([row("1")], T0);
        const [claimed] = await outbox.claim("telegram", 1, T0, 60_000);
        // What a process started now would read from the files (snapshot and journal).
        const onDisk = await openFileStore(lastDataDir(), { readOnly: true });
        expect(
          onDisk.collection<{ id: string; status: string }>("outbox").get(claimed?.id ?? "")?.status,
        ).toBe("sending");
      });
    }
  });
}
