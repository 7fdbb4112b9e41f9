import type { TFunction } from "i18next";
import type { Lookup } from "./lookup";
import type { RegistryInfo } from "./registry-info";
import type { VerifyResult } from "./types";

/** A licence's `valid_until` is past (the registry row still says licensed). */
export function isExpired(validUntil: string, now: Date): boolean {
  return validUntil !== "" && validUntil < now.toISOString().slice(0, 10);
}

/**
 * The `verify-recruiter` object (CONTRACTS.md), also `meta.recruiter`: status, the exact
 * match, the near candidates, and one line of advice (prefixed "data contoh" for the sample).
 */
export function toVerifyResult(found: Lookup, info: RegistryInfo, t: TFunction, now: Date): VerifyResult {
  const m = found.match;
  const adviceKey =
    found.otherForm === "lpk"
      ? "lpk"
      : found.status === "not-found" && found.person
        ? "person"
        : found.status;
  const prefix = info.sample ? t("recruiter:samplePrefix") : "";
  const result: VerifyResult = {
    status: found.status,
    match: m
      ? { name: m.name, license: m.license, status: m.status, checkedOn: m.checkedOn, source: m.source }
      : null,
    candidates: found.candidates.map((c) => ({ name: c.name, license: c.license, status: c.status })),
    advice: prefix + t(`recruiter:advice.${adviceKey}`),
    sample: info.sample,
    registry: { source: info.source, updatedAt: info.updatedAt },
  };
  if (found.person) result.person = true;
  if (m && isExpired(m.validUntil, now)) result.expired = true;
  return result;
}
