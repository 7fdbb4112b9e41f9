import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CONTENT_DIR } from "../../bot/paths";
import { allText, makeBot } from "../helpers/make-bot";

const FAQ = join(CONTENT_DIR, "faq");
interface Source {
  name: string;
  name_en?: string;
  checked: string;
}
interface Entry {
  sources: Source[];
  id: { answer: string; more: string };
  en: { answer: string; more: string };
}
const entry = (topic: string) => parse(readFileSync(join(FAQ, `${topic}.yaml`), "utf8")) as Entry;
const text = (e: Entry) => `${e.id.answer}\n${e.id.more}\n${e.en.answer}\n${e.en.more}`;
/** The date of the December 2026 review (FACTS.md section 9). */
const REVIEWED = "2026-12-02";

function reviewed(e: Entry, name: RegExp): void {
  const s = e.sources.find((x) => name.test(x.name));
  expect(s, String(name)).toBeDefined();
  expect(String(s?.checked)).toBe(REVIEWED);
}

describe("facts corrected in the December 2026 review, each with its source and new checked date", () => {
  it("Middle East: SPSK exists since Kepmenaker 291/2018; the lifted moratorium is dated and not stated as fact", () => {
    const e = entry("middle-east");
    expect(text(e)).not.toMatch(/baru direncanakan|only being planned/);
    expect(e.id.answer).toMatch(/SPSK/);
    expect(e.id.more).toMatch(/Kepmenaker 291\/2018.*25 Juni 2023/s);
    expect(e.id.more).toMatch(/belum kami pastikan.*BP3MI/s);
    reviewed(e, /291\/2018/);
    reviewed(e, /moratorium Arab Saudi/);
    const rule = readFileSync(join(CONTENT_DIR, "redflags", "rules", "moratorium-destination.yaml"), "utf8");
    expect(rule).not.toMatch(/pasti lewat jalur tidak resmi/);
  });

  it("costs: the 2025 rules are pointed to, Pasal 30 kept, plain words, who pays and which loans are banned", () => {
    const e = entry("costs");
    expect(e.id.answer).toMatch(/tidak boleh disuruh membayar biaya penempatan.*Pasal 30/s);
    expect(e.id.answer).toMatch(/diperbarui pada 2025.*Disnaker atau BP3MI/s);
    expect(e.id.more).toMatch(/Permen P2MI 17\/2025.*belum kami pastikan/s);
    expect(e.id.more).toMatch(/dibayar pemerintah daerah/);
    expect(e.id.more).toMatch(/dipaksakan sepihak/);
    reviewed(e, /17\/2025/);
  });

  it("schemes: three executors (Pasal 49); 'Perseorangan' is not a route beside the ban", () => {
    const e = entry("schemes");
    expect(e.id.answer).toMatch(/tiga pelaksana/);
    expect(text(e)).not.toMatch(/\*Perseorangan\*|\*Individual\*|Pasal 63|Article 63/);
    expect(e.id.answer).toMatch(/tidak boleh menempatkan pekerja\* \(Pasal 69\)/);
    reviewed(e, /Pasal 49/);
  });

  it("E-KPMI, BPJS (JHT optional), Japan, Korea E-10, Germany Triple Win and Ferienjob", () => {
    const pre = entry("pre-departure");
    expect(pre.id.answer).toMatch(/E-KPMI/);
    expect(text(pre)).not.toMatch(/Berangkat tanpa OPP berarti Anda melewati jalur resmi/);
    expect(pre.id.answer).toMatch(/pembekalan terakhir sebelum berangkat/);
    reviewed(pre, /34\/2025/);
    const bpjs = entry("social-security");
    expect(bpjs.id.answer).toMatch(/JKM.*\*wajib\*.*JHT.*tidak wajib/s);
    reviewed(bpjs, /4\/2023/);
    const japan = entry("japan");
    expect(text(japan)).not.toMatch(/laki-laki 18–26|men aged 18–26/);
    expect(japan.id.answer).toMatch(/IJEPA/);
    expect(japan.id.answer).toMatch(/perempuan/);
    reviewed(japan, /IJEPA/);
    const korea = entry("korea");
    expect(korea.id.more).toMatch(/E-10/);
    reviewed(korea, /E-10/);
    const germany = entry("germany");
    expect(germany.id.answer).toMatch(/BP2MI.*GIZ/s);
    expect(germany.id.more).toMatch(/kuota 150/);
    expect(germany.id.answer).toMatch(/Ferienjob/);
    reviewed(germany, /Ferienjob/);
  });

  it("no unsourced licence format, no real-looking example phone, SAPA 129 from a mobile, plain words", () => {
    const everything = [
      ...readdirSync(FAQ).map((f) => readFileSync(join(FAQ, f), "utf8")),
      ...["id", "en"].flatMap((l) =>
        readdirSync(join(CONTENT_DIR, "locales", l)).map((f) =>
          readFileSync(join(CONTENT_DIR, "locales", l, f), "utf8"),
        ),
      ),
    ].join("\n");
    expect(everything).not.toMatch(/SIP3MI-20XX|SIP3MI-tahun-nomor/);
    expect(everything).not.toMatch(/0812-0000-0000/);
    expect(everything).not.toMatch(/diketahui kepala desa|tidak boleh dibebani/);
    expect(entry("report").id.answer).toMatch(/dari HP 021-129/);
    expect(everything).not.toMatch(/2\.946|2,946/); // NOT VERIFIED (FACTS.md section 9)
  });
});

describe("English readers get English source names", () => {
  it("every FAQ source has an English name, and the English answer shows it", async () => {
    for (const f of readdirSync(FAQ).filter((x) => x.endsWith(".yaml"))) {
      for (const s of entry(f.replace(/\.yaml$/, "")).sources)
        expect(s.name_en, `${f}: ${s.name}`).toBeTruthy();
    }
    const b = makeBot();
    await b.say("en", { choice: "language:en" });
    const r = await b.say("en", "do I have to pay placement fees to work abroad?");
    expect(r.meta.faq).toMatchObject({ id: "costs" });
    expect(allText(r)).toMatch(/Law 18\/2017 Article 30/);
    expect(allText(r)).not.toMatch(/UU 18\/2017 Pasal 30 ayat/);
  });
});
