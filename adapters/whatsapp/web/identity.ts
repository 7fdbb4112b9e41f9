import type { Logger } from "pino";
import type { KeyValueRepository } from "../../../bot/store/repositories";

/**
 * `<id>` → the chat id the person is known under (their first one, or an officer's form).
 * `channel` and `chatId` name the person, so `hapusdata` erases their aliases too.
 */
interface AliasDoc {
  id: string;
  person: string;
  channel: "whatsapp";
  chatId: string;
}

export interface IdentityOptions {
  /** Where aliases are kept (scope `whatsapp-aliases`). */
  kv: KeyValueRepository;
  /** True once this chat id has written to the bot. */
  known: (chatId: string) => Promise<boolean>;
  log: Logger;
  /** OFFICER_WHATSAPP_IDS: an officer keeps the form they are configured under. */
  officers: readonly string[];
  /** The client's `getContactLidAndPhone`, when it has one. */
  lookup?: () => ((ids: string[]) => Promise<{ lid: string; pn: string }[]>) | undefined;
}

const isPersonId = (id: string) => id.endsWith("@c.us") || id.endsWith("@lid");

/**
 * One person under `…@c.us` and `…@lid`. Chat ids are stored exactly as received; the
 * first time a chat id is seen, its other form is looked up once (the lookup raises the
 * ban risk when called often) and the answer cached durably, so later messages under
 * either form reach the same person. Officers match under either form.
 */
export function createIdentity(options: IdentityOptions) {
  const SCOPE = "whatsapp-aliases";
  const aliases = {
    get: (id: string) => options.kv.get<AliasDoc>(SCOPE, id),
    put: (doc: AliasDoc) => options.kv.put(SCOPE, doc.id, doc),
  };
  const pending = new Map<string, Promise<string>>();
  const known = options.known;

  async function resolve(chatId: string): Promise<string> {
    const cached = await aliases.get(chatId);
    if (cached) return cached.person;
    if (!isPersonId(chatId)) return chatId;
    let other: string | undefined;
    const lookup = options.lookup?.();
    if (lookup) {
      try {
        const [pair] = await lookup([chatId]);
        other = chatId.endsWith("@lid") ? pair?.pn : pair?.lid;
      } catch (err) {
        options.log.warn(
          { err: (err as Error).message },
          "whatsapp lid lookup failed; using the id as received",
        );
        return chatId;
      }
    }
    const forms = [chatId, ...(other && other !== chatId ? [other] : [])];
    let person = forms.find((f) => options.officers.includes(f));
    person ??= (other ? await aliases.get(other) : undefined)?.person;
    if (!person && (await known(chatId))) person = chatId;
    for (const f of forms) if (!person && f !== chatId && (await known(f))) person = f;
    person ??= chatId;
    for (const f of forms) await aliases.put({ id: f, person, channel: "whatsapp", chatId: person });
    return person;
  }

  return {
    /** The chat id this person is known under; one lookup per new chat id. */
    person(chatId: string): Promise<string> {
      let p = pending.get(chatId);
      if (!p) {
        p = resolve(chatId).finally(() => pending.delete(chatId));
        pending.set(chatId, p);
      }
      return p;
    },
  };
}

export type Identity = ReturnType<typeof createIdentity>;
