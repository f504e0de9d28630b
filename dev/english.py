"""A test helper: find English left in a French or Spanish page.

A stretch of text is English when it has several words that only English uses ("the", "with", "should") and
more of them than words that only the page's language uses. Text marked as another language (lang="en": a
quotation in its original English, a source's English title, the glossary's English names) is left out, as
are scripts, styles and code."""
from __future__ import annotations

import re
from html.parser import HTMLParser

ENGLISH = set("""the and of to is are with for this that these those your you it its what which be been from by can
will would should could has have had their they we our how when who whom there into was were not does do done
about after before each every any than then also only more most other such may must here where why in or""".split())
OWN = {
    "fr": set("""le la les des du un une et est sont avec pour ce cette ces votre vous il elle qui que quoi dans
sur par pas plus aux au leur leurs nous ont été être fait peut doit où comment quand chaque tout tous aussi""".split()),
    "es": set("""el la los las del un una y es son con para este esta estos estas su sus usted que qué en por
no más al les nos ha han sido ser hace puede debe donde cómo cuando cada todo todos también""".split()),
}
SKIP = {"script", "style", "code", "pre", "svg", "math", "kbd", "samp", "template"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCKS = {"p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "caption",
          "summary", "label", "option", "button", "a", "title", "figcaption", "blockquote", "nav", "footer", "header"}


class VisibleText(HTMLParser):
    """The page's text in stretches (one per block), without what is marked as written in another language."""

    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang
        self.open: list[tuple[str, bool]] = []
        self.stretches: list[str] = [""]

    def _skipping(self) -> bool:
        return any(skip for _, skip in self.open)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in BLOCKS:
            self.stretches.append("")
        for name in ("alt", "title", "aria-label", "placeholder"):
            if attrs.get(name) and not self._skipping() and not (attrs.get("lang") or self.lang).startswith("en"):
                self.stretches += [attrs[name], ""]
        if tag in VOID:
            return
        # Views hidden until the reader picks them are still the page's text: only another language is skipped.
        other = attrs.get("lang") not in (None, self.lang)
        self.open.append((tag, tag in SKIP or other))

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] == tag:
                del self.open[i:]
                break
        if tag in BLOCKS:
            self.stretches.append("")

    def handle_data(self, data):
        if not self._skipping():
            self.stretches[-1] += data


def english_stretches(html: str, lang: str, min_words: int = 5) -> list[str]:
    """The stretches of visible text in HTML (a page written in LANG) that read as English."""
    parser = VisibleText(lang)
    parser.feed(html)
    found = []
    for stretch in parser.stretches:
        words = re.findall(r"[a-zà-ÿ']+", stretch.lower())
        if len(words) < min_words:
            continue
        english = sum(w in ENGLISH for w in words)
        own = sum(w in OWN[lang] for w in words)
        if english >= 3 and english > own:
            found.append(" ".join(stretch.split())[:160])
    return found
