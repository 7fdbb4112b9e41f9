import type { OutboxRow } from "../outbox/types";
import type { Collection } from "./types";

/** A queued row's place in its lane: due time, then age, then id. */
interface Entry {
  id: string;
  due: string;
  created: string;
}

const before = (a: Entry, b: Entry) =>
  a.due < b.due || (a.due === b.due && (a.created < b.created || (a.created === b.created && a.id < b.id)));

/** A binary min-heap of entries. */
class Heap {
  private readonly items: Entry[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): Entry | undefined {
    return this.items[0];
  }
  push(e: Entry): void {
    const a = this.items;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): Entry | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
  entries(): readonly Entry[] {
    return this.items;
  }
}

/**
 * What the outbox finds without scanning its collection: queued rows per channel in two lanes
 * (replies and notices ahead of broadcasts), queued rows per chat, rows per effect, rows in
 * flight. Entries are checked against the collection when read, so a row changed or deleted
 * elsewhere (hapusdata) is skipped, never sent: the index may hold stale entries, never miss one
 * the outbox wrote. Built once per collection by one scan.
 */
export class OutboxIndex {
  private readonly lanes = new Map<string, [Heap, Heap]>();
  private readonly chats = new Map<string, Set<string>>();
  private readonly effects = new Map<string, Set<string>>();
  private readonly inFlight = new Set<string>();

  constructor(private readonly rows: Collection<OutboxRow>) {
    for (const r of rows.all()) this.note(r);
  }

  /** Records a row as it now is (call after every put). */
  note(r: OutboxRow): void {
    this.setOf(this.effects, r.effect).add(r.id);
    if (r.status === "sending") this.inFlight.add(r.id);
    else this.inFlight.delete(r.id);
    if (r.status !== "queued") return;
    let lane = this.lanes.get(r.channel);
    if (!lane) {
      lane = [new Heap(), new Heap()];
      this.lanes.set(r.channel, lane);
    }
    lane[r.kind === "broadcast" ? 1 : 0].push({ id: r.id, due: r.nextAttempt, created: r.createdAt });
    this.setOf(this.chats, `${r.channel}:${r.chatId}`).add(r.id);
  }

  private setOf(map: Map<string, Set<string>>, key: string): Set<string> {
    let set = map.get(key);
    if (!set) {
      set = new Set();
      map.set(key, set);
    }
    return set;
  }

  private live(e: Entry): OutboxRow | undefined {
    const r = this.rows.get(e.id);
    return r && r.status === "queued" && r.nextAttempt === e.due ? r : undefined;
  }

  /** Up to `limit` queued rows of a channel due by `at`, replies first, oldest due first. */
  due(channel: string, at: string, limit: number): OutboxRow[] {
    const out: OutboxRow[] = [];
    const taken = new Set<string>();
    for (const heap of this.lanes.get(channel) ?? []) {
      while (out.length < limit && heap.size) {
        const top = heap.peek()!;
        const r = this.live(top);
        if (r && top.due > at) break;
        heap.pop();
        if (r && !taken.has(r.id)) {
          taken.add(r.id);
          out.push(r);
        }
      }
    }
    return out;
  }

  /** Queued rows of one chat due by `at`, in the order `due` would give them. */
  dueForChat(channel: string, chatId: string, at: string, limit: number): OutboxRow[] {
    const key = `${channel}:${chatId}`;
    const ids = this.chats.get(key);
    if (!ids) return [];
    const out: OutboxRow[] = [];
    for (const id of ids) {
      const r = this.rows.get(id);
      if (r?.status !== "queued") ids.delete(id);
      else if (r.nextAttempt <= at) out.push(r);
    }
    if (ids.size === 0) this.chats.delete(key);
    return out
      .sort(
        (a, b) =>
          Number(a.kind === "broadcast") - Number(b.kind === "broadcast") ||
          a.nextAttempt.localeCompare(b.nextAttempt) ||
          a.createdAt.localeCompare(b.createdAt),
      )
      .slice(0, limit);
  }

  /** Queued rows of a channel (due or not). */
  queued(channel: string): OutboxRow[] {
    const seen = new Map<string, OutboxRow>();
    for (const heap of this.lanes.get(channel) ?? []) {
      for (const e of heap.entries()) {
        const r = this.live(e);
        if (r) seen.set(r.id, r);
      }
    }
    return [...seen.values()];
  }

  /** Channels with at least one queued row. */
  channelsWaiting(): string[] {
    return [...this.lanes.keys()].filter((c) =>
      (this.lanes.get(c) ?? []).some((h) => h.entries().some((e) => this.live(e))),
    );
  }

  byEffect(effect: string): OutboxRow[] {
    const ids = this.effects.get(effect);
    if (!ids) return [];
    const out: OutboxRow[] = [];
    for (const id of ids) {
      const r = this.rows.get(id);
      if (r) out.push(r);
      else ids.delete(id);
    }
    if (ids.size === 0) this.effects.delete(effect);
    return out;
  }

  /** Rows marked sending. */
  sending(): OutboxRow[] {
    const out: OutboxRow[] = [];
    for (const id of this.inFlight) {
      const r = this.rows.get(id);
      if (r?.status === "sending") out.push(r);
      else this.inFlight.delete(id);
    }
    return out;
  }
}

const indexes = new WeakMap<Collection<OutboxRow>, OutboxIndex>();

/** The index of an outbox collection, shared by every repository over the same store. */
export function outboxIndex(rows: Collection<OutboxRow>): OutboxIndex {
  let index = indexes.get(rows);
  if (!index) {
    index = new OutboxIndex(rows);
    indexes.set(rows, index);
  }
  return index;
}
