"""The keyboard-driven screening screen (textual): one record at a time.

i include, e exclude, m maybe; a number picks an exclusion reason (then e; at full text, e asks for
one); u undo; n/p next and previous; / search; q quit (the place is kept: the next `screen` opens on
the same record). Paper text is put on screen as rich ``Text`` objects, never as markup.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Input, Static

from litreview.errors import LitreviewError
from litreview.screening.decisions import FULL_TEXT
from litreview.screening.session import ScreenSession, highlight_spans

_DECISION_STYLE = {"include": "bold green", "exclude": "bold red", "maybe": "bold yellow"}


class ScreenApp(App[None]):
    """Screening through a ``ScreenSession``."""

    TITLE = "litreview screen"
    CSS = """
    #status { height: auto; padding: 0 1; background: $boost; }
    #record { padding: 0 1; }
    #message { height: auto; padding: 0 1; color: $warning; }
    #search { display: none; }
    #search.shown { display: block; }
    """
    BINDINGS = [
        Binding("i", "decide('include')", "include"),
        Binding("e", "decide('exclude')", "exclude"),
        Binding("m", "decide('maybe')", "maybe"),
        Binding("u", "undo", "undo"),
        Binding("n", "move(1)", "next"),
        Binding("p", "move(-1)", "previous"),
        Binding("slash", "search", "search"),
        Binding("q", "quit_screen", "quit"),
        *[Binding(str(n), f"reason({n})", show=False) for n in range(1, 10)],
        Binding("escape", "cancel", show=False),
    ]

    def __init__(self, session: ScreenSession):
        super().__init__()
        self.session = session
        self.pending_reason = ""
        self.asking_reason = False
        self.message = ""

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with VerticalScroll():
            yield Static(id="record")
        yield Static(id="message")
        yield Input(placeholder="search: words in the key, title, authors, venue, abstract or keywords",
                    id="search")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_view()

    # -- drawing -------------------------------------------------------------------
    def refresh_view(self) -> None:
        self.query_one("#status", Static).update(self.status_text())
        self.query_one("#record", Static).update(self.record_text())
        self.query_one("#message", Static).update(Text(self.message))

    def status_text(self) -> Text:
        s = self.session
        p = s.progress()
        where = f"{s.position + 1}/{len(s.sequence)}" if s.sequence else "0/0"
        line = (f"{s.stage} · {s.reviewer} · {s.order} · record {where} · screened {p.screened}, "
                f"included {p.included}, excluded {p.excluded}, maybe {p.maybe}, left {p.left}")
        if s.order == "ranked":
            line += f" · excluded in a row since the last include: {p.excludes_since_include}"
        return Text(line)

    def record_text(self) -> Text:
        s = self.session
        record = s.current()
        if record is None:
            return Text("Nothing to screen at this stage." + (
                " Full-text screening takes the records included at title-abstract." if s.stage == FULL_TEXT else ""))
        out = Text()
        decision, reason = s.decision_of(record.key)
        if decision != "none":
            out.append(f"[{decision}{': ' + reason if reason else ''}] ", style=_DECISION_STYLE.get(decision, ""))
        out.append(record.key + "\n", style="dim")
        out.append_text(_marked(record.title or "(no title)", record.evidence_words, "bold"))
        out.append("\n")
        out.append(record.authors or "(no authors)", style="italic")
        out.append("\n")
        out.append(" · ".join(x for x in (str(record.year or "n.d."), record.venue, record.entry_type) if x),
                   style="dim")
        out.append("\n\n")
        out.append_text(_marked(record.abstract or "(no abstract)", record.evidence_words))
        if record.keywords:
            out.append("\n\nKeywords: ", style="bold")
            out.append_text(_marked("; ".join(record.keywords), record.evidence_words))
        if record.themes:
            out.append("\nThemes: ", style="bold")
            out.append(", ".join(record.themes))
        why = s.why(record.key)
        if why:
            out.append("\nLike the included ones for: ", style="bold")
            out.append(", ".join(why))
        out.append("\n\nReasons: ", style="bold")
        out.append("  ".join(f"{n} {r}" for n, r in enumerate(s.reasons[:9], start=1)))
        if self.pending_reason:
            out.append(f"\nReason chosen: {self.pending_reason} (press e to exclude with it)", style="bold red")
        if self.asking_reason:
            out.append("\nA full-text exclusion needs a reason: press its number (Esc: cancel)", style="bold red")
        return out

    # -- actions -------------------------------------------------------------------
    def _try(self, action: Any) -> None:
        self.message = ""
        try:
            action()
        except LitreviewError as error:
            self.message = str(error)
        self.refresh_view()

    def action_decide(self, decision: str) -> None:
        if self._searching():
            return
        if decision == "exclude" and self.session.stage == FULL_TEXT and not self.pending_reason:
            self.asking_reason = True
            self.refresh_view()
            return
        reason = self.pending_reason if decision == "exclude" else ""
        self.pending_reason = ""
        self.asking_reason = False
        self._try(lambda: self.session.decide(decision, reason))

    def action_reason(self, number: int) -> None:
        if self._searching():
            return
        try:
            chosen = self.session.reason_number(number)
        except LitreviewError as error:
            self.message = str(error)
            self.refresh_view()
            return
        if self.asking_reason:
            self.asking_reason = False
            self._try(lambda: self.session.decide("exclude", chosen))
            return
        self.pending_reason = "" if self.pending_reason == chosen else chosen
        self.refresh_view()

    def action_undo(self) -> None:
        if self._searching():
            return

        def undo() -> None:
            if self.session.undo() is None:
                self.message = "nothing to undo in this session"

        self._try(undo)

    def action_move(self, step: int) -> None:
        if self._searching():
            return
        self.pending_reason, self.asking_reason = "", False
        self._try(lambda: self.session.move(step))

    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        box.add_class("shown")
        box.value = ""
        box.focus()

    def action_cancel(self) -> None:
        self.pending_reason, self.asking_reason = "", False
        box = self.query_one("#search", Input)
        box.remove_class("shown")
        self.set_focus(None)
        self.refresh_view()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        box = self.query_one("#search", Input)
        box.remove_class("shown")
        self.set_focus(None)
        wanted = event.value

        def find() -> None:
            if wanted.strip() and not self.session.find(wanted):
                self.message = f"no record holds {wanted!r}"

        self._try(find)

    def action_quit_screen(self) -> None:
        if self._searching():
            return
        self.session.save_place()
        self.exit()

    def _searching(self) -> bool:
        return self.query_one("#search", Input).has_class("shown")


def _marked(text: str, words: list[str], style: str = "") -> Text:
    out = Text(text, style=style)
    for start, end in highlight_spans(text, words):
        out.stylize("bold reverse", start, end)
    return out
