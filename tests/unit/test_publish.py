"""The book build's own steps that need no build: what it keeps of the theme's icon font."""
from __future__ import annotations


def test_icon_font_keeps_the_icons_pages_use_and_the_themes_own(tmp_path):
    from course.publish.sphinx_ext import icons_used

    page = tmp_path / "page.html"
    page.write_text('<i class="fa-solid fa-sun"></i>', encoding="utf-8")
    css = ('.fa-sun:before{content:"\\f185"}.fa-moon:before{content:"\\f186"}'
           '@media (x){html{--pst-icon-note:"\uf05a";--pst-icon-tip:"\\f0eb"}}.b{font-size:1rem}')
    assert icons_used(css, [page]) == {0xF185, 0xF05A, 0xF0EB}
