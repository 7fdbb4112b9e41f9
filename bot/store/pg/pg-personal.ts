import { splitKey } from "../../model";
import { scrub } from "../personal-scrub";
import type { PersonalDataRepository } from "../repositories";
import type { Db } from "./db";

/** A document belongs to the person: keyed by them, naming their channel and chat id, or their key at its top level. */
const BELONGS = `(id = $1 or (doc->>'channel' = $2 and doc->>'chatId' = $3)
  or exists (select 1 from jsonb_each(doc) e where e.value = to_jsonb($1::text)))`;

/**
 * A person's documents outside `people` and `reports` on PostgreSQL, by the same rules as the
 * lowdb store: every scope of `docs` (by its collection name), and the outbox rows addressed to them.
 */
export function createPgPersonal(db: Db): PersonalDataRepository {
  return {
    async collect(key) {
      const { channel, chatId } = splitKey(key);
      const { rows } = await db.query<{ collection: string; count: number }>(
        `select scope as collection, count(*)::int as count from docs where ${BELONGS} group by scope
         union all
         select 'outbox', count(*)::int from outbox where channel = $2 and chat_id = $3 having count(*) > 0
         order by 1`,
        [key, channel, chatId],
      );
      return rows;
    },
    async erase(key) {
      const { channel, chatId } = splitKey(key);
      return db.transaction(async () => {
        const docs =
          (await db.query(`delete from docs where ${BELONGS}`, [key, channel, chatId])).rowCount ?? 0;
        const rows =
          (await db.query("delete from outbox where channel = $1 and chat_id = $2", [channel, chatId]))
            .rowCount ?? 0;
        // Shared documents that name the person inside (a list of recipients): the key is taken out.
        const named = await db.query<{ scope: string; id: string; doc: unknown }>(
          "select scope, id, doc from docs where strpos(doc::text, $1) > 0",
          [JSON.stringify(key)],
        );
        for (const d of named.rows) {
          const r = scrub(d.doc, key);
          if (r.changed) {
            await db.query("update docs set doc = $3 where scope = $1 and id = $2", [
              d.scope,
              d.id,
              JSON.stringify(r.value),
            ]);
          }
        }
        return docs + rows;
      });
    },
  };
}
