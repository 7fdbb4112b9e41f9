/** Roman numerals used in official names ("Lubuk Linggau Timur II"), for typed digits. */
const ROMAN: Record<string, string> = {
  "1": "i",
  "2": "ii",
  "3": "iii",
  "4": "iv",
  "5": "v",
  "6": "vi",
  "7": "vii",
  "8": "viii",
  "9": "ix",
  "10": "x",
};

/**
 * Splits a name or a sentence into place words: lower case, accents and punctuation
 * removed, digits 1–10 as roman numerals ("Timur 1" and "Timur I" are the same words).
 */
export function placeWords(text: string): string[] {
  const plain = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  if (!plain) return [];
  return plain.split(" ").map((w) => ROMAN[w] ?? w);
}

/** Words that tell what kind of region follows ("kab musi rawas", "kec tugumulyo"). */
export type KindHint = "kabupaten" | "kota" | "district" | "province" | "village";

export const HINT_WORDS: Record<string, KindHint> = {
  kabupaten: "kabupaten",
  kab: "kabupaten",
  kabupatn: "kabupaten",
  regency: "kabupaten",
  kota: "kota",
  kotamadya: "kota",
  city: "kota",
  kecamatan: "district",
  kec: "district",
  kcmtn: "district",
  district: "district",
  provinsi: "province",
  prov: "province",
  propinsi: "province",
  province: "province",
  desa: "village",
  ds: "village",
  kelurahan: "village",
  kel: "village",
  dusun: "village",
  kampung: "village",
  village: "village",
};

/** Words that never start or end a place name in a sentence ("sy di tugumulyo"). */
export const GLUE_WORDS = new Set(
  `di ke dari dekat dkt deket sy saya aku gw gue sya rumah tinggal tinggalnya asal yang yg ada gak gk ga
   tidak nggak ngga dong ya dan atau di sekitar daerah wilayah sini situ mana dmn dimana in at from near
   the my am live of terdekat kantor blk lpk disnaker mau untuk utk buat`
    .split(/\s+/)
    .filter(Boolean),
);

/** Removes the words of official names that say the kind of region, not its name. */
export function baseNameWords(name: string): { words: string[]; kind?: KindHint } {
  const words = placeWords(name);
  let kind: KindHint | undefined;
  if (words[0] === "kabupaten") kind = "kabupaten";
  else if (words[0] === "kota") kind = "kota";
  const rest = kind ? words.slice(1) : words;
  return { words: rest[0] === "administrasi" ? rest.slice(1) : rest, kind };
}
