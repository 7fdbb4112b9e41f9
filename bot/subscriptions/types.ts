import type { Channel, Lang } from "../model";

/** Destinations a person may follow (ids; labels in content/locales/<lang>/subscribe.json). */
export const DESTINATIONS = [
  "hong-kong",
  "taiwan",
  "malaysia",
  "japan",
  "south-korea",
  "singapore",
  "germany",
  "other",
] as const;
export type Destination = (typeof DESTINATIONS)[number];

/** Work sectors a person may follow. */
export const SECTORS = [
  "care",
  "domestic",
  "manufacturing",
  "construction",
  "agriculture",
  "hospitality",
  "fishing",
  "nursing",
  "other",
] as const;
export type Sector = (typeof SECTORS)[number];

/** The place a subscriber gave: a region of the official list when matched, else as typed. */
export interface SubscriberRegion {
  /** Kemendagri code (e.g. `16.73`) when the official list matched it. */
  code?: string;
  name: string;
}

/** What a person subscribed to, with consent (UU PDP 27/2022): only what broadcasts need. */
export interface Subscription {
  region: SubscriberRegion;
  destinations: Destination[];
  sectors: Sector[];
  lang: Lang;
  /** When the person agreed (ISO); the same time is kept in `consent.subscriptions`. */
  since: string;
}

declare module "../store/types" {
  interface UserRecord {
    /** Present while the person is subscribed to training and job-safety information. */
    subscription?: Subscription;
  }
}

/** Who a broadcast is for; every field given must match. */
export interface Audience {
  /** A region code (a kabupaten/kota matches its kecamatan too) or a region name. */
  region?: string;
  destination?: Destination;
  sector?: Sector;
  language?: Lang;
  channel?: Channel;
}
