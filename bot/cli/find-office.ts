import { findOffice } from "../places/find-office";
import { regionLabel } from "../places/region-name";
import type { CliCommand } from "./cli-command";
import { runQuery } from "./cli-env";

/** `find-office [--json|--jsonl] "place"`: the offices for a place name (CONTRACTS.md). */
export const command: CliCommand = {
  summary: "find the offices and training centres for a place name (kabupaten/kota, kecamatan, desa)",
  run: (argv) =>
    runQuery(argv, {
      usage: 'find-office [--json|--jsonl] "place name, e.g. lubuk linggau or blk di musi rawas"',
      answer(env) {
        const places = env.bot.services.places;
        return (text) =>
          findOffice(places.matchPlace(text), text, places.directory().directory, (code) =>
            regionLabel(places.regions, code),
          );
      },
      render(_env, result) {
        const out: string[] = [];
        if (result.region) out.push(`region: ${result.region.code} ${result.region.name}`);
        else if (result.candidates.length > 0) {
          out.push("region: ambiguous, choose one:");
          for (const c of result.candidates) out.push(`  ${c.code} ${c.name}`);
        } else out.push("region: not found in the official list");
        for (const o of result.offices) {
          const where = o.address ?? "alamat belum terverifikasi (address not verified)";
          out.push(
            `${o.sample ? "[CONTOH/SAMPLE] " : ""}${o.type}: ${o.name} · ${where}${o.phone ? ` · ${o.phone}` : ""}`,
          );
        }
        return out.join("\n");
      },
    }),
};
