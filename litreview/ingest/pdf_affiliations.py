"""The authors' affiliations and e-mail addresses on a PDF's first page, kept
apart from the names, and tied to each author where the page allows it.

They stand between the byline and the abstract: lines that start with an
affiliation mark ("1", "1)", a superscript letter, "†") or follow the byline
unmarked, interleaved with e-mail lines, street addresses and phone numbers
(left out). An author gets the affiliations whose marks follow (or precede)
the name; an affiliation printed under one author line, or on it ("NAME,
University of X, USA", "Name • Institute"), goes to that line's names; a
single affiliation goes to every author. Otherwise the paper keeps the list
without tying it to anyone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from litreview.ingest.pdf_layout import Line, is_heading, letters
from litreview.model import Person
from litreview.text.clean import clean_field

_SYMBOLS = "*\u2217\u2020\u2021\u00a7\u00b6#\u2666\u2663\u2660\u2665\u25a1\u22c4\u2662\u2661\u2299\u25c7"
_SYMBOL = re.compile(f"[{re.escape(_SYMBOLS)}]")
_EMAIL = re.compile(
    r"\{([^{}]+)\}\s*@\s*([\w.-]+\.[a-z]{2,})|[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE
)
_ADDRESS = re.compile(
    r"^(?:jl|jln|jalan|telp|tel|phone|fax|hp|kode pos|gedung|kampus|address|alamat)\b\.?"
    r"|\btelp\b|\bfax\b|\bphone\b|\(0\d{2,4}\)|\bkode pos\b"
    r"|^\d{3,}|\b(?:jl|jln)\.\s|,?\s*\b\d{5,6}\b",
    re.IGNORECASE,
)
# A line that ends the affiliations (what follows is no longer about the authors).
_END = re.compile(
    r"^(?:abstra[ck]t?|abstraks|intisari|ringkasan|summary|keywords?|kata kunci|info artikel|article info"
    r"|article history|riwayat artikel|orcid|cite as|this is an|to cite|©|copyright|arxiv:)"
    r"|\b(?:received|accepted|published(?: online)?|revised|diajukan|diterima|direvisi|disetujui|diterbitkan)\b"
    r"\s*:?\s*\d",
    re.IGNORECASE,
)
# A note about authors that is no affiliation: skipped (its e-mail is still read).
_NOTE = re.compile(
    r"\b(?:correspond\w*|coresponding|korespondensi|contributed equally|equal contribution|present address"
    r"|current address|e-?mail\w*|surel)\b",
    re.IGNORECASE,
)
_INSTITUTION = re.compile(
    r"\b(?:universit\w*|institut\w*|politeknik|polytechnic|stmik|amik|stie|stikes|stikom|sekolah tinggi"
    r"|akademi|academy|fakultas|faculty|jurusan|department|departemen|dept|program studi|prodi|school"
    r"|college|laborator\w*|research (?:group|center|centre|unit|institute)|centre|center|hospital|rumah sakit"
    r"|kementerian|ministry|balai|lembaga"
    r"|badan|pusat|uin|iain|corporation|inc|ltd|gmbh)\b",
    re.IGNORECASE,
)
_COUNTRY_END = re.compile(
    r",\s*(?:indonesia|usa|uk|united kingdom|united states|germany|france|italy|netherlands|the netherlands"
    r"|spain|china|japan|korea|india|australia|canada|malaysia|singapore|greece|switzerland|austria)\.?$",
    re.IGNORECASE,
)
_MAX_WEIGHT = 220  # a longer line is body text


@dataclass
class Affiliations:
    """What the first page says of the authors besides their names."""

    affiliations: list[str] = field(default_factory=list)  # distinct, in printed order
    emails: list[str] = field(default_factory=list)
    per_author: list[list[str]] = field(default_factory=list)  # each author's, [] when unknown
    author_emails: list[str] = field(default_factory=list)  # each author's, "" when unknown

    def apply(self, people: list[Person]) -> None:
        """Set each person's affiliation and e-mail where known."""
        for person, found in zip(people, self.per_author, strict=False):
            person.affiliation = "; ".join(found)
        for person, email in zip(people, self.author_emails, strict=False):
            person.email = email


@dataclass
class _Affiliation:
    text: str
    marks: set[str]
    line: int  # the author line it was printed under or on (-1: none)


def find_affiliations(lines: list[Line], author_lines: list[tuple[int, list[str]]], limit: float) -> Affiliations:
    """Affiliations and e-mails from the lines after the first author line (``author_lines``:
    (line index, names found on it), in order), down to the abstract or ``limit``."""
    if not author_lines:
        return Affiliations()
    names = [n for _, found in author_lines for n in found]
    by_line = {i: found for i, found in author_lines}
    name_marks = _name_marks(lines, author_lines)
    found: list[_Affiliation] = []
    emails: list[str] = []
    pending: list[str] = []
    current: _Affiliation | None = None
    seen: set[str] = set()
    last_author_line = -1
    if len(lines) - author_lines[-1][0] <= 8:  # a title page: its affiliation stands at the foot
        limit = float("inf")
    for i in range(author_lines[0][0], len(lines)):
        line = lines[i]
        after_byline = i > author_lines[-1][0]
        if line.top > limit and after_byline:
            break
        if i in by_line:
            last_author_line = i
            emails.extend(_emails(line.text))
            inline = _inline_affiliation(line, by_line[i])
            if inline:
                found.append(_Affiliation(inline, set(), i))
                seen.add(inline)
            current, pending = None, []
            continue
        text = line.text.strip()
        if line.vertical or not text:
            continue
        if _END.search(text) or (is_heading(text) and i > author_lines[-1][0]) or line.weight > _MAX_WEIGHT:
            if i > author_lines[-1][0]:
                break
            continue
        line_emails = _emails(text)
        if line_emails or _NOTE.search(text):
            emails.extend(line_emails)
            current, pending = None, []
            continue
        address = _ADDRESS.search(text)
        if address:
            # "Program Studi X, Universitas Y, Jakarta, Jl. Kyai Tapa No. 1": the part before the street
            head = text[: address.start()]
            if not (_INSTITUTION.search(head) and letters(head) >= 3):
                current = None
                continue
            line = _cut(line, address.start())
            text = line.text
        segments = _segments(line)
        if not segments:  # a line of marks only: they belong to the next line
            pending = _mark_tokens(text)
            continue
        if _tidy(text) in seen:  # a grid repeats one affiliation under each author; a stack under each line
            earlier = next((a for a in found if a.text.startswith(_tidy(text))), None)
            if earlier is not None and earlier.line != last_author_line:
                found.append(_Affiliation(earlier.text, earlier.marks, last_author_line))
                current = None
            continue
        seen.add(_tidy(text))
        stop = False
        for marks, part in segments:
            part = _tidy(part)
            if letters(part) < 3:
                continue
            if not marks and pending:
                marks, pending = set(pending), []
            if not marks and not _plausible(part, continued=current is not None):
                stop = after_byline  # body text: the affiliations are over
                break
            if not marks and current is not None:
                current.text = f"{current.text}, {part}"  # the next line of the same affiliation
                continue
            current = _Affiliation(part, marks, last_author_line)
            found.append(current)
        if stop:
            break
        if address:
            current = None
    affiliations = _distinct([a.text for a in found])
    per_author = _tie(found, names, name_marks, author_lines, affiliations)
    emails = list(dict.fromkeys(emails))
    return Affiliations(affiliations, emails, per_author, _tie_emails(emails, names))


def _tie_emails(emails: list[str], names: list[str]) -> list[str]:
    """Each author's e-mail: the one naming them; all in order when there is one per author and
    none that names someone sits at another's place; "" where unknown."""
    named = {k: next((i for i, n in enumerate(names) if _names(e, n)), -1) for k, e in enumerate(emails)}
    if len(emails) == len(names) and all(i in (-1, k) for k, i in named.items()):
        return list(emails)
    out = [""] * len(names)
    for k, i in named.items():
        if i >= 0 and not out[i]:
            out[i] = emails[k]
    return out


def _names(email: str, name: str) -> bool:
    """Does an address's local part name this person ("kylel", "nadahlberg", "mschlan")?"""
    import unicodedata

    local = re.sub(r"[^a-z]", "", email.split("@")[0].lower())
    folded = unicodedata.normalize("NFKD", name.lower())
    words = [w for w in re.findall(r"[a-z]+", folded) if len(w) >= 3]
    return bool(local) and any(
        w in local or (len(local) >= 6 and w.startswith(local[1:])) for w in words
    )



def _tie(
    found: list[_Affiliation],
    names: list[str],
    name_marks: list[set[str]],
    author_lines: list[tuple[int, list[str]]],
    distinct: list[str],
) -> list[list[str]]:
    """Each author's affiliations: by marks, else by the author line they stand on or under,
    else the only one; [] where the page does not tell."""
    empty: list[list[str]] = [[] for _ in names]
    if not found:
        return empty
    marked = [a for a in found if a.marks]
    if marked:
        out: list[list[str]] = [[a.text for a in marked if a.marks & marks] for marks in name_marks]
        if any(out):
            return [list(dict.fromkeys(x)) for x in out]
    if len(distinct) == 1:
        return [[distinct[0]] for _ in names]
    first_line = author_lines[0][0]
    stacked = any(a.line != author_lines[-1][0] and a.line >= first_line for a in found)
    if stacked or any(a.line >= 0 and not a.marks for a in found):
        out = []
        for line_index, line_names in author_lines:
            mine = list(dict.fromkeys(a.text for a in found if a.line == line_index and not a.marks))
            if len(author_lines) > 1 and line_index == author_lines[-1][0] and not stacked:
                mine = []
            out.extend([mine] * len(line_names))
        if any(out) and all(out):
            return out
    return empty


def _plausible(text: str, continued: bool) -> bool:
    """Can an unmarked piece of text be (part of) an affiliation rather than body text?"""
    words = text.split()
    if len(words) > 16 or (len(words) > 8 and re.search(r"[a-z]{3,}[.!?]$", text)) or re.match(r"\w+\s*:", text):
        return False
    if _INSTITUTION.search(text) or _COUNTRY_END.search(text):
        return True
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised >= 0.6 * len(words) and len(words) <= (8 if continued else 5)


def _cut(line: Line, end: int) -> Line:
    """``line`` up to character ``end`` (text and marks alike)."""
    from dataclasses import replace

    return replace(line, text=line.text[:end].rstrip(" ,;"), marked=line.marked[:end].rstrip(" ,;"))


def _distinct(texts: list[str]) -> list[str]:
    return list(dict.fromkeys(texts))


def _tidy(text: str) -> str:
    text = _SYMBOL.sub(" ", text)
    text = re.sub(r"\s*;\s*$|^\s*[,;:.\-\u2013]\s*", "", text)
    text = text.replace(";", ",").replace("\u201d", '"').replace("\u201c", '"')
    text = re.sub(r"\s+,", ",", text)
    return clean_field(text.strip(" ,;:"))


def _emails(text: str) -> list[str]:
    """The e-mail addresses in ``text``; "{kylel, lucyw}@allenai.org" gives both."""
    out: list[str] = []
    for found in _EMAIL.finditer(text):
        if found.group(1):
            out.extend(f"{user.strip()}@{found.group(2)}" for user in found.group(1).split(",") if user.strip())
        else:
            out.append(re.sub(r"^\d{1,2}(?=[a-z])", "", found.group(0)).rstrip("."))
    return [e.lower() for e in out]


def _inline_affiliation(line: Line, names: list[str]) -> str:
    """The affiliation printed on an author line after the names ("TAL AUGUST, University of
    Washington, USA"; "Roberto Baldoni \u2022 Universita di Roma, Italy"), or ""."""
    last = names[-1]
    at = line.text.find(last)
    if at < 0:
        return ""
    rest = line.text[at + len(last) :]
    rest = re.sub(r"^(?:[\s,;|)(\u2022\u00b7" + re.escape(_SYMBOLS) + r"]|\d{1,2}(?![\dA-Za-z]))+", "", rest)
    rest = _EMAIL.sub("", rest).strip(" ,;")
    if letters(rest) < 3 or not (_INSTITUTION.search(rest) or _COUNTRY_END.search(rest)):
        return ""
    return _tidy(rest)


def _small_runs(line: Line) -> list[tuple[int, int]]:
    """(start, end) of each run of small (superscript) characters in ``line.text``."""
    text, marked = line.text, line.marked
    if len(text) != len(marked):
        return []
    runs: list[tuple[int, int]] = []
    start = -1
    for k, (t, m) in enumerate(zip(text, marked, strict=True)):
        small = m == "|" and t != "|"
        if small and start < 0:
            start = k
        elif not small and start >= 0:
            runs.append((start, k))
            start = -1
    if start >= 0:
        runs.append((start, len(text)))
    return runs


_LEADING_MARK = re.compile(
    r"^\s*(?:\(\s*\d{1,2}\s*\)|\d{1,2}(?:\s*,\s*\d{1,2})*\s*\)|\d{1,2}(?:\s*,\s*\d{1,2})*(?=\s+[A-Z]|[A-Z][a-z])|"
    f"[{re.escape(_SYMBOLS)}]+(?:\\s*,\\s*[{re.escape(_SYMBOLS)}\\d]+)*)\\s*"
)


def _mark_tokens(text: str) -> list[str]:
    """The marks in a run of marks: "1,2)" gives "1", "2"; "†∗" gives "†", "*"."""
    text = text.replace("\u2217", "*")
    tokens = re.findall(r"\d{1,2}|[^\W\d_]|[" + re.escape(_SYMBOLS) + "]", text)
    return [t.replace("\u2217", "*") for t in tokens]


def _segments(line: Line) -> list[tuple[set[str], str]]:
    """A line cut into (marks, affiliation text) at its marks: superscript runs anywhere, and a
    printed mark ("1)", "2", "†") at its start. [] for a line of marks only."""
    text = line.text
    cuts = [
        (a, b)
        for a, b in _small_runs(line)
        if b - a <= 6 and re.fullmatch(r"[\w\s,*()" + re.escape(_SYMBOLS) + "]+", text[a:b])
    ]
    lead = _LEADING_MARK.match(text)
    if lead and lead.end() > 0 and not any(a == 0 for a, _ in cuts):
        cuts.append((0, lead.end()))
    for sym in _SYMBOL.finditer(text):  # "† MIT, □ Allen Institute for AI, ⋄ Northwestern University"
        if sym.start() > 0 and text[sym.start() - 1] == " " and not any(a <= sym.start() < b for a, b in cuts):
            cuts.append((sym.start(), sym.end()))
    cuts.sort()
    segments: list[tuple[set[str], str]] = []
    marks: set[str] = set()
    position = 0
    for a, b in cuts:
        if a < position:
            continue
        if letters(text[position:a]):
            segments.append((marks, text[position:a]))
            marks = set()
        marks = marks | set(_mark_tokens(text[a:b]))
        position = b
    if letters(text[position:]):
        segments.append((marks, text[position:]))
    return segments


def _name_marks(lines: list[Line], author_lines: list[tuple[int, list[str]]]) -> list[set[str]]:
    """The marks printed with each author's name, after it ("Nuryake Fajaryati¹", "Doro Edi1)") or,
    on a byline that puts them first ("1)Kristoko ..., 2)Theophilus ..."), before it."""
    out: list[set[str]] = []
    for index, names in author_lines:
        line = lines[index]
        text = line.text
        small = _small_runs(line)
        spans: list[tuple[int, int]] = []
        position = 0
        for name in names:
            at = text.find(name, position)
            if at < 0:
                at = position
            spans.append((at, at + len(name)))
            position = at + len(name)
        glued_before = len(re.findall(r"\d\)(?=[A-Z])", text))
        glued_after = len(re.findall(r"[a-z]\d", text)) + len(small)
        before = glued_before > glued_after
        head = text[: spans[0][0]] if spans else text
        fragment = re.match(r"\s*[^\W\d_]+(?:\s+[^\W\d_]+)*", head)
        if out and not before and fragment and letters(fragment.group()) >= 2:
            # the end of a name begun on the line before: "Fajarlestari¹, and Deni ..."
            out[-1] |= _region_marks(text, (fragment.end(), len(head)), small)
        for k, (start, end) in enumerate(spans):
            if before:
                region = (spans[k - 1][1] if k else 0, start)
            else:
                region = (end, spans[k + 1][0] if k + 1 < len(spans) else len(text))
            out.append(_region_marks(text, region, small))
    return out


def _region_marks(text: str, region: tuple[int, int], small: list[tuple[int, int]]) -> set[str]:
    a, b = region
    marks: set[str] = set()
    for s, e in small:
        lo, hi = max(a, s), min(b, e)
        if lo < hi:
            marks.update(_mark_tokens(text[lo:hi]))
    plain = "".join(
        ch if not any(s <= a + k < e for s, e in small) else " " for k, ch in enumerate(text[a:b])
    )
    plain = _EMAIL.sub(" ", plain)
    plain = re.sub(r"\b\d{3,}\b", " ", plain)  # student numbers
    for found in re.finditer(r"\d{1,2}(?:\s*,\s*\d{1,2})*(?!\d)", plain):
        after = plain[found.end() : found.end() + 1]
        if found.start() and plain[found.start() - 1].isalpha() and after not in ("", ")", ",", "*", " "):
            continue  # "S1Informatika" is no mark
        if found.start() and plain[found.start() - 1].isalpha() and after == " " and found.start() > 1 \
                and plain[found.start() - 2] in " .":
            continue  # a degree, "S1 ", "S2 "
        marks.update(re.findall(r"\d+", found.group()))
    marks.update(ch.replace("\u2217", "*") for ch in _SYMBOL.findall(plain))
    return marks
