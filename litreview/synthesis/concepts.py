"""Sentences as bags of concepts shared by Indonesian and English, for comparing claims.

A word becomes a concept in three steps:

1. it is stemmed (Indonesian affixes by Sastrawi, English endings folded: ``text.stem``), so
   "meningkatkan", "peningkatan" and "ditingkatkan" meet, as do "voters" and "voter";
2. a stem in the bilingual lexicon below becomes its concept: "pemilih" and "voter" are both
   ``voter``, "hoaks", "berita palsu" and "fake news" are all ``hoax``;
3. any other stem is spelled the Indonesian way ("participation" -> "partisipasi", "democracy"
   -> "demokrasi", "identity" -> "identitas"), so the loanwords the two languages share meet
   without a lexicon entry.

Function words of both languages and the words every study uses ("penelitian", "results")
are left out. Negations ("tidak", "no", "not", "without") are not concepts: they set the
sentence's polarity, which tells a claim from its denial ("berpengaruh" / "tidak berpengaruh").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from litreview.text.morphology import WORD
from litreview.text.stem import Stemmer

# concept: words or phrases of either language, in their plain forms (stemmed when loaded)
_LEXICON = """
voter: pemilih konstituen voter electorate elector constituent
young: muda pemuda remaja kaum_muda anak_muda young youth youngster
millennial: milenial millennial
genz: generasi_z gen_z zoomer
generation: generasi generation
first_time: pemula first_time novice
digital_native: digital_native
candidate: kandidat calon capres cawapres caleg paslon candidate
party: partai party
election: pemilu pemilihan_umum pilpres pilkada pileg election electoral
campaign: kampanye campaign
win: menang kemenangan win victory
electability: elektabilitas electability
increase: tingkat naik menaikkan meningkat bertambah increase rise raise boost grow growth enhance improve
expand: perluas memperluas lebar melebar expand widen extend
decrease: turun menurun berkurang mengurangi decrease decline reduce lower diminish
influence: pengaruh berpengaruh memengaruhi mempengaruhi influence influential affect
impact: dampak efek akibat impact effect consequence implication implikasi
participation: partisipasi participation participate
engagement: keterlibatan terlibat libat engagement involvement engage involve
spread: sebar menyebar penyebaran sebarkan edar beredar bagi dibagikan spread disseminate dissemination circulate share
viral: viral viralitas virality
reach: jangkau jangkauan reach outreach
audience: khalayak audiens audience
wide: luas broad wide widely
precise: presisi akurat tepat precise accurate accuracy
advantage: keuntungan keunggulan untung unggul daya_tarik advantage benefit appeal strength
manfaat: manfaat benefit_of
hoax: hoaks hoax berita_palsu berita_bohong kabar_bohong fake_news false_news
disinformation: disinformasi misinformasi disinformation misinformation
hate: kebencian ujaran_kebencian hate hate_speech
polarization: polarisasi terbelah polarization polarisation
segregation: segregasi perpecahan segregation division divide
conflict: konflik pertikaian pertengkaran bentrok conflict clash dispute quarrel
trust: percaya kepercayaan trust confidence
opinion: opini pendapat opinion view
perception: persepsi perception
public: publik khalayak_umum public
citizen: warga warga_negara rakyat masyarakat citizen society people
netizen: warganet netizen
image: citra pencitraan image
information: informasi information
news: berita kabar news
literacy: literasi melek literacy literate
verify: verifikasi memverifikasi cek periksa verify verified check
filter: saring menyaring filter
low: rendah low
high: tinggi high
role: peran berperan role
important: penting important crucial essential
main: utama main primary major
interaction: interaksi berinteraksi interaction interact
dialogue: dialog dialogue
two_way: dua_arah two_way
communication: komunikasi communication communicate
direct: langsung direct directly
real_time: waktu_nyata real_time
fast: cepat pesat fast quick quickly rapid rapidly
government: pemerintah pemerintahan government
state: negara state
regulation: regulasi aturan peraturan undang_undang regulation rule law
oversight: pengawasan awas oversight supervision monitoring
buzzer: buzzer pendengung buzzers
algorithm: algoritma algoritme algorithm
echo_chamber: echo_chamber ruang_gema
threat: ancaman mengancam ancam threat threaten
danger: bahaya danger
negative: negatif negative
positive: positif positive
education: pendidikan didik edukasi education
learn: belajar pembelajaran learn learning
civic: kewarganegaraan civic citizenship
awareness: kesadaran sadar awareness aware
protest: protes unjuk_rasa demonstrasi protest demonstration
policy: kebijakan policy
change: ubah perubahan mengubah change
success: berhasil keberhasilan sukses success succeed successful
fail: gagal kegagalan fail failure
target: target sasaran menargetkan target targeting microtargeting
segment: segmentasi segmen segment segmentation
mobilize: gerak menggerakkan mobilisasi mobilize mobilise
volunteer: relawan sukarela volunteer voluntary
supporter: simpatisan pendukung supporter sympathizer follower_party
support: dukung dukungan support
prevent: cegah mencegah pencegahan prevent prevention
recommend: rekomendasi saran menyarankan menganjurkan usul mengusulkan usulan recommend recommendation suggest propose
need: perlu butuh diperlukan harus imbang diimbangi need must require should balance
democracy: demokrasi demokratis democracy democratic
e_democracy: demokrasi_elektronik e_demokrasi e_democracy electronic_democracy digital_democracy demokrasi_digital
transparency: transparansi keterbukaan terbuka transparency openness
inclusion: inklusi inklusif inclusion inclusive
platform: platform
social_media: media_sosial social_media medsos
online: daring online
digital: digital
content: konten materi content material
visual: visual foto video gambar photo
access: akses access
source: sumber source
identity: identitas identity
religion: agama religion religious
attention: perhatian attention
follower: pengikut follower
account: akun account
user: pengguna user
million: juta jutaan million millions
active: aktif active
responsibility: tanggung_jawab responsibility responsible
accurate_info: terverifikasi benar true
quality: mutu kualitas bermutu berkualitas quality
fair: adil keadilan fair fairness justice
integrity: integritas integrity
mass_media: media_massa mass_media
television: televisi tv television
advertising: iklan advertising advertisement ad
personal: personal pribadi personal personalized
relevant: relevan relevant
risk: risiko risk
opportunity: peluang kesempatan opportunity chance
effective: efektif efektivitas effective effectiveness
politics: politik political politics
exposure: paparan terpapar papar exposure exposed
narrative: narasi narrative
group: kelompok kubu group camp
potential: potensi berpotensi potensial potential
individual: individu individual
survey: survei survey
"""

_STOPWORDS = frozenset("""
yang dan di ke dari dalam untuk dengan pada ini itu adalah sebagai atau oleh juga akan dapat bisa telah sudah
karena bahwa serta terhadap para bagi secara tersebut merupakan lebih sangat antara hal sebuah suatu satu
ada adanya mereka kita kami ia dia saya nya pun lah kah tetapi namun sedangkan sehingga maka agar supaya jika
bila apabila ketika saat sejak hingga sampai seperti yaitu yakni ialah bukan hanya saja masih belum pula lagi
semua setiap beberapa banyak sebagian berbagai tiap selain lain lainnya demikian begitu tentang mengenai
atas bawah oleh antar sendiri diri cukup cara bagaimana apa siapa mengapa kapan dimana mana sini sana
the a an of and or to in on at for with by from as is are was were be been being this that these those it its
their they them we our us he she his her which who whom whose what when where why how than then there here
also can could may might will would shall has have had do does did not no nor but if so such into onto about
over under between among through during before after above below up down out off again further once all any
both each few more most other some only own same too very just yet while although though because since until
seluruh jadi menjadi dapat bisa mampu pula kini saat ini juga terutama khususnya tersebut itu sama lebih
become becomes became make makes made lies lie especially particularly mainly
penelitian studi kajian riset artikel tulisan hasil temuan menunjukkan menunjukan menemukan ditemukan
mengungkapkan disimpulkan kesimpulan analisis penulis peneliti
study research paper article result results finding findings show shows showed shown find found reveal
reveals revealed indicate indicates conclude concludes analysis author authors
""".split())
_NEGATIONS = frozenset("tidak tak bukan belum tanpa kurang no not never without nor neither lack lacks hardly".split())
_NEGATED_PHRASES = ("no effect", "no significant", "not significant", "no influence", "no impact",
                    "tidak signifikan", "tidak berpengaruh", "tidak berdampak", "tidak ada pengaruh",
                    "tidak terdapat pengaruh", "tidak ditemukan")
# What a negation must stand before (within two words) to deny the claim: "tidak berpengaruh",
# "not effective", "belum berhasil"; "tanpa perantara" (without a go-between) denies nothing.
_PREDICATES = frozenset({"influence", "impact", "increase", "decrease", "effective", "success", "fail", "important",
                         "participation", "engagement", "trust", "support", "change", "win", "significant",
                         "signifikan", "relate", "correlation", "korelasi", "hubung", "help", "bantu", "matter",
                         "threat", "risk", "opportunity", "advantage", "reach", "spread", "polarization"})
_WEAK = 0.4  # the weight of a concept every paper of the field shares (see DOMAIN)
MIN_SHARED = 3  # concepts two sentences must share to be alike at all
DOMAIN = frozenset({"social_media", "election", "campaign", "candidate", "party", "voter", "public", "use",
                    "information", "platform", "democracy", "government", "politik"})


@dataclass(frozen=True, slots=True)
class Bag:
    """A sentence's concepts and whether it denies what it says ("tidak berpengaruh")."""

    concepts: frozenset[str]
    negated: bool


_ENDINGS = (("isation", "isasi"), ("ization", "isasi"), ("ation", "asi"), ("tion", "si"), ("sion", "si"),
            ("ity", "itas"), ("ive", "if"), ("ism", "isme"), ("ics", "ik"), ("ical", "ik"), ("tial", "si"),
            ("ure", "ur"), ("ance", "ansi"), ("ence", "ensi"), ("graphy", "grafi"), ("logy", "logi"), ("cy", "si"))


def cognate(stem: str) -> str:
    """A stem spelled the Indonesian way, so shared loanwords meet: "participation" ->
    "partisipasi", "democracy" -> "demokrasi", "identity" -> "identitas", "effective" -> "efektif"."""
    word = stem
    for english, indonesian in _ENDINGS:
        if word.endswith(english) and len(word) > len(english) + 2:
            word = word[: -len(english)] + indonesian
            break
    word = word.replace("ph", "f").replace("th", "t").replace("qu", "kw").replace("x", "ks")
    word = re.sub(r"c(?=[eiy])", "s", word).replace("c", "k").replace("y", "i").replace("z", "s")
    return re.sub(r"(.)\1", r"\1", word)


class ConceptReader:
    """Turns sentences into ``Bag``s; one reader caches its stems, so keep it for a whole table."""

    def __init__(self) -> None:
        self._stemmer = Stemmer()
        self._concept: dict[str, str] = {}
        self._phrases: dict[tuple[str, ...], str] = {}
        for line in _LEXICON.strip().splitlines():
            name, _, words = line.partition(":")
            for word in words.split():
                parts = tuple(self._stem(w) for w in word.split("_"))
                if len(parts) == 1:
                    self._concept.setdefault(parts[0], name)
                else:
                    self._phrases.setdefault(parts, name)
        self._longest = max((len(p) for p in self._phrases), default=1)
        self._cognates: dict[str, str] = {}

    def _stem(self, word: str) -> str:
        return self._stemmer.stem(word.lower())

    def read(self, sentence: str) -> Bag:
        low = " ".join(sentence.lower().split())
        words = [w for w in WORD.findall(low)]
        stems = [self._stem(w) for w in words]
        negated = any(p in low for p in _NEGATED_PHRASES) or any(
            w in _NEGATIONS and any(self._concept.get(s, s) in _PREDICATES for s in stems[i + 1 : i + 3])
            for i, w in enumerate(words))
        out: set[str] = set()
        i = 0
        while i < len(stems):
            for size in range(min(self._longest, len(stems) - i), 1, -1):
                found = self._phrases.get(tuple(stems[i : i + size]))
                if found:
                    out.add(found)
                    i += size
                    break
            else:
                word, stem = words[i], stems[i]
                i += 1
                if word in _STOPWORDS or stem in _STOPWORDS or word in _NEGATIONS or len(word) < 3 or word.isdigit():
                    continue
                found = self._concept.get(stem) or self._concept.get(word) or self._cognates.get(stem)
                if found is None:
                    found = self._cognates[stem] = cognate(stem)
                out.add(found)
        return Bag(frozenset(out), negated)


def weights(bags: list[Bag]) -> dict[str, float]:
    """How much sharing each concept counts: rarer concepts in the collection count more
    (a smoothed inverse document frequency); the field's everyday concepts count little."""
    import math

    counts: dict[str, int] = {}
    for bag in bags:
        for concept in bag.concepts:
            counts[concept] = counts.get(concept, 0) + 1
    n = max(1, len(bags))
    return {c: math.log(1 + n / k) * (_WEAK if c in DOMAIN else 1.0) for c, k in counts.items()}


def norm(bag: Bag, weight: dict[str, float], default: float) -> float:
    """The sum of a bag's squared concept weights (``similarity`` divides by it)."""
    return sum(weight.get(c, default) ** 2 for c in bag.concepts)


def similarity(a: Bag, b: Bag, weight: dict[str, float], default: float | None = None,
               norms: tuple[float, float] | None = None) -> float:
    """Weighted overlap of two bags (cosine of their weighted concept sets), 0 to 1. A concept
    ``weight`` lacks counts as much as the rarest; ``default`` is that weight when the caller
    has it (it is the largest of ``weight``, a scan of the whole dict per call otherwise), and
    ``norms`` the two bags' ``norm`` (the same sums, worked out once per bag by a caller comparing
    many pairs)."""
    common = a.concepts & b.concepts
    if len(common) < MIN_SHARED:
        return 0.0  # one word in common is a coincidence, not a claim
    if default is None:
        default = max(weight.values(), default=1.0)
    shared = sum(weight.get(c, default) ** 2 for c in common)
    norm_a, norm_b = norms if norms is not None else (norm(a, weight, default), norm(b, weight, default))
    return float(shared / (norm_a * norm_b) ** 0.5)


@lru_cache(maxsize=1)
def default_reader() -> ConceptReader:
    return ConceptReader()
