import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { OfficerRepository } from "../store/repositories";
import { hashPassword, verifyPassword } from "./password";

/** A console account. Passwords are argon2id hashes; API tokens are stored as SHA-256 only. */
export interface OfficerAccount {
  /** The account name (lower case). */
  id: string;
  passwordHash: string;
  disabled?: boolean;
  createdAt: string;
  /** API tokens: `ma_<tokenId>_<secret>`; only the secret's SHA-256 is kept. */
  tokens: { id: string; sha256: string; createdAt: string }[];
}

export const OFFICERS = "officers";

export class OfficerError extends Error {
  constructor(
    readonly code: "bad-name" | "exists" | "not-found" | "weak-password",
    message: string,
  ) {
    super(message);
  }
}

const NAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export function normalizeName(name: string): string {
  const n = name.trim().toLowerCase();
  if (!NAME.test(n))
    throw new OfficerError("bad-name", `officer name "${name}": 2-32 letters, digits, . _ -`);
  return n;
}

/** Console accounts and API tokens, in the `officers` collection. */
export function createOfficerAccounts(repo: OfficerRepository, clock: () => Date = () => new Date()) {
  const find = async (name: string) => {
    const a = await repo.get(normalizeName(name));
    if (!a) throw new OfficerError("not-found", `no officer "${name}"`);
    return a;
  };
  return {
    get: (name: string) => repo.get(name.trim().toLowerCase()),
    list: () => repo.list(),
    async add(name: string, password: string): Promise<OfficerAccount> {
      const id = normalizeName(name);
      if (await repo.get(id)) throw new OfficerError("exists", `officer "${id}" exists already`);
      if (password.length < 10)
        throw new OfficerError("weak-password", "a password needs at least 10 characters");
      const account: OfficerAccount = {
        id,
        passwordHash: await hashPassword(password),
        createdAt: clock().toISOString(),
        tokens: [],
      };
      await repo.put(account);
      return account;
    },
    /** A new bearer token (shown once); the account's other tokens stay valid. */
    async issueToken(name: string): Promise<string> {
      const a = await find(name);
      const tokenId = randomBytes(6).toString("hex");
      const secret = randomBytes(32).toString("base64url");
      await repo.put({
        ...a,
        tokens: [...a.tokens, { id: tokenId, sha256: sha256(secret), createdAt: clock().toISOString() }],
      });
      return `ma_${tokenId}_${secret}`;
    },
    /** Disables the account and drops its tokens. */
    async disable(name: string): Promise<OfficerAccount> {
      const a = await find(name);
      const next = { ...a, disabled: true, tokens: [] };
      await repo.put(next);
      return next;
    },
    /** The enabled account whose password this is. */
    async checkPassword(name: string, password: string): Promise<OfficerAccount | undefined> {
      const a = await repo.get(name.trim().toLowerCase());
      if (!a || a.disabled) return undefined;
      return (await verifyPassword(password, a.passwordHash)) ? a : undefined;
    },
    /** The enabled account a bearer token belongs to. */
    async checkToken(token: string): Promise<OfficerAccount | undefined> {
      const m = /^ma_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/.exec(token.trim());
      if (!m) return undefined;
      const digest = Buffer.from(sha256(m[2]!), "hex");
      for (const a of await repo.list()) {
        if (a.disabled) continue;
        const t = a.tokens.find((x) => x.id === m[1]);
        if (t && timingSafeEqual(Buffer.from(t.sha256, "hex"), digest)) return a;
      }
      return undefined;
    },
  };
}

export type OfficerAccounts = ReturnType<typeof createOfficerAccounts>;
