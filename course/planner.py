"""The engagement planner: from a description of an NPM to a ranked, dated list of engagement opportunities.

Everything comes from data/: which cycles apply (the system of the body that runs them), which opportunities
the NPM may take (`who`), which of its priorities they serve (`themes`), what they cost (`effort_days`) and when
they fall (the stage's `anchor_id` + `offset` `offset_unit`). The ranking is deliberately simple so that every
row can say in words why it sits where it does.

    profile = NPMProfile(region="europe", systems=("coe",), nhri=True, nhri_grade="A",
                         themes=("police_custody",), staff_days=30, dates={"cat_review": "2027-11-09"})
    plan = make_plan(profile, today=date(2026, 9, 1))
    plan.to_csv("plan.csv"); plan.to_ics("plan.ics")

A profile that is empty or contradicts itself raises PlanError, whose message lists every problem in words.
"""
from __future__ import annotations

import csv
import functools
import io
import math
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pandas as pd
from dateutil.relativedelta import relativedelta

from . import i18n
from .kb import WHO_LABELS, KnowledgeBase, Labels, Profile, load, offset_words

BASIS_WORDS = Labels(__name__ + ".BASIS_WORDS", {
    "rule": {"en": "rule", "fr": "règle", "es": "norma"},
    "practice": {"en": "usual practice", "fr": "pratique habituelle", "es": "práctica habitual"},
    "estimate": {"en": "estimate", "fr": "estimation", "es": "estimación"},
})
# Every sentence the planner writes, in each language. js/planner.js gets the same strings from rules()["ui"]
# (placeholders in braces), so that the book's plans read exactly as the Python ones.
TEXT = i18n.Text(__name__, {
    # problems with a profile
    "cannot_use": {"en": "The planner cannot use this profile:", "fr": "Le planificateur ne peut pas utiliser ce profil :",
                   "es": "El planificador no puede usar este perfil:"},
    "region_missing": {"en": "Say which region your State is in (one of: {regions}).",
                       "fr": "Indiquez la région de votre État (l'une de : {regions}).",
                       "es": "Indique en qué región está su Estado (una de: {regions})."},
    "region_unknown": {"en": "Unknown region {region}: choose one of {regions}.",
                       "fr": "Région inconnue {region} : choisissez l'une de {regions}.",
                       "es": "Región desconocida {region}: elija una de {regions}."},
    "system_unknown": {"en": "Unknown regional system {system}: choose from {systems}.",
                       "fr": "Système régional inconnu {system} : choisissez parmi {systems}.",
                       "es": "Sistema regional desconocido {system}: elija entre {systems}."},
    "system_region": {"en": "The {system} system does not cover the {region} region: its bodies serve {regions}. "
                            "Untick it or change the region.",
                      "fr": "Le système {system} ne couvre pas la région {region} : ses organes couvrent {regions}. "
                            "Décochez-le ou changez de région.",
                      "es": "El sistema {system} no abarca la región {region}: sus órganos abarcan {regions}. "
                            "Desmárquelo o cambie la región."},
    "grade_unknown": {"en": "Unknown NHRI accreditation grade {grade}: GANHRI grades are A and B (leave it empty if "
                            "the NHRI is not accredited).",
                      "fr": "Statut d'accréditation d'INDH inconnu {grade} : les statuts de la GANHRI sont A et B "
                            "(laissez le champ vide si l'INDH n'est pas accréditée).",
                      "es": "Categoría de acreditación de INDH desconocida {grade}: las categorías de la GANHRI son "
                            "A y B (deje el campo vacío si la INDH no está acreditada)."},
    "grade_not_nhri": {"en": "You gave an NHRI grade ({grade}) but said the NPM is not an NHRI: either tick 'also an "
                             "NHRI' or leave the grade empty.",
                       "fr": "Vous avez indiqué un statut d'INDH ({grade}) mais dit que le MNP n'est pas une INDH : "
                             "cochez « aussi une INDH » ou laissez le statut vide.",
                       "es": "Indicó una categoría de INDH ({grade}) pero dijo que el MNP no es una INDH: marque "
                             "«también una INDH» o deje la categoría vacía."},
    "no_theme": {"en": "Choose at least one thematic priority: the plan ranks openings by how well they serve them.",
                 "fr": "Choisissez au moins une priorité thématique : le plan classe les occasions selon la façon "
                       "dont elles les servent.",
                 "es": "Elija al menos una prioridad temática: el plan ordena las oportunidades según cuánto las "
                       "sirven."},
    "theme_unknown": {"en": "Unknown thematic priority {theme}: see data/themes.csv for the ids.",
                      "fr": "Priorité thématique inconnue {theme} : voir data/themes.csv pour les identifiants.",
                      "es": "Prioridad temática desconocida {theme}: vea los identificadores en data/themes.csv."},
    "days_bad": {"en": "Staff days must be a number above 0 (got {days}): how many days can the NPM give to "
                       "international engagement in the period?",
                 "fr": "Les jours de travail doivent être un nombre supérieur à 0 (reçu : {days}) : combien de jours "
                       "le MNP peut-il consacrer à l'engagement international sur la période ?",
                 "es": "Los días de trabajo deben ser un número mayor que 0 (se recibió {days}): ¿cuántos días puede "
                       "dedicar el MNP a la participación internacional en el período?"},
    "date_unknown": {"en": "Unknown date {anchor}: the dates the planner knows are {anchors}.",
                     "fr": "Date inconnue {anchor} : les dates que le planificateur connaît sont {anchors}.",
                     "es": "Fecha desconocida {anchor}: las fechas que conoce el planificador son {anchors}."},
    "date_bad": {"en": "The date for '{name}' is not a date: {value} (write it as YYYY-MM-DD).",
                 "fr": "La date indiquée pour « {name} » n'est pas une date : {value} (écrivez-la sous la forme "
                       "AAAA-MM-JJ).",
                 "es": "La fecha indicada para «{name}» no es una fecha: {value} (escríbala como AAAA-MM-DD)."},
    "date_not_covered": {"en": "You gave a date for '{name}', but the {acronym} belongs to the {system} system, which "
                               "you did not say covers your State.",
                         "fr": "Vous avez indiqué une date pour « {name} », mais l'organe {acronym} relève du système "
                               "{system}, dont vous n'avez pas dit qu'il couvre votre État.",
                         "es": "Indicó una fecha para «{name}», pero el órgano {acronym} pertenece al sistema "
                               "{system}, que usted no indicó que abarque a su Estado."},
    "empty": {"en": "The profile is empty: describe your NPM first.",
              "fr": "Le profil est vide : décrivez d'abord votre MNP.",
              "es": "El perfil está vacío: describa primero su MNP."},
    # the reasons of the ranking, the first steps and the dates
    "serves": {"en": "serves {n} of your priorities ({names})", "fr": "sert {n} de vos priorités ({names})",
               "es": "sirve a {n} de sus prioridades ({names})"},
    "shapes": {"en": "shapes what the body asks or recommends",
               "fr": "influe sur ce que l'organe demande ou recommande",
               "es": "influye en lo que el órgano pregunta o recomienda"},
    "uses": {"en": "turns the body's findings into pressure at home",
             "fr": "transforme les constats de l'organe en pression dans le pays",
             "es": "convierte las conclusiones del órgano en presión en el país"},
    "costs_one": {"en": "costs about {n} staff day", "fr": "coûte environ {n} jour de travail",
                  "es": "cuesta unos {n} día de trabajo"},
    "costs": {"en": "costs about {n} staff days", "fr": "coûte environ {n} jours de travail",
              "es": "cuesta unos {n} días de trabajo"},
    "note_invitation": {"en": "Only if the body invites you.", "fr": "Seulement si l'organe vous invite.",
                        "es": "Solo si el órgano lo invita."},
    "invitation": {"en": "depends on an invitation", "fr": "dépend d'une invitation", "es": "depende de una invitación"},
    "note_prior": {"en": "Only open if you sent written information earlier in this cycle.",
                   "fr": "Possible seulement si vous avez envoyé des informations écrites plus tôt dans ce cycle.",
                   "es": "Solo es posible si envió información por escrito antes en este ciclo."},
    "note_ecosoc": {"en": "As your NPM is not an accredited NHRI, go through an NGO with ECOSOC status.",
                    "fr": "Votre MNP n'étant pas une INDH accréditée, passez par une ONG dotée du statut consultatif "
                          "auprès de l'ECOSOC.",
                    "es": "Como su MNP no es una INDH acreditada, actúe por medio de una ONG reconocida como entidad "
                          "consultiva del ECOSOC."},
    "partner": {"en": "needs a partner NGO with ECOSOC status",
                "fr": "nécessite une ONG partenaire dotée du statut consultatif auprès de l'ECOSOC",
                "es": "requiere una ONG asociada reconocida como entidad consultiva del ECOSOC"},
    "estimate": {"en": "date is our estimate", "fr": "la date est notre estimation", "es": "la fecha es nuestra estimación"},
    "needs_earlier": {"en": "needs written information sent earlier, which this plan cannot include",
                      "fr": "nécessite des informations écrites envoyées plus tôt, que ce plan ne peut pas inclure",
                      "es": "requiere información por escrito enviada antes, que este plan no puede incluir"},
    "brings_in": {"en": "brings in '{name}', which it needs", "fr": "entraîne « {name} », dont elle a besoin",
                  "es": "incluye «{name}», que necesita"},
    "needed_for": {"en": "needed for '{name}'", "fr": "nécessaire pour « {name} »", "es": "necesaria para «{name}»"},
    "beyond_with": {"en": "beyond your staff-day budget (with what it needs): keep it in reserve",
                    "fr": "au-delà de votre budget de jours de travail (avec ce dont elle a besoin) : gardez-la en "
                          "réserve",
                    "es": "supera su presupuesto de días de trabajo (con lo que necesita): guárdela en reserva"},
    "beyond": {"en": "beyond your staff-day budget: keep it in reserve",
               "fr": "au-delà de votre budget de jours de travail : gardez-la en réserve",
               "es": "supera su presupuesto de días de trabajo: guárdela en reserva"},
    "sep": {"en": "; ", "fr": " ; ", "es": "; "},  # between the reasons of a rank
    "reason": {"en": "Rank {rank}: {why}.", "fr": "Rang {rank} : {why}.", "es": "Puesto {rank}: {why}."},
    "confirm": {"en": "Confirm the date on the {acronym}'s own calendar: {url}",
                "fr": "Vérifiez la date dans le calendrier de l'organe ({acronym}) : {url}",
                "es": "Confirme la fecha en el calendario del propio órgano ({acronym}): {url}"},
    "date_basis": {"en": "{basis}: {when}", "fr": "{basis} : {when}", "es": "{basis}: {when}"},
    # the calendar file
    "ics_name": {"en": "NPM engagement plan", "fr": "Plan d'engagement du MNP", "es": "Plan de participación del MNP"},
    "ics_description": {"en": "Stage: {stage}. Date: {basis}.\nWhy: {reason}\nFirst steps: {steps}",
                        "fr": "Étape : {stage}. Date : {basis}.\nPourquoi : {reason}\nPremières démarches : {steps}",
                        "es": "Etapa: {stage}. Fecha: {basis}.\nPor qué: {reason}\nPrimeros pasos: {steps}"},
})
# The words of the plan as a page shows it (course/widgets/planner_widget.py in a kernel, js/planner.js in the
# book), and the messages of the book's form.
UI = i18n.Text(__name__ + ".UI", {
    "your_plan": {"en": "Your plan", "fr": "Votre plan", "es": "Su plan"},
    "col_opportunity": {"en": "Opportunity", "fr": "Occasion", "es": "Oportunidad"},
    "col_rank": {"en": "Rank", "fr": "Rang", "es": "Puesto"},
    "col_date": {"en": "Date", "fr": "Date", "es": "Fecha"},
    "col_body": {"en": "Body", "fr": "Organe", "es": "Órgano"},
    "col_stage": {"en": "Stage", "fr": "Étape", "es": "Etapa"},
    "col_days": {"en": "Staff days", "fr": "Jours de travail", "es": "Días de trabajo"},
    "col_why": {"en": "Why it ranks here", "fr": "Pourquoi ce rang", "es": "Por qué este puesto"},
    "col_steps": {"en": "First steps", "fr": "Premières démarches", "es": "Primeros pasos"},
    "who_may": {"en": "Who may: {who}", "fr": "Qui peut le faire : {who}", "es": "Quién puede: {who}"},
    "in_plan": {"en": "{rank}, in the plan", "fr": "{rank}, dans le plan", "es": "{rank}, en el plan"},
    "in_reserve": {"en": "{rank}, in reserve", "fr": "{rank}, en réserve", "es": "{rank}, en reserva"},
    "caption": {"en": "Ranked engagement opportunities, best first",
                "fr": "Occasions d'engagement classées, la meilleure d'abord",
                "es": "Oportunidades de participación ordenadas, la mejor primero"},
    "nothing": {"en": "No dated opening fits this profile yet. Add a known date, or widen the priorities.",
                "fr": "Aucune occasion datée ne correspond encore à ce profil. Ajoutez une date connue ou élargissez "
                      "les priorités.",
                "es": "Todavía ninguna oportunidad con fecha corresponde a este perfil. Añada una fecha conocida o "
                      "amplíe las prioridades."},
    "days_planned": {"en": "{used} of {budget} staff days planned.",
                     "fr": "{used} jours de travail prévus sur {budget}.",
                     "es": "{used} de {budget} días de trabajo previstos."},
    "passed": {"en": "{n} opening(s) that fit were left out because their date has passed.",
               "fr": "{n} occasion(s) adaptée(s) écartée(s) parce que leur date est passée.",
               "es": "{n} oportunidad(es) adecuada(s) se dejaron fuera porque su fecha ya pasó."},
    "off_priority": {"en": "{n} opening(s) were left out because they serve none of the chosen priorities.",
                     "fr": "{n} occasion(s) écartée(s) parce qu'elles ne servent aucune des priorités choisies.",
                     "es": "{n} oportunidad(es) se dejaron fuera porque no sirven a ninguna de las prioridades "
                           "elegidas."},
    "dates_note": {"en": "Dates count from the dates given; most offsets are estimates, so confirm each on the "
                         "body's calendar.",
                   "fr": "Les dates sont calculées à partir des dates indiquées ; la plupart des écarts sont des "
                         "estimations : vérifiez chacune dans le calendrier de l'organe.",
                   "es": "Las fechas se calculan a partir de las fechas indicadas; la mayoría de los intervalos son "
                         "estimaciones, así que confirme cada una en el calendario del órgano."},
    "undated": {"en": "Also open to this NPM once it knows a date:",
                "fr": "Également ouvert à ce MNP dès qu'il connaîtra une date :",
                "es": "También abierto a este MNP en cuanto conozca una fecha:"},
    "fix_first": {"en": "Please fix the profile first:", "fr": "Corrigez d'abord le profil :",
                  "es": "Corrija primero el perfil:"},
    "save": {"en": "Save this plan:", "fr": "Enregistrer ce plan :", "es": "Guardar este plan:"},
    "as_csv": {"en": "as a spreadsheet (CSV)", "fr": "comme tableur (CSV)", "es": "como hoja de cálculo (CSV)"},
    "as_ics": {"en": "as calendar events (.ics, for Outlook, Google or Apple calendars)",
               "fr": "comme événements d'agenda (.ics, pour les agendas Outlook, Google ou Apple)",
               "es": "como eventos de calendario (.ics, para los calendarios de Outlook, Google o Apple)"},
    "file_stem": {"en": "my-engagement-plan", "fr": "mon-plan-d-engagement", "es": "mi-plan-de-participacion"},
    # the book's checks (the form offers only known values)
    "js_region": {"en": "Say which region your State is in.", "fr": "Indiquez la région de votre État.",
                  "es": "Indique en qué región está su Estado."},
    "js_system": {"en": "A regional system you ticked does not cover the region you chose: untick it or change the "
                        "region.",
                  "fr": "Un système régional que vous avez coché ne couvre pas la région choisie : décochez-le ou "
                        "changez de région.",
                  "es": "Un sistema regional que marcó no abarca la región elegida: desmárquelo o cambie la región."},
    "js_days": {"en": "Staff days must be a number above 0: how many days can the NPM give to international "
                      "engagement?",
                "fr": "Les jours de travail doivent être un nombre supérieur à 0 : combien de jours le MNP peut-il "
                      "consacrer à l'engagement international ?",
                "es": "Los días de trabajo deben ser un número mayor que 0: ¿cuántos días puede dedicar el MNP a la "
                      "participación internacional?"},
    "js_date": {"en": "The date for '{name}' is not a date.", "fr": "La date indiquée pour « {name} » n'est pas une "
                                                                    "date.",
                "es": "La fecha indicada para «{name}» no es una fecha."},
    # a date in words: {day} {month} {year}; the first of the month (1er in French)
    "long_date": {"en": "{day} {month} {year}", "fr": "{day} {month} {year}", "es": "{day} de {month} de {year}"},
    "first_day": {"en": "1", "fr": "1er", "es": "1"},
})

GRADES = ("A", "B")
GLOBAL_SYSTEMS = ("un",)  # systems that cover every State, whatever its region
NOT_A_SYSTEM = ("network",)  # networks are joined, not "covering" a State

# Actions that shape what a body asks, finds or recommends: the points of greatest leverage.
SHAPING = {"written_submission", "private_briefing", "suggest_recommendations", "brief_mandate_holder",
           "meet_delegation", "hearing", "speak", "amicus_brief", "request_precautionary_measures",
           "contribute_standards", "input_general_comment"}
# Actions that turn a body's findings into change at home, usually cheaply.
USING = {"reference_in_reports", "public_communication", "follow_up_report", "follow_up_visit"}

ACTION_LABELS = Labels(__name__ + ".ACTION_LABELS", {
    "written_submission": {"en": "written submission", "fr": "contribution écrite", "es": "contribución escrita"},
    "private_briefing": {"en": "private briefing", "fr": "réunion d'information privée", "es": "sesión informativa privada"},
    "attend": {"en": "attending", "fr": "présence", "es": "asistencia"},
    "speak": {"en": "speaking", "fr": "prise de parole", "es": "intervención oral"},
    "bilateral_meeting": {"en": "bilateral meeting", "fr": "réunion bilatérale", "es": "reunión bilateral"},
    "side_event": {"en": "side event", "fr": "manifestation parallèle", "es": "evento paralelo"},
    "suggest_recommendations": {"en": "suggesting recommendations", "fr": "suggestion de recommandations",
                                "es": "sugerencia de recomendaciones"},
    "national_consultation": {"en": "national consultation", "fr": "consultation nationale", "es": "consulta nacional"},
    "advocate_invitation": {"en": "urging an invitation", "fr": "plaidoyer pour une invitation",
                            "es": "promoción de una invitación"},
    "brief_mandate_holder": {"en": "briefing a mandate holder", "fr": "information d'un titulaire de mandat",
                             "es": "información a un titular de mandato"},
    "brief_others": {"en": "briefing others", "fr": "information d'autres acteurs", "es": "información a otros actores"},
    "meet_delegation": {"en": "meeting a delegation", "fr": "rencontre avec une délégation",
                        "es": "reunión con una delegación"},
    "debriefing": {"en": "end-of-visit talks", "fr": "entretiens de fin de visite", "es": "conversaciones al final de la visita"},
    "follow_up_visit": {"en": "follow-up visit", "fr": "visite de suivi", "es": "visita de seguimiento"},
    "follow_up_report": {"en": "follow-up report", "fr": "rapport de suivi", "es": "informe de seguimiento"},
    "public_communication": {"en": "public communication", "fr": "communication publique", "es": "comunicación pública"},
    "reference_in_reports": {"en": "citing findings in NPM reports", "fr": "citation des constats dans les rapports du MNP",
                             "es": "cita de las conclusiones en los informes del MNP"},
    "amicus_brief": {"en": "amicus curiae or third-party brief", "fr": "mémoire d'amicus curiae ou de tiers intervenant",
                     "es": "escrito de amicus curiae o de tercero interviniente"},
    "hearing": {"en": "hearing", "fr": "audience", "es": "audiencia"},
    "request_precautionary_measures": {"en": "requesting precautionary measures",
                                       "fr": "demande de mesures conservatoires",
                                       "es": "solicitud de medidas cautelares"},
    "contribute_standards": {"en": "contributing to standards", "fr": "contribution aux normes",
                             "es": "contribución a las normas"},
    "input_general_comment": {"en": "input to a general comment", "fr": "contribution à une observation générale",
                              "es": "aporte a una observación general"},
})

# Regions and systems in words (the widgets' labels too: course.widgets.views.label).
SYSTEM_NAMES = Labels(__name__ + ".SYSTEM_NAMES", {
    "un": {"en": "United Nations", "fr": "Nations Unies", "es": "Naciones Unidas"},
    "coe": {"en": "Council of Europe", "fr": "Conseil de l'Europe", "es": "Consejo de Europa"},
    "oas": {"en": "Organization of American States", "fr": "Organisation des États américains",
            "es": "Organización de los Estados Americanos"},
    "au": {"en": "African Union", "fr": "Union africaine", "es": "Unión Africana"},
    "network": {"en": "Networks of oversight bodies", "fr": "Réseaux d'organes de contrôle",
                "es": "Redes de órganos de supervisión"},
})
REGION_NAMES = Labels(__name__ + ".REGION_NAMES", {
    "global": {"en": "global", "fr": "monde entier", "es": "todo el mundo"},
    "africa": {"en": "Africa", "fr": "Afrique", "es": "África"},
    "americas": {"en": "the Americas", "fr": "Amériques", "es": "las Américas"},
    "asia_pacific": {"en": "Asia-Pacific", "fr": "Asie-Pacifique", "es": "Asia-Pacífico"},
    "europe": {"en": "Europe", "fr": "Europe", "es": "Europa"},
})


# The spreadsheet's headings and its in_plan values: the column names themselves in English (as always).
CSV_HEADINGS = Labels(__name__ + ".CSV_HEADINGS", {
    "rank": {"en": "rank", "fr": "Rang", "es": "Puesto"},
    "in_plan": {"en": "in_plan", "fr": "Dans le plan", "es": "En el plan"},
    "date": {"en": "date", "fr": "Date", "es": "Fecha"},
    "date_basis": {"en": "date_basis", "fr": "Calcul de la date", "es": "Cálculo de la fecha"},
    "body": {"en": "body", "fr": "Organe", "es": "Órgano"},
    "cycle": {"en": "cycle", "fr": "Cycle", "es": "Ciclo"},
    "stage": {"en": "stage", "fr": "Étape", "es": "Etapa"},
    "opportunity": {"en": "opportunity", "fr": "Occasion", "es": "Oportunidad"},
    "who_may": {"en": "who_may", "fr": "Qui peut le faire", "es": "Quién puede"},
    "staff_days": {"en": "staff_days", "fr": "Jours de travail", "es": "Días de trabajo"},
    "reason": {"en": "reason", "fr": "Pourquoi ce rang", "es": "Por qué este puesto"},
    "first_steps": {"en": "first_steps", "fr": "Premières démarches", "es": "Primeros pasos"},
})
CSV_VALUES = Labels(__name__ + ".CSV_VALUES", {
    "yes": {"en": "yes", "fr": "oui", "es": "sí"},
    "reserve": {"en": "reserve", "fr": "réserve", "es": "reserva"},
})
CSV_COLUMNS = ["rank", "in_plan", "date", "date_basis", "body", "cycle", "stage", "opportunity", "who_may",
               "staff_days", "reason", "first_steps"]


class PlanError(ValueError):
    """A profile the planner cannot use. `problems` lists each problem as a sentence."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(TEXT("cannot_use") + "\n" + "\n".join(f"- {p}" for p in problems))


@dataclass(frozen=True)
class NPMProfile:
    """What the learner tells the planner about their NPM."""
    region: str | None = None           # a region of data/bodies.csv, other than "global"
    systems: tuple = ()                 # regional systems that cover the State, e.g. ("coe",)
    nhri: bool = False                  # is the NPM also a national human rights institution?
    nhri_grade: str | None = None       # "A" or "B" if it is an accredited NHRI; None otherwise
    themes: tuple = ()                  # ids from data/themes.csv: the NPM's thematic priorities
    staff_days: float | None = None     # staff days the NPM can give to international engagement
    dates: dict = field(default_factory=dict)  # anchor id (data/anchors.csv) -> known date


@dataclass
class Plan:
    profile: NPMProfile
    today: date
    items: pd.DataFrame          # one row per dated opportunity, ranked; columns CSV_COLUMNS + ids
    undated: pd.DataFrame        # cycles open to the NPM for which no date was given
    passed: int                  # opportunities left out because their date is before `today`
    off_priority: int            # opportunities left out because they serve none of the priorities
    days_planned: float

    @property
    def planned(self) -> pd.DataFrame:
        return self.items[self.items["in_plan"] == "yes"]

    def to_csv(self, path: str | Path | None = None) -> str:
        """The ranked list as CSV (UTF-8); written to path when given. Returns the text."""
        out = io.StringIO()
        table = self.items[CSV_COLUMNS].assign(in_plan=self.items["in_plan"].map(lambda v: CSV_VALUES.get(v, v)))
        table = table.rename(columns=dict(CSV_HEADINGS))  # the column names in English, headings in French and Spanish
        table.to_csv(out, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        text = out.getvalue()
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    def to_ics(self, path: str | Path | None = None) -> bytes:
        """The planned items (those within the staff-day budget) as an iCalendar file of all-day events."""
        from icalendar import Calendar, Event

        cal = Calendar()
        cal.add("prodid", "-//NPM engagement course//engagement planner//EN")
        cal.add("version", "2.0")
        cal.add("x-wr-calname", TEXT("ics_name"))
        stamp = datetime.combine(self.today, datetime.min.time(), tzinfo=timezone.utc)
        for row in self.planned.itertuples():
            event = Event()
            event.add("uid", f"{row.opportunity_id}-{row.date}@npm-engagement-course")
            event.add("dtstamp", stamp)
            event.add("dtstart", row.date)
            event.add("dtend", row.date + timedelta(days=1))
            event.add("summary", f"{row.body}: {row.opportunity}")
            event.add("description", TEXT("ics_description", stage=row.stage, basis=row.date_basis, reason=row.reason,
                                          steps=row.first_steps))
            event.add("categories", [row.body])
            cal.add_component(event)
        data = cal.to_ical()
        if path is not None:
            Path(path).write_bytes(data)
        return data


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return date.fromisoformat(str(value).strip())


def regions(kb: KnowledgeBase) -> list[str]:
    return sorted(set(kb["bodies"]["region"]) - {"global"})


def regional_systems(kb: KnowledgeBase) -> dict[str, set[str]]:
    """Each regional system (CoE, OAS, AU ...) with the regions its bodies serve, from data/bodies.csv."""
    bodies = kb["bodies"]
    out: dict[str, set[str]] = {}
    for row in bodies.itertuples():
        if row.system not in GLOBAL_SYSTEMS + NOT_A_SYSTEM:
            out.setdefault(row.system, set()).add(row.region)
    return out


def path_body(kb: KnowledgeBase, path_id: str) -> pd.Series:
    """The body that runs one path of a cycle. paths.csv has no body column, and one cycle (court_amicus) holds
    two courts, so the body whose id is the longest prefix of the path id wins, else the cycle's body."""
    bodies = kb["bodies"].set_index("id")
    hits = [b for b in bodies.index if path_id == b or path_id.startswith(b + "_")]
    if hits:
        return bodies.loc[max(hits, key=len)]
    return bodies.loc[kb.cycle(kb["paths"].set_index("id").at[path_id, "cycle_id"])["body_id"]]


def _open_to(kb: KnowledgeBase, body: pd.Series, systems) -> bool:
    return body["system"] in GLOBAL_SYSTEMS or body["system"] in systems


@functools.lru_cache(maxsize=64)
def anchor_bodies(kb: KnowledgeBase, anchor_id: str) -> list[pd.Series]:
    """The bodies whose paths count from this anchor."""
    stages = kb["stages"][kb["stages"]["anchor_id"] == anchor_id]
    path_ids = sorted({p for ps in stages["path_ids"] for p in ps})
    owners = _path_owners(kb)
    seen, out = set(), []
    for p in path_ids:
        b = owners[p]
        if b.name not in seen:
            seen.add(b.name)
            out.append(b)
    return out


def check_profile(profile: NPMProfile, kb: KnowledgeBase | None = None) -> list[str]:
    """Every problem with the profile, as sentences a learner can act on; empty when the profile is usable."""
    kb = kb or load()
    problems = []
    known_regions = regions(kb)
    systems = regional_systems(kb)
    region = (profile.region or "").strip()
    if not region:
        problems.append(TEXT("region_missing", regions=_regions(known_regions)))
    elif region not in known_regions:
        problems.append(TEXT("region_unknown", region=repr(region), regions=_regions(known_regions)))
    for system in profile.systems:
        if system not in systems:
            problems.append(TEXT("system_unknown", system=repr(system), systems=", ".join(sorted(systems))))
        elif region in known_regions and region not in systems[system]:
            problems.append(TEXT("system_region", system=_system(system), region=_regions([region], "-"),
                                 regions=_regions(sorted(systems[system]))))
    grade = profile.nhri_grade.strip().upper() if isinstance(profile.nhri_grade, str) and profile.nhri_grade.strip() else None
    if grade is not None and grade not in GRADES:
        problems.append(TEXT("grade_unknown", grade=repr(profile.nhri_grade)))
    elif grade is not None and not profile.nhri:
        problems.append(TEXT("grade_not_nhri", grade=grade))
    themes = set(kb["themes"]["id"])
    if not profile.themes:
        problems.append(TEXT("no_theme"))
    for theme in profile.themes:
        if theme not in themes:
            problems.append(TEXT("theme_unknown", theme=repr(theme)))
    days = profile.staff_days
    try:
        days_ok = days is not None and not isinstance(days, bool) and float(days) > 0 and math.isfinite(float(days))
    except (TypeError, ValueError):
        days_ok = False
    if not days_ok:
        problems.append(TEXT("days_bad", days=repr(days)))
    anchors = kb["anchors"].set_index("id")
    for anchor_id, value in (profile.dates or {}).items():
        if anchor_id not in anchors.index:
            problems.append(TEXT("date_unknown", anchor=repr(anchor_id), anchors=", ".join(anchors.index)))
            continue
        try:
            _as_date(value)
        except (TypeError, ValueError):
            problems.append(TEXT("date_bad", name=anchors.at[anchor_id, "name"], value=repr(value)))
            continue
        owners = anchor_bodies(kb, anchor_id)
        if owners and not any(_open_to(kb, b, profile.systems) for b in owners):
            b = owners[0]
            problems.append(TEXT("date_not_covered", name=anchors.at[anchor_id, "name"], acronym=b["acronym"],
                                 system=_system(b["system"])))
    if not profile.region and not profile.systems and not profile.themes and not profile.dates and days is None:
        problems.insert(0, TEXT("empty"))
    return problems


def _regions(codes, dash: str | None = None) -> str:
    """Regions as a problem names them: their codes in English, as always; their names in French and Spanish."""
    if i18n.language() == "en":
        return ", ".join(c.replace("_", dash) if dash else c for c in codes)
    return ", ".join(REGION_NAMES.get(c, c) for c in codes)


def _system(code: str) -> str:
    """A system as a problem names it: COE in English, as always; its name in French and Spanish."""
    return code.upper() if i18n.language() == "en" else SYSTEM_NAMES.get(code, code.upper())


def stage_date(anchor_date: date, offset: int, unit: str) -> date:
    """The date of a stage: its anchor's date moved by the stage's offset (calendar months and years)."""
    return anchor_date + relativedelta(**{unit: int(offset)})


def _first_steps(o, stage, body, who_note: str) -> str:
    steps = [o.description.rstrip(".") + "."]
    if o.conditions:
        steps.append(o.conditions.rstrip(".") + ".")
    if who_note:
        steps.append(who_note)
    if stage.timing_basis != "rule":
        steps.append(TEXT("confirm", acronym=body["acronym"], url=body["url"]))
    return " ".join(steps)


ITEM_COLUMNS = ["opportunity_id", "stage_id", "cycle_id", "who", "action", "score", "date", "date_basis", "body",
                "cycle", "stage", "opportunity", "who_may", "staff_days", "reason", "why", "first_steps"]


def make_plan(profile: NPMProfile, today: date | None = None, kb: KnowledgeBase | None = None) -> Plan:
    """Rank the opportunities open to the NPM. Raises PlanError (never anything else) for an unusable profile.

    Four steps: gather the dated openings that fit (candidates), score each (score), sort, then fill the staff-day
    budget from the top (fit_budget). The book's planner (js/planner.js) follows the same steps on rules()."""
    kb = kb or load()
    problems = check_profile(profile, kb)
    if problems:
        raise PlanError(problems)
    today = today or date.today()
    rows, undated, passed, off_priority = candidates(kb, profile, today)
    items = pd.DataFrame(rows, columns=ITEM_COLUMNS)
    items = items.sort_values(["score", "date", "opportunity_id"], ascending=[False, True, True]).reset_index(drop=True)
    status, used = fit_budget(items, float(profile.staff_days))
    items["in_plan"] = [status[i] for i in items.index]
    items.insert(0, "rank", range(1, len(items) + 1))
    items["reason"] = [TEXT("reason", rank=r, why=TEXT("sep").join(w)) for r, w in zip(items["rank"], items["why"])]
    return Plan(profile=profile, today=today, items=items.drop(columns=["why"]),
                undated=pd.DataFrame(undated, columns=["body", "cycle", "question"]),
                passed=passed, off_priority=off_priority, days_planned=used)


def nhri_grade(profile: NPMProfile) -> str | None:
    return profile.nhri_grade.strip().upper() if profile.nhri and profile.nhri_grade else None


def candidates(kb: KnowledgeBase, profile: NPMProfile, today: date) -> tuple[list[dict], list[dict], int, int]:
    """The dated openings open to the NPM that serve a priority and have not passed, each scored (rows); the
    cycles it could use but gave no date for (undated); and how many openings were left out as passed or as
    serving no priority."""
    grade = nhri_grade(profile)
    access = Profile(nhri_grade=grade)
    wanted = set(profile.themes)
    theme_names = dict(zip(kb["themes"]["id"], kb["themes"]["name"]))
    anchors = kb["anchors"].set_index("id")
    paths = kb["paths"].set_index("id")
    dates = {k: _as_date(v) for k, v in (profile.dates or {}).items() if _as_date(v) is not None}
    openings = _openings_by_stage(kb)
    owners = _path_owners(kb)
    rows, undated, passed, off_priority = [], [], 0, 0
    for cycle, path_ids, cycle_stages, cycle_anchors in _cycles(kb):
        owner = {p: owners[p] for p in path_ids}
        open_paths = {p for p, b in owner.items() if _open_to(kb, b, profile.systems)}
        if not open_paths:
            continue
        stages = [st for st in cycle_stages if open_paths & set(st.path_ids)]
        needed = [a for a in cycle_anchors if a in {st.anchor_id for st in stages}]
        if not any(a in dates for a in needed):
            undated.append({"body": owner[sorted(open_paths)[0]]["acronym"], "cycle": cycle.name,
                            "question": " / ".join(anchors.at[a, "question"] for a in needed)})
            continue
        for stage in stages:
            if stage.anchor_id not in dates:
                continue
            when = stage_date(dates[stage.anchor_id], stage.offset, stage.offset_unit)
            body = owner[next(p for p in stage.path_ids if p in open_paths)]
            only = ""
            if len(stage.path_ids) < len(open_paths):
                only = " (" + ", ".join(paths.at[p, "name"] for p in stage.path_ids if p in open_paths) + ")"
            for o in openings.get(stage.id, []):
                if not access.may(o.who):
                    continue
                served = [t for t in o.themes if t in wanted]
                if not served:
                    off_priority += 1
                    continue
                if when < today:
                    passed += 1
                    continue
                value, why, who_note = score(o, [theme_names[t] for t in served], grade, stage.timing_basis)
                rows.append({
                    "opportunity_id": o.id, "stage_id": stage.id, "cycle_id": cycle.id, "who": o.who,
                    "action": o.action, "score": value, "date": when,
                    "date_basis": _when(stage, anchors.at[stage.anchor_id, "name"])
                                  + f" ({dates[stage.anchor_id].isoformat()})",
                    "body": body["acronym"], "cycle": cycle.name, "stage": f"{stage.name}{only}",
                    "opportunity": o.name, "who_may": WHO_LABELS[o.who], "staff_days": float(o.effort_days),
                    "reason": "", "why": why, "first_steps": _first_steps(o, stage, body, who_note)})
    return rows, undated, passed, off_priority


def _when(stage, anchor_name: str) -> str:
    """'estimate: 3 months before the Dialogue with CAT': how sure the date is, and how it is counted."""
    return TEXT("date_basis", basis=BASIS_WORDS[stage.timing_basis],
                when=offset_words(stage.offset, stage.offset_unit, anchor_name))


def _num(value: float) -> str:
    """3 rather than 3.0, 0.5 (0,5 in French and Spanish): as js/planner.js writes it."""
    text = f"{value:g}"
    return text if i18n.language() == "en" else text.replace(".", ",")


@functools.lru_cache(maxsize=4)
def _openings_by_stage(kb: KnowledgeBase) -> dict[str, list]:
    """Each stage's opportunities in table order (the knowledge base is read-only, so this is computed once)."""
    out: dict[str, list] = {}
    for o in kb["opportunities"].itertuples():
        out.setdefault(o.stage_id, []).append(o)
    return out


@functools.lru_cache(maxsize=4)
def _cycles(kb: KnowledgeBase) -> list[tuple]:
    """Each cycle with the ids of its paths, its stages in order and the ids of its anchors."""
    return [(cycle, list(kb.paths(cycle.id)["id"]), list(kb.stages(cycle.id).itertuples()),
             list(kb.anchors(cycle.id)["id"])) for cycle in kb["cycles"].itertuples()]


@functools.lru_cache(maxsize=4)
def _path_owners(kb: KnowledgeBase) -> dict[str, pd.Series]:
    return {p: path_body(kb, p) for p in kb["paths"]["id"]}


def score(o, served: list[str], grade: str | None, timing_basis: str) -> tuple[float, list[str], str]:
    """An opening's score, the reasons for it in words, and a note on who may take it up (for the first steps).

    served: the names of the NPM's priorities it serves. Priorities count most; shaping what a body asks or
    recommends, then using its findings, count next; cost, invitations and partners count against."""
    value, why, who_note = 0.0, [], ""
    value += 3 * len(served)
    why.append(TEXT("serves", n=len(served), names=", ".join(served)))
    if o.action in SHAPING:
        value += 2
        why.append(TEXT("shapes"))
    elif o.action in USING:
        value += 1
        why.append(TEXT("uses"))
    value -= 0.3 * o.effort_days
    why.append(TEXT("costs" if o.effort_days != 1 else "costs_one", n=_num(o.effort_days)))
    if o.who == "on_invitation":
        value -= 1
        who_note = TEXT("note_invitation")
        why.append(TEXT("invitation"))
    elif o.who == "prior_submitter":
        who_note = TEXT("note_prior")
    elif o.who == "ecosoc_or_nhri" and grade is None:
        value -= 1
        who_note = TEXT("note_ecosoc")
        why.append(TEXT("partner"))
    if timing_basis == "estimate":
        why.append(TEXT("estimate"))
    return round(value, 2), why, who_note


def fit_budget(items: pd.DataFrame, budget: float) -> tuple[dict[int, str], float]:
    """Walk the ranked items from the top, putting each in the plan ("yes") while the staff days last, else in
    reserve. An opening open only to those who sent written information earlier pulls that submission in with it,
    or stays out. Adds the reasons to items["why"]; returns the status of each row and the days used."""
    used, status = 0.0, {}
    for i, row in items.iterrows():
        if i in status:  # already pulled in by a later-ranked opening that needed it
            continue
        needs = []
        if row["who"] == "prior_submitter":
            earlier = items[(items["cycle_id"] == row["cycle_id"]) & (items["action"] == "written_submission")
                            & (items["who"] != "prior_submitter") & (items["date"] <= row["date"])]
            if not any(status.get(j) == "yes" for j in earlier.index):
                needs = list(earlier.index[:1])
                if not needs:
                    status[i] = "reserve"
                    row["why"].append(TEXT("needs_earlier"))
                    continue
        cost = row["staff_days"] + sum(items.at[j, "staff_days"] for j in needs)
        if used + cost <= budget:
            used += cost
            status[i] = "yes"
            for j in needs:
                status[j] = "yes"
                row["why"].append(TEXT("brings_in", name=items.at[j, "opportunity"]))
                items.at[j, "why"].append(TEXT("needed_for", name=row["opportunity"]))
        else:
            status[i] = "reserve"
            row["why"].append(TEXT("beyond_with") if needs else TEXT("beyond"))
    return status, used


@contextmanager
def speaking(lang: str):
    """Run the enclosed code in LANG, then go back to the language in use before."""
    before = i18n.language()
    i18n.use(lang)
    try:
        yield
    finally:
        i18n.use(before)


def rules(kb: KnowledgeBase | str | None = None, lang: str | None = None) -> dict:
    """Everything the book's planner (js/planner.js) needs to rank openings as make_plan does, from data/, as
    plain JSON-ready data in LANG (default: the language in use): the build writes it to one file per edition.
    rules["ui"] holds every sentence the script shows or writes, in that language; kb, when given, must be
    loaded in that language (course.kb.load(lang=LANG))."""
    if isinstance(kb, str):  # rules("fr")
        kb, lang = None, kb
    lang = i18n.check_language(lang or i18n.language())
    with speaking(lang):
        return _rules(kb or load(lang=lang), lang)


def _rules(kb: KnowledgeBase, lang: str) -> dict:
    anchors = kb["anchors"].set_index("id")
    bodies = {}
    cycles = []
    for cycle in kb["cycles"].itertuples():
        paths = []
        for p in kb.paths(cycle.id).itertuples():
            b = path_body(kb, p.id)
            bodies[b.name] = {"acronym": b["acronym"], "system": b["system"], "url": b["url"]}
            paths.append({"id": p.id, "name": p.name, "body": b.name})
        stages = []
        for st in kb.stages(cycle.id).itertuples():
            stages.append({
                "id": st.id, "name": st.name, "paths": list(st.path_ids), "anchor": st.anchor_id,
                "offset": int(st.offset), "unit": st.offset_unit, "basis": st.timing_basis,
                "when": _when(st, anchors.at[st.anchor_id, "name"]),
                "openings": [{"id": o.id, "name": o.name, "who": o.who, "action": o.action,
                              "themes": list(o.themes), "days": float(o.effort_days),
                              "description": o.description, "conditions": o.conditions}
                             for o in kb.opportunities(stage_id=st.id).itertuples()]})
        cycles.append({"id": cycle.id, "name": cycle.name, "paths": paths, "stages": stages,
                       "anchors": list(kb.anchors(cycle.id)["id"])})
    ui = {key: TEXT(key) for key in TEXT.strings} | {key: UI(key) for key in UI.strings}
    ui["months"] = i18n.MONTHS[lang]
    ui["csv_headings"] = [CSV_HEADINGS[c] for c in CSV_COLUMNS]
    ui["csv_values"] = CSV_VALUES.words(lang)
    ui["decimal"] = "." if lang == "en" else ","
    ui["colon"] = "\u00a0:" if lang == "fr" else ":"
    return {
        "lang": lang,
        "themes": dict(zip(kb["themes"]["id"], kb["themes"]["name"])),
        "anchors": {a.id: {"name": a.name, "question": a.question, "cycle": a.cycle_id}
                    for a in kb["anchors"].itertuples()},
        "bodies": bodies, "cycles": cycles,
        "regions": regions(kb),
        "systems": {s: sorted(r) for s, r in sorted(regional_systems(kb).items())},
        "global_systems": list(GLOBAL_SYSTEMS),
        "who": WHO_LABELS.words(lang), "shaping": sorted(SHAPING), "using": sorted(USING),
        "ui": ui,
    }


def plan_or_message(profile: NPMProfile, today: date | None = None,
                    kb: KnowledgeBase | None = None) -> tuple[Plan | None, str]:
    """(plan, "") or (None, message): for widgets, which must show a message, never a traceback."""
    try:
        return make_plan(profile, today=today, kb=kb), ""
    except PlanError as error:
        return None, str(error)


# Two contrasting NPMs for the static book. Their dates are invented for the example.
EXAMPLE_TODAY = date(2026, 9, 1)
EXAMPLES = {
    "A European NPM that is also an A-status NHRI": NPMProfile(
        region="europe", systems=("coe",), nhri=True, nhri_grade="A",
        themes=("npm_mandate", "police_custody", "immigration"), staff_days=30,
        dates={"cat_review": "2027-11-09", "cpt_visit_start": "2027-03-08"}),
    "A specialised Latin American NPM that is not an NHRI": NPMProfile(
        region="americas", systems=("oas",), nhri=False, nhri_grade=None,
        themes=("prisons", "conditions", "reprisals"), staff_days=12,
        dates={"iachr_visit_start": "2027-02-15"}),
}
# The examples' titles in each language (EXAMPLES is keyed by the English one).
EXAMPLE_TITLES = Labels(__name__ + ".EXAMPLE_TITLES", {
    "A European NPM that is also an A-status NHRI": {
        "en": "A European NPM that is also an A-status NHRI",
        "fr": "Un MNP européen qui est aussi une INDH de statut A",
        "es": "Un MNP europeo que también es una INDH de categoría A"},
    "A specialised Latin American NPM that is not an NHRI": {
        "en": "A specialised Latin American NPM that is not an NHRI",
        "fr": "Un MNP spécialisé d'Amérique latine qui n'est pas une INDH",
        "es": "Un MNP especializado de América Latina que no es una INDH"},
})
