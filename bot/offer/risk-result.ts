import type { TFunction } from "i18next";
import type { Lang } from "../model";
import type { Level, Screening } from "./checker";
import type { FlagId, Rule } from "./schema";

/** The `check-offer` object of CONTRACTS.md, also `meta.risk` in the chat API. */
export interface RiskResult {
  level: Level;
  score: number;
  flags: { id: FlagId; evidence: string }[];
  advice: string;
}

/** Turns a screening into the contract object, with advice in the person's language. */
export function toRiskResult(
  s: Screening,
  rules: ReadonlyMap<FlagId, Rule>,
  lang: Lang,
  t: TFunction,
): RiskResult {
  const perFlag = s.flags.map((f) => rules.get(f.id)?.advice[lang]).filter((a): a is string => !!a);
  const advice = [t(`offer:advice.${s.level}`), ...perFlag].join(" ");
  return {
    level: s.level,
    score: s.score,
    flags: s.flags.map((f) => ({ id: f.id, evidence: f.evidence })),
    advice,
  };
}
