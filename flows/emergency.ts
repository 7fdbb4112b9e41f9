import type { Flow, FlowContext, FlowInput, FlowResult } from "../bot/flow";
import type { Outbound } from "../bot/model";
import { contactsReply } from "../bot/safety/contacts-text";
import { handoverFor } from "../bot/safety/handover";

/** After the contacts: offer to report to an officer, or go back to the menu. */
function offerReport(ctx: FlowContext): Outbound {
  return {
    text: `${ctx.t("safety:offerReport")}\n\n${ctx.t("safety:exitTip")}`,
    choices: [
      { id: "report:start", label: ctx.t("safety:reportButton") },
      // A `menu:` choice: the menu flow shows the main menu (and no greeting is appended).
      { id: "menu:home", label: ctx.t("safety:menuButton") },
    ],
  };
}

function answer(ctx: FlowContext, input: FlowInput): FlowResult {
  const { inbound, services } = ctx;
  // An officer's command that happens to quote danger words goes to the officer flow.
  if (input.text?.startsWith("/") && services.isOfficer(inbound.channel, inbound.chatId)) {
    return { replies: [], next: { flow: "officer", input: { text: input.text } } };
  }
  if (input.choice === "emergency:menu") return { replies: [], next: { flow: "menu" } };
  const contacts = contactsReply(services.safety.hotlines, ctx.lang, ctx.t);
  // Someone writing a report describes danger: answer with the contacts, then carry on with the report.
  if (input.text && ctx.session.flow === "report") {
    return {
      replies: [contacts],
      meta: { emergency: true },
      next: { flow: "report", input: { text: input.text, arg: "resume" } },
    };
  }
  // A question or a pasted advert also gets its answer; the report offer rides on the contacts.
  const handover = input.text ? handoverFor(input.text) : undefined;
  if (input.text && handover) {
    const withReport = {
      ...contacts,
      choices: [{ id: "report:start", label: ctx.t("safety:reportButton") }],
    };
    return {
      replies: [withReport],
      meta: { emergency: true, handover },
      next: { flow: handover, input: { text: input.text } },
    };
  }
  return { replies: [contacts, offerReport(ctx)], meta: { emergency: true } };
}

/**
 * Emergency help: the contacts from content/safety/hotlines.yaml, each with its source,
 * then an offer to report. The router starts it on danger words from any state.
 */
export const emergencyFlow: Flow = {
  id: "emergency",
  start: answer,
  step: (ctx, _state, input) => answer(ctx, input),
};
