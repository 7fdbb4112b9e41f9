/**
 * Erasing a person from documents that are not theirs alone (a broadcast's recipients, a
 * list of chat ids): the one rule every store applies, so memory, lowdb and PostgreSQL
 * delete the same things. Replaces nested strings equal to the key; true when changed.
 */
export function scrub(value: unknown, key: string): { value: unknown; changed: boolean } {
  if (value === key) return { value: "[deleted]", changed: true };
  if (Array.isArray(value)) {
    let changed = false;
    const out = value
      .map((v) => scrub(v, key))
      .filter((r) => {
        changed ||= r.changed;
        return r.value !== "[deleted]";
      })
      .map((r) => r.value);
    return { value: out, changed };
  }
  if (value && typeof value === "object") {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = scrub(v, key);
      changed ||= r.changed;
      out[k] = r.value;
    }
    return { value: out, changed };
  }
  return { value, changed: false };
}
