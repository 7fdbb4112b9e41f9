/**
 * An error as it may be logged: grammY errors carry the call's payload (message text,
 * chat id), which must never reach the logs. Keeps name, message, code and method only.
 */
export function safeError(err: unknown): Record<string, unknown> {
  const inner = (err as { error?: unknown })?.error ?? err;
  const e = inner as {
    name?: unknown;
    message?: unknown;
    error_code?: unknown;
    method?: unknown;
    stack?: unknown;
  };
  const out: Record<string, unknown> = {
    name: typeof e?.name === "string" ? e.name : "Error",
    message: typeof e?.message === "string" ? e.message : String(inner),
  };
  if (typeof e?.error_code === "number") out.code = e.error_code;
  if (typeof e?.method === "string") out.method = e.method;
  else if (typeof e?.stack === "string") out.stack = e.stack;
  return out;
}
