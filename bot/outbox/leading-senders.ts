import type { Channel } from "../model";
import type { Sender } from "../sender";

/**
 * The senders the dispatcher may use: only channels this process sends for (with several
 * processes on one database, the elected leader of each channel; see bot/store/pg/pg-leader.ts).
 * A live view: a channel becomes usable the moment this process is elected.
 */
export function leadingSenders(
  senders: ReadonlyMap<Channel, Sender>,
  sends: (channel: Channel) => boolean,
): ReadonlyMap<Channel, Sender> {
  const current = () => new Map([...senders].filter(([channel]) => sends(channel)));
  return {
    get: (channel) => (sends(channel) ? senders.get(channel) : undefined),
    has: (channel) => senders.has(channel) && sends(channel),
    get size() {
      return current().size;
    },
    forEach: (fn, self) => current().forEach(fn, self),
    entries: () => current().entries(),
    keys: () => current().keys(),
    values: () => current().values(),
    [Symbol.iterator]: () => current()[Symbol.iterator](),
  };
}
