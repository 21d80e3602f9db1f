"""Where citeproc-py formats otherwise than citeproc-js (Zotero's and Mendeley's engine), mended.

``apply()`` patches a few of citeproc-py's element classes once per process; the tests compare
litreview's APA 7 references with citeproc-js's on ``tests/fixtures/references/cases.json``
(``benchmarks/citeproc_gold.py``). What differs in citeproc-py, and what the patch does:

- Substitution. CSL suppresses, in the rest of an entry, the variables a ``<substitute>`` put in
  the author's place; citeproc-py only did so for a substitute that names its variable itself,
  so APA's title (reached through a macro) or an edited book's editors came twice ("Judul.
  (2024). Judul."; "Hamid, U. (Ed.). (2022). Demokrasi ... (U. Hamid, Ed.)"). Every variable the
  substitute renders is now suppressed.
- Groups. A group that calls variables and renders none of them is left out. citeproc-py took a
  ``<choose>`` for a variable call whichever branch it took, so APA's thesis group printed its
  literal "Publication" alone ("(Publication) [Skripsi]"). The branch taken now counts.
- Labels in title case ("(Ed.)"): citeproc-py skipped ``text-case="title"`` on every label,
  because labels have no item language; terms are the locale's, and citeproc-js capitalises them.
- Two names, the second a literal name (an institution or one-word name): citeproc-js writes no
  delimiter before "&" ("Cobis, M. Y. & Munadi"; "Sutrisno & Widodo"), whatever the style's
  ``delimiter-precedes-last``.
- Macros: looked up once per style rather than by XPath at every call (a third of citeproc-py's
  time on APA).
"""

from __future__ import annotations

from typing import Any

_APPLIED = False
_SUPPRESSED = "litreview-suppressed"  # key of the layout's ``repressed`` dict holding suppressed variables
_RECORDING = "_litreview_recording"


def apply() -> None:
    """Patch citeproc-py (once)."""
    global _APPLIED
    if _APPLIED:
        return
    from citeproc import model

    _cache_macros(model)
    _suppress_substituted(model)
    _groups_by_branch(model)
    _title_case_labels(model)
    _literal_last_names(model)
    _APPLIED = True


def _cache_macros(model: Any) -> None:
    original = model.CitationStylesElement.get_macro

    def get_macro(self: Any, name: str) -> Any:
        root = self.get_root()
        cache = root.__dict__.setdefault("_litreview_macros", {})
        found = cache.get(name)
        if found is None:
            found = cache[name] = original(self, name)
        return found

    model.CitationStylesElement.get_macro = get_macro


def _layout(element: Any, context: Any) -> Any:
    try:
        return (context if context is not None else element).get_layout()
    except IndexError:
        return None


def _suppressed(layout: Any) -> set[str]:
    if layout is None:
        return set()
    found = layout.repressed.get(_SUPPRESSED)
    return found if isinstance(found, set) else set()


def _record(layout: Any, variable: str) -> None:
    recording = getattr(layout, _RECORDING, None) if layout is not None else None
    if recording:
        recording[-1].add(variable)


def _suppress_substituted(model: Any) -> None:
    text_variable = model.Text._variable
    names_process = model.Names.process
    number_process = model.Number.process
    label_process = model.Label.process

    def _variable(self: Any, item: Any, context: Any) -> Any:
        layout = _layout(self, context)
        variable = self.get("variable")
        if variable in _suppressed(layout):
            return None
        text = text_variable(self, item, context)
        if text:
            _record(layout, variable)
        return text

    def names(self: Any, item: Any, names_context: Any = None, context: Any = None, **kwargs: Any) -> Any:
        layout = _layout(self, context)
        hidden = _suppressed(layout) & set(self.get("variable", "").split())
        if hidden:
            wanted = " ".join(v for v in self.get("variable").split() if v not in hidden)
            if not wanted:
                substitute = self.substitute()
                if substitute is None:
                    raise model.VariableError
                return substitute.render(item, context=context or self, **kwargs)
            original = self.get("variable")
            self.set("variable", wanted)
            try:
                return names(self, item, names_context, context, **kwargs)
            finally:
                self.set("variable", original)
        text = names_process(self, item, names_context=names_context, context=context, **kwargs)
        if text:
            for role in self.get("variable", "").split():
                if role in item.reference:
                    _record(layout, role)
        return text

    def number(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        layout = _layout(self, context)
        if self.get("variable") in _suppressed(layout):
            raise model.VariableError
        text = number_process(self, item, context=context, **kwargs)
        if text:
            _record(layout, self.get("variable"))
        return text

    def label(self: Any, item: Any, variable: Any = None, plural: Any = None, context: Any = None,
              **kwargs: Any) -> Any:
        if (variable or self.get("variable")) in _suppressed(_layout(self, context)):
            return None
        return label_process(self, item, variable, plural, context=context, **kwargs)

    def substitute(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        layout = _layout(self, context)
        for child in self.getchildren():
            stack = layout.__dict__.setdefault(_RECORDING, []) if layout is not None else []
            stack.append(set())
            try:
                if isinstance(child, model.Names) and child.name is None:
                    parent = self.xpath_search("./parent::cs:names[1]")[0]
                    text = child.render(item, names_context=parent, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except model.VariableError:
                continue
            finally:
                rendered = stack.pop()
            if text:
                if layout is not None:
                    hidden = layout.repressed.setdefault(_SUPPRESSED, set())
                    hidden.update(rendered)
                    if stack:
                        stack[-1].update(rendered)
                return text
        return None

    model.Text._variable = _variable
    model.Names.process = names
    model.Number.process = number
    model.Label.process = label
    model.Substitute.render = substitute


def _branch(choose: Any, item: Any, context: Any) -> Any:
    """The branch of ``choose`` whose condition holds for ``item`` (None when none does)."""
    for branch in choose.getchildren():
        if branch.tag.endswith("}else"):
            return branch
        try:
            branch._conditions_hold(item, context)  # type: ignore[attr-defined]
        except AttributeError:
            return None
        except Exception:
            continue
        else:
            return branch
    return None


def _groups_by_branch(model: Any) -> None:
    def calls_variable_for(child: Any, item: Any, context: Any) -> bool:
        if isinstance(child, model.Choose):
            taken = _branch(child, item, context)
            return taken is not None and any(calls_variable_for(c, item, context) for c in taken.getchildren())
        return bool(child.calls_variable())

    def process(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
        output = []
        called = rendered = False
        delimiter = self.get("delimiter", "")
        for child in self.iterchildren():
            calls = calls_variable_for(child, item, context)
            called = called or calls
            try:
                if isinstance(child, model.Choose):
                    text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except model.VariableError:
                continue
            if text is not None:
                output.append(text)
                rendered = rendered or calls
        if output and (not called or rendered):
            return self.join(output)
        raise model.VariableError

    def conditions_hold(self: Any, item: Any, context: Any) -> None:
        """Raise unless the condition of this ``<if>``/``<else-if>`` holds (as ``If.render`` decides)."""
        results = []
        if "type" in self.attrib:
            results += self._type(item)
        if "variable" in self.attrib:
            results += self._variable(item)
        if "is-numeric" in self.attrib:
            results += self._is_numeric(item)
        if "is-uncertain-date" in self.attrib:
            results += self._is_uncertain_date(item)
        if "locator" in self.attrib:
            results += self._locator(item)
        if "position" in self.attrib:
            results += self._position(item, context)
        match = self.get("match", "all")
        holds = {"any": any(results), "none": not any(results)}.get(match, all(results))
        if not holds:
            raise model.ConditionFailed

    model.Group.process = process
    model.If._conditions_hold = conditions_hold


def _title_case_labels(model: Any) -> None:
    def markup(self: Any, text: Any) -> Any:
        if text:
            return self.wrap(self.format(self.case(self.strip_periods(text), "en")))
        return None

    model.Label.markup = markup


def _literal_last_names(model: Any) -> None:
    original = model.Name.process

    def process(self: Any, item: Any, variable: str, context: Any = None, sort_options: Any = None,
                **kwargs: Any) -> Any:
        names = item.reference.get(variable, [])
        if len(names) == 2 and _is_literal(names[1]) and self.get_option("and", context, sort_options):
            previous = self.get("delimiter-precedes-last")
            self.set("delimiter-precedes-last", "never")
            try:
                return original(self, item, variable, context=context, sort_options=sort_options, **kwargs)
            finally:
                if previous is None:
                    del self.attrib["delimiter-precedes-last"]
                else:
                    self.set("delimiter-precedes-last", previous)
        return original(self, item, variable, context=context, sort_options=sort_options, **kwargs)

    model.Name.process = process


def _is_literal(name: Any) -> bool:
    try:
        given, family, *_ = name.parts()
    except Exception:
        return False
    return not given
