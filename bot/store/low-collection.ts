import type { Low } from "lowdb";
import type { Collection, Doc } from "./types";

/** The shape of one collection file. */
export interface CollectionData<T> {
  docs: Record<string, T>;
}

/** A collection kept in one lowdb document; `onChange` marks it (and the document) for the next write. */
export class LowCollection<T extends Doc> implements Collection<T> {
  constructor(
    readonly db: Low<CollectionData<T>>,
    private readonly onChange: (id: string) => void,
  ) {}

  get(id: string): T | undefined {
    return Object.hasOwn(this.db.data.docs, id) ? this.db.data.docs[id] : undefined;
  }

  put(doc: T): void {
    this.db.data.docs[doc.id] = doc;
    this.onChange(doc.id);
  }

  delete(id: string): boolean {
    if (!Object.hasOwn(this.db.data.docs, id)) return false;
    delete this.db.data.docs[id];
    this.onChange(id);
    return true;
  }

  all(): T[] {
    return Object.values(this.db.data.docs);
  }

  find(predicate: (doc: T) => boolean): T[] {
    return this.all().filter(predicate);
  }

  size(): number {
    return Object.keys(this.db.data.docs).length;
  }
}
