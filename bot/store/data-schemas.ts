import { z } from "zod";
import { DataFileError } from "./secure-json-file";

/** store.json: the layout version and the shard count the directory was made with. */
export const metaSchema = z.object({ version: z.literal(1), shards: z.number().int().positive().max(4096) });

const userSchema = z.looseObject({
  key: z.string(),
  channel: z.string(),
  chatId: z.string(),
  profile: z.looseObject({}),
  consent: z.looseObject({}),
  createdAt: z.string(),
  lastSeenAt: z.string(),
});

const sessionSchema = z.looseObject({ updatedAt: z.string() });

/** users/shard-NNN.json: users and their sessions by key. */
export const shardSchema = z.object({
  users: z.record(z.string(), userSchema),
  sessions: z.record(z.string(), sessionSchema),
});

/** collections/<name>.json: documents by id, each carrying its own id. */
export const collectionSchema = z.object({
  docs: z.record(z.string(), z.looseObject({ id: z.string() })),
});

/** Checks a data file's content; a wrong shape stops start-up naming the file and the field. */
export function checkData<T>(file: string, schema: z.ZodType<T>, data: unknown): T {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path.length ? issue.path.join(".") : "(whole file)";
  throw new DataFileError(file, `unexpected structure at ${field}: ${issue?.message ?? "invalid"}`);
}
