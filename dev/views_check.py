"""A test helper: read back the outermost switch of a static widget's HTML (course.widgets.common.Views), so that
tests can check which control it offers, the names it offers and the views it switches."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Switch:
    control: str = ""
    names: list[str] = field(default_factory=list)
    views: list[str] = field(default_factory=list)  # the text of each view
    hidden: list[bool] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.switch = Switch()
        self.divs: list[str] = []  # what each open div is: "switch", "view" or ""
        self.naming = False

    def _level(self) -> int:
        return self.divs.count("switch")

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "div":
            if "data-course-switch" in a:
                if not self.switch.control:
                    self.switch.control = a["data-course-switch"]
                self.divs.append("switch")
            elif "course-view" in (a.get("class") or "").split() and self._level() == 1:
                self.switch.views.append("")
                self.switch.hidden.append("hidden" in a)
                self.divs.append("view")
            else:
                self.divs.append("")
        elif self._level() == 1 and "view" not in self.divs and (tag == "option" or a.get("role") == "tab"):
            self.switch.names.append("")
            self.naming = True

    def handle_endtag(self, tag):
        if tag == "div" and self.divs:
            self.divs.pop()
        if tag in ("option", "button"):
            self.naming = False

    def handle_data(self, data):
        if self.naming:
            self.switch.names[-1] += data
        elif "view" in self.divs and self.divs.count("switch") >= 1 and self.switch.views:
            self.switch.views[-1] += data


def read_switch(markup: str) -> Switch:
    reader = _Reader()
    reader.feed(markup)
    return reader.switch
