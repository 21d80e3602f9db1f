"""A paper's annotation for a reading list: its aim and its main finding, quoted from the paper.

The aim is the sentence that states what the paper sets out to do, found by cue
phrases in Indonesian and English ("Penelitian ini bertujuan", "Tujuan
penelitian ini", "Artikel ini membahas", "This study aims", "This paper
examines", "We investigate"), in the full text's abstract, introduction and
method sections when the paper has a full text, else in its abstract. The
finding is the best of ``findings.key_findings`` that is not the aim sentence and states a
finding (a cue such as "hasil penelitian menunjukkan" or "we find", or a results or conclusion
section), else the abstract's last sentence. Neither is ever a definition ("Metode kualitatif
adalah pendekatan yang bertujuan ...", "Buzzer merupakan istilah ...") or a sentence reporting
another work's claim ("Kruikemeyer dkk. (2013) berpendapat ...").
Both are quoted as they stand (line breaks made spaces); a sentence longer
than ``MAX_WORDS`` words is cut there and marked with "…".

For a bilingual paper without full text, the abstract in the reading list's
language is read (``abstract_id`` for Indonesian, ``abstract_en`` for English),
so that aim and finding come from one abstract in one language.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from litreview.model import Paper
from litreview.text.attribution import reports_other_work
from litreview.text.sentences import split_sentences

MAX_WORDS = 80
MIN_WORDS = 5
_ANNOTATED_SECTIONS = {"abstract": 1.0, "introduction": 0.9, "method": 0.8}
_NOUN_ID = r"(?:penelitian|studi|kajian|riset|artikel|tulisan|makalah|naskah|buku)"
_NOUN_EN = r"(?:study|paper|article|research|chapter|review|book|essay|analysis)"
_VERB_ID = (r"(?:mengkaji|menganalisis|menganalisa|membahas|menelaah|menjelaskan|mendeskripsikan|memetakan"
            r"|menelusuri|menguji|mengeksplorasi|mengulas|memaparkan|menggambarkan|mengidentifikasi|menyelidiki"
            r"|melihat|meneliti|mengungkap|memotret|membandingkan|mengevaluasi|menilai|berupaya|berusaha|ingin"
            r"|menyajikan|mengusulkan|menawarkan|merumuskan)")
_VERB_EN = (r"(?:examines|investigates|explores|analy[sz]es|assesses|addresses|considers|discusses|maps"
            r"|describes|evaluates|tests|asks|studies|compares|traces|reviews|argues|focuses|presents|proposes"
            r"|reports|introduces|develops|provides|offers)")


def _cues(weighted: list[tuple[float, str]]) -> list[tuple[float, re.Pattern[str]]]:
    return [(w, re.compile(r"\b" + p.replace(" ", r"\s+") + r"\b", re.IGNORECASE)) for w, p in weighted]


# The ways a paper states its aim, strongest first.
_AIM_CUES = _cues([
    (3.0, rf"{_NOUN_ID}(?: [\w-]+){{0,4}} ini bertujuan"),
    (3.0, rf"tujuan(?: utama| dari)? {_NOUN_ID}(?: [\w-]+){{0,2}} ini"),
    (3.0, rf"this(?: [\w-]+){{0,3}} {_NOUN_EN} (?:aims|seeks|sets out|attempts|intends|is designed)"),
    (3.0, rf"(?:the )?(?:main |primary )?(?:aim|purpose|objective|goal)s? of (?:this|the present|our) {_NOUN_EN}"),
    (2.5, r"tujuan penelitian"), (2.5, r"bertujuan (?:untuk )?(?:mengetahui|menganalisis|mengkaji|menjelaskan"
                                       r"|mendeskripsikan|memahami|melihat|mengidentifikasi|menguji)"),
    (2.5, r"(?:we|i) (?:aim|seek|set out|intend) to"), (2.5, r"our (?:aim|purpose|objective|goal)"),
    (2.0, rf"{_NOUN_ID}(?: [\w-]+){{0,4}} ini {_VERB_ID}"),
    (2.0, rf"{_NOUN_ID} ini,? (?:penulis|peneliti|kami) {_VERB_ID}"),
    (2.0, rf"this(?: [\w-]+){{0,3}} {_NOUN_EN} {_VERB_EN}"),
    (2.0, r"(?:we|i) (?:examine|investigate|explore|analy[sz]e|assess|ask|study|test|compare|trace|map)"),
    (2.0, r"(?:we|i) (?:examined|investigated|explored|analy[sz]ed|assessed|studied|tested|compared)"),
    (1.5, r"^to (?:evaluate|examine|assess|investigate|test|determine|understand|explore|identify)"),
    (1.5, rf"(?:presented|proposed|reported|described) in this {_NOUN_EN}"),
    (2.0, r"bertujuan"),
    (1.0, r"(?:penelitian|studi|kajian) ini dilakukan untuk"), (1.0, r"untuk mengetahui"),
    (1.0, r"in this (?:study|paper|article)"),
])
_FIELD_OF_LANGUAGE = {"id": "abstract_id", "en": "abstract_en"}
# A definition: "X adalah/merupakan ...", "X is defined as ...", where X is not this paper's own
# ("Tujuan penelitian ini adalah ..." is an aim).
_DEFINITION = re.compile(
    r"^\W*(?P<subject>(?:[\w/()-]+[ ,]+){0,10}?)(?:adalah|merupakan|ialah|yaitu|yakni|didefinisikan"
    r"|diartikan|is defined as|are defined as|refers to|is a term|is an? (?:approach|method|technique))\b",
    re.IGNORECASE,
)
_THIS = re.compile(r"\b(?:ini|this|our|we|kami|penulis|peneliti)\b", re.IGNORECASE)
FINDING_CUE = 1.0  # the least finding cue a sentence outside results and conclusions needs


def is_definition(sentence: str) -> bool:
    """The sentence defines a term or a method rather than saying what this paper does or found."""
    match = _DEFINITION.match(sentence)
    return match is not None and not _THIS.search(match.group("subject"))


def _own(sentence: str) -> bool:
    """The paper's own statement: not a definition, not another work's claim."""
    return not is_definition(sentence) and not reports_other_work(sentence)


@dataclass(frozen=True)
class Annotation:
    """Aim and main finding, each a sentence of the paper ("" when not found)."""

    aim: str = ""
    finding: str = ""

    @property
    def text(self) -> str:
        return " ".join(s for s in (self.aim, self.finding) if s)

    def __bool__(self) -> bool:
        return bool(self.aim or self.finding)


def annotate(paper: Paper, lang: str = "en") -> Annotation:
    """``paper``'s aim and main finding, quoted (the finding is what the paper says it found, not
    weighted by the review's themes: the annotation sums up the paper, whatever group it is in)."""
    from litreview.synthesis.findings import finding_cue, key_findings, tied_to_the_sentence_before

    view = _in_language(paper, lang)
    aim_span = _aim(view)
    spans = [(f.field, f.start, f.end) for f in key_findings(view, None, limit=3)
             if f.section in ("results", "conclusion") or finding_cue(f.sentence) >= FINDING_CUE]
    spans.append(_last_abstract_sentence(view))  # when no sentence has a finding's cue
    finding = ""
    for field, start, end in spans:
        sentence = _field(view, field)[start:end]
        if not sentence or (aim_span is not None and field == aim_span[0] and start < aim_span[2]
                            and aim_span[1] < end):
            continue  # the aim sentence itself
        if aim_score(sentence) >= 2.0 or not _own(sentence) or tied_to_the_sentence_before(sentence):
            continue  # says what the paper does (not what it found), defines a term, reports another work,
            # or is the second half of the sentence before it ("Sehingga ...")
        finding = quote(sentence)
        break
    aim = quote(_field(view, aim_span[0])[aim_span[1] : aim_span[2]]) if aim_span else ""
    return Annotation(aim=aim, finding=finding)


def _last_abstract_sentence(paper: Paper) -> tuple[str, int, int]:
    """The abstract's last sentence of some length: where abstracts state their conclusion."""
    from litreview.synthesis.findings import is_keyword_line

    spans = [s for s in split_sentences(paper.abstract) if not s.heading
             and len(paper.abstract[s.start : s.end].split()) >= MIN_WORDS
             and not is_keyword_line(paper.abstract, s.start, s.end)]
    return ("abstract", spans[-1].start, spans[-1].end) if len(spans) >= 2 else ("abstract", 0, 0)


def quote(sentence: str) -> str:
    """A sentence as an annotation shows it: white space made single spaces, cut after
    ``MAX_WORDS`` words with "…"."""
    words = sentence.split()
    if len(words) > MAX_WORDS:
        return " ".join(words[:MAX_WORDS]).rstrip(",;:") + "\u2026"
    return " ".join(words)


def _in_language(paper: Paper, lang: str) -> Paper:
    """The paper with one abstract: the one in ``lang`` when there is one, else its own."""
    wanted = _FIELD_OF_LANGUAGE.get(lang, "")
    for name in (wanted, "abstract", *_FIELD_OF_LANGUAGE.values()):
        if name and getattr(paper, name).strip():
            chosen = name
            break
    else:
        return paper
    return dataclasses.replace(paper, abstract=getattr(paper, chosen), abstract_id="", abstract_en="")


def _field(paper: Paper, name: str) -> str:
    return str(getattr(paper, name))


_STATES_AIM = re.compile("|".join(f"(?:{p.pattern})" for w, p in _AIM_CUES if w >= 2.0), re.IGNORECASE)


def states_aim(sentence: str) -> bool:
    """The sentence clearly states what the paper sets out to do (an aim cue weighing 2 or more):
    one search, for callers that only need yes or no."""
    return _STATES_AIM.search(sentence) is not None


def aim_score(sentence: str) -> float:
    """How clearly ``sentence`` states what the paper sets out to do (0 when it does not)."""
    return max((w for w, pattern in _AIM_CUES if pattern.search(sentence)), default=0.0)


def _aim(paper: Paper) -> tuple[str, int, int] | None:
    """(field, start, end) of the sentence stating the paper's aim: the full text first (its
    abstract, introduction and method sections, or all of it when it has no sections), then
    the abstract."""
    text = paper.text
    if text.strip():
        spans: list[tuple[float, int, int]] = []
        sections = [s for s in paper.sections if s.kind in _ANNOTATED_SECTIONS]
        areas = [(s.start, s.end, _ANNOTATED_SECTIONS[s.kind]) for s in sections] or (
            [(0, len(text), 0.8)] if not paper.sections else [])
        for start, end, factor in areas:
            spans += [(factor, s.start, s.end) for s in split_sentences(text, start, end) if not s.heading]
        found = _best(text, spans)
        if found is not None:
            return ("text", *found)
    abstract = paper.abstract
    found = _best(abstract, [(1.0, s.start, s.end) for s in split_sentences(abstract) if not s.heading])
    return ("abstract", *found) if found is not None else None


def _best(text: str, spans: list[tuple[float, int, int]]) -> tuple[int, int] | None:
    best: tuple[float, int, int] | None = None
    for factor, start, end in spans:
        sentence = text[start:end]
        if not MIN_WORDS <= len(sentence.split()) <= 2 * MAX_WORDS:
            continue
        score = aim_score(sentence) * factor
        if score and not _own(sentence):
            continue
        if score and (best is None or score > best[0]):
            best = (score, start, end)
    return (best[1], best[2]) if best else None
