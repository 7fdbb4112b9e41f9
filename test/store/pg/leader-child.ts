/* A process that holds `sender:telegram` leadership once it can, for test/store/pg/leader.test.ts. argv: DATABASE_URL */
import pg from "pg";
import { startLeadership } from "../../../bot/store/pg/pg-leader";

const pool = new pg.Pool({ connectionString: process.argv[2], max: 2 });
startLeadership(pool, "sender:telegram", {
  retryMs: 50,
  onChange: (leader) => process.stdout.write(`${leader ? "leader" : "follower"}\n`),
});
setInterval(() => {}, 60_000);
