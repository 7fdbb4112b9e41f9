import type { Logger } from "pino";
import { removeStaleLocks } from "./stale-locks";
import type { WebClient, WebClientFactory, WebMessage } from "./web-client";

export interface SupervisorOptions {
  factory: WebClientFactory;
  /** The LocalAuth folder: stale browser locks in it are removed before a start. */
  sessionDir: string;
  log: Logger;
  onMessage(client: WebClient, message: WebMessage): void;
  onQr?(qr: string): void;
  onCode?(code: string): void;
  onReady?(client: WebClient): void;
  /** `disconnected("LOGOUT")` or `auth_failure`: a new QR code or pairing code is needed. */
  onLoggedOut?(reason: string): void;
  /** No `qr`, `code` or `ready` within this time after a start: restart (default 3 minutes). */
  watchdogMs?: number;
  /** How often a ready client's `getState()` is checked (default 1 minute). */
  healthMs?: number;
  /** First restart delay; doubled after each failed start, with jitter, up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Restart the browser this long after it became ready (0 = never; default 24 h). */
  restartEveryMs?: number;
  /** Restart the browser when it uses more than this many MB (0 = never). */
  maxMemoryMb?: number;
  /** Longest wait for `destroy()` of a dead browser. */
  destroyTimeoutMs?: number;
}

export type SupervisorState = "starting" | "login" | "ready" | "restarting" | "stopped";

const timeout = <T>(p: Promise<T>, ms: number, what: string) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} timed out`)), ms);
    timer.unref?.();
    p.then(resolve, reject).finally(() => clearTimeout(timer));
  });

/**
 * Keeps one whatsapp-web.js client alive. A watchdog restarts it (with backoff) when no
 * `qr`/`ready` arrives in time or `getState()` is not CONNECTED; a disconnected client is
 * destroyed and a new one made; the browser is restarted periodically and above a memory
 * ceiling; LOGOUT and auth_failure are reported; `stop()` destroys the client.
 * Events from a client that was replaced are ignored.
 */
export function createSupervisor(options: SupervisorOptions) {
  const { log } = options;
  const watchdogMs = options.watchdogMs ?? 180_000;
  const healthMs = options.healthMs ?? 60_000;
  const backoffMs = options.backoffMs ?? 5_000;
  const maxBackoffMs = options.maxBackoffMs ?? 300_000;
  const restartEveryMs = options.restartEveryMs ?? 24 * 3600_000;
  const destroyTimeoutMs = options.destroyTimeoutMs ?? 15_000;
  let current: WebClient | undefined;
  let generation = 0;
  let state: SupervisorState = "stopped";
  let failures = 0;
  let restarts = 0;
  let cleanStop = true;
  const timers = new Set<NodeJS.Timeout>();
  let healthTimer: NodeJS.Timeout | undefined;

  function later(fn: () => void, ms: number): NodeJS.Timeout {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timer.unref?.();
    timers.add(timer);
    return timer;
  }

  function clearAll() {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    if (healthTimer) clearInterval(healthTimer);
    healthTimer = undefined;
  }

  function launch() {
    if (state === "stopped") return;
    const gen = ++generation;
    const live = () => gen === generation && state !== "stopped";
    if (cleanStop) {
      const removed = removeStaleLocks(options.sessionDir);
      if (removed) log.warn({ removed }, "whatsapp: removed stale browser lock files");
    }
    state = "starting";
    const client = options.factory();
    current = client;
    const watchdog = later(() => {
      if (live()) void restart(`no qr or ready within ${watchdogMs} ms`, false);
    }, watchdogMs);
    client.on("qr", (qr) => {
      if (!live()) return;
      clearTimeout(watchdog);
      state = "login";
      options.onQr?.(qr);
    });
    client.on("code", (code) => {
      if (!live()) return;
      clearTimeout(watchdog);
      state = "login";
      options.onCode?.(code);
    });
    client.on("ready", () => {
      if (!live()) return;
      clearTimeout(watchdog);
      state = "ready";
      failures = 0;
      log.info("whatsapp: ready");
      watchHealth(client, gen);
      if (restartEveryMs > 0)
        later(() => live() && void restart("periodic browser restart", true), restartEveryMs);
      options.onReady?.(client);
    });
    client.on("message", (message) => {
      if (live()) options.onMessage(client, message);
    });
    client.on("disconnected", (reason) => {
      if (!live()) return;
      log.warn({ reason }, "whatsapp: disconnected");
      if (reason === "LOGOUT") options.onLoggedOut?.(reason);
      void restart(`disconnected: ${reason}`, false);
    });
    client.on("auth_failure", () => {
      if (!live()) return;
      log.warn("whatsapp: authentication failed");
      options.onLoggedOut?.("auth_failure");
      void restart("auth_failure", false);
    });
    client.initialize().catch((err: unknown) => {
      if (!live()) return;
      log.warn({ err: (err as Error)?.message }, "whatsapp: initialize failed");
      void restart("initialize failed", false);
    });
  }

  function watchHealth(client: WebClient, gen: number) {
    if (healthTimer) clearInterval(healthTimer);
    healthTimer = setInterval(async () => {
      if (gen !== generation || state !== "ready") return;
      const memory = client.browserMemoryMb?.();
      if (options.maxMemoryMb && memory !== undefined && memory > options.maxMemoryMb) {
        void restart(`browser uses ${Math.round(memory)} MB`, true);
        return;
      }
      let s: string | null;
      try {
        s = await timeout(client.getState(), Math.max(healthMs, 1000), "getState");
      } catch (err) {
        s = `error: ${(err as Error).message}`;
      }
      if (gen === generation && state === "ready" && s !== "CONNECTED") {
        void restart(`state ${s}`, false);
      }
    }, healthMs);
    healthTimer.unref?.();
  }

  async function destroy(client: WebClient | undefined) {
    if (!client) return;
    client.removeAllListeners();
    try {
      await timeout(client.destroy(), destroyTimeoutMs, "destroy");
      cleanStop = true;
    } catch (err) {
      // A browser that did not close may still hold its profile: leave its lock files alone.
      cleanStop = false;
      log.warn({ err: (err as Error).message }, "whatsapp: destroy failed");
    }
  }

  async function restart(why: string, planned: boolean) {
    if (state === "stopped" || state === "restarting") return;
    generation++;
    state = "restarting";
    restarts++;
    clearAll();
    const old = current;
    current = undefined;
    const delay = planned
      ? 0
      : Math.min(maxBackoffMs, backoffMs * 2 ** failures) * (0.8 + Math.random() * 0.4);
    if (!planned) failures++;
    log.warn({ why, delayMs: Math.round(delay) }, "whatsapp: restarting the client");
    await destroy(old);
    if (state === "restarting") later(launch, delay);
  }

  return {
    start() {
      if (state !== "stopped") return;
      state = "starting";
      launch();
    },
    /** The client when it is ready to send, else undefined. */
    client: () => (state === "ready" ? current : undefined),
    state: () => state,
    restarts: () => restarts,
    /** Stops watching and destroys the client (SIGTERM). */
    async stop() {
      if (state === "stopped") return;
      state = "stopped";
      generation++;
      clearAll();
      const old = current;
      current = undefined;
      await destroy(old);
    },
  };
}

export type Supervisor = ReturnType<typeof createSupervisor>;
