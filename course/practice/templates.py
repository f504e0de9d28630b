"""The templates to take to work, generated at `make book` into _generated/templates (copied beside the book's
pages), and the start page's table of computed times. Each template has one source: the outline below.

A template is an outline of headings, each with a short prompt in square brackets for the writer to replace.
Nothing here is committed: generated files live only in _generated/."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .. import i18n
from ..errors import UserError
from ..kb import load
from ..paths import ROOT
from . import STATUS_LABELS
from .times import module_minutes, quiz_minutes

GENERATED = ROOT / "_generated"
TEMPLATE_DIR = GENERATED / "templates"
TIMES_TABLE = GENERATED / "module_times.md"
TEMPLATES_FOLDER = "templates"  # under the generated folder of each edition
TIMES_FILE = "module_times.md"

# UPR format rules, as OHCHR's third-cycle guidelines set them (sources in data/sources.csv:
# upr_info_stakeholder_guidelines_c3, ohchr_upr_technical_guide_2008).
def upr_rules(lang: str | None = None) -> list[str]:
    lang = lang or i18n.language()
    one, joint = i18n.number(2815, lang=lang), i18n.number(5630, lang=lang)
    return {
        "en": [f"At most {one} words for a submission by one stakeholder, {joint} words for a joint submission "
               "(OHCHR's guidelines for the third cycle); endnotes are for references only.",
               "Send it by the deadline OHCHR sets, about six months before the review; English, French or Spanish "
               "are preferred; send a Word document, not a PDF.",
               "In a joint submission, put the names of all the submitting institutions at the start of the text.",
               "Check the current guidelines on OHCHR's UPR page before you send: the rules can change between "
               "cycles."],
        "fr": [f"{one} mots au plus pour la contribution d'une seule partie prenante, {joint} mots pour une "
               "contribution conjointe (lignes directrices du HCDH pour le troisième cycle) ; les notes de fin "
               "servent uniquement aux références.",
               "Envoyez-la avant la date limite fixée par le HCDH, environ six mois avant l'examen ; l'anglais, le "
               "français ou l'espagnol sont préférés ; envoyez un document Word, pas un PDF.",
               "Dans une contribution conjointe, indiquez le nom de toutes les institutions qui la soumettent au "
               "début du texte.",
               "Vérifiez les lignes directrices en vigueur sur la page de l'EPU du HCDH avant l'envoi : les règles "
               "peuvent changer d'un cycle à l'autre."],
        "es": [f"Como máximo {one} palabras para la contribución de una sola parte interesada y {joint} palabras "
               "para una contribución conjunta (directrices del ACNUDH para el tercer ciclo); las notas finales son "
               "solo para referencias.",
               "Envíela antes del plazo que fije el ACNUDH, unos seis meses antes del examen; se prefieren el "
               "inglés, el francés o el español; envíe un documento Word, no un PDF.",
               "En una contribución conjunta, indique al comienzo del texto los nombres de todas las instituciones "
               "que la presentan.",
               "Consulte las directrices vigentes en la página del EPU del ACNUDH antes de enviarla: las normas "
               "pueden cambiar de un ciclo a otro."],
    }[lang]


UPR_RULES = upr_rules("en")
REPEAT = {"en": "[Repeat the four parts above]", "fr": "[Reprenez les quatre parties ci-dessus]",
          "es": "[Repita las cuatro partes anteriores]"}
SAME = {"en": "[Same pattern]", "fr": "[Même schéma]", "es": "[Mismo esquema]"}
CONTACT = {"en": "Contact", "fr": "Contact", "es": "Contacto"}

# id -> (file name, {language: (title, opening guidance, [(heading, prompt, level), ...])})
_DOCUMENTS = {
    "cat_submission": ("cat-submission.docx", {
        "en": ("Written submission to the Committee against Torture",
               "For the list of issues prior to reporting (LOIPR) or the list of issues. Keep it short: three to "
               "five problems, each with dated evidence and the questions you want asked. Check the deadline and "
               "format on the session page of the OHCHR website.",
               [("Submitting institution", "[Name of the NPM, its legal basis and mandate, in three lines]", 1),
                ("Summary of main concerns", "[The three to five problems in one sentence each]", 1),
                ("Issue 1", "[Title of the problem]", 1),
                ("Facts and evidence", "[What the NPM found, where and when; figures]", 2),
                ("Articles of the Convention concerned", "[For example Articles 2, 11 and 16]", 2),
                ("Previous recommendations and the State's response",
                 "[CAT's earlier recommendation, with its paragraph; the NPM's own; what the State did]", 2),
                ("Suggested questions for the list of issues", "[One or two precise questions]", 2),
                ("Issue 2", REPEAT["en"], 1),
                ("Issue 3", REPEAT["en"], 1),
                ("The NPM's own mandate, independence and resources",
                 "[Gaps in the law, budget, staff; the question you want asked about the NPM]", 1),
                ("Contact", "[Name, e-mail, telephone]", 1)]),
        "fr": ("Contribution écrite au Comité contre la torture",
               "Pour la liste de points établie avant la soumission du rapport ou la liste de points à "
               "traiter. Restez bref : trois à cinq problèmes, chacun avec des éléments de preuve datés et les "
               "questions que vous souhaitez voir posées. Vérifiez la date limite et le format sur la page de la "
               "session, sur le site du HCDH.",
               [("Institution qui soumet la contribution", "[Nom du MNP, sa base légale et son mandat, en trois "
                                                            "lignes]", 1),
                ("Résumé des principales préoccupations", "[Les trois à cinq problèmes, en une phrase chacun]", 1),
                ("Problème 1", "[Intitulé du problème]", 1),
                ("Faits et éléments de preuve", "[Ce que le MNP a constaté, où et quand ; chiffres]", 2),
                ("Articles de la Convention concernés", "[Par exemple les articles 2, 11 et 16]", 2),
                ("Recommandations antérieures et réponse de l'État",
                 "[La recommandation antérieure du CAT, avec son paragraphe ; celle du MNP ; ce qu'a fait l'État]", 2),
                ("Questions proposées pour la liste de points à traiter", "[Une ou deux questions précises]", 2),
                ("Problème 2", REPEAT["fr"], 1),
                ("Problème 3", REPEAT["fr"], 1),
                ("Le mandat, l'indépendance et les ressources du MNP",
                 "[Lacunes de la loi, budget, personnel ; la question que vous souhaitez voir posée sur le MNP]", 1),
                ("Contact", "[Nom, courriel, téléphone]", 1)]),
        "es": ("Contribución escrita al Comité contra la Tortura",
               "Para la lista de cuestiones previa a la presentación de informes o la lista de cuestiones. Sea "
               "breve: de tres a cinco problemas, cada uno con pruebas fechadas y las preguntas que desea que se "
               "formulen. Consulte el plazo y el formato en la página del período de sesiones, en el sitio web "
               "del ACNUDH.",
               [("Institución que presenta la contribución", "[Nombre del MNP, su base legal y su mandato, en tres "
                                                              "líneas]", 1),
                ("Resumen de las principales preocupaciones", "[Los tres a cinco problemas, en una frase cada uno]", 1),
                ("Problema 1", "[Título del problema]", 1),
                ("Hechos y pruebas", "[Lo que constató el MNP, dónde y cuándo; cifras]", 2),
                ("Artículos de la Convención afectados", "[Por ejemplo, los artículos 2, 11 y 16]", 2),
                ("Recomendaciones anteriores y respuesta del Estado",
                 "[La recomendación anterior del CAT, con su párrafo; la del propio MNP; lo que hizo el Estado]", 2),
                ("Preguntas propuestas para la lista de cuestiones", "[Una o dos preguntas precisas]", 2),
                ("Problema 2", REPEAT["es"], 1),
                ("Problema 3", REPEAT["es"], 1),
                ("Mandato, independencia y recursos del propio MNP",
                 "[Lagunas de la ley, presupuesto, personal; la pregunta que desea que se formule sobre el MNP]", 1),
                ("Contacto", "[Nombre, correo electrónico, teléfono]", 1)]),
    }),
    "briefing_points": ("private-briefing-points.docx", {
        "en": ("Talking points for a private briefing",
               "For a committee's closed meeting with national institutions and NGOs before its dialogue with the "
               "State. Aim for about five minutes: the most important point first.",
               [("Opening: who we are", "[One sentence: the NPM and the visits the points come from]", 1),
                ("Point 1", "[The problem, one figure or date, and what you ask the committee to do]", 1),
                ("Point 2", SAME["en"], 1),
                ("Point 3", SAME["en"], 1),
                ("Point 4", "[Same pattern; an individual case only with the person's informed consent]", 1),
                ("Point 5", "[The NPM's own situation, if it needs the committee's support]", 1),
                ("Closing", "[What you can send after the meeting]", 1),
                ("Likely questions and short answers", "[Two or three]", 1),
                ("Consent check", "[For each person mentioned: consent given, in what form, by whom]", 1)]),
        "fr": ("Points d'intervention pour une réunion d'information privée",
               "Pour la réunion à huis clos d'un comité avec les institutions nationales et les ONG avant son "
               "dialogue avec l'État. Visez environ cinq minutes : le point le plus important d'abord.",
               [("Introduction : qui nous sommes", "[Une phrase : le MNP et les visites dont viennent les points]", 1),
                ("Point 1", "[Le problème, un chiffre ou une date, et ce que vous demandez au comité]", 1),
                ("Point 2", SAME["fr"], 1),
                ("Point 3", SAME["fr"], 1),
                ("Point 4", "[Même schéma ; un cas individuel seulement avec le consentement éclairé de la "
                            "personne]", 1),
                ("Point 5", "[La situation du MNP lui-même, s'il a besoin du soutien du comité]", 1),
                ("Conclusion", "[Ce que vous pouvez envoyer après la réunion]", 1),
                ("Questions probables et réponses courtes", "[Deux ou trois]", 1),
                ("Vérification du consentement", "[Pour chaque personne mentionnée : consentement donné, sous quelle "
                                                 "forme, par qui]", 1)]),
        "es": ("Puntos de intervención para una sesión informativa privada",
               "Para la reunión privada de un comité con las instituciones nacionales y las ONG antes de su diálogo "
               "con el Estado. Calcule unos cinco minutos: el punto más importante primero.",
               [("Apertura: quiénes somos", "[Una frase: el MNP y las visitas de las que salen los puntos]", 1),
                ("Punto 1", "[El problema, una cifra o fecha, y lo que pide al comité]", 1),
                ("Punto 2", SAME["es"], 1),
                ("Punto 3", SAME["es"], 1),
                ("Punto 4", "[Mismo esquema; un caso individual solo con el consentimiento informado de la "
                            "persona]", 1),
                ("Punto 5", "[La situación del propio MNP, si necesita el apoyo del comité]", 1),
                ("Cierre", "[Lo que puede enviar después de la reunión]", 1),
                ("Preguntas probables y respuestas breves", "[Dos o tres]", 1),
                ("Comprobación del consentimiento", "[Para cada persona mencionada: consentimiento dado, en qué "
                                                    "forma, por quién]", 1)]),
    }),
    "upr_submission": ("upr-stakeholder-submission.docx", {
        "en": ("UPR stakeholder submission", "Format rules to respect: ",
               [("Submitting stakeholder(s)", "[Names of all submitting institutions; State under review; session "
                                              "of the UPR Working Group]", 1),
                ("Executive summary and key words", "[The main points in a few lines; key words such as police "
                                                    "custody, overcrowding]", 1),
                ("Follow-up to the previous review",
                 "[For each recommendation on detention or the NPM: its text and number, whether the State "
                 "supported or noted it, and what has been done, with evidence]", 1),
                ("New developments since the previous review", "[Facts from the NPM's visits, with dates]", 1),
                ("Recommendations", "[Specific, measurable recommendations with a date, that a State can read out "
                                    "in the dialogue]", 1),
                ("Endnotes", "[References only: the NPM's reports, with dates and links]", 1)]),
        "fr": ("Contribution de partie prenante à l'EPU", "Règles de forme à respecter : ",
               [("Partie(s) prenante(s) qui soumet(tent) la contribution",
                 "[Noms de toutes les institutions qui la soumettent ; État examiné ; session du Groupe de travail "
                 "sur l'EPU]", 1),
                ("Résumé et mots clés", "[Les points principaux en quelques lignes ; des mots clés tels que garde à "
                                        "vue, surpopulation]", 1),
                ("Suivi de l'examen précédent",
                 "[Pour chaque recommandation sur la détention ou le MNP : son texte et son numéro, si l'État l'a "
                 "acceptée ou en a pris note, et ce qui a été fait, avec des éléments de preuve]", 1),
                ("Faits nouveaux depuis l'examen précédent", "[Faits tirés des visites du MNP, avec leurs dates]", 1),
                ("Recommandations", "[Des recommandations précises, mesurables et datées, qu'un État peut lire "
                                    "pendant le dialogue]", 1),
                ("Notes de fin", "[Références uniquement : les rapports du MNP, avec dates et liens]", 1)]),
        "es": ("Contribución de parte interesada al EPU", "Normas de formato que deben respetarse: ",
               [("Parte(s) interesada(s) que presenta(n) la contribución",
                 "[Nombres de todas las instituciones que la presentan; Estado examinado; período de sesiones del "
                 "Grupo de Trabajo sobre el EPU]", 1),
                ("Resumen y palabras clave", "[Los puntos principales en pocas líneas; palabras clave como custodia "
                                             "policial, hacinamiento]", 1),
                ("Seguimiento del examen anterior",
                 "[Para cada recomendación sobre la detención o el MNP: su texto y su número, si el Estado la apoyó "
                 "o tomó nota de ella, y lo que se ha hecho, con pruebas]", 1),
                ("Novedades desde el examen anterior", "[Hechos de las visitas del MNP, con fechas]", 1),
                ("Recomendaciones", "[Recomendaciones concretas, medibles y con fecha, que un Estado pueda leer en "
                                    "el diálogo]", 1),
                ("Notas finales", "[Solo referencias: los informes del MNP, con fechas y enlaces]", 1)]),
    }),
    "visit_briefing": ("visit-briefing-note.docx", {
        "en": ("Briefing note for a country visit",
               "For a Special Rapporteur, the SPT or a regional monitoring body before its visit. One page; mark it "
               "confidential if it names places or people the authorities should not learn of early.",
               [("Who we are", "[Mandate, staff, visits in the last year]", 1),
                ("Places we suggest you visit, and why", "[Each with one line from the NPM's findings]", 1),
                ("Main findings and the authorities' responses", "[One line each: finding, date, response]", 1),
                ("People at risk", "[Only with informed consent; ask that those interviewed be protected]", 1),
                ("What we ask of you", "[Recommendations you hope the body will make; meetings at the start and end "
                                       "of the visit]", 1),
                ("Contact", "[One name and a telephone number]", 1)]),
        "fr": ("Note d'information pour une visite de pays",
               "Pour un rapporteur spécial, le SPT ou un organe régional de contrôle avant sa visite. Une page ; "
               "indiquez « confidentiel » si elle nomme des lieux ou des personnes que les autorités ne devraient "
               "pas connaître à l'avance.",
               [("Qui nous sommes", "[Mandat, personnel, visites de l'année écoulée]", 1),
                ("Lieux que nous vous suggérons de visiter, et pourquoi", "[Chacun avec une ligne tirée des constats "
                                                                          "du MNP]", 1),
                ("Principaux constats et réponses des autorités", "[Une ligne chacun : constat, date, réponse]", 1),
                ("Personnes à risque", "[Seulement avec leur consentement éclairé ; demandez que les personnes "
                                       "interrogées soient protégées]", 1),
                ("Ce que nous vous demandons", "[Les recommandations que vous espérez voir formuler ; des réunions "
                                               "au début et à la fin de la visite]", 1),
                ("Contact", "[Un nom et un numéro de téléphone]", 1)]),
        "es": ("Nota informativa para una visita al país",
               "Para un relator especial, el SPT o un órgano regional de supervisión antes de su visita. Una página; "
               "márquela como confidencial si nombra lugares o personas que las autoridades no deberían conocer "
               "de antemano.",
               [("Quiénes somos", "[Mandato, personal, visitas del último año]", 1),
                ("Lugares que le sugerimos visitar, y por qué", "[Cada uno con una línea de las conclusiones del "
                                                                "MNP]", 1),
                ("Principales conclusiones y respuestas de las autoridades", "[Una línea cada una: conclusión, "
                                                                             "fecha, respuesta]", 1),
                ("Personas en riesgo", "[Solo con su consentimiento informado; pida que se proteja a las personas "
                                       "entrevistadas]", 1),
                ("Lo que le pedimos", "[Las recomendaciones que espera que haga el órgano; reuniones al comienzo y "
                                      "al final de la visita]", 1),
                ("Contacto", "[Un nombre y un número de teléfono]", 1)]),
    }),
}


class _Documents(Mapping):
    """{id: (file name, title, opening guidance, [(heading, prompt), ...])} in the language in use."""

    def __getitem__(self, template_id):
        name, title, guidance, sections = document(template_id)
        return name, title, guidance, [(heading, prompt) for heading, prompt, _ in sections]

    def __iter__(self):
        return iter(_DOCUMENTS)

    def __len__(self):
        return len(_DOCUMENTS)


DOCUMENTS = _Documents()


def document(template_id: str, lang: str | None = None) -> tuple[str, str, str, list]:
    """(file name, title, guidance, [(heading, prompt, level), ...]) of a template in LANG."""
    lang = lang or i18n.language()
    name, versions = _DOCUMENTS[template_id]
    title, guidance, sections = versions[lang]
    if template_id == "upr_submission":
        guidance += " ".join(upr_rules(lang))
    return name, title, guidance, sections


TEXT = i18n.Text(__name__, {
    "replace": {"en": "Replace the text in square brackets.", "fr": "Remplacez le texte entre crochets.",
                "es": "Sustituya el texto entre corchetes."},
    "npm": {"en": "NPM", "fr": "MNP", "es": "MNP"},
    "npm_itself": {"en": "The NPM itself", "fr": "Le MNP lui-même", "es": "El propio MNP"},
    "tracker": {"en": "Tracker", "fr": "Suivi", "es": "Seguimiento"},
    "read_me": {"en": "Read me", "fr": "À lire", "es": "Léame"},
    "read_1": {"en": "Recommendations tracker: one row per recommendation, from every body, on the same problem.",
               "fr": "Suivi des recommandations : une ligne par recommandation, de tous les organes, sur un même "
                     "problème.",
               "es": "Seguimiento de recomendaciones: una fila por recomendación, de todos los órganos, sobre el "
                     "mismo problema."},
    "read_2": {"en": "Sort or filter by Problem to see what CAT, the UPR, a Special Rapporteur, a regional body and the "
                     "NPM itself have asked for, and what the State did.",
               "fr": "Triez ou filtrez par Problème pour voir ce qu'ont demandé le CAT, l'EPU, un rapporteur spécial, "
                     "un organe régional et le MNP lui-même, et ce qu'a fait l'État.",
               "es": "Ordene o filtre por Problema para ver lo que han pedido el CAT, el EPU, un relator especial, un "
                     "órgano regional y el propio MNP, y lo que hizo el Estado."},
    "read_3": {"en": "The first rows are an example from the course's case file. They are fiction (Norvalia is an "
                     "invented State): delete them before you use the tracker.",
               "fr": "Les premières lignes sont un exemple tiré du dossier d'étude du cours. C'est une fiction ("
                     "Norvalia est un État inventé) : supprimez-les avant d'utiliser l'outil.",
               "es": "Las primeras filas son un ejemplo del expediente del caso del curso. Son ficción (Norvalia es "
                     "un Estado inventado): bórrelas antes de usar la herramienta."},
    "read_4": {"en": "Status: {statuses}.", "fr": "État : {statuses}.", "es": "Estado: {statuses}."},
    "times_head": {"en": "| Step | Module | Time to learn | Quiz |", "fr": "| Étape | Module | Temps d'apprentissage | Quiz |",
                   "es": "| Paso | Módulo | Tiempo de aprendizaje | Cuestionario |"},
    "times_row": {"en": "| {order} | {title} | about {learn} min | {quiz} min |",
                  "fr": "| {order} | {title} | environ {learn} min | {quiz} min |",
                  "es": "| {order} | {title} | unos {learn} min | {quiz} min |"},
    "times_note": {"en": "The times are computed from each module itself: its text read at 120 words a minute (many "
                         "of us read in a second language), plus the minutes its practice tasks take, and each quiz's "
                         "time from its questions. In all, count on about {hours} hours with the quizzes, plus the "
                         "time to make your own plan at the end.",
                   "fr": "Les durées sont calculées à partir de chaque module : son texte lu à 120 mots par minute "
                         "(beaucoup d'entre nous lisent dans une seconde langue), plus les minutes de ses exercices, "
                         "et la durée de chaque quiz d'après ses questions. Au total, comptez environ {hours} heures "
                         "avec les quiz, plus le temps d'établir votre propre plan à la fin.",
                   "es": "Los tiempos se calculan a partir de cada módulo: su texto leído a 120 palabras por minuto "
                         "(muchos leemos en un segundo idioma), más los minutos de sus ejercicios, y el tiempo de "
                         "cada cuestionario según sus preguntas. En total, cuente unas {hours} horas con los "
                         "cuestionarios, más el tiempo para hacer su propio plan al final."},
})
TRACKER_FILE = "recommendations-tracker.xlsx"
TRACKER_COLUMNS_BY_LANGUAGE = {
    "en": ["Problem", "Body", "Document and paragraph", "Date", "Recommendation", "State's response", "Status",
           "NPM's follow-up", "Next step", "By when"],
    "fr": ["Problème", "Organe", "Document et paragraphe", "Date", "Recommandation", "Réponse de l'État", "État",
           "Suivi par le MNP", "Prochaine étape", "Échéance"],
    "es": ["Problema", "Órgano", "Documento y párrafo", "Fecha", "Recomendación", "Respuesta del Estado", "Estado",
           "Seguimiento del MNP", "Próximo paso", "Plazo"],
}
TRACKER_COLUMNS = TRACKER_COLUMNS_BY_LANGUAGE["en"]
STATUSES = ["accepted", "partly", "rejected", "ignored", "supported", "noted"]


def _need(module: str, package: str):
    """The template libraries are build-time (dev) dependencies: say how to get them if they are missing."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise UserError(f"{package} is needed to make the templates and is not installed: run `make setup` "
                        "(it installs the course's development dependencies)") from None


def write_document(template_id: str, folder: Path = TEMPLATE_DIR, lang: str | None = None) -> Path:
    """The template as a Word document in LANG (default: the language in use), under its one file name."""
    Document = _need("docx", "python-docx").Document

    lang = lang or i18n.language()
    name, title, guidance, sections = document(template_id, lang)
    doc = Document()
    doc.core_properties.title = title
    doc.core_properties.language = lang
    doc.add_heading(title, level=0)
    note = doc.add_paragraph(guidance + " " + TEXT("replace", lang))
    note.runs[0].italic = True
    for heading, prompt, level in sections:
        doc.add_heading(heading, level=level)
        doc.add_paragraph(prompt)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    doc.save(path)
    return path


def tracker_example_rows(lang: str | None = None) -> list[list[str]]:
    """A few rows from the course's fictional case, so that the learner sees how the tracker fills up."""
    lang = lang or i18n.language()
    kb = load(lang=lang)
    themes = dict(zip(kb["case_themes"]["id"], kb["case_themes"]["name"]))
    statuses = STATUS_LABELS.words(lang)
    rows = []
    for r in kb["case_recommendations"].head(5).to_dict("records"):
        rows.append([themes.get(r["theme_id"], TEXT("npm_itself", lang)), TEXT("npm", lang), r["by"],
                     f"{r['date']:%Y-%m-%d}", r["recommendation"], r["response"], statuses.get(r["status"], r["status"]),
                     "", "", ""])
    return rows


def write_tracker(folder: Path = TEMPLATE_DIR, lang: str | None = None) -> Path:
    openpyxl = _need("openpyxl", "openpyxl")
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = lang or i18n.language()
    statuses = [STATUS_LABELS.words(lang)[s] for s in STATUSES]
    book = openpyxl.Workbook()
    book.properties.language = lang
    sheet = book.active
    sheet.title = TEXT("tracker", lang)
    sheet.append(TRACKER_COLUMNS_BY_LANGUAGE[lang])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in tracker_example_rows(lang):
        sheet.append(row)
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCDEFGHIJ", [20, 16, 24, 12, 50, 40, 12, 40, 30, 12]):
        sheet.column_dimensions[column].width = width
    status = DataValidation(type="list", formula1='"' + ",".join(statuses) + '"', allow_blank=True)
    sheet.add_data_validation(status)
    status.add("G2:G500")
    about = book.create_sheet(TEXT("read_me", lang))
    for key in ("read_1", "read_2", "read_3"):
        about.append([TEXT(key, lang)])
    about.append([TEXT("read_4", lang, statuses=", ".join(statuses))])
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / TRACKER_FILE
    book.save(path)
    return path


def times_table(lang: str | None = None) -> str:
    """The start page's table of modules with their computed times (markdown), in LANG."""
    lang = lang or i18n.language()
    modules = load(lang=lang)["modules"].sort_values("order")
    lines = [TEXT("times_head", lang), "| --- | --- | --- | --- |"]
    total = 0
    for m in modules.to_dict("records"):
        learn, quiz = module_minutes(m["id"], lang=lang), quiz_minutes(m["id"])
        total += learn + quiz
        lines.append(TEXT("times_row", lang, order=m["order"], title=m["title"], learn=learn, quiz=quiz))
    hours = i18n.number(round(total / 60), lang=lang)
    return "\n".join(lines) + "\n\n" + TEXT("times_note", lang, hours=hours) + "\n"


def prepare(generated: Path = GENERATED, lang: str = "en") -> list[Path]:
    """Everything the book build needs from this package, for one edition: the templates in LANG (default:
    English, in _generated/ as always) under GENERATED/templates/ and the start page's times as
    GENERATED/module_times.md. The file names are the same in every edition; the build gives each edition its own
    GENERATED folder, e.g. prepare(ROOT / "_generated" / "fr", "fr")."""
    lang = i18n.check_language(lang)
    generated = Path(generated)
    folder = generated / TEMPLATES_FOLDER
    paths = [write_document(t, folder, lang) for t in _DOCUMENTS] + [write_tracker(folder, lang)]
    times = generated / TIMES_FILE
    times.parent.mkdir(parents=True, exist_ok=True)
    times.write_text(times_table(lang), encoding="utf-8")
    return paths + [times]
