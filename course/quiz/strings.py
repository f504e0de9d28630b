"""Every string a learner or facilitator sees in a quiz (notebook, self-check, grader's feedback, the book's quiz
page and its script, the paper quiz, the answer key), in English, French and Spanish.

`TEXT(key, lang, **values)`. The book page hands the strings its script needs to js/quiz/quiz-page.js as JSON
(`page_strings(lang)`), so that the script has no English of its own. The learner still types `answer = ...`:
`answer` is the name in the notebook's code cell, the same in every language."""
from __future__ import annotations

from ..i18n import Text

TEXT = Text(__name__, {
    # --- how to write each kind of answer (course.quiz.answers.KINDS) ---
    "kind.letter": {"en": "one letter in place of x, like this: answer = x",
                    "fr": "une seule lettre à la place de x, comme ceci : answer = x",
                    "es": "una sola letra en lugar de x, así: answer = x"},
    "kind.letters": {"en": "the letters you choose, separated by commas, like this: answer = x, y",
                     "fr": "les lettres que vous choisissez, séparées par des virgules, comme ceci : answer = x, y",
                     "es": "las letras que elija, separadas por comas, así: answer = x, y"},
    "kind.order": {"en": "all the letters in the order you choose, separated by commas, like this: answer = z, x, y",
                   "fr": "toutes les lettres dans l'ordre que vous choisissez, séparées par des virgules, comme "
                         "ceci : answer = z, x, y",
                   "es": "todas las letras en el orden que elija, separadas por comas, así: answer = z, x, y"},
    "kind.number": {"en": "a number, like this: answer = 2.75 (a decimal comma works too: 2,75)",
                    "fr": "un nombre, comme ceci : answer = 2,75 (un point décimal convient aussi : 2.75)",
                    "es": "un número, así: answer = 2,75 (también sirve el punto decimal: 2.75)"},
    "kind.word": {"en": "a word or a few words, like this: answer = your own words",
                  "fr": "un mot ou quelques mots, comme ceci : answer = vos propres mots",
                  "es": "una palabra o unas pocas palabras, así: answer = sus propias palabras"},
    # --- reading an answer (course.quiz.answers.read) ---
    "read.how": {"en": "Write {how}.", "fr": "Écrivez {how}.", "es": "Escriba {how}."},
    "read.lines": {"en": "Your answer is on several lines: write it on one line, after answer =.",
                   "fr": "Votre réponse tient sur plusieurs lignes : écrivez-la sur une seule ligne, après answer =.",
                   "es": "Su respuesta ocupa varias líneas: escríbala en una sola línea, después de answer =."},
    "read.blank": {"en": "You have not answered yet: after answer = write {how}.",
                   "fr": "Vous n'avez pas encore répondu : après answer =, écrivez {how}.",
                   "es": "Todavía no ha respondido: después de answer =, escriba {how}."},
    "read.not_letter": {"en": "I read “{raw}”, which is not one letter. {how}",
                        "fr": "J'ai lu « {raw} », qui n'est pas une seule lettre. {how}",
                        "es": "He leído «{raw}», que no es una sola letra. {how}"},
    "read.bad_letter": {"en": "I read “{raw}”, and “{bad}” is not one letter. {how}",
                        "fr": "J'ai lu « {raw} », et « {bad} » n'est pas une seule lettre. {how}",
                        "es": "He leído «{raw}», y «{bad}» no es una sola letra. {how}"},
    "read.twice": {"en": "I read “{raw}”, which has a letter twice. {how}",
                   "fr": "J'ai lu « {raw} », qui contient deux fois la même lettre. {how}",
                   "es": "He leído «{raw}», que tiene una letra repetida. {how}"},
    "read.not_number": {"en": "I read “{raw}”, which is not one number. {how}",
                        "fr": "J'ai lu « {raw} », qui n'est pas un seul nombre. {how}",
                        "es": "He leído «{raw}», que no es un solo número. {how}"},
    "read.too_large": {"en": "I read “{raw}”, which is too large a number. {how}",
                       "fr": "J'ai lu « {raw} », un nombre beaucoup trop grand. {how}",
                       "es": "He leído «{raw}», un número demasiado grande. {how}"},
    "read.no_words": {"en": "I read “{raw}”, which has no words. {how}",
                      "fr": "J'ai lu « {raw} », qui ne contient aucun mot. {how}",
                      "es": "He leído «{raw}», que no contiene ninguna palabra. {how}"},
    # --- how an answer was read (course.quiz.answers.describe) ---
    "said.letter": {"en": "You chose {answer}.", "fr": "Vous avez choisi {answer}.", "es": "Ha elegido {answer}."},
    "said.letters": {"en": "You chose {first} and {last}.", "fr": "Vous avez choisi {first} et {last}.",
                     "es": "Ha elegido {first} y {last}."},
    "said.order": {"en": "Your order is {answer}.", "fr": "Votre ordre : {answer}.", "es": "Su orden: {answer}."},
    "said.number": {"en": "You wrote the number {answer}.", "fr": "Vous avez écrit le nombre {answer}.",
                    "es": "Ha escrito el número {answer}."},
    "said.word": {"en": "You wrote: {answer}.", "fr": "Vous avez écrit : {answer}.", "es": "Ha escrito: {answer}."},
    # --- the notebook's self-check (course.quiz.learner) ---
    "check.right": {"en": "Right.", "fr": "Juste.", "es": "Correcto."},
    "check.wrong": {"en": "Not yet.", "fr": "Pas encore.", "es": "Todavía no."},
    "check.unread": {"en": "Check how you wrote it.", "fr": "Vérifiez comment vous l'avez écrit.",
                     "es": "Revise cómo lo ha escrito."},
    "check.nothing": {"en": "Type your answer in the cell above, run it, then run this check again.",
                      "fr": "Tapez votre réponse dans la cellule au-dessus, exécutez-la, puis relancez cette "
                            "vérification.",
                      "es": "Escriba su respuesta en la celda de arriba, ejecútela y vuelva a ejecutar esta "
                            "comprobación."},
    "check.why_not": {"en": "Why not {letter}: {text}", "fr": "Pourquoi pas {letter} : {text}",
                      "es": "Por qué no {letter}: {text}"},
    "check.hint": {"en": "Hint: {text}", "fr": "Indice : {text}", "es": "Pista: {text}"},
    "check.again": {"en": "Change your answer above, run it, then run this check again.",
                    "fr": "Modifiez votre réponse au-dessus, exécutez-la, puis relancez cette vérification.",
                    "es": "Cambie su respuesta de arriba, ejecútela y vuelva a ejecutar esta comprobación."},
    "kit.missing": {"en": "The course's learner kit is not installed here, so answers cannot be checked: see the "
                          "set-up page.",
                    "fr": "Le kit de l'apprenant du cours n'est pas installé ici : les réponses ne peuvent pas "
                          "être vérifiées. Consultez la page d'installation.",
                    "es": "El kit del participante no está instalado aquí, así que no se pueden comprobar las "
                          "respuestas: consulte la página de instalación."},
    # --- the generated notebook (course.quiz.generate) ---
    "nb.question": {"en": "Question {n} ({points})", "fr": "Question {n} ({points})",
                    "es": "Pregunta {n} ({points})"},
    "nb.point": {"en": "1 point", "fr": "1 point", "es": "1 punto"},
    "nb.points": {"en": "{n} points", "fr": "{n} points", "es": "{n} puntos"},
    "nb.how": {"en": "**How to answer:** in the cell below, replace the three dots with {how}. Run that cell, "
                     "then run the check under it.",
               "fr": "**Comment répondre :** dans la cellule ci-dessous, remplacez les trois points par {how}. "
                     "Exécutez cette cellule, puis la vérification juste en dessous.",
               "es": "**Cómo responder:** en la celda de abajo, sustituya los tres puntos por {how}. Ejecute esa "
                     "celda y luego la comprobación que hay debajo."},
    "nb.before": {"en": "**Before you start:** this notebook needs the course's learner kit (Python and the "
                        "`course` package). If the first cell below says the kit is not installed, follow the "
                        "[set-up steps](../../../README.md) that come with the learner kit (in the online book: "
                        "the page *Setting up*).",
                  "fr": "**Avant de commencer :** ce notebook a besoin du kit de l'apprenant du cours (Python et "
                        "le paquet `course`). Si la première cellule ci-dessous indique que le kit n'est pas "
                        "installé, suivez les [étapes d'installation](../../../README.md) fournies avec le kit "
                        "(dans le livre en ligne : la page consacrée à l'installation).",
                  "es": "**Antes de empezar:** este cuaderno necesita el kit del participante (Python y el "
                        "paquete `course`). Si la primera celda de abajo indica que el kit no está instalado, "
                        "siga los [pasos de instalación](../../../README.md) que acompañan al kit (en el libro "
                        "en línea: la página dedicada a la instalación)."},
    "nb.time": {"en": "**Time:** about {minutes} minutes. **Questions:** {questions}, {points} points.",
                "fr": "**Durée :** environ {minutes} minutes. **Questions :** {questions}, {points} points.",
                "es": "**Tiempo:** unos {minutes} minutos. **Preguntas:** {questions}, {points} puntos."},
    "nb.objectives": {"en": "**What this quiz checks.** You can:", "fr": "**Ce que ce quiz vérifie.** Vous savez :",
                      "es": "**Qué comprueba este cuestionario.** Usted sabe:"},
    "nb.works": {"en": "**How it works.** Run the first cell once. For each question, type your answer after "
                       "`answer =` (just the letter, letters or number: no quotes needed), run that cell, then "
                       "run the check under it: it says how it read your answer, gives a hint if it is not right "
                       "yet, and the explanation once it is. Nothing is sent anywhere; in a facilitated session, "
                       "your facilitator collects the notebook at the end.",
                 "fr": "**Comment ça marche.** Exécutez une fois la première cellule. Pour chaque question, tapez "
                       "votre réponse après `answer =` (seulement la lettre, les lettres ou le nombre, sans "
                       "guillemets), exécutez cette cellule, puis la vérification en dessous : elle indique "
                       "comment elle a lu votre réponse, donne un indice si elle n'est pas encore juste, et "
                       "l'explication quand elle l'est. Rien n'est envoyé nulle part ; en séance animée, votre "
                       "animateur ou animatrice récupère le notebook à la fin.",
                 "es": "**Cómo funciona.** Ejecute una vez la primera celda. En cada pregunta, escriba su "
                       "respuesta después de `answer =` (solo la letra, las letras o el número, sin comillas), "
                       "ejecute esa celda y luego la comprobación de abajo: le dice cómo ha leído su respuesta, "
                       "le da una pista si todavía no es correcta y la explicación cuando lo es. No se envía nada "
                       "a ningún sitio; en una sesión facilitada, la persona facilitadora recoge el cuaderno al "
                       "final."},
    "nb.stub": {"en": "Write your answer here.", "fr": "Écrivez votre réponse ici.",
                "es": "Escriba su respuesta aquí."},
    # --- the grader's verdicts (course.quiz.autograde), shown in the feedback ---
    "grade.deleted_head": {"en": "{q}: no answer", "fr": "{q} : pas de réponse", "es": "{q}: sin respuesta"},
    "grade.deleted": {"en": "The answer cell of this question was deleted.",
                      "fr": "La cellule de réponse de cette question a été supprimée.",
                      "es": "La celda de respuesta de esta pregunta se ha borrado."},
    "grade.blank_head": {"en": "{q}: no answer", "fr": "{q} : pas de réponse", "es": "{q}: sin respuesta"},
    "grade.malformed_head": {"en": "{q}: not written as asked", "fr": "{q} : pas écrite comme demandé",
                             "es": "{q}: no escrita como se pedía"},
    "grade.right_head": {"en": "{q}: right", "fr": "{q} : juste", "es": "{q}: correcta"},
    "grade.wrong_head": {"en": "{q}: not right", "fr": "{q} : pas juste", "es": "{q}: incorrecta"},
    "grade.explanation": {"en": "Explanation: {text}", "fr": "Explication : {text}", "es": "Explicación: {text}"},
    "feedback.label": {"en": "# Result for this question ({q})", "fr": "# Résultat de cette question ({q})",
                       "es": "# Resultado de esta pregunta ({q})"},
    # --- the book's quiz page (course.quiz.pages, js/quiz/quiz-page.js) ---
    "page.how.number": {"en": "Type a number (a decimal comma or point both work).",
                        "fr": "Tapez un nombre (virgule ou point décimal, au choix).",
                        "es": "Escriba un número (sirven la coma o el punto decimal)."},
    "page.how.word": {"en": "Type a word or a few words.", "fr": "Tapez un mot ou quelques mots.",
                      "es": "Escriba una palabra o unas pocas palabras."},
    "page.how.letter": {"en": "Choose one answer.", "fr": "Choisissez une réponse.", "es": "Elija una respuesta."},
    "page.how.letters": {"en": "Tick every answer that fits.", "fr": "Cochez toutes les réponses qui conviennent.",
                         "es": "Marque todas las respuestas que correspondan."},
    "page.how.order": {"en": "Put these in order: move each item up or down with its buttons.",
                       "fr": "Mettez-les dans l'ordre : déplacez chaque élément vers le haut ou le bas avec ses "
                             "boutons.",
                       "es": "Póngalos en orden: suba o baje cada elemento con sus botones."},
    "page.up": {"en": "Up", "fr": "Monter", "es": "Subir"},
    "page.down": {"en": "Down", "fr": "Descendre", "es": "Bajar"},
    "page.move_up": {"en": "Move up: {text}", "fr": "Monter : {text}", "es": "Subir: {text}"},
    "page.move_down": {"en": "Move down: {text}", "fr": "Descendre : {text}", "es": "Bajar: {text}"},
    "page.your_order": {"en": "Your order", "fr": "Votre ordre", "es": "Su orden"},
    "page.intro": {"en": "**Time:** about {minutes} minutes. **Questions:** {questions}. Answer each question "
                         "here and press *Check*: after a wrong answer you get a hint and the reason your choice "
                         "does not fit; after a right one, the explanation. Your progress stays in this browser "
                         "only.",
                   "fr": "**Durée :** environ {minutes} minutes. **Questions :** {questions}. Répondez à chaque "
                         "question ici et appuyez sur *Vérifier* : après une réponse fausse, vous obtenez un "
                         "indice et la raison pour laquelle votre choix ne convient pas ; après une réponse "
                         "juste, l'explication. Votre progression reste uniquement dans ce navigateur.",
                   "es": "**Tiempo:** unos {minutes} minutos. **Preguntas:** {questions}. Responda cada "
                         "pregunta aquí y pulse *Comprobar*: tras una respuesta incorrecta recibirá una pista y "
                         "el motivo por el que su elección no encaja; tras una correcta, la explicación. Su "
                         "progreso se queda solo en este navegador."},
    "page.question": {"en": "Question {n}", "fr": "Question {n}", "es": "Pregunta {n}"},
    "page.check": {"en": "Check", "fr": "Vérifier", "es": "Comprobar"},
    "page.score_head": {"en": "Your score", "fr": "Votre score", "es": "Su puntuación"},
    "page.score_none": {"en": "Answer the questions above to see your score.",
                        "fr": "Répondez aux questions ci-dessus pour voir votre score.",
                        "es": "Responda las preguntas de arriba para ver su puntuación."},
    "page.restart": {"en": "Start again", "fr": "Recommencer", "es": "Empezar de nuevo"},
    "page.record": {"en": "Print my record", "fr": "Imprimer mon relevé", "es": "Imprimir mi registro"},
    "page.needs_js": {"en": "This page checks answers in your browser with a script, and scripts are switched off "
                            "in this browser: you can still read the questions.",
                      "fr": "Cette page vérifie les réponses dans votre navigateur à l'aide d'un script, et les "
                            "scripts sont désactivés dans ce navigateur : vous pouvez tout de même lire les "
                            "questions.",
                      "es": "Esta página comprueba las respuestas en su navegador con un script, y los scripts "
                            "están desactivados en este navegador: aun así puede leer las preguntas."},
    "page.offline_head": {"en": "Answering on your own computer instead", "fr": "Répondre plutôt sur votre ordinateur",
                          "es": "Responder en su propio ordenador"},
    "page.offline": {"en": 'You can also <a href="{href}" download>download this quiz</a> and answer it on your own '
                           "computer, for example in a facilitated session where your facilitator collects the "
                           "answers. For that you need the course's learner kit installed first:",
                     "fr": 'Vous pouvez aussi <a href="{href}" download>télécharger ce quiz</a> et y répondre sur '
                           "votre propre ordinateur, par exemple lors d'une séance animée où l'animateur ou "
                           "l'animatrice recueille les réponses. Il faut d'abord installer le kit de l'apprenant "
                           "du cours :",
                     "es": 'También puede <a href="{href}" download>descargar este cuestionario</a> y responderlo '
                           "en su propio ordenador, por ejemplo en una sesión facilitada en la que la persona "
                           "facilitadora recoge las respuestas. Para ello necesita instalar antes el kit del "
                           "participante:"},
    "page.setup": {"en": "the [set-up page]({link}) explains how.",
                   "fr": "la [page d'installation]({link}) explique comment faire.",
                   "es": "la [página de instalación]({link}) explica cómo hacerlo."},
    "page.finished": {"en": "When you have finished", "fr": "Quand vous avez terminé", "es": "Cuando haya terminado"},
    # strings of js/quiz/quiz-page.js (handed to it as JSON in the page)
    "js.choose_first": {"en": "Choose an answer first.", "fr": "Choisissez d'abord une réponse.",
                        "es": "Elija primero una respuesta."},
    "js.number_first": {"en": "Type a number first.", "fr": "Tapez d'abord un nombre.",
                        "es": "Escriba primero un número."},
    "js.answer_first": {"en": "Type your answer first.", "fr": "Tapez d'abord votre réponse.",
                        "es": "Escriba primero su respuesta."},
    "js.not_number": {"en": "I could not read “{typed}” as one number. Type a number, such as 2.75 or 2,75.",
                      "fr": "Je n'ai pas pu lire « {typed} » comme un seul nombre. Tapez un nombre, par exemple "
                            "2,75 ou 2.75.",
                      "es": "No he podido leer «{typed}» como un solo número. Escriba un número, por ejemplo "
                            "2,75 o 2.75."},
    "js.not_words": {"en": "I could not read “{typed}” as words. Type a word or a few words.",
                     "fr": "Je n'ai pas pu lire « {typed} » comme des mots. Tapez un mot ou quelques mots.",
                     "es": "No he podido leer «{typed}» como palabras. Escriba una palabra o unas pocas palabras."},
    "js.right": {"en": "Right. {said}", "fr": "Juste. {said}", "es": "Correcto. {said}"},
    "js.wrong": {"en": "Not yet. {said}", "fr": "Pas encore. {said}", "es": "Todavía no. {said}"},
    "js.again": {"en": "Change your answer and check again.", "fr": "Modifiez votre réponse et vérifiez à nouveau.",
                 "es": "Cambie su respuesta y vuelva a comprobarla."},
    "js.said_letter": {"en": "You chose {answer}.", "fr": "Vous avez choisi {answer}.", "es": "Ha elegido {answer}."},
    "js.said_letters": {"en": "You chose {first} and {last}.", "fr": "Vous avez choisi {first} et {last}.",
                        "es": "Ha elegido {first} y {last}."},
    "js.said_order": {"en": "Your order is {answer}.", "fr": "Votre ordre : {answer}.", "es": "Su orden: {answer}."},
    "js.said_number": {"en": "You wrote the number {answer}.", "fr": "Vous avez écrit le nombre {answer}.",
                       "es": "Ha escrito el número {answer}."},
    "js.said_answer": {"en": "Your answer: {answer}.", "fr": "Votre réponse : {answer}.", "es": "Su respuesta: {answer}."},
    "js.why_not": {"en": "Why not {letter}: {text}", "fr": "Pourquoi pas {letter} : {text}",
                   "es": "Por qué no {letter}: {text}"},
    "js.hint": {"en": "Hint: {text}", "fr": "Indice : {text}", "es": "Pista: {text}"},
    "js.score_none": {"en": "Answer the questions above to see your score.",
                      "fr": "Répondez aux questions ci-dessus pour voir votre score.",
                      "es": "Responda las preguntas de arriba para ver su puntuación."},
    "js.score": {"en": "Score: {right} of {total} questions answered right ({first} at the first try).",
                 "fr": "Score : {right} questions justes sur {total} ({first} du premier coup).",
                 "es": "Puntuación: {right} de {total} preguntas respondidas correctamente ({first} al primer "
                       "intento)."},
    "js.finished": {"en": "You have finished this quiz.", "fr": "Vous avez terminé ce quiz.",
                    "es": "Ha terminado este cuestionario."},
    "js.record_title": {"en": "Course record: engaging with international and regional bodies",
                        "fr": "Relevé du cours : dialoguer avec les organes internationaux et régionaux",
                        "es": "Registro del curso: relacionarse con los órganos internacionales y regionales"},
    "js.record_as_of": {"en": "Quizzes answered in this browser, as of {date}.",
                        "fr": "Quiz répondus dans ce navigateur, au {date}.",
                        "es": "Cuestionarios respondidos en este navegador, a {date}."},
    "js.col_quiz": {"en": "Quiz", "fr": "Quiz", "es": "Cuestionario"},
    "js.col_right": {"en": "Answered right", "fr": "Réponses justes", "es": "Respuestas correctas"},
    "js.col_first": {"en": "At the first try", "fr": "Du premier coup", "es": "Al primer intento"},
    "js.col_last": {"en": "Last activity", "fr": "Dernière activité", "es": "Última actividad"},
    "js.of": {"en": "{right} of {total}", "fr": "{right} sur {total}", "es": "{right} de {total}"},
    # --- the paper quiz and the answer key ---
    "paper.name": {"en": "Name:", "fr": "Nom :", "es": "Nombre:"},
    "paper.date": {"en": "Date:", "fr": "Date :", "es": "Fecha:"},
    "paper.about": {"en": "About {minutes} minutes, {questions} questions.",
                    "fr": "Environ {minutes} minutes, {questions} questions.",
                    "es": "Unos {minutes} minutos, {questions} preguntas."},
    "paper.how.letter": {"en": "Tick one box.", "fr": "Cochez une case.", "es": "Marque una casilla."},
    "paper.how.letters": {"en": "Tick every box that fits.", "fr": "Cochez toutes les cases qui conviennent.",
                          "es": "Marque todas las casillas que correspondan."},
    "paper.how.order": {"en": "Write the letters in order.", "fr": "Écrivez les lettres dans l'ordre.",
                        "es": "Escriba las letras en orden."},
    "paper.how.number": {"en": "Write a number.", "fr": "Écrivez un nombre.", "es": "Escriba un número."},
    "paper.how.word": {"en": "Write your answer.", "fr": "Écrivez votre réponse.", "es": "Escriba su respuesta."},
    "paper.answer": {"en": "Answer:", "fr": "Réponse :", "es": "Respuesta:"},
    "paper.title": {"en": "{title} (paper version)", "fr": "{title} (version papier)", "es": "{title} (versión en papel)"},
    "key.head": {"en": "{title}: answer key", "fr": "{title} : corrigé", "es": "{title}: clave de respuestas"},
    "key.title": {"en": "{title} (answer key)", "fr": "{title} (corrigé)", "es": "{title} (clave de respuestas)"},
    "key.only": {"en": "<strong>For the facilitator only.</strong> Do not hand this out or publish it.",
                 "fr": "<strong>Réservé à l'animateur ou l'animatrice.</strong> Ne pas distribuer ni publier.",
                 "es": "<strong>Solo para la persona facilitadora.</strong> No lo reparta ni lo publique."},
    "key.skill.recall": {"en": "recall", "fr": "mémorisation", "es": "memoria"},
    "key.skill.apply": {"en": "apply", "fr": "application", "es": "aplicación"},
    "key.why_not": {"en": "Why not: {text}", "fr": "Pourquoi pas : {text}", "es": "Por qué no: {text}"},
    "key.answer": {"en": "Answer: {answers}", "fr": "Réponse : {answers}", "es": "Respuesta: {answers}"},
    "key.or": {"en": " or ", "fr": " ou ", "es": " o "},
    "key.hint": {"en": "Hint: {text}", "fr": "Indice : {text}", "es": "Pista: {text}"},
    "key.explanation": {"en": "Explanation: {text}", "fr": "Explication : {text}", "es": "Explicación: {text}"},
})

JS_KEYS = [key for key in TEXT.strings if key.startswith("js.")]


def page_strings(lang: str) -> dict[str, str]:
    """The strings js/quiz/quiz-page.js shows, in LANG ({placeholders} filled by the script)."""
    return {key[3:]: TEXT(key, lang) for key in JS_KEYS}
