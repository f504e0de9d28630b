"""The landscape explorer: every body in data/, with a keyword box and filters by kind, system, region and type
of engagement, each body linked to the module that covers it.

Live (a kernel), the filters and the keyword narrow the list at once. In the book there is no kernel: one
table holds every body, with a search box and headings that sort.
"""
from __future__ import annotations

import posixpath

import pandas as pd

from .. import i18n
from ..kb import KnowledgeBase
from ..planner import path_body
from .common import WORDS, CourseWidget, knowledge, show_html, use_stylesheet
from .views import esc, label

TEXT = i18n.Text(__name__, {
    "engagement": {"en": "Type of engagement", "fr": "Type d'engagement", "es": "Tipo de participación"},
    "nothing": {"en": "No body matches: clear a filter or try another word.",
                "fr": "Aucun organe ne correspond : retirez un filtre ou essayez un autre mot.",
                "es": "Ningún órgano coincide: quite un filtro o pruebe otra palabra."},
    "body_and_why": {"en": "Body and why it matters to an NPM", "fr": "Organe, et pourquoi il compte pour un MNP",
                     "es": "Órgano, y por qué importa a un MNP"},
    "ways_cycles": {"en": "Ways to engage (in the course's cycles)",
                    "fr": "Façons de s'engager (dans les cycles du cours)",
                    "es": "Formas de participar (en los ciclos del curso)"},
    "module": {"en": "Module", "fr": "Module", "es": "Módulo"},
    "keyword_hint": {"en": "e.g. children, visits, Geneva", "fr": "p. ex. enfants, visites, Genève",
                     "es": "p. ej., niños, visitas, Ginebra"},
    "shown": {"en": "{n} of {total} bodies shown", "fr": "{n} organes affichés sur {total}",
              "es": "{n} de {total} órganos mostrados"},
    "matching": {"en": "Bodies that match", "fr": "Organes correspondants", "es": "Órganos que coinciden"},
    "ways": {"en": "Ways to engage", "fr": "Façons de s'engager", "es": "Formas de participar"},
    "none_in_cycles": {"en": "none in the course's cycles", "fr": "aucune dans les cycles du cours",
                       "es": "ninguna en los ciclos del curso"},
    "caption": {"en": "Every body in the course: search by any word (a kind, a region, a way to engage), or click a "
                      "heading to sort",
                "fr": "Tous les organes du cours : cherchez avec n'importe quel mot (un type, une région, une façon "
                      "de s'engager), ou cliquez sur un en-tête pour trier",
                "es": "Todos los órganos del curso: busque con cualquier palabra (un tipo, una región, una forma de "
                      "participar), o haga clic en un encabezado para ordenar"},
})


def _filters():
    return (("kind", WORDS("kind")), ("system", WORDS("system")), ("region", WORDS("region")),
            ("engagement", TEXT("engagement")))


def engagement_types(kb: KnowledgeBase) -> dict[str, list[str]]:
    """For each body, the types of engagement (opportunities.action) that the course's cycles offer with it.

    A body gets the actions of the cycle paths it runs, and of those its parent runs (a Special Rapporteur takes
    part in the Special Procedures' country visits; the IACHR's rapporteurship in the IACHR's work)."""
    stages, opportunities = kb["stages"], kb["opportunities"]
    own: dict[str, set[str]] = {}
    for path in kb["paths"].itertuples():
        body = path_body(kb, path.id).name
        stage_ids = stages[stages["path_ids"].apply(lambda ps: path.id in ps)]["id"]
        own.setdefault(body, set()).update(opportunities[opportunities["stage_id"].isin(stage_ids)]["action"])
    out = {}
    for b in kb["bodies"].itertuples():
        actions = set(own.get(b.id, set())) | (own.get(b.parent_id, set()) if b.parent_id else set())
        out[b.id] = sorted(actions, key=lambda a: label("engagement", a))
    return out


def module_link(kb: KnowledgeBase, module_id: str, live: bool, here: str = "modules") -> str:
    """A link from a page in `here` to the module's page: <id>.html in the book, <id>.ipynb in JupyterLab."""
    if not module_id:
        return ""
    row = kb["modules"].set_index("id").loc[module_id]
    target = posixpath.relpath(row["path"], here) + (".ipynb" if live else ".html")
    return f'<a href="{esc(target)}">{esc(row["title"])}</a>'


def landscape_table(kb: KnowledgeBase, live: bool) -> pd.DataFrame:
    """One row per body with everything the explorer filters on and shows."""
    bodies = kb["bodies"].reset_index(drop=True)
    types = engagement_types(kb)
    return pd.DataFrame({
        "id": bodies["id"], "acronym": bodies["acronym"], "name": bodies["name"], "kind": bodies["kind"],
        "system": bodies["system"], "region": bodies["region"],
        "engagement": [types[b] for b in bodies["id"]],
        "text": (bodies["acronym"] + " " + bodies["name"] + " " + bodies["functions"] + " "
                 + bodies["npm_relevance"] + " " + bodies["seat"]).str.casefold(),
        "relevance": bodies["npm_relevance"],
        "module": [module_link(kb, m, live) for m in bodies["module"]],
    })


def rows_html(table: pd.DataFrame, caption: str) -> str:
    if table.empty:
        return f"<p>{esc(TEXT('nothing'))}</p>"
    rows = "".join(
        f'<tr><th scope="row">{esc(r.acronym)}</th><td>{esc(r.name)}<br><span class="course-meta">{esc(r.relevance)}'
        f'</span></td><td>{esc(label("kind", r.kind))}</td><td>{esc(label("system", r.system))}</td>'
        f'<td>{esc(label("region", r.region))}</td>'
        f'<td>{esc(", ".join(label("engagement", a) for a in r.engagement)) or "—"}</td><td>{r.module}</td></tr>'
        for r in table.itertuples())
    heads = "".join(f'<th scope="col">{esc((WORDS if key in WORDS else TEXT)(key))}</th>' for key in
                    ("acronym", "body_and_why", "kind", "system", "region", "ways_cycles", "module"))
    return f'<table><caption>{esc(caption)}</caption><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>'


class LandscapeExplorer(CourseWidget):
    """Live: keyword and four filters over every body. Static: one searchable, sortable table of every body."""

    def __init__(self, live: bool | None = None, kb: KnowledgeBase | None = None):
        super().__init__(live, kb)
        self.table = landscape_table(self.kb, self.live)
        self.filters: dict = {}
        self.keyword = None
        if self.live:
            self._build_live()

    def _build_live(self):
        import ipywidgets as w

        for column, title in _filters():
            if column == "engagement":
                values = sorted({a for actions in self.table["engagement"] for a in actions},
                                key=lambda a: label(column, a))
            else:
                values = sorted(self.table[column].unique(), key=lambda v: label(column, v))
            self.filters[column] = w.Dropdown(options=[(WORDS("all"), None)] + [(label(column, v), v) for v in values],
                                              description=title, style={"description_width": "initial"})
        self.keyword = w.Text(placeholder=TEXT("keyword_hint"), description=WORDS("keyword"))
        self.count = w.HTML()
        self.results = w.HTML()
        for control in [*self.filters.values(), self.keyword]:
            control.observe(self._refilter, names="value")
        self._refilter()

    def matches(self) -> pd.DataFrame:
        keep = pd.Series(True, index=self.table.index)
        for column, control in self.filters.items():
            if control.value is not None:
                if column == "engagement":
                    keep &= self.table["engagement"].apply(lambda actions, v=control.value: v in actions)
                else:
                    keep &= self.table[column] == control.value
        word = (self.keyword.value if self.keyword else "").strip().casefold()
        if word:
            keep &= self.table["text"].str.contains(word, regex=False)
        return self.table[keep]

    def _refilter(self, _change=None):
        shown = self.matches()
        self.count.value = (f"<span class='course-meta' role='status'>"
                            f"{TEXT('shown', n=len(shown), total=len(self.table))}</span>")
        self.results.value = f'<div class="course-landscape">{rows_html(shown, TEXT("matching"))}</div>'

    def widget(self):
        import ipywidgets as w

        return w.VBox([w.HBox(list(self.filters.values()), layout=w.Layout(flex_flow="row wrap")),
                       self.keyword, self.count, self.results])

    def reading_table(self) -> pd.DataFrame:
        """Every body in words, its module as a link (cells already escaped): the book's one table."""
        t = self.table
        return pd.DataFrame({WORDS("acronym"): t["acronym"].map(esc), WORDS("name"): t["name"].map(esc),
                             WORDS("kind"): [esc(label("kind", v)) for v in t["kind"]],
                             WORDS("system"): [esc(label("system", v)) for v in t["system"]],
                             WORDS("region"): [esc(label("region", v)) for v in t["region"]],
                             TEXT("ways"): [esc(", ".join(label("engagement", a) for a in e))
                                            or esc(TEXT("none_in_cycles")) for e in t["engagement"]],
                             TEXT("module"): t["module"]})

    def html(self) -> str:
        from .common import table_html

        table = self.reading_table()
        return table_html(table, caption=TEXT("caption"), html_columns=set(table))


def landscape_explorer(kb: KnowledgeBase | None = None) -> None:
    """Show the landscape of actors: live filters in a kernel; in the book, one searchable table."""
    LandscapeExplorer(kb=kb).show()


def sources(kb: KnowledgeBase | None = None) -> None:
    """The sources behind the reasons to engage and the bodies of the landscape."""
    from .sources import source_list, table_source_ids

    source_list(table_source_ids("reasons", "bodies", kb=kb), kb=kb)


def reasons(kb: KnowledgeBase | None = None) -> None:
    """The reasons for an NPM to engage, as a list (own objectives first)."""

    use_stylesheet()
    rows = (knowledge(kb))["reasons"]
    items = "".join(f"<li><strong>{esc(r['name'])}.</strong> {esc(r['description'])}</li>" for r in rows.to_dict("records"))
    show_html(f'<ol class="course-reasons">{items}</ol>')
