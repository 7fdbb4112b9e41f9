import type { OfficeType } from "./office-types";
import { placeWords } from "./place-words";

/** Words that ask for a kind of office ("blk", "disnaker", "kursus bahasa"). */
const TYPE_WORDS: [RegExp, OfficeType[]][] = [
  [/\b(disnaker|disnakertrans|dinas (tenaga kerja|ketenagakerjaan)|disnakerin|naker)\b/, ["disnaker"]],
  [/\b(ltsa|layanan terpadu satu atap)\b/, ["ltsa"]],
  [/\b(bp3mi|bp2mi|kp2mi|p4mi|lp3mi|upt bp2mi)\b/, ["bp3mi", "p4mi"]],
  [/\b(blk|bbpvp|bpvp|balai (latihan|pelatihan) kerja|balai vokasi)\b/, ["blk"]],
  [/\b(lpk|lembaga pelatihan( kerja)?)\b/, ["lpk", "language-course"]],
  [
    /\b(kursus|les|belajar) bahasa\b|\bbahasa (jepang|korea|jerman|inggris|mandarin|arab)\b/,
    ["language-course", "lpk"],
  ],
  [
    /\b(klinik|sarkes|sarana kesehatan|tempat (medical|mcu|cek kesehatan|pemeriksaan kesehatan))\b/,
    ["health-check"],
  ],
  [/\b(imigrasi|kantor paspor|bikin paspor|buat paspor)\b/, ["immigration"]],
];

/** Words that ask where something is, or whether it exists nearby. */
const WHERE =
  /\b(dimana|di mana|dmn|dmna|mana|terdekat|dekat|deket|alamat|alamatnya|lokasi|lokasinya|ada (gk|ga|gak|nggak|tidak|ngga|kah)|where|nearest|near|address)\b/;

/** Training words: the person may be asking for programmes. */
const TRAINING = /\b(pelatihan|latihan|kursus|training|course|program|magang|sertifikasi|les)\b/;

/** What a place question asks for, read from its words. */
export interface OfficeQuery {
  types: OfficeType[];
  where: boolean;
  training: boolean;
  /** Destinations named ("jepang" → japan). */
  destinations: string[];
}

const DESTINATIONS: [RegExp, string][] = [
  [/\b(jepang|japan|nihon)\b/, "japan"],
  [/\b(korea|korsel)\b/, "korea"],
  [/\b(jerman|germany|german)\b/, "germany"],
  [/\b(taiwan)\b/, "taiwan"],
  [/\b(hong ?kong|hk)\b/, "hong-kong"],
  [/\b(malaysia)\b/, "malaysia"],
  [/\b(singapura|singapore)\b/, "singapore"],
];

/** Reads the kind of office, "where" words, training words and destinations from a text. */
export function readOfficeQuery(text: string): OfficeQuery {
  const plain = placeWords(text).join(" ");
  const types = [...new Set(TYPE_WORDS.filter(([re]) => re.test(plain)).flatMap(([, t]) => t))];
  return {
    types,
    where: WHERE.test(plain) || /\?\s*$/.test(text),
    training: TRAINING.test(plain),
    destinations: DESTINATIONS.filter(([re]) => re.test(plain)).map(([, d]) => d),
  };
}
