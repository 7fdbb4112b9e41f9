import type { ReportService } from "./report-service";

declare module "../services" {
  interface Services {
    reports: ReportService;
  }
}
