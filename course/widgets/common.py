"""What every course widget shares: the live/static split, the one stylesheet, views switched by a control, and
tables readers can search and sort.

A widget is built either live (a kernel answers: ipywidgets with Python callbacks, in JupyterLab) or static (the
book, read with no kernel). Static widgets are plain HTML: every view is rendered up front and a few lines of
_static/course.js switch between them, sort and search tables. No widget renderer, no table library.
"""
from __future__ import annotations

import html
import math
import os

import IPython.display
import pandas as pd

from .. import i18n
from ..kb import KnowledgeBase, load
from ..paths import ROOT

TEXT = i18n.Text(__name__, {
    "previous": {"en": "Previous", "fr": "Précédent", "es": "Anterior"},
    "next": {"en": "Next", "fr": "Suivant", "es": "Siguiente"},
    "search": {"en": "Search this table", "fr": "Chercher dans ce tableau", "es": "Buscar en esta tabla"},
    # read by _static/course.js from the table's data attribute: {shown} and {total} are filled in the browser
    "rows_shown": {"en": "{shown} of {total} rows shown", "fr": "{shown} lignes affichées sur {total}",
                   "es": "{shown} de {total} filas mostradas"},
    "yes": {"en": "yes", "fr": "oui", "es": "sí"},
    "no": {"en": "no", "fr": "non", "es": "no"},
})

# The words several widgets show (column headings, filters, the profile picker), in one place.
WORDS = i18n.Text(__name__ + ".words", {
    "my_npm": {"en": "My NPM is", "fr": "Mon MNP est", "es": "Mi MNP es"},
    "kind": {"en": "Kind", "fr": "Type", "es": "Tipo"},
    "system": {"en": "System", "fr": "Système", "es": "Sistema"},
    "region": {"en": "Region", "fr": "Région", "es": "Región"},
    "all": {"en": "all", "fr": "tous", "es": "todos"},
    "keyword": {"en": "Keyword", "fr": "Mot-clé", "es": "Palabra clave"},
    "acronym": {"en": "Acronym", "fr": "Sigle", "es": "Sigla"},
    "name": {"en": "Name", "fr": "Nom", "es": "Nombre"},
    "what_it_is": {"en": "What it is", "fr": "Nature", "es": "Qué es"},
    "seat": {"en": "Seat", "fr": "Siège", "es": "Sede"},
    "stage": {"en": "Stage", "fr": "Étape", "es": "Etapa"},
    "npm_can_do": {"en": "What an NPM can do", "fr": "Ce qu'un MNP peut faire", "es": "Qué puede hacer un MNP"},
    "who_may": {"en": "Who may", "fr": "Qui peut le faire", "es": "Quién puede"},
    "form": {"en": "Form", "fr": "Forme", "es": "Forma"},
    "public": {"en": "Public?", "fr": "Public ?", "es": "¿Público?"},
    "staff_days": {"en": "Staff days", "fr": "Jours de travail", "es": "Días de trabajo"},
    "when": {"en": "When", "fr": "Quand", "es": "Cuándo"},
})

# The one stylesheet of the course's widgets, tables and cards. The book links it from _static on every page;
# in JupyterLab it is put into the notebook once, with the first widget.
STYLESHEET = ROOT / "_static" / "course.css"
_styled = False
NOT_FOCUSED = ' tabindex="-1"'  # only the selected tab is in the tab order; arrow keys move between tabs


def static_book() -> bool:
    """True while the book is built: the page will be read with no kernel, so Python callbacks never run.

    `course.publish.build` sets COURSE_STATIC_BOOK for the notebooks it executes."""
    return os.environ.get("COURSE_STATIC_BOOK") == "1"


def esc(value) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else html.escape(str(value))


def colon() -> str:
    """The colon as the language writes it: "Stage 1: …", "Étape 1 : …" (a no-break space before it)."""
    return "\u00a0:" if i18n.language() == "fr" else ":"


def in_language(text: str, language: str) -> str:
    """Escaped text, in a span marked with its language when it is not the page's (a title in English on a French
    page is read with English pronunciation)."""
    if language and language != i18n.language():
        return f'<span lang="{esc(language)}">{esc(text)}</span>'
    return esc(text)


def knowledge(kb: KnowledgeBase | None = None) -> KnowledgeBase:
    """The knowledge base a widget draws on: the one given (a test's copy of data/), else the course's."""
    return kb if kb is not None else load()


def show_html(markup: str) -> None:
    IPython.display.display(IPython.display.HTML(markup))


def use_stylesheet() -> None:
    """In JupyterLab, put the course's stylesheet into the notebook once (the book links it from every page)."""
    global _styled
    if static_book() or _styled or not STYLESHEET.exists():
        return
    show_html(f"<style>{STYLESHEET.read_text(encoding='utf-8')}</style>")
    _styled = True


class CourseWidget:
    """The base of every course widget: it knows whether a kernel will answer and which knowledge base to draw on.

    Subclasses build their views in __init__ and give `widget()` (live: ipywidgets) and `html()` (static)."""

    def __init__(self, live: bool | None = None, kb: KnowledgeBase | None = None):
        self.kb = knowledge(kb)
        self.live = (not static_book()) if live is None else live

    def widget(self):
        raise NotImplementedError

    def html(self) -> str:
        raise NotImplementedError

    def show(self) -> None:
        use_stylesheet()
        if self.live:
            IPython.display.display(self.widget())
        else:
            show_html(self.html())


class Views:
    """Several views rendered up front, one shown at a time, and the control that picks it.

    control is "select" (a list), "tabs" (labels in a row that wraps) or "steps" (numbered stages with previous and
    next buttons). Live, `widget()` gives ipywidgets linked in the browser (`jslink`, no Python callback); static,
    `html()` gives markup that _static/course.js switches."""

    def __init__(self, label: str, names: list[str], views: list[str], control: str = "select"):
        if len(names) != len(views) or not views:
            raise ValueError("one name per view, and at least one view")
        self.label, self.names, self.views, self.control = label, list(names), list(views), control
        self.picker = self.stack = None
        self.links: list = []

    def widget(self):
        import ipywidgets as w

        panes = [w.HTML(v) for v in self.views]
        style = {"description_width": "initial"}
        if self.control == "tabs":
            self.stack = self.picker = w.Tab(panes, titles=self.names, selected_index=0)
            return self.stack
        self.stack = w.Stack(panes, selected_index=0)
        if self.control == "steps":
            self.picker = w.SelectionSlider(options=self.names, description=self.label, continuous_update=True,
                                            readout=False, layout=w.Layout(width="95%"), style=style)
        else:
            self.picker = w.Dropdown(options=[(n, i) for i, n in enumerate(self.names)], value=0,
                                     description=self.label, layout=w.Layout(width="auto"), style=style)
        self.links = [w.jslink((self.picker, "index"), (self.stack, "selected_index"))]
        return w.VBox([self.picker, self.stack])

    def html(self) -> str:
        panes = "".join(f'<div class="course-view" role="{"tabpanel" if self.control == "tabs" else "region"}" '
                        f'aria-label="{esc(name)}"{"" if i == 0 else " hidden"}>{view}</div>'
                        for i, (name, view) in enumerate(zip(self.names, self.views)))
        if self.control == "tabs":
            buttons = "".join(f'<button type="button" role="tab" aria-selected="{"true" if i == 0 else "false"}"'
                              f'{"" if i == 0 else NOT_FOCUSED}>{esc(n)}</button>'
                              for i, n in enumerate(self.names))
            control = f'<div class="course-tabs" role="tablist" aria-label="{esc(self.label)}">{buttons}</div>'
        else:
            options = "".join(f"<option>{esc(n)}</option>" for n in self.names)
            control = (f'<label class="course-pick"><span>{esc(self.label)}</span> <select>{options}</select></label>')
            if self.control == "steps":
                control = (f'<div class="course-steps">{control}<button type="button" data-course-step="-1">'
                           f'{esc(TEXT("previous"))}</button><button type="button" data-course-step="1">'
                           f'{esc(TEXT("next"))}</button></div>')
        return f'<div class="course-switch" data-course-switch="{self.control}">{control}{panes}</div>'


def table_html(df: pd.DataFrame, caption: str, search: bool = True, html_columns=(), key_columns: int = 1) -> str:
    """A table readers can sort by clicking a heading and, with search=True, filter with a search box; on a narrow
    screen each row becomes a card headed by its key columns. Cells are escaped unless their column is named in
    html_columns (cells that carry links, already escaped)."""
    columns = list(df.columns)
    head = "".join(f'<th scope="col" aria-sort="none"><button type="button">{esc(c)}</button></th>' for c in columns)
    rows = []
    for record in df.itertuples(index=False):
        cells = []
        for i, (column, value) in enumerate(zip(columns, record)):
            text = (value if column in html_columns else esc(people(value)))
            tag = "th" if i < key_columns else "td"
            scope = ' scope="row"' if tag == "th" else ""
            cells.append(f'<{tag}{scope} data-label="{esc(column)}">{text}</{tag}>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    box = (f'<label class="course-search"><span>{esc(TEXT("search"))}</span> <input type="search" '
           'autocomplete="off"></label><p class="course-meta course-count" role="status"></p>' if search else "")
    count = esc(TEXT("rows_shown", shown="{shown}", total="{total}"))
    return (f'<div class="course-table" data-course-table data-course-count="{count}">{box}'
            f'<div class="course-scroll" tabindex="0" role="region" aria-label="{esc(caption)}">'
            f'<table class="course-data"><caption>{esc(caption)}</caption><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div></div>')


def people(value) -> str:
    """A value as a reader expects it: 8 rather than 8.0, 1.5 as it is (1,5 in French and Spanish), dates as
    9 November 2027 (9 novembre 2027, 9 de noviembre de 2027)."""
    if isinstance(value, bool):
        return TEXT("yes" if value else "no")
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return f"{value:g}" if i18n.language() == "en" else f"{value:g}".replace(".", ",")
    if hasattr(value, "strftime"):
        return i18n.day(value)
    return "" if value is None else str(value)


def day(value) -> str:
    """A date with its day as the course has always shown it in English (05 March 2025), and as French and
    Spanish write it (5 mars 2025, 5 de marzo de 2025)."""
    return f"{value:%d %B %Y}" if i18n.language() == "en" else i18n.day(value)


def searchable_table(df: pd.DataFrame, caption: str, html_columns=(), key_columns: int = 1) -> None:
    """Show a table with a search box and sortable headings (see table_html)."""
    use_stylesheet()
    show_html(table_html(df, caption, html_columns=html_columns, key_columns=key_columns))
