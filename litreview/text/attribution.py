"""Whether a sentence reports another work's claim, and which work: "Kruikemeyer dkk. (2013)
berpendapat ...", "Media sosial memperluas partisipasi (Cobis & Rusadi, 2023).", "Menurut McNair
(2017), ...", "... as shown in [12].", "Kajian terdahulu menunjukkan ..." (earlier studies, unnamed).

Such a sentence is evidence that the paper discusses a theme, but not the paper's own finding:
tables label it ("citing Kruikemeyer dkk., 2013") and never quote it as what the paper found.
A sentence that cites and also speaks of the paper's own work ("Temuan penelitian ini sejalan
dengan Munadi (2023)", "Our results confirm Smith (2019)") is the paper's own.
"""

from __future__ import annotations

import re

from litreview.model import Citation
from litreview.text.citations import extract_citations

# The paper speaking of its own work.
_OWN = re.compile(
    r"\b(?:(?:penelitian|studi|kajian|riset|artikel|tulisan|makalah|skripsi|tesis|analisis|temuan|hasil|survei)"
    r"(?:\s+[\w-]+){0,2}\s+ini|penulis|peneliti|kami"
    r"|this\s+(?:study|paper|article|research|analysis|survey|chapter)|the\s+present\s+(?:study|paper)"
    r"|our\s+(?:study|results?|findings|analysis|data|survey|paper)|we\s+(?:find|found|show|showed|argue|observe"
    r"|observed|conclude|concluded|confirm|confirmed|report))\b",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"\[\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\]")
_ACCORDING = re.compile(r"^\W*(?:[Mm]enurut|[Aa]ccording\s+to|[Ss]ebagaimana\s+(?:dikemukakan|dijelaskan)\s+oleh)"
                        r"\s+[A-Z]")
_GATE = re.compile(r"(?:19|20)\d{2}|\[\d|[Mm]enurut|[Aa]ccording|oleh")
# Earlier studies reported without being named, as the sentence's subject: "Kajian terdahulu menunjukkan
# ...", "Beberapa penelitian sebelumnya menemukan ...", "Previous studies have shown ...".
_EARLIER = re.compile(
    r"^\W*(?:(?:namun|tetapi|selain itu|sementara itu|however|moreover|in addition|yet),?\s+)?"
    r"(?:(?:(?:berbagai|beberapa|sejumlah|banyak|hasil|temuan)\s+)?(?:kajian|penelitian|studi|riset|literatur|temuan)"
    r"(?:-(?:kajian|penelitian|studi|riset))?\s+(?:terdahulu|sebelumnya|lain|lainnya|lampau)\b"
    r"|(?:(?:several|many|some|most|numerous|a number of)\s+)?(?:previous|prior|earlier|past|existing|other)\s+"
    r"(?:studies|research|work|scholarship|literature|scholars|researchers)\b)",
    re.IGNORECASE,
)


def reports_other_work(sentence: str) -> bool:
    """The sentence states what another work found or argued, not what this paper did."""
    if _OWN.search(sentence):
        return False
    if _EARLIER.search(sentence):
        return True
    if not _GATE.search(sentence):
        return False
    return bool(_NUMBERED.search(sentence) or _ACCORDING.search(sentence) or extract_citations(sentence))


def cited_works(sentence: str) -> list[Citation]:
    """The author-year citations of a sentence reporting another work (empty when it does not)."""
    if not reports_other_work(sentence):
        return []
    return extract_citations(sentence)


def citation_label(citation: Citation, lang: str = "en") -> str:
    """"Kruikemeyer dkk., 2013", "Cobis & Rusadi, 2023" (as written in the sentence)."""
    names = citation.authors
    if citation.et_al or len(names) > 2:
        who = f"{names[0]} {'dkk.' if lang == 'id' else 'et al.'}"
    elif len(names) == 2:
        who = f"{names[0]} & {names[1]}"
    else:
        who = names[0] if names else "?"
    return f"{who}, {citation.year}"


def citing_label(sentence: str, lang: str = "en") -> str:
    """"citing Kruikemeyer dkk., 2013" / "mengutip ..." for a sentence reporting other works
    (two works named at most, "and others" after), "" for the paper's own sentence."""
    if not reports_other_work(sentence):
        return ""
    labels = list(dict.fromkeys(citation_label(c, lang) for c in extract_citations(sentence)))
    verb = "mengutip" if lang == "id" else "citing"
    if not labels:
        return f"{verb} {'karya lain' if lang == 'id' else 'another work'}"
    shown = "; ".join(labels[:2])
    if len(labels) > 2:
        shown += " dan lainnya" if lang == "id" else " and others"
    return f"{verb} {shown}"
