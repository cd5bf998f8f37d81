"""Main text out of raw HTML, for articles that arrive without `text`.

A block-aware tag stripper on the standard library's parser: it drops the
page furniture that is never article text (scripts, navigation, headers,
footers, forms, asides) and emits one line per block element, so that the
line-based boilerplate cleaner downstream sees paragraphs as paragraphs.
"""

from __future__ import annotations

from html.parser import HTMLParser

_SKIP = frozenset({"script", "style", "noscript", "nav", "header", "footer", "aside", "form",
                   "iframe", "svg", "button", "select", "template", "figure", "figcaption"})
_BLOCK = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                    "section", "article", "blockquote", "tr", "table", "main", "pre", "hr"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "source", "wbr", "area", "col"})


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._current: list[str] = []
        self._skip_depth = 0

    def _flush(self) -> None:
        line = " ".join("".join(self._current).split())
        if line:
            self.lines.append(line)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP and tag not in _VOID:
            self._skip_depth += 1
        elif tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and tag not in _VOID:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self._current.append(data)


def html_to_text(html: str) -> str:
    """Paragraph text of `html`, one block per line; never raises on bad markup."""
    parser = _Extractor()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # malformed declarations in old parsers
        pass
    parser._flush()
    return "\n".join(parser.lines)
