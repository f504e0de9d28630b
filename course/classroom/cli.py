"""`python -m course class ...`: the facilitator's commands (see the facilitator guide in facilitator/)."""
from __future__ import annotations

import functools
from pathlib import Path

from .. import i18n
from ..paths import QUIZ_ROOT, ROOT
from .common import remember_lang, require_root, resolve, session_lang
from .strings import TEXT


def _show(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def cmd_roster(args) -> int:
    from . import roster

    _, how = roster.read_text(Path(args.file))
    added, updated = roster.add(require_root(args.root), Path(args.file))
    if how != "UTF-8":
        print(TEXT("roster.read_as", file=args.file, how=how))
    print(TEXT("roster.done", added=len(added), updated=len(updated), total=len(roster.load(args.root)),
               path=_show(Path(args.root) / "roster.csv")))
    return 0


def cmd_release(args) -> int:
    from .session import release

    lang = i18n.language()
    for qid in release(args.root, args.quiz, force=args.force, lang=lang):
        print(TEXT("release.done", quiz=qid, exchange=_show(Path(args.root) / "exchange"),
                   file=_show(Path(args.root) / "release" / qid / (qid + ".ipynb"))))
    if args.lang or session_lang(args.root):
        remember_lang(args.root, lang)
        print(TEXT("release.lang", language=i18n.NAMES[lang]))
    return 0


def cmd_collect(args) -> int:
    from .session import collect_exchange, collect_folder

    if args.source:
        got = collect_folder(args.root, args.quiz, Path(args.source))
        for pid, path in sorted(got.matched.items()):
            print(TEXT("collect.one", file=path.name, pid=pid))
        for path, why in got.not_used:
            print(TEXT("collect.not_used", path=path, why=why))
        for warning in got.warnings:
            print(TEXT("warning", text=warning))
        for path in got.unmatched:
            near = got.suggestions.get(path)
            print(TEXT("collect.unmatched_near", path=path, near=near) if near
                  else TEXT("collect.unmatched", path=path))
        print(TEXT("collect.summary", matched=len(got.matched), unmatched=len(got.unmatched)))
        return 0
    collected = collect_exchange(args.root, args.quiz)
    if not collected:
        print(TEXT("collect.nothing"))
    for qid, got in collected.items():
        print(TEXT("collect.count", quiz=qid, n=len(got.students))
              + (TEXT("colon") + ", ".join(got.students) if got.students else ""))
        for warning in got.warnings:
            print("  " + TEXT("warning", text=warning))
    return 0


def cmd_grade(args) -> int:
    from .grading import grade

    outcomes = grade(args.root, args.quiz, workers=args.workers, timeout=args.timeout)
    for pid, o in outcomes.items():
        if o.graded:
            print(TEXT("grade.one", pid=pid, score=i18n.number(o.score), max=i18n.number(o.max_score))
                  + (f" ({'; '.join(o.notes)})" if o.notes else ""))
        else:
            print(TEXT("grade.not", pid=pid, reason=o.reason))
    bad = sum(not o.graded for o in outcomes.values())
    print(TEXT("grade.summary", graded=len(outcomes) - bad, bad=bad, path=_show(Path(args.root) / "feedback")))
    return 1 if bad == len(outcomes) else 0  # nothing graded is a failure, for scripts as for people


def cmd_override(args) -> int:
    from .gradebook import set_override

    note = set_override(require_root(args.root), args.quiz, args.participant, args.question, args.points, args.note)
    print(TEXT("override.done", pid=args.participant, quiz=args.quiz, question=args.question,
               points=i18n.number(args.points), note=note))
    return 0


def cmd_export(args) -> int:
    from .report import export

    paths = export(args.root, args.output, args.quiz)
    print(TEXT("export.done", paths=TEXT("and").join(_show(p) for p in paths)))
    return 0


def cmd_report(args) -> int:
    from .report import report

    print(TEXT("report.done", path=_show(report(args.root, args.quiz, args.output))))
    return 0


def cmd_feedback(args) -> int:
    from .feedback import hand_out

    got = hand_out(args.root, args.quiz, args.to, exchange=args.exchange)
    print(TEXT("feedback.done", n=len(got.files), folder=_show(got.folder), merge=_show(got.mail_merge)))
    if got.no_email:
        print(TEXT("feedback.no_email", who=", ".join(got.no_email)))
    if got.no_feedback:
        print(TEXT("feedback.nothing", who=", ".join(got.no_feedback)))
    if got.exchange:
        print(TEXT("feedback.exchange"))
    return 0


def cmd_forget(args) -> int:
    from .session import forget

    deleted, kept = forget(args.root, force=args.force)
    print(TEXT("forget.done", n=len(deleted), paths=", ".join(_show(p) for p in deleted)))
    if kept:
        print(TEXT("forget.kept", paths=", ".join(_show(p) for p in kept)))
    return 0


def in_session_language(command):
    """Run a class command in the session's language: --lang if given, else the language the session was
    released in (session.json in the quiz folder), else English; a quiz named without its language
    (treaty_bodies) is that language's assignment (treaty_bodies_fr). The language in use is restored after."""
    @functools.wraps(command)
    def run(args) -> int:
        before = i18n.language()
        lang = args.lang or session_lang(args.root) or "en"
        i18n.use(lang)
        try:
            if getattr(args, "quiz", None) and command.__name__ != "cmd_release":
                args.quiz = resolve(args.quiz, lang)
            return command(args)
        finally:
            i18n.use(before)
    return run


def register(subparsers) -> None:
    """Add the `class` command and its subcommands to the course's command line."""
    parser = subparsers.add_parser("class", help="run a facilitated session: roster, release, collect, grade, feedback, report, export, forget")
    parser.add_argument("--root", type=Path, default=QUIZ_ROOT,
                        help="the quiz folder (nbgrader's course root; default: the project's quizzes/)")
    sub = parser.add_subparsers(dest="class_command", required=True)
    p = sub.add_parser("roster", help="add participants from a CSV file: id,name,institution[,email]")
    p.add_argument("file", help="CSV file with a header row")
    p.set_defaults(func=cmd_roster)
    p = sub.add_parser("release", help="generate quizzes from their specs and release them to the exchange")
    p.add_argument("quiz", nargs="?", help="one quiz (default: every quiz)")
    p.add_argument("--force", action="store_true", help="release again although submissions are already in")
    p.set_defaults(func=cmd_release)
    p = sub.add_parser("collect", help="collect submissions from the exchange, or --from a folder of notebooks")
    p.add_argument("quiz", nargs="?", help="one quiz (default: every quiz; needed with --from if there are several)")
    p.add_argument("--from", dest="source", metavar="DIR",
                   help="a folder of returned notebooks, each named starting with the participant's id")
    p.set_defaults(func=cmd_collect)
    p = sub.add_parser("grade", help="autograde every submission of a quiz, then make the feedback")
    p.add_argument("quiz")
    p.add_argument("--workers", type=int, help="parallel graders (default: one per core)")
    p.add_argument("--timeout", type=float, help="seconds a cell may run (default 20)")
    p.set_defaults(func=cmd_grade)
    p = sub.add_parser("override", help="give a question of one graded submission your own mark (kept on regrade)")
    p.add_argument("quiz")
    p.add_argument("participant", help="the participant's id")
    p.add_argument("question", help="the question's id, as in the report")
    p.add_argument("points", type=float, help="the points to give (0 up to what the question is worth)")
    p.add_argument("--note", default="", help="why, in a few words (recorded with the mark)")
    p.set_defaults(func=cmd_override)
    p = sub.add_parser("feedback", help="one feedback page per participant and a mail-merge CSV (or --exchange on a hub)")
    p.add_argument("quiz")
    p.add_argument("--to", type=Path, help="the folder to write (default: quizzes/reports/QUIZ/feedback)")
    p.add_argument("--exchange", action="store_true", help="on a hub: also release it for participants to fetch")
    p.set_defaults(func=cmd_feedback)
    p = sub.add_parser("forget", help="after the export: delete the roster, submissions, grades and feedback")
    p.add_argument("--force", action="store_true", help="delete even if the grades were not exported")
    p.set_defaults(func=cmd_forget)
    p = sub.add_parser("export", help="write the grades of the released quizzes as CSV and .xlsx (quizzes/reports/)")
    p.add_argument("quiz", nargs="?", help="one quiz (default: every quiz)")
    p.add_argument("--output", "-o", type=Path, help="one file to write instead, .csv or .xlsx")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("report", help="write the class report of a quiz (HTML with plots)")
    p.add_argument("quiz")
    p.add_argument("--output", "-o", type=Path, help="HTML file to write")
    p.set_defaults(func=cmd_report)
    for name, command in sub.choices.items():
        command.add_argument("--lang", choices=i18n.LANGUAGES, default=None,
                             help="the session's language (en, fr, es): `release QUIZ --lang fr` releases QUIZ_fr "
                                  "and the later commands of the session remember it")
        command.set_defaults(func=in_session_language(command.get_default("func")))
