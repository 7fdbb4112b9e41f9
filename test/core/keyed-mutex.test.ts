import { describe, expect, it } from "vitest";
import { KeyedMutex } from "../../bot/keyed-mutex";

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => {
    open = r;
  });
  return { open, opened };
}

describe("keyed mutex (one person at a time)", () => {
  it("runs work for one key one after the other, in arrival order", async () => {
    const m = new KeyedMutex();
    const order: string[] = [];
    const g = gate();
    const a = m.run("k", async () => {
      order.push("a start");
      await g.opened;
      order.push("a end");
    });
    const b = m.run("k", async () => {
      order.push("b");
    });
    await Promise.resolve();
    expect(order).toEqual(["a start"]);
    g.open();
    await Promise.all([a, b]);
    expect(order).toEqual(["a start", "a end", "b"]);
    expect(m.size).toBe(0);
  });

  it("lets other keys run while one key waits", async () => {
    const m = new KeyedMutex();
    const g = gate();
    const slow = m.run("a", () => g.opened.then(() => "a"));
    expect(await m.run("b", async () => "b")).toBe("b");
    g.open();
    expect(await slow).toBe("a");
  });

  it("a failing piece of work releases the key", async () => {
    const m = new KeyedMutex();
    await expect(m.run("k", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await m.run("k", async () => 1)).toBe(1);
    expect(m.size).toBe(0);
  });
});
