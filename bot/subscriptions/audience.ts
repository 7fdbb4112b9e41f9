import type { UserRecord } from "../store/types";
import type { Audience } from "./types";

function regionMatches(want: string, region: { code?: string; name: string }): boolean {
  const w = want.trim().toLowerCase();
  if (!w) return true;
  if (region.code && (region.code === w || region.code.startsWith(`${w}.`))) return true;
  return region.name.toLowerCase() === w;
}

/** True when an active subscriber matches every field the audience gives. */
export function inAudience(user: UserRecord, audience: Audience): boolean {
  const s = user.subscription;
  if (!s || !user.consent.subscriptions || user.active === false) return false;
  if (audience.channel && user.channel !== audience.channel) return false;
  if (audience.language && s.lang !== audience.language) return false;
  if (audience.destination && !s.destinations.includes(audience.destination)) return false;
  if (audience.sector && !s.sectors.includes(audience.sector)) return false;
  if (audience.region && !regionMatches(audience.region, s.region)) return false;
  return true;
}
