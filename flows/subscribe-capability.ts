import type { Feature } from "../bot/feature";
import "../bot/subscriptions/types";
import { subscribeFlow } from "./subscribe";

/**
 * Subscriptions: "Info pelatihan" in the menu, `daftar info` / `langganan` to start,
 * `berhenti` / `stop` / `/berhenti` in every state on every channel to end it.
 * The subscription lives on the person's record, so `datasaya` shows it and `hapusdata` erases it.
 */
export const subscribeCapability: Feature = {
  id: "subscriptions",
  flows: () => [subscribeFlow],
  commands: [
    {
      id: "subscribe",
      words: ["daftar info", "langganan", "berlangganan", "info pelatihan", "subscribe", "training info"],
      flow: "subscribe",
      arg: "start",
    },
    {
      id: "unsubscribe",
      words: ["berhenti", "stop", "berhenti langganan", "unsubscribe", "stop langganan"],
      flow: "subscribe",
      arg: "stop",
    },
  ],
  menu: [{ id: "subscribe", order: 50 }],
  channelCommands: ["berhenti"],
};
