/** A console session, kept server-side; the signed cookie carries only its random id. */
export interface ConsoleSession {
  id: string;
  officer: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string;
}
