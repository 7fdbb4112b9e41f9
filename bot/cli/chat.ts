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

/** One turn of the chat: the local core, or a running bot's `POST /api/chat`. */
type Turn = (input: {
  chat: string;
  text?: string;
  choice?: string;
  location?: { lat: number; lon: number };
}) => Promise<{ replies: Outbound[]; meta: unknown }>;

/** A running bot's local API (`--url http://localhost:3000`): no data folder is opened here. */
function remoteTurn(url: string): Turn {
  const endpoint = new URL("/api/chat", url).toString();
  return async (input) => {
    const res = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { replies?: Outbound[]; meta?: unknown; error?: string };
    if (!res.ok) throw new Error(`${endpoint} answered ${res.status}: ${body.error ?? ""}`);
    return { replies: body.replies ?? [], meta: body.meta ?? {} };
  };
}

/**
 * `chat [--jsonl] [--url URL]`: the bot in the terminal (channel "console"). With `--url` it talks
 * to a running bot through its local web API instead (channel "web"), so it works beside `npm start`.
 */
export const command: CliCommand = {
  summary:
    "chat with the bot in the terminal (--jsonl: scripted, one JSON object a line; --url: through a running bot)",
  async run(argv) {
    const args = parseArgs(argv, ["url"]);
    const url = typeof args.flags.url === "string" ? args.flags.url : undefined;
    const env = url ? undefined : await openCli();
    const turn: Turn = env
      ? async (input) => {
          const { chat, ...rest } = input;
          const r = await env.bot.core.handle({ channel: "console", chatId: chat, ...rest, at: new Date() });
          return { replies: r.replies, meta: r.meta };
        }
      : remoteTurn(url!);
    try {
      if (args.flags.jsonl) {
        await eachJsonLine(async (obj) => {
          const chat =
            typeof obj.chat === "string" || typeof obj.chat === "number" ? String(obj.chat) : "cli";
          const result = await turn({
            chat,
            text: typeof obj.text === "string" ? obj.text : undefined,
            choice: typeof obj.choice === "string" ? obj.choice : undefined,
            location:
              obj.location && typeof obj.location === "object"
                ? (obj.location as { lat: number; lon: number })
                : undefined,
          });
          return { chat, replies: result.replies, meta: result.meta };
        });
        return 0;
      }
      const chat = `tty-${process.env.USER ?? "user"}`;
      const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: "> " });
      process.stdout.write("Migrasi Aman (ketik 'menu', 'bantuan', atau Ctrl+D untuk keluar)\n");
      const first = await turn({ chat, text: "menu" });
      for (const r of first.replies) process.stdout.write(`${renderForTerminal(r)}\n\n`);
      rl.prompt();
      for await (const line of rl) {
        const result = await turn({ chat, text: line });
        for (const r of result.replies) process.stdout.write(`\n${renderForTerminal(r)}\n`);
        process.stdout.write("\n");
        rl.prompt();
      }
      return 0;
    } finally {
      await env?.repos.close();
    }
  },
};
