import type { Services } from "../services";
import "./types-service";

/**
 * Fans out scheduled broadcasts when due and, at start-up, finishes a fan-out a crash
 * interrupted (the outbox's delivery ids keep it from adding anyone twice). Returns a stop function.
 */
export function startBroadcastScheduler(services: Services, intervalMs = 30_000): () => void {
  const run = () => {
    if (!(services as unknown as { outbox?: unknown }).outbox) return;
    services.broadcasts.tick().catch((err) => services.log.error({ err }, "broadcast scheduler failed"));
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
