"""PRISMA 2020 identification counts: records found per source, duplicates removed, records left.

Every record read from an export keeps a provenance row, even when it was merged into a paper
already in the corpus, so the counts come from the provenance: records identified are all the
rows, per database (what the export says, e.g. "Scopus", "Google Scholar") and per file; the
duplicates removed are the records beyond one per paper; the records left are the papers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from litreview.store import Corpus

# What a provenance row's format says when its export names no database.
_FORMAT_SOURCES = {
    "en": {"pdf": "PDF files", "text": "Text files", "bibtex": "BibTeX files", "ris": "RIS files",
           "csljson": "CSL-JSON files", "nbib": "PubMed", "enw": "EndNote files", "wos": "Web of Science",
           "csv": "CSV files"},
    "id": {"pdf": "Berkas PDF", "text": "Berkas teks", "bibtex": "Berkas BibTeX", "ris": "Berkas RIS",
           "csljson": "Berkas CSL-JSON", "nbib": "PubMed", "enw": "Berkas EndNote", "wos": "Web of Science",
           "csv": "Berkas CSV"},
}

WORDS = {
    "en": {
        "title": "PRISMA 2020: identification",
        "identified": "Records identified",
        "from": "from",
        "removed": "Records removed before screening",
        "duplicates": "Duplicate records removed",
        "screen": "Records to screen (after de-duplication)",
        "possible": "Possible duplicates still to review (`litreview dupes`)",
        "files": "Files read",
    },
    "id": {
        "title": "PRISMA 2020: identifikasi",
        "identified": "Rekaman teridentifikasi",
        "from": "dari",
        "removed": "Rekaman dihapus sebelum penyaringan",
        "duplicates": "Rekaman duplikat dihapus",
        "screen": "Rekaman untuk disaring (setelah deduplikasi)",
        "possible": "Kemungkinan duplikat yang belum ditinjau (`litreview dupes`)",
        "files": "Berkas yang dibaca",
    },
}


@dataclass
class Identification:
    identified: int
    after_deduplication: int
    by_database: list[tuple[str, int]] = field(default_factory=list)
    by_file: list[tuple[str, str, str, int]] = field(default_factory=list)  # (file, format, database, records)
    possible_duplicates: int = 0

    @property
    def duplicates_removed(self) -> int:
        return max(0, self.identified - self.after_deduplication)

    def to_dict(self) -> dict[str, Any]:
        return {
            "identified": self.identified,
            "by_database": [{"database": d, "records": n} for d, n in self.by_database],
            "by_file": [{"file": f, "format": fmt, "database": d, "records": n} for f, fmt, d, n in self.by_file],
            "duplicates_removed": self.duplicates_removed,
            "after_deduplication": self.after_deduplication,
            "possible_duplicates": self.possible_duplicates,
        }


def source_name(database: str, fmt: str, lang: str = "en") -> str:
    """What a record's source is called: the database its export names, else its file format's name."""
    return database or _FORMAT_SOURCES["id" if lang == "id" else "en"].get(fmt, fmt)


def identification(rows: list[tuple[str, str, str, int]], papers: int, possible: int = 0,
                   lang: str = "en") -> Identification:
    """From ``Corpus.records_by_source()`` rows (database, format, file, records) and the paper count;
    records whose export names no database are counted under their file format."""
    formats = _FORMAT_SOURCES["id" if lang == "id" else "en"]
    databases: dict[str, int] = {}
    files = []
    for database, fmt, file_name, records in rows:
        name = database or formats.get(fmt, fmt)
        databases[name] = databases.get(name, 0) + records
        files.append((file_name, fmt, name, records))
    files.sort(key=lambda f: (-f[3], f[0], f[2]))
    return Identification(
        identified=sum(r[3] for r in rows),
        after_deduplication=papers,
        by_database=sorted(databases.items(), key=lambda d: (-d[1], d[0])),
        by_file=files,
        possible_duplicates=possible,
    )


def corpus_identification(corpus: Corpus, lang: str = "en") -> Identification:
    from litreview.dedup import CROWDED_TITLE

    # A title shared by many papers ("Editorial") counts once: one group to review, not every pair.
    possible = corpus.possible_duplicate_count(title_group_size=CROWDED_TITLE)
    return identification(corpus.records_by_source(), corpus.paper_count(), possible, lang)


def render_text(ident: Identification, lang: str = "en", removed: list[str] | None = None,
                screening: list[str] | None = None) -> str:
    """The identification counts; ``removed`` adds lines to "records removed before screening" and
    ``screening`` a part after "records to screen" (the rest of the flow)."""
    w = WORDS["id" if lang == "id" else "en"]
    width = max([len(str(ident.identified)), 1])
    lines = [w["title"], "", f"{w['identified']} (n = {ident.identified})"]
    for name, count in ident.by_database:
        lines.append(f"  {w['from']} {name}: n = {count:>{width}}")
    lines += [
        "",
        w["removed"],
        f"  {w['duplicates']}: n = {ident.duplicates_removed}",
        *(removed or []),
        "",
        f"{w['screen']}: n = {ident.after_deduplication}",
    ]
    if ident.possible_duplicates:
        lines.append(f"{w['possible']}: {ident.possible_duplicates}")
    lines += screening or []
    lines += ["", f"{w['files']}:"]
    lines += [f"  {name} ({database}, {fmt}): n = {count}" for name, fmt, database, count in ident.by_file]
    return "\n".join(lines) + "\n"


# -- the whole flow: screening, retrieval, eligibility, inclusion ------------------------------------

FLOW_WORDS = {
    "en": {
        "title": "PRISMA 2020 flow diagram",
        "identification": "Identification", "screening": "Screening", "included_phase": "Included",
        "identified": "Records identified",
        "removed": "Records removed before screening:",
        "duplicates": "Duplicate records removed",
        "rules": "Records marked as ineligible by automation tools (screening rules)",
        "screened": "Records screened",
        "awaiting_screening": "Records not yet screened",
        "excluded": "Records excluded",
        "sought": "Reports sought for retrieval",
        "not_retrieved": "Reports not retrieved",
        "assessed": "Reports assessed for eligibility",
        "awaiting_assessment": "Reports not yet assessed",
        "reports_excluded": "Reports excluded:",
        "studies": "Studies included in review",
        "reports": "Reports of included studies",
        "conflicts": "Conflicts between reviewers still to resolve",
        "possible": "Possible duplicates still to review",
        "not_started": "No screening decision yet: `litreview screen` records them.",
        "source": "Source: litreview corpus; counts as `litreview prisma --format json` gives them",
    },
    "id": {
        "title": "Diagram alir PRISMA 2020",
        "identification": "Identifikasi", "screening": "Penyaringan", "included_phase": "Disertakan",
        "identified": "Rekaman teridentifikasi",
        "removed": "Rekaman dihapus sebelum penyaringan:",
        "duplicates": "Rekaman duplikat dihapus",
        "rules": "Rekaman ditandai tidak memenuhi syarat oleh alat otomatis (aturan penyaringan)",
        "screened": "Rekaman disaring",
        "awaiting_screening": "Rekaman belum disaring",
        "excluded": "Rekaman dikecualikan",
        "sought": "Laporan yang dicari untuk diambil",
        "not_retrieved": "Laporan tidak berhasil diambil",
        "assessed": "Laporan dinilai kelayakannya",
        "awaiting_assessment": "Laporan belum dinilai",
        "reports_excluded": "Laporan dikecualikan:",
        "studies": "Studi yang disertakan dalam tinjauan",
        "reports": "Laporan dari studi yang disertakan",
        "conflicts": "Konflik antarpenilai yang belum diselesaikan",
        "possible": "Kemungkinan duplikat yang belum ditinjau",
        "not_started": "Belum ada keputusan penyaringan: `litreview screen` mencatatnya.",
        "source": "Sumber: korpus litreview; angka sesuai `litreview prisma --format json`",
    },
}


@dataclass
class Flow:
    """The counts of a PRISMA 2020 flow diagram. Every record after de-duplication is exactly one of:
    removed by the rules, not yet screened (no final title-abstract decision, or a conflict), excluded
    at screening, or a report sought (included or "maybe" at title-abstract); every report sought is
    one of: not retrieved (excluded at full text as "full text not retrieved"), not yet assessed,
    excluded at full text (with its reasons), or included."""

    identification: Identification
    started: bool = False
    removed_by_rules: int = 0
    rule_reasons: list[tuple[str, int]] = field(default_factory=list)
    screened: int = 0
    awaiting_screening: int = 0
    excluded: int = 0
    excluded_reasons: list[tuple[str, int]] = field(default_factory=list)
    sought: int = 0
    not_retrieved: int = 0
    assessed: int = 0
    awaiting_assessment: int = 0
    reports_excluded: int = 0
    report_reasons: list[tuple[str, int]] = field(default_factory=list)
    included: int = 0
    conflicts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        def listed(pairs: list[tuple[str, int]]) -> list[dict[str, Any]]:
            return [{"reason": r, "n": n} for r, n in pairs]

        return {
            **self.identification.to_dict(),
            "screening_started": self.started,
            "removed_by_rules": self.removed_by_rules,
            "removed_by_rules_reasons": listed(self.rule_reasons),
            "records_screened": self.screened,
            "records_not_yet_screened": self.awaiting_screening,
            "records_excluded": self.excluded,
            "records_excluded_reasons": listed(self.excluded_reasons),
            "reports_sought": self.sought,
            "reports_not_retrieved": self.not_retrieved,
            "reports_assessed": self.assessed,
            "reports_not_yet_assessed": self.awaiting_assessment,
            "reports_excluded": self.reports_excluded,
            "reports_excluded_reasons": listed(self.report_reasons),
            "studies_included": self.included,
            "reports_of_included_studies": self.included,
            "conflicts": dict(self.conflicts),
        }


def _counted(reasons: list[str], missing: str) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for reason in reasons:
        counts[reason or missing] = counts.get(reason or missing, 0) + 1
    return sorted(counts.items(), key=lambda x: (-x[1], x[0].casefold()))


def flow(ident: Identification, found: dict[str, Any], keys: list[str], lang: str = "en") -> Flow:
    """The flow of the papers ``keys`` (every paper after de-duplication) given their standings
    (``screening.decisions.standings``)."""
    from litreview.screening.decisions import CONFLICT, FULL_TEXT, TITLE_ABSTRACT, is_not_retrieved

    unstated = "reason not given" if lang != "id" else "alasan tidak disebut"
    out = Flow(identification=ident, started=bool(found))
    rules, excluded, reports = [], [], []
    conflicts = {TITLE_ABSTRACT: 0, FULL_TEXT: 0}
    for key in keys:
        standing = found.get(key)
        first = standing.at(TITLE_ABSTRACT) if standing else None
        if standing is not None and standing.removed_by_rules:
            rules.append(first.reason if first else "")
            continue
        decision = first.decision if first else ""
        if decision == CONFLICT:
            conflicts[TITLE_ABSTRACT] += 1
        if decision not in ("include", "exclude", "maybe"):
            out.awaiting_screening += 1
            continue
        out.screened += 1
        if decision == "exclude":
            excluded.append(first.reason if first else "")
            continue
        out.sought += 1
        second = standing.at(FULL_TEXT) if standing else None
        full = second.decision if second else ""
        if full == CONFLICT:
            conflicts[FULL_TEXT] += 1
        if full == "exclude" and second and is_not_retrieved(second.reason):
            out.not_retrieved += 1
        elif full == "exclude":
            out.assessed += 1
            reports.append(second.reason if second else "")
        elif full == "include":
            out.assessed += 1
            out.included += 1
        else:
            out.awaiting_assessment += 1
    out.removed_by_rules, out.rule_reasons = len(rules), _counted(rules, unstated)
    out.excluded, out.excluded_reasons = len(excluded), _counted(excluded, unstated)
    out.reports_excluded, out.report_reasons = len(reports), _counted(reports, unstated)
    out.conflicts = conflicts
    return out


def corpus_flow(corpus: Corpus, lang: str = "en") -> Flow:
    from litreview.screening.decisions import standings

    return flow(corpus_identification(corpus, lang), standings(corpus.screening_lanes()), corpus.all_keys(), lang)


def render_flow_text(result: Flow, lang: str = "en") -> str:
    """The identification counts, then screening, retrieval, eligibility and inclusion."""
    w = FLOW_WORDS["id" if lang == "id" else "en"]
    if not result.started:
        return render_text(result.identification, lang, screening=["", w["not_started"]])
    removed = [f"  {w['rules']}: n = {result.removed_by_rules}"]
    removed += [f"    {reason}: n = {n}" for reason, n in result.rule_reasons]
    lines = ["", w["screening"], f"{w['screened']}: n = {result.screened}"]
    if result.awaiting_screening:
        lines.append(f"  {w['awaiting_screening']}: n = {result.awaiting_screening}")
    lines.append(f"  {w['excluded']}: n = {result.excluded}")
    lines += [f"    {reason}: n = {n}" for reason, n in result.excluded_reasons]
    lines += [f"{w['sought']}: n = {result.sought}", f"  {w['not_retrieved']}: n = {result.not_retrieved}",
              f"{w['assessed']}: n = {result.assessed}"]
    if result.awaiting_assessment:
        lines.append(f"  {w['awaiting_assessment']}: n = {result.awaiting_assessment}")
    lines.append(f"  {w['reports_excluded'].rstrip(':')}: n = {result.reports_excluded}")
    lines += [f"    {reason}: n = {n}" for reason, n in result.report_reasons]
    lines += ["", w["included_phase"], f"{w['studies']}: n = {result.included}",
              f"{w['reports']}: n = {result.included}"]
    if any(result.conflicts.values()):
        lines += ["", f"{w['conflicts']}: " + ", ".join(f"{stage} {n}" for stage, n in result.conflicts.items() if n)]
    text = render_text(result.identification, lang, removed, lines)
    return w["title"] + text[text.index("\n"):]
