"""Duplicate rules: strong evidence merges, anything weaker keeps both records."""

from litreview.dedup import index_fields, judge, make_key_base, normalize_doi, normalize_title
from litreview.model import Paper, Person


def paper(title, year=2023, author="Cobis", doi=""):
    return Paper(title=title, year=year, authors=[Person(family=author, given="X")], doi=doi)


def verdict(a, b):
    return judge(index_fields(a), index_fields(b), "old2023")


def test_same_doi_is_a_duplicate_even_across_years():
    a = paper("Hoaks dan Pemilu 2024", doi="https://doi.org/10.1234/ABC.")
    b = paper("Hoaks dan pemilu 2024: sebuah kajian", year=2020, doi="10.1234/abc")  # online-first vs issue year
    v = verdict(a, b)
    assert v.duplicate and "10.1234/abc" in v.reason


def test_near_identical_title_same_year_and_author_is_a_duplicate():
    a = paper("Media Sosial sebagai Alat Kampanye Politik: Peluang Menang dalam Pemilu")
    b = paper("Media sosial sebagai alat kampanye politik - peluang menang dalam pemilu.")
    v = verdict(a, b)
    assert v.duplicate and "same year 2023" in v.reason and "cobis" in v.reason


def test_same_title_different_year_is_only_a_possible_duplicate():
    v = verdict(
        paper("Kampanye Digital di Media Sosial", year=2019), paper("Kampanye Digital di Media Sosial", year=2024)
    )
    assert not v.duplicate and "year 2019 vs 2024" in v.reason


def test_same_title_different_author_is_only_a_possible_duplicate():
    title = "Kampanye Digital di Media Sosial"
    v = verdict(paper(title, author="Munadi"), paper(title, author="Fahruji"))
    assert not v.duplicate and "first author" in v.reason


def test_series_parts_never_merge():
    a = paper("Political communication on TikTok, Part 1")
    b = paper("Political communication on TikTok, Part 2")
    v = verdict(a, b)
    assert not v.duplicate and "series" in v.reason
    assert not verdict(paper("Pemilu Jilid I"), paper("Pemilu Jilid II")).duplicate


def test_preprint_without_doi_merges_with_published_when_year_and_author_agree():
    assert verdict(
        paper("Hybrid media and elections"), paper("Hybrid Media and Elections", doi="10.1080/x.2023")
    ).duplicate


def test_two_different_dois_never_merge_on_title():
    v = verdict(paper("Hybrid media", doi="10.48550/arXiv.1"), paper("Hybrid media", doi="10.1016/j.journal.2020"))
    assert not v.duplicate and "DOIs differ" in v.reason


def test_different_titles_are_unrelated():
    assert verdict(paper("Hoaks dan pemilu"), paper("Literasi digital pemilih pemula")) is None


def test_normalisers():
    assert normalize_doi("doi: 10.5555/ABC-1;") == "10.5555/abc-1"
    assert normalize_doi("no doi here") == ""
    assert normalize_title("  Étude:  Média—Sosial! ") == "etude media sosial"


def test_key_base():
    assert make_key_base(paper("x", author="Cobis")) == "cobis2023"
    assert make_key_base(Paper(title="T", year=2023, authors=[Person(literal="Munadi")])) == "munadi2023"
    assert make_key_base(Paper(title="Peran Media Sosial", year=None)) == "peran" + "nd"
    assert make_key_base(Paper(title="x", year=2020, authors=[Person(family="Çelik", particle="de")])) == "celik2020"


def test_short_generic_titles_never_merge_on_title_alone():
    v = verdict(paper("Editorial", author="Price"), paper("Editorial", author="Price"))
    assert not v.duplicate and "short" in v.reason


def test_placeholder_authors_do_not_agree():
    title = "Catatan redaksi tentang pemilu serentak"
    v = verdict(paper(title, author="Anonymous"), paper(title, author="Anonymous"))
    assert not v.duplicate and v.reason == "title 100% similar, but no first author to compare"


def test_a_field_one_record_lacks_is_not_called_a_difference():
    title = "Peran media sosial dalam kampanye pemilu serentak"
    undated = Paper(title=title, year=None, authors=[Person(family="Cobis")])
    v = verdict(undated, paper(title, author="Cobis"))
    assert not v.duplicate and v.reason == "title 100% similar, but no year to compare"
    v = verdict(Paper(title=title, year=None), paper(title, author="Cobis"))
    assert v.reason == "title 100% similar, but no year or first author to compare"
    v = verdict(Paper(title=title, year=None), Paper(title=title, year=None))  # two undated, authorless copies
    assert v.reason == "title 100% similar, but no first author to compare"
    v = verdict(Paper(title=title, year=2019), paper(title, author="Cobis"))
    assert v.reason == "title 100% similar but year 2019 vs 2023 differ, and no first author to compare"


def test_conflicting_volume_issue_or_pages_mean_different_items():
    title = "Problems and solutions for typesetting election reports"
    a, b = paper(title), paper(title)
    a.volume, b.volume = "2", "3"
    assert verdict(a, b) is None  # a recurring column in another volume: a different item, not flagged
    a.volume = b.volume = "2"
    a.pages, b.pages = "10--12", "10\u201312"
    assert verdict(a, b).duplicate  # the same page range written two ways
    b.pages = "54"
    assert verdict(a, b) is None


def test_same_doi_with_unrelated_titles_is_only_flagged():
    book = paper("The Complete Social Scientist: A Lewin Reader", doi="10.1037/10319-000")
    chapter = paper("Group Decision and Social Change", doi="10.1037/10319-000")
    v = verdict(chapter, book)
    assert not v.duplicate and "titles differ" in v.reason


def test_same_doi_matches_across_languages():
    pdf = paper("Media Sosial sebagai Alat Kampanye Politik", doi="10.5555/jkp.2023.7")
    pdf.title_en = "Social Media as a Political Campaign Tool"
    zotero = paper("Social media as a political campaign tool", doi="10.5555/JKP.2023.7")
    assert verdict(zotero, pdf).duplicate
    assert verdict(paper("", doi="10.5555/jkp.2023.7"), pdf).duplicate  # no title: the DOI decides


def test_alike_titles_with_same_year_and_author_are_flagged_not_merged():
    bib = paper("Studi Penelusuruan terhadap Alumni Program Studi Pendidikan Teknik Informatika")
    pdf = paper("STUDI PENELUSURAN (TRACER STUDY) TERHADAP ALUMNI PROGRAM STUDI PENDIDIKAN TEKNIK INFORMATIKA")
    v = verdict(pdf, bib)
    assert v is not None and not v.duplicate and "not alike enough" in v.reason
    pdf.year = 2016
    assert verdict(pdf, bib) is None  # alike titles alone, another year: unrelated


def test_months_tell_issues_of_a_report_apart():
    # Without the month rule these pairs are "alike, same year and first author" and get flagged.
    assert (
        verdict(paper("Traffic statistics (May 1973)", year=1973), paper("Traffic statistics (June 1973)", year=1973))
        is None
    )
    assert (
        verdict(
            paper("Laporan pemantauan kampanye daring Mei 2024"), paper("Laporan pemantauan kampanye daring Juni 2024")
        )
        is None
    )


def test_a_typo_at_the_start_of_a_word_still_merges_with_year_and_author():
    # Sorting words moves "Xerilaku" away from "Perilaku": the plain ratio forgives what token-sort cannot.
    v = verdict(paper("Politik Uang dan Perilaku Pemilih pada Pemilu Legislatif"),
                paper("Politik Uang dan Xerilaku Pemilih pada Pemilu Legislatif"))
    assert v.duplicate


def test_a_dropped_subtitle_is_listed_never_merged():
    short = paper("Politik Uang dan Perilaku Pemilih pada Pemilu Legislatif 2019")
    full = paper("Politik Uang dan Perilaku Pemilih pada Pemilu Legislatif 2019: Studi Kasus di Sumatera Utara")
    v = verdict(short, full)
    assert not v.duplicate and "subtitle" in v.reason
    full.year = 2021
    assert verdict(short, full) is None  # another year as well: too little to say
    assert verdict(paper("Pemilu dan Media Sosial"), paper("Pemilu dan Media Sosial: Kasus Jakarta")) is None  # short


def test_doi_links_and_percent_escapes_are_the_same_doi():
    assert normalize_doi("https://meridian.allenpress.com/jzwm/article/10.1638/2011-0033.1.short") == \
        "10.1638/2011-0033.1"
    assert normalize_doi("10.1002/1098-2345(200101)53:1%3c1::aid-ajp1%3e3.0.co;2-j") == \
        normalize_doi("10.1002/1098-2345(200101)53:1<1::AID-AJP1>3.0.CO;2-J")
    assert normalize_doi("10.1000/x/abstract") == "10.1000/x"


def test_a_particle_read_as_a_given_name_is_still_the_same_first_author():
    a = paper("Logika pemilih pemula dalam pilkada serentak", author="De Petrillo")
    b = paper("Logika pemilih pemula dalam pilkada serentak", author="Petrillo")
    assert verdict(a, b).duplicate
    assert not verdict(paper(a.title, author="Sapetrillo"), b).duplicate  # "sa" is not a particle


def test_two_undated_records_merge_only_on_the_very_same_title():
    a, b = paper("Kontribusi studi bibliografis struktur populasi pemilih", year=None), \
        paper("Kontribusi Studi Bibliografis: Struktur Populasi Pemilih", year=None)
    assert verdict(a, b).duplicate
    c = paper("Struktur populasi pemilih: studi bibliografis kontribusi", year=None)  # same words, other order
    assert not verdict(a, c).duplicate


def test_a_short_title_merges_only_with_year_author_and_venue_and_never_a_generic_one():
    a, b = paper("Prosimians"), paper("Prosimians")
    a.journal, b.journal = "Pathology of Wildlife and Zoo Animals", "PATHOLOGY OF WILDLIFE AND ZOO ANIMALS"
    assert verdict(a, b).duplicate
    b.journal = "Zoo Animal and Wildlife Immobilization"
    assert not verdict(a, b).duplicate
    e1, e2 = paper("Editorial"), paper("Editorial")
    e1.journal = e2.journal = "Jurnal Ilmu Sosial dan Ilmu Politik"
    assert not verdict(e1, e2).duplicate


def test_same_doi_with_titles_in_two_languages_merges_when_pages_author_and_year_agree():
    garuda = paper("Politik Uang dalam Pemilihan Kepala Daerah Serentak 2020", doi="10.5555/jip.2021.5")
    scopus = paper("Money Politics in the 2020 Simultaneous Regional Head Elections", doi="10.5555/JIP.2021.5")
    assert not verdict(garuda, scopus).duplicate  # no pages: a chapter and its book look just like this
    garuda.pages, scopus.pages = "101-120", "101--120"
    assert verdict(garuda, scopus).duplicate
    scopus.authors = [Person(family="Santoso")]
    assert not verdict(garuda, scopus).duplicate


def test_same_journal_volume_and_pages_is_one_article_under_two_titles():
    garuda = paper("Peran Media Sosial dalam Kampanye Pemilihan Presiden 2019", author="Lestari")
    scopus = paper("The Role of Social Media in the 2019 Presidential Election Campaign", author="Lestari")
    for p in (garuda, scopus):
        p.journal, p.volume, p.pages = "Jurnal Ilmu Sosial dan Ilmu Politik", "24", "45-62"
    scopus.pages = "45--62"
    assert verdict(garuda, scopus).duplicate
    scopus.issue, garuda.issue = "1", "2"
    assert not verdict(garuda, scopus)  # another issue: two articles
    scopus.issue = garuda.issue = ""
    garuda.pages = scopus.pages = "iv-v"  # front matter: every issue has one
    assert not verdict(garuda, scopus)
    garuda.pages = scopus.pages = "45-62"
    scopus.year = 2020
    assert not verdict(garuda, scopus)
