import { Hono } from "hono";
import type { Bot } from "../../bot/wiring";
import { createAdminApi } from "./api";

/** `/admin`: the officer JSON API (bearer tokens) and the console (sessions). */
export function createAdminApp(bot: Bot): Hono {
  const app = new Hono();
  app.route("/api", createAdminApi(bot.services));
  return app;
}
