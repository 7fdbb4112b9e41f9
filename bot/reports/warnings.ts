import { foldWord } from "../nlp/normalize";
import { accountKeys, companyKey, phoneKeys } from "./extract";
import type { ReportRecord } from "./types";

/** Words that may follow a company name in a sentence without being part of it. */
const AFTER =
  "di|dan|yang|nomor|no|hp|wa|untuk|ke|dari|with|at|in|is|of|itu|ini|resmi|apakah|apa|butuh|buka|membuka";

function folded(text: string): string {
  return foldWord(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Public warnings from officer-verified reports only: for a text (a company name, a
 * phone number, an account, or a pasted offer), the names and numbers verified reports
 * mention, with how many verified reports name each. Unverified reports never count.
 */
export function createWarnings(verified: () => Promise<ReportRecord[]>) {
  return {
    async verifiedReports(text: string): Promise<{ term: string; count: number }[]> {
      if (!text.trim()) return [];
      const plain = folded(text);
      const bare = companyKey(text);
      const phones = new Set(phoneKeys(text));
      const accounts = new Set(accountKeys(text));
      const counts = new Map<string, { term: string; reports: Set<string> }>();
      const hit = (key: string, term: string, report: string) => {
        if (!counts.has(key)) counts.set(key, { term, reports: new Set() });
        counts.get(key)?.reports.add(report);
      };
      for (const r of await verified()) {
        for (const c of r.who.companies) {
          const key = companyKey(c);
          if (!key) continue;
          const inText = new RegExp(
            `(^| )(pt |cv |ud |yayasan |lpk )${escapeRegExp(key)}( (${AFTER})\\b|$)`,
            "u",
          ).test(plain);
          if (bare === key || inText) hit(`co:${key}`, c, r.id);
        }
        for (const p of r.who.phones) if (phones.has(p)) hit(`ph:${p}`, p, r.id);
        for (const a of r.who.accounts) {
          if (accounts.has(a) || plain === a || folded(text) === a) hit(`ac:${a}`, `@${a}`, r.id);
        }
      }
      return [...counts.values()].map((c) => ({ term: c.term, count: c.reports.size }));
    },
  };
}
