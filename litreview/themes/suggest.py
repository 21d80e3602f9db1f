"""Words and phrases to grow a theme's vocabulary from the user's own decisions.

``suggest_terms`` compares the papers a user tagged with a theme by hand (``litreview tag add``)
with the other papers: a word or two-word phrase used by many of the former and few of the latter
is a candidate term. Words are compared by stem (Indonesian affixes and English endings removed),
so "berkampanye" and "kampanyenya" count together, and shown in their commonest written form.
Each candidate is ranked by a smoothed log-odds ratio of the share of papers using it, weighted by
how many of the theme's papers use it; terms the codebook already has are marked, not dropped.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from litreview.model import Paper
from litreview.text.morphology import WORD

_NUMBER = re.compile(r"^\d+$")


@dataclass
class Suggestion:
    term: str  # as most often written
    stems: str  # what was counted
    theme_papers: int  # papers with the theme that use it
    other_papers: int
    score: float
    in_codebook: str = ""  # the theme that already has it, if any

    def to_dict(self) -> dict[str, object]:
        return {"term": self.term, "theme_papers": self.theme_papers, "other_papers": self.other_papers,
                "score": self.score, "in_codebook": self.in_codebook}


def _common_words() -> frozenset[str]:
    """Words too common in Indonesian or English prose to name a theme."""
    from wordfreq import top_n_list

    return frozenset(top_n_list("id", 400)) | frozenset(top_n_list("en", 400))


def paper_words(paper: Paper) -> str:
    """What suggestions read of a paper: title, abstracts, keywords and full text without its references."""
    text = paper.text
    for section in paper.sections:
        if section.kind == "references":
            text = text[: section.start] + text[section.end:]
    parts = [paper.title, paper.title_id, paper.title_en, paper.abstract, paper.abstract_id, paper.abstract_en,
             " ".join(paper.keywords), text]
    return "\n".join(p for p in parts if p)


def suggest_terms(
    theme_papers: Iterable[Paper],
    other_papers: Iterable[Paper],
    stem,  # type: ignore[no-untyped-def]  # word -> stem
    known: dict[str, str] | None = None,  # stems of codebook terms -> their theme
    top: int = 30,
    min_papers: int = 2,
) -> tuple[list[Suggestion], int, int]:
    """The best candidate terms, and the numbers of theme and other papers read."""
    common = _common_words()
    surface: dict[str, Counter[str]] = {}
    inside: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    counts = [0, 0]
    for index, papers in enumerate((theme_papers, other_papers)):
        target = inside if index == 0 else outside
        for paper in papers:
            seen = paper_terms(paper, stem, common, surface if index == 0 else None)
            if seen is None:
                continue
            counts[index] += 1
            target.update(seen)
    return rank_terms(inside, outside, counts[0], counts[1], surface, known, top, min_papers), counts[0], counts[1]


def paper_terms(paper: Paper, stem, common: frozenset[str],  # type: ignore[no-untyped-def]
                surface: dict[str, Counter[str]] | None = None) -> set[str] | None:
    """The stems and two-stem phrases a paper uses (None when it has no words); with ``surface``,
    how each was written is counted there."""
    words = WORD.findall(paper_words(paper).lower())
    if not words:
        return None
    stems = [stem(w) for w in words]
    seen: set[str] = set()
    for i, (word, s) in enumerate(zip(words, stems, strict=True)):
        if len(word) < 3 or word in common or _NUMBER.match(word):
            continue
        seen.add(s)
        if surface is not None:
            surface.setdefault(s, Counter())[word] += 1
        if i + 1 < len(words):
            nxt = words[i + 1]
            if len(nxt) >= 3 and nxt not in common and not _NUMBER.match(nxt):
                pair = f"{s} {stems[i + 1]}"
                seen.add(pair)
                if surface is not None:
                    surface.setdefault(pair, Counter())[f"{word} {nxt}"] += 1
    return seen


def rank_terms(inside: Counter[str], outside: Counter[str], n_in: int, n_out: int,
               surface: dict[str, Counter[str]], known: dict[str, str] | None = None, top: int = 30,
               min_papers: int = 2) -> list[Suggestion]:
    """The ``top`` terms by score, from the numbers of theme (``inside``) and other papers using each."""
    out = []
    for key, df_in in inside.items():
        if df_in < min_papers:
            continue
        df_out = outside.get(key, 0)
        # log-odds of the share of papers using the term, with half a paper added to every cell
        ratio = math.log(((df_in + 0.5) / (n_in - df_in + 0.5)) / ((df_out + 0.5) / (n_out - df_out + 0.5)))
        if ratio <= 0:
            continue
        score = round(ratio * math.log1p(df_in), 3)
        term = surface[key].most_common(1)[0][0]
        out.append(Suggestion(term, key, df_in, df_out, score, (known or {}).get(key, "")))
    out.sort(key=lambda s: (-s.score, s.term))
    return out[:top]
