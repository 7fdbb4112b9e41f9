import { foldWord } from "./nlp/normalize";

/** A command that works in every state and language; it starts `flow` with `arg`. */
export interface GlobalCommand {
  id: string;
  /** Whole-message words, any language, lower case, without the leading "/". */
  words: string[];
  flow: string;
  arg?: string;
  /** True when the command needs the sender to be an officer. */
  officerOnly?: boolean;
  /** Never slowed by a flood limit (the discreet exit, deleting one's data), nor the choices of its flow. */
  neverSlowed?: boolean;
}

/** The commands of the foundation; features append theirs in bot/wiring.ts. */
export const BASE_COMMANDS: GlobalCommand[] = [
  {
    id: "menu",
    words: ["menu", "start", "mulai", "menu utama", "main menu", "home", "kembali"],
    flow: "menu",
  },
  { id: "help", words: ["bantuan", "help", "petunjuk", "cara pakai"], flow: "help" },
  {
    id: "language",
    words: ["bahasa", "language", "lang", "ganti bahasa", "change language"],
    flow: "language",
  },
];

/** Folds a whole message for command matching: "/Start@MyBot payload" -> "start". */
export function commandKey(text: string): string {
  let s = text.trim();
  if (s.startsWith("/")) s = (s.slice(1).split(/\s/)[0] ?? "").split("@")[0] ?? "";
  return foldWord(s)
    .replace(/[^\p{L}\p{N} ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Finds the command a whole message names, if any. */
export function findCommand(commands: readonly GlobalCommand[], text: string): GlobalCommand | undefined {
  const key = commandKey(text);
  if (!key || key.length > 40) return undefined;
  return commands.find((c) => c.words.includes(key));
}
