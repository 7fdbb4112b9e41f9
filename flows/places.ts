import { type Flow, type FlowContext, type FlowInput, type FlowResult, splitChoice } from "../bot/flow";
import type { Choice, Outbound } from "../bot/model";
import { isLatLon } from "../bot/places/distance";
import { findNearest, findOffice } from "../bot/places/find-office";
import { readOfficeQuery } from "../bot/places/office-query";
import { placeWords } from "../bot/places/place-words";
import type { PlaceMatch } from "../bot/places/region-matcher";
import { regionLabel } from "../bot/places/region-name";
import { renderNearest, renderProgrammes, renderRegionOffices } from "./places-render";

const ID = "offices";
const MAX_CHOICES = 6;
const MAX_PROGRAMMES = 3;

/** Saved between messages. */
interface PlacesState {
  stage: "ask" | "shown" | "consent";
  region?: string;
  /** Programmes just shown, for a typed "DAFTAR". */
  programmes?: string[];
  /** What was asked for, kept while the person picks among ambiguous names. */
  text?: string;
}

const SELF =
  /^(saya|sy|aku|gw|gue|sya|kami|i|im|i am)( (ada|lagi|skrg|sekarang|tinggal|tinggalnya|asli|asal|orang))? (di|dari|dr|in|from)\b/;
const HOME = /\b(rumah|tinggal|domisili|alamat) ?(saya|sy|aku|ku)? ?(di|dkt|dekat|deket|daerah)\b/;
const OFFICE_WORD = /\b(kantor|office|dinas)\b/;
/** "LPK X resmi gk?", "is LPK Y registered?": whether a named place is legal, not where one is. */
const LEGALITY =
  /\b(resmi|terdaftar|berizin|izin\w*|ijin\w*|legal|ilegal|bodong|abal|penipu\w*|asli|registered|licen[cs]ed|legit)\b/;
const ASKS_PLACE =
  /\b(dimana|di mana|dmn|dmana|mana|terdekat|dekat|deket|alamat\w*|lokasi\w*|cari|carikan|where|nearest|near|address|find)\b/;
const HOW = /\b(bagaimana|caranya|cara|how)\b/;
/** The most a legality question that asks no place may claim: the recruiter check answers it. */
const LEGALITY_CAP = 0.6;
const YES = /^(ya|iya|y|yes|ok|oke|boleh|setuju|simpan)\b/i;
const NO = /^(tidak|tdk|gak|ga|nggak|no|jangan|batal)\b/i;

const c = (value: string, label: string): Choice => ({ id: `${ID}:${value}`, label });

/** How sure we are that free text asks where an office or training centre is (router step 4). */
export function placesConfidence(ctx: FlowContext, text: string): number {
  const plain = placeWords(text)
    .map((w) => ctx.services.lexicon.get(w) ?? w)
    .join(" ")
    .replace(/\b(cak|macam|mak|cem) mana\b/g, "bagaimana");
  // "cak mano caro bikin paspor …", "gimana cara daftar …": how to do something, not where.
  if (HOW.test(plain) && !ASKS_PLACE.test(plain) && !OFFICE_WORD.test(plain)) return 0;
  const score = placesScore(ctx, text);
  return LEGALITY.test(plain) && !ASKS_PLACE.test(plain) ? Math.min(score, LEGALITY_CAP) : score;
}

function placesScore(ctx: FlowContext, text: string): number {
  if (text.length > 200) return 0;
  const q = readOfficeQuery(text);
  const plain = placeWords(text).join(" ");
  const asksOffice = q.types.length > 0 || (OFFICE_WORD.test(plain) && q.where);
  // A longer text naming an office is more likely an offer or a question about procedure.
  if (text.length > 120) return asksOffice && q.where ? 0.7 : 0;
  if (!asksOffice && !q.training && !SELF.test(plain) && !HOME.test(plain) && plain.split(" ").length > 4)
    return 0;
  const m = ctx.services.places.matchPlace(text);
  const named = m.status !== "none";
  if (asksOffice && (q.where || named)) return 0.97;
  if (asksOffice && plain.split(" ").length <= 6) return 0.9;
  if (q.training && named && (q.where || q.destinations.length > 0)) return 0.96;
  if (named && (SELF.test(plain) || HOME.test(plain))) return 0.9;
  if (named && m.words && placeWords(m.words).length >= plain.split(" ").length - 1) return 0.75;
  return 0;
}

function ask(ctx: FlowContext, key = "places:ask"): FlowResult {
  const { t } = ctx;
  const state: PlacesState = { stage: "ask" };
  return {
    replies: [{ text: t(key), askLocation: true }],
    state,
  };
}

function pickRegion(ctx: FlowContext, match: PlaceMatch, text: string): FlowResult {
  const { t } = ctx;
  const regions = ctx.services.places.regions;
  const shown = match.candidates.slice(0, MAX_CHOICES);
  const more = match.candidates.length > MAX_CHOICES;
  const choices = shown.map((r) => c(`region:${r.code}`, regionLabel(regions, r.code)));
  const result = findOffice(match, text, ctx.services.places.directory().directory, (code) =>
    regionLabel(regions, code),
  );
  const state: PlacesState = { stage: "ask", text };
  return {
    replies: [
      {
        text: t(more ? "places:ambiguousMore" : "places:ambiguous", {
          words: match.words,
          count: match.candidates.length,
        }),
        choices: [...choices, c("other", t("places:choices.other"))],
      },
    ],
    state,
    meta: { places: result },
  };
}

async function answerRegion(ctx: FlowContext, code: string, text = ""): Promise<FlowResult> {
  const { t } = ctx;
  const places = ctx.services.places;
  const region = places.regions.get(code);
  if (!region) return ask(ctx, "places:notFound");
  const q = readOfficeQuery(text);
  const { directory } = places.directory();
  const found = directory.forRegion(code, { types: q.types, destinations: q.destinations });
  if (!found) return ask(ctx, "places:notFound");
  const destinations = q.destinations.length > 0 ? q.destinations : undefined;
  const programmes = (
    await places.programmes.upcoming({
      region: code,
      destinations,
      today: ctx.now.toISOString().slice(0, 10),
    })
  ).slice(0, MAX_PROGRAMMES);
  const replies: Outbound[] = [{ text: renderRegionOffices(ctx, found, q.types) }];
  const choices: Choice[] = programmes.map((p) =>
    c(`daftar:${p.id}`, t("places:choices.daftar", { title: p.title.slice(0, 14) })),
  );
  if (ctx.user.profile.region !== code) choices.push(c(`save:${code}`, t("places:choices.save")));
  choices.push(c("other", t("places:choices.other")), { id: "menu:faq", label: t("places:choices.faq") });
  if (programmes.length > 0 || q.training) {
    replies.push({ text: renderProgrammes(ctx, programmes, region.name) });
  }
  replies[replies.length - 1]!.choices = choices;
  const state: PlacesState = { stage: "shown", region: code, programmes: programmes.map((p) => p.id) };
  const meta = {
    places: findOffice({ status: "one", region, candidates: [] }, text, directory, (x) =>
      regionLabel(places.regions, x),
    ),
  };
  return { replies, state, meta };
}

async function answerText(ctx: FlowContext, text: string, stage: PlacesState["stage"]): Promise<FlowResult> {
  const match = ctx.services.places.matchPlace(text);
  if (match.status === "one" && match.region) return answerRegion(ctx, match.region.code, text);
  if (match.status === "ambiguous") return pickRegion(ctx, match, text);
  const q = readOfficeQuery(text);
  if (stage === "shown" && q.types.length === 0 && !q.training) return { replies: [], pass: true };
  const saved = ctx.user.profile.region;
  if (saved && ctx.services.places.regions.get(saved)) return answerRegion(ctx, saved, text);
  return ask(ctx, q.types.length > 0 || stage === "ask" ? "places:askWhere" : "places:ask");
}

function onLocation(ctx: FlowContext): FlowResult {
  const { t } = ctx;
  const point = ctx.inbound.location;
  if (!point || !isLatLon(point)) return ask(ctx);
  const places = ctx.services.places;
  const { directory } = places.directory();
  const near = directory.nearest(point);
  const state: PlacesState = { stage: "ask" };
  if (near.length === 0) {
    return {
      replies: [{ text: t("places:noneNear") }],
      state,
      meta: { places: findNearest(point, directory) },
    };
  }
  const served = [
    ...new Set(
      near.flatMap((n) => n.office.serves).filter((code) => places.regions.get(code)?.level === "regency"),
    ),
  ];
  const choices = served.slice(0, 4).map((code) => c(`region:${code}`, places.regions.get(code)!.name));
  return {
    replies: [
      { text: renderNearest(ctx, near), choices: [...choices, c("other", t("places:choices.typeName"))] },
    ],
    state,
    meta: { places: findNearest(point, directory) },
  };
}

function askConsent(ctx: FlowContext, code: string): FlowResult {
  const { t } = ctx;
  const label = regionLabel(ctx.services.places.regions, code);
  const state: PlacesState = { stage: "consent", region: code };
  return {
    replies: [
      {
        text: t("places:consentAsk", { region: label }),
        choices: [
          c(`consent:${code}`, t("places:choices.yesSave")),
          c("noconsent", t("places:choices.noSave")),
        ],
      },
    ],
    state,
  };
}

function saveRegion(ctx: FlowContext, code: string): FlowResult {
  const { t } = ctx;
  if (!ctx.services.places.regions.get(code)) return ask(ctx, "places:notFound");
  ctx.user.profile.region = code;
  ctx.user.consent.region = ctx.now.toISOString();
  const label = regionLabel(ctx.services.places.regions, code);
  return {
    replies: [
      {
        text: t("places:saved", { region: label }),
        choices: [{ id: "menu:faq", label: t("places:choices.faq") }],
      },
    ],
    meta: { regionSaved: code },
  };
}

async function register(ctx: FlowContext, id: string | undefined, state?: PlacesState): Promise<FlowResult> {
  const { t } = ctx;
  const repo = ctx.services.places.programmes;
  const shown = state?.programmes ?? [];
  if (!id && shown.length > 1) {
    const list = (await Promise.all(shown.map((p) => repo.get(p)))).filter((p) => !!p);
    return {
      replies: [
        {
          text: t("places:daftarWhich"),
          choices: list.map((p) =>
            c(`daftar:${p.id}`, t("places:choices.daftar", { title: p.title.slice(0, 14) })),
          ),
        },
      ],
      state,
    };
  }
  const programme = await repo.get(id ?? shown[0] ?? "");
  if (!programme) return { replies: [{ text: t("places:daftarNone") }], state };
  const created = await repo.registerInterest(programme.id, ctx.userKey, ctx.now);
  return {
    replies: [
      {
        text: t(created ? "places:daftarDone" : "places:daftarAlready", {
          title: programme.title,
          how: programme.register,
        }),
        choices: [c("other", t("places:choices.other")), { id: "menu:faq", label: t("places:choices.faq") }],
      },
    ],
    meta: { programmeInterest: programme.id },
  };
}

function onChoice(ctx: FlowContext, choice: string, state?: PlacesState): Promise<FlowResult> | FlowResult {
  const { value } = splitChoice(choice);
  const [action, arg] = [value.split(":")[0], value.split(":").slice(1).join(":")];
  if (action === "region" && arg) return answerRegion(ctx, arg, state?.text);
  if (action === "save" && arg) return askConsent(ctx, arg);
  if (action === "consent" && arg) return saveRegion(ctx, arg);
  if (action === "noconsent") return { replies: [{ text: ctx.t("places:notSaved") }] };
  if (action === "daftar") return register(ctx, arg || undefined, state);
  return ask(ctx, action === "other" ? "places:askAgain" : "places:ask");
}

/**
 * "Kantor & pelatihan terdekat": finds the offices and training centres for a person's
 * region (typed, or a shared location), what to do at each, upcoming programmes with
 * "DAFTAR", and saves the region to the profile only with consent.
 */
export function createPlacesFlow(): Flow {
  return {
    id: ID,
    start(ctx, input: FlowInput) {
      if (input.choice) return onChoice(ctx, input.choice);
      if (input.arg === "location") return onLocation(ctx);
      if (input.text) return answerText(ctx, input.text, "ask");
      return ask(ctx);
    },
    step(ctx, raw, input) {
      const state = raw as PlacesState | undefined;
      if (input.choice) return onChoice(ctx, input.choice, state);
      if (input.arg === "location") return onLocation(ctx);
      const text = input.text ?? "";
      if (/^daftar$/i.test(text.trim()) && state?.programmes?.length) return register(ctx, undefined, state);
      if (state?.stage === "consent" && state.region) {
        if (YES.test(text)) return saveRegion(ctx, state.region);
        if (NO.test(text)) return { replies: [{ text: ctx.t("places:notSaved") }] };
      }
      return answerText(ctx, text, state?.stage ?? "ask");
    },
    detect: placesConfidence,
  };
}
