"""What every widget needs: knowing whether a kernel will be there to answer, and tables that work without one."""
from __future__ import annotations

import os

import pandas as pd
from IPython.display import HTML, display

_itables_ready = False


def static_book() -> bool:
    """True while the book is built: the page will be read with no kernel, so Python callbacks never run.

    `course.publish.build` sets COURSE_STATIC_BOOK for the notebooks it executes."""
    return os.environ.get("COURSE_STATIC_BOOK") == "1"


def searchable_table(df: pd.DataFrame, caption: str, **options) -> None:
    """A table readers can search and sort in the browser, with no CDN (options go to itables.show, e.g.
    allow_html=True for cells that carry links).

    In JupyterLab, itables' offline mode puts its DataTables bundle into the notebook once. In the static
    book, that would put 300 KB (compressed) into every page; instead each page with widgets loads one shared
    copy of the bundle, _generated/widgets/itables-offline.js (made by course.publish.build), which the browser
    caches, and the tables here wait for it exactly as they wait for the inline copy."""
    global _itables_ready
    import itables

    if not static_book() and not _itables_ready:
        itables.init_notebook_mode(connected=False)
        _itables_ready = True
    itables.show(df, caption=caption, classes="display compact", lengthMenu=[10, 25, 50], pageLength=10,
                 showIndex=False, connected=False, **options)


def show_html(markup: str) -> None:
    display(HTML(markup))
