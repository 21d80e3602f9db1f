"""Which papers a table, synthesis or reading list covers, and the line that says so.

By default a review output covers the papers tagged with at least one theme (at the level
asked for: discussed, or mentioned too) and, once screening has begun, included by it; the
records a library holds only as bibliography entries on other subjects are left out, so a
synthesis says "three of 12 sources", not "three of 113". ``--all`` covers every record.
``scope`` decides it from the corpus; ``Coverage.note`` is the line every table and reading
list carries under it, in English or Indonesian.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from litreview.errors import ValidationError
from litreview.i18n import tr
from litreview.text import phrasing

if TYPE_CHECKING:
    from litreview.store import Corpus
    from litreview.synthesis.table import Table

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "all": "Covers all {total} records in the library, tagged with a theme or not.",
        "every_tagged": "Covers all {total} records in the library (each {what}).",
        "some": "Covers {n} of the {total} records in the library: the papers {what}.",
        "tagged": "tagged with at least one theme",
        "tagged_mentioned": "discussing or mentioning at least one theme",
        "screened": " and included by screening",
        "match": "{shown} of them {verb} the filters ({filters}).",
        "filters": "Filters: {filters}.",
        "theme": "theme", "themes": "themes", "year": "year", "keys": "keys", "query": "words",
    },
    "id": {
        "all": "Mencakup seluruh {total} rekaman di pustaka, bertema atau tidak.",
        "every_tagged": "Mencakup seluruh {total} rekaman di pustaka (semuanya {what}).",
        "some": "Mencakup {n} dari {total} rekaman di pustaka: artikel yang {what}.",
        "tagged": "diberi sedikitnya satu tema",
        "tagged_mentioned": "membahas atau menyebut sedikitnya satu tema",
        "screened": " dan lolos penyaringan",
        "match": "{shown} di antaranya {verb} filter ({filters}).",
        "filters": "Filter: {filters}.",
        "theme": "tema", "themes": "tema", "year": "tahun", "keys": "kunci", "query": "kata",
    },
}


@dataclass
class Coverage:
    """What an output covers: ``covered`` of the ``library``'s records are in scope (tagged at
    ``level`` unless ``every_record``; included by screening when ``screened``); ``shown`` of them
    are left by the filters (None: no filter narrows them), described by ``filters``."""

    library: int
    covered: int
    every_record: bool = False
    screened: bool = False
    level: str = "discussed"
    shown: int | None = None
    filters: list[tuple[str, str]] = field(default_factory=list)  # (what, value): ("year", "2020-2024")

    @property
    def left_out(self) -> int:
        return self.library - self.covered

    def note(self, lang: str = "en") -> str:
        """The line under the table: what it covers, of how many records, and the filters."""
        w = WORDS["id" if lang == "id" else "en"]
        total = _count(self.library, lang)
        n = _count(self.covered, lang)
        if self.every_record:
            line = w["all"].format(total=total)
        else:
            what = w["tagged_mentioned" if self.level == "mentioned" else "tagged"]
            what += w["screened"] if self.screened else ""
            line = (w["every_tagged"].format(total=total, what=what) if self.covered == self.library
                    else w["some"].format(n=n, total=total, what=what))
        if self.filters:
            described = "; ".join(f"{w.get(kind, kind)} {value}" for kind, value in self.filters)
            if self.shown is not None and self.shown != self.covered:
                verb = "sesuai" if lang == "id" else phrasing.verb_en(self.shown, "match")
                line += " " + phrasing.sentence(w["match"].format(shown=_count(self.shown, lang), verb=verb,
                                                                  filters=described), lang)
            else:
                line += " " + w["filters"].format(filters=described)
        return line

    def to_dict(self) -> dict[str, object]:
        return {"library": self.library, "covered": self.covered,
                "scope": "all" if self.every_record else ("tagged" if self.level != "mentioned" else "mentioned"),
                "screened": self.screened, "shown": self.covered if self.shown is None else self.shown,
                "filters": {kind: value for kind, value in self.filters}}


def _count(n: int, lang: str) -> str:
    """A count as running text writes it: a word below ten, else digits grouped as the language
    groups them (1,234 / 1.234)."""
    return phrasing.number(n, lang)


def scope(corpus: Corpus, level: str = "discussed", every_record: bool = False,
          screened: set[str] | None = None) -> tuple[set[str] | None, Coverage]:
    """The keys an output covers (None: every record, with ``every_record``) and its ``Coverage``.
    ``screened`` holds the papers screening included (None before screening begins). With nothing
    to cover, a ValidationError that says what to do."""
    library = corpus.count()
    if library == 0:
        raise ValidationError(tr("the corpus has no papers; add some with `litreview add`"))
    if every_record:
        return None, Coverage(library, library, every_record=True, level=level)
    tagged = corpus.keys_tagged(level)
    keys = tagged if screened is None else tagged & screened
    if not keys:
        if not tagged:
            raise ValidationError(tr("no paper is tagged with a theme yet; run `litreview tag` (or tag by hand with "
                                     "`litreview tag add KEY THEME`), or give --all for every record"))
        raise ValidationError(tr("none of the {n} tagged papers is included by screening yet; include some with "
                                 "`litreview screen`, or give --all for every record", n=len(tagged)))
    return keys, Coverage(library, len(keys), screened=screened is not None, level=level)


def add_note(table: Table, coverage: Coverage) -> Table:
    """``table`` with its coverage recorded and said in its first note line (in its language)."""
    table.coverage = coverage
    table.notes.insert(0, coverage.note(table.lang))
    return table
