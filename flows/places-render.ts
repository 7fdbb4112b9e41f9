import type { FlowContext } from "../bot/flow";
import type { NearOffice, RegionOffices } from "../bot/places/directory";
import type { Office } from "../bot/places/office-types";
import type { Programme } from "../bot/places/programme-types";
import { regionLabel } from "../bot/places/region-name";

const MAX_LOCAL = 4;
const MAX_ELSEWHERE = 3;

function shortDate(iso: string, lang: string): string {
  const [y, m, d] = iso.split("-");
  return lang === "id" ? `${d}/${m}/${y}` : iso;
}

/** One office: name, what to do there, where (or that the address is unverified), contact, source. */
export function renderOffice(ctx: FlowContext, o: Office, distanceKm?: number): string {
  const { t, lang } = ctx;
  const lines = [`*${o.name}*${o.sample ? ` ${t("places:sampleTag")}` : ""}`];
  const extra = o.services.length > 0 ? ` (${o.services.join("; ")})` : "";
  lines.push(`${t(`places:does.${o.type}`)}${extra}`);
  if (distanceKm !== undefined) lines.push(t("places:distance", { km: distanceKm.toFixed(1) }));
  if (o.address) lines.push(t("places:address", { address: o.address }));
  else if (o.type !== "ministry") {
    const how =
      (lang === "en" ? o.howToFind?.en : undefined) ??
      o.howToFind?.id ??
      t("places:searchHint", { name: o.name });
    lines.push(`${t("places:unverified")} ${how}`);
  }
  if (o.phone) lines.push(`📞 ${o.phone}`);
  if (o.hours) lines.push(t("places:hours", { hours: o.hours }));
  lines.push(t("places:source", { source: o.source, date: shortDate(o.checked, lang) }));
  return lines.join("\n");
}

/** The answer for a region: its offices, or honestly none, then the national contact. */
export function renderRegionOffices(ctx: FlowContext, found: RegionOffices, asked: string[]): string {
  const { t } = ctx;
  const regions = ctx.services.places.regions;
  const label = regionLabel(regions, found.region.code);
  const regency = regions.lineage(found.region.code).find((r) => r.level === "regency");
  const parts = [t("places:heading", { region: label })];
  const kinds = asked.map((k) => t(`places:kind.${k}`)).join("/");
  if (asked.length > 0 && !found.local.some((o) => asked.includes(o.type))) {
    parts.push(t("places:noneOfKind", { kind: kinds, region: found.region.name }));
  }
  if (found.noLocalOffice) {
    parts.push(
      regency
        ? t("places:noLocalOffice", { region: found.region.name, regency: regency.name })
        : t("places:noLocalOfficeProvince", { region: found.region.name }),
    );
  }
  parts.push(...found.local.slice(0, MAX_LOCAL).map((o) => renderOffice(ctx, o)));
  if (found.elsewhere.length > 0) {
    parts.push(t("places:elsewhere", { kind: kinds }));
    parts.push(...found.elsewhere.slice(0, MAX_ELSEWHERE).map((o) => renderOffice(ctx, o)));
  }
  parts.push(...found.national.map((o) => renderOffice(ctx, o)));
  if ([...found.local, ...found.elsewhere].some((o) => o.sample)) parts.push(t("places:sampleNote"));
  parts.push(t("places:steps"));
  return parts.join("\n\n");
}

/** Offices near a shared location, by straight-line distance. */
export function renderNearest(ctx: FlowContext, near: NearOffice[]): string {
  const { t } = ctx;
  const parts = [t("places:nearestHeading")];
  parts.push(...near.map((n) => renderOffice(ctx, n.office, n.distanceKm)));
  if (near.some((n) => n.office.sample)) parts.push(t("places:sampleNote"));
  parts.push(t("places:confirmRegion"));
  return parts.join("\n\n");
}

/** Upcoming programmes, with how to register and the "DAFTAR" hint. */
export function renderProgrammes(ctx: FlowContext, list: Programme[], region: string): string {
  const { t, lang } = ctx;
  if (list.length === 0) return t("places:noProgrammes", { region });
  const items = list.map((p, i) =>
    [
      `${i + 1}. *${p.title}* — ${p.provider}`,
      t("places:programmeWhen", {
        start: shortDate(p.start, lang),
        end: p.end ? ` – ${shortDate(p.end, lang)}` : "",
        place: p.place,
      }),
      p.cost.toLowerCase() === "free" ? t("places:free") : t("places:cost", { cost: p.cost }),
      p.quota ? t("places:quota", { quota: p.quota }) : "",
      t("places:register", { how: p.register }),
      t("places:programmeSource", { source: p.source }),
    ]
      .filter(Boolean)
      .join("\n"),
  );
  return [t("places:programmesHeading", { region }), ...items, t("places:daftarHint")].join("\n\n");
}
