/**
 * Word lists for reading a person's sentence around a company name. Only words that are
 * not plausible parts of a company name belong in STOP ("aman", "info", "global",
 * "agency" stay out on purpose): any other word stays in the name, so a longer name
 * never collapses onto a shorter licensed one.
 */
export const STOP = new Set(
  `apakah apa apa2 resmi terdaftar legal ilegal palsu bener beneran
  itu ini tsb tersebut tidak tdk gak ga gk nggak ngga enggak engga ndak kah ya yah yaa dong sih kok deh nih tuh
  min admin saya sy aku aq gw gue gua ane kami kita dia ia mereka anda kamu km beliau
  mau ingin pengen pingin akan sudah udah udh sdh telah belum blm lagi sedang lg
  lewat melalui via oleh dari dr ke di pada untuk utk buat dengan dgn sama atau yang yg
  kalau kalo klo jika bagaimana gimana gmn gmna cek cekin check mengecek periksa tolong tlg mohon bantu
  izin ijin punya memiliki mempunyai ada bisa boleh katanya kata bilang ngaku mengaku
  perusahaan perusahaannya penyalur pjtki ppmi p3mi pptkis lpk sponsor calo tekong
  berangkat berangkatnya memberangkatkan diberangkatkan kirim mengirim dikirim rekrut merekrut direkrut
  ditawari ditawarin menawarkan nawarin tawaran tawari lowongan loker gaji biaya bayar membayar
  no nomor nomer nmr sip3mi sip2mi sipppmi license licence licensed number kep
  nama namanya bernama status statusnya named called perorangan individu broker
  buka membuka butuh membutuhkan cari mencari rekrutmen pendaftaran daftar mendaftar terima menerima
  kantor kantornya cabang alamat alamatnya beralamat berkantor menjanjikan dijanjikan
  amankah resmikah legalkah penipuan penipu bodong abal scam hoax hoaks dipercaya
  halo hallo hai assalamualaikum permisi makasih tanya nanya bertanya
  juga saja aja doang banget sangat masih pernah kan loh lho kah pun sebagai tkw tki pmi cpmi
  hi hello thanks thank ask asking question know tell me fake trustworthy allowed
  permitted has have got offered offer recruit recruited recruiting sent send
  is are was the a an my our his her their company recruiter legit registered
  please can could you with through from by wants want wanted to go going abroad
  does do did it this that of for about check verify whether if or and`.split(/\s+/),
);

/** Family words: with a possessive ("anak saya", "istriku") they describe who asks, not a name. */
export const FAMILY = new Set(
  `anak anakku anaknya istri istriku istrinya suami suamiku suaminya adik adikku adiknya kakak kakakku kakaknya
  ibu ibuku ibunya ayah ayahku ayahnya bapak bapakku bapaknya keponakan keponakanku saudara saudaraku
  sepupu sepupuku cucu cucuku menantu menantuku ponakan mama papa emak mamak abah
  daughter son wife husband sister brother mother father niece nephew cousin child children`.split(/\s+/),
);

/** Words for "my / our" after or before a family word. */
export const POSSESSIVE = new Set(["saya", "sy", "aku", "ku", "kami", "kita", "gw", "gue", "my", "our"]);

/** Honorifics before a person's name ("pak Dedi", "bu Ani", "mas Joko"). */
export const HONORIFIC = new Set(
  `pak bapak bpk bu ibu bunda mas mbak mba bang abang kak om tante teh kang akang cak ning uda uni
  koh ko cik ci haji hj ustad ustadz mr mrs ms miss sir madam`.split(/\s+/),
);

/** Words that name an individual recruiter. */
export const PERSON_ROLE = new Set([
  "sponsor",
  "sponsornya",
  "calo",
  "calonya",
  "tekong",
  "perorangan",
  "individu",
]);
