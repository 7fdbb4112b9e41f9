import { Hono } from "hono";
import type { Bot } from "../../bot/wiring";
import { createAdminApi } from "./api";
import { createConsole } from "./console";

/** `/admin`: the officer JSON API (bearer tokens) and the console (sessions). */
export function createAdminApp(bot: Bot): Hono {
  const app = new Hono();
  app.route("/api", createAdminApi(bot.services));
  app.route("/", createConsole(bot.services, bot.i18n));
  return app;
}
