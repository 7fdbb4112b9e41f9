import type { Sender } from "../../bot/sender";

/** A Sender that can be stopped: refuses new sends, fails waiting ones, waits for those in flight. */
export interface StoppableSender extends Sender {
  stop(): Promise<void>;
  /** Sends waiting for their turn. */
  pending(): number;
}
