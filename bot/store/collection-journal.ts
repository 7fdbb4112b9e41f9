import { readFileSync } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { dirname } from "node:path";
import type { Low } from "lowdb";
import type { CollectionData } from "./low-collection";
import { DataFileError, type SecureJsonFile, syncDir } from "./secure-json-file";
import type { Doc } from "./types";

/** One change: the document as it now is, or its deletion. */
type Entry = { id: string; doc: Doc } | { id: string; del: true };

/** The journal is folded into the snapshot once it is this much larger than the snapshot (and ≥ 1 MB). */
const COMPACT_RATIO = 2;
const COMPACT_MIN_BYTES = 1 << 20;

/**
 * A collection kept as a snapshot (`<name>.json`, as other collections) plus an append-only
 * journal (`<name>.journal`, one JSON change a line), so a write costs the documents it changes,
 * not the whole collection: a claim of 100 outbox rows appends 100 lines and fsyncs once. When
 * the journal has grown past twice the snapshot it is folded in (the snapshot rewritten
 * durably, then the journal emptied); replaying a journal over a snapshot that already holds it
 * gives the same documents, so a crash between the two steps loses nothing. A torn last line
 * (a crash mid-append) is ignored; any other bad line stops start-up naming the file.
 */
export class CollectionJournal {
  private handle: FileHandle | undefined;
  private bytes = 0;
  private snapshotBytes = 0;

  constructor(
    readonly file: string,
    private readonly snapshot: SecureJsonFile<CollectionData<Doc>>,
  ) {}

  /** Applies the journal on disk to `docs` (at open). */
  replay(docs: Record<string, Doc>): void {
    try {
      this.snapshotBytes = readFileSync(this.snapshot.file).length;
    } catch {
      this.snapshotBytes = 0;
    }
    let text: string;
    try {
      text = readFileSync(this.file, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
      throw new DataFileError(this.file, (err as Error).message);
    }
    this.bytes = Buffer.byteLength(text);
    const lines = text.split("\n");
    const torn = lines.pop(); // "" after a complete last line; a torn append otherwise
    if (torn) this.bytes -= Buffer.byteLength(torn);
    lines.forEach((line, i) => {
      let e: Entry;
      try {
        e = JSON.parse(line) as Entry;
      } catch {
        throw new DataFileError(this.file, `line ${i + 1} is not valid JSON`);
      }
      if (typeof e?.id !== "string") throw new DataFileError(this.file, `line ${i + 1} has no id`);
      if ("del" in e) delete docs[e.id];
      else if (e.doc && typeof e.doc === "object" && e.doc.id === e.id) docs[e.id] = e.doc;
      else throw new DataFileError(this.file, `line ${i + 1} has no document`);
    });
  }

  /** True when the next write should fold the journal into the snapshot instead of appending. */
  due(): boolean {
    return this.bytes > Math.max(COMPACT_MIN_BYTES, COMPACT_RATIO * this.snapshotBytes);
  }

  /** Whether anything is in the journal. */
  get empty(): boolean {
    return this.bytes === 0;
  }

  private async open(): Promise<FileHandle> {
    if (!this.handle) {
      this.handle = await open(this.file, "a", 0o600);
      // Drop a torn last line, so the next append starts on a line of its own.
      if ((await this.handle.stat()).size !== this.bytes) await this.handle.truncate(this.bytes);
      await syncDir(dirname(this.file));
    }
    return this.handle;
  }

  /** Appends the current state of `ids` (deleted where gone); fsyncs when `durable`. */
  async append(ids: Iterable<string>, docs: Record<string, Doc>, durable: boolean): Promise<void> {
    let text = "";
    for (const id of ids) {
      const doc = Object.hasOwn(docs, id) ? docs[id] : undefined;
      text += `${JSON.stringify(doc ? { id, doc } : { id, del: true })}\n`;
    }
    if (!text) return;
    const h = await this.open();
    const buf = Buffer.from(text);
    // A failed or short write is truncated away, so the journal never holds half a line.
    try {
      let off = 0;
      while (off < buf.length) off += (await h.write(buf, off, buf.length - off)).bytesWritten;
      if (durable) await h.datasync();
    } catch (err) {
      await h.truncate(this.bytes).catch(() => {});
      throw err;
    }
    this.bytes += buf.length;
  }

  /** Rewrites the snapshot durably with every document, then empties the journal. */
  async compact(db: Low<CollectionData<Doc>>): Promise<void> {
    const durable = this.snapshot.durable;
    this.snapshot.durable = true;
    try {
      await db.write();
    } finally {
      this.snapshot.durable = durable;
    }
    this.snapshotBytes = this.snapshot.lastBytes;
    const h = await this.open();
    await h.truncate(0);
    await h.datasync();
    this.bytes = 0;
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
  }
}
