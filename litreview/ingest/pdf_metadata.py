"""A PDF's metadata from its first page, with languages: title, authors, year,
journal, DOI, abstracts and keywords, falling back on the PDF's own metadata
dictionary (and the file name) only where the page gives nothing plausible.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from litreview.i18n import msg
from litreview.ingest.pdf_abstract import fill_abstracts
from litreview.ingest.pdf_affiliations import find_affiliations
from litreview.ingest.pdf_authors import find_authors, make_person, metadata_people
from litreview.ingest.pdf_banner import (
    WEAK_YEAR_SOURCES,
    Container,
    find_container,
    find_doi,
    find_issn,
    find_year_source,
    metadata_year,
    running_container,
)
from litreview.ingest.pdf_layout import Line, edge_lines
from litreview.ingest.pdf_title import find_second_title, find_title, find_title_above_abstract, title_text
from litreview.model import Paper
from litreview.text.clean import clean_field
from litreview.text.language import detect_language


def fill_metadata(
    paper: Paper,
    lines: list[Line],
    height: float,
    metadata: dict[str, str],
    name: str,
    next_page: str = "",
    cover: str = "",
) -> None:
    """Title, authors, year, journal, DOI, abstracts and keywords, with languages.
    ``next_page``, the raw text of the page after, lends its running header or
    footer when the first page names no journal or year; ``cover``, the text of
    a cover sheet before the article, is where its DOI is looked for first."""
    paper.language = detect_language(paper.text[:20000])
    block = find_title(lines, height) if lines else []
    second_block = _fill_titles(paper, lines, block) if block else []
    after = (second_block or block)[-1] + 1 if block else 0
    limit = (lines[block[-1]].bottom if block else 0.0) + 0.45 * height
    byline: list[tuple[int, list[str]]] = []
    names = find_authors(lines, after, limit, byline) if block else []
    paper.authors = [make_person(n) for n in names]
    if names:
        found = find_affiliations(lines, byline, limit + 0.1 * height)
        paper.affiliations, paper.emails = found.affiliations, found.emails
        found.apply(paper.authors)
    else:
        paper.authors = metadata_people(metadata.get("Author", ""))
        if paper.authors:
            paper.low_confidence["authors"] = msg("the PDF's metadata, not the page")
    if lines and not paper.authors:
        paper.warnings.append(
            msg("no authors found on the first page; set them with `litreview edit` or add with --author")
        )
    _fill_publication(paper, lines, height, set(block) | set(second_block), metadata, next_page, cover)
    fill_abstracts(paper, lines)
    _choose_main_language(paper)
    if not paper.title:
        from_metadata = _plausible_metadata_title(metadata.get("Title", ""))
        paper.title = from_metadata or _title_from_name(name)
        paper.low_confidence["title"] = msg("the PDF's metadata, not the page") if from_metadata \
            else msg("the file name")
        if lines and not from_metadata:
            paper.warnings.append(msg("no title found on the first page; the file name stands in for it"))
    guessed = [msg("{field} (from {source})", field=field, source=source)
               for field, source in paper.low_confidence.items()
               if field != "title" or not paper.warnings or "file name" not in source]
    if lines and guessed:
        paper.warnings.append(msg("read with low confidence, check: {fields} (`litreview edit` corrects it)",
                                  fields="; ".join(guessed)))


def _fill_publication(
    paper: Paper,
    lines: list[Line],
    height: float,
    skip: set[int],
    metadata: dict[str, str],
    next_page: str = "",
    cover: str = "",
) -> None:
    """Year, container (journal, volume, issue, pages), DOI and ISSN."""
    year, source = find_year_source(lines, height, skip) if lines else (None, "")
    if source in WEAK_YEAR_SOURCES:
        paper.low_confidence["year"] = msg("a running line") if source == "running line" else msg("date on the page")
    running = running_container(next_page) if lines and next_page else Container()
    if year is None and running.name:
        year = running.year
        if year is not None:
            paper.low_confidence["year"] = msg("the running header of page 2")
    if year is None:
        year, source = metadata_year(metadata)
        if year is not None and source != "CreationDate":
            paper.low_confidence["year"] = msg("the PDF's metadata, not the page")
        if year is not None and source == "CreationDate":
            # When the file was made is not when the paper was published: say it, don't store it.
            paper.warnings.append(msg(
                "no publication year on the first page (the PDF was created in {year}); "
                "set it with `litreview edit` or add with --year", year=year
            ))
            year = None
        elif year is None and lines:
            paper.warnings.append(
                msg("no publication year on the first page; set it with `litreview edit` or add with --year")
            )
    paper.year = year
    paper.date = str(year) if year else ""
    container = find_container(lines, height, skip) if lines else Container()
    if not container.name:
        container = running
    paper.journal, paper.volume = container.name, container.volume
    paper.issue, paper.pages = container.issue, container.pages
    if container.proceedings:
        paper.entry_type = "inproceedings"
    starts = paper.page_starts
    first_page = paper.text[: starts[1]] if len(starts) > 1 else paper.text
    second_page = paper.text[starts[1] :][:2000] if len(starts) > 1 else ""
    if cover:  # the cover names the article's DOI; the article's page may end another's references
        first_page, second_page = cover, first_page.strip() or second_page
    edge_text = "\n".join(line.text for line in edge_lines(lines, height, set()))
    paper.doi = find_doi(first_page, second_page, edge_text)
    paper.issn = find_issn("\n".join(line.text for line in lines[:12]) + "\n" + edge_text)


def _choose_main_language(paper: Paper) -> None:
    """title/abstract/keywords: the version in the paper's language, else the other one."""
    if not paper.language:
        paper.language = detect_language(
            paper.title_id or paper.title_en or paper.abstract_id or paper.abstract_en
        )
    main = paper.language if paper.language in ("id", "en") else ("id" if paper.title_id else "en")
    other = "en" if main == "id" else "id"
    paper.title = getattr(paper, f"title_{main}") or getattr(paper, f"title_{other}") or paper.title
    paper.abstract = getattr(paper, f"abstract_{main}") or getattr(paper, f"abstract_{other}")
    paper.keywords = list(getattr(paper, f"keywords_{main}") or getattr(paper, f"keywords_{other}"))


def _fill_titles(paper: Paper, lines: list[Line], block: list[int]) -> list[int]:
    """title_id/title_en from the title block, the block under it and the line
    above the other language's abstract; returns the second block's lines."""
    title = title_text(lines, block)
    title_language = detect_language(title) or paper.language
    second, second_block = find_second_title(lines, block)
    if second:
        second_language = detect_language(second)
        if second_language in ("id", "en") and title_language and second_language != title_language:
            setattr(paper, f"title_{second_language}", second)
        else:
            title = f"{title.rstrip(':')}: {second}"  # a subtitle
    if title_language not in ("id", "en"):
        paper.title = title
        return second_block
    setattr(paper, f"title_{title_language}", title)
    other = "en" if title_language == "id" else "id"
    if not getattr(paper, f"title_{other}"):
        setattr(
            paper, f"title_{other}", find_title_above_abstract(lines, other, set(block) | set(second_block))
        )
    return second_block


def _plausible_metadata_title(value: str) -> str:
    value = re.sub(r"^Microsoft (?:Word|PowerPoint) - ", "", value).strip()
    if (
        len(value) < 8
        or len(value.split()) < 2
        or "_" in value
        or re.search(r"\.(?:docx?|pdf|tex|dvi|rtf|odt|indd|pages)$", value, re.IGNORECASE)
        or value.lower() in ("untitled", "template", "title", "judul")
    ):
        return ""
    return value


def _title_from_name(name: str) -> str:
    stem = PurePath(name).stem
    return clean_field(stem.replace("_", " ")) or stem
