import { type Programme, type ProgrammeInput, programmeSchema } from "../places/programme-types";
import { isRegionCode } from "../places/region-list";
import type { CliCommand } from "./cli-command";
import { openCli, parseArgs } from "./cli-env";

const VALUED = [
  "title",
  "provider",
  "start",
  "end",
  "place",
  "regions",
  "quota",
  "cost",
  "destinations",
  "sectors",
  "register",
  "source",
  "region",
];

const USAGE = `usage:
  programme add --title T --provider P --start YYYY-MM-DD [--end YYYY-MM-DD] --place "where"
                --regions "16.73,16.05" (codes or names) [--quota N] --cost free|"the official fee"
                [--destinations japan,korea] [--sectors caregiving,manufacturing]
                --register "how to register officially" --source "where this comes from" [--json]
  programme list [--region CODE] [--json]
  programme remove ID
The bot must be stopped while programmes change (one writer per data folder).
`;

const split = (v: string | true | undefined) =>
  typeof v === "string"
    ? v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

function line(p: Programme): string {
  const when = p.end ? `${p.start}–${p.end}` : p.start;
  return `${p.id}  ${when}  ${p.title} · ${p.provider} · ${p.place} · regions ${p.regions.join(",")} · ${p.cost}`;
}

/** `programme add|list|remove`: training programmes candidates see for their region and interests. */
export const command: CliCommand = {
  summary: "add, list or remove training programmes (shown to candidates of their regions)",
  async run(argv) {
    const [action, ...rest] = argv;
    const args = parseArgs(rest, VALUED);
    const json = args.flags.json === true;
    if (action !== "add" && action !== "list" && action !== "remove") {
      process.stderr.write(USAGE);
      return 2;
    }
    const env = await openCli({ readOnly: action === "list" });
    try {
      const places = env.bot.services.places;
      const repo = places.programmes;
      if (action === "list") {
        const region = typeof args.flags.region === "string" ? args.flags.region : undefined;
        const all = region
          ? await repo.upcoming({ region, today: new Date().toISOString().slice(0, 10) })
          : await repo.list();
        if (json) process.stdout.write(`${JSON.stringify({ programmes: all })}\n`);
        else process.stdout.write(all.length ? `${all.map(line).join("\n")}\n` : "no programmes\n");
        return 0;
      }
      if (action === "remove") {
        const id = args.rest[0];
        if (!id) {
          process.stderr.write(USAGE);
          return 2;
        }
        const removed = await repo.remove(id);
        if (json) process.stdout.write(`${JSON.stringify({ ok: removed, id })}\n`);
        else process.stdout.write(removed ? `removed ${id}\n` : `no programme ${id}\n`);
        return removed ? 0 : 1;
      }
      const regions: string[] = [];
      for (const part of split(args.flags.regions)) {
        if (isRegionCode(part) && places.regions.get(part)) regions.push(part);
        else {
          const m = places.matchPlace(part);
          if (m.status !== "one" || !m.region) {
            const why =
              m.status === "ambiguous"
                ? `is ambiguous (${m.candidates.map((c) => c.code).join(", ")})`
                : "is not in the official region list";
            process.stderr.write(`programme add: region "${part}" ${why}\n`);
            return 1;
          }
          regions.push(m.region.code);
        }
      }
      const f = args.flags;
      const str = (k: string) => (typeof f[k] === "string" ? (f[k] as string) : undefined);
      const input: ProgrammeInput = {
        title: str("title") ?? "",
        provider: str("provider") ?? "",
        start: str("start") ?? "",
        end: str("end"),
        place: str("place") ?? "",
        regions,
        quota: str("quota") === undefined ? undefined : Number(str("quota")),
        cost: str("cost") ?? "",
        destinations: split(f.destinations),
        sectors: split(f.sectors),
        register: str("register") ?? "",
        source: str("source") ?? "",
      };
      const checked = programmeSchema.safeParse({
        ...input,
        id: "p-check",
        createdAt: new Date().toISOString(),
      });
      if (!checked.success) {
        const problems = checked.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n");
        process.stderr.write(`programme add: ${problems}\n${USAGE}`);
        return 1;
      }
      if (input.end && input.end < input.start) {
        process.stderr.write("programme add: --end is before --start\n");
        return 1;
      }
      const added = await repo.add(input, new Date());
      process.stdout.write(
        json ? `${JSON.stringify({ ok: true, programme: added })}\n` : `added ${line(added)}\n`,
      );
      return 0;
    } finally {
      await env.repos.close();
    }
  },
};
