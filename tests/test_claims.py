"""Claims across sources: grouping alike sentences in two languages, contrary sources, the claims
table in every format, the synthesis sentences built from claims, and the claim-pair gold."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, SHARED

from litreview.model import Evidence, Facets, Paper, Tag
from litreview.store import Corpus
from litreview.synthesis.claimgold import cross_validate, load_claim_gold, precision_recall
from litreview.synthesis.claims import SAME_CLAIM, build_claims_table, claim_sentences, claims_by_theme, narrative
from litreview.synthesis.concepts import ConceptReader, cognate, similarity, weights
from litreview.synthesis.review import Entry
from litreview.themes.codebook import load_codebook
from litreview.themes.tagger import field_text

# Written for the tests: three sources on one point (two Indonesian, one English), one denying it,
# and one on another point.
SENTENCES = {
    "ana2023": ["Media sosial terbukti meningkatkan partisipasi politik pemilih pemula dalam pemilu.",
                "Kampanye di televisi masih menjadi sumber utama informasi bagi pemilih lansia."],
    "budi2024": ["Partisipasi politik pemilih pemula meningkat berkat kampanye di media sosial selama pemilu."],
    "carr2022": ["Social media increases the political participation of first-time voters in elections."],
    "dewi2024": ["Media sosial tidak berpengaruh terhadap partisipasi politik pemilih pemula dalam pemilu."],
    "eko2021": ["Hoaks politik menyebar paling cepat melalui grup percakapan keluarga menjelang pemungutan suara."],
}


def _entries() -> tuple[list[Entry], dict[str, list[Evidence]]]:
    entries, evidence = [], {}
    for key, sentences in SENTENCES.items():
        text = " ".join(sentences)
        paper = Paper(key=key, title=key, text=text)
        citation = f"{key[:-4].capitalize()}, {key[-4:]}"
        entries.append(Entry(paper=paper, citation=citation, tags=[Tag(theme="participation", score=3.0)],
                             facets=Facets()))
        evidence[key] = [Evidence(theme="participation", field="text", start=text.index(s),
                                  end=text.index(s) + len(s), sentence=s, section="results", score=2.0,
                                  place="body") for s in sentences]
    return entries, evidence


def test_sources_in_two_languages_support_one_claim_and_a_denial_is_contrary():
    entries, evidence = _entries()
    claims = claims_by_theme(entries, evidence, load_codebook(), ["participation"])["participation"]
    assert len(claims) == 1
    claim = claims[0]
    assert {q.citation for q in claim.supporting} == {"Ana, 2023", "Budi, 2024", "Carr, 2022"}
    assert [q.citation for q in claim.contrary] == ["Dewi, 2024"]
    assert claim.representative.citation in {"Ana, 2023", "Budi, 2024", "Carr, 2022"}


def test_claim_sentences_only_quote_the_sources():
    entries, evidence = _entries()
    claims = claims_by_theme(entries, evidence, load_codebook(), ["participation"])["participation"]
    for lang in ("en", "id"):
        sentences = claim_sentences(claims, lang)
        assert len(sentences) == 2
        agree, contrary = sentences
        assert agree.startswith("Three sources agree (" if lang == "en" else "Tiga sumber sepakat (")
        assert claims[0].representative.sentence.rstrip(".") in agree
        assert contrary.startswith("Dewi (2024) ")
        assert "tidak berpengaruh terhadap partisipasi" in contrary
        quoted = [part for text in sentences for part in text.split("\u201c")[1:]]
        for part in quoted:  # every quotation is a source's own words
            assert any(part.split("\u201d")[0].rstrip(".") in s for ss in SENTENCES.values() for s in ss)


def test_claims_table_columns_and_rows():
    entries, evidence = _entries()
    table = build_claims_table(entries, evidence, load_codebook(), "id")
    assert [c.key for c in table.columns] == ["theme", "claim", "sources", "supporting", "contrary", "quotes"]
    (row,) = table.rows
    assert row["sources"].value == 3
    assert row["contrary"].text == "Dewi, 2024"
    assert row["quotes"].text.count("\u201c") == 4


def test_concepts_meet_across_languages():
    reader = ConceptReader()
    english = reader.read("Hoaxes threaten the participation of young voters.")
    indonesian = reader.read("Hoaks mengancam partisipasi pemilih muda.")
    other = reader.read("Instagram dipakai untuk membangun citra politik kandidat.")
    weight = weights([english, indonesian, other])
    assert similarity(english, indonesian, weight) > SAME_CLAIM > similarity(english, other, weight)
    assert cognate("participation") == cognate("partisipasi") == "partisipasi"
    assert cognate("democracy") == "demokrasi"
    assert cognate("identity") == "identitas"
    assert reader.read("Media sosial tidak berpengaruh terhadap partisipasi.").negated
    assert reader.read("Social media had no effect on turnout.").negated
    assert not reader.read("Warga bertanya langsung tanpa perantara redaksi.").negated


def test_narrative_citations():
    assert narrative("Cobis & Rusadi, 2023") == "Cobis and Rusadi (2023)"
    assert narrative("Cobis & Rusadi, 2023", "id") == "Cobis dan Rusadi (2023)"
    assert narrative("Anonim, 2024a") == "Anonim (2024a)"


@pytest.fixture
def sample(run, sample_corpus):
    return sample_corpus  # a copy of the sample corpus, added and tagged once per test process


def test_claims_table_of_the_sample_corpus_quotes_its_papers(run, sample):
    result = run("table", "claims", "--format", "json")
    assert result.exit_code == 0, result.output
    (table,) = json.loads(result.stdout)
    assert table["kind"] == "claims" and table["rows"]
    corpus = Corpus(sample / ".litreview")
    papers = {p.key: p for p in corpus.iter_papers(None, full=True)}
    texts = {k: " ".join(" ".join(field_text(p, f) for f in ("text", "abstract", "abstract_id", "abstract_en")).split())
             for k, p in papers.items()}
    for row in table["rows"]:
        supporting = row["supporting"]["text"].split("; ")
        assert len(supporting) + len([c for c in row["contrary"]["text"].split("; ") if c]) >= 2
        for quote in row["quotes"]["text"].split("\n"):
            sentence = quote[1 : quote.rindex("\u201d")]
            assert any(sentence in t for t in texts.values()), quote
    hoax = [r for r in table["rows"] if r["theme"]["text"].startswith("Hoax")]
    assert any(set(r["supporting"]["text"].split("; ")) == {"Anonim, 2024b", "Cobis & Rusadi, 2023"} for r in hoax)
    for name in ("c.tex", "c.docx", "c.xlsx"):
        assert run("table", "claims", "-o", name).exit_code == 0
    indonesian = run("table", "claims", "--lang", "id", "--format", "markdown")
    assert "| Tema | Klaim | Sumber | Pendukung | Berlawanan | Kutipan |" in indonesian.stdout


def test_synthesis_statement_carries_the_claims(run, sample):
    result = run("table", "synthesis", "--format", "json", "--theme", "mobilization")
    (table,) = json.loads(result.stdout)
    statement = table["rows"][0]["statement"]["text"]
    assert "Two sources agree (Anonim, 2024a; Anonim, 2024b): \u201c" in statement


def _gold_pairs():
    roots = {"corpus": ROOT, "texts": SHARED, "samples": SHARED}
    return load_claim_gold(ROOT / "tests" / "gold" / "claims.yaml", roots)


def test_claim_gold_reads_and_judges():
    """The gold's pairs (those of the corpus alone without ../shared) are judged; with the whole
    development set the cross-validated figures must not fall below those measured (precision
    0.79, recall 0.61 at the time of writing: short of the 0.85 aimed at)."""
    pairs, skipped = _gold_pairs()
    assert pairs and all(p.a and p.b for p in pairs)
    reader = ConceptReader()
    bags = {s: reader.read(s) for p in pairs for s in (p.a, p.b)}
    weight = weights(list(bags.values()))
    scores = [similarity(bags[p.a], bags[p.b], weight) for p in pairs]
    labels = [p.same for p in pairs]
    if skipped:
        precision, recall = precision_recall(scores, labels, SAME_CLAIM)
        assert precision >= 0.6
        return
    precision, recall, _ = cross_validate(scores, labels)
    print(f"claim pairs: {len(pairs)}, cross-validated precision {precision:.3f}, recall {recall:.3f}")
    assert len(pairs) >= 150
    assert precision >= 0.75 and recall >= 0.58


def test_no_claim_is_one_line_saying_why(run, sample):
    result = run("table", "claims", "--keys", "fahruji2023")
    assert result.exit_code == 1
    assert "no two sources say the same thing" in result.output
    assert "Traceback" not in result.output


def test_a_research_gap_is_no_claim_about_the_world():
    from litreview.synthesis.claims import candidates
    from litreview.synthesis.findings import states_research_gap

    gap = ("Temuan yang saling bertentangan itu meninggalkan kesenjangan yang perlu diteliti soal partisipasi "
           "pemilih muda.")
    finding = "Media sosial terbukti meningkatkan partisipasi politik pemilih muda dalam pemilu."
    assert states_research_gap(gap) and not states_research_gap(finding)
    assert states_research_gap("Little is known about how first-time voters judge campaign videos.")
    text = f"{gap} {finding}"
    entry = Entry(paper=Paper(key="k", title="k", text=text), citation="K, 2024",
                  tags=[Tag(theme="participation", score=3.0)], facets=Facets())
    evidence = [Evidence(theme="participation", field="text", start=text.index(s), end=text.index(s) + len(s),
                         sentence=s, section="results", score=2.0, place="body") for s in (gap, finding)]
    assert [q.sentence for q in candidates(entry, evidence, "participation")] == [finding]
