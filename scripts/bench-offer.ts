/**
 * npm run bench:offer [-- --json] — red-flag screening speed on the real rules: 1,000
 * synthetic offers of 200 to 2,000 characters (sentences from risky and legitimate adverts,
 * mixed deterministically) and one 100 KB input. Prints offers per second and the time
 * for the big input (median of 5). With --json the last line is one JSON object:
 * offers, offers_per_s, big_input_ms, big_input_chars.
 */
import { join } from "node:path";
import { loadLexicon } from "../bot/nlp/lexicon";
import { createOfferService } from "../bot/offer/offer-service";
import { CONTENT_DIR } from "../bot/paths";
import { percentile, report, rng } from "./bench-util";

const json = process.argv.includes("--json");
const OFFERS = 1000;

const SENTENCES = [
  "Dibutuhkan segera operator produksi untuk pabrik elektronik di Taiwan.",
  "Gaji NT$ 28.000 per bulan, lembur dibayar, kontrak 3 tahun.",
  "Syarat: usia 18-35 tahun, sehat jasmani rohani, minimal lulusan SMP.",
  "Biaya proses 8 juta dibayar di muka sebelum berangkat.",
  "Paspor dipegang agen selama kontrak supaya aman.",
  "Lowongan admin online di Kamboja, gaji 15jt, tiket pesawat ditanggung.",
  "Tidak dipungut biaya penempatan, pelatihan di BLK dan OPP di BP3MI.",
  "Kontrak ditandatangani di Disnaker sebelum berangkat.",
  "Berangkat pakai visa kunjungan dulu, nanti diurus di sana.",
  "Hubungi WA 0812 3456 7890, kuota terbatas, daftar sekarang juga!",
  "Waspada penipuan yang mengatasnamakan perusahaan kami.",
  "Job in Malaysia, salary RM1.800, free accommodation, apply now.",
  "Gaji dipotong 6 bulan untuk bayar utang tiket dan visa.",
  "Pendaftaran resmi lewat LTSA, tanpa calo dan tanpa pungutan.",
  "Dicari pembantu rumah tangga untuk majikan di Riyadh, berangkat cepat.",
  "Umur 16 tahun boleh, KTP bisa dibuatkan.",
];

function makeOffers(n: number): string[] {
  const rand = rng(42);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const target = 200 + Math.floor(rand() * 1800);
    let text = "";
    while (text.length < target) text += `${SENTENCES[Math.floor(rand() * SENTENCES.length)]} `;
    out.push(text.slice(0, target));
  }
  return out;
}

const lexicon = loadLexicon(join(CONTENT_DIR, "lexicon", "informal-id.yaml"));
const offer = createOfferService(CONTENT_DIR, lexicon);
const offers = makeOffers(OFFERS);
for (const o of offers.slice(0, 50)) offer.check(o); // warm up

const started = performance.now();
let flags = 0;
for (const o of offers) flags += offer.check(o).flags.length;
const seconds = (performance.now() - started) / 1000;

const big = offers.join(" ").repeat(2).slice(0, 100_000);
const times: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  offer.check(big);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);

report(
  "Offer check (content/redflags)",
  {
    offers: OFFERS,
    flags_found: flags,
    offers_per_s: Math.round(OFFERS / seconds),
    big_input_chars: big.length,
    big_input_ms: Number(percentile(times, 50).toFixed(1)),
  },
  json,
);
