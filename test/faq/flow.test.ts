import { describe, expect, it } from "vitest";
import type { UnansweredRecord } from "../../bot/faq/unanswered-log";
import type { VoteRecord } from "../../bot/faq/votes";
import { allText, choiceIds, makeBot } from "../helpers/make-bot";

describe("faq flow transcript", () => {
  it("menu → categories → topic → answer → more → vote", async () => {
    const b = makeBot();
    await b.say("a", "halo");
    const cats = await b.say("a", { choice: "menu:faq" });
    expect(cats.meta.flow).toBe("faq");
    expect(choiceIds(cats)).toEqual([
      "faq:cat:preparation",
      "faq:cat:costs",
      "faq:cat:destinations",
      "faq:cat:protection",
      "faq:cat:dangers",
    ]);
    const labels = cats.replies.flatMap((r) => r.choices?.map((c) => c.label) ?? []);
    expect(labels).toContain("Persiapan & dokumen");
    expect(labels).toContain("Bahaya & penipuan");

    // Typing the number of a choice works like picking it.
    const costs = await b.say("a", "2");
    expect(choiceIds(costs)).toContain("faq:topic:costs");

    const answer = await b.say("a", { choice: "faq:topic:costs" });
    expect(answer.meta.faq).toEqual({ id: "costs", score: 1 });
    const text = allText(answer);
    expect(text).toContain("Biaya penempatan");
    expect(text).toContain("Dasar: UU 18/2017");
    expect(text).toContain("dicek 12/2026");
    expect(text).toContain("Membantu? 👍 / 👎");
    expect(choiceIds(answer)).toEqual(
      expect.arrayContaining(["faq:up:costs", "faq:down:costs", "faq:more:costs", "faq:topic:brokers"]),
    );
    for (const r of answer.replies) expect(r.text.length).toBeLessThan(1200);

    const more = await b.say("a", { choice: "faq:more:costs" });
    expect(allText(more)).toContain("Peraturan BP2MI 9/2020");
    expect(more.meta.faq).toEqual({ id: "costs", score: 1 });

    const up = await b.say("a", { choice: "faq:up:costs" });
    expect(allText(up)).toContain("Terima kasih");
    expect(b.store.collection<VoteRecord>("faq-votes").get("costs")).toEqual({ id: "costs", up: 1, down: 0 });

    // A second vote on the same topic by the same person is not counted twice.
    await b.say("a", { choice: "faq:down:costs" });
    expect(b.store.collection<VoteRecord>("faq-votes").get("costs")).toEqual({ id: "costs", up: 1, down: 0 });

    // A related topic, then a down vote.
    await b.say("a", { choice: "faq:topic:brokers" });
    await b.say("a", { choice: "faq:down:brokers" });
    expect(b.store.collection<VoteRecord>("faq-votes").get("brokers")).toEqual({
      id: "brokers",
      up: 0,
      down: 1,
    });
  });

  it("answers a free question anywhere, with meta.faq", async () => {
    const b = makeBot();
    await b.say("q", "halo");
    const r = await b.say("q", "brp biaya jd pmi ke taiwan?");
    expect(r.meta.flow).toBe("faq");
    expect(r.meta.faq).toMatchObject({ id: "costs" });
    expect((r.meta.faq as { score: number }).score).toBeGreaterThan(0);
    // A follow-up question while the FAQ is active is answered too.
    const next = await b.say("q", "kalau paspor bikinnya dimana");
    expect(next.meta.faq).toMatchObject({ id: "passport" });
    // A typed "ya" answers "Membantu?".
    const yes = await b.say("q", "ya");
    expect(yes.meta.vote).toBe("up");
    expect(b.store.collection<VoteRecord>("faq-votes").get("passport")).toEqual({
      id: "passport",
      up: 1,
      down: 0,
    });
  });

  it("answers an English question in English even for an Indonesian user", async () => {
    const b = makeBot();
    await b.say("e", "halo");
    const r = await b.say("e", "How do I check that an agency is licensed?");
    expect(r.meta.faq).toMatchObject({ id: "licensed-recruiter" });
    expect(allText(r)).toContain("Check a recruiter");
    expect(allText(r)).toContain("Helpful? 👍 / 👎");
  });

  it("out of scope: says what it knows, offers close topics and the menu, logs the text without the user", async () => {
    const b = makeBot();
    await b.say("o", "halo");
    const r = await b.say("o", "resep rendang padang gimana?");
    expect(r.meta.faq).toBeNull();
    expect(allText(r)).toContain("hanya tahu soal kerja ke luar negeri");
    expect(choiceIds(r)).toContain("menu:faq");
    expect(choiceIds(r).some((id) => id.startsWith("faq:topic:"))).toBe(true);

    await b.say("o2", "resep rendang padang gimana?");
    const log = b.store.collection<UnansweredRecord>("faq-unanswered").all();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ text: "resep rendang padang gimana?", count: 2, lang: "id" });
    const stored = JSON.stringify(log);
    expect(stored).not.toContain("web:o");
    expect(Object.keys(log[0]!).sort()).toEqual(["count", "firstSeen", "id", "lang", "lastSeen", "text"]);
  });

  it("leaves company names and long pasted texts to other flows", async () => {
    const b = makeBot();
    await b.say("c", "halo");
    const company = await b.say("c", "PT Sukses Jaya Abadi");
    expect(company.meta.flow).not.toBe("faq");
    const long = `Dicari pekerja pabrik ke Malaysia, gaji 9 juta, mess gratis, berangkat cepat. ${"Hubungi admin. ".repeat(12)}`;
    const r = await b.say("c", long);
    expect(r.meta.flow).not.toBe("faq");
    const ad = await b.say(
      "c",
      "Lowongan admin di Kamboja gaji 15 juta, tiket gratis, minat hubungi admin di nomor ini ya",
    );
    expect(ad.meta.flow).not.toBe("faq");
    // The same worry asked as a question is the FAQ's.
    const asked = await b.say("c", "lowongan admin di kamboja gaji 15 juta itu asli?");
    expect(asked.meta.faq).toMatchObject({ id: "online-scam" });
    // Gibberish is not a question: the fallback answers.
    const g = await b.say("c", "qwertyuiop asdf");
    expect(g.meta.flow).not.toBe("faq");
  });
});
