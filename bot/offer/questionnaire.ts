import { z } from "zod";
import { loadYaml } from "../load-yaml";
import { bilingual, FLAG_IDS, type FlagId } from "./schema";

/** One yes / no / unsure question, drawn from a red-flag rule. */
export const questionSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    flag: z.enum(FLAG_IDS),
    raiseOn: z.enum(["yes", "no"]),
    text: bilingual,
  })
  .strict();
export type Question = z.infer<typeof questionSchema>;

const fileSchema = z
  .object({ questions: z.array(questionSchema).min(10).max(15) })
  .strict()
  .refine((f) => new Set(f.questions.map((q) => q.id)).size === f.questions.length, {
    message: "question ids must be unique",
    path: ["questions"],
  });

/** An answer to one question. */
export type Answer = "yes" | "no" | "unsure";

/** Loads content/questionnaire/questions.yaml (10–15 questions); a bad file throws ContentError. */
export function loadQuestions(file: string): Question[] {
  return loadYaml(file, fileSchema).questions;
}

/** The flags the answers raise, and the questions answered "unsure" (checks still to make). */
export function scoreAnswers(
  questions: Question[],
  answers: Record<string, Answer>,
): { raised: { question: Question; flag: FlagId }[]; unsure: Question[] } {
  const raised: { question: Question; flag: FlagId }[] = [];
  const unsure: Question[] = [];
  for (const q of questions) {
    const a = answers[q.id];
    if (a === "unsure") unsure.push(q);
    else if (a && a === q.raiseOn && !raised.some((r) => r.flag === q.flag))
      raised.push({ question: q, flag: q.flag });
  }
  return { raised, unsure };
}
