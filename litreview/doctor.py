"""`litreview doctor`: is the corpus sound? SQLite's integrity check, copies in files/ that no paper
uses (left by an add that was killed before it committed) and copies papers use that are missing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from litreview.i18n import tr
from litreview.store import Corpus


@dataclass
class Health:
    integrity: list[str] = field(default_factory=list)  # SQLite's messages; empty when sound
    orphans: list[Path] = field(default_factory=list)  # found (or, with fix, removed)
    orphan_bytes: int = 0
    missing: list[tuple[str, str]] = field(default_factory=list)  # (paper key, file name)
    fixed: bool = False
    copies: int = 0

    @property
    def healthy(self) -> bool:
        return not self.integrity and not self.missing and (self.fixed or not self.orphans)

    def summary(self) -> str:
        """One line."""
        parts = [tr("corpus.db: integrity check failed ({n} problem; first: {first}); restore it from a backup or "
                    "export what still reads",
                    "corpus.db: integrity check failed ({n} problems; first: {first}); restore it from a backup or "
                    "export what still reads", n=len(self.integrity), first=self.integrity[0])
                 if self.integrity else tr("corpus.db ok")]
        if self.orphans:
            size = _size(self.orphan_bytes)
            n = len(self.orphans)
            what = tr("{n} orphan copy in files/ ({size})", "{n} orphan copies in files/ ({size})", n=n, size=size)
            parts.append(tr("removed {what}", what=what) if self.fixed else
                         tr("{what} left by an interrupted add; `litreview doctor --fix` removes them", what=what))
        else:
            parts.append(tr("files/ ok ({n} copy, no orphans)", "files/ ok ({n} copies, no orphans)", n=self.copies))
        if self.missing:
            key, name = self.missing[0]
            parts.append(tr("{n} file copy missing (first: {name} of {key}; add the file again)",
                            "{n} file copies missing (first: {name} of {key}; add the file again)",
                            n=len(self.missing), name=name, key=key))
        return "; ".join(parts)


def check_corpus(corpus: Corpus, fix: bool = False) -> Health:
    """Check the corpus; with ``fix``, remove the orphan copies (under the write lock, where no other
    add can be writing copies of its own)."""
    health = Health(integrity=corpus.integrity_problems())
    if fix and not health.integrity:
        with corpus.transaction():
            found = corpus.orphan_copies()
            health.orphan_bytes = sum(_file_size(p) for p in found)
            health.orphans = corpus.remove_orphan_copies()
        health.fixed = True
    else:
        health.orphans = corpus.orphan_copies()
        health.orphan_bytes = sum(_file_size(p) for p in health.orphans)
    health.missing = corpus.missing_copies()
    if corpus.root is not None and (corpus.root / "files").is_dir():
        health.copies = sum(1 for p in (corpus.root / "files").iterdir() if not p.name.startswith(".tmp-"))
    return health


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return tr("{size} bytes", size=n) if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return tr("{size} bytes", size=n)
