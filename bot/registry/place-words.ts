/**
 * Names of Indonesian provinces, cities and regencies (and the Malaysian and other
 * destinations people write after a company's name), for reading "PT Mekar Jaya Sentosa
 * bekasi" as the company PT Mekar Jaya Sentosa, in Bekasi. Only trailing place words are
 * taken off, and only when what is left is a registry name exactly.
 */
const PLACES = new Set(
  `aceh sumut sumatera sumatra medan binjai deli serdang langkat asahan siantar pematangsiantar tebing tinggi sibolga
  sumbar padang bukittinggi pariaman payakumbuh solok riau pekanbaru dumai kepri batam tanjungpinang bintan karimun
  jambi bengkulu sumsel palembang lubuklinggau linggau prabumulih lahat muara enim ogan ilir komering ilir musi banyuasin
  lampung bandar bandarlampung metro pringsewu bangka belitung babel pangkalpinang
  jakarta dki jakut jaksel jakbar jaktim jakpus banten tangerang tangsel serang cilegon lebak pandeglang
  jabar jawa bandung bekasi bogor depok cimahi cirebon indramayu karawang subang purwakarta sukabumi cianjur garut
  tasikmalaya tasik ciamis banjar kuningan majalengka sumedang pangandaran
  jateng semarang solo surakarta cilacap banyumas purwokerto brebes tegal pemalang pekalongan batang kendal demak
  kudus jepara pati rembang blora grobogan purwodadi sragen karanganyar wonogiri sukoharjo klaten boyolali salatiga
  magelang temanggung wonosobo kebumen purworejo banjarnegara purbalingga
  diy yogyakarta jogja yogya jogjakarta sleman bantul gunungkidul kulonprogo
  jatim surabaya sidoarjo gresik mojokerto jombang malang batu pasuruan probolinggo lumajang jember banyuwangi
  bondowoso situbondo kediri blitar tulungagung trenggalek ponorogo pacitan madiun magetan ngawi bojonegoro tuban
  lamongan nganjuk madura bangkalan sampang pamekasan sumenep
  bali denpasar badung gianyar buleleng tabanan karangasem jembrana klungkung bangli
  ntb mataram lombok sumbawa bima dompu ntt kupang flores ende sikka maumere manggarai sumba timor belu malaka alor lembata
  kalimantan kalbar pontianak singkawang sambas kalteng palangkaraya kalsel banjarmasin banjarbaru kaltim samarinda
  balikpapan bontang kaltara tarakan nunukan
  sulawesi sulut manado bitung sulteng palu sulsel makassar parepare bone gowa maros sultra kendari gorontalo
  sulbar mamuju maluku ambon malut ternate papua jayapura sorong merauke
  malaysia kuala lumpur kl selangor penang johor sabah sarawak kuching kinabalu tawau
  singapura singapore hongkong taiwan taipei taichung brunei jepang japan korea arab saudi`.split(/\s+/),
);

/** Two-word places whose words alone are everyday words or parts of names. */
const PAIRS = new Set([
  "bandar lampung",
  "tebing tinggi",
  "muara enim",
  "ogan ilir",
  "kuala lumpur",
  "hong kong",
  "kota kinabalu",
  "jawa barat",
  "jawa tengah",
  "jawa timur",
  "nusa tenggara",
  "arab saudi",
]);

/** Words that only qualify a place: "kota bekasi", "jakarta timur", "kab. cirebon". */
const QUALIFIERS = new Set([
  "kota",
  "kab",
  "kabupaten",
  "provinsi",
  "prov",
  "kec",
  "kecamatan",
  "desa",
  "kampung",
]);
const DIRECTIONS = new Set(["utara", "selatan", "barat", "timur", "tengah", "pusat", "raya"]);

/** The name without the place after it, or undefined when no place ends it. */
export function withoutPlace(words: readonly string[]): string[] | undefined {
  let end = words.length;
  let took = false;
  for (;;) {
    const last = words[end - 1];
    const pair = end >= 2 ? `${words[end - 2]} ${last}` : "";
    if (end >= 3 && PAIRS.has(pair)) end -= 2;
    else if (end >= 2 && last && PLACES.has(last)) end -= 1;
    else if (end >= 3 && last && DIRECTIONS.has(last) && PLACES.has(words[end - 2] ?? "")) end -= 2;
    else break;
    took = true;
    while (end >= 2 && QUALIFIERS.has(words[end - 1] ?? "")) end -= 1;
  }
  return took && end >= 1 ? words.slice(0, end) : undefined;
}
