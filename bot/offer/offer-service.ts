import { join } from "node:path";
import { ContentError } from "../i18n";
import type { Lang } from "../model";
import type { Lexicon } from "../nlp/lexicon";
import { type Checker, createChecker, type Level, type Screening } from "./checker";
import { loadRedFlags } from "./load-rules";
import { pastedOfferScore } from "./offer-shape";
import { type Answer, loadQuestions, type Question, scoreAnswers } from "./questionnaire";
import type { FlagId, Rule } from "./schema";

/** The offer check as flows and the CLI use it (`services.offer`). */
export interface OfferService {
  rules: ReadonlyMap<FlagId, Rule>;
  questions: readonly Question[];
  /** Screens a pasted offer. */
  check(text: string): Screening;
  /** The same kind of result from questionnaire answers; evidence is the question answered. */
  fromAnswers(answers: Record<string, Answer>, lang: Lang): Screening & { unsure: Question[] };
  /** How much free text looks like a pasted job offer (0..1), for the router. */
  offerLikelihood(text: string): number;
}

/** Shortest text taken for a pasted offer by the router. */
const MIN_OFFER_CHARS = 80;
/** A question shorter than this is left to the FAQ, even with job words in it. */
const QUESTION_MAX_CHARS = 250;
const QUESTION =
  /\?\s*$|^(apa|apakah|bagaimana|gimana|gmn|gmana|berapa|brp|kapan|kenapa|mengapa|bisakah|bolehkah|how|what|when|why|can|could|should|is|are|do|does)\b|\b(tanya|bertanya|apakah|bagaimana|gimana|gmn)\b|\b(i want to|can i|should i|may i) ask\b/i;

/** Builds the service from content/redflags and content/questionnaire; bad content throws ContentError. */
export function createOfferService(contentDir: string, lexicon: Lexicon): OfferService {
  const content = loadRedFlags(join(contentDir, "redflags"));
  let checker: Checker;
  try {
    checker = createChecker(content.rules, content.vocabulary, lexicon);
  } catch (err) {
    throw new ContentError(content.rulesDir, (err as Error).message);
  }
  const questionsFile = join(contentDir, "questionnaire", "questions.yaml");
  const questions = loadQuestions(questionsFile);
  const rules = new Map(content.rules.map((r) => [r.id, r]));
  const levels = content.vocabulary.levels;
  const levelOf = (score: number): Level =>
    score >= levels.high ? "high" : score >= levels.medium ? "medium" : "low";

  return {
    rules,
    questions,
    check: (text) => checker.check(text),
    fromAnswers(answers, lang) {
      const { raised, unsure } = scoreAnswers(questions, answers);
      const flags = raised.map(({ question, flag }) => ({
        id: flag,
        evidence: question.text[lang],
        weight: rules.get(flag)!.weight,
        spans: [],
      }));
      flags.sort((a, b) => b.weight - a.weight);
      const score = flags.reduce((s, f) => s + f.weight, 0);
      return { level: levelOf(score), score, flags, unsure };
    },
    offerLikelihood(text) {
      const shaped = pastedOfferScore(text);
      if (shaped >= 0.8) return shaped;
      return Math.max(shaped, wordLikelihood(text));
    },
  };

  function wordLikelihood(text: string): number {
    if (text.length < MIN_OFFER_CHARS) return 0;
    if (text.length < QUESTION_MAX_CHARS && QUESTION.test(text.trim())) return 0.45;
    const ad = checker.adWordCount(text);
    const long = text.length >= 100;
    if (ad >= 3 && long) return 0.9;
    if (ad >= 2 && long) return 0.8;
    if (ad >= 2 || (ad >= 1 && long)) {
      return checker.check(text.slice(0, 4000)).flags.length > 0 ? 0.75 : 0.4;
    }
    return 0;
  }
}
