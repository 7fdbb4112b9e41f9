import { z } from "zod";

/** The body of `POST /api/chat` (CONTRACTS.md), plus an optional shared location. */
export const chatRequestSchema = z
  .object({
    chat: z
      .union([z.string(), z.number()])
      .transform(String)
      .pipe(z.string().regex(/^[\w.:-]{1,128}$/)),
    text: z.string().max(1_000_000).optional(),
    choice: z.string().max(200).optional(),
    /** The page's own id for this message, so a message sent again after a lost answer counts once. */
    id: z
      .string()
      .regex(/^[\w-]{1,64}$/)
      .optional(),
    /** The page showed the greeting itself: the person has started, as with Telegram's /start. */
    start: z.literal(true).optional(),
    location: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
  })
  .refine((b) => b.text !== undefined || b.choice !== undefined || b.location !== undefined, {
    message: "one of text, choice or location is required",
  });

export type ChatRequest = z.output<typeof chatRequestSchema>;
