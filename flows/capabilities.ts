import type { Feature } from "../bot/feature";
import { baseCapability } from "./base-capability";
import { broadcastCapability } from "./broadcast-capability";
import { comingSoonCapability } from "./coming-soon-capability";
import { faqCapability } from "./faq-capability";
import { offerCapability } from "./offer-capability";
import { placesCapability } from "./places-capability";
import { registryCapability } from "./registry-capability";
import { safetyCapability } from "./safety-capability";
import { subscribeCapability } from "./subscribe-capability";

/**
 * Every capability of the bot, in order: the only list. Add yours here (one import, one entry);
 * the entry points (`npm start`, the CLI, benches, tests) pass this list to `createBot`.
 */
export const CAPABILITIES: readonly Feature[] = [
  baseCapability,
  safetyCapability,
  registryCapability,
  // Before the FAQ: "DAFTAR" right after a training announcement is a registration, not a question.
  broadcastCapability,
  faqCapability,
  offerCapability,
  placesCapability,
  subscribeCapability,
  comingSoonCapability,
];
