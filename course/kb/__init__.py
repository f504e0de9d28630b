"""The knowledge base: load the tables in data/ once, validate them, and answer the questions widgets,
quizzes and the planner ask of them."""
from __future__ import annotations

import functools
import hashlib
import json
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import i18n
from ..paths import DATA_DIR
from .validate import DataError, validate


class Labels(Mapping):
    """Codes of data/ as words in the language in use: `LABELS[code]` reads like a dict, in English, French or
    Spanish as course.i18n.use() says; `LABELS.words(lang)` is a plain dict in one language (for JSON)."""

    def __init__(self, place: str, strings: dict[str, dict[str, str]]):
        self.text = i18n.Text(place, strings)

    def __getitem__(self, code: str) -> str:
        if code not in self.text:
            raise KeyError(code)
        return self.text(code)

    def __iter__(self):
        return iter(self.text.strings)

    def __len__(self) -> int:
        return len(self.text.strings)

    def words(self, lang: str | None = None) -> dict[str, str]:
        return {code: self.text(code, lang) for code in self.text.strings}


# Which NPMs may take up an opportunity, by the `who` column. An NPM that is not an NHRI can still use the
# opportunities open to NGOs with ECOSOC status through a partner, so `ecosoc_or_nhri` is shown to all and
# flagged in the planner.
WHO_LABELS = Labels(__name__ + ".WHO_LABELS", {
    "any_npm": {"en": "any NPM", "fr": "tout MNP", "es": "cualquier MNP"},
    "prior_submitter": {"en": "an NPM that has already sent written information",
                        "fr": "un MNP qui a déjà envoyé des informations écrites",
                        "es": "un MNP que ya ha enviado información por escrito"},
    "on_invitation": {"en": "an NPM the body invites", "fr": "un MNP que l'organe invite",
                      "es": "un MNP al que el órgano invita"},
    "nhri": {"en": "an NPM that is also an accredited NHRI", "fr": "un MNP qui est aussi une INDH accréditée",
             "es": "un MNP que también es una INDH acreditada"},
    "a_status_nhri": {"en": "an NPM that is also an A-status NHRI",
                      "fr": "un MNP qui est aussi une INDH de statut A",
                      "es": "un MNP que también es una INDH de categoría A"},
    "ecosoc_or_nhri": {"en": "an A-status NHRI, or an NPM speaking through an NGO with ECOSOC status",
                       "fr": "une INDH de statut A, ou un MNP qui s'exprime par l'intermédiaire d'une ONG dotée du "
                             "statut consultatif auprès de l'ECOSOC",
                       "es": "una INDH de categoría A, o un MNP que interviene por medio de una ONG reconocida como "
                             "entidad consultiva del ECOSOC"},
})


@dataclass(frozen=True)
class Profile:
    """What the knowledge base needs to know about an NPM to say which opportunities are open to it."""
    nhri_grade: str | None = None  # "A", "B", or None for an NPM that is not an NHRI

    def may(self, who: str) -> bool:
        if who == "a_status_nhri":
            return self.nhri_grade == "A"
        if who == "nhri":
            return self.nhri_grade in ("A", "B")
        return who in WHO_LABELS


class KnowledgeBase:
    """Read-only access to the validated tables. Build it with `load()`."""

    def __init__(self, tables: dict[str, pd.DataFrame], descriptor: dict):
        self.tables = tables
        self.descriptor = descriptor

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    # --- bodies -------------------------------------------------------------------------------------
    def bodies(self, kind=None, system=None, region=None, module=None) -> pd.DataFrame:
        """Bodies filtered by any of kind, system, region, module (each a value or a list of values)."""
        df = self.tables["bodies"]
        for column, wanted in (("kind", kind), ("system", system), ("region", region), ("module", module)):
            if wanted is not None:
                df = df[df[column].isin([wanted] if isinstance(wanted, str) else list(wanted))]
        return df

    def body(self, body_id: str) -> pd.Series:
        return self._row("bodies", body_id)

    def figures(self, body_id: str | None = None) -> pd.DataFrame:
        df = self.tables["figures"]
        return df if body_id is None else df[df["body_id"] == body_id]

    def figure(self, body_id: str, metric: str) -> pd.Series:
        """The one figure of a kind for a body (e.g. the number of experts on CAT)."""
        df = self.figures(body_id)
        df = df[df["metric"] == metric]
        if len(df) != 1:
            raise KeyError(f"expected one {metric!r} figure for {body_id!r}, found {len(df)}")
        return df.iloc[0]

    # --- cycles -------------------------------------------------------------------------------------
    def cycle(self, cycle_id: str) -> pd.Series:
        return self._row("cycles", cycle_id)

    def paths(self, cycle_id: str) -> pd.DataFrame:
        self.cycle(cycle_id)
        return self.tables["paths"][self.tables["paths"]["cycle_id"] == cycle_id]

    def stages(self, cycle_id: str, path_id: str | None = None) -> pd.DataFrame:
        """The stages of a cycle in order; with path_id, only the stages on that path."""
        self.cycle(cycle_id)
        df = self.tables["stages"]
        df = df[df["cycle_id"] == cycle_id]
        if path_id is not None:
            if path_id not in set(self.paths(cycle_id)["id"]):
                raise KeyError(f"{path_id!r} is not a path of cycle {cycle_id!r}")
            df = df[df["path_ids"].apply(lambda paths: path_id in paths)]
        return df.sort_values(["order", "id"])

    def anchors(self, cycle_id: str | None = None) -> pd.DataFrame:
        df = self.tables["anchors"]
        return df if cycle_id is None else df[df["cycle_id"] == cycle_id]

    def opportunities(self, stage_id: str | None = None, cycle_id: str | None = None,
                      profile: Profile | None = None, themes=None) -> pd.DataFrame:
        """Opportunities at a stage or in a cycle, optionally only those open to an NPM of the given profile
        and serving any of the given themes."""
        df = self.tables["opportunities"]
        if stage_id is not None:
            self._row("stages", stage_id)
            df = df[df["stage_id"] == stage_id]
        if cycle_id is not None:
            df = df[df["stage_id"].isin(self.stages(cycle_id)["id"])]
        if profile is not None:
            df = df[df["who"].apply(profile.may)]
        if themes:
            wanted = set(themes)
            df = df[df["themes"].apply(lambda ts: bool(wanted & set(ts)))]
        return df

    # --- words and sources --------------------------------------------------------------------------
    def glossary_entries(self) -> pd.DataFrame:
        """Every term: the glossary's own, then each body's acronym (its definition is what the body does),
        so that a body is described in one place only. Sorted alphabetically."""
        terms = self.tables["glossary"][["id", "term_en", "expansion_en", "definition_en", "body_id", "source_ids"]]
        bodies = self.tables["bodies"]
        from_bodies = pd.DataFrame({"id": bodies["id"], "term_en": bodies["acronym_en"], "expansion_en": bodies["name_en"],
                                    "definition_en": bodies["functions_en"], "body_id": bodies["id"],
                                    "source_ids": bodies["source_ids"]})
        known = set(terms["term_en"].str.casefold())
        from_bodies = from_bodies[~from_bodies["term_en"].str.casefold().isin(known)]
        both = pd.concat([terms, from_bodies], ignore_index=True)
        return both.iloc[both["term_en"].str.casefold().argsort()].reset_index(drop=True)

    def glossary(self, term: str) -> pd.Series:
        """The glossary entry for a term or acronym, ignoring case."""
        df = self.glossary_entries()
        hit = df[df["term_en"].str.casefold() == term.strip().casefold()]
        if hit.empty:
            raise KeyError(f"{term!r} is not in the glossary")
        return hit.iloc[0]

    def sources(self, source_ids) -> pd.DataFrame:
        ids = [source_ids] if isinstance(source_ids, str) else list(source_ids)
        df = self.tables["sources"].set_index("id")
        return df.loc[ids].reset_index()

    def _row(self, table: str, row_id: str) -> pd.Series:
        df = self.tables[table]
        hit = df[df["id"] == row_id]
        if hit.empty:
            raise KeyError(f"no {table} row with id {row_id!r}")
        return hit.iloc[0]


OFFSET_TEXT = i18n.Text(__name__ + ".offset_words", {
    "at": {"en": "at the {anchor}", "fr": "à la date de référence ({anchor})",
           "es": "en la fecha de referencia ({anchor})"},
    "before": {"en": "{amount} {unit} before the {anchor}",
               "fr": "{amount} {unit} avant la date de référence ({anchor})",
               "es": "{amount} {unit} antes de la fecha de referencia ({anchor})"},
    "after": {"en": "{amount} {unit} after the {anchor}",
              "fr": "{amount} {unit} après la date de référence ({anchor})",
              "es": "{amount} {unit} después de la fecha de referencia ({anchor})"},
})
# offset_unit in words: (one, several)
UNIT_WORDS = {
    "days": {"en": ("day", "days"), "fr": ("jour", "jours"), "es": ("día", "días")},
    "weeks": {"en": ("week", "weeks"), "fr": ("semaine", "semaines"), "es": ("semana", "semanas")},
    "months": {"en": ("month", "months"), "fr": ("mois", "mois"), "es": ("mes", "meses")},
    "years": {"en": ("year", "years"), "fr": ("an", "ans"), "es": ("año", "años")},
}


def offset_words(offset: int, unit: str, anchor_name: str, lang: str | None = None) -> str:
    """When a stage falls, in words: '3 months before the review' ('3 mois avant la date de référence (…)')."""
    lang = lang or i18n.language()
    if offset == 0:
        return OFFSET_TEXT("at", lang, anchor=anchor_name)
    amount = abs(offset)
    one, several = UNIT_WORDS[unit][lang] if unit in UNIT_WORDS else (unit.rstrip("s"), unit)
    return OFFSET_TEXT("before" if offset < 0 else "after", lang, amount=amount,
                       unit=one if amount == 1 else several, anchor=anchor_name)


def _read_table(path: Path, schema: dict) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    for field in schema["fields"]:
        name, kind = field["name"], field.get("type", "string")
        column = df[name]
        if kind == "integer":
            df[name] = pd.to_numeric(column.replace("", None)).astype("Int64")
        elif kind == "number":
            df[name] = pd.to_numeric(column.replace("", None))
        elif kind == "date":
            df[name] = pd.to_datetime(column.replace("", None)).dt.date
        elif kind == "list":
            df[name] = column.apply(lambda cell: [x for x in cell.split(field.get("delimiter", ";")) if x])
        # text stays text: an empty cell is "" (falsy), never NaN
    return df


def _validated_stamp(directory: Path) -> Path:
    """A marker that these exact tables passed validation. It is named by a digest of their bytes, so any
    edit makes a new name: a notebook then skips the slow Frictionless check when nothing has changed."""
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.csv")) + [directory / "datapackage.json"]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return Path(tempfile.gettempdir()) / f"npm-course-valid-{digest.hexdigest()[:32]}"


def text_columns(df: pd.DataFrame) -> list[str]:
    """The columns a reader sees in a language: those written in English as X_en."""
    return [c[:-3] for c in df.columns if c.endswith("_en")]


def _translate(directory: Path, name: str, df: pd.DataFrame, lang: str, schema: dict) -> pd.DataFrame:
    """Add the LANG columns (X_fr) from the table's translation, data/LANG/NAME.csv: one row per id of the
    English table, one X_LANG column per X_en column. Anything missing raises TranslationMissing naming the
    file, the row and the column: an edition never falls back to English in silence."""
    columns = text_columns(df)
    if not columns:
        return df
    path = directory / lang / f"{name}.csv"
    shown = f"data/{lang}/{name}.csv"
    if not path.exists():
        raise i18n.TranslationMissing(f"{shown} is missing: it translates data/{name}.csv into {i18n.NAMES[lang]}")
    try:
        other = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError) as error:
        raise i18n.TranslationMissing(f"{shown} cannot be read as UTF-8 CSV: {error}") from error
    wanted = ["id"] + [f"{c}_{lang}" for c in columns]
    absent = [c for c in wanted if c not in other.columns]
    if absent:
        raise i18n.TranslationMissing(f"{shown} has no column {', '.join(absent)}")
    extra = sorted(set(other["id"]) - set(df["id"]))
    if extra:
        raise i18n.TranslationMissing(f"{shown} has rows for ids that data/{name}.csv does not have: {', '.join(extra)}")
    if other["id"].duplicated().any():
        raise i18n.TranslationMissing(f"{shown} has the id {other['id'][other['id'].duplicated()].iloc[0]!r} twice")
    by_id = other.set_index("id").reindex(df["id"], fill_value="")  # a row with no English text needs none
    for line, row in enumerate(df.to_dict("records"), start=2):
        for c in columns:
            english = row[f"{c}_en"]
            if (english if isinstance(english, list) else str(english).strip()) and \
                    not by_id.at[row["id"], f"{c}_{lang}"].strip():
                where = "has no row" if row["id"] not in set(other["id"]) else f"column {c}_{lang} is empty"
                raise i18n.TranslationMissing(f"{shown}: {where} for id {row['id']!r} (row {line} of "
                                              f"data/{name}.csv), so {c}_en has no {i18n.NAMES[lang]} version")
    df = df.copy()
    for extra_column in [c for c in other.columns if c not in wanted]:  # e.g. excerpts' quote_lang
        df[extra_column] = df["id"].map(by_id[extra_column])
    fields = {f["name"]: f for f in schema["fields"]}
    for c in columns:
        translated = df["id"].map(by_id[f"{c}_{lang}"])
        field = fields.get(f"{c}_en", {})
        if field.get("type") == "list":  # a list in English is a list in every language
            translated = translated.apply(lambda cell: [x.strip() for x in cell.split(field.get("delimiter", ";"))
                                                        if x.strip()])
        df[f"{c}_{lang}"] = translated
    return df


def _localise(tables: dict[str, pd.DataFrame], descriptor: dict, directory: Path,
              lang: str) -> dict[str, pd.DataFrame]:
    """Each text column X_en gets its reader's version X: X_en itself in English, X_fr in French."""
    schemas = {r["name"]: r["schema"] for r in descriptor["resources"]}
    out = {}
    for name, df in tables.items():
        if lang != "en":
            df = _translate(directory, name, df, lang, schemas[name])
        else:
            df = df.copy()
        for c in text_columns(df):
            df[c] = df[f"{c}_{lang}"]
        out[name] = df
    return out


@functools.lru_cache(maxsize=8)
def _load(data_dir: str, lang: str) -> KnowledgeBase:
    directory = Path(data_dir)
    try:
        stamp = _validated_stamp(directory)
    except OSError:
        stamp = None  # a file is missing or unreadable: validation says which
    if stamp is None or not stamp.exists():
        problems = validate(directory)
        if any(p.severity == "error" for p in problems):
            raise DataError(problems)
        if stamp is not None:
            try:
                stamp.touch()
            except OSError:
                pass  # a read-only temp folder only costs the next load a validation
    descriptor = json.loads((directory / "datapackage.json").read_text(encoding="utf-8"))
    tables = {r["name"]: _read_table(directory / r["path"], r["schema"]) for r in descriptor["resources"]}
    return KnowledgeBase(_localise(tables, descriptor, directory, lang), descriptor)


def load(data_dir: Path | str | None = None, lang: str | None = None) -> KnowledgeBase:
    """The knowledge base in data_dir (default: the course's data/), validated, in LANG (default: the language
    in use, course.i18n.language()): every text column X_en is also there as X, in that language, and as
    X_fr or X_es beside X_en. Loaded once per process and language."""
    return _load(str(Path(data_dir or DATA_DIR).resolve()), i18n.check_language(lang or i18n.language()))
