"""A test helper: the pages of the book in the order of its contents (_toc.yml), root first."""
from __future__ import annotations

from course.publish.editions import toc_files


def toc_pages() -> list[str]:
    return toc_files()
