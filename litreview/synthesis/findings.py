"""A paper's key findings and its stated gaps, limitations and recommendations, quoted exactly.

Candidates are the sentences of the full text's results, discussion, conclusion
and abstract sections, and of the abstracts the text does not already hold (a
bibliography record has only these). Nothing comes from the reference list or
from before the first heading. Each candidate is scored by cue phrases in
Indonesian and English ("hasil penelitian menunjukkan", "we find"; "penelitian
selanjutnya", "future research"), by the section it stands in, and for findings
by the theme evidence the caller knows of; very short or long sentences, figure
captions and sentences made of citations count less, and a sentence reporting
another work's claim ("Kruikemeyer dkk. (2013) berpendapat ...") is never one. The best few are kept,
near-duplicates (and the same point in the other language's abstract) left out.

A ``Finding`` keeps the sentence exactly as stored:
``field_text(paper, f.field)[f.start:f.end] == f.sentence``; ``display`` is the
same sentence tidied and shortened for a table cell.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from litreview.model import Evidence, Paper
from litreview.text.attribution import reports_other_work
from litreview.text.language import detect_language, language_scores
from litreview.text.sentences import split_sentences
from litreview.themes.tagger import ABSTRACT_FIELDS, field_text, required_literals

DISPLAY_LIMIT = 240
FINDING_SECTIONS = {"conclusion": 1.0, "results": 0.95, "abstract": 0.8, "discussion": 0.65}
GAP_SECTIONS = {"conclusion": 1.0, "discussion": 0.9, "results": 0.6, "abstract": 0.6}
_FIELD_RANK = {"text": 0, **{name: i + 1 for i, name in enumerate(ABSTRACT_FIELDS)}}
_FIELD_LANGUAGE = {"abstract_id": "id", "abstract_en": "en"}
CUE_CAP = 3.0  # most the cue phrases of one sentence can add
GAP_MINIMUM = 1.0  # a gap needs one clear cue (or two weak ones)
QUALITY_FLOOR = 0.3  # captions, rows of a table and the like are never findings
GAP_FLOOR = 0.75  # the least score a gap needs (one clear cue in a short or weak place is not enough)
DUPLICATE_OVERLAP = 0.7  # share of the shorter sentence's content words that makes two sentences one point


@dataclass(slots=True)
class Finding:
    """A sentence of ``paper``: ``field_text(paper, field)[start:end] == sentence``."""

    field: str  # "text", "abstract_id", "abstract_en" or "abstract" (as in Evidence.field)
    start: int
    end: int
    sentence: str  # exactly as stored
    section: str  # section kind, or "abstract" for the abstract fields
    display: str  # tidied and shortened for a table
    score: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class _Candidate:
    field: str
    start: int
    end: int
    sentence: str
    section: str
    language: str  # for abstract sentences: which language's abstract it belongs to
    size: int  # words in the sentence
    words: frozenset[str]  # its distinct content words, lower-cased
    signed_off: bool = False  # it begins after a closing formula ("Demikian ... . pada intinya, ...")


# -- cue phrases -------------------------------------------------------------------------------
def _cues(weighted: list[tuple[float, list[str]]]) -> tuple[re.Pattern[str], list[float]]:
    """One regular expression for many cue phrases; a match's group number gives its weight."""
    parts: list[str] = []
    weights: list[float] = []
    for weight, patterns in weighted:
        for pattern in patterns:
            spaced = pattern.replace(" ", r"\s+")  # a line break counts as a space
            parts.append(f"(?P<c{len(parts)}>{spaced})")
            weights.append(weight)
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.IGNORECASE), weights


_FINDING_CUES = _cues([
    (2.0, [
        r"hasil(?: \w+){0,3} (?:menunjukkan|membuktikan|mengungkapkan|memperlihatkan|menemukan)",
        r"(?:penelitian|studi|kajian|riset) ini(?: \w+)? (?:menemukan|menunjukkan|membuktikan|mengungkapkan)",
        r"(?:kami|peneliti|penulis) menemukan",
        r"(?:dapat |bisa )?disimpulkan", r"kesimpulan(?:nya)?", r"ditemukan bahwa",
        r"temuan (?:penelitian|utama|studi|kajian)",
        r"we (?:find|found|show|showed|conclude|concluded|demonstrate)",
        r"(?:the |our )?(?:results?|findings|analysis|analyses) (?:show|shows|showed|indicate|indicates|indicated"
        r"|reveal|reveals|revealed|suggest|suggests|suggested|demonstrate|demonstrates|demonstrated|confirm|confirms)",
        r"(?:this|the|our) (?:study|paper|research|analysis|article) (?:shows|showed|finds|found|reveals|revealed"
        r"|demonstrates|demonstrated|concludes|confirms)",
        r"in conclusion", r"we argue that",
    ]),
    (1.0, [
        r"menunjukkan bahwa", r"menemukan bahwa", r"mengungkapkan bahwa", r"membuktikan", r"berpengaruh",
        r"terbukti", r"temuan",
        r"findings?", r"suggests? that", r"(?:shows?|showed|shown) that", r"demonstrat(?:e|es|ed)",
        r"reveal(?:s|ed)? that",
        r"indicat(?:e|es|ed) that", r"evidence that", r"(?:is|are|was|were) associated with",
    ]),
    (0.5, [r"signifikan", r"significant(?:ly)?"]),
])
_GAP_CUES = _cues([
    (2.0, [
        r"(?:penelitian|peneliti|studi|kajian|riset)(?: \w+)? (?:selanjutnya|berikutnya|lanjutan|mendatang"
        r"|ke depan|lebih lanjut)",
        r"keterbatasan", r"disarankan", r"menyarankan", r"saran(?:nya)?", r"(?:me)?rekomendasi(?:kan)?",
        r"direkomendasikan", r"perlu dilakukan", r"perlu adanya", r"perlu (?:diteliti|dikaji|diperhatikan)",
        r"masih terbatas", r"belum banyak", r"masih jarang", r"masih kurang",
        r"kesenjangan (?:penelitian|riset|kajian|pengetahuan|literatur|yang dapat|yang perlu)",
        r"future (?:research|studies|study|work)", r"further (?:research|studies|study|investigation|work)",
        r"limitations?", r"recommend(?:s|ed|ations?)?", r"remains? unclear", r"research gaps?",
        r"gaps? in (?:the )?(?:literature|research|knowledge)", r"little is known",
        r"(?:more|further) (?:research|work|studies) (?:is|are) needed",
    ]),
    (0.5, [
        r"sebaiknya", r"hendaknya", r"diharapkan", r"perlu", r"should(?: be)?", r"gaps?", r"needs? to be",
    ]),
])
# For each cue expression, words one of which any match contains (a cheap test before the expression).
# Each is compiled once into one alternation of the literals: a single scan of the sentence finds
# whether any of them occurs (as ``any(literal in low ...)`` would, a literal per scan).
_GATES = {
    cues[0].pattern: re.compile("|".join(re.escape(text) for text, _ in literals)) if literals else None
    for cues in (_FINDING_CUES, _GAP_CUES)
    for literals in [required_literals(cues[0].pattern)]
}
# Aims and methods are not findings.
_AIMS = re.compile(
    r"\b(?:bertujuan|tujuan (?:dari )?(?:penelitian|studi|kajian)|penelitian ini menggunakan|metode penelitian"
    r"|pendekatan (?:kualitatif|kuantitatif)|data (?:dikumpulkan|diperoleh)|teknik pengumpulan"
    r"|this (?:study|paper|article|research) (?:aims|examines|investigates|explores|uses|employs|analy[sz]es)"
    r"|the (?:aim|purpose|objective)s? of|we (?:use|used|employ|collected)|data (?:were|was) collected"
    r"|(?:kami|peneliti|penulis) (?:mengumpulkan|menggunakan|mewawancarai)|melalui wawancara|dengan wawancara)\b",
    re.IGNORECASE,
)
_CAPTION = re.compile(r"^(?:gambar|tabel|grafik|diagram|bagan|figure|fig\.|table|chart)\s*\d|^(?:sumber|source)\s*:",
                      re.IGNORECASE)
_LEAD_IN = re.compile(r":\s*(?:\(?[0-9A-Za-z]{1,2}[.)]{1,2})?$")  # "... sebagai berikut: 1."
_CITATION = re.compile(r"\([^()]{0,200}?\b(?:19|20)\d{2}[a-z]?\b[^()]{0,200}?\)")
_PERCENT = re.compile(r"\d(?:[.,]\d+)?\s?%|\d\s?(?:persen|percent)\b", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_WORD = re.compile(r"[^\W_]+")
# Words every finding shares (function words, the cue phrases' words): left out when comparing.
_COMMON = frozenset(
    """yang dan di ke dari dalam untuk dengan pada ini itu adalah sebagai atau oleh juga tidak akan dapat
    telah sudah karena bahwa serta terhadap para bagi secara tersebut merupakan lebih hasil penelitian
    studi kajian menunjukkan temuan menemukan ditemukan disimpulkan kesimpulan
    the of and to in a is that for on with as by this are be from an at was were which or it its their
    these those has have been not can we our results result study findings show shows showed find found
    conclude suggest suggests that""".split()
)


def _cue_score(sentence: str, cues: tuple[re.Pattern[str], list[float]]) -> float:
    """The weight of the distinct cue phrases in ``sentence``, capped."""
    pattern, weights = cues
    gate = _GATES.get(pattern.pattern)
    if gate is not None and gate.search(sentence.lower()) is None:
        return 0.0  # none of the words every cue needs: skip the long regular expression
    found: dict[int, float] = {}
    for match in pattern.finditer(sentence):
        index = int((match.lastgroup or "c0")[1:])
        found[index] = weights[index]
    return min(CUE_CAP, sum(found.values()))


def aim_or_method(sentence: str) -> bool:
    """The sentence says what the paper set out to do or how ("data dikumpulkan melalui",
    "we collected", "pendekatan kualitatif"), not what it found."""
    return _AIMS.search(sentence) is not None


def states_research_gap(sentence: str) -> bool:
    """The sentence names a gap in what is known ("kesenjangan yang dapat ditelaah", "little is
    known", "belum banyak dikaji"): a reason to study, not a claim about the world."""
    return _RESEARCH_GAP.search(sentence) is not None


_RESEARCH_GAP = re.compile(
    r"\b(?:kesenjangan (?:penelitian|riset|kajian|pengetahuan|literatur|teoretis|empiris)"
    r"|kesenjangan yang (?:dapat|perlu|belum|masih)|celah (?:penelitian|riset|kajian)"
    r"|belum banyak (?:penelitian|kajian|studi|riset|diteliti|dikaji)|masih jarang (?:diteliti|dikaji)"
    r"|research gaps?|gaps? in (?:the )?(?:literature|research|knowledge)|little is known"
    r"|(?:has|have) (?:rarely|seldom) been (?:studied|examined|investigated))\b",
    re.IGNORECASE,
)


def finding_cue(sentence: str) -> float:
    """How clearly ``sentence`` states a finding by its cue phrases (0 to ``CUE_CAP``)."""
    return _cue_score(sentence, _FINDING_CUES)


def _quality(sentence: str, words: int, signed_off: bool = False) -> float:
    """How well a sentence stands alone in a table: length, captions, citations, tables of figures."""
    factor = 1.0
    if words < 6:
        factor *= 0.3
    elif words > 100:
        factor *= 0.35
    elif words > 70:
        factor *= 0.55
    elif words > 45:
        factor *= 0.8
    if _CAPTION.match(sentence):
        factor *= 0.2
    citations = _CITATION.findall(sentence)
    if citations:
        cited = sum(len(c) for c in citations)
        factor *= 0.35 if len(citations) >= 3 or cited > 0.3 * len(sentence) else 0.75
    visible = len(sentence) - sum(map(str.isspace, sentence))
    letters = sum(map(str.isalpha, sentence))
    if visible and letters < 0.6 * visible:
        factor *= 0.15  # a row of figures
    if sentence.rstrip().endswith("?"):
        factor *= 0.5
    if sentence[:1].islower() and not signed_off:
        factor *= 0.6  # a fragment: the sentence began on a page or column before
    if tied_to_the_sentence_before(sentence):
        factor *= 0.25  # "Sehingga ...", "Sedangkan ...": the second half of the sentence before
    return factor


# Conjunctions that join clauses within one sentence (PUEBI): a sentence that starts with one is the
# second half of the one before it and says nothing alone.
_TIED_START = re.compile(r"\W*(?:sehingga|sedangkan|serta|dan|melainkan|padahal)\b", re.IGNORECASE)


def tied_to_the_sentence_before(sentence: str) -> bool:
    """Does ``sentence`` start with a conjunction that joins it to the sentence before ("Sehingga ...")?"""
    return _TIED_START.match(sentence) is not None


def _numbers(sentence: str) -> float:
    """A slight preference for sentences that report figures (years do not count)."""
    if _PERCENT.search(sentence):
        return 1.15
    if any(not _YEAR.fullmatch(n) for n in _NUMBER.findall(sentence)):
        return 1.08
    return 1.0


# -- candidates --------------------------------------------------------------------------------
_HEADING_TAIL = " \t\r\n\u00a0\u00c2\u200b\ufeff*#\u00a7:\uff1a.-\u2013\u2014"


def _after_heading(text: str, heading: str, start: int, end: int) -> int | None:
    """Where the running text begins in a sentence span that starts with the section heading
    ("Abstract: This paper ..."), or None when the span is only the heading."""
    at = text.find(heading, start, end) if heading else -1
    if at != start:
        return start
    pos = at + len(heading)
    while pos < end and text[pos] in _HEADING_TAIL:
        pos += 1
    return pos if pos < end else None


# A closing formula run into the next sentence, which starts in lower case so the sentence
# splitter kept them together: "Demikian opini dari penulis. pada intinya, ...".
_SIGN_OFF = re.compile(r"(?:Demikian|Sekian)\b[^.,;:!?\n]{0,60}[.!]\s+(?=[a-z])")


def _after_sign_off(text: str, start: int, end: int) -> int:
    """Where a candidate sentence begins once a closing formula run into it is left out."""
    match = _SIGN_OFF.match(text, start, end)
    return match.end() if match else start


def _candidate(field: str, text: str, start: int, end: int, section: str, language: str) -> _Candidate:
    begun = start
    start = _after_sign_off(text, start, end)
    sentence = text[start:end]
    if section != "abstract":
        language = ""
    elif field in _FIELD_LANGUAGE:
        language = _FIELD_LANGUAGE[field]
    else:  # the block's language, unless the sentence clearly is in the other one
        ind, eng = language_scores(sentence)
        if max(ind, eng) >= 3 and max(ind, eng) >= 2 * min(ind, eng):
            language = "id" if ind > eng else "en"
    words = [w.lower() for w in _WORD.findall(sentence)]
    return _Candidate(field, start, end, sentence, section, language, len(words), frozenset(words) - _COMMON,
                      start != begun)


def _squeeze(text: str) -> str:
    return " ".join(text.lower().split())


def _candidates(paper: Paper, sections: dict[str, float]) -> list[_Candidate]:
    """Sentences of the sections read, then of the abstracts those sections do not hold."""
    out: list[_Candidate] = []
    read: list[str] = []
    text = paper.text
    if text.strip():
        for section in sorted(paper.sections, key=lambda s: (s.start, s.end)):
            if section.kind not in sections:
                continue
            language = detect_language(text[section.start : section.end]) if section.kind == "abstract" else ""
            read.append(text[section.start : section.end])
            for span in split_sentences(text, section.start, section.end):
                if span.heading:
                    continue
                start: int | None = span.start
                if span.start == section.start:
                    start = _after_heading(text, section.heading, span.start, span.end)
                if start is not None and not is_keyword_line(text, start, span.end):
                    out.append(_candidate("text", text, start, span.end, section.kind, language))
    if "abstract" not in sections:
        return out
    squeezed = _squeeze(" ".join(read))
    seen: set[str] = set()
    for name in ABSTRACT_FIELDS:
        value = field_text(paper, name)
        key = _squeeze(value)
        if not key or key in seen or (squeezed and key[:200] in squeezed):
            continue
        seen.add(key)
        language = _FIELD_LANGUAGE.get(name) or detect_language(value)
        for span in split_sentences(value):
            if not span.heading and not is_keyword_line(value, span.start, span.end):
                out.append(_candidate(name, value, span.start, span.end, "abstract", language))
    return out


def is_keyword_line(text: str, start: int = 0, end: int | None = None) -> bool:
    """``text[start:end]`` is a keyword list left in an abstract ("Keywords: identity politics, ...",
    "Kata kunci: ..."): no finding, no annotation."""
    return _KEYWORD_LINE.match(text, start, len(text) if end is None else end) is not None


_KEYWORD_LINE = re.compile(r"\W*(?:key\s*words?|kata[\s-]*kunci|index\s+terms)\s*[:\u2013\u2014-]", re.IGNORECASE)


# -- choosing ----------------------------------------------------------------------------------
def _same_point(a: _Candidate, b: _Candidate) -> bool:
    """Near-duplicates: mostly the same words, or sentences of abstracts in two languages."""
    if a.section == b.section == "abstract" and a.language != b.language:
        return True  # the parallel abstract says the same in the other language
    shorter = min(len(a.words), len(b.words))
    return bool(shorter) and len(a.words & b.words) >= DUPLICATE_OVERLAP * shorter


def _choose(scored: list[tuple[float, _Candidate]], limit: int) -> list[Finding]:
    """The best ``limit`` candidates, no two making the same point; by score, then position."""
    scored.sort(key=lambda sc: (-sc[0], _FIELD_RANK.get(sc[1].field, 9), sc[1].start))
    chosen: list[tuple[float, _Candidate]] = []
    for score, candidate in scored:
        if len(chosen) >= limit:
            break
        if not any(_same_point(candidate, other) for _, other in chosen):
            chosen.append((score, candidate))
    return [
        Finding(field=c.field, start=c.start, end=c.end, sentence=c.sentence, section=c.section,
                display=display_sentence(c.sentence), score=score)
        for score, c in chosen
    ]


def _cue_scores(candidates: list[_Candidate], cues: tuple[re.Pattern[str], list[float]]) -> list[tuple[float, bool]]:
    """Each candidate's cue score, and whether it only leads in to a list ("dapat disimpulkan
    sebagai berikut: 1."): such a sentence passes its cues on to the first item after it."""
    out: list[tuple[float, bool]] = []
    carried = 0.0
    previous: _Candidate | None = None
    for c in candidates:
        own = _cue_score(c.sentence, cues)
        if previous is None or (previous.field, previous.section) != (c.field, c.section):
            carried = 0.0
        lead_in = _LEAD_IN.search(c.sentence) is not None
        out.append((max(own, carried), lead_in))
        carried = own if lead_in else 0.0
        previous = c
    return out


def key_findings(
    paper: Paper,
    theme_weight: Callable[[str, int, int], float] | None = None,
    limit: int = 3,
) -> list[Finding]:
    """Up to ``limit`` sentences stating what ``paper`` found, best first.

    ``theme_weight(field, start, end)`` (the tagger's evidence score for that sentence, 0 when
    none) makes sentences about the review's themes count more. Sentences with no finding cue,
    no theme weight and no percentage in a results or conclusion section are used only when
    nothing better exists, and then just one.
    """
    if limit <= 0:
        return []
    strong: list[tuple[float, _Candidate]] = []
    weak: list[tuple[float, _Candidate]] = []
    candidates = _candidates(paper, FINDING_SECTIONS)
    for c, (cue, lead_in) in zip(candidates, _cue_scores(candidates, _FINDING_CUES), strict=True):
        quality = _quality(c.sentence, c.size, c.signed_off)
        if quality < QUALITY_FLOOR or lead_in or reports_other_work(c.sentence):
            continue  # a caption, a lead-in, or what another work found
        theme = max(0.0, theme_weight(c.field, c.start, c.end)) if theme_weight else 0.0
        score = (0.5 + cue + 0.5 * min(theme, CUE_CAP)) * FINDING_SECTIONS[c.section]
        score *= quality * _numbers(c.sentence)
        if _AIMS.search(c.sentence):
            score *= 0.5
        recommends = _cue_score(c.sentence, _GAP_CUES) >= GAP_MINIMUM
        if recommends:
            score *= 0.5  # a recommendation, not a finding
        reports_figures = c.section != "abstract" and _PERCENT.search(c.sentence) is not None
        qualifies = cue > 0 or theme > 0 or reports_figures
        if recommends and cue < 2:
            qualifies = False  # left to gaps()
        (strong if qualifies else weak).append((round(score, 3), c))
    if strong:
        return _choose(strong, limit)
    return _choose(weak, 1)


def gaps(paper: Paper, limit: int = 2) -> list[Finding]:
    """Up to ``limit`` sentences stating a limitation, a gap in research or a recommendation."""
    if limit <= 0:
        return []
    scored: list[tuple[float, _Candidate]] = []
    candidates = _candidates(paper, GAP_SECTIONS)
    for c, (cue, lead_in) in zip(candidates, _cue_scores(candidates, _GAP_CUES), strict=True):
        if cue < GAP_MINIMUM or lead_in or reports_other_work(c.sentence):
            continue
        score = cue * GAP_SECTIONS[c.section] * _quality(c.sentence, c.size, c.signed_off)
        if _AIMS.search(c.sentence):
            score *= 0.5  # "this study aims ... and gives recommendations"
        if score >= GAP_FLOOR:
            scored.append((round(score, 3), c))
    return _choose(scored, limit)


# -- display -----------------------------------------------------------------------------------
_CONNECTIVES = sorted(
    """namun|namun demikian|akan tetapi|tetapi|selain itu|di samping itu|oleh karena itu|oleh sebab itu
    |oleh karenanya|karena itu|dengan demikian|maka dari itu|maka|jadi|kemudian|selanjutnya|lebih lanjut
    |sementara itu|meskipun demikian|walaupun demikian|meski demikian|dengan kata lain|di sisi lain|sebaliknya
    |however|in addition|additionally|moreover|furthermore|therefore|thus|hence|consequently|nevertheless
    |nonetheless|besides|meanwhile|in contrast|on the other hand|as a result|finally|lastly|in other words
    |accordingly|also""".replace("\n", "").split("|"),
    key=len, reverse=True,
)
_LEADING = re.compile(
    r"^(?:(?:\(?\d{1,2}[.)]|\(?(?-i:[a-h])[.)]|[\u2022\u25aa\u25cf*\u2013-])\s+"  # a list marker
    r"|(?:" + "|".join(re.escape(c.strip()).replace(r"\ ", r"\s+") for c in _CONNECTIVES) + r")(?:\s*,\s*|\s+))",
    re.IGNORECASE,
)
_DANGLING = frozenset(
    "dan yang di ke dari untuk dengan atau serta pada dalam bahwa and or the of to in a an with for that by as"
    .split()
)


def _shorten(text: str, limit: int) -> str:
    """``text`` cut at a clause boundary (or between words) to at most ``limit`` characters, "…" added."""
    if len(text) <= limit:
        return text
    room = limit - 1  # the ellipsis takes one
    cut = text.rfind("; ", 0, room)
    if cut < 0.6 * room:
        cut = text.rfind(", ", 0, room)
    if cut < 0.6 * room:  # no clause ends late enough: cut between words
        cut = text.rfind(" ", 0, room + 1)
    if cut <= 0:
        cut = text.find(" ")  # one endless word: never cut inside it
        if cut <= 0:
            return text
    head = text[:cut].rstrip(" ,;:(\u2013\u2014-")
    words = head.split(" ")
    while len(words) > 1 and words[-1].lower() in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(" ,;:(\u2013\u2014-") + "\u2026"


_TRAILING_MARKER = re.compile(r"(?<=[.!?;])\s+\(?(?:\d{1,2}|[a-h])[.)]{1,2}$")  # "... dengan baik. b."


def display_sentence(sentence: str, limit: int = DISPLAY_LIMIT) -> str:
    """``sentence`` for a table cell: white space collapsed, a leading connective ("Namun,",
    "However,") or list marker removed (and the next item's marker at the end), and cut cleanly
    to ``limit`` characters."""
    text = _TRAILING_MARKER.sub("", " ".join(sentence.split()))
    for _ in range(2):
        match = _LEADING.match(text)
        if not match or len(text[match.end() :].split()) < 3:
            break
        text = text[match.end() :]
        if text[:1].islower():
            text = text[0].upper() + text[1:]
    return _shorten(text, limit)


def paper_findings(paper: Paper, evidence: list[Evidence]) -> tuple[list[str], list[str]]:
    """A paper's key findings and stated gaps, as shown in the matrix (trimmed sentences)."""
    weight = _theme_weight(evidence)
    return [f.display for f in key_findings(paper, weight)], [f.display for f in gaps(paper)]


def _theme_weight(evidence: list[Evidence]) -> Callable[[str, int, int], float]:
    """How strongly a span of a field is evidence for the paper's themes (summed scores)."""

    def weight(field: str, start: int, end: int) -> float:
        return sum(e.score for e in evidence if e.field == field and e.start < end and start < e.end)

    return weight
