"""Screening rules: exclusions a record's metadata decides (year, language, document type, no
abstract), read from a YAML file, planned (every rule's effect) and then applied.

```yaml
rules:
  - reason: published before 2019 or after 2024
    year: 2019-2024            # excluded when the year is outside (or unknown, unless missing_year: keep)
  - reason: not in Indonesian or English
    language: [id, en]         # excluded when the record's language (given, else detected) is another
  - reason: not a journal article or proceedings paper
    type: [article, inproceedings]
  - reason: no abstract
    no_abstract: true
```

A record is excluded by the first rule that matches it, with that rule's reason; applying the
file makes the rules' lane say exactly what the file says, so a record a rule no longer matches
(the file was edited) comes back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from litreview.errors import ValidationError
from litreview.i18n import tr
from litreview.screening.decisions import TITLE_ABSTRACT
from litreview.store_screening import NewDecision

if TYPE_CHECKING:
    from litreview.model import Paper
    from litreview.store import Corpus

CRITERIA = ("year", "language", "type", "no_abstract")
_FIELDS = {*CRITERIA, "reason", "missing_year"}


@dataclass
class Rule:
    reason: str
    criterion: str  # one of CRITERIA
    years: tuple[int | None, int | None] = (None, None)
    values: list[str] = field(default_factory=list)
    keep_missing_year: bool = False
    line: int = 0

    def describe(self) -> str:
        if self.criterion == "year":
            low, high = self.years
            span = f"{low or ''}-{high or ''}"
            if self.keep_missing_year:
                return tr("year outside {span} (records without a year kept)", span=span)
            return tr("year outside {span}", span=span)
        if self.criterion in ("language", "type"):
            return tr("{criterion} not {values}", criterion=self.criterion, values=", ".join(self.values))
        return tr("no abstract")

    def excludes(self, paper: Paper) -> bool:
        if self.criterion == "year":
            low, high = self.years
            if paper.year is None:
                return not self.keep_missing_year
            return (low is not None and paper.year < low) or (high is not None and paper.year > high)
        if self.criterion == "language":
            language = record_language(paper)
            return bool(language) and language not in self.values  # a language that cannot be told is kept
        if self.criterion == "type":
            return (paper.entry_type or "").casefold() not in self.values
        return not any(a.strip() for a in (paper.abstract, paper.abstract_id, paper.abstract_en))


def record_language(paper: Paper) -> str:
    """The record's language: as its metadata gives it, else detected from title and abstract."""
    given = (paper.language or "").strip().casefold()
    if given:
        return {"ind": "id", "indonesian": "id", "bahasa indonesia": "id", "eng": "en", "english": "en"}.get(
            given, given[:2] if len(given) > 2 and given[2:3] in "-_" else given)
    from litreview.text.language import detect_language

    text = " ".join((paper.title, paper.abstract, paper.abstract_id, paper.abstract_en))
    found = detect_language(text)
    if found:
        return found
    letters = [c for c in text if c.isalpha()]
    foreign = sum(1 for c in letters if not ("a" <= c.casefold() <= "z" or "\u00c0" <= c <= "\u024f"))
    return "other" if letters and foreign > 0.3 * len(letters) else ""


def load_rules(path: Path) -> list[Rule]:
    """The rules of a YAML file; any mistake is one ValidationError naming the file and line."""
    import yaml

    from litreview.safeload import compose_yaml

    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValidationError(tr("{path}: no such rules file", path=path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(tr("{path}: cannot read the rules file ({problem})", path=path, problem=exc)) from None
    try:
        root = compose_yaml(text, str(path))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ValidationError(tr("{where}: not valid YAML ({problem})", where=where,
                                 problem=getattr(exc, "problem", None) or exc)) from None
    items = _rule_nodes(root, path)
    rules = [_rule(node, path) for node in items]
    if not rules:
        raise ValidationError(tr("{path}: no rules in it; see `litreview screen --help` for the form", path=path))
    return rules


def _rule_nodes(root: Any, path: Path) -> list[Any]:
    import yaml

    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == "rules":
                root = value
                break
        else:
            raise ValidationError(tr("{path}:{line}: expected `rules:` followed by a list of rules", path=path,
                                     line=root.start_mark.line + 1))
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise ValidationError(tr("{path}:{line}: `rules` must be a list of rules", path=path,
                                 line=root.start_mark.line + 1))
    return list(root.value)


def _rule(node: Any, path: Path) -> Rule:
    import yaml

    line = node.start_mark.line + 1
    where = f"{path}:{line}"
    if not isinstance(node, yaml.MappingNode):
        raise ValidationError(tr("{where}: a rule is a mapping with a reason and one criterion ({criteria})",
                                 where=where, criteria=", ".join(CRITERIA)))
    data = {k.value: (v, yaml.safe_load(yaml.serialize(v))) for k, v in node.value}
    unknown = sorted(set(data) - _FIELDS)
    if unknown:
        raise ValidationError(tr("{where}: unknown field {name}; a rule has a reason and one of {criteria}",
                                 where=where, name=repr(unknown[0]), criteria=", ".join(CRITERIA)))
    reason = " ".join(str(data["reason"][1] or "").split()) if "reason" in data else ""
    if not reason:
        raise ValidationError(tr("{where}: the rule needs a reason (the words its exclusions are recorded with)",
                                 where=where))
    criteria = [c for c in CRITERIA if c in data]
    if len(criteria) != 1:
        raise ValidationError(tr("{where}: give exactly one criterion per rule ({criteria}); this one has {count}",
                                 where=where, criteria=", ".join(CRITERIA), count=len(criteria) or tr("none")))
    criterion = criteria[0]
    value = data[criterion][1]
    rule = Rule(reason=reason, criterion=criterion, line=line)
    if criterion == "year":
        rule.years = _years(value, where)
        keep = data.get("missing_year", (None, "exclude"))[1]
        if keep not in ("keep", "exclude"):
            raise ValidationError(tr("{where}: missing_year: write keep or exclude", where=where))
        rule.keep_missing_year = keep == "keep"
    elif criterion in ("language", "type"):
        values = value if isinstance(value, list) else [value]
        cleaned = [str(v).strip().casefold() for v in values if str(v or "").strip()]
        if not cleaned:
            raise ValidationError(tr("{where}: {criterion}: list the values records must have, e.g. [id, en]",
                                     where=where, criterion=criterion))
        rule.values = cleaned
    elif value is not True:
        raise ValidationError(tr("{where}: no_abstract: write true (or leave the rule out)", where=where))
    return rule


def _years(value: Any, where: str) -> tuple[int | None, int | None]:
    text = str(value if value is not None else "").strip()
    found = re.fullmatch(r"(\d{4})?\s*-\s*(\d{4})?|(\d{4})", text)
    if not found or text == "-":
        raise ValidationError(tr("{where}: year: write a range like 2019-2024, 2019- or -2024", where=where))
    if found.group(3):
        year = int(found.group(3))
        return year, year
    low = int(found.group(1)) if found.group(1) else None
    high = int(found.group(2)) if found.group(2) else None
    if low is not None and high is not None and low > high:
        raise ValidationError(tr("{where}: year: the range {text} runs backwards", where=where, text=text))
    return low, high


@dataclass
class RuleEffect:
    rule: Rule
    keys: list[str] = field(default_factory=list)  # records this rule excludes (first matching rule)
    new: list[str] = field(default_factory=list)  # of those, not excluded by the rules before


@dataclass
class RulePlan:
    effects: list[RuleEffect]
    lifted: list[str]  # excluded by the rules before, matched by no rule now
    records: int  # records the rules were checked on
    reworded: int = 0  # excluded before and still, under another reason

    @property
    def changes(self) -> int:
        return sum(len(e.new) for e in self.effects) + len(self.lifted) + self.reworded


def plan_rules(corpus: Corpus, rules: list[Rule]) -> RulePlan:
    """What applying ``rules`` would change (read only)."""
    before = {lane.key: lane.reason for lane in corpus.screening_lanes(TITLE_ABSTRACT)
              if lane.role == "rules" and lane.decision == "exclude"}
    effects = [RuleEffect(rule) for rule in rules]
    matched: dict[str, str] = {}
    records = 0
    for paper in corpus.iter_papers():
        records += 1
        for effect in effects:
            if effect.rule.excludes(paper):
                effect.keys.append(paper.key)
                matched[paper.key] = effect.rule.reason
                if paper.key not in before:
                    effect.new.append(paper.key)
                break
    plan = RulePlan(effects, sorted(k for k in before if k not in matched), records)
    plan.reworded = sum(1 for k, reason in matched.items() if k in before and before[k] != reason)
    return plan


def apply_rules(corpus: Corpus, rules: list[Rule], reviewer: str) -> RulePlan:
    """Plan again under the write lock and record it: the rules' lane of every record says what the
    rules say now; their reasons join the review's list."""
    from litreview.screening.actions import review_reasons
    from litreview.store import now

    with corpus.transaction():
        plan = plan_rules(corpus, rules)
        before = {lane.key: lane.reason for lane in corpus.screening_lanes(TITLE_ABSTRACT)
                  if lane.role == "rules" and lane.decision == "exclude"}
        new = []
        for effect in plan.effects:
            for key in effect.keys:
                if before.get(key) != effect.rule.reason:
                    new.append(NewDecision(key, TITLE_ABSTRACT, "exclude", reviewer, effect.rule.reason, "rules",
                                           "rules"))
        new += [NewDecision(key, TITLE_ABSTRACT, "none", reviewer, "", "rules", "rules") for key in plan.lifted]
        corpus.record_decisions(new, now())
        reasons = review_reasons(corpus)
        known = {r.casefold() for r in reasons}
        reasons += [e.rule.reason for e in plan.effects if e.rule.reason.casefold() not in known]
        corpus.set_screening_reasons(list(dict.fromkeys(reasons)))
    return plan
