"""Merging two records of one work: every field from the richer record, nothing lost."""

from litreview.merging import changed_fields, is_abbreviation, merge_extra, merge_records, split_conflicts
from litreview.model import Paper, Person, Section


def record(**fields):
    base = dict(title="Politik Uang dan Perilaku Pemilih pada Pemilu Legislatif 2019", year=2020,
                authors=[Person(family="Munadi", given="Ahmad")])
    base.update(fields)
    return Paper(**base)


def test_truncated_author_list_loses_to_the_full_one_and_given_names_beat_initials():
    scholar = record(authors=[Person(family="Munadi", given="A.")], authors_truncated=True)
    scopus = record(authors=[Person(family="Munadi", given="Ahmad"), Person(family="Siregar", given="Rina")])
    merged, conflicts = merge_records(scholar, scopus)
    assert [a.display() for a in merged.authors] == ["Ahmad Munadi", "Rina Siregar"]
    assert not merged.authors_truncated and conflicts == {}
    merged, _ = merge_records(scopus, scholar)  # either way round
    assert [a.display() for a in merged.authors] == ["Ahmad Munadi", "Rina Siregar"]
    wos = record(authors=[Person(family="MUNADI", given="A")])
    assert merge_records(wos, record(authors=[Person(family="Munadi", given="A")]))[0].authors[0].family == "Munadi"


def test_other_surnames_are_a_conflict_kept_with_the_loser():
    a = record(authors=[Person(family="Munadi", given="Ahmad"), Person(family="Siregar", given="Rina")])
    b = record(authors=[Person(family="Pratama", given="Budi")])
    merged, conflicts = merge_records(a, b)
    assert merged.authors == a.authors
    assert conflicts == {"authors": [{"family": "Pratama", "given": "Budi"}]}


def test_a_list_that_only_leaves_names_out_is_no_conflict():
    editors = [Person(family=n) for n in ("Mitani", "Call", "Kappeler", "Palombit", "Silk")]
    merged, conflicts = merge_records(record(authors=editors[2:]), record(authors=editors))
    assert [a.family for a in merged.authors] == ["Mitani", "Call", "Kappeler", "Palombit", "Silk"]
    assert conflicts == {}


def test_title_as_printed_beats_all_caps_cut_or_lower_case():
    caps = record(title="POLITIK UANG DAN PERILAKU PEMILIH PADA PEMILU LEGISLATIF 2019")
    merged, conflicts = merge_records(caps, record())
    assert merged.title == "Politik Uang dan Perilaku Pemilih pada Pemilu Legislatif 2019" and conflicts == {}
    cut = record(title="Politik Uang dan Perilaku Pemilih pada …")
    assert merge_records(cut, record())[0].title == record().title
    longer = record(title=record().title + ": Studi di Sumatera Utara")  # the other dropped the subtitle
    merged, conflicts = merge_records(record(), longer)
    assert merged.title == longer.title and conflicts == {}


def test_really_different_titles_keep_the_first_and_record_the_other():
    merged, conflicts = merge_records(record(), record(title="Vote Buying in Indonesia's 2019 Legislative Election"))
    assert merged.title == record().title
    assert conflicts == {"title": "Vote Buying in Indonesia's 2019 Legislative Election"}


def test_full_journal_name_beats_its_abbreviation_without_a_conflict():
    merged, conflicts = merge_records(record(journal="J. Komun. Polit."), record(journal="Jurnal Komunikasi Politik"))
    assert merged.journal == "Jurnal Komunikasi Politik" and conflicts == {}
    assert is_abbreviation("Asian J. Polit. Sci.", "Asian Journal of Political Science")
    assert not is_abbreviation("J. Polit.", "Jurnal Penelitian Politik dan Pemerintahan")
    merged, conflicts = merge_records(record(journal="Jurnal Penelitian Politik"), record(journal="Electoral Studies"))
    assert merged.journal == "Jurnal Penelitian Politik" and conflicts == {"journal": "Electoral Studies"}


def test_more_precise_date_wins_and_another_year_is_a_conflict():
    merged, conflicts = merge_records(record(date="2020"), record(date="2020-07-15"))
    assert merged.date == "2020-07-15" and merged.year == 2020 and conflicts == {}
    merged, conflicts = merge_records(record(date="2020"), record(date="2019", year=2019))
    assert merged.year == 2020 and conflicts == {"date": "2019", "year": 2019}


def test_gaps_are_filled_lists_unioned_and_longer_abstract_wins():
    a = record(keywords=["politik uang", "Pemilu"], author_ids=["orcid:0000-0001"], abstract="Pendek.")
    b = record(keywords=["pemilu", "vote buying"], author_ids=["orcid:0000-0001", "scopus:57190"],
               doi="10.22146/jsp.55123", issn="1410-4946", volume="24", issue="1",
               abstract="Pendek. Artikel ini menganalisis praktik politik uang di Sumatera Utara.",
               cited_references=["Aspinall, E. (2019)."])
    merged, conflicts = merge_records(a, b)
    assert merged.keywords == ["politik uang", "Pemilu", "vote buying"]
    assert merged.author_ids == ["orcid:0000-0001", "scopus:57190"]
    assert (merged.doi, merged.issn, merged.volume, merged.issue) == ("10.22146/jsp.55123", "1410-4946", "24", "1")
    assert merged.abstract == b.abstract and merged.cited_references == b.cited_references
    assert conflicts == {}  # the short abstract is the start of the long one: nothing lost
    assert set(changed_fields(a, merged)) >= {"keywords", "doi", "abstract", "author_ids"}


def test_an_unrelated_abstract_and_another_publisher_are_conflicts():
    a = record(abstract="Artikel ini menganalisis politik uang.", publisher="Universitas Gadjah Mada")
    b = record(abstract="We study vote buying with a survey of 600 voters in North Sumatra, Indonesia.",
               publisher="UGM Press")
    merged, conflicts = merge_records(a, b)
    assert merged.abstract == b.abstract and merged.publisher == "Universitas Gadjah Mada"
    assert conflicts == {"abstract": a.abstract, "publisher": "UGM Press"}
    kept_lost, other_lost = split_conflicts(a, merged, conflicts)
    assert kept_lost == {"abstract": a.abstract} and other_lost == {"publisher": "UGM Press"}


def test_page_range_beats_first_page_and_the_same_doi_written_twice_is_no_conflict():
    merged, conflicts = merge_records(record(pages="45", doi="https://doi.org/10.22146/JSP.55123"),
                                      record(pages="45--62", doi="10.22146/jsp.55123"))
    assert merged.pages == "45--62" and conflicts == {}


def test_extra_is_merged_key_by_key_and_conflicting_values_are_kept():
    assert merge_extra({"sinta": "S2", "note2": "a"}, {"sinta": "S3", "eid": "2-s2.0-1"}) == {
        "sinta": "S2", "note2": "a", "sinta_2": "S3", "eid": "2-s2.0-1"}
    assert merge_extra({"sinta": "S2", "sinta_2": "S3"}, {"sinta": "S3"}) == {"sinta": "S2", "sinta_2": "S3"}


def test_full_text_comes_from_whichever_has_it():
    pdf = record(text="Pendahuluan ...", sections=[Section("introduction", "Pendahuluan", 0, 15)], pages_count=12)
    merged, _ = merge_records(record(), pdf)
    assert merged.text == "Pendahuluan ..." and merged.pages_count == 12 and merged.sections
    assert "full text" in changed_fields(record(), merged)


def test_metadata_guessed_from_a_pdf_never_replaces_a_records_values():
    bib = record(title="Politik uang dan perilaku pemilih pada pemilu legislatif 2019", journal="J. Ilmu Sos.")
    pdf = record(title="POLITIK UANG DAN PERILAKU PEMILIH PADA PEMILU LEGISLATIF 2019 Munadi", source_format="pdf",
                 authors=[Person(family="Munadi", given="Ahmad"), Person(family="Universitas", given="Negeri")],
                 journal="Jurnal Ilmu Sosial", volume="24")
    merged, conflicts = merge_records(bib, pdf)
    assert merged.title == bib.title and merged.authors == bib.authors and merged.journal == "J. Ilmu Sos."
    assert merged.volume == "24"  # gaps are still filled
    assert merge_records(record(), record(key="x"))[0].key == ""  # the kept paper's key stays
