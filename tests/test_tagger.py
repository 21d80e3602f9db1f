"""The theme tagger: normalisation, codebook validation, evidence, thresholds, facets."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES

from litreview.model import Paper, Section
from litreview.text.sentences import split_sentences
from litreview.themes.codebook import CodebookError, load_codebook, parse_codebook
from litreview.themes.normalize import Normalizer, fold_english
from litreview.themes.tagger import Tagger

SMALL = FIXTURES / "codebooks" / "small.yaml"


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(load_codebook(SMALL))


def themes_of(tagger: Tagger, paper: Paper) -> set[str]:
    return {t.theme for t in tagger.tag(paper).assigned}


def score_of(tagger: Tagger, paper: Paper, theme: str) -> float:
    """What a theme's evidence in the paper adds up to (0 with none)."""
    return {t.theme: t.score for t in tagger.tag(paper).tags}.get(theme, 0.0)


# -- normalisation -------------------------------------------------------------------------
def test_indonesian_affixes_meet_at_the_root():
    n = Normalizer(["kampanye"])
    assert n.norm("mengkampanyekan") == n.norm("berkampanye") == n.norm("kampanyenya") == n.norm("kampanye")


def test_codebook_words_are_kept_whole():
    assert Normalizer([]).norm("relawan") == "rawan"  # what the plain stemmer does: volunteer -> vulnerable
    n = Normalizer(["relawan", "hoaks"])
    assert n.norm("relawan") == "relawan" and n.norm("rawan") == "rawan"
    assert n.norm("hoaksnya") == "hoaks" and n.norm("kerelawanan") == "relawan"


def test_words_the_stemmer_cannot_change_skip_it_with_the_same_result():
    from litreview.themes import normalize

    n = Normalizer(["kampanye", "hoaks", "relawan"])
    # affixed forms, infixed forms, plain roots, English words and typos, with and without a rule to try
    words = ["kampanyenya", "berkampanye", "mengkampanyekan", "pemilih", "demokrasi", "gerigi", "telunjuk",
             "kinerja", "kupilih", "kaubaca", "hoaks", "relawan", "tiktok", "viral", "partisipasi", "polarisasi",
             "socializatioon", "trsebar", "microtargteing", "buzzer", "influencer", "rakyat", "warganet", "online"]
    skipped = [w for w in words if not normalize._STEMMER_SUFFIX.search(w) and not normalize._STEMMER_PREFIX.match(w)]
    assert {"hoaks", "tiktok", "viral", "trsebar", "buzzer"} <= set(skipped) and "gerigi" not in skipped
    for word in skipped:  # what the shortcut assumes: the stemmer gives them back as they are
        assert n._stemmer.stem_word(word) == word, word
    assert n._stem("kampanyenya") == "kampanye" and n._stem("hoaks") == "hoaks"


def test_a_phrase_word_that_is_a_form_of_a_root_term_reduces_to_it():
    # "menjangkau" is kept whole when protected, so the root term "jangkau" would miss its commonest form
    assert Normalizer(["menjangkau", "jangkau", "pemilih"]).norm("menjangkau") == "menjangkau"
    n = Normalizer(["menjangkau", "jangkau", "pemilih"], roots={"menjangkau": {"jangkau"}, "pemilih": {"jangkau"}})
    assert n.norm("menjangkau") == n.norm("dijangkau") == n.norm("jangkau") == "jangkau"
    assert n.norm("pemilih") == "pemilih"  # not a form of the root: still kept whole


def test_the_default_codebook_reads_menjangkau_as_its_root_term():
    from litreview.themes.codebook import own_roots

    codebook = load_codebook()
    roots = own_roots(codebook)
    assert "jangkau" in roots["menjangkau"] and "jangkauan" not in roots  # a term of its own stays whole
    sentence = "Partai politik memakai media sosial dalam kampanye pemilu untuk menjangkau Gen Z."
    found = Tagger(codebook).tag(Paper(key="x", abstract=sentence))
    reach = [m.term for t in found.tags if t.theme == "reach" for e in t.evidence for m in e.matches]
    assert reach == ["jangkau"]


def test_english_endings_fold():
    assert fold_english("voters") == fold_english("voter")
    assert fold_english("campaigning") == fold_english("campaigns") == fold_english("campaign")
    assert fold_english("mobilised") == fold_english("mobilizing") == fold_english("mobilize")
    assert fold_english("polarisation") == fold_english("polarization")
    assert fold_english("stories") == "story"


def test_typos_of_long_words_are_forgiven_short_and_real_words_never():
    n = Normalizer(["kampanye", "partisipasi", "pemilih"], fuzzy_min_length=6)
    n.set_targets(["kampanye", "partisipasi", "pemilih", "disinformation", "virality"])
    assert n.norm("kampanyee") == n.norm("kampanye")
    assert n.norm("partisipsi") == n.norm("partisipasi")  # a dropped letter
    assert n.norm("partisiapsi") == n.norm("partisipasi")  # swapped neighbours
    assert n.norm("pemlih") == n.norm("pemilih")
    assert n.norm("disinfromation") == n.norm("disinformation")
    assert n.norm("pemilik") != n.norm("pemilih")  # owner is a real word, not a typo of voter
    assert n.norm("vitality") != n.norm("virality")  # a real English word
    assert n.norm("pilih") != n.norm("pemilih")
    n2 = Normalizer(["hoaks"], fuzzy_min_length=6)
    n2.set_targets(["hoaks"])
    assert n2.norm("hoaxs") != n2.norm("hoaks")  # five letters: never fuzzy


# -- sentences -----------------------------------------------------------------------------
def test_sentences_keep_offsets_and_skip_abbreviations():
    text = "Menurut Cobis dkk. (2023) media sosial efektif. Lihat M. Y. Cobis! Lalu?\n\n2.1 Media Sosial\nIsi bagian."
    spans = split_sentences(text)
    got = [(text[s.start:s.end], s.heading) for s in spans]
    assert got == [
        ("Menurut Cobis dkk. (2023) media sosial efektif.", False),
        ("Lihat M. Y. Cobis!", False),
        ("Lalu?", False),
        ("2.1 Media Sosial", True),
        ("Isi bagian.", False),
    ]
    # a generation's letter ends a sentence; an initial does not
    text = "Studi ini berfokus pada Generasi Z. Generasi Z aktif di TikTok. Kampanye menyasar Gen Z. Lihat A. Budi."
    assert [text[s.start:s.end] for s in split_sentences(text)] == [
        "Studi ini berfokus pada Generasi Z.", "Generasi Z aktif di TikTok.", "Kampanye menyasar Gen Z.",
        "Lihat A. Budi."]


# -- codebook validation -----------------------------------------------------------------------
BROKEN = """\
version: 1
themes:
  - id: hoax
    label: {en: Hoaxes, id: Hoaks}
    terms:
      id: [hoaks, berita bohong]
      en: [fake news]
    weigth: 2
  - id: youth
    label: {en: Youth}
    terms:
      id: [milenial]
  - id: empty
    label: {en: Empty, id: Kosong}
  - id: dup
    label: {en: Dup, id: Dup}
    terms:
      en: [Fake-News]
    patterns: ['(unclosed']
"""


def test_codebook_problems_are_all_listed_with_line_numbers():
    with pytest.raises(CodebookError) as caught:
        parse_codebook(BROKEN, "mine.yaml")
    message = str(caught.value)
    assert message.splitlines()[0] == "mine.yaml: 5 problems in the codebook; nothing was tagged"
    assert "line 8: theme: unknown key 'weigth'" in message
    assert "line 10: theme 'youth' label: the 'id' text is missing" in message
    assert "line 13: theme 'empty' is empty" in message
    assert "line 19: theme 'dup': bad regular expression '(unclosed'" in message
    # the same words after case-folding and tokenising: one term in two themes
    assert "line 18: theme 'dup': term 'Fake-News' is also in theme 'hoax' as 'fake news' (line 7)" in message


def test_a_phrase_written_with_a_character_that_ends_phrases_is_refused():
    book = """version: 1
themes:
  - id: interaction
    label: {en: Interaction, id: Interaksi}
    terms:
      en: [q & a, town-hall meeting, "voters' questions"]
"""
    with pytest.raises(CodebookError) as caught:
        parse_codebook(book, "mine.yaml")
    message = str(caught.value)
    assert "1 problem" in message.splitlines()[0]
    assert "line 6: 'interaction': term 'q & a' can never match: '&' between its words" in message

    facet = book.replace("    terms:\n      en: [q & a, ", "    terms:\n      en: [") + """facets:
  platforms:
    - name: rnd
      label: {en: R&D, id: Litbang}
      terms: [r&d lab]
"""
    with pytest.raises(CodebookError, match=r"'rnd': term 'r&d lab' can never match: '&'"):
        parse_codebook(facet, "mine.yaml")


def test_codebook_yaml_syntax_error_has_a_line(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nthemes:\n  - id: [unclosed\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"line \d+: not valid YAML"):
        load_codebook(bad)


def test_missing_and_non_utf8_codebooks(tmp_path: Path):
    from litreview.errors import ValidationError

    with pytest.raises(ValidationError, match="no such codebook file"):
        load_codebook(tmp_path / "none.yaml")
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("version: 1\n# caf\xe9\n".encode("latin-1"))
    with pytest.raises(ValidationError, match="not UTF-8"):
        load_codebook(latin)


def test_corpus_codebook_is_preferred_to_the_default(tmp_path: Path):
    (tmp_path / "codebook.yaml").write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_codebook(None, tmp_path).theme_ids == ["hoax", "youth", "participation", "targeting", "mobilization"]
    assert len(load_codebook(None, None).themes) >= 12


def test_digest_changes_with_content_not_with_comments():
    text = SMALL.read_text(encoding="utf-8")
    a = parse_codebook(text, "a")
    b = parse_codebook("# another comment\n" + text, "b")
    c = parse_codebook(text.replace("min_score: 2.0", "min_score: 3.0"), "c")
    assert a.digest == b.digest != c.digest


# -- tagging ----------------------------------------------------------------------------------
ABSTRACT = (
    "Penyebaran hoaks menjelang pemilu meningkat. Berita bohong dan ujaran kebencian menyasar pemilih pemula. "
    "Generasi Z dan kaum milenial aktif berpartisipasi. Partisipsi mereka tinggi. Target suara partai tinggi."
)


def test_evidence_sentences_stand_verbatim_at_their_offsets(tagger: Tagger):
    paper = Paper(key="x", abstract=ABSTRACT, abstract_id=ABSTRACT)
    tagging = tagger.tag(paper)
    assert {t.theme for t in tagging.assigned} == {"hoax", "youth", "participation"}
    for tag in tagging.tags:
        for e in tag.evidence:
            assert getattr(paper, e.field)[e.start:e.end] == e.sentence
            for m in e.matches:
                assert getattr(paper, e.field)[m.start:m.end] == m.text
    rules = {m.rule for t in tagging.tags for e in t.evidence for m in e.matches}
    assert rules == {"word", "phrase", "fuzzy", "pattern"} - {"pattern"}


def test_one_passing_mention_is_not_enough(tagger: Tagger):
    paper = Paper(key="x", abstract="Artikel ini membahas kampanye digital. Hoaks dan ujaran kebencian disebut sekali.")
    tagging = tagger.tag(paper)
    hoax = next(t for t in tagging.tags if t.theme == "hoax")
    assert hoax.score >= 2 and hoax.sentences == 1 and not hoax.assigned


def test_long_texts_need_more_evidence(tagger: Tagger):
    filler = " ".join(["Kalimat pengisi tentang hal lain yang panjang sekali."] * 700)
    paper = Paper(key="x", text=f"Hoaks beredar luas. {filler} Berita bohong juga ada.")
    hoax = next(t for t in tagger.tag(paper).tags if t.theme == "hoax")
    assert hoax.sentences == 2 and hoax.threshold > 5 and not hoax.assigned


def test_references_never_count_and_headings_count_as_headings(tagger: Tagger):
    text = (
        "Abstrak\nPenelitian ini membahas media sosial.\n\n"
        "Hoaks dan Ujaran Kebencian\nBagian ini membahas pemilu.\n\n"
        "Daftar Pustaka\nAnwar, R. (2020). Hoaks dan berita bohong di media sosial. Jurnal Hoaks, 1(2).\n"
        "Budi, S. (2021). Ujaran kebencian dan disinformasi. Jurnal Komunikasi.\n"
    )
    from litreview.text.sections import detect_sections

    paper = Paper(key="x", text=text, sections=detect_sections(text))
    assert any(s.kind == "references" for s in paper.sections)
    tagging = tagger.tag(paper)
    (hoax,) = [t for t in tagging.tags if t.theme == "hoax"]
    # the heading names the theme (a point of the paper); nothing comes from the reference list
    assert [(e.sentence, e.place) for e in hoax.evidence] == [("Hoaks dan Ujaran Kebencian", "heading")]
    assert "Anwar" not in text[hoax.evidence[0].start:hoax.evidence[0].end]


def test_both_abstracts_count_and_text_is_not_read_twice(tagger: Tagger):
    id_abstract = "Hoaks menyebar di media sosial. Pemilih pemula rentan."
    en_abstract = "Fake news spreads quickly. Disinformation targets young voters."
    paper = Paper(key="x", abstract_id=id_abstract, abstract_en=en_abstract, abstract=id_abstract)
    hoax = next(t for t in tagger.tag(paper).tags if t.theme == "hoax")
    assert hoax.assigned and {e.field for e in hoax.evidence} == {"abstract_id", "abstract_en"}
    # with a full text holding the abstract, the abstract field is not read again
    text = f"Abstrak\n{id_abstract}\n\nPendahuluan\nIsi."
    with_text = Paper(key="y", text=text, abstract_id=id_abstract)
    tagging = tagger.tag(with_text)
    assert {e.field for t in tagging.tags for e in t.evidence} == {"text"}


def test_exclusions_hide_a_sense_of_a_word(tagger: Tagger):
    excluded = Paper(key="x", abstract="Target suara partai naik. Target suara tercapai. Segmentasi tidak dibahas.")
    kept = Paper(key="y", abstract="Target pesan kampanye jelas. Segmentasi pemilih dilakukan.")
    assert "targeting" not in themes_of(tagger, excluded)
    assert "targeting" in themes_of(tagger, kept)


def test_pages_and_sections_of_evidence(tagger: Tagger):
    page1 = "Pendahuluan\nHoaks menyebar cepat di media sosial menjelang pemilu.\n"
    page2 = "Hasil\nBerita bohong menyasar pemilih di daerah.\n"
    text = page1 + page2
    sections = [Section("introduction", "Pendahuluan", 0, len(page1), 1),
                Section("results", "Hasil", len(page1), len(text), 2)]
    paper = Paper(key="x", text=text, sections=sections, page_starts=[0, len(page1)])
    hoax = next(t for t in tagger.tag(paper).tags if t.theme == "hoax")
    assert sorted((e.section, e.page) for e in hoax.evidence) == [("introduction", 1), ("results", 2)]


def test_facets_platforms_methods_actors(tagger: Tagger):
    paper = Paper(key="x", abstract=(
        "Penelitian ini memakai metode kualitatif deskriptif. X (dulu Twitter) dan TikTok dipakai kandidat. "
        "Prabowo dan PAN aktif di TikTok. Pan masak dan x tidak dihitung."))
    facets = tagger.tag(paper).facets
    assert [(f.name, f.mentions) for f in facets.platforms] == [("TikTok", 2), ("Twitter/X", 1)]
    assert [f.name for f in facets.methods] == ["qualitative descriptive"]
    assert [(f.name, f.kind) for f in facets.actors] == [("Partai Amanat Nasional", "party"),
                                                          ("Prabowo Subianto", "candidate")]


def test_a_paper_without_text_gives_no_words(tagger: Tagger):
    tagging = tagger.tag(Paper(key="x", title="Hoaks dan berita bohong"))
    assert tagging.words == 0 and tagging.tags == []


def test_tagging_is_deterministic(tagger: Tagger):
    paper = Paper(key="x", abstract=ABSTRACT)
    assert tagger.tag(paper) == Tagger(load_codebook(SMALL)).tag(paper)


def test_a_phrase_never_spans_a_comma_or_a_full_stop():
    tagger = Tagger(load_codebook())
    listed = tagger.tag(Paper(key="x", abstract="Teknik ini cocok untuk pendidikan, politik, dan wisata."))
    assert not [t for t in listed.tags if t.theme == "literacy"]
    phrase = tagger.tag(Paper(key="y", abstract="Pendidikan politik dibutuhkan pemilih pemula menjelang pemilu."))
    assert [m.text for t in phrase.tags if t.theme == "literacy" for e in t.evidence for m in e.matches] == [
        "Pendidikan politik"]
    hyphen = tagger.tag(Paper(key="z", abstract="E-demokrasi tumbuh bagi pemilih dan partai politik."))
    assert any(t.theme == "democracy" for t in hyphen.tags)


def test_default_codebook_reads_the_voters_as_the_other_side_of_an_interaction():
    tagger = Tagger(load_codebook())

    def evidence(text: str, theme: str) -> list[str]:
        tagging = tagger.tag(Paper(key="x", abstract=text + " Kampanye pemilu dan partai politik di media sosial."))
        return [m.text for t in tagging.tags if t.theme == theme for e in t.evidence for m in e.matches]

    talking = evidence("Ketiga pasangan calon berinteraksi langsung dengan para pemilih di Instagram.", "interaction")
    assert "berinteraksi langsung dengan para pemilih" in talking
    assert len(evidence("Pemilih pemula berinteraksi dengan informasi politik setiap hari.", "interaction")) == 1
    # the organisers of an election, not its holding ("pelaksanaan pemilu")
    assert evidence("Pelaksana pemilu harus menindak konten politik identitas.", "regulation")
    assert not evidence("Pelaksanaan pemilu 2019 berjalan aman.", "regulation")
    assert evidence("A sample of 276 new voters took part in the survey.", "youth") == ["new voters"]
    assert evidence("Buzzer bekerja sebagai amplifier pesan kandidat.", "reach") == ["amplifier"]


SUBJECT_BOOK = """version: 1
settings:
  threshold: {min_sentences: 1, min_score: 2, single: 2}
  context:
    min_per_1000_words: 1
    min_mentions: 2
    terms:
      en: [election, candidate]
themes:
  - id: interaction
    label: {en: Interaction, id: Interaksi}
    terms:
      en: [two-way dialogue]
    patterns:
      - {pattern: '\\breplies\\s+to\\s+(?:\\w+\\s+)?complaints\\b', weight: 2, context: true}
"""


def test_a_pattern_bound_to_the_subject_counts_only_in_papers_on_it():
    tagger = Tagger(parse_codebook(SUBJECT_BOOK, "mine.yaml"))
    shop = Paper(key="shop", title="A shop online",
                 text="The shop replies to customer complaints within a day. Its buyers like the service.")
    mayor = Paper(key="mayor", title="A mayor online",
                  text="Before the election the candidate replies to voter complaints every night. "
                       "The election was close and the candidate won.")
    assert themes_of(tagger, shop) == set()
    assert themes_of(tagger, mayor) == {"interaction"}
    # what the paper off the subject would have had, with the pattern unbound
    unbound = Tagger(parse_codebook(SUBJECT_BOOK.replace(", context: true", ""), "mine.yaml"))
    assert themes_of(unbound, shop) == {"interaction"}


def test_named_parties_count_as_naming_the_subject():
    tagger = Tagger(load_codebook())
    about_parties = ("Unggahan Gerindra di TikTok menjadi viral dan ditonton jutaan kali. Akun resmi Golkar juga "
                     "menjadi viral setelah membalas komentar warganet. Tulisan ini membandingkan keduanya dengan "
                     "unggahan PDI Perjuangan pada bulan yang sama.")
    assert tagger.set_aside(Paper(key="p", abstract=about_parties, language="id")) is None
    about_cafes = about_parties.replace("Gerindra", "kafe itu").replace("Golkar", "toko roti").replace(
        "PDI Perjuangan", "warung kopi")
    aside = tagger.set_aside(Paper(key="q", abstract=about_cafes, language="id"))
    # the same text about cafes: the pattern for answering comments, bound to the subject, is set aside
    assert aside is not None and aside.mentions == 0 and "interaction" in aside.terms


ELSEWHERE_BOOK = SUBJECT_BOOK.split("themes:\n")[0] + """    elsewhere:
      min_per_1000_words: 15
      min_mentions: 3
      terms:
        en: [medicine, hospital]
themes:
  - id: hoax
    label: {en: Hoaxes, id: Hoaks}
    terms:
      en: [{term: hoax, weight: 2}]
"""


def test_a_paper_off_the_subject_and_about_another_one_gets_no_theme():
    tagger = Tagger(parse_codebook(ELSEWHERE_BOOK, "mine.yaml"))
    cure = Paper(key="cure", title="A rumour about a cure",
                 text="A hoax said a cheap medicine cures fever. The hospital denied it. Doctors at the hospital "
                      "said no medicine does that, and the hospital asked people to check first.")
    assert themes_of(tagger, cure) == set()
    aside = tagger.set_aside(cure)
    assert aside is not None and aside.elsewhere == 5 and aside.terms == {"hoax": {"hoax": 1}}
    # off the subject but about no other one: the theme's terms count as before
    chat = Paper(key="chat", title="A family chat", text="A hoax went round the family chat. Nobody checked it.")
    assert themes_of(tagger, chat) == {"hoax"}
    assert tagger.set_aside(chat) is not None and tagger.set_aside(chat).elsewhere == 0
    # on the subject, the other subject's words change nothing
    ballot = Paper(key="ballot", title="A rumour before the election",
                   text=cure.text + " The candidate said the hoax was spread to hurt him before the election.")
    assert themes_of(tagger, ballot) == {"hoax"} and tagger.set_aside(ballot) is None
    # named too seldom, or too thinly, the other subject does not take the paper away
    once = Paper(key="once", title="A rumour", text="A hoax said a medicine cures fever. Nobody believed the hoax. "
                 "People laughed at it for a long while and then forgot it completely after a few days.")
    assert themes_of(tagger, once) == {"hoax"}


def test_other_subjects_need_their_terms():
    with pytest.raises(CodebookError, match="context elsewhere: give its terms"):
        parse_codebook(ELSEWHERE_BOOK.replace("        en: [medicine, hospital]\n", ""), "mine.yaml")


def test_subject_words_written_as_one_word_or_abbreviated_name_the_subject():
    tagger = Tagger(load_codebook())
    road = ("Warga mengeluhkan jalan rusak di kolom komentar Instagram {who}. Akun dinas pekerjaan umum membalas "
            "komentar itu dan berjanji memperbaikinya. Keluhan serupa juga masuk ke akun {where}.")
    assert tagger.set_aside(Paper(key="a", abstract=road.format(who="walikota", where="pemkot"), language="id")) is None
    aside = tagger.set_aside(Paper(key="b", abstract=road.format(who="toko itu", where="pengelola pasar"),
                                   language="id"))
    assert aside is not None and aside.mentions == 0


def test_a_pattern_context_flag_must_be_true_or_false():
    with pytest.raises(CodebookError, match="context must be true or false"):
        parse_codebook(SUBJECT_BOOK.replace("context: true}", "context: maybe}"), "mine.yaml")


def test_overlapping_phrases_of_two_themes_both_count_and_a_theme_counts_its_words_once():
    book = """version: 1
settings:
  threshold: {min_sentences: 1, min_score: 1, single: 1}
themes:
  - id: participation
    label: {en: Participation, id: Partisipasi}
    terms:
      id: [keterlibatan pemilih, keterlibatan]
  - id: youth
    label: {en: Youth, id: Pemuda}
    terms:
      id: [pemilih muda]
"""
    tagger = Tagger(parse_codebook(book, "mine.yaml"))
    tagging = tagger.tag(Paper(key="k", title="t", text="Studi ini mengkaji keterlibatan pemilih muda di TikTok."))
    found = {tag.theme: [m.term for e in tag.evidence for m in e.matches] for tag in tagging.tags}
    # each theme reads the sentence on its own; within participation the phrase takes its word
    assert found == {"participation": ["keterlibatan pemilih"], "youth": ["pemilih muda"]}


def test_round_15_shaping_an_image_complaints_to_officials_and_widening_the_reach():
    tagger = Tagger(load_codebook())
    mayor = Paper(key="m", language="id", title="Akun Instagram wali kota menjelang pilkada",
                  abstract="Wali kota itu memakai Instagram untuk membentuk citra sebagai pemimpin yang sigap. "
                           "Warga menyampaikan keluhan tentang sampah lewat kolom komentar akunnya.")
    assert "image" in themes_of(tagger, mayor)
    complaints = {t.theme: t for t in tagger.tag(mayor).tags}["participation"]
    assert complaints.score >= 1.5 and complaints.sentences == 1
    regent = Paper(key="r", language="en", title="A regent's campaign online",
                   abstract="The candidate's team used Facebook to shape a positive image before the regional "
                            "election. Short videos expanded the reach of the campaign's messages among voters.")
    assert {"image", "reach"} <= themes_of(tagger, regent)
    # reporting campaign funds is not raising them
    funds = Paper(key="f", language="id", title="Laporan dana kampanye di media sosial",
                  abstract="Partai politik wajib melaporkan dana kampanye. Dana kampanye untuk iklan di media "
                           "sosial jarang dilaporkan kepada KPU.")
    assert "mobilization" not in themes_of(tagger, funds)


def test_round_16_press_and_internet_freedom_listening_to_constituents_and_counts_of_posts():
    tagger = Tagger(load_codebook())
    press = Paper(key="p", language="id", title="Wartawan dilaporkan pejabat dengan UU ITE",
                  abstract="Pelaporan wartawan oleh pejabat daerah dengan UU ITE dinilai mengancam kebebasan pers.")
    assert "democracy" in themes_of(tagger, press)
    net = Paper(key="n", language="en", title="Online speech under the government's new rules",
                abstract="Critics of the government say the rules curb internet freedom in the country.")
    assert "democracy" in themes_of(tagger, net)
    legislators = Paper(key="l", language="en", title="Provincial legislators on Instagram",
                        abstract="Members of the provincial parliament post on Instagram to listen to constituents.")
    assert score_of(tagger, legislators, "interaction") == 1.5
    tally = Paper(key="t", language="id", title="Tagar politik kelompok oposisi di platform X",
                  abstract="Kritik terhadap kebijakan pemerintah menyebar di X lewat 2 juta cuitan dalam sehari.")
    assert score_of(tagger, tally, "reach") > 0


# (language, title, abstract, theme, the least its evidence adds up to): each fails without its round
ROUND_17_AND_18 = [
    # 17: the participation of a named group
    ("en", "Youth participation in the regional election",
     "We surveyed young voters about the regional election campaign on TikTok.", "participation", 2),
    ("id", "Partisipasi perempuan dalam pemilu", "Kajian ini membahas kampanye partai politik di media sosial.",
     "participation", 2),
    # 17: interaction with the public named as such (the pattern 1.5 beside "interaksi" 1)
    ("id", "Akun Instagram calon bupati", "Akun itu membangun interaksi dengan para pendukung menjelang pilkada.",
     "interaction", 2),
    # 17: electability beside popularity; parties recruiting
    ("id", "Konten partai politik di media sosial",
     "Partai memakai media sosial untuk mendongkrak elektabilitas calon legislatif.", "image", 2),
    ("id", "Sayap muda partai politik", "Partai itu merekrut kader muda lewat Instagram menjelang pemilu.",
     "mobilization", 1.5),
    # 18: citizens as the ones who voice; a one-way account; being made known
    ("id", "Unggahan anggota DPRD di TikTok", "Warganet ramai mengkritik unggahan politisi itu di kolom komentar.",
     "participation", 3),  # the pattern 1.5 beside "mengkritik" 1 and "warganet" 0.5
    ("en", "The election supervisor's reporting app",
     "Citizens found the election supervisor's app one way and slow to answer reports.", "interaction", 1.5),
    ("id", "Relawan digital partai politik",
     "Relawan bertugas agar program partai semakin dikenal oleh masyarakat menjelang pemilu.", "reach", 1.5),
]


@pytest.mark.parametrize(("language", "title", "abstract", "theme", "least"), ROUND_17_AND_18)
def test_rounds_17_and_18_phrasings_count_for_their_theme(language: str, title: str, abstract: str, theme: str,
                                                           least: float) -> None:
    paper = Paper(key="k", language=language, title=title, abstract=abstract)
    assert score_of(Tagger(load_codebook()), paper, theme) >= least


def test_round_18_harm_to_the_democratic_process_is_democracy():
    deepfakes = Paper(key="d", language="en", title="Deepfakes in the presidential election",
                      abstract="Fabricated videos of candidates threaten the democratic process.")
    assert "democracy" in themes_of(Tagger(load_codebook()), deepfakes)
