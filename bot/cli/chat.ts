import { createInterface } from "node:readline";
import type { Outbound } from "../model";
import type { CliCommand } from "./cli-command";
import { eachJsonLine, openCli, parseArgs } from "./cli-env";

/** Renders a reply for a terminal: text, then choices as a numbered list. */
export function renderForTerminal(reply: Outbound): string {
  const lines = [reply.text.replace(/\*(\S[^*\n]*?)\*/g, "$1")];
  reply.choices?.forEach((c, i) => {
    lines.push(`  ${i + 1}. ${c.label}`);
  });
  return lines.join("\n");
}

/** `chat [--jsonl]`: the bot in the terminal (channel "console"). */
export const command: CliCommand = {
  summary: "chat with the bot in the terminal (--jsonl: scripted, one JSON object a line)",
  async run(argv) {
    const args = parseArgs(argv);
    const env = await openCli();
    const { core } = env.bot;
    try {
      if (args.flags.jsonl) {
        await eachJsonLine(async (obj) => {
          const chat =
            typeof obj.chat === "string" || typeof obj.chat === "number" ? String(obj.chat) : "cli";
          const result = await core.handle({
            channel: "console",
            chatId: chat,
            text: typeof obj.text === "string" ? obj.text : undefined,
            choice: typeof obj.choice === "string" ? obj.choice : undefined,
            location:
              obj.location && typeof obj.location === "object"
                ? (obj.location as { lat: number; lon: number })
                : undefined,
            at: new Date(),
          });
          return { chat, replies: result.replies, meta: result.meta };
        });
        return 0;
      }
      const chatId = `tty-${process.env.USER ?? "user"}`;
      const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: "> " });
      process.stdout.write("Migrasi Aman (ketik 'menu', 'bantuan', atau Ctrl+D untuk keluar)\n");
      const first = await core.handle({ channel: "console", chatId, text: "menu", at: new Date() });
      for (const r of first.replies) process.stdout.write(`${renderForTerminal(r)}\n\n`);
      rl.prompt();
      for await (const line of rl) {
        const result = await core.handle({ channel: "console", chatId, text: line, at: new Date() });
        for (const r of result.replies) process.stdout.write(`\n${renderForTerminal(r)}\n`);
        process.stdout.write("\n");
        rl.prompt();
      }
      return 0;
    } finally {
      await env.repos.close();
    }
  },
};
