"""HTML to plain text: Zotero's notes and saved web pages (snapshots), read as text.

Block elements (paragraphs, headings, list items, table rows, line breaks) become line
breaks; scripts, styles and the page head are dropped; white space inside a line is
collapsed and runs of blank lines become one.
"""

from __future__ import annotations

import re

BLOCKS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote",
    "pre", "section", "article", "header", "footer", "dd", "dt", "dl", "hr", "figcaption", "caption",
})
DROPPED = ("script", "style", "noscript", "template", "head", "iframe", "svg", "nav", "form", "button", "select")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def html_to_text(markup: str | bytes) -> str:
    """The readable text of an HTML document or fragment ('' for an empty or unreadable one).
    Bytes are decoded as the page's own <meta charset> says (lxml's parser reads it)."""
    import lxml.html
    from lxml import etree

    if not (markup.strip() if isinstance(markup, str) else markup.strip()):
        return ""
    try:
        root = lxml.html.document_fromstring(markup) if isinstance(markup, bytes) \
            else lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for element in root.xpath("|".join(f"//{name}" for name in DROPPED)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in root.iter(etree.Element):
        if not isinstance(element.tag, str):
            continue
        if element.tag.lower() in BLOCKS:
            element.tail = "\n" + (element.tail or "")
            if element.tag.lower() != "br":
                element.text = "\n" + (element.text or "")
    text = root.text_content()
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
