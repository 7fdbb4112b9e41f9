import { createHash } from "node:crypto";

/** Telegram's limit on `callback_data`, in bytes. */
const CALLBACK_DATA_LIMIT = 64;
const TOKEN_PREFIX = "~";

/** Maps choice ids to `callback_data` and back; ids over 64 bytes travel as a short hash. */
export interface ChoiceCodec {
  encode(id: string): string;
  /** The choice id for `callback_data`; `known` are choices the person was offered last. */
  decode(data: string, known?: readonly { id: string }[]): string | undefined;
}

function token(id: string): string {
  return TOKEN_PREFIX + createHash("sha256").update(id).digest("base64url").slice(0, 24);
}

/** A codec remembering up to `capacity` long ids (oldest forgotten first). */
export function createChoiceCodec(capacity = 10_000): ChoiceCodec {
  const long = new Map<string, string>();
  return {
    encode(id) {
      if (Buffer.byteLength(id) <= CALLBACK_DATA_LIMIT && !id.startsWith(TOKEN_PREFIX)) return id;
      const t = token(id);
      long.delete(t);
      long.set(t, id);
      if (long.size > capacity) long.delete(long.keys().next().value as string);
      return t;
    },
    decode(data, known) {
      if (!data.startsWith(TOKEN_PREFIX)) return data;
      return long.get(data) ?? known?.find((c) => token(c.id) === data)?.id;
    },
  };
}
