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

from ..kb import KnowledgeBase
from . import views
from .common import CourseWidget, Views, searchable_table

INSTITUTIONS = [
    ("nhri", "a national human rights institution (commission or institute)"),
    ("ombuds", "an ombuds institution (ombudsman, defensoría, public defender)"),
    ("specialised_npm", "a specialised NPM body (set up only to be the NPM)"),
]
REGIONS = [("europe", "Europe"), ("africa", "Africa"), ("americas", "the Americas"),
           ("asia_pacific", "Asia and the Pacific")]
ROUTES = {
    "member": "open to this kind of institution",
    "if_nhri": "only if your institution is also its country's accredited NHRI",
    "conditional": "only on a further condition",
}
ROUTE_ORDER = {"member": 0, "if_nhri": 1, "conditional": 2}


def cases() -> list[tuple[str, str]]:
    """Every kind-and-region case, in the order of the views in the Stack."""
    return [(kind, region) for kind, _ in INSTITUTIONS for region, _ in REGIONS]


def case_label(institution: str, region: str) -> str:
    kinds, regions = dict(INSTITUTIONS), dict(REGIONS)
    return f"{kinds[institution].split(' (')[0]}, in {regions[region]}"


def networks_for(kb: KnowledgeBase, institution: str, region: str) -> pd.DataFrame:
    """The networks an institution of this kind in this region could join, with the route and condition.

    Networks whose region is `global` are open everywhere; regional ones only in their own region."""
    if institution not in dict(INSTITUTIONS):
        raise ValueError(f"unknown kind of institution {institution!r}")
    if region not in dict(REGIONS):
        raise ValueError(f"unknown region {region!r}")
    rules = kb["network_eligibility"]
    rules = rules[rules["institution"] == institution]
    bodies = kb["bodies"][["id", "acronym_en", "name_en", "region"]].rename(
        columns={"id": "network_id", "region": "network_region"})
    rows = rules.merge(bodies, on="network_id")
    rows = rows[rows["network_region"].isin([region, "global"])]
    order = rows["route"].map(ROUTE_ORDER) * 10 + (rows["network_region"] != "global")
    return rows.assign(_order=order).sort_values(["_order", "acronym_en"]).drop(columns="_order").reset_index(drop=True)


def _accreditation_note(kb: KnowledgeBase) -> str:
    """What GANHRI accreditation is and opens, from the GANHRI row and its dated figures."""
    ganhri = kb.body("ganhri")
    figures = "; ".join(views.figure_sentences(kb, "ganhri"))
    counts = f" GANHRI's size: {figures}." if figures else ""
    return (f'<p class="course-meta"><strong>Accreditation:</strong> {views.esc(ganhri["functions_en"])} '
            f'{views.esc(ganhri["npm_relevance_en"])}{counts}</p>')


def answer_view(kb: KnowledgeBase, institution: str, region: str, heading_level: int = 4) -> str:
    """The answer for one case, as an accessible HTML section."""
    h = f"h{heading_level}"
    label = case_label(institution, region)
    rows = networks_for(kb, institution, region)
    if rows.empty:
        body = ("<p>None of the networks in this course is open to this kind of institution in this region. "
                "Peer contact can still come through the country's NHRI or ombuds institution, if it belongs to a "
                "network, and through regional meetings of NPMs.</p>")
    else:
        items = []
        for r in rows.itertuples():
            scope = "open in every region" if r.network_region == "global" else f"for {dict(REGIONS)[r.network_region]}"
            note = f' <span class="course-meta">Uncertain: {views.esc(r.note_en)}</span>' if r.note_en else ""
            items.append(f"<li><strong>{views.esc(r.acronym_en)}</strong>: {views.esc(r.name_en)} ({scope}). "
                         f"<em>{views.esc(ROUTES[r.route])}.</em> {views.esc(r.condition_en)}{note}"
                         f'<br><span class="course-meta">Sources: {views.source_links(kb, r.source_ids)}</span></li>')
        body = f"<p>{len(rows)} network{'s' if len(rows) != 1 else ''} to look at:</p><ul>{''.join(items)}</ul>"
    if institution in ("nhri", "ombuds"):
        body += _accreditation_note(kb)
    return (f'<section class="course-card" aria-label="Networks for {views.esc(label)}">'
            f"<{h}>If the NPM is {views.esc(label)}</{h}>{body}</section>")


class NetworkFinder(CourseWidget):
    """One answer per case; the book picks it with one list, a kernel with two Dropdowns."""

    def __init__(self, live: bool | None = None, kb: KnowledgeBase | None = None):
        super().__init__(live, kb)
        self.cases = cases()
        self.views = Views("My NPM is", [case_label(*case) for case in self.cases],
                           [answer_view(self.kb, *case) for case in self.cases])
        self.kind = self.region = self.stack = None
        if self.live:
            import ipywidgets as w

            style = {"description_width": "initial"}
            self.stack = w.Stack([w.HTML(v) for v in self.views.views], selected_index=0)
            self.kind = w.Dropdown(options=[(text, key) for key, text in INSTITUTIONS], description="My NPM is",
                                   style=style, layout=w.Layout(width="auto"))
            self.region = w.Dropdown(options=[(text, key) for key, text in REGIONS], description="in", style=style)
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
            kb["bodies"][["id", "acronym_en", "region"]].rename(columns={"id": "network_id"}), on="network_id")
        table = pd.DataFrame({
            "Network": rules["acronym_en"],
            "Where": rules["region"].map(lambda r: "every region" if r == "global" else dict(REGIONS)[r]),
            "Kind of institution": rules["institution"].map(lambda k: dict(INSTITUTIONS)[k].split(" (")[0]),
            "How": rules["route"].map(ROUTES),
            "Condition": rules["condition_en"],
        })
        searchable_table(table, caption="Every rule behind the finder: search, or click a heading to sort")
