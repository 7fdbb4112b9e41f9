import { join } from "node:path";
import type { Feature } from "../bot/feature";
import type { GlobalCommand } from "../bot/global-commands";
import { createI18n } from "../bot/i18n";
import { createPrivacyService } from "../bot/privacy/personal-data";
import { createReportService } from "../bot/reports/report-service";
import "../bot/reports/types-service";
import { loadAbroad } from "../bot/safety/abroad";
import { loadDangerDetector } from "../bot/safety/danger";
import { loadHotlines } from "../bot/safety/hotlines";
import "../bot/safety/types";
import { createWhereReader } from "../bot/safety/where";
import { emergencyFlow } from "./emergency";
import { exitFlow } from "./exit";
import { OFFICER_WORDS, officerFlow } from "./officer";
import { privacyFlow } from "./privacy";
import { reportFlow } from "./report";

/** Global command words of the safety feature (whole messages, both languages). */
export const SAFETY_COMMANDS: GlobalCommand[] = [
  { id: "exit", words: ["keluar", "exit", "quit"], flow: "exit", neverSlowed: true },
  {
    id: "emergency",
    words: ["darurat", "bantuan darurat", "nomor darurat", "emergency", "emergency help", "sos"],
    flow: "emergency",
  },
  {
    id: "report",
    words: ["laporkan", "lapor", "report", "pengaduan", "buat laporan", "make a report", "lapor petugas"],
    flow: "report",
    arg: "new",
  },
  {
    id: "report-status",
    words: ["status laporan", "cek laporan", "cek status laporan", "report status", "check report"],
    flow: "report",
    arg: "status",
  },
  { id: "mydata", words: ["datasaya", "data saya", "mydata", "my data"], flow: "privacy", arg: "show" },
  {
    id: "deletemydata",
    words: ["hapusdata", "hapus data", "hapus data saya", "deletemydata", "delete my data", "delete data"],
    flow: "privacy",
    arg: "delete",
    neverSlowed: true,
  },
  ...Object.entries(OFFICER_WORDS).map(([action, words]) => ({
    id: `officer-${action}`,
    words,
    flow: "officer",
    officerOnly: true,
  })),
];

/**
 * Safety: danger detection (router step 1) and emergency contacts, the discreet exit,
 * reports to officers with officer commands, and privacy (show / delete my data).
 */
export const safetyCapability: Feature = {
  id: "safety",
  setup(services, contentDir) {
    const dir = join(contentDir, "safety");
    const abroad = loadAbroad(join(dir, "hotlines-abroad.yaml"));
    services.safety = {
      hotlines: loadHotlines(join(dir, "hotlines.yaml")),
      countries: abroad.countries,
      where: createWhereReader(abroad),
      danger: loadDangerDetector(join(dir, "danger-patterns.yaml"), services.lexicon),
    };
    services.reports = createReportService(services, createI18n(join(contentDir, "locales")));
    services.privacy = createPrivacyService(services);
  },
  flows: () => [emergencyFlow, exitFlow, reportFlow, privacyFlow, officerFlow],
  commands: SAFETY_COMMANDS,
  menu: [{ id: "emergency", order: 60 }],
  roles: { danger: "emergency" },
  cli: { reports: () => import("../bot/cli/reports") },
  channelCommands: ["datasaya", "hapusdata"],
  detectDanger: (services) => (text) => services.safety.danger.isDanger(text),
};
