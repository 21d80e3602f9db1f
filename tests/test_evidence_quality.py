"""Evidence quality: another work's claim is labelled and never a paper's own finding, aim or
annotation; definitions are no aim; sentences glued in PDF text are split."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT, SHARED

from litreview.model import Paper
from litreview.synthesis.annotate import annotate, is_definition
from litreview.synthesis.findings import key_findings
from litreview.text.attribution import citing_label, reports_other_work
from litreview.text.sentences import split_sentences


def _split(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize("text,expected", [
    ("Kampanye menjangkau masyarakat luas.Melihat kondisi ini, partai bergerak.",
     ["Kampanye menjangkau masyarakat luas.", "Melihat kondisi ini, partai bergerak."]),
    ("Kampanye menjangkau masyarakat luas.2Melihat kondisi ini, partai bergerak.",
     ["Kampanye menjangkau masyarakat luas.2", "Melihat kondisi ini, partai bergerak."]),
    ("Kampanye menjangkau masyarakat luas.\u00b9 Melihat kondisi ini, partai bergerak.",
     ["Kampanye menjangkau masyarakat luas.\u00b9", "Melihat kondisi ini, partai bergerak."]),
    ("Kampanye menjangkau masyarakat luas.12 Melihat kondisi ini, partai bergerak.",
     ["Kampanye menjangkau masyarakat luas.12", "Melihat kondisi ini, partai bergerak."]),
    ("Partai harus bergerak strategis 2. Karena itu kami menulis.",
     ["Partai harus bergerak strategis 2.", "Karena itu kami menulis."]),
    ("Versi 2.0 Beta dirilis. Data dari U.S.A. Dept tersedia.", ["Versi 2.0 Beta dirilis.",
                                                                "Data dari U.S.A. Dept tersedia."]),
    ("Lihat detik.com untuk berita.", ["Lihat detik.com untuk berita."]),
])
def test_glued_sentences_are_split(text, expected):
    assert _split(text) == expected


@pytest.mark.parametrize("sentence,label", [
    ("Kruikemeyer dkk. (2013) berpendapat bahwa komunikasi daring menambah keterlibatan.",
     "mengutip Kruikemeyer dkk., 2013"),
    ("Media sosial memperluas partisipasi (Cobis & Rusadi, 2023).", "mengutip Cobis & Rusadi, 2023"),
    ("Menurut McNair (2017), komunikasi politik bersifat strategis.", "mengutip McNair, 2017"),
    ("Temuan penelitian ini sejalan dengan Munadi (2023).", ""),
    ("Penelitian ini mengkaji kampanye menurut Undang-Undang Nomor 7 Tahun 2017.", ""),
    ("Hoaks menyebar luas menjelang Pemilu 2019.", ""),
    ("Kajian terdahulu menunjukkan bahwa kampanye daring menaikkan elektabilitas.", "mengutip karya lain"),
    ("Namun, beberapa penelitian sebelumnya menemukan dampak yang kecil.", "mengutip karya lain"),
    ("Temuan penelitian ini berbeda dari kajian terdahulu.", ""),  # the paper's own finding, compared
    ("Studi kasus ini memakai data survei.", ""),
])
def test_another_works_claim_is_labelled(sentence, label):
    assert citing_label(sentence, "id") == label
    assert reports_other_work(sentence) == bool(label)


def test_english_label():
    assert citing_label("Smith et al. (2019) found that exposure polarises.") == "citing Smith et al., 2019"
    assert citing_label("Prior work [3, 4] shows this.") == "citing another work"
    assert citing_label("Previous studies have linked online exposure to turnout.") == "citing another work"
    assert citing_label("This study extends previous research on turnout.") == ""


def test_definitions_are_never_an_aim():
    assert is_definition("Metode kualitatif adalah pendekatan penelitian yang bertujuan untuk memahami fenomena.")
    assert not is_definition("Tujuan penelitian ini adalah untuk mengetahui peran media sosial.")
    paper = Paper(key="x", title="X", abstract=(
        "Metode kualitatif adalah pendekatan penelitian yang bertujuan untuk memahami fenomena sosial secara "
        "mendalam. Penelitian ini bertujuan untuk menganalisis peran media sosial dalam kampanye daerah. "
        "Kruikemeyer dkk. (2013) menemukan bahwa komunikasi daring menambah keterlibatan politik warga. "
        "Hasil penelitian menunjukkan bahwa Instagram menjadi saluran kampanye yang paling sering dipakai."))
    note = annotate(paper, "id")
    assert note.aim.startswith("Penelitian ini bertujuan")
    assert note.finding.startswith("Hasil penelitian menunjukkan")
    assert all(not f.sentence.startswith("Kruikemeyer") for f in key_findings(paper))


def test_evidence_table_labels_citing_sentences(run, sample_corpus):
    result = run("table", "evidence", "--format", "json", "--lang", "id")
    (table,) = json.loads(result.stdout)
    citing = [r for r in table["rows"] if ", mengutip " in r["citation"]["text"]]
    assert citing
    for row in citing:
        assert reports_other_work(row["sentence"]["text"])
    representative = run("table", "synthesis", "--format", "json")
    (synthesis,) = json.loads(representative.stdout)
    for row in synthesis["rows"]:
        for quote in filter(None, row["representative"]["text"].split("\n")):
            assert not reports_other_work(quote[1 : quote.rindex("\u201d")]), quote


# An independent reading of "reports another author's claim": a narrative citation opening the
# sentence or followed by a verb of saying, or "Menurut X" / "According to X" at its start.
_OTHER_AUTHOR = re.compile(
    r"^\W*(?:[A-Z][\w'\u2019-]+(?:\s+(?:dkk\.?|et al\.?|(?:&|dan|and)\s+[A-Z][\w'\u2019-]+))?\s*\(\s*(?:19|20)\d{2}"
    r"|[Mm]enurut\s+[A-Z]|[Aa]ccording\s+to\s+[A-Z]"
    r"|(?:[Kk]ajian|[Pp]enelitian|[Ss]tudi)\s+(?:terdahulu|sebelumnya)|(?:[Pp]revious|[Pp]rior|[Ee]arlier)\s+(?:studies|research))"
    r"|[A-Z][\w'\u2019-]+(?:\s+(?:dkk\.?|et al\.?))?\s*\((?:19|20)\d{2}[a-z]?\)\s+(?:berpendapat|menyatakan|menemukan"
    r"|mengatakan|menjelaskan|mengemukakan|argues?|argued|found|finds|states?|stated|shows?|showed)"
)


@pytest.mark.skipif(not (SHARED / "texts").is_dir(), reason="../shared/texts is not present")
def test_no_chosen_finding_is_another_authors_claim(run, tmp_path):
    """Over the development texts: representative evidence, claims, key findings and annotations."""
    from litreview.store import Corpus
    from litreview.synthesis.claims import build_claims_table
    from litreview.synthesis.review import ReviewFilter, evidence_by_paper, findings_for, load_entries
    from litreview.synthesis.synthesize import build_synthesis
    from litreview.themes.codebook import load_codebook

    files = sorted((SHARED / "texts").glob("*.txt")) + sorted((SHARED / "samples").glob("*.txt"))
    files += [p for p in sorted((ROOT / "corpus").iterdir()) if p.name != "README.md"]  # the bundled sample
    assert run("add", *files).exit_code in (0, 3)
    book = load_codebook()
    with Corpus(tmp_path / ".litreview") as corpus:
        entries = load_entries(corpus, book, ReviewFilter())
        entries = [e for e in entries if e.tags]
        evidence = evidence_by_paper(corpus, entries)
        found = findings_for(corpus, entries)
        papers = [corpus.get(e.key) for e in entries]
    chosen: list[str] = []
    for table in (build_synthesis(entries, evidence, book), build_claims_table(entries, evidence, book)):
        for row in table.rows:
            cell = row.get("representative") or row["quotes"]
            chosen += [q[1 : q.rindex("\u201d")] for q in cell.text.split("\n") if q]
    chosen += [f for findings, _ in found.values() for f in findings]
    for paper in papers:
        note = annotate(paper, "id")
        chosen += [s for s in (note.aim, note.finding) if s]
    assert len(chosen) > 50
    offending = [s for s in chosen if _OTHER_AUTHOR.search(s)]
    assert not offending, offending[:5]
