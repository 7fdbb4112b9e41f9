import type { Services } from "../services";
import type { SessionRecord, UserRecord } from "../store/types";

/** What is stored about one person. */
export interface PersonalData {
  user?: UserRecord;
  session?: SessionRecord;
  /** References of reports linked to this chat. */
  reports: string[];
  /** Other documents about the person, counted per collection. */
  other: { collection: string; count: number }[];
}

/** Privacy: show and erase what is stored about a person. */
export interface PrivacyService {
  /** Collections or tables capabilities declare as personal (`Feature.personalData`). */
  personalCollections: Set<string>;
  collect(userKey: string): Promise<PersonalData>;
  /** Deletes everything about the person (reports are kept, unlinked) and flushes. */
  erase(userKey: string): Promise<{ documents: number; reportsUnlinked: number }>;
}

declare module "../services" {
  interface Services {
    privacy: PrivacyService;
  }
}

/** Builds the privacy service on the repositories (each store finds a person's documents its own way). */
export function createPrivacyService(services: Services): PrivacyService {
  const { repos } = services;
  return {
    personalCollections: new Set(),

    async collect(key) {
      const { user, session } = await repos.people.load(key);
      return {
        user,
        session,
        reports: (await services.reports?.linkedTo(key))?.map((r) => r.id) ?? [],
        other: await repos.personal.collect(key),
      };
    },

    async erase(key) {
      const documents = await repos.personal.erase(key);
      const reportsUnlinked = (await services.reports?.unlink(key)) ?? 0;
      await repos.people.delete(key);
      await repos.flush();
      services.log.info({ documents, reportsUnlinked }, "personal data erased");
      return { documents, reportsUnlinked };
    },
  };
}
