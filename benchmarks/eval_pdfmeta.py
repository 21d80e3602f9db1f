"""How well the PDF first-page reader finds each paper's metadata, against a gold file.

    python benchmarks/eval_pdfmeta.py                       # ../shared/data/pdf, tests/gold/pdfmeta.yaml
    python benchmarks/eval_pdfmeta.py DIRECTORY --gold GOLD.yaml --json

Every PDF of the gold file found under DIRECTORY (keys are "folder/file.pdf") is read by the
importer; a file that cannot be read, and a PDF of those folders the gold leaves out, is listed
as skipped. For each field the figure is the
share of files where the reader agrees with the gold, per folder and overall, followed by each
miss. A field the gold gives as null (not printed on the paper) is right only when the reader
leaves it empty too. Rules of agreement:

- title: equal after folding case, accents, whitespace and punctuation;
- first author / all authors: by surname, accent- and case-folded (a gold full name agrees with
  a surname it ends with); all authors needs the same number, in order;
- year: equal; DOI: equal ignoring case; journal: equal after folding (case, accents, punctuation);
- affiliations (only files whose gold gives them): as many as the gold, in order, each holding the
  gold's institution (folded); author affiliations (where the gold gives them, or gives one
  affiliation): each author's affiliations, in number and institution, as the gold maps them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from litreview.errors import ImportFailed  # noqa: E402
from litreview.ingest.pdf import read  # noqa: E402
from litreview.model import Paper  # noqa: E402

DEFAULT_DIR = ROOT.parent / "shared" / "data" / "pdf"
DEFAULT_GOLD = ROOT / "tests" / "gold" / "pdfmeta.yaml"
FIELDS = ("title", "first_author", "authors", "year", "doi", "journal", "affiliations", "author_affiliations")
OPTIONAL = ("affiliations", "author_affiliations")  # scored only on the files whose gold gives them


def fold(text: str) -> str:
    """Lower case, accents off, punctuation to spaces, whitespace squeezed."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^\w]+", " ", text).replace("_", " ").split())


def same_name(gold: str, surname: str) -> bool:
    """Does a gold name (a surname or a full name) agree with the reader's surname?"""
    g, s = fold(gold), fold(surname)
    return bool(g and s) and (g == s or g.endswith(" " + s))


def holds(found: str, institution: str) -> bool:
    return bool(fold(institution)) and f" {fold(institution)} " in f" {fold(found)} "


def author_affiliations(doc: dict[str, Any]) -> list[list[int]] | None:
    """The gold's affiliation numbers of each author (one affiliation: every author has it)."""
    if "author_affiliations" in doc:
        return list(doc["author_affiliations"])
    if len(doc.get("affiliations") or []) == 1:
        return [[1] for _ in doc.get("authors") or []]
    return None


def agrees(name: str, gold: Any, paper: Paper, doc: dict[str, Any] | None = None) -> bool:
    """Does the paper's value of field ``name`` agree with the gold value?"""
    if name == "affiliations":
        gold = gold or []
        return len(gold) == len(paper.affiliations) and all(
            holds(found, want) for found, want in zip(paper.affiliations, gold, strict=True)
        )
    if name == "author_affiliations":
        institutions = (doc or {}).get("affiliations") or []
        if len(gold) != len(paper.authors):
            return False
        for numbers, person in zip(gold, paper.authors, strict=True):
            mine = [a for a in person.affiliation.split("; ") if a]
            if len(mine) != len(numbers) or not all(
                holds(a, institutions[n - 1]) for a, n in zip(mine, numbers, strict=True)
            ):
                return False
        return True
    if name == "title":
        return fold(paper.title) == fold(gold or "")
    if name == "first_author":
        if not gold:
            return not paper.authors
        return bool(paper.authors) and same_name(gold, paper.authors[0].surname)
    if name == "authors":
        gold = gold or []
        return len(gold) == len(paper.authors) and all(
            same_name(g, p.surname) for g, p in zip(gold, paper.authors, strict=True)
        )
    if name == "year":
        return paper.year == gold
    if name == "doi":
        return paper.doi.lower() == str(gold or "").lower()
    if name == "journal":
        # equal after folding: a volume, page or web address left beside the name is a miss
        return fold(paper.journal) == fold(gold or "")
    raise ValueError(name)


def shown(name: str, paper: Paper) -> str:
    if name in ("first_author", "authors"):
        people = paper.authors[:1] if name == "first_author" else paper.authors
        return "; ".join(p.display() for p in people) or "-"
    if name == "affiliations":
        return " | ".join(paper.affiliations) or "-"
    if name == "author_affiliations":
        return " | ".join(f"{p.surname}: {p.affiliation or '-'}" for p in paper.authors) or "-"
    value = getattr(paper, name)
    return str(value) if value not in ("", None) else "-"


@dataclass
class Result:
    """Agreement counts per field, and the misses as (file, field, got, gold)."""

    files: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    scored: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))  # files whose gold has it
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)

    def share(self, name: str) -> float:
        return self.right[name] / self.scored[name] if self.scored[name] else 0.0


def load_gold(path: Path) -> dict[str, dict[str, Any]]:
    import yaml

    docs: dict[str, dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["docs"]
    return docs


def evaluate(directory: Path, gold: dict[str, dict[str, Any]]) -> tuple[dict[str, Result], list[str]]:
    """Results per folder (and "all"), and the gold files that could not be read."""
    results: dict[str, Result] = {"all": Result()}
    folders = {key.split("/")[0] for key in gold}
    skipped = [
        f"{path.relative_to(directory).as_posix()}: not in the gold file"
        for folder in sorted(folders)
        for path in sorted((directory / folder).glob("*.pdf"))
        if path.relative_to(directory).as_posix() not in gold
    ]
    for key in sorted(gold):
        path = directory / key
        if not path.is_file():
            skipped.append(f"{key}: missing")
            continue
        try:
            paper = read(path.read_bytes(), path.name).papers[0]
        except ImportFailed as exc:
            skipped.append(f"{key}: {exc.problem}")
            continue
        folder = key.split("/")[0]
        for result in (results.setdefault(folder, Result()), results["all"]):
            result.files += 1
        for name in FIELDS:
            doc = gold[key]
            expected = author_affiliations(doc) if name == "author_affiliations" else doc.get(name)
            if name in OPTIONAL and (expected is None or "affiliations" not in doc):
                continue
            results[folder].scored[name] += 1
            results["all"].scored[name] += 1
            if agrees(name, expected, paper, doc):
                results[folder].right[name] += 1
                results["all"].right[name] += 1
            else:
                want = "; ".join(map(str, expected)) if isinstance(expected, list) else expected
                results["all"].misses.append((key, name, shown(name, paper), str(want)))
    return results, skipped


def report(results: dict[str, Result], skipped: Iterable[str]) -> str:
    head = f"{'folder':12} {'files':>5}  " + "  ".join(f"{n[:12]:>12}" for n in FIELDS)
    rows = [head]
    for folder in sorted(results, key=lambda f: (f == "all", f)):
        r = results[folder]
        rows.append(f"{folder:12} {r.files:5d}  " + "  ".join(f"{r.share(n):12.3f}" for n in FIELDS))
    overall = results["all"]
    rows.append("(" + ", ".join(f"{n} scored on {overall.scored[n]} files" for n in OPTIONAL) + ")")
    misses = overall.misses
    rows.append(f"\n{len(misses)} misses:")
    for key, name, got, want in misses:
        rows.append(f"  {key} [{name}]\n      got:  {got[:150]}\n      gold: {want[:150]}")
    for line in skipped:
        rows.append(f"skipped {line}")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--json", action="store_true", help="print the shares as JSON")
    args = parser.parse_args()
    results, skipped = evaluate(args.directory, load_gold(args.gold))
    if args.json:
        shares = {f: {n: round(r.share(n), 3) for n in FIELDS} | {"files": r.files} for f, r in results.items()}
        print(json.dumps(shares, indent=2, sort_keys=True))
    else:
        print(report(results, skipped))


if __name__ == "__main__":
    main()
