import type { HandleResult } from "./model";

/** A small map that forgets its oldest entry beyond `max` (insertion order, refreshed on set). */
class Bounded<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
}

/**
 * Danger messages are always answered, also in a flood, but a repeat costs nothing: the
 * answer last given to this chat, or the answer a brand-new chat got for the same words
 * (it depends on nothing stored), is given again with no flow run and no write.
 */
export class RepeatAnswers {
  private readonly byChat: Bounded<HandleResult>;
  private readonly byText: Bounded<HandleResult>;

  constructor(max = 2000) {
    this.byChat = new Bounded(max);
    this.byText = new Bounded(Math.ceil(max / 4));
  }

  private static textKey(lang: string, text: string): string {
    return `${lang}\u0000${text.toLowerCase()}`;
  }

  remember(chat: string, lang: string, text: string, result: HandleResult, fresh: boolean): void {
    this.byChat.set(chat, result);
    if (fresh) this.byText.set(RepeatAnswers.textKey(lang, text), result);
  }

  recall(chat: string, lang: string, text: string): HandleResult | undefined {
    const hit = this.byChat.get(chat) ?? this.byText.get(RepeatAnswers.textKey(lang, text));
    return hit && { replies: hit.replies, meta: { ...hit.meta, limited: true, repeated: true } };
  }
}
