"""The French and Spanish editions. Each is its own Jupyter Book, page for page the English one: the pages come
from the edition's tree (translations/LANG, same file names), the table of contents and the configuration from
the English book with the edition's language, title and captions (translations/LANG/book.yml). The build puts
each edition's source together in _build/editions/LANG/src and its output in _build/html/LANG.

Each edition has its own output folder, so its own notebook cache: a page never shows another language's
outputs."""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from ..i18n import LANGUAGES, NAMES, TranslationMissing
from ..paths import QUIZ_ROOT, ROOT, edition_root

BOOK_KEYS = {"title", "author", "captions", "extra_footer", "report_subject"}
# What an edition's source folder gets from the project besides its own pages.
SHARED = ["_static"]


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def toc_files(toc: dict | None = None) -> list[str]:
    """Every page of the book's contents, as its file name without the suffix (modules/upr)."""
    toc = toc or _yaml(ROOT / "_toc.yml")
    found = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                found.append(entry["file"])
            walk(entry.get("sections"))
            walk(entry.get("chapters"))

    walk(toc.get("parts"))
    return found


# Pages written by the build rather than translated: the quiz pages come from the quiz specs in the language.
GENERATED_PAGES = ("quizzes/pages/",)


def source_of(page: str, root: Path) -> Path | None:
    for suffix in (".md", ".ipynb"):
        if (root / f"{page}{suffix}").exists():
            return root / f"{page}{suffix}"
    return None


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def book_strings(lang: str) -> dict:
    path = edition_root(lang) / "book.yml"
    shown = _shown(path)
    if not path.exists():
        raise TranslationMissing(f"{shown} is missing: the {NAMES[lang]} edition's title, part captions and footer")
    strings = _yaml(path) or {}
    missing = sorted(BOOK_KEYS - set(strings))
    if missing:
        raise TranslationMissing(f"{shown} has no {', '.join(missing)}")
    captions = {part["caption"] for part in _yaml(ROOT / "_toc.yml")["parts"]}
    untranslated = sorted(captions - set(strings["captions"] or {}))
    if untranslated:
        raise TranslationMissing(f"{shown}: captions has no translation of {', '.join(map(repr, untranslated))}")
    return strings


def check_pages(lang: str) -> None:
    """Every English page has its counterpart in the edition, with the same name and kind (.md or .ipynb)."""
    root = edition_root(lang)
    problems = []
    for page in toc_files():
        if page.startswith(GENERATED_PAGES):
            continue
        english, other = source_of(page, ROOT), source_of(page, root)
        if other is None:
            problems.append(f"{_shown(root / page)}{english.suffix} is missing "
                            f"(the {NAMES[lang]} version of {page}{english.suffix})")
        elif other.suffix != english.suffix:
            problems.append(f"{_shown(other)} should be a {english.suffix} file like {english.name}")
    if problems:
        raise TranslationMissing("\n".join(problems))


def config(lang: str) -> dict:
    """The English book's configuration, set to LANG: language (html lang, Sphinx's strings and its search
    stemmer), title, footer and the subject of the "report an outdated fact" message."""
    conf = _yaml(ROOT / "_config.yml")
    conf["sphinx"]["config"]["language"] = lang
    if lang == "en":
        return conf
    strings = book_strings(lang)
    conf["title"] = strings["title"]
    conf["author"] = strings["author"]
    conf["html"]["extra_footer"] = strings["extra_footer"]
    report = conf["sphinx"]["config"].get("course_report_url", "")
    if "?subject=" in report:
        from urllib.parse import quote

        base = report.split("?subject=")[0]
        subject = quote(strings["report_subject"], safe="{}")
        conf["sphinx"]["config"]["course_report_url"] = f"{base}?subject={subject}"
    return conf


def toc(lang: str) -> dict:
    contents = _yaml(ROOT / "_toc.yml")
    if lang != "en":
        captions = book_strings(lang)["captions"]
        for part in contents["parts"]:
            part["caption"] = captions[part["caption"]]
    return contents


def release_folders(lang: str) -> list[Path]:
    """The edition's released quizzes: quizzes/release/upr in English, quizzes/release/upr_fr in French."""
    others = tuple(f"_{x}" for x in LANGUAGES if x != "en")
    folders = sorted(p for p in (QUIZ_ROOT / "release").iterdir() if p.is_dir())
    if lang == "en":
        return [p for p in folders if not p.name.endswith(others)]
    return [p for p in folders if p.name.endswith(f"_{lang}")]


def stage(lang: str, folder: Path) -> Path:
    """Put the edition's book source together in FOLDER/src and return it. Files are copied only when they
    changed, so that an incremental build (make preview) rebuilds only what changed."""
    check_pages(lang)
    source = folder / "src"
    source.mkdir(parents=True, exist_ok=True)
    root = edition_root(lang)
    for page in toc_files():
        if page.startswith(GENERATED_PAGES):
            continue
        path = source_of(page, root)
        _copy(path, source / path.relative_to(root))
    for extra in sorted(root.rglob("*")):  # files the pages use: the session plans' data, images
        if extra.is_file() and extra.suffix not in (".md", ".ipynb") and extra.name != "book.yml":
            _copy(extra, source / extra.relative_to(root))
    # The edition's released quizzes, where its modules link them (as in the English tree), so that the links
    # resolve; the book turns each into the edition's quiz page.
    for release in release_folders(lang):
        for path in sorted(release.glob("*.ipynb")):
            _copy(path, source / path.relative_to(ROOT))
    for name in SHARED:
        for path in sorted((ROOT / name).rglob("*")):
            if path.is_file():
                _copy(path, source / path.relative_to(ROOT))
    _write_if_changed(source / "_config.yml", yaml.safe_dump(config(lang), allow_unicode=True, sort_keys=False))
    _write_if_changed(source / "_toc.yml", yaml.safe_dump(toc(lang), allow_unicode=True, sort_keys=False))
    return source


def _copy(path: Path, target: Path) -> None:
    if target.exists() and target.read_bytes() == path.read_bytes():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(path, target)


def _write_if_changed(target: Path, text: str) -> None:
    if target.exists() and target.read_text(encoding="utf-8") == text:
        return
    target.write_text(text, encoding="utf-8")
