"""The regional comparison: the CPT, the IACHR and the CPTA side by side, one aspect at a time.

The facts come from data/comparisons.csv (one row = one aspect of one body). In the book a list picks, in the
browser, one pre-rendered side-by-side view: every aspect at once (first) or one aspect. Where a kernel runs,
the learner can pick several aspects and bodies at once and narrow the view with a keyword.
"""
from __future__ import annotations

import pandas as pd

from .. import i18n
from ..kb import KnowledgeBase, Labels
from .common import WORDS, CourseWidget, Views, colon
from .views import TEXT as VIEWS_TEXT
from .views import esc, source_links

BODIES = ("cpt", "iachr", "cpta")
# Labels of the aspects, in the order the learner meets them (the allowed values are in datapackage.json).
ASPECT_LABELS = Labels(__name__ + ".ASPECT_LABELS", {
    "founding": {"en": "Founding instrument", "fr": "Instrument fondateur", "es": "Instrumento fundacional"},
    "coverage": {"en": "Who and where it covers", "fr": "Qui et où il couvre", "es": "A quién y dónde abarca"},
    "visits": {"en": "Visits", "fr": "Visites", "es": "Visitas"},
    "publication": {"en": "Publication of findings", "fr": "Publication des constats",
                    "es": "Publicación de las conclusiones"},
    "npm_role": {"en": "What an NPM can do", "fr": "Ce qu'un MNP peut faire", "es": "Qué puede hacer un MNP"},
    "urgent": {"en": "Urgent measures", "fr": "Mesures urgentes", "es": "Medidas urgentes"},
})
TEXT = i18n.Text(__name__, {
    "nothing": {"en": "Nothing matches: choose another aspect or clear the keyword.",
                "fr": "Rien ne correspond : choisissez un autre aspect ou effacez le mot-clé.",
                "es": "Nada coincide: elija otro aspecto o borre la palabra clave."},
    "not_recorded": {"en": "Not recorded in the course's tables.", "fr": "Non enregistré dans les tableaux du cours.",
                     "es": "No registrado en las tablas del curso."},
    "compared": {"en": "Compared: {aspects}", "fr": "Comparaison : {aspects}", "es": "Comparación: {aspects}"},
    "aspect": {"en": "Aspect", "fr": "Aspect", "es": "Aspecto"},
    "all": {"en": "Every aspect", "fr": "Tous les aspects", "es": "Todos los aspectos"},
    "all_caption": {"en": "Every aspect, side by side", "fr": "Tous les aspects, côte à côte",
                    "es": "Todos los aspectos, uno junto a otro"},
    "compare": {"en": "Compare", "fr": "Comparer", "es": "Comparar"},
    "aspects": {"en": "Aspects", "fr": "Aspects", "es": "Aspectos"},
    "bodies": {"en": "Bodies", "fr": "Organes", "es": "Órganos"},
    "keyword_hint": {"en": "e.g. consent, publish, Robben", "fr": "p. ex. consentement, publier, Robben",
                     "es": "p. ej., consentimiento, publicar, Robben"},
    "help": {"en": "Hold Ctrl (Cmd on a Mac) or Shift to choose several; with no aspect chosen, all are shown.",
             "fr": "Maintenez Ctrl (Cmd sur un Mac) ou Maj pour en choisir plusieurs ; si aucun aspect n'est choisi, "
                   "tous sont affichés.",
             "es": "Mantenga pulsada Ctrl (Cmd en un Mac) o Mayús para elegir varios; si no elige ningún aspecto, "
                   "se muestran todos."},
})

class _Words:
    """A class attribute that reads as one of TEXT's strings in the language in use."""

    def __init__(self, key: str):
        self.key = key

    def __get__(self, obj, owner) -> str:
        return TEXT(self.key)


def aspect_label(aspect: str) -> str:
    return ASPECT_LABELS.get(aspect, aspect.replace("_", " ").capitalize())


def comparison_rows(kb: KnowledgeBase, aspects=None, bodies=None, keyword: str = "") -> pd.DataFrame:
    """The comparison rows for the chosen aspects and bodies, in the course's order of aspects and bodies.

    A keyword keeps the aspects in which any chosen body's text (or the aspect's label) contains it, so that a
    match always shows the whole row of the comparison."""
    df = kb["comparisons"]
    bodies = list(bodies) if bodies else list(BODIES)
    aspects = list(aspects) if aspects else aspect_order(kb)
    df = df[df["body_id"].isin(bodies) & df["aspect"].isin(aspects)]
    word = keyword.strip().casefold()
    if word:
        hit = df["text"].str.casefold().str.contains(word, regex=False) | df["aspect"].map(
            lambda a: word in aspect_label(a).casefold())
        df = df[df["aspect"].isin(set(df.loc[hit, "aspect"]))]
    order_a = {a: i for i, a in enumerate(aspect_order(kb))}
    order_b = {b: i for i, b in enumerate(bodies)}
    return df.assign(_a=df["aspect"].map(order_a), _b=df["body_id"].map(order_b)).sort_values(["_a", "_b"]).drop(
        columns=["_a", "_b"]).reset_index(drop=True)


def aspect_order(kb: KnowledgeBase) -> list[str]:
    """The aspects present in the table: first those with a label (in that order), then any others."""
    present = list(dict.fromkeys(kb["comparisons"]["aspect"]))
    return [a for a in ASPECT_LABELS if a in present] + [a for a in present if a not in ASPECT_LABELS]


def side_by_side(kb: KnowledgeBase, aspects=None, bodies=None, keyword: str = "", caption: str | None = None) -> str:
    """An accessible HTML table: one column per body, one row per aspect, each cell with its sources."""
    bodies = list(bodies) if bodies else list(BODIES)
    rows = comparison_rows(kb, aspects, bodies, keyword)
    if rows.empty:
        return f'<p class="course-meta">{esc(TEXT("nothing"))}</p>'
    shown = [a for a in dict.fromkeys(rows["aspect"])]
    cells = {(r["aspect"], r["body_id"]): r for r in rows.to_dict("records")}
    head = "".join(
        f'<th scope="col"><abbr title="{esc(kb.body(b)["name"])}">{esc(kb.body(b)["acronym"])}</abbr><br>'
        f'<span class="course-plain">{esc(kb.body(b)["name"])}</span></th>' for b in bodies)
    body_rows = []
    for a in shown:
        tds = []
        for b in bodies:
            r = cells.get((a, b))
            cell = f'<td data-label="{esc(kb.body(b)["acronym"])}">'
            if r is None:
                tds.append(f"{cell}{esc(TEXT('not_recorded'))}</td>")
            else:
                tds.append(f'{cell}{esc(r["text"])}<span class="course-meta">'
                           f'{VIEWS_TEXT("sources_colon", links=source_links(kb, r["source_ids"]))}</span></td>')
        body_rows.append(f'<tr><th scope="row">{esc(aspect_label(a))}</th>{"".join(tds)}</tr>')
    title = caption or TEXT("compared", aspects=", ".join(aspect_label(a) for a in shown))
    return (f'<table class="course-data course-side"><caption>{esc(title)}</caption>'
            f'<thead><tr><th scope="col">{esc(TEXT("aspect"))}</th>{head}</tr></thead>'
            f'<tbody>{"".join(body_rows)}</tbody></table>')


class RegionalComparison(CourseWidget):
    """Static: a list of views (all aspects, then each one) switched in the browser. Live: pick several
    aspects, bodies and a keyword, and the view is redrawn."""

    ALL = _Words("all")  # "Every aspect", in the language in use

    def __init__(self, live: bool | None = None, bodies=BODIES, kb: KnowledgeBase | None = None):
        super().__init__(live, kb)
        self.bodies = list(bodies)
        self.aspects = aspect_order(self.kb)
        self.views = Views(TEXT("compare"), [self.ALL] + [aspect_label(a) for a in self.aspects],
                           [side_by_side(self.kb, None, self.bodies, caption=TEXT("all_caption"))]
                           + [side_by_side(self.kb, [a], self.bodies, caption=aspect_label(a)) for a in self.aspects])
        self.aspect_select = self.body_select = self.keyword = self.view = None
        if self.live:
            self._build_live()

    def _build_live(self):
        import ipywidgets as w

        labels = [(aspect_label(a), a) for a in self.aspects]
        self.aspect_select = w.SelectMultiple(options=labels, value=tuple(self.aspects[:2]), rows=len(labels),
                                              description=TEXT("aspects"), style={"description_width": "initial"})
        self.body_select = w.SelectMultiple(
            options=[(f"{self.kb.body(b)['acronym']}{colon()} {self.kb.body(b)['name']}", b) for b in self.bodies],
            value=tuple(self.bodies), rows=len(self.bodies), description=TEXT("bodies"),
            style={"description_width": "initial"}, layout=w.Layout(width="32em"))
        self.keyword = w.Text(placeholder=TEXT("keyword_hint"), description=WORDS("keyword"))
        self.help = w.HTML(f'<span class="course-meta">{esc(TEXT("help"))}</span>')
        self.view = w.HTML()
        for control in (self.aspect_select, self.body_select, self.keyword):
            control.observe(self._redraw, names="value")
        self._redraw()

    def _redraw(self, _change=None):
        bodies = [b for b in self.bodies if b in self.body_select.value] or self.bodies
        self.view.value = side_by_side(self.kb, list(self.aspect_select.value) or None, bodies, self.keyword.value)

    def widget(self):
        import ipywidgets as w

        controls = w.HBox([self.aspect_select, self.body_select], layout=w.Layout(flex_flow="row wrap"))
        return w.VBox([controls, self.help, self.keyword, self.view])

    def html(self) -> str:
        return self.views.html()


def regional_comparison(bodies=BODIES, kb: KnowledgeBase | None = None) -> None:
    """Show the comparison of regional monitoring bodies, e.g. regional_comparison()."""
    RegionalComparison(bodies=bodies, kb=kb).show()
