"""`python -m course class ...`: the facilitator's commands (see the facilitator guide in facilitator/)."""
from __future__ import annotations

from pathlib import Path

from ..paths import QUIZ_ROOT, ROOT
from .common import require_root


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
        print(f"note: {args.file} was read as {how}")
    print(f"roster: {len(added)} participant(s) added, {len(updated)} updated; "
          f"{len(roster.load(args.root))} in {_show(Path(args.root) / 'roster.csv')}")
    return 0


def cmd_release(args) -> int:
    from .session import release

    for qid in release(args.root, args.quiz, force=args.force):
        print(f"released {qid}: participants fetch it from {_show(Path(args.root) / 'exchange')}, "
              f"or hand out {_show(Path(args.root) / 'release' / qid / (qid + '.ipynb'))}")
    return 0


def cmd_collect(args) -> int:
    from .session import collect_exchange, collect_folder

    if args.source:
        got = collect_folder(args.root, args.quiz, Path(args.source))
        for pid, path in sorted(got.matched.items()):
            print(f"collected {path.name} for {pid}")
        for path, why in got.not_used:
            print(f"not used: {path} ({why}); kept where it is")
        for warning in got.warnings:
            print(f"warning: {warning}")
        for path in got.unmatched:
            near = got.suggestions.get(path)
            print(f"matches no participant: {path}; kept where it is (rename it to start with the id"
                  + (f"; is it {near}'s?)" if near else ")"))
        print(f"{len(got.matched)} collected, {len(got.unmatched)} file(s) matched no one")
        return 0
    collected = collect_exchange(args.root, args.quiz)
    if not collected:
        print("no quiz has been released to this class yet: nothing to collect (python -m course class release QUIZ)")
    for qid, got in collected.items():
        print(f"{qid}: {len(got.students)} submission(s) collected"
              + (f": {', '.join(got.students)}" if got.students else ""))
        for warning in got.warnings:
            print(f"  warning: {warning}")
    return 0


def cmd_grade(args) -> int:
    from .grading import grade

    outcomes = grade(args.root, args.quiz, workers=args.workers, timeout=args.timeout)
    for pid, o in outcomes.items():
        if o.graded:
            print(f"{pid}: {o.score:g} / {o.max_score:g}" + (f" ({'; '.join(o.notes)})" if o.notes else ""))
        else:
            print(f"{pid}: NOT GRADED: {o.reason}")
    bad = sum(not o.graded for o in outcomes.values())
    print(f"{len(outcomes) - bad} graded, {bad} could not be graded; feedback in {_show(Path(args.root) / 'feedback')}")
    return 1 if bad == len(outcomes) else 0  # nothing graded is a failure, for scripts as for people


def cmd_override(args) -> int:
    from .gradebook import set_override

    note = set_override(require_root(args.root), args.quiz, args.participant, args.question, args.points, args.note)
    print(f"{args.participant}, {args.quiz}, {args.question}: {args.points:g} point(s) ({note}). Kept when the "
          "quiz is graded again; shown in the export and the facilitator's list.")
    return 0


def cmd_export(args) -> int:
    from .report import export

    paths = export(args.root, args.output, args.quiz)
    print(f"grades written to {' and '.join(_show(p) for p in paths)} (in Excel, open the .xlsx: a French or "
          "Spanish Excel splits CSV columns at ';')")
    return 0


def cmd_report(args) -> int:
    from .report import report

    print(f"class report written to {_show(report(args.root, args.quiz, args.output))}: open it in a browser")
    return 0


def cmd_feedback(args) -> int:
    from .feedback import hand_out

    got = hand_out(args.root, args.quiz, args.to, exchange=args.exchange)
    print(f"{len(got.files)} feedback page(s) in {_show(got.folder)}; for your mail program: {_show(got.mail_merge)}")
    if got.no_email:
        print(f"no e-mail address on the roster for: {', '.join(got.no_email)} (hand their page over another way)")
    if got.no_feedback:
        print(f"nothing graded to send for: {', '.join(got.no_feedback)}")
    if got.exchange:
        print("released through the exchange too: participants click 'Fetch feedback' in the Assignments tab")
    return 0


def cmd_forget(args) -> int:
    from .session import forget

    deleted, kept = forget(args.root, force=args.force)
    print(f"deleted {len(deleted)} item(s) of participants' data: " + ", ".join(_show(p) for p in deleted))
    if kept:
        print(f"kept your export: {', '.join(_show(p) for p in kept)}; it names participants: file it as your "
              "organisation's rules say, then delete it here")
    return 0


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
