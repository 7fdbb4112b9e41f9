import type { Channel, Outbound } from "../../bot/model";
import type { Sender, SendOutcome } from "../../bot/sender";

/** A Sender that records what it was asked to send. */
export function fakeSender(channel: Channel, outcome: SendOutcome = { ok: true }) {
  const sent: { chatId: string; message: Outbound }[] = [];
  const sender: Sender = {
    channel,
    async send(chatId, message) {
      sent.push({ chatId, message });
      return outcome;
    },
  };
  return { sender, sent };
}
