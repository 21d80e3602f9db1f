"""A reference list alone (References / Daftar Pustaka), and the keys a manuscript cites.

``build_bibliography`` formats papers in the style's order (alphabetical for APA) as a
``ReadingList`` of one group, so the reading-list renderers write it (terminal, Markdown,
HTML and Word with a hanging indent, BibTeX, CSL-JSON). ``cited_keys`` reads the keys a
manuscript cites: a LaTeX ``.aux`` file (``\\citation{a,b}``), LaTeX source (``\\cite``,
``\\citep``, ``\\citet``, ``\\parencite``, ``\\textcite``, ``\\autocite``... with their optional
arguments) or Markdown for pandoc (``[@key; see @other, p. 3]``, ``@key`` in the text).
"""

from __future__ import annotations

import re
from pathlib import Path

from litreview.errors import NotFound, UsageError
from litreview.i18n import tr
from litreview.model import Paper
from litreview.synthesis.reading_list import ReadingEntry, ReadingGroup, ReadingList, style_title, words
from litreview.synthesis.references import CslStyle, format_bibliography

TITLES = {"en": "References", "id": "Daftar Pustaka"}
_AUX_CITATION = re.compile(r"\\(?:citation|abx@aux@cite(?:\{[^{}]*\})?)\{([^{}]*)\}")
_LATEX_CITE = re.compile(
    r"\\(?:[a-zA-Z]*cite[a-zA-Z]*|nocite)\*?\s*(?:\[[^\]]*\]\s*){0,2}\{([^{}]*)\}")
# Pandoc: "@key" or "@{key}" after a start, a space, "[", ";" or "-" (suppress author); keys of
# letters, digits and _ with internal :.#$%&-+?<>~/ as pandoc allows; an e-mail address is no citation.
_PANDOC_CITE = re.compile(r"(?:(?<=^)|(?<=[\s\[;(-]))@(?:\{([^{}]+)\}|([\w][\w:.#$%&+?<>~/-]*[\w]|[\w]))", re.M)
_LATEX_COMMENT = re.compile(r"(?<!\\)%.*$", re.M)
_CODE_FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)


def cited_keys(path: Path) -> list[str]:
    """The keys ``path`` cites, in the order they first appear; ``*`` (``\\nocite{*}``) is left out."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError as exc:
        raise NotFound(tr("{path}: no such file", path=path)) from exc
    except IsADirectoryError as exc:
        raise UsageError(tr("{path}: is a directory; give a .aux, .tex or .md file", path=path)) from exc
    except OSError as exc:
        raise NotFound(tr("{path}: cannot read ({problem})", path=path, problem=exc.strerror or exc)) from exc
    suffix = path.suffix.lower()
    if suffix == ".aux":
        found = [k for group in _AUX_CITATION.findall(text) for k in group.split(",")]
    elif suffix in (".tex", ".ltx", ".latex"):
        found = [k for group in _LATEX_CITE.findall(_LATEX_COMMENT.sub("", text)) for k in group.split(",")]
    else:
        text = _CODE_FENCE.sub("", text)
        found = [braced or plain for braced, plain in _PANDOC_CITE.findall(text)]
        found += [k for group in _LATEX_CITE.findall(text) for k in group.split(",")]  # raw LaTeX in Markdown
    return list(dict.fromkeys(k.strip() for k in found if k.strip() and k.strip() != "*"))


def build_bibliography(papers: list[Paper], style: CslStyle, lang: str = "en",
                       letters: dict[str, str] | None = None) -> ReadingList:
    """The references of ``papers`` in the style's order, under "References" ("Daftar Pustaka")."""
    references = format_bibliography(papers, style, lang, letters)
    labels = words(lang)
    entries = [ReadingEntry(key=r.key, reference=r.entry) for r in references]
    unique = list({p.key: p for p in papers}.values())
    count = f"{len(entries)} {labels['paper'] if len(entries) == 1 else labels['papers']}"
    return ReadingList(title=TITLES["id" if lang == "id" else "en"],
                       groups=[ReadingGroup(theme="", label="", entries=entries)], papers=unique,
                       style=style_title(style.title, lang), lang=lang,
                       notes=[f"{labels['style']}: {style_title(style.title, lang)}; {count}"],
                       labels=labels)
