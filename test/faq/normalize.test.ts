import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../../bot/faq/analyzer";
import { detectLanguage } from "../../bot/nlp/detect-language";
import { loadLexicon } from "../../bot/nlp/lexicon";
import { normalizeText, tokenize } from "../../bot/nlp/normalize";
import { createStemmer } from "../../bot/nlp/stem";
import { loadStopWords, loadSynonyms } from "../../bot/nlp/word-lists";
import { CONTENT_DIR } from "../../bot/paths";

const lexDir = join(CONTENT_DIR, "lexicon");
const lexicon = loadLexicon(join(lexDir, "informal-id.yaml"));

describe("normaliser", () => {
  it("maps informal spellings and squeezes repeated letters", () => {
    expect(normalizeText("gmn brp sy gk bs", lexicon)).toBe("bagaimana berapa saya tidak bisa");
    expect(normalizeText("mahal bangettt", lexicon)).toBe("mahal sangat");
    expect(normalizeText("udh daftar dgn pt yg resmi utk krj", lexicon)).toBe(
      "sudah daftar dengan pt yang resmi untuk kerja",
    );
  });

  it("keeps domain words meaningful", () => {
    expect(normalizeText("KK KTP PT", lexicon)).toBe("kk ktp pt");
    expect(normalizeText("TKI TKW", lexicon)).toBe("pmi pmi");
    expect(normalizeText("WA", lexicon)).toBe("whatsapp");
  });

  it("keeps offsets into the original text", () => {
    const text = "Gmn  caranya, sy mau ke Jepang??";
    for (const t of tokenize(text, lexicon)) expect(text.slice(t.start, t.end)).toBe(t.raw);
  });

  it("folds reduplication", () => {
    expect(normalizeText("syarat2 dokumen-dokumen", lexicon)).toBe("syarat dokumen");
  });
});

describe("stemmer", () => {
  const stem = createStemmer(["daftar", "berangkat", "kerja", "tahu", "latih", "urus", "tangga", "work"]);
  it("reduces affixed words to a known root", () => {
    expect(stem("pendaftaran")).toBe("daftar");
    expect(stem("mendaftar")).toBe("daftar");
    expect(stem("keberangkatan")).toBe("berangkat");
    expect(stem("bekerja")).toBe("kerja");
    expect(stem("pelatihan")).toBe("latih");
    expect(stem("mengurus")).toBe("urus");
    expect(stem("working")).toBe("work");
  });
  it("leaves unknown words and short words alone", () => {
    expect(stem("rendang")).toBe("rendang");
    expect(stem("tetangga")).toBe("tetangga");
    expect(stem("pt")).toBe("pt");
  });
});

describe("analyser", () => {
  const analyzer = createAnalyzer({
    lexicon,
    stop: loadStopWords(join(lexDir, "stopwords.yaml")),
    synonyms: loadSynonyms(join(lexDir, "synonyms.yaml")),
    vocabularyTexts: ["biaya pendaftaran ke luar negeri", "paspor"],
  });
  it("drops stop words and joins synonyms and phrases", () => {
    expect(analyzer.terms("gmn sih cara krj di luar negri?")).toEqual(["kerja", "luarnegeri"]);
    expect(analyzer.terms("ongkos")).toEqual(analyzer.terms("biaya"));
    expect(analyzer.terms("overseas")).toEqual(["luarnegeri"]);
    expect(analyzer.terms("pasport")).toEqual(["paspor"]);
  });
});

describe("language detection", () => {
  it("reads English and Indonesian, and says nothing when it cannot tell", () => {
    expect(detectLanguage("What documents do I need?", lexicon)).toBe("en");
    expect(detectLanguage("dokumen apa yang perlu?", lexicon)).toBe("id");
    expect(detectLanguage("sy mau krj di jepang", lexicon)).toBe("id");
    expect(detectLanguage("Japan visa", lexicon)).toBeUndefined();
  });
});
