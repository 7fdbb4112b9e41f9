import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { BroadcastError } from "../../bot/broadcasts/broadcast-service";
import "../../bot/broadcasts/types-service";
import type { OfficerAccount } from "../../bot/officers/accounts";
import { audit } from "../../bot/officers/audit";
import type { Services } from "../../bot/services";
import { interestMap, interestStats } from "../../bot/subscriptions/interest-map";
import { DESTINATIONS, SECTORS } from "../../bot/subscriptions/types";
import { clientIp } from "./client-ip";

export const audienceSchema = z
  .object({
    region: z.string().trim().min(1).max(80).optional(),
    destination: z.enum(DESTINATIONS).optional(),
    sector: z.enum(SECTORS).optional(),
    language: z.enum(["id", "en"]).optional(),
    channel: z.enum(["telegram", "whatsapp", "web"]).optional(),
  })
  .strict();

export const trainingSchema = z
  .object({
    title: z.string().trim().min(1).max(120),
    date: z.string().trim().max(60).optional(),
    place: z.string().trim().max(120).optional(),
    quota: z.number().int().positive().max(100_000).optional(),
    howToRegister: z.string().trim().max(300).optional(),
  })
  .strict();

const broadcastSchema = z
  .object({
    text: z.string().trim().min(1).max(3000),
    audience: audienceSchema.default({}),
    scheduleAt: z.iso.datetime({ offset: true }).optional(),
    training: trainingSchema.optional(),
  })
  .strict();

type Env = { Variables: { officer: OfficerAccount } };

/**
 * The officer JSON API (`/admin/api/*`), bearer tokens from `officer token NAME`. Without a
 * valid token every route answers 401 before anything is read or done.
 */
export function createAdminApi(services: Services): Hono<Env> {
  const api = new Hono<Env>();
  api.use("*", async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const officer = m ? await services.officers.checkToken(m[1]!) : undefined;
    if (!officer) return c.json({ error: "unauthorized" }, 401, { "www-authenticate": "Bearer" });
    c.set("officer", officer);
    await next();
  });

  api.post(
    "/broadcasts",
    bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.json({ error: "too large" }, 413) }),
    async (c) => {
      let raw: unknown;
      try {
        raw = await c.req.json();
      } catch {
        return c.json({ error: "body must be JSON" }, 400);
      }
      const parsed = broadcastSchema.safeParse(raw);
      if (!parsed.success) return c.json({ error: z.prettifyError(parsed.error) }, 400);
      const officer = c.get("officer").id;
      const { text, audience, scheduleAt, training } = parsed.data;
      try {
        const out = await services.broadcasts.create({
          text,
          audience,
          training,
          scheduleAt: scheduleAt ? new Date(scheduleAt) : undefined,
          by: officer,
        });
        await audit(services.repos.audit, {
          actor: officer,
          action: "broadcast-create",
          where: `api ${clientIp(c)}`,
          target: out.record.id,
          ok: true,
          at: services.clock(),
        });
        await services.repos.flush();
        return c.json({ id: out.record.id, recipients: out.recipients }, 201);
      } catch (err) {
        if (err instanceof BroadcastError)
          return c.json({ error: err.message }, err.code === "no-outbox" ? 503 : 400);
        throw err;
      }
    },
  );

  api.get("/broadcasts/:id", async (c) => {
    try {
      return c.json(await services.broadcasts.progress(c.req.param("id")));
    } catch (err) {
      if (err instanceof BroadcastError) return c.json({ error: err.message }, 404);
      throw err;
    }
  });

  api.post("/broadcasts/:id/cancel", async (c) => {
    const officer = c.get("officer").id;
    try {
      const b = await services.broadcasts.cancel(c.req.param("id"), officer);
      await audit(services.repos.audit, {
        actor: officer,
        action: "broadcast-cancel",
        where: `api ${clientIp(c)}`,
        target: b.id,
        ok: true,
        at: services.clock(),
      });
      await services.repos.flush();
      return c.json(await services.broadcasts.progress(b.id));
    } catch (err) {
      if (err instanceof BroadcastError)
        return c.json({ error: err.message }, err.code === "not-found" ? 404 : 409);
      throw err;
    }
  });

  api.get("/stats", async (c) => c.json(interestStats(await interestMap(services.repos.people))));

  return api;
}
