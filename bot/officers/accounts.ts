import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Doc, Store } from "../store/types";
import { hashPassword, verifyPassword } from "./password";

/** A console account. Passwords are argon2id hashes; API tokens are stored as SHA-256 only. */
export interface OfficerAccount extends Doc {
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
export function createOfficerAccounts(store: Store, clock: () => Date = () => new Date()) {
  const col = () => store.collection<OfficerAccount>(OFFICERS);
  const find = (name: string) => {
    const a = col().get(normalizeName(name));
    if (!a) throw new OfficerError("not-found", `no officer "${name}"`);
    return a;
  };
  return {
    get: (name: string) => col().get(name.trim().toLowerCase()),
    list: () => col().all(),
    async add(name: string, password: string): Promise<OfficerAccount> {
      const id = normalizeName(name);
      if (col().get(id)) throw new OfficerError("exists", `officer "${id}" exists already`);
      if (password.length < 10)
        throw new OfficerError("weak-password", "a password needs at least 10 characters");
      const account: OfficerAccount = {
        id,
        passwordHash: await hashPassword(password),
        createdAt: clock().toISOString(),
        tokens: [],
      };
      col().put(account);
      return account;
    },
    /** A new bearer token (shown once); the account's other tokens stay valid. */
    issueToken(name: string): string {
      const a = find(name);
      const tokenId = randomBytes(6).toString("hex");
      const secret = randomBytes(32).toString("base64url");
      col().put({
        ...a,
        tokens: [...a.tokens, { id: tokenId, sha256: sha256(secret), createdAt: clock().toISOString() }],
      });
      return `ma_${tokenId}_${secret}`;
    },
    /** Disables the account and drops its tokens. */
    disable(name: string): OfficerAccount {
      const a = find(name);
      const next = { ...a, disabled: true, tokens: [] };
      col().put(next);
      return next;
    },
    /** The enabled account whose password this is. */
    async checkPassword(name: string, password: string): Promise<OfficerAccount | undefined> {
      const a = col().get(name.trim().toLowerCase());
      if (!a || a.disabled) return undefined;
      return (await verifyPassword(password, a.passwordHash)) ? a : undefined;
    },
    /** The enabled account a bearer token belongs to. */
    checkToken(token: string): OfficerAccount | undefined {
      const m = /^ma_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/.exec(token.trim());
      if (!m) return undefined;
      const digest = Buffer.from(sha256(m[2]!), "hex");
      for (const a of col().all()) {
        if (a.disabled) continue;
        const t = a.tokens.find((x) => x.id === m[1]);
        if (t && timingSafeEqual(Buffer.from(t.sha256, "hex"), digest)) return a;
      }
      return undefined;
    },
  };
}

export type OfficerAccounts = ReturnType<typeof createOfficerAccounts>;
