"""The sources behind what a page shows, listed by title with publisher and date consulted."""
from __future__ import annotations

from .. import i18n
from ..kb import KnowledgeBase
from .common import day, esc, in_language, knowledge, show_html

TEXT = i18n.Text(__name__, {
    "consulted": {"en": "(consulted {date}).", "fr": "(consulté le {date}).", "es": "(consultado el {date})."},
})


def source_item(s: dict) -> str:
    """One source (a row of sources.csv as a dict): its title as a link, marked with the title's language,
    publisher, date, and the day we consulted it."""
    language = s.get("language", "")
    title_lang = f' lang="{esc(language)}"' if language and language != i18n.language() else ""
    published = f", {esc(s['published'])}" if s["published"] else ""
    return (f'<a href="{esc(s["url"])}"{title_lang}>{esc(s["title"])}</a>, {in_language(s["publisher"], language)}'
            f'{published} {esc(TEXT("consulted", date=day(s["consulted"])))}')


def module_source_ids(module_id: str, kb: KnowledgeBase | None = None) -> set[str]:
    """The sources of every row the module shows: its bodies, and every row that hangs from them by
    body_id, cycle_id or stage_id in any table (figures, comparisons, cycles, paths, stages, opportunities)."""
    kb = knowledge(kb)
    keys = {"body_id": set(kb.bodies(module=module_id)["id"])}
    keys["cycle_id"] = set(kb["cycles"][kb["cycles"]["body_id"].isin(keys["body_id"])]["id"])
    keys["stage_id"] = set(kb["stages"][kb["stages"]["cycle_id"].isin(keys["cycle_id"])]["id"])
    ids: set[str] = set()
    for name, table in kb.tables.items():
        rows = table[table["id"].isin(keys["body_id"])] if name == "bodies" else None
        for key, wanted in keys.items():
            if key in table.columns and name != "glossary":
                hit = table[table[key].isin(wanted)]
                rows = hit if rows is None else rows.combine_first(hit)
        if rows is None or rows.empty:
            continue
        if "source_ids" in rows.columns:
            for cell in rows["source_ids"]:
                ids.update(cell)
        if "source_id" in rows.columns:
            ids.update(rows["source_id"].dropna())
    return ids


def table_source_ids(*tables: str, kb: KnowledgeBase | None = None) -> set[str]:
    """The sources cited by every row of the given tables."""
    kb = knowledge(kb)
    ids: set[str] = set()
    for table in tables:
        for cell in kb[table]["source_ids"]:
            ids.update(cell)
    return ids


def source_list(ids, kb: KnowledgeBase | None = None) -> None:
    """The given sources as a list, by title, each with its publisher and the date we consulted it."""
    if not ids:
        return
    rows = (knowledge(kb)).sources(sorted(ids)).sort_values("title")
    items = "".join(f"<li>{source_item(s)}</li>" for s in rows.to_dict("records"))
    show_html(f"<ul>{items}</ul>")
