import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../bot/config";

describe("configuration", () => {
  it("has working defaults with no environment at all", () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATA_DIR).toBe("./data");
    expect(c.RETENTION_DAYS).toBe(90);
    expect(c.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(c.OFFICER_TELEGRAM_IDS).toEqual([]);
  });

  it("stops on a wrong value and names the variable", () => {
    expect(() => loadConfig({ PORT: "http" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "http" })).toThrow(/PORT/);
    expect(() => loadConfig({ TELEGRAM_API_ROOT: "not a url" })).toThrow(/TELEGRAM_API_ROOT/);
    expect(() => loadConfig({ WHATSAPP_ENABLED: "yes please" })).toThrow(/WHATSAPP_ENABLED/);
    expect(() => loadConfig({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
  });

  it("parses lists and flags", () => {
    const c = loadConfig({ OFFICER_TELEGRAM_IDS: " 12, 34 ,", WHATSAPP_ENABLED: "1", PORT: "8080" });
    expect(c.OFFICER_TELEGRAM_IDS).toEqual(["12", "34"]);
    expect(c.WHATSAPP_ENABLED).toBe(true);
    expect(c.PORT).toBe(8080);
  });

  it("treats empty values as unset", () => {
    expect(loadConfig({ PORT: "", TELEGRAM_BOT_TOKEN: "" }).PORT).toBe(3000);
  });
});
