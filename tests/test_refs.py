"""Cited works across the corpus (`litreview refs`): grouping, corpus links, tables, the network."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from litreview.model import Paper, Person
from litreview.render.graph import render_dot, render_graphml, render_vosviewer
from litreview.synthesis.cited import PaperWork, base_year, build_citation_index, paper_works, same_name
from litreview.synthesis.network import build_network
from litreview.synthesis.refs import refs_table


def test_same_name_allows_one_edit_in_long_names_only():
    assert same_name("kruikemeyer", "kruikemeier")
    assert same_name("fahrudin", "fachrudin")
    assert not same_name("rahman", "rahmat")  # too short for a typo: different people
    assert not same_name("putra", "putri")
    assert not same_name("kruikemeier", "bruikemeier")  # another first letter
    assert same_name("wibowo", "wibowo")


def test_base_year():
    assert base_year("2019a") == "2019"
    assert base_year("2019") == "2019"
    assert base_year("n.d.") == "n.d."


def _works(*items: tuple[str, list[str], str, str]) -> list[PaperWork]:
    return [PaperWork(authors=a, year=y, title=t, mentions=1) for _, a, y, t in items]


def test_spelling_variants_of_one_author_are_one_work_with_year_agreement():
    index = build_citation_index([
        ("p1", [PaperWork(["Kruikemeier"], "2013", mentions=2), PaperWork(["Wibowo"], "2019", mentions=1)]),
        ("p2", [PaperWork(["Kruikemeyer"], "2013", mentions=1)]),
        ("p3", [PaperWork(["Kruikemeier"], "2014", mentions=1), PaperWork(["Kruikemeier"], "2013", mentions=1)]),
    ])
    top = index.works[0]
    assert (top.authors[0], top.year, top.papers, top.mentions) == ("Kruikemeier", "2013", 3, 4)
    assert top.variants == ["Kruikemeyer"]
    assert [c.paper for c in top.citing] == ["p1", "p2", "p3"]
    labels = [w.label() for w in index.works]
    assert labels == ["Kruikemeier, 2013", "Kruikemeier, 2014", "Wibowo, 2019"]
    assert index.papers_read == 3 and index.citing_papers == 3


def test_same_name_and_year_but_different_titles_stay_two_works():
    index = build_citation_index([
        ("p1", [PaperWork(["Nugroho"], "2020", title="Hoaks politik dan literasi digital pemilih pemula")]),
        ("p2", [PaperWork(["Nugroho"], "2020", title="Desentralisasi fiskal dan belanja daerah")]),
        ("p3", [PaperWork(["Nugroho"], "2020", title="Hoaks Politik dan Literasi Digital Pemilih Pemula.")]),
    ])
    assert sorted((w.papers, w.title) for w in index.works) == [
        (1, "Desentralisasi fiskal dan belanja daerah"),
        (2, "Hoaks politik dan literasi digital pemilih pemula"),
    ]
    assert len({w.id for w in index.works}) == 2


def test_a_letter_after_the_year_does_not_split_a_work_across_papers():
    index = build_citation_index([("p1", [PaperWork(["Lim"], "2017a")]), ("p2", [PaperWork(["Lim"], "2017")])])
    assert [(w.label(), w.papers) for w in index.works] == [("Lim, 2017", 2)]


def test_cited_work_in_the_corpus_is_linked_by_author_year_and_title():
    corpus = [
        Paper(key="munadi2023", title="Perilaku politik milenial dan Gen Z", year=2023,
              authors=[Person(literal="Munadi")]),
        Paper(key="cobis2023", title="Media sosial sebagai alat kampanye", year=2023,
              authors=[Person(family="Cobis", given="Mikhael Yulius"), Person(family="Rusadi", given="Udi")]),
        Paper(key="cobis2023b", title="Sesuatu yang lain sama sekali", year=2023, authors=[Person(family="Cobis")]),
    ]
    index = build_citation_index([
        ("p1", [PaperWork(["Munadi"], "2023"),
                PaperWork(["Cobis", "Rusadi"], "2023", title="Media Sosial sebagai Alat Kampanye")]),
        ("munadi2023", [PaperWork(["Munadi"], "2023")]),  # a paper never links to itself
    ], corpus)
    by_label = {w.label(): w for w in index.works}
    assert by_label["Cobis & Rusadi, 2023"].corpus_key == "cobis2023"
    assert by_label["Munadi, 2023"].corpus_key == ""  # p1 and munadi2023 cite it; munadi2023 cannot be it


def test_without_a_title_only_a_single_candidate_is_linked():
    corpus = [Paper(key="a", year=2020, authors=[Person(family="Santoso")], title="Satu"),
              Paper(key="b", year=2020, authors=[Person(family="Santoso")], title="Dua"),
              Paper(key="c", year=2021, authors=[Person(family="Hidayat")], title="Tiga")]
    index = build_citation_index([("p", [PaperWork(["Santoso"], "2020"), PaperWork(["Hidayat"], "2021")])], corpus)
    assert {w.label(): w.corpus_key for w in index.works} == {"Santoso, 2020": "", "Hidayat, 2021": "c"}


def test_labels_follow_author_count_and_language():
    index = build_citation_index([("p", [
        PaperWork(["Rahadi", "Abdillah"], "2013"), PaperWork(["Lim", "Tan", "Wong"], "2018"),
        PaperWork(["Rahman"], "2021", et_al=True)])])
    assert sorted(w.label() for w in index.works) == ["Lim et al., 2018", "Rahadi & Abdillah, 2013",
                                                      "Rahman et al., 2021"]
    assert sorted(w.label("id") for w in index.works) == ["Lim dkk., 2018", "Rahadi dan Abdillah, 2013",
                                                          "Rahman dkk., 2021"]


TEXT_A = """# Kampanye digital

## Pendahuluan
Media sosial mengubah kampanye (Kruikemeier, 2014; Wibowo, 2019). Menurut Rahadi dan Abdillah (2013),
jangkauan kampanye bertambah. Temuan serupa dilaporkan Kruikemeier (2014, hlm. 12) pada Pemilu 2024.

## Daftar Pustaka
Kruikemeier, S. (2014). How political candidates use Twitter and the impact on votes. Computers in Human
Behavior, 34, 131-139.
Rahadi, D. R., & Abdillah, L. A. (2013). The utilization of social networking as promotion media. Jurnal
Sistem Informasi, 5(1), 1-10.
Utomo, B. (2018). Buku yang tidak dikutip dalam teks. Jakarta: Penerbit.
Wibowo, A. (2019). Kampanye daring dan pemilih pemula. Jurnal Politik, 4(2), 20-31.
"""

TEXT_B = """# Hoaks dan pemilih

## Pendahuluan
Studi terdahulu menunjukkan hal yang sama (Kruikemeyer, 2014) dan juga (Santoso, 2022).

## Daftar Pustaka
Kruikemeyer, S. (2014). How political candidates use Twitter and the impact on votes. Computers in Human
Behavior, 34, 131-139.
Santoso, B. (2022). Kampanye daring dan pemilih pemula di Jawa Tengah. Jurnal Politik, 7(1), 1-12.
"""


def _md(path: Path, title: str, family: str, year: int, body: str) -> Path:
    path.write_text(f'---\ntitle: "{title}"\nauthors: [{{family: "{family}", given: "Budi"}}]\nyear: {year}\n'
                    f"language: id\n---\n\n{body}", encoding="utf-8")
    return path


@pytest.fixture
def refs_corpus(tmp_path, run):
    _md(tmp_path / "a.md", "Kampanye digital", "Hartono", 2024, TEXT_A)
    _md(tmp_path / "b.md", "Hoaks dan pemilih", "Susanto", 2024, TEXT_B)
    (tmp_path / "c.bib").write_text(
        "@article{santoso2022, title={Kampanye Daring dan Pemilih Pemula di Jawa Tengah}, author={Santoso, Budi},"
        " year={2022}, journal={Jurnal Politik}}\n", encoding="utf-8")
    result = run("add", "a.md", "b.md", "c.bib", "--no-tag")
    assert result.exit_code == 0, result.output
    return tmp_path


def test_paper_works_links_text_to_reference_list_and_keeps_uncited_entries():
    paper = Paper(key="a", text=TEXT_A)
    from litreview.text.sections import detect_sections

    paper.sections = detect_sections(paper.text)
    works = {f"{w.authors[0]} {w.year}": w for w in paper_works(paper)}
    assert set(works) == {"Kruikemeier 2014", "Wibowo 2019", "Rahadi 2013", "Utomo 2018"}
    assert works["Kruikemeier 2014"].mentions == 2 and works["Kruikemeier 2014"].pages == ["12"]
    assert works["Kruikemeier 2014"].reference.startswith("Kruikemeier, S. (2014)")
    assert works["Utomo 2018"].mentions == 0 and works["Utomo 2018"].reference


def test_refs_lists_works_most_cited_first_with_corpus_links(refs_corpus, run):
    result = run("refs", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["papers_read"] == 2 and data["citing_papers"] == 2
    first = data["works"][0]
    assert (first["label"], first["papers"], first["mentions"]) == ("Kruikemeier, 2014", 2, 3)
    assert first["variants"] == ["Kruikemeyer"]
    santoso = next(w for w in data["works"] if w["authors"][0] == "Santoso")
    assert santoso["corpus_key"] == "santoso2022"
    assert [w["label"] for w in data["works"]].count("Utomo, 2018") == 1


def test_refs_terminal_markdown_and_indonesian(refs_corpus, run):
    result = run("refs", "--format", "markdown", "--lang", "id", "--top", "2")
    assert result.exit_code == 0, result.output
    assert "Karya yang dirujuk" in result.stdout and "Kruikemeier, 2014" in result.stdout
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ") and not set(line) <= set("|-: ")]
    assert len(rows) == 3  # the header and two works
    plain = run("refs")
    assert plain.exit_code == 0 and "Kruikemeier, 2014" in plain.stdout


def test_refs_for_one_paper(refs_corpus, run):
    keys = json.loads(run("list", "--format", "json").stdout)
    key_a = next(p["key"] for p in keys if p["title"] == "Kampanye digital")
    result = run("refs", "--key", key_a, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "Utomo, 2018" in result.stdout and "Wibowo, 2019" in result.stdout
    assert "Santoso" not in result.stdout


def test_refs_graph_files(refs_corpus, run):
    for name in ("net.graphml", "net.dot", "net.json"):
        result = run("refs", "--graph", name, "--top", "1")
        assert result.exit_code == 0, result.output
        assert (refs_corpus / name).stat().st_size > 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((refs_corpus / "net.graphml").stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0600
    root = ET.parse(refs_corpus / "net.graphml").getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    nodes = root.findall(".//g:node", ns)
    edges = root.findall(".//g:edge", ns)
    assert len(edges) >= 6 and any(n.get("id") == "santoso2022" for n in nodes)
    vos = json.loads((refs_corpus / "net.json").read_text(encoding="utf-8"))
    ids = {item["id"] for item in vos["network"]["items"]}
    assert all(link["source_id"] in ids and link["target_id"] in ids for link in vos["network"]["links"])
    assert "->" in (refs_corpus / "net.dot").read_text(encoding="utf-8")


def test_refs_bad_input(refs_corpus, run):
    unknown = run("refs", "--key", "santoso202")
    assert unknown.exit_code != 0 and "santoso2022" in unknown.output and "Traceback" not in unknown.output
    no_text = run("refs", "--key", "santoso2022")
    assert no_text.exit_code == 1 and "no full text" in no_text.output
    bad_graph = run("refs", "--graph", "net.png")
    assert bad_graph.exit_code == 2 and ".graphml" in bad_graph.output
    assert not (refs_corpus / "net.png").exists()
    too_many = run("refs", "--min-papers", "5")
    assert too_many.exit_code == 2 and "--min-papers" in too_many.output


def test_refs_on_a_corpus_without_text(tmp_path, run):
    (tmp_path / "c.bib").write_text("@article{x2020, title={T}, author={X, Y}, year={2020}}\n", encoding="utf-8")
    assert run("add", "c.bib", "--no-tag").exit_code == 0
    result = run("refs")
    assert result.exit_code == 1 and "no paper has full text" in result.output


def test_graph_writers_escape_and_stay_stable():
    index = build_citation_index([("p1", [PaperWork(['O"Neil <x>'], "2020", title='A "quoted" & <b> title')])])
    network = build_network(index, {"p1": Paper(key="p1", title="Citing", year=2024,
                                                 authors=[Person(family="Hartono")])})
    graphml = render_graphml(network)
    root = ET.fromstring(graphml.split("\n", 1)[1])
    assert root.tag.endswith("graphml")
    assert render_graphml(network) == graphml
    dot = render_dot(network)
    assert '\\"quoted\\"' in dot and dot.startswith("digraph")
    vos = json.loads(render_vosviewer(network))
    assert [i["label"] for i in vos["network"]["items"]] == ["Hartono, 2024", 'O"Neil <x>, 2020']
    assert vos["network"]["links"] == [{"source_id": 1, "target_id": 2, "strength": 1}]


def test_refs_table_notes_and_min_papers():
    index = build_citation_index([("p1", [PaperWork(["A"], "2020", mentions=1), PaperWork(["B"], "2021")]),
                                  ("p2", [PaperWork(["A"], "2020", mentions=2)])])
    table = refs_table(index, min_papers=2)
    assert [r["work"].text for r in table.rows] == ["A, 2020"]
    assert table.notes == ["Works cited: 1; papers citing them: 2 of 2 with full text."]
