/**
 * Runs tasks one at a time per chat (a person's messages are answered in order) and any
 * number of chats at once. `drain()` waits for everything accepted so far.
 */
export function createChatQueue(onError: (err: unknown) => void) {
  const tails = new Map<string, Promise<void>>();
  let running = 0;
  const idle: (() => void)[] = [];

  return {
    push(chat: string, task: () => Promise<void>): void {
      running++;
      const prev = tails.get(chat) ?? Promise.resolve();
      const next = prev
        .then(task)
        .catch(onError)
        .finally(() => {
          running--;
          if (tails.get(chat) === next) tails.delete(chat);
          if (running === 0) for (const done of idle.splice(0)) done();
        });
      tails.set(chat, next);
    },
    size: () => running,
    drain(timeoutMs = 10_000): Promise<void> {
      if (running === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        idle.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

export type ChatQueue = ReturnType<typeof createChatQueue>;
