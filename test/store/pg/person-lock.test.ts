import { expect, it } from "vitest";
import { createPgPersonLock } from "../../../bot/store/pg/pg-person-lock";
import { openPgRepositories, type PgRepositories } from "../../../bot/store/pg-repositories";
import type { UserRecord } from "../../../bot/store/types";
import { describePg, useTestDatabase } from "../../helpers/postgres";

const db = useTestDatabase("person_lock");
const T0 = "2026-12-01T10:00:00.000Z";
const person = (key: string, n: number): UserRecord => ({
  key,
  channel: "web",
  chatId: key.slice(4),
  profile: {},
  consent: {},
  source: String(n),
  createdAt: T0,
  lastSeenAt: T0,
});
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describePg("the per-person lock", () => {
  it("two processes' pools handle one person's messages one at a time; other people in parallel", async () => {
    const a = await openPgRepositories(db.url, { fresh: true });
    // A second "process": its own pool on the same schema.
    const b = await openPgRepositories(db.url, { schema: a.schema });
    try {
      const lockA = createPgPersonLock(a.db);
      const lockB = createPgPersonLock(b.db);
      const events: string[] = [];
      // Each unit of work reads the counter, waits, and writes it + 1: interleaving would lose updates.
      const step = (repos: PgRepositories, name: string) => async () => {
        events.push(`${name} start`);
        const n = Number((await repos.people.get("web:p1"))?.source ?? 0);
        await pause(30);
        await repos.people.put(person("web:p1", n + 1));
        events.push(`${name} end`);
      };
      await Promise.all([
        ...[1, 2, 3].map((i) => lockA.run("web:p1", step(a, `a${i}`))),
        ...[1, 2, 3].map((i) => lockB.run("web:p1", step(b, `b${i}`))),
      ]);
      expect((await a.people.get("web:p1"))?.source).toBe("6");
      for (let i = 0; i < events.length; i += 2) {
        expect(events[i + 1]).toBe(events[i]?.replace("start", "end"));
      }
      // Different people do not wait for each other.
      let inside = 0;
      let most = 0;
      const busy = async () => {
        inside++;
        most = Math.max(most, inside);
        await pause(50);
        inside--;
      };
      await Promise.all([lockA.run("web:x", busy), lockB.run("web:y", busy)]);
      expect(most).toBe(2);
    } finally {
      await b.close();
      await a.close();
    }
  });

  it("a unit of work that fails commits nothing of it", async () => {
    const r = await openPgRepositories(db.url, { fresh: true });
    try {
      const lock = createPgPersonLock(r.db);
      await expect(
        lock.run("web:p2", async () => {
          await r.people.save(person("web:p2", 1), { flow: "report", updatedAt: T0 });
          await r.outbox.enqueue(
            [
              {
                effect: "e1",
                kind: "report-notice",
                channel: "telegram",
                chatId: "9",
                message: { text: "x" },
              },
            ],
            new Date(T0),
          );
          throw new Error("flow crashed");
        }),
      ).rejects.toThrow("flow crashed");
      expect(await r.people.load("web:p2")).toEqual({ user: undefined, session: undefined });
      expect((await r.outbox.counts()).queued).toBe(0);
      // Work started inside a unit of work but finishing after it uses the pool, not the closed transaction.
      let late: Promise<unknown> = Promise.resolve();
      await lock.run("web:p3", async () => {
        late = pause(20).then(() => r.people.put(person("web:p3", 7)));
      });
      await late;
      expect((await r.people.get("web:p3"))?.source).toBe("7");
    } finally {
      await r.close();
    }
  });
});
