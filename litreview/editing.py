"""Metadata as editable YAML, and the validation an edit must pass before it is saved."""

from __future__ import annotations

import re
from typing import Any

from litreview.errors import ValidationError
from litreview.i18n import tr
from litreview.model import Paper, Person

_PERSON_KEYS = {"family", "given", "particle", "suffix", "literal", "affiliation", "email"}
_LIST_FIELDS = {"keywords", "keywords_id", "keywords_en", "author_ids", "cited_references", "affiliations", "emails"}
_LINE_LISTS = {"affiliations"}  # one item per line or ";" (commas belong to an item)


def _header() -> str:
    """The comment the edited YAML starts with, in the interface's language."""
    return (tr("# Edit the metadata of this paper, save and close the editor.") + "\n"
            + tr("# Authors: a list of {family, given} or {literal} (one-word names such as Munadi).") + "\n"
            + tr("# Delete a line to clear a field. Changing `key` renames the paper.") + "\n")


def paper_to_yaml(paper: Paper) -> str:
    import yaml

    data = paper.metadata()
    data["key"] = paper.key
    ordered = {name: data[name] for name in Paper.METADATA_FIELDS if name in data}
    body = yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=100)
    return _header() + body


def paper_from_yaml(text: str, original: Paper) -> Paper:
    """Parse and validate edited YAML; raises ValidationError naming the field or line."""
    import yaml

    from litreview.safeload import InputTooComplex, load_yaml

    try:
        data = load_yaml(text, "the edited metadata")
    except InputTooComplex as exc:
        raise ValidationError(exc.message) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
        if mark is not None:
            raise ValidationError(tr("line {line}: not valid YAML ({problem})", line=mark.line + 1,
                                     problem=problem)) from exc
        raise ValidationError(tr("not valid YAML ({problem})", problem=problem)) from exc
    if not isinstance(data, dict):
        raise ValidationError(tr("the metadata must be a YAML mapping of field: value"))
    unknown = sorted(set(map(str, data)) - set(Paper.METADATA_FIELDS))
    if unknown:
        raise ValidationError(tr("unknown field {name}; put custom fields under `extra:`", name=repr(unknown[0])))
    clean = {k: v for k, v in data.items() if v is not None}
    for name in ("authors", "editors"):
        clean[name] = _people(clean.get(name, []), name)
    if "year" in clean:
        clean["year"] = _year(clean["year"])
    for name in _LIST_FIELDS:
        if name in clean:
            value = clean[name]
            if isinstance(value, str):
                separators = r"[;\n]" if name in _LINE_LISTS else r"[;,]"
                value = [v.strip() for v in re.split(separators, value) if v.strip()]
            if not isinstance(value, list):
                raise ValidationError(tr("{name}: give a list of words", name=name))
            clean[name] = [str(v) for v in value]
    if "extra" in clean and not isinstance(clean["extra"], dict):
        raise ValidationError(tr("extra: give a mapping of name: value"))
    if "extra" in clean:
        clean["extra"] = {str(k): str(v) for k, v in clean["extra"].items()}
    if "authors_truncated" in clean:
        clean["authors_truncated"] = bool(clean["authors_truncated"])
    for name, value in list(clean.items()):
        if name not in ("authors", "editors", "year", "extra", "authors_truncated", *_LIST_FIELDS):
            if isinstance(value, dict | list):
                raise ValidationError(tr("{name}: give a single value, not a list or mapping", name=name))
            clean[name] = str(value).strip()
    if not clean.get("title"):
        raise ValidationError(tr("title: a paper needs a title"))
    if not clean.get("key"):
        raise ValidationError(tr("key: a paper needs a key"))
    edited = Paper.from_metadata(clean)
    for name in ("text", "sections", "citations", "page_starts", "pages_count", "warnings"):
        setattr(edited, name, getattr(original, name))
    keep_titles_in_step(original, edited)
    return edited


def keep_titles_in_step(original: Paper, edited: Paper) -> None:
    """A new ``title`` carries over to ``title_id``/``title_en`` where they held the old title
    and were not edited themselves, so the language versions do not keep a stale title."""
    if edited.title == original.title:
        return
    for name in ("title_id", "title_en"):
        if getattr(original, name) == original.title and getattr(edited, name) == original.title:
            setattr(edited, name, edited.title)


def _year(value: Any) -> int:
    try:
        year = int(str(value).strip())
    except ValueError:
        raise ValidationError(tr("year: {value} is not a year", value=repr(value))) from None
    if not 1400 <= year <= 2200:
        raise ValidationError(tr("year: {year} is out of range (1400-2200)", year=year))
    return year


def _people(value: Any, field: str) -> list[dict[str, str]]:
    if not isinstance(value, list):
        raise ValidationError(tr("{field}: give a list of names", field=field))
    out = []
    for i, item in enumerate(value, 1):
        if isinstance(item, str):
            from litreview.text.names import parse_name

            out.append(parse_name(item).to_dict())
            continue
        if not isinstance(item, dict):
            raise ValidationError(tr("{field} #{i}: give a name as text or as {{family, given}} / {{literal}}",
                                     field=field, i=i))
        bad = sorted(set(map(str, item)) - _PERSON_KEYS)
        if bad:
            raise ValidationError(tr("{field} #{i}: unknown name part {part} (use family, given, literal)", field=field,
                                     i=i, part=repr(bad[0])))
        person = Person.from_dict(item)
        if not (person.family or person.literal):
            raise ValidationError(tr("{field} #{i}: a name needs `family` or `literal`", field=field, i=i))
        out.append(person.to_dict())
    return out


def merge_edits(base: Paper, mine: Paper, theirs: Paper) -> Paper:
    """Three-way merge of an edit that lost a race: each field the user changed from ``base`` (what
    the editor opened with) keeps the user's value; every other field takes ``theirs`` (what the
    corpus holds now). Text and its parts are always ``theirs``."""
    old, edited, now = base.metadata(), mine.metadata(), theirs.metadata()
    old["key"], edited["key"], now["key"] = base.key, mine.key, theirs.key
    merged = dict(now)
    for name in set(old) | set(edited):
        if edited.get(name) != old.get(name):
            if name in edited:
                merged[name] = edited[name]
            else:
                merged.pop(name, None)  # the user deleted the field
    paper = Paper.from_metadata(merged)
    paper.key = str(merged.get("key") or theirs.key)
    for name in ("text", "sections", "citations", "page_starts", "pages_count", "warnings"):
        setattr(paper, name, getattr(theirs, name))
    return paper
