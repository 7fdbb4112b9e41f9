import { z } from "zod";
import { redactUrl } from "./store/pg/redact-url";

const flag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

const idList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

const optionalUrl = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.url().optional());

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined));

/** Every environment variable the bot reads. `.env.example` documents each one. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  MAX_TEXT_CHARS: z.coerce.number().int().min(100).max(100_000).default(4000),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  WEB_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  TRUST_PROXY: flag,
  OFFICE_NAME: optionalText,
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_API_ROOT: optionalUrl,
  TELEGRAM_WEBHOOK_URL: optionalUrl,
  TELEGRAM_WEBHOOK_SECRET: optionalText,
  WHATSAPP_ENABLED: flag,
  WHATSAPP_MODE: z.enum(["web", "cloud"]).default("web"),
  CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium"),
  WHATSAPP_CLOUD_TOKEN: optionalText,
  WHATSAPP_CLOUD_PHONE_ID: optionalText,
  WHATSAPP_CLOUD_APP_SECRET: optionalText,
  WHATSAPP_CLOUD_VERIFY_TOKEN: optionalText,
  WHATSAPP_CLOUD_API_ROOT: z.url().default("https://graph.facebook.com"),
  WHATSAPP_CLOUD_API_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, "expected a Graph API version such as v26.0")
    .default("v26.0"),
  WHATSAPP_CLOUD_RATE: z.coerce.number().min(1).max(1000).default(70),
  WHATSAPP_CLOUD_TEMPLATE_NAME: optionalText,
  WHATSAPP_CLOUD_TEMPLATE_LANG: z.string().min(2).default("id"),
  WHATSAPP_PAIRING_NUMBER: z
    .string()
    .regex(/^[1-9]\d{7,14}$/, "expected international digits without + (e.g. 6281234567890)")
    .optional(),
  WHATSAPP_WEB_SEND_INTERVAL_S: z.coerce.number().min(1).max(3600).default(8),
  WHATSAPP_WEB_DAILY_CAP: z.coerce.number().int().min(1).max(100_000).default(200),
  WHATSAPP_WEB_RESTART_HOURS: z.coerce.number().min(0).max(720).default(24),
  WHATSAPP_WEB_MAX_MEMORY_MB: z.coerce.number().int().min(0).max(65_536).default(1500),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "expected postgres://user:password@host:port/database")
      .optional(),
  ),
  OFFICER_TELEGRAM_IDS: idList,
  OFFICER_WHATSAPP_IDS: idList,
});

export type Config = z.output<typeof configSchema>;

/** Raised for a wrong environment value; the message names each variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** A value as an error message may show it: never a password. */
function shown(key: string, value: string): string {
  return key === "DATABASE_URL" ? redactUrl(value) : value;
}

/** Validates the environment; empty strings count as unset. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const clean: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v.trim() !== "") clean[key] = v.trim();
  }
  const parsed = configSchema.safeParse(clean);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (i) =>
          `${i.path.join(".")}=${JSON.stringify(shown(String(i.path[0]), clean[String(i.path[0])] ?? ""))}: ${i.message}`,
      ),
    );
  }
  return parsed.data;
}
