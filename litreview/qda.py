"""Coded projects exchanged with QDA programs (QualCoder, ATLAS.ti, MAXQDA, NVivo) as REFI-QDA
projects (.qdpx: a zip holding project.qde, the project as XML, and Sources/ with each text).

``export_qdpx`` writes each paper's text as a text source, the codebook's themes as codes and every
evidence sentence of an assigned theme as a coded selection at its exact character offsets (a theme
decided by hand without a sentence codes the whole source). ``import_codings`` reads such a project
back after a researcher recoded it: codings added, removed or moved become theme decisions by hand,
with the coded passages as their evidence; codes that are not themes are kept as themes offered for
the codebook.

A source's text is the paper's titles, abstracts and keywords (each distinct value once, in the
order of ``LAYOUT``), then its full text, separated by blank lines; offsets count characters
(Unicode code points), as the REFI-QDA standard and QualCoder do.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from litreview.errors import ImportFailed
from litreview.i18n import msg, tr
from litreview.model import Evidence, Paper, Tag
from litreview.text.encoding import printable_name

NAMESPACE = "urn:QDA-XML:project:1.0"
PROJECT_FILE = "project.qde"
_ID_SPACE = uuid.UUID("5b0e8c3e-4c1e-4b8a-9d65-1d3f0c6a7e21")  # litreview's namespace for stable GUIDs
LAYOUT = ("title", "title_id", "title_en", "abstract_id", "abstract_en", "abstract", "keywords", "keywords_id",
          "keywords_en", "text")
SEPARATOR = "\n\n"
PALETTE = ("#E6194B", "#3CB44B", "#4363D8", "#F58231", "#911EB4", "#42D4F4", "#F032E6", "#BFEF45", "#469990",
           "#9A6324", "#800000", "#808000", "#000075", "#FFE119", "#A9A9A9", "#DCBEFF")
AUTO_USER = "litreview (automatic coding)"
MANUAL_USER = "litreview (coded by hand)"
MAX_PROJECT_BYTES = 512 * 2**20
CODED_PLACE = "coded"  # the place of a passage coded by hand in a QDA program: re-tagging keeps it


def guid(*parts: str) -> str:
    """A stable GUID for a thing litreview names (a theme, a paper, a selection)."""
    return str(uuid.uuid5(_ID_SPACE, "\x1f".join(parts)))


# -- a paper as a source text ----------------------------------------------------------------
@dataclass
class Layout:
    """A paper's source text and where each field's value stands in it."""

    text: str
    starts: dict[str, int]  # field -> offset of its value (fields with a repeated value: the first's)
    lengths: dict[str, int]
    shared: set[str]  # fields whose value an earlier field already holds

    def place(self, field_name: str, start: int, end: int) -> tuple[int, int] | None:
        if field_name not in self.starts:
            return None
        base = self.starts[field_name]
        return base + start, base + end

    def pieces(self, start: int, end: int) -> list[tuple[str, int, int]]:
        """The parts of a passage of the source text that fall in each field (field, start, end within it);
        the blank lines between fields belong to none."""
        out = []
        for name, base in self.starts.items():
            if name in self.shared:
                continue  # a repeated value: its first field stands for it
            a, b = max(start, base), min(end, base + self.lengths[name])
            if a < b:
                out.append((name, a - base, b - base))
        return out


def layout_of(paper: Paper) -> Layout:
    from litreview.themes.tagger import field_text

    parts: list[str] = []
    starts: dict[str, int] = {}
    lengths: dict[str, int] = {}
    by_value: dict[str, str] = {}
    shared: set[str] = set()
    offset = 0
    for name in LAYOUT:
        value = field_text(paper, name)
        if not value or not value.strip():
            continue
        if value in by_value:
            starts[name] = starts[by_value[value]]
            lengths[name] = len(value)
            shared.add(name)
            continue
        if parts:
            offset += len(SEPARATOR)
        by_value[value] = name
        starts[name], lengths[name] = offset, len(value)
        parts.append(value)
        offset += len(value)
    return Layout(SEPARATOR.join(parts), starts, lengths, shared)


# -- export -----------------------------------------------------------------------------------
@dataclass
class ExportReport:
    sources: int = 0
    codes: int = 0
    selections: int = 0
    whole_source: int = 0  # themes coded on a whole source (decided by hand, without a sentence)


def export_qdpx(corpus: Any, codebook: Any, keys: list[str] | None = None) -> tuple[bytes, ExportReport]:
    """The corpus (or ``keys``) as a REFI-QDA project: (the .qdpx bytes, counts). Byte-identical for the
    same corpus and codebook (stable GUIDs, sorted output, fixed zip timestamps)."""
    from lxml import etree

    report = ExportReport()
    ns = f"{{{NAMESPACE}}}"
    users = {"auto": guid("user", "auto"), "manual": guid("user", "manual")}
    root = etree.Element(ns + "Project", nsmap={None: NAMESPACE})
    root.set("name", "litreview review")
    root.set("origin", "litreview")
    root.set("creatingUserGUID", users["auto"])
    users_el = etree.SubElement(root, ns + "Users")
    for kind, name in (("auto", AUTO_USER), ("manual", MANUAL_USER)):
        etree.SubElement(users_el, ns + "User", guid=users[kind], name=name)
    codes_el = etree.SubElement(etree.SubElement(root, ns + "CodeBook"), ns + "Codes")
    code_ids = {}
    for i, theme in enumerate(codebook.themes):
        code_ids[theme.id] = guid("theme", theme.id)
        code = etree.SubElement(codes_el, ns + "Code", guid=code_ids[theme.id], name=theme.id, isCodable="true",
                                color=PALETTE[i % len(PALETTE)])
        labels = " / ".join(dict.fromkeys(v for v in (theme.label_in("en"), theme.label_in("id")) if v))
        description = theme.description_in("en")
        etree.SubElement(code, ns + "Description").text = f"{labels}. {description}".strip() if description \
            else labels
        report.codes += 1
    sources_el = etree.SubElement(root, ns + "Sources")
    texts: list[tuple[str, bytes]] = []
    for paper in corpus.iter_papers(keys or None, full=True):
        layout = layout_of(paper)
        source_id = guid("paper", paper.key)
        source = etree.SubElement(sources_el, ns + "TextSource", guid=source_id, name=paper.key,
                                  plainTextPath=f"internal://{source_id}.txt", creatingUser=users["auto"])
        etree.SubElement(source, ns + "Description").text = _describe(paper)
        whole: list[tuple[str, str]] = []
        for tag in sorted(corpus.tags_of(paper.key), key=lambda t: t.theme):
            if tag.theme not in code_ids or not tag.assigned:
                continue
            who = "manual" if tag.origin == "manual" else "auto"
            placed = sorted({p for e in tag.evidence if (p := layout.place(e.field, e.start, e.end))})
            if not placed:
                whole.append((tag.theme, who))
                continue
            notes = {layout.place(e.field, e.start, e.end): e for e in tag.evidence}
            for start, end in placed:
                evidence = notes[(start, end)]
                selection = etree.SubElement(
                    source, ns + "PlainTextSelection", guid=guid("selection", paper.key, tag.theme, str(start),
                                                                 str(end)),
                    name=tag.theme, startPosition=str(start), endPosition=str(end), creatingUser=users[who])
                etree.SubElement(selection, ns + "Description").text = _selection_note(tag, evidence)
                coding = etree.SubElement(selection, ns + "Coding", guid=guid("coding", paper.key, tag.theme,
                                                                              str(start), str(end)),
                                          creatingUser=users[who])
                etree.SubElement(coding, ns + "CodeRef", targetGUID=code_ids[tag.theme])
                report.selections += 1
        for theme, who in whole:
            coding = etree.SubElement(source, ns + "Coding", guid=guid("coding", paper.key, theme),
                                      creatingUser=users[who])
            etree.SubElement(coding, ns + "CodeRef", targetGUID=code_ids[theme])
            report.whole_source += 1
        texts.append((f"Sources/{source_id}.txt", layout.text.encode("utf-8", "surrogatepass")))
        report.sources += 1
    if not len(sources_el):
        root.remove(sources_el)
    xml = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in [(PROJECT_FILE, xml), *texts]:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, blob)
    return buffer.getvalue(), report


def _describe(paper: Paper) -> str:
    names = "; ".join(p.display() for p in paper.authors[:3]) + (" et al." if len(paper.authors) > 3 else "")
    year = f" ({paper.year})" if paper.year else ""
    return f"{names}{year}. {paper.title}".strip(". ") + f" [litreview key {paper.key}]"


def _selection_note(tag: Tag, evidence: Evidence) -> str:
    if tag.origin == "manual":
        return f"coded by hand ({tag.theme})"
    place = f", {evidence.place}" if evidence.place else ""
    return f"automatic ({tag.theme}): sentence score {evidence.score:g}{place}"


# -- reading a project ------------------------------------------------------------------------
@dataclass
class Code:
    guid: str
    name: str
    description: str = ""
    color: str = ""


@dataclass
class Source:
    guid: str
    name: str
    text: str
    selections: list[tuple[int, int, list[str]]] = field(default_factory=list)  # (start, end, code GUIDs)
    whole: list[str] = field(default_factory=list)  # code GUIDs coded on the source itself


@dataclass
class Project:
    codes: dict[str, Code]
    sources: list[Source]
    other_sources: int = 0  # PDF, picture, audio and video sources: no text to read codings from


def read_project(data: bytes, name: str) -> Project:
    """Parse a .qdpx (or a bare project.qde) into codes and text sources with their codings."""
    from lxml import etree

    files: dict[str, bytes] = {}
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                qde = next((n for n in archive.namelist() if n.lower().endswith(".qde")), None)
                if qde is None:
                    raise ImportFailed(name, msg("no project.qde inside; is it a REFI-QDA project (.qdpx)?"))
                xml = archive.read(qde)
                for entry in archive.namelist():
                    if entry.lower().startswith("sources/") and entry.lower().endswith(".txt"):
                        files[entry.split("/", 1)[1]] = archive.read(entry)
        except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
            raise ImportFailed(name, msg("not a readable .qdpx zip ({reason})", reason=exc)) from None
    else:
        xml = data
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        raise ImportFailed(name, msg("project.qde is not well-formed XML ({reason})", reason=exc)) from None
    ns = {"q": NAMESPACE}
    if root.tag != f"{{{NAMESPACE}}}Project":
        raise ImportFailed(name, msg("not a REFI-QDA project (root element {element}, namespace {namespace})",
                                     element=etree.QName(root).localname,
                                     namespace=etree.QName(root).namespace or "none"))
    codes = {}
    for el in root.iterfind(".//q:CodeBook//q:Code", ns):
        description = el.findtext("q:Description", default="", namespaces=ns) or ""
        code = Code(guid=_norm(el.get("guid", "")), name=(el.get("name") or "").strip(),
                    description=description.strip(), color=el.get("color") or "")
        codes[code.guid] = code
    sources = []
    other = 0
    for el in root.iterfind("q:Sources/*", ns):
        if etree.QName(el).localname != "TextSource":
            other += 1
            continue
        text = el.findtext("q:PlainTextContent", default=None, namespaces=ns)
        path = el.get("plainTextPath") or ""
        if text is None and path:
            inner = path.split("internal://", 1)[1] if path.startswith("internal://") else Path(path).name
            blob = files.get(inner)
            text = _decode(blob) if blob is not None else None
        source = Source(guid=_norm(el.get("guid", "")), name=el.get("name") or "", text=text or "")
        for selection in el.iterfind("q:PlainTextSelection", ns):
            try:
                start, end = int(selection.get("startPosition", "")), int(selection.get("endPosition", ""))
            except ValueError:
                continue
            refs = [_norm(r.get("targetGUID", "")) for r in selection.iterfind("q:Coding/q:CodeRef", ns)]
            if refs:
                source.selections.append((min(start, end), max(start, end), refs))
        source.whole = [_norm(r.get("targetGUID", "")) for r in el.iterfind("q:Coding/q:CodeRef", ns)]
        sources.append(source)
    return Project(codes=codes, sources=sources, other_sources=other)


def _norm(value: str) -> str:
    return value.strip().strip("{}").lower()


def _decode(blob: bytes) -> str:
    if blob.startswith(b"\xef\xbb\xbf"):
        blob = blob[3:]
    try:
        return blob.decode("utf-8")
    except UnicodeDecodeError:
        return blob.decode("utf-16") if blob[:2] in (b"\xff\xfe", b"\xfe\xff") else blob.decode("latin-1")


# -- bringing codings back ----------------------------------------------------------------------
@dataclass
class CodingReport:
    project: str
    decisions: list[tuple[str, str, str]] = field(default_factory=list)  # (key, theme, "added"/"removed"/"recoded")
    offered: list[tuple[str, int]] = field(default_factory=list)  # (code name, codings)
    unmatched: list[str] = field(default_factory=list)
    papers: int = 0  # sources matched to papers

    def summary(self) -> str:
        counts = {what: sum(1 for d in self.decisions if d[2] == what) for what in ("added", "removed", "recoded")}
        return tr("{project}: {papers} matched; {added} added, {removed} removed, {recoded} recoded by hand; "
                  "{offered} offered", project=self.project,
                  papers=tr("{n} paper", "{n} papers", n=self.papers),
                  added=tr("{n} theme", "{n} themes", n=counts["added"]), removed=counts["removed"],
                  recoded=counts["recoded"], offered=tr("{n} new code", "{n} new codes", n=len(self.offered)))


def import_codings(corpus: Any, path: Path, tagger: Any = None, codebook: Any = None) -> CodingReport:
    """Read the codings of the project at ``path`` into the corpus as theme decisions by hand."""
    name = printable_name(str(path))
    try:
        if path.stat().st_size > MAX_PROJECT_BYTES:
            raise ImportFailed(name, msg("the project is larger than 512 MiB"))
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(name, msg("cannot read the file ({reason})", reason=exc.strerror or exc)) from None
    project = read_project(data, name)
    if codebook is None:
        if tagger is not None:
            codebook = tagger.codebook
        else:
            from litreview.themes.codebook import load_codebook

            codebook = load_codebook(None, corpus.root)
    return apply_codings(corpus, project, codebook, name)


def apply_codings(corpus: Any, project: Project, codebook: Any, name: str) -> CodingReport:
    report = CodingReport(project=name)
    themes = {t.id: t for t in codebook.themes}
    labels = {t.label_in(lang).casefold(): t.id for t in codebook.themes for lang in ("en", "id")}
    code_theme: dict[str, str] = {}
    offered: dict[str, list[dict[str, Any]]] = {}
    for code in project.codes.values():
        if code.guid in {guid("theme", t) for t in themes}:
            code_theme[code.guid] = next(t for t in themes if guid("theme", t) == code.guid)
        elif code.name in themes:
            code_theme[code.guid] = code.name
        elif code.name.casefold() in labels:
            code_theme[code.guid] = labels[code.name.casefold()]
        else:
            offered[code.guid] = []
    keys = set(corpus.all_keys())
    by_guid = {guid("paper", k): k for k in keys}
    with corpus.transaction():
        for source in project.sources:
            key = source.name if source.name in keys else by_guid.get(source.guid)
            if key is None:
                report.unmatched.append(msg("{file}: source {source} is not a paper of the corpus", file=name,
                                             source=source.name or repr(source.guid)))
                continue
            report.papers += 1
            _apply_source(corpus, key, source, project, code_theme, offered, report, name)
        for code_guid, codings in offered.items():
            code = project.codes[code_guid]
            if not code.name:
                continue
            corpus.offer_theme(code.name, code.description, code.color, name, codings)
            report.offered.append((code.name, len(codings)))
    report.offered.sort()
    return report


def _apply_source(corpus: Any, key: str, source: Source, project: Project, code_theme: dict[str, str],
                  offered: dict[str, list[dict[str, Any]]], report: CodingReport, name: str) -> None:
    paper = corpus.get(key)
    layout = layout_of(paper)
    same = source.text == layout.text
    coded: dict[str, set[tuple[int, int]]] = {}  # theme -> passages (offsets in our layout)
    whole: set[str] = set()
    for start, end, refs in source.selections:
        placed = (start, end) if same else _find(source.text, layout.text, start, end)
        if placed is None or placed[1] > len(layout.text):
            report.unmatched.append(msg("{file}: {key}: a coded passage at {start}-{end} is not in the paper's text "
                                        "any more; skipped", file=name, key=key, start=start, end=end))
            continue
        for ref in refs:
            if ref in code_theme:
                coded.setdefault(code_theme[ref], set()).add(placed)
            elif ref in offered:
                offered[ref].append({"key": key, "start": placed[0], "end": placed[1],
                                     "text": layout.text[placed[0]:placed[1]]})
    for ref in source.whole:
        if ref in code_theme:
            whole.add(code_theme[ref])
            coded.setdefault(code_theme[ref], set())
        elif ref in offered:
            offered[ref].append({"key": key})
    exported_themes = set(code_theme.values())
    current = {t.theme: t for t in corpus.tags_of(key) if t.assigned}
    for theme in sorted(exported_themes):
        tag = current.get(theme)
        passages = coded.get(theme)
        if passages is None:
            if tag is not None:
                corpus.set_manual_tag(key, theme, False)
                report.decisions.append((key, theme, "removed"))
            continue
        evidence = [_evidence(paper, layout, theme, *piece) for p in sorted(passages) for piece in layout.pieces(*p)]
        evidence = list({(e.field, e.start, e.end): e for e in evidence}.values())
        if tag is not None:
            mine = {p for e in tag.evidence if (p := layout.place(e.field, e.start, e.end))}
            if mine == {layout.place(e.field, e.start, e.end) for e in evidence}:
                continue
        corpus.set_manual_tag(key, theme, True, Tag(theme=theme, origin="manual", sentences=len(evidence),
                                                    evidence=evidence))
        report.decisions.append((key, theme, "recoded" if tag is not None else "added"))


def _find(theirs: str, ours: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a passage of their copy of the text stands in ours (line endings or the text may differ)."""
    snippet = theirs[start:end]
    if not snippet.strip():
        return None
    normalised = snippet.replace("\r\n", "\n")
    best = None
    at = ours.find(normalised)
    while at != -1:
        if best is None or abs(at - start) < abs(best - start):
            best = at
        at = ours.find(normalised, at + 1)
    return (best, best + len(normalised)) if best is not None else None


def _evidence(paper: Paper, layout: Layout, theme: str, field_name: str, start: int, end: int) -> Evidence:
    """A passage coded by hand (``start``/``end`` within ``field_name``) as evidence for ``theme``."""
    from litreview.themes.tagger import field_text

    section = ""
    page = None
    if field_name == "text":
        section = next((s.kind for s in paper.sections if s.start <= start < s.end), "")
        page = paper.page_of(start)
    return Evidence(theme=theme, field=field_name, start=start, end=end,
                    sentence=field_text(paper, field_name)[start:end], section=section, page=page,
                    place=CODED_PLACE, weight=1.0)
