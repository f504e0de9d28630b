"""Every message of the facilitator's commands (`python -m course class ...`, `python -m course doctor`), the
feedback pages, the class report and the facilitator's kit pages, in English, French and Spanish.

The commands speak the session's language: `class release QUIZ --lang fr` records it in the quiz folder
(session.json), and every later command of that session uses it (course.i18n.use), so `TEXT(key)` here is in
that language."""
from __future__ import annotations

from ..i18n import Text

TEXT = Text(__name__, {
    # --- cli.py ---
    "roster.read_as": {"en": "note: {file} was read as {how}", "fr": "remarque : {file} a été lu comme {how}",
                       "es": "nota: {file} se ha leído como {how}"},
    "roster.done": {"en": "roster: {added} participant(s) added, {updated} updated; {total} in {path}",
                    "fr": "liste des participants : {added} ajouté(s), {updated} mis à jour ; {total} dans {path}",
                    "es": "lista de participantes: {added} añadido(s), {updated} actualizado(s); {total} en {path}"},
    "release.done": {"en": "released {quiz}: participants fetch it from {exchange}, or hand out {file}",
                     "fr": "{quiz} distribué : les participants le récupèrent dans {exchange}, ou remettez-leur "
                           "{file}",
                     "es": "{quiz} publicado: los participantes lo obtienen de {exchange}, o entrégueles {file}"},
    "release.lang": {"en": "this session's language: {language} (collect, grade, feedback and report use it)",
                     "fr": "langue de cette séance : {language} (la collecte, la correction, les retours et le "
                           "rapport l'utilisent)",
                     "es": "idioma de esta sesión: {language} (la recogida, la corrección, las devoluciones y el "
                           "informe lo usan)"},
    "collect.one": {"en": "collected {file} for {pid}", "fr": "{file} récupéré pour {pid}",
                    "es": "{file} recogido para {pid}"},
    "collect.not_used": {"en": "not used: {path} ({why}); kept where it is",
                         "fr": "non utilisé : {path} ({why}) ; laissé à sa place",
                         "es": "no utilizado: {path} ({why}); se deja donde está"},
    "warning": {"en": "warning: {text}", "fr": "attention : {text}", "es": "aviso: {text}"},
    "collect.unmatched": {"en": "matches no participant: {path}; kept where it is (rename it to start with the id)",
                          "fr": "ne correspond à aucun participant : {path} ; laissé à sa place (renommez-le pour "
                                "qu'il commence par l'identifiant)",
                          "es": "no corresponde a ningún participante: {path}; se deja donde está (cámbiele el "
                                "nombre para que empiece por el identificador)"},
    "collect.unmatched_near": {"en": "matches no participant: {path}; kept where it is (rename it to start with "
                                     "the id; is it {near}'s?)",
                               "fr": "ne correspond à aucun participant : {path} ; laissé à sa place (renommez-le "
                                     "pour qu'il commence par l'identifiant ; serait-ce celui de {near} ?)",
                               "es": "no corresponde a ningún participante: {path}; se deja donde está (cámbiele "
                                     "el nombre para que empiece por el identificador; ¿es de {near}?)"},
    "collect.summary": {"en": "{matched} collected, {unmatched} file(s) matched no one",
                        "fr": "{matched} récupéré(s), {unmatched} fichier(s) sans participant correspondant",
                        "es": "{matched} recogido(s), {unmatched} archivo(s) sin participante"},
    "collect.nothing": {"en": "no quiz has been released to this class yet: nothing to collect "
                              "(python -m course class release QUIZ)",
                        "fr": "aucun quiz n'a encore été distribué à ce groupe : rien à récupérer "
                              "(python -m course class release QUIZ)",
                        "es": "todavía no se ha publicado ningún cuestionario para este grupo: no hay nada que "
                              "recoger (python -m course class release QUIZ)"},
    "collect.count": {"en": "{quiz}: {n} submission(s) collected", "fr": "{quiz} : {n} copie(s) récupérée(s)",
                      "es": "{quiz}: {n} entrega(s) recogida(s)"},
    "grade.one": {"en": "{pid}: {score} / {max}", "fr": "{pid} : {score} / {max}", "es": "{pid}: {score} / {max}"},
    "grade.not": {"en": "{pid}: NOT GRADED: {reason}", "fr": "{pid} : NON CORRIGÉ : {reason}",
                  "es": "{pid}: SIN CORREGIR: {reason}"},
    "grade.summary": {"en": "{graded} graded, {bad} could not be graded; feedback in {path}",
                      "fr": "{graded} corrigé(s), {bad} impossible(s) à corriger ; retours dans {path}",
                      "es": "{graded} corregida(s), {bad} no se pudieron corregir; devoluciones en {path}"},
    "grade.again": {"en": "grading {n} submission(s) again, each on its own: {who}",
                    "fr": "nouvelle correction de {n} copie(s), chacune séparément : {who}",
                    "es": "se corrigen de nuevo {n} entrega(s), cada una por separado: {who}"},
    "override.done": {"en": "{pid}, {quiz}, {question}: {points} point(s) ({note}). Kept when the quiz is graded "
                            "again; shown in the export and the facilitator's list.",
                      "fr": "{pid}, {quiz}, {question} : {points} point(s) ({note}). Conservé si le quiz est "
                            "corrigé à nouveau ; visible dans l'export et la liste de l'animateur.",
                      "es": "{pid}, {quiz}, {question}: {points} punto(s) ({note}). Se mantiene si el "
                            "cuestionario se corrige de nuevo; aparece en la exportación y en la lista de la "
                            "persona facilitadora."},
    "export.done": {"en": "grades written to {paths} (in Excel, open the .xlsx: a French or Spanish Excel splits "
                          "CSV columns at ';')",
                    "fr": "notes écrites dans {paths} (dans Excel, ouvrez le .xlsx : un Excel en français ou en "
                          "espagnol sépare les colonnes d'un CSV aux « ; »)",
                    "es": "notas escritas en {paths} (en Excel, abra el .xlsx: un Excel en francés o en español "
                          "separa las columnas de un CSV por «;»)"},
    "and": {"en": " and ", "fr": " et ", "es": " y "},
    "colon": {"en": ": ", "fr": " : ", "es": ": "},
    "report.done": {"en": "class report written to {path}: open it in a browser",
                    "fr": "rapport du groupe écrit dans {path} : ouvrez-le dans un navigateur",
                    "es": "informe del grupo escrito en {path}: ábralo en un navegador"},
    "feedback.done": {"en": "{n} feedback page(s) in {folder}; for your mail program: {merge}",
                      "fr": "{n} page(s) de retour dans {folder} ; pour votre messagerie : {merge}",
                      "es": "{n} página(s) de devolución en {folder}; para su programa de correo: {merge}"},
    "feedback.no_email": {"en": "no e-mail address on the roster for: {who} (hand their page over another way)",
                          "fr": "pas d'adresse électronique dans la liste pour : {who} (remettez-leur leur page "
                                "autrement)",
                          "es": "no hay dirección de correo en la lista para: {who} (entrégueles su página de otra "
                                "forma)"},
    "feedback.nothing": {"en": "nothing graded to send for: {who}", "fr": "rien de corrigé à envoyer pour : {who}",
                         "es": "nada corregido que enviar para: {who}"},
    "feedback.exchange": {"en": "released through the exchange too: participants click 'Fetch feedback' in the "
                                "Assignments tab",
                          "fr": "distribué aussi par l'échange : les participants cliquent sur « Fetch feedback » "
                                "dans l'onglet Assignments",
                          "es": "publicado también por el intercambio: los participantes pulsan «Fetch feedback» "
                                "en la pestaña Assignments"},
    "forget.done": {"en": "deleted {n} item(s) of participants' data: {paths}",
                    "fr": "{n} élément(s) de données des participants supprimé(s) : {paths}",
                    "es": "{n} elemento(s) de datos de participantes eliminado(s): {paths}"},
    "forget.kept": {"en": "kept your export: {paths}; it names participants: file it as your organisation's rules "
                          "say, then delete it here",
                    "fr": "votre export est conservé : {paths} ; il nomme les participants : archivez-le selon les "
                          "règles de votre organisation, puis supprimez-le ici",
                    "es": "se conserva su exportación: {paths}; nombra a los participantes: archívela según las "
                          "normas de su organización y luego bórrela de aquí"},
    # --- common.py, session.py ---
    "err.no_quiz": {"en": "there is no quiz {quiz!r}: the quizzes are {quizzes} (one YAML file each in "
                          "quizzes/specs/)",
                    "fr": "il n'y a pas de quiz {quiz!r} : les quiz sont {quizzes} (un fichier YAML chacun dans "
                          "quizzes/specs/)",
                    "es": "no existe el cuestionario {quiz!r}: los cuestionarios son {quizzes} (un archivo YAML "
                          "cada uno en quizzes/specs/)"},
    "err.nbgrader": {"en": "nbgrader could not {what}: {why}", "fr": "nbgrader n'a pas pu {what} : {why}",
                     "es": "nbgrader no ha podido {what}: {why}"},
    "err.no_reason": {"en": "no reason given", "fr": "aucune raison donnée", "es": "sin motivo indicado"},
    "err.not_root": {"en": "{root} is not the course's quiz folder: it has no nbgrader_config.py",
                     "fr": "{root} n'est pas le dossier des quiz du cours : il n'a pas de nbgrader_config.py",
                     "es": "{root} no es la carpeta de cuestionarios del curso: no tiene nbgrader_config.py"},
    "do.release": {"en": "release {quiz}", "fr": "distribuer {quiz}", "es": "publicar {quiz}"},
    "do.collect": {"en": "collect {quiz}", "fr": "récupérer {quiz}", "es": "recoger {quiz}"},
    "do.feedback": {"en": "release the feedback of {quiz}", "fr": "distribuer les retours de {quiz}",
                    "es": "publicar las devoluciones de {quiz}"},
    "err.taken": {"en": "not released again: {taken}. Participants have their copy; a new release would replace it "
                        "for anyone who fetches it again. To release it anyway (for example after changing the "
                        "quiz), add --force.",
                  "fr": "pas distribué à nouveau : {taken}. Les participants ont leur exemplaire ; une nouvelle "
                        "distribution le remplacerait pour quiconque le récupère à nouveau. Pour le distribuer "
                        "quand même (par exemple après avoir modifié le quiz), ajoutez --force.",
                  "es": "no se ha vuelto a publicar: {taken}. Los participantes tienen su copia; una nueva "
                        "publicación la sustituiría para quien la vuelva a obtener. Para publicarlo de todos modos "
                        "(por ejemplo, tras cambiar el cuestionario), añada --force."},
    "err.taken_one": {"en": "{quiz} already has {n} submission(s)", "fr": "{quiz} a déjà {n} copie(s) rendue(s)",
                      "es": "{quiz} ya tiene {n} entrega(s)"},
    "err.no_exchange": {"en": "{path} does not exist: release the quiz first (python -m course class release)",
                        "fr": "{path} n'existe pas : distribuez d'abord le quiz (python -m course class release)",
                        "es": "{path} no existe: publique primero el cuestionario (python -m course class release)"},
    "warn.not_on_roster": {"en": "{pid} is not on the roster: graded all the same; add them to the roster to see "
                                 "their name in the reports",
                           "fr": "{pid} n'est pas dans la liste des participants : corrigé quand même ; ajoutez "
                                 "cette personne à la liste pour voir son nom dans les rapports",
                           "es": "{pid} no está en la lista de participantes: se corrige igualmente; añádalo a la "
                                 "lista para ver su nombre en los informes"},
    "warn.renamed": {"en": "renamed notebook {old} used as {new}", "fr": "notebook renommé {old} utilisé comme {new}",
                     "es": "cuaderno renombrado {old} utilizado como {new}"},
    "warn.no_notebook": {"en": "no {name} in it", "fr": "pas de {name} dedans", "es": "no contiene {name}"},
    "warn.found": {"en": " (found {files})", "fr": " (trouvé : {files})", "es": " (encontrado: {files})"},
    "warn.not_notebooks": {"en": "not notebooks, ignored: {files}", "fr": "pas des notebooks, ignorés : {files}",
                           "es": "no son cuadernos, se ignoran: {files}"},
    "err.no_folder": {"en": "{folder}: no such folder", "fr": "{folder} : ce dossier n'existe pas",
                      "es": "{folder}: la carpeta no existe"},
    "err.which_quiz": {"en": "say which quiz these notebooks answer: one of {ids}",
                       "fr": "indiquez à quel quiz répondent ces notebooks : l'un de {ids}",
                       "es": "indique a qué cuestionario responden estos cuadernos: uno de {ids}"},
    "err.empty_roster": {"en": "the roster is empty: add the participants first "
                               "(python -m course class roster FILE.csv)",
                         "fr": "la liste des participants est vide : ajoutez d'abord les participants "
                               "(python -m course class roster FICHIER.csv)",
                         "es": "la lista de participantes está vacía: añada primero a los participantes "
                               "(python -m course class roster ARCHIVO.csv)"},
    "why.also_sent": {"en": "{pid} also sent {name}, which is used", "fr": "{pid} a aussi envoyé {name}, qui est utilisé",
                      "es": "{pid} también envió {name}, que es el que se usa"},
    "warn.not_ipynb": {"en": "{pid} sent {name}, which is not a notebook: it will be graded as 'not a notebook' "
                             "unless they send the .ipynb file",
                       "fr": "{pid} a envoyé {name}, qui n'est pas un notebook : il sera noté « pas un notebook » "
                             "à moins d'envoyer le fichier .ipynb",
                       "es": "{pid} envió {name}, que no es un cuaderno: se calificará como «no es un cuaderno» "
                             "salvo que envíe el archivo .ipynb"},
    "err.export_first": {"en": "export the grades first (python -m course class export): nothing was deleted. To "
                               "delete without an export, add --force.",
                         "fr": "exportez d'abord les notes (python -m course class export) : rien n'a été supprimé. "
                               "Pour supprimer sans export, ajoutez --force.",
                         "es": "exporte primero las notas (python -m course class export): no se ha borrado nada. "
                               "Para borrar sin exportar, añada --force."},
    # --- grading.py ---
    "err.not_released": {"en": "{quiz} has not been released here yet: run `python -m course class release {base}`",
                         "fr": "{quiz} n'a pas encore été distribué ici : lancez `python -m course class release "
                               "{base}`",
                         "es": "{quiz} todavía no se ha publicado aquí: ejecute `python -m course class release "
                               "{base}`"},
    "err.no_submissions": {"en": "no submissions of {quiz} in {folder}: collect them first "
                                 "(python -m course class collect)",
                           "fr": "aucune copie de {quiz} dans {folder} : récupérez-les d'abord "
                                 "(python -m course class collect)",
                           "es": "no hay entregas de {quiz} en {folder}: recójalas primero "
                                 "(python -m course class collect)"},
    "why.no_notebook": {"en": "no notebook named {name} in the submission",
                        "fr": "aucun notebook nommé {name} dans la copie rendue",
                        "es": "ningún cuaderno llamado {name} en la entrega"},
    "why.found": {"en": " (found: {files})", "fr": " (trouvé : {files})", "es": " (encontrado: {files})"},
    "why.empty": {"en": "the file is empty (0 bytes)", "fr": "le fichier est vide (0 octet)",
                  "es": "el archivo está vacío (0 bytes)"},
    "why.large": {"en": "the file is {mb} MB, far too large for a quiz notebook",
                  "fr": "le fichier fait {mb} Mo, bien trop pour un notebook de quiz",
                  "es": "el archivo ocupa {mb} MB, demasiado para un cuaderno de cuestionario"},
    "why.binary": {"en": "not a Jupyter notebook: the file is not text (is it a PDF, a Word file or a picture?)",
                   "fr": "pas un notebook Jupyter : le fichier n'est pas du texte (un PDF, un fichier Word ou une "
                         "image ?)",
                   "es": "no es un cuaderno de Jupyter: el archivo no es texto (¿es un PDF, un archivo de Word o "
                         "una imagen?)"},
    "why.json": {"en": "not a Jupyter notebook: the file is not notebook (JSON) text",
                 "fr": "pas un notebook Jupyter : le fichier n'est pas du texte de notebook (JSON)",
                 "es": "no es un cuaderno de Jupyter: el archivo no es texto de cuaderno (JSON)"},
    "why.not_notebook": {"en": "not a Jupyter notebook: {why}", "fr": "pas un notebook Jupyter : {why}",
                         "es": "no es un cuaderno de Jupyter: {why}"},
    "why.damaged": {"en": "the notebook's structure is damaged: {why}", "fr": "la structure du notebook est abîmée : {why}",
                    "es": "la estructura del cuaderno está dañada: {why}"},
    "note.deleted": {"en": "question cell(s) deleted: {ids} (scored 0)",
                     "fr": "cellule(s) de question supprimée(s) : {ids} (0 point)",
                     "es": "celda(s) de pregunta borrada(s): {ids} (0 puntos)"},
    "note.changed": {"en": "test cell(s) changed: {ids} (graded with the original tests)",
                     "fr": "cellule(s) de test modifiée(s) : {ids} (corrigé avec les tests d'origine)",
                     "es": "celda(s) de prueba modificada(s): {ids} (corregido con las pruebas originales)"},
    "why.timeout": {"en": "a cell was still running after {s} s and could not be interrupted (an endless loop "
                          "that ignores the stop signal?)",
                    "fr": "une cellule tournait encore après {s} s et n'a pas pu être interrompue (une boucle sans "
                          "fin qui ignore le signal d'arrêt ?)",
                    "es": "una celda seguía ejecutándose tras {s} s y no se pudo interrumpir (¿un bucle infinito "
                          "que ignora la señal de parada?)"},
    "why.dead": {"en": "the notebook stopped Python while it was being graded (it exits, or uses all the memory)",
                 "fr": "le notebook a arrêté Python pendant la correction (il quitte, ou utilise toute la mémoire)",
                 "es": "el cuaderno detuvo Python durante la corrección (sale, o usa toda la memoria)"},
    "why.gradebook": {"en": "the notebook damaged the grading files of its working copy (it writes or deletes "
                            "files), so it could not be graded",
                      "fr": "le notebook a abîmé les fichiers de correction de sa copie de travail (il écrit ou "
                            "supprime des fichiers) : il n'a pas pu être corrigé",
                      "es": "el cuaderno dañó los archivos de corrección de su copia de trabajo (escribe o borra "
                            "archivos), así que no se pudo corregir"},
    "why.nbgrader": {"en": "nbgrader could not grade it: {error}", "fr": "nbgrader n'a pas pu le corriger : {error}",
                     "es": "nbgrader no pudo corregirlo: {error}"},
    "why.stopped": {"en": "grading was stopped after {s} s: the notebook kept running",
                    "fr": "la correction a été arrêtée après {s} s : le notebook continuait de tourner",
                    "es": "la corrección se detuvo tras {s} s: el cuaderno seguía ejecutándose"},
    "why.no_grades": {"en": "nbgrader left no grades for it (see its log)",
                      "fr": "nbgrader n'a laissé aucune note pour lui (voir son journal)",
                      "es": "nbgrader no dejó ninguna nota para él (vea su registro)"},
    "why.could_not": {"en": "could not be graded", "fr": "n'a pas pu être corrigé", "es": "no se pudo corregir"},
    "warn.restoring": {"en": "warning: something changed the course's files while grading; restoring them: {files}",
                       "fr": "attention : quelque chose a modifié les fichiers du cours pendant la correction ; "
                             "restauration : {files}",
                       "es": "aviso: algo cambió los archivos del curso durante la corrección; se restauran: {files}"},
    "warn.feedback": {"en": "warning: nbgrader could not make all the feedback:", "fr": "attention : nbgrader n'a pas "
                            "pu produire tous les retours :",
                      "es": "aviso: nbgrader no pudo generar todas las devoluciones:"},
    "cut": {"en": "\n[... output cut by the grader: it was {n} characters long]\n",
            "fr": "\n[... sortie coupée par le correcteur : elle faisait {n} caractères]\n",
            "es": "\n[... salida cortada por el corrector: tenía {n} caracteres]\n"},
    # --- feedback.py ---
    "fb.question": {"en": "Question {n}", "fr": "Question {n}", "es": "Pregunta {n}"},
    "fb.score": {"en": "score:", "fr": "score :", "es": "puntuación:"},
    "fb.score_cap": {"en": "Score:", "fr": "Score :", "es": "Puntuación:"},
    "fb.top": {"en": "(Top)", "fr": "(Haut de page)", "es": "(Arriba)"},
    "fb.answer": {"en": "Student's answer", "fr": "Votre réponse", "es": "Su respuesta"},
    "fb.grade_cell": {"en": "Grade cell:", "fr": "Cellule notée :", "es": "Celda calificada:"},
    "fb.comments": {"en": "Comments:", "fr": "Commentaires :", "es": "Comentarios:"},
    "fb.comment": {"en": "Comment", "fr": "Commentaire", "es": "Comentario"},
    "fb.title": {"en": "{title}: your feedback", "fr": "{title} : vos résultats", "es": "{title}: sus resultados"},
    "err.no_feedback": {"en": "no feedback for {quiz} yet: grade it first (python -m course class grade {base})",
                        "fr": "pas encore de retours pour {quiz} : corrigez-le d'abord "
                              "(python -m course class grade {base})",
                        "es": "todavía no hay devoluciones de {quiz}: corríjalo primero "
                              "(python -m course class grade {base})"},
    # --- report.py ---
    "status.graded": {"en": "graded", "fr": "corrigé", "es": "corregido"},
    "status.not graded": {"en": "not graded", "fr": "non corrigé", "es": "sin corregir"},
    "status.no submission": {"en": "no submission", "fr": "pas de copie", "es": "sin entrega"},
    "rep.overridden": {"en": "overridden by the facilitator: {ids}", "fr": "note modifiée par l'animateur : {ids}",
                       "es": "nota cambiada por la persona facilitadora: {ids}"},
    "rep.no_graded": {"en": "no graded submissions of {quiz}: run `python -m course class grade {base}` first",
                      "fr": "aucune copie corrigée de {quiz} : lancez d'abord `python -m course class grade {base}`",
                      "es": "no hay entregas corregidas de {quiz}: ejecute primero "
                            "`python -m course class grade {base}`"},
    "rep.axis_score": {"en": "score out of {max}", "fr": "score sur {max}", "es": "puntuación sobre {max}"},
    "rep.axis_people": {"en": "participants", "fr": "participants", "es": "participantes"},
    "rep.distribution": {"en": "Score distribution", "fr": "Répartition des scores", "es": "Distribución de las puntuaciones"},
    "rep.hist_alt": {"en": "Histogram of scores out of {max} for {n} participants; mean {mean}. {counts}.",
                     "fr": "Histogramme des scores sur {max} pour {n} participants ; moyenne {mean}. {counts}.",
                     "es": "Histograma de las puntuaciones sobre {max} de {n} participantes; media {mean}. "
                           "{counts}."},
    "rep.scored": {"en": "{n} scored {v}", "fr": "{n} ont obtenu {v}", "es": "{n} obtuvieron {v}"},
    "rep.axis_right": {"en": "% of participants right", "fr": "% de participants ayant juste",
                       "es": "% de participantes que acertaron"},
    "rep.by_question": {"en": "Right answers by question", "fr": "Réponses justes par question",
                        "es": "Respuestas correctas por pregunta"},
    "rep.q_short": {"en": "Q{n}", "fr": "Q{n}", "es": "P{n}"},
    "rep.bars_alt": {"en": "Bar chart of the share of participants who answered each question right: {items}.",
                     "fr": "Diagramme en barres de la part des participants ayant répondu juste à chaque question : "
                           "{items}.",
                     "es": "Gráfico de barras de la proporción de participantes que respondieron bien a cada "
                           "pregunta: {items}."},
    "rep.bar_item": {"en": "question {n} {pct}%", "fr": "question {n} {pct} %", "es": "pregunta {n} {pct} %"},
    "rep.q_head": {"en": "Question {n}: {right} of {total} right", "fr": "Question {n} : {right} sur {total} juste(s)",
                   "es": "Pregunta {n}: {right} de {total} correcta(s)"},
    "rep.right_answer": {"en": "Right answer:", "fr": "Bonne réponse :", "es": "Respuesta correcta:"},
    "rep.col_answer": {"en": "answer", "fr": "réponse", "es": "respuesta"},
    "rep.col_people": {"en": "participants", "fr": "participants", "es": "participantes"},
    "rep.right": {"en": " (right)", "fr": " (juste)", "es": " (correcta)"},
    "rep.blank": {"en": "left blank", "fr": "laissée vide", "es": "en blanco"},
    "rep.malformed": {"en": "not written as asked (an answer the grader could not read)",
                      "fr": "pas écrite comme demandé (une réponse que le correcteur n'a pas pu lire)",
                      "es": "no escrita como se pedía (una respuesta que el corrector no pudo leer)"},
    "rep.explain": {"en": "What to explain:", "fr": "Ce qu'il faut expliquer :", "es": "Qué explicar:"},
    "rep.title": {"en": "Class report: {title}", "fr": "Rapport du groupe : {title}", "es": "Informe del grupo: {title}"},
    "rep.made": {"en": "Made {when}.", "fr": "Établi le {when}.", "es": "Elaborado el {when}."},
    "rep.summary": {"en": "{graded} graded, {ungraded} could not be graded, {absent} on the roster without a "
                          "submission. {made} This page names nobody: show it to the class. Scores by name are in "
                          "participants.html, for you only.",
                    "fr": "{graded} corrigé(s), {ungraded} impossible(s) à corriger, {absent} dans la liste sans "
                          "copie rendue. {made} Cette page ne nomme personne : vous pouvez la montrer au groupe. "
                          "Les scores nominatifs sont dans participants.html, pour vous uniquement.",
                    "es": "{graded} corregida(s), {ungraded} no se pudieron corregir, {absent} en la lista sin "
                          "entrega. {made} Esta página no nombra a nadie: puede mostrarla al grupo. Las "
                          "puntuaciones por nombre están en participants.html, solo para usted."},
    "rep.mean": {"en": "Mean {mean} of {max}; lowest {low}, highest {high}.",
                 "fr": "Moyenne {mean} sur {max} ; plus bas {low}, plus haut {high}.",
                 "es": "Media {mean} sobre {max}; mínima {low}, máxima {high}."},
    "rep.missed": {"en": "Most-missed questions (for the debrief)",
                   "fr": "Questions les plus manquées (pour le débriefing)",
                   "es": "Preguntas más falladas (para la puesta en común)"},
    "rep.missed_intro": {"en": "For each question: what the class chose, the right answer, and what to explain. An "
                               "answer left blank or written in a way the grader could not read is counted apart "
                               "from a wrong one: the first is about time or the notebook, the second about the "
                               "content.",
                         "fr": "Pour chaque question : ce que le groupe a choisi, la bonne réponse et ce qu'il faut "
                               "expliquer. Une réponse laissée vide ou écrite d'une façon que le correcteur n'a pas "
                               "pu lire est comptée à part d'une réponse fausse : la première relève du temps ou du "
                               "notebook, la seconde du contenu.",
                         "es": "Para cada pregunta: lo que eligió el grupo, la respuesta correcta y qué explicar. "
                               "Una respuesta en blanco o escrita de forma que el corrector no pudo leer se cuenta "
                               "aparte de una incorrecta: la primera tiene que ver con el tiempo o el cuaderno, la "
                               "segunda con el contenido."},
    "rep.ungraded": {"en": "Notebooks that could not be graded", "fr": "Notebooks impossibles à corriger",
                     "es": "Cuadernos que no se pudieron corregir"},
    "rep.ungraded_n": {"en": "{n} notebook(s); the reasons:", "fr": "{n} notebook(s) ; les raisons :",
                       "es": "{n} cuaderno(s); los motivos:"},
    "rep.who": {"en": "Who they are is in participants.html.", "fr": "Leurs noms sont dans participants.html.",
                "es": "Quiénes son figura en participants.html."},
    "rep.participants": {"en": "Participants: {title}", "fr": "Participants : {title}", "es": "Participantes: {title}"},
    "rep.only": {"en": "<strong>For the facilitator only.</strong> {made} Send each participant their own feedback; "
                       "do not show this list to the class.",
                 "fr": "<strong>Réservé à l'animateur ou l'animatrice.</strong> {made} Envoyez à chaque participant "
                       "ses propres résultats ; ne montrez pas cette liste au groupe.",
                 "es": "<strong>Solo para la persona facilitadora.</strong> {made} Envíe a cada participante su "
                       "propia devolución; no muestre esta lista al grupo."},
    "col.id": {"en": "id", "fr": "identifiant", "es": "identificador"},
    "col.name": {"en": "name", "fr": "nom", "es": "nombre"},
    "col.institution": {"en": "institution", "fr": "institution", "es": "institución"},
    "col.score": {"en": "score", "fr": "score", "es": "puntuación"},
    "col.status": {"en": "status and notes", "fr": "statut et remarques", "es": "estado y notas"},
    # --- doctor.py: a participant's laptop ---
    "doc.install": {"en": "in the course folder, run: make setup (or: python3 -m venv .venv, then "
                          ".venv/bin/pip install -c requirements.lock -e .)",
                    "fr": "dans le dossier du cours, lancez : make setup (ou : python3 -m venv .venv, puis "
                          ".venv/bin/pip install -c requirements.lock -e .)",
                    "es": "en la carpeta del curso, ejecute: make setup (o: python3 -m venv .venv, y luego "
                          ".venv/bin/pip install -c requirements.lock -e .)"},
    "doc.what.Python": {"en": "Python", "fr": "Python", "es": "Python"},
    "doc.what.Packages": {"en": "Packages", "fr": "Paquets", "es": "Paquetes"},
    "doc.what.Notebook kernel": {"en": "Notebook kernel", "fr": "Noyau des notebooks", "es": "Núcleo de los cuadernos"},
    "doc.what.Quiz": {"en": "Quiz", "fr": "Quiz", "es": "Cuestionario"},
    "doc.version": {"en": "version {v}", "fr": "version {v}", "es": "versión {v}"},
    "doc.too_old": {"en": "version {v} is too old: the course needs {oldest} or newer",
                    "fr": "la version {v} est trop ancienne : le cours demande la {oldest} ou plus récente",
                    "es": "la versión {v} es demasiado antigua: el curso necesita la {oldest} o posterior"},
    "doc.new_python": {"en": "install a newer Python (python.org, or your system's packages), then set up the "
                             "course again",
                       "fr": "installez un Python plus récent (python.org, ou les paquets de votre système), puis "
                             "installez à nouveau le cours",
                       "es": "instale un Python más reciente (python.org, o los paquetes de su sistema) y vuelva a "
                             "instalar el curso"},
    "doc.other_version": {"en": "{dist} {version} (the course is tested with {wanted})",
                          "fr": "{dist} {version} (le cours est testé avec {wanted})",
                          "es": "{dist} {version} (el curso se prueba con {wanted})"},
    "doc.missing": {"en": "missing: {dists}", "fr": "manquants : {dists}", "es": "faltan: {dists}"},
    "doc.other_versions": {"en": "all there; other versions than the course's: {which}. This usually works; if "
                                 "something misbehaves, set up the course again",
                           "fr": "tous présents ; versions différentes de celles du cours : {which}. En général "
                                 "cela fonctionne ; en cas de souci, installez à nouveau le cours",
                           "es": "están todos; versiones distintas de las del curso: {which}. Normalmente funciona; "
                                 "si algo falla, vuelva a instalar el curso"},
    "doc.all_there": {"en": "all {n} there", "fr": "les {n} sont présents", "es": "están los {n}"},
    "doc.no_kernel": {"en": "it does not start ({why})", "fr": "il ne démarre pas ({why})",
                      "es": "no se inicia ({why})"},
    "doc.kernel_fix": {"en": "run: python -m ipykernel install --user, then run this check again; if it still fails, "
                             "ask your facilitator for the hub or the USB copy",
                       "fr": "lancez : python -m ipykernel install --user, puis refaites cette vérification ; si "
                             "cela échoue encore, demandez à l'animateur le hub ou la copie sur clé USB",
                       "es": "ejecute: python -m ipykernel install --user y repita esta comprobación; si sigue "
                             "fallando, pida a la persona facilitadora el hub o la copia en USB"},
    "doc.kernel_ok": {"en": "it starts and runs Python", "fr": "il démarre et exécute Python",
                      "es": "se inicia y ejecuta Python"},
    "doc.no_quiz": {"en": "no quiz is in the course folder yet", "fr": "le dossier du cours ne contient encore aucun quiz",
                    "es": "todavía no hay ningún cuestionario en la carpeta del curso"},
    "doc.quiz_fix": {"en": "run: python -m course quiz generate (or use the learner kit from the course's start page, "
                           "which has the quizzes)",
                     "fr": "lancez : python -m course quiz generate (ou utilisez le kit de l'apprenant de la page "
                           "d'accueil du cours, qui contient les quiz)",
                     "es": "ejecute: python -m course quiz generate (o use el kit del participante de la página de "
                           "inicio del curso, que trae los cuestionarios)"},
    "doc.quiz_ok": {"en": "{quiz} opens and its first cell runs", "fr": "{quiz} s'ouvre et sa première cellule s'exécute",
                    "es": "{quiz} se abre y su primera celda se ejecuta"},
    "doc.no_reply": {"en": "no answer from the kernel", "fr": "pas de réponse du noyau", "es": "el núcleo no responde"},
    "doc.quiz_fails": {"en": "{quiz} opens, but its first cell fails ({why})",
                       "fr": "{quiz} s'ouvre, mais sa première cellule échoue ({why})",
                       "es": "{quiz} se abre, pero su primera celda falla ({why})"},
    "doc.lab_fix": {"en": "start JupyterLab from the course folder (python -m course lab), so that the notebook finds "
                          "the course; if it still fails, {install}",
                    "fr": "démarrez JupyterLab depuis le dossier du cours (python -m course lab), pour que le "
                          "notebook trouve le cours ; si cela échoue encore, {install}",
                    "es": "inicie JupyterLab desde la carpeta del curso (python -m course lab) para que el cuaderno "
                          "encuentre el curso; si sigue fallando, {install}"},
    "doc.not_opened": {"en": "it could not be opened ({why})", "fr": "il n'a pas pu être ouvert ({why})",
                       "es": "no se pudo abrir ({why})"},
    "doc.ok": {"en": "OK     ", "fr": "OK     ", "es": "OK     "},
    "doc.problem": {"en": "PROBLEM", "fr": "PROBLÈME", "es": "PROBLEMA"},
    "doc.todo": {"en": "        What to do: {fix}", "fr": "        Que faire : {fix}", "es": "        Qué hacer: {fix}"},
    "doc.all_set": {"en": "All set: this computer is ready for the session.",
                    "fr": "Tout est prêt : cet ordinateur est prêt pour la séance.",
                    "es": "Todo listo: este ordenador está preparado para la sesión."},
    "doc.fix_it": {"en": "Fix the problem above, then run the check again (python -m course doctor). If you cannot, "
                         "tell your facilitator what it says: they can lend you the hub or a ready copy.",
                   "fr": "Corrigez le problème ci-dessus, puis refaites la vérification (python -m course doctor). "
                         "Si vous n'y arrivez pas, montrez ce message à votre animateur ou animatrice : on peut vous "
                         "prêter l'accès au hub ou une copie prête à l'emploi.",
                   "es": "Corrija el problema indicado arriba y repita la comprobación (python -m course doctor). Si "
                         "no lo consigue, muestre este mensaje a la persona facilitadora: puede prestarle el acceso "
                         "al hub o una copia lista para usar."},
    # --- gradebook.py ---
    "gb.cannot_open": {"en": "{path}: cannot open the gradebook ({why}); is the folder there, and may you write to it?",
                       "fr": "{path} : impossible d'ouvrir le carnet de notes ({why}) ; le dossier existe-t-il, et "
                             "avez-vous le droit d'y écrire ?",
                       "es": "{path}: no se puede abrir el libro de calificaciones ({why}); ¿existe la carpeta y "
                             "tiene permiso para escribir en ella?"},
    "gb.override": {"en": "Overridden by the facilitator", "fr": "Note modifiée par l'animateur ou l'animatrice",
                    "es": "Nota cambiada por la persona facilitadora"},
    "gb.no_submission": {"en": "{pid} has no graded submission of {quiz}: grade it first "
                               "(python -m course class grade {quiz})",
                         "fr": "{pid} n'a pas de copie corrigée de {quiz} : corrigez-la d'abord "
                               "(python -m course class grade {quiz})",
                         "es": "{pid} no tiene ninguna entrega corregida de {quiz}: corríjala primero "
                               "(python -m course class grade {quiz})"},
    "gb.too_many": {"en": "{question} is worth at most {max} point(s): {points} cannot be given",
                    "fr": "{question} vaut au plus {max} point(s) : impossible de donner {points}",
                    "es": "{question} vale como máximo {max} punto(s): no se pueden dar {points}"},
    "gb.no_question": {"en": "{quiz} has no question {question!r}: the questions are {questions}",
                       "fr": "{quiz} n'a pas de question {question!r} : les questions sont {questions}",
                       "es": "{quiz} no tiene la pregunta {question!r}: las preguntas son {questions}"},
    # --- roster.py ---
    "ro.no_file": {"en": "{path}: no such file", "fr": "{path} : ce fichier n'existe pas", "es": "{path}: el archivo no existe"},
    "ro.unreadable": {"en": "{path}: cannot read it ({why})", "fr": "{path} : impossible de le lire ({why})",
                      "es": "{path}: no se puede leer ({why})"},
    "ro.utf16": {"en": "UTF-16 (Excel's Unicode text)", "fr": "UTF-16 (texte Unicode d'Excel)",
                 "es": "UTF-16 (texto Unicode de Excel)"},
    "ro.encoding": {"en": "{path}: the file is not UTF-8 text and its encoding cannot be told. In Excel, save it again "
                          "with File > Save As > \"CSV UTF-8 (Comma delimited)\".",
                    "fr": "{path} : le fichier n'est pas du texte UTF-8 et son encodage est inconnu. Dans Excel, "
                          "enregistrez-le à nouveau avec Fichier > Enregistrer sous > « CSV UTF-8 (délimité par des "
                          "virgules) ».",
                    "es": "{path}: el archivo no es texto UTF-8 y no se sabe su codificación. En Excel, guárdelo de "
                          "nuevo con Archivo > Guardar como > «CSV UTF-8 (delimitado por comas)»."},
    "ro.cp1252": {"en": "Windows-1252 (Excel's plain CSV): check that accented names look right, or save it as CSV UTF-8",
                  "fr": "Windows-1252 (le CSV simple d'Excel) : vérifiez que les noms accentués s'affichent bien, ou "
                        "enregistrez-le en CSV UTF-8",
                  "es": "Windows-1252 (el CSV simple de Excel): compruebe que los nombres con tilde se ven bien, o "
                        "guárdelo como CSV UTF-8"},
    "ro.suggest_ids": {"en": "; add an id column, made from each name, e.g. {examples}",
                       "fr": " ; ajoutez une colonne id, faite à partir de chaque nom, par exemple {examples}",
                       "es": "; añada una columna id, hecha a partir de cada nombre, por ejemplo {examples}"},
    "ro.header": {"en": "{path}:1: the header must name the columns id,name,institution (email is optional); "
                        "missing: {missing}{hint}",
                  "fr": "{path}:1 : l'en-tête doit nommer les colonnes id,name,institution (email est facultatif) ; "
                        "manquantes : {missing}{hint}",
                  "es": "{path}:1: el encabezado debe nombrar las columnas id,name,institution (email es opcional); "
                        "faltan: {missing}{hint}"},
    "ro.unknown": {"en": "{path}:1: unknown column(s) {unknown} (the columns are {columns})",
                   "fr": "{path}:1 : colonne(s) inconnue(s) {unknown} (les colonnes sont {columns})",
                   "es": "{path}:1: columna(s) desconocida(s) {unknown} (las columnas son {columns})"},
    "ro.cells": {"en": "{path}:{line}: more cells than columns (a comma inside a name needs quotes)",
                 "fr": "{path}:{line} : plus de cellules que de colonnes (une virgule dans un nom demande des "
                       "guillemets)",
                 "es": "{path}:{line}: más celdas que columnas (una coma dentro de un nombre necesita comillas)"},
    "ro.suggested": {"en": " (suggested from the name: {id!r})", "fr": " (suggéré d'après le nom : {id!r})",
                     "es": " (sugerido a partir del nombre: {id!r})"},
    "ro.id_empty": {"en": "the id is empty{suggestion}", "fr": "l'identifiant est vide{suggestion}",
                    "es": "el identificador está vacío{suggestion}"},
    "ro.id_bad": {"en": "the id {id!r} must be lowercase letters, digits and hyphens (not at either end), at most 32 "
                        "characters, e.g. 'ana-silva'{suggestion}",
                  "fr": "l'identifiant {id!r} doit être fait de lettres minuscules, de chiffres et de tirets (pas au "
                        "début ni à la fin), 32 caractères au plus, par exemple 'ana-silva'{suggestion}",
                  "es": "el identificador {id!r} debe tener letras minúsculas, cifras y guiones (no al principio ni "
                        "al final), 32 caracteres como máximo, por ejemplo 'ana-silva'{suggestion}"},
    "ro.id_used": {"en": "the id {id!r} is already used on line {line}",
                   "fr": "l'identifiant {id!r} est déjà utilisé à la ligne {line}",
                   "es": "el identificador {id!r} ya se usa en la línea {line}"},
    "ro.name_empty": {"en": "the name is empty", "fr": "le nom est vide", "es": "el nombre está vacío"},
    "ro.inst_empty": {"en": "the institution is empty", "fr": "l'institution est vide", "es": "la institución está vacía"},
    "ro.email": {"en": "{email!r} is not an e-mail address", "fr": "{email!r} n'est pas une adresse électronique",
                 "es": "{email!r} no es una dirección de correo electrónico"},
    "ro.line": {"en": "{path}:{line}: {reasons}", "fr": "{path}:{line} : {reasons}", "es": "{path}:{line}: {reasons}"},
    "ro.bad_rows": {"en": "{n} bad row(s); nobody was added:", "fr": "{n} ligne(s) incorrecte(s) ; personne n'a été "
                          "ajouté :",
                    "es": "{n} fila(s) incorrecta(s); no se ha añadido a nadie:"},
    "ro.nobody": {"en": "{path}: no participants in it", "fr": "{path} : aucun participant dedans",
                  "es": "{path}: no contiene participantes"},
    # --- kit.py: the facilitator's pages (session plans, handouts, slides) ---
    "kit.module": {"en": "module *{title}*", "fr": "le module *{title}*", "es": "el módulo *{title}*"},
    "kit.quiz": {"en": "the quiz of *{title}*", "fr": "le quiz du module *{title}*",
                 "es": "el cuestionario del módulo *{title}*"},
    "kit.task": {"en": "Your turn: *{title}*", "fr": "À vous : *{title}*", "es": "Su turno: *{title}*"},
    "kit.uncomputed": {"en": "> **Note:** some times of this plan could not be computed, so they show as 0: {why}.",
                       "fr": "> **Remarque :** certaines durées de ce plan n'ont pas pu être calculées et "
                             "apparaissent donc à 0 : {why}.",
                       "es": "> **Nota:** algunas duraciones de este plan no se han podido calcular, por lo que "
                             "aparecen como 0: {why}."},
    "kit.format": {"en": "**Format:** {format}. **Length:** {length} minutes, breaks included; {planned} planned, "
                         "{spare} spare for questions and moving between rooms.",
                   "fr": "**Format :** {format}. **Durée :** {length} minutes, pauses comprises ; {planned} "
                         "prévues, {spare} de marge pour les questions et les déplacements entre les salles.",
                   "es": "**Formato:** {format}. **Duración:** {length} minutos, con las pausas; {planned} "
                         "previstos y {spare} de margen para preguntas y cambios de sala."},
    "kit.reading": {"en": "{module} ({minutes} minutes)", "fr": "{module} ({minutes} minutes)",
                    "es": "{module} ({minutes} minutos)"},
    "kit.before": {"en": "**Before the session, each participant reads** {modules}; the modules' *Your turn* tasks "
                         "are done in the session.",
                   "fr": "**Avant la séance, chaque participant lit** {modules} ; les exercices *À vous* des "
                         "modules se font pendant la séance.",
                   "es": "**Antes de la sesión, cada participante lee** {modules}; las tareas *Su turno* de los "
                         "módulos se hacen durante la sesión."},
    "kit.from_course": {"en": " *From the course:* {label}.", "fr": " *Dans le cours :* {label}.",
                        "es": " *En el curso:* {label}."},
    "kit.slot": {"en": "- **{start}-{end}** ({minutes} minutes): {what}.{where}",
                 "fr": "- **{start}-{end}** ({minutes} minutes) : {what}.{where}",
                 "es": "- **{start}-{end}** ({minutes} minutos): {what}.{where}"},
    "basis.rule": {"en": "set by the rules", "fr": "fixé par le règlement", "es": "fijado por el reglamento"},
    "basis.practice": {"en": "usual practice", "fr": "pratique habituelle", "es": "práctica habitual"},
    "basis.estimate": {"en": "the course's estimate", "fr": "estimation du cours", "es": "estimación del curso"},
    "who.any_npm": {"en": "any NPM", "fr": "tout MNP", "es": "cualquier MNP"},
    "who.prior_submitter": {"en": "an NPM that has already sent written information",
                            "fr": "un MNP qui a déjà envoyé des informations écrites",
                            "es": "un MNP que ya ha enviado información escrita"},
    "who.on_invitation": {"en": "an NPM the body invites", "fr": "un MNP invité par l'organe",
                          "es": "un MNP al que invita el órgano"},
    "who.nhri": {"en": "an NPM that is also an accredited NHRI", "fr": "un MNP qui est aussi une INDH accréditée",
                 "es": "un MNP que también es una INDH acreditada"},
    "who.a_status_nhri": {"en": "an NPM that is also an A-status NHRI",
                          "fr": "un MNP qui est aussi une INDH de statut A",
                          "es": "un MNP que también es una INDH con categoría A"},
    "who.ecosoc_or_nhri": {"en": "an A-status NHRI, or an NPM speaking through an NGO with ECOSOC status",
                           "fr": "une INDH de statut A, ou un MNP qui s'exprime par l'intermédiaire d'une ONG dotée "
                                 "du statut consultatif auprès de l'ECOSOC",
                           "es": "una INDH con categoría A, o un MNP que interviene a través de una ONG con estatus "
                                 "consultivo ante el ECOSOC"},
    "vis.public": {"en": "public", "fr": "public", "es": "público"},
    "vis.confidential": {"en": "confidential", "fr": "confidentiel", "es": "confidencial"},
    "ho.when": {"en": "When", "fr": "Quand", "es": "Cuándo"},
    "ho.who": {"en": "Who may, and how", "fr": "Qui peut intervenir, et comment", "es": "Quién puede participar y cómo"},
    "ho.deadline": {"en": "Where to find the deadline", "fr": "Où trouver l'échéance", "es": "Dónde encontrar el plazo"},
    "ho.own_pages": {"en": "- The body's own pages: <{url}>.", "fr": "- Les pages de l'organe lui-même : <{url}>.",
                     "es": "- Las páginas del propio órgano: <{url}>."},
    "ho.planner": {"en": "- The course's planning module turns these stages into dates for your own country, from the "
                         "date you know (the start of a visit, a session, a review).",
                   "fr": "- Le module de planification du cours transforme ces étapes en dates pour votre pays, à "
                         "partir de la date que vous connaissez (le début d'une visite, d'une session, d'un "
                         "examen).",
                   "es": "- El módulo de planificación del curso convierte estas etapas en fechas para su país, a "
                         "partir de la fecha que conozca (el inicio de una visita, de un período de sesiones, de un "
                         "examen)."},
    "sl.aims": {"en": "**What participants can do after it**", "fr": "**Ce que les participants savent faire ensuite**",
                "es": "**Qué sabrán hacer los participantes después**"},
    "sl.sections": {"en": "**{title}: the sections**", "fr": "**{title} : les sections**",
                    "es": "**{title}: las secciones**"},
    "sl.cycle": {"en": "**The cycle: {name}**", "fr": "**Le cycle : {name}**", "es": "**El ciclo: {name}**"},
    "sl.debrief": {"en": "**{title}: debrief**", "fr": "**{title} : débriefing**", "es": "**{title}: puesta en común**"},
    "sl.q1": {"en": "- Which question of the quiz did the group miss most, and why? (the class report's first item)",
              "fr": "- Quelle question du quiz le groupe a-t-il le plus manquée, et pourquoi ? (le premier point du "
                    "rapport du groupe)",
              "es": "- ¿Qué pregunta del cuestionario falló más el grupo y por qué? (el primer punto del informe "
                    "del grupo)"},
    "sl.q2": {"en": "- Which of this module's Your turn answers would your NPM actually send, and what would it change?",
              "fr": "- Laquelle des réponses aux exercices À vous de ce module votre MNP enverrait-il vraiment, et "
                    "qu'y changerait-il ?",
              "es": "- ¿Cuál de las respuestas a las tareas Su turno de este módulo enviaría de verdad su MNP, y qué "
                    "cambiaría?"},
    "sl.q3": {"en": "- What is the one step your NPM will take with these bodies in the next six months?",
              "fr": "- Quelle est la démarche que votre MNP entreprendra auprès de ces organes dans les six "
                    "prochains mois ?",
              "es": "- ¿Cuál es el paso que dará su MNP con estos órganos en los próximos seis meses?"},
    "kit.src_lang": {"en": "{source} (in {language})", "fr": "{source} (en {language})", "es": "{source} (en {language})"},
    "lang.en": {"en": "English", "fr": "anglais", "es": "inglés"},
    "lang.fr": {"en": "French", "fr": "français", "es": "francés"},
    "lang.es": {"en": "Spanish", "fr": "espagnol", "es": "español"},
    "err.plans": {"en": "{path}: cannot read the session plans: {why}",
                  "fr": "{path} : impossible de lire les plans de séance : {why}",
                  "es": "{path}: no se pueden leer los planes de sesión: {why}"},
})


def status(value: str) -> str:
    """A participant's status (graded, not graded, no submission) in the language in use."""
    key = f"status.{value}"
    return TEXT(key) if key in TEXT else value
