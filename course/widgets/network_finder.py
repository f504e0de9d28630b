"""The network finder: which networks of oversight bodies could my institution join?

The answer depends on two things about the institution that holds the NPM mandate: what kind of institution it
is (an NHRI, an ombuds institution or a specialised NPM body) and where it is. The rules come from
data/network_eligibility.csv, and a network's reach from its region in data/bodies.csv (a global network is
open in every region).

Like the explorers, it works without a kernel: there is one pre-rendered answer per kind-and-region case, and
in the book a single list picks it in the browser. With a kernel, two Dropdowns (kind, region) move the views
through a Python callback.
"""
from __future__ import annotations

import pandas as pd

from .. import i18n
from ..kb import KnowledgeBase, Labels
from . import views
from .common import WORDS, CourseWidget, Views, colon, searchable_table

TEXT = i18n.Text(__name__, {
    "case": {"en": "{kind}, in {region}", "fr": "{kind}, en {region}", "es": "{kind}, en {region}"},
    "none": {"en": "None of the networks in this course is open to this kind of institution in this region. Peer "
                   "contact can still come through the country's NHRI or ombuds institution, if it belongs to a "
                   "network, and through regional meetings of NPMs.",
             "fr": "Aucun des réseaux de ce cours n'est ouvert à ce type d'institution dans cette région. Les échanges "
                   "entre pairs restent possibles par l'INDH ou l'institution de médiation du pays, si elle appartient "
                   "à un réseau, et lors des réunions régionales de MNP.",
             "es": "Ninguna de las redes de este curso está abierta a este tipo de institución en esta región. El "
                   "contacto entre pares sigue siendo posible a través de la INDH o la defensoría del país, si "
                   "pertenece a una red, y en las reuniones regionales de MNP."},
    "every_region": {"en": "open in every region", "fr": "ouvert dans toutes les régions",
                     "es": "abierta en todas las regiones"},
    "for_region": {"en": "for {region}", "fr": "région : {region}", "es": "región: {region}"},
    "uncertain": {"en": "Uncertain: {note}", "fr": "Incertain : {note}", "es": "Incierto: {note}"},
    "networks_one": {"en": "{n} network to look at:", "fr": "{n} réseau à examiner :", "es": "{n} red que conviene mirar:"},
    "networks": {"en": "{n} networks to look at:", "fr": "{n} réseaux à examiner :", "es": "{n} redes que conviene mirar:"},
    "accreditation": {"en": "Accreditation:", "fr": "Accréditation :", "es": "Acreditación:"},
    "size": {"en": "GANHRI's size: {figures}.", "fr": "Taille de la GANHRI : {figures}.",
             "es": "Tamaño de la GANHRI: {figures}."},
    "aria": {"en": "Networks for {case}", "fr": "Réseaux pour {case}", "es": "Redes para {case}"},
    "if_npm": {"en": "If the NPM is {case}", "fr": "Si le MNP est {case}", "es": "Si el MNP es {case}"},
    "in": {"en": "in", "fr": "en", "es": "en"},
    "network": {"en": "Network", "fr": "Réseau", "es": "Red"},
    "where": {"en": "Where", "fr": "Où", "es": "Dónde"},
    "every_region_short": {"en": "every region", "fr": "toutes les régions", "es": "todas las regiones"},
    "kind": {"en": "Kind of institution", "fr": "Type d'institution", "es": "Tipo de institución"},
    "how": {"en": "How", "fr": "Comment", "es": "Cómo"},
    "condition": {"en": "Condition", "fr": "Condition", "es": "Condición"},
    "caption": {"en": "Every rule behind the finder: search, or click a heading to sort",
                "fr": "Toutes les règles de l'outil : cherchez, ou cliquez sur un en-tête pour trier",
                "es": "Todas las reglas de la herramienta: busque, o haga clic en un encabezado para ordenar"},
})
INSTITUTIONS = Labels(__name__ + ".INSTITUTIONS", {
    "nhri": {"en": "a national human rights institution (commission or institute)",
             "fr": "une institution nationale des droits de l'homme (commission ou institut)",
             "es": "una institución nacional de derechos humanos (comisión o instituto)"},
    "ombuds": {"en": "an ombuds institution (ombudsman, defensoría, public defender)",
               "fr": "une institution de médiation (médiateur, ombudsman, défenseur des droits)",
               "es": "una institución de tipo ombudsman (defensoría del pueblo, procuraduría, defensor público)"},
    "specialised_npm": {"en": "a specialised NPM body (set up only to be the NPM)",
                        "fr": "un organe spécialisé (créé uniquement pour être le MNP)",
                        "es": "un órgano especializado (creado solo para ser el MNP)"},
})
# The region of a network or of the NPM: "in Europe", "en Europe", "en Europa" (French says "en Afrique",
# "dans les Amériques"; the phrase is the region's whole place in the sentence).
REGIONS = Labels(__name__ + ".REGIONS", {
    "europe": {"en": "Europe", "fr": "Europe", "es": "Europa"},
    "africa": {"en": "Africa", "fr": "Afrique", "es": "África"},
    "americas": {"en": "the Americas", "fr": "Amérique", "es": "las Américas"},
    "asia_pacific": {"en": "Asia and the Pacific", "fr": "Asie-Pacifique", "es": "Asia y el Pacífico"},
})
ROUTES = Labels(__name__ + ".ROUTES", {
    "member": {"en": "open to this kind of institution", "fr": "ouvert à ce type d'institution",
               "es": "abierta a este tipo de institución"},
    "if_nhri": {"en": "only if your institution is also its country's accredited NHRI",
                "fr": "seulement si votre institution est aussi l'INDH accréditée de son pays",
                "es": "solo si su institución es también la INDH acreditada de su país"},
    "conditional": {"en": "only on a further condition", "fr": "seulement sous une condition supplémentaire",
                    "es": "solo con una condición adicional"},
})
ROUTE_ORDER = {"member": 0, "if_nhri": 1, "conditional": 2}


def cases() -> list[tuple[str, str]]:
    """Every kind-and-region case, in the order of the views in the Stack."""
    return [(kind, region) for kind in INSTITUTIONS for region in REGIONS]


def short_kind(institution: str) -> str:
    """The kind of institution without its examples in brackets."""
    return INSTITUTIONS[institution].split(" (")[0]


def case_label(institution: str, region: str) -> str:
    return TEXT("case", kind=short_kind(institution), region=REGIONS[region])


def networks_for(kb: KnowledgeBase, institution: str, region: str) -> pd.DataFrame:
    """The networks an institution of this kind in this region could join, with the route and condition.

    Networks whose region is `global` are open everywhere; regional ones only in their own region."""
    if institution not in INSTITUTIONS:
        raise ValueError(f"unknown kind of institution {institution!r}")
    if region not in REGIONS:
        raise ValueError(f"unknown region {region!r}")
    rules = kb["network_eligibility"]
    rules = rules[rules["institution"] == institution]
    bodies = kb["bodies"][["id", "acronym", "name", "region"]].rename(
        columns={"id": "network_id", "region": "network_region"})
    rows = rules.merge(bodies, on="network_id")
    rows = rows[rows["network_region"].isin([region, "global"])]
    order = rows["route"].map(ROUTE_ORDER) * 10 + (rows["network_region"] != "global")
    return rows.assign(_order=order).sort_values(["_order", "acronym"]).drop(columns="_order").reset_index(drop=True)


def _accreditation_note(kb: KnowledgeBase) -> str:
    """What GANHRI accreditation is and opens, from the GANHRI row and its dated figures."""
    ganhri = kb.body("ganhri")
    figures = "; ".join(views.figure_sentences(kb, "ganhri"))
    counts = " " + TEXT("size", figures=figures) if figures else ""
    return (f'<p class="course-meta"><strong>{TEXT("accreditation")}</strong> {views.esc(ganhri["functions"])} '
            f'{views.esc(ganhri["npm_relevance"])}{counts}</p>')


def answer_view(kb: KnowledgeBase, institution: str, region: str, heading_level: int = 4) -> str:
    """The answer for one case, as an accessible HTML section."""
    h = f"h{heading_level}"
    label = case_label(institution, region)
    rows = networks_for(kb, institution, region)
    if rows.empty:
        body = f"<p>{views.esc(TEXT('none'))}</p>"
    else:
        items = []
        for r in rows.to_dict("records"):
            scope = (TEXT("every_region") if r["network_region"] == "global"
                     else TEXT("for_region", region=REGIONS[r["network_region"]]))
            note = (f' <span class="course-meta">{views.esc(TEXT("uncertain", note=r["note"]))}</span>'
                    if r["note"] else "")
            items.append(f"<li><strong>{views.esc(r['acronym'])}</strong>{colon()} {views.esc(r['name'])} "
                         f"({views.esc(scope)}). <em>{views.esc(ROUTES[r['route']])}.</em> "
                         f"{views.esc(r['condition'])}{note}<br><span class=\"course-meta\">"
                         f"{views.TEXT('sources_colon', links=views.source_links(kb, r['source_ids']))}</span></li>")
        count = TEXT("networks" if len(rows) != 1 else "networks_one", n=len(rows))
        body = f"<p>{views.esc(count)}</p><ul>{''.join(items)}</ul>"
    if institution in ("nhri", "ombuds"):
        body += _accreditation_note(kb)
    return (f'<section class="course-card" aria-label="{views.esc(TEXT("aria", case=label))}">'
            f"<{h}>{views.esc(TEXT('if_npm', case=label))}</{h}>{body}</section>")


class NetworkFinder(CourseWidget):
    """One answer per case; the book picks it with one list, a kernel with two Dropdowns."""

    def __init__(self, live: bool | None = None, kb: KnowledgeBase | None = None):
        super().__init__(live, kb)
        self.cases = cases()
        self.views = Views(WORDS("my_npm"), [case_label(*case) for case in self.cases],
                           [answer_view(self.kb, *case) for case in self.cases])
        self.kind = self.region = self.stack = None
        if self.live:
            import ipywidgets as w

            style = {"description_width": "initial"}
            self.stack = w.Stack([w.HTML(v) for v in self.views.views], selected_index=0)
            self.kind = w.Dropdown(options=[(text, key) for key, text in INSTITUTIONS.items()],
                                   description=WORDS("my_npm"), style=style, layout=w.Layout(width="auto"))
            self.region = w.Dropdown(options=[(text, key) for key, text in REGIONS.items()], description=TEXT("in"),
                                     style=style)
            self.kind.observe(self._show, names="value")
            self.region.observe(self._show, names="value")

    def _show(self, _change=None):
        self.stack.selected_index = self.cases.index((self.kind.value, self.region.value))

    def widget(self):
        import ipywidgets as w

        return w.VBox([w.HBox([self.kind, self.region], layout=w.Layout(flex_flow="row wrap")), self.stack])

    def html(self) -> str:
        return self.views.html()


def network_finder(kb: KnowledgeBase | None = None) -> None:
    """Show the finder; in the book, also every rule as a searchable table."""
    finder = NetworkFinder(kb=kb)
    finder.show()
    if not finder.live:
        kb = finder.kb
        rules = kb["network_eligibility"].merge(
            kb["bodies"][["id", "acronym", "region"]].rename(columns={"id": "network_id"}), on="network_id")
        table = pd.DataFrame({
            TEXT("network"): rules["acronym"],
            TEXT("where"): rules["region"].map(lambda r: TEXT("every_region_short") if r == "global" else REGIONS[r]),
            TEXT("kind"): rules["institution"].map(short_kind),
            TEXT("how"): rules["route"].map(lambda r: ROUTES[r]),
            TEXT("condition"): rules["condition"],
        })
        searchable_table(table, caption=TEXT("caption"))
