import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../bot/paths";
import { CAPABILITIES } from "../../flows/capabilities";
import { makeBot } from "../helpers/make-bot";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** The entry points wire bot, flows and adapters together; they alone may import all three. */
const ENTRY_POINTS = new Set(["bot/main.ts", "bot/cli/main.ts", "bot/cli/cli-env.ts"]);

describe("import boundaries", () => {
  it("bot/ never imports flows/ or adapters/ (except the entry points)", () => {
    const bad: string[] = [];
    for (const file of files(join(PROJECT_ROOT, "bot"))) {
      const rel = relative(PROJECT_ROOT, file);
      if (ENTRY_POINTS.has(rel)) continue;
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/from\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g)) {
        const spec = m[1] ?? m[2] ?? "";
        if (/(^|\/)(flows|adapters)\//.test(spec)) bad.push(`${rel} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("the core hard-codes no flow id of a capability", () => {
    const core = readFileSync(join(PROJECT_ROOT, "bot", "core.ts"), "utf8");
    for (const c of CAPABILITIES) {
      for (const flow of c.flows?.({} as never) ?? []) {
        if (flow.id === "menu") continue; // the main menu is the core's own
        expect(core.includes(`"${flow.id}"`), `core.ts names "${flow.id}"`).toBe(false);
      }
    }
  });
});

describe("capability registration", () => {
  it("every command a channel advertises is understood by the core", async () => {
    const b = makeBot();
    expect(b.bot.channelCommands).toEqual(["menu", "bantuan", "bahasa", "datasaya", "hapusdata", "berhenti"]);
    for (const word of b.bot.channelCommands) {
      const r = await b.say("adv", `/${word}`);
      expect(r.meta.command, word).toBeDefined();
    }
  });

  it("a second capability claiming a flow id stops start-up naming it", () => {
    const twice = [
      ...CAPABILITIES,
      {
        id: "again",
        flows: () => [{ id: "faq", start: () => ({ replies: [] }), step: () => ({ replies: [] }) }],
      },
    ];
    expect(() => makeBot({ capabilities: twice })).toThrow(/flow "faq"/);
  });
});
