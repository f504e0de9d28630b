"""The templates to take to work, generated at `make book` into _generated/templates (copied beside the book's
pages), and the start page's table of computed times. Each template has one source: the outline below.

A template is an outline of headings, each with a short prompt in square brackets for the writer to replace.
Nothing here is committed: generated files live only in _generated/."""
from __future__ import annotations

from pathlib import Path

from ..errors import UserError
from ..kb import load
from ..paths import ROOT
from .times import module_minutes, quiz_minutes

GENERATED = ROOT / "_generated"
TEMPLATE_DIR = GENERATED / "templates"
TIMES_TABLE = GENERATED / "module_times.md"

# UPR format rules, as OHCHR's third-cycle guidelines set them (sources in data/sources.csv:
# upr_info_stakeholder_guidelines_c3, ohchr_upr_technical_guide_2008).
UPR_RULES = [
    "At most 2,815 words for a submission by one stakeholder, 5,630 words for a joint submission (OHCHR's "
    "guidelines for the third cycle); endnotes are for references only.",
    "Send it by the deadline OHCHR sets, about six months before the review; English, French or Spanish are "
    "preferred; send a Word document, not a PDF.",
    "In a joint submission, put the names of all the submitting institutions at the start of the text.",
    "Check the current guidelines on OHCHR's UPR page before you send: the rules can change between cycles.",
]

# id -> (file name, title, opening guidance, [(heading, prompt), ...])
DOCUMENTS = {
    "cat_submission": ("cat-submission.docx", "Written submission to the Committee against Torture",
                       "For the list of issues prior to reporting (LOIPR) or the list of issues. Keep it short: "
                       "three to five problems, each with dated evidence and the questions you want asked. Check "
                       "the deadline and format on the session page of the OHCHR website.",
                       [("Submitting institution", "[Name of the NPM, its legal basis and mandate, in three lines]"),
                        ("Summary of main concerns", "[The three to five problems in one sentence each]"),
                        ("Issue 1", "[Title of the problem]"),
                        ("Facts and evidence", "[What the NPM found, where and when; figures]"),
                        ("Articles of the Convention concerned", "[For example Articles 2, 11 and 16]"),
                        ("Previous recommendations and the State's response",
                         "[CAT's earlier recommendation, with its paragraph; the NPM's own; what the State did]"),
                        ("Suggested questions for the list of issues", "[One or two precise questions]"),
                        ("Issue 2", "[Repeat the four parts above]"),
                        ("Issue 3", "[Repeat the four parts above]"),
                        ("The NPM's own mandate, independence and resources",
                         "[Gaps in the law, budget, staff; the question you want asked about the NPM]"),
                        ("Contact", "[Name, e-mail, telephone]")]),
    "briefing_points": ("private-briefing-points.docx", "Talking points for a private briefing",
                        "For a committee's closed meeting with national institutions and NGOs before its dialogue "
                        "with the State. Aim for about five minutes: the most important point first.",
                        [("Opening: who we are", "[One sentence: the NPM and the visits the points come from]"),
                         ("Point 1", "[The problem, one figure or date, and what you ask the committee to do]"),
                         ("Point 2", "[Same pattern]"),
                         ("Point 3", "[Same pattern]"),
                         ("Point 4", "[Same pattern; an individual case only with the person's informed consent]"),
                         ("Point 5", "[The NPM's own situation, if it needs the committee's support]"),
                         ("Closing", "[What you can send after the meeting]"),
                         ("Likely questions and short answers", "[Two or three]"),
                         ("Consent check", "[For each person mentioned: consent given, in what form, by whom]")]),
    "upr_submission": ("upr-stakeholder-submission.docx", "UPR stakeholder submission",
                       "Format rules to respect: " + " ".join(UPR_RULES),
                       [("Submitting stakeholder(s)", "[Names of all submitting institutions; State under review; "
                                                      "session of the UPR Working Group]"),
                        ("Executive summary and key words", "[The main points in a few lines; key words such as "
                                                            "police custody, overcrowding]"),
                        ("Follow-up to the previous review",
                         "[For each recommendation on detention or the NPM: its text and number, whether the State "
                         "supported or noted it, and what has been done, with evidence]"),
                        ("New developments since the previous review", "[Facts from the NPM's visits, with dates]"),
                        ("Recommendations", "[Specific, measurable recommendations with a date, that a State can "
                                            "read out in the dialogue]"),
                        ("Endnotes", "[References only: the NPM's reports, with dates and links]")]),
    "visit_briefing": ("visit-briefing-note.docx", "Briefing note for a country visit",
                       "For a Special Rapporteur, the SPT or a regional monitoring body before its visit. One page; "
                       "mark it confidential if it names places or people the authorities should not learn of early.",
                       [("Who we are", "[Mandate, staff, visits in the last year]"),
                        ("Places we suggest you visit, and why", "[Each with one line from the NPM's findings]"),
                        ("Main findings and the authorities' responses", "[One line each: finding, date, response]"),
                        ("People at risk", "[Only with informed consent; ask that those interviewed be protected]"),
                        ("What we ask of you", "[Recommendations you hope the body will make; meetings at the start "
                                               "and end of the visit]"),
                        ("Contact", "[One name and a telephone number]")]),
}

TRACKER_FILE = "recommendations-tracker.xlsx"
TRACKER_COLUMNS = ["Problem", "Body", "Document and paragraph", "Date", "Recommendation", "State's response",
                   "Status", "NPM's follow-up", "Next step", "By when"]
STATUSES = ["accepted", "partly", "rejected", "ignored", "supported", "noted"]


def _need(module: str, package: str):
    """The template libraries are build-time (dev) dependencies: say how to get them if they are missing."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise UserError(f"{package} is needed to make the templates and is not installed: run `make setup` "
                        "(it installs the course's development dependencies)") from None


def write_document(template_id: str, folder: Path = TEMPLATE_DIR) -> Path:
    Document = _need("docx", "python-docx").Document

    name, title, guidance, sections = DOCUMENTS[template_id]
    doc = Document()
    doc.core_properties.title = title
    doc.add_heading(title, level=0)
    note = doc.add_paragraph(guidance + " Replace the text in square brackets.")
    note.runs[0].italic = True
    for heading, prompt in sections:
        level = 2 if heading in {"Facts and evidence", "Articles of the Convention concerned",
                                 "Previous recommendations and the State's response",
                                 "Suggested questions for the list of issues"} else 1
        doc.add_heading(heading, level=level)
        doc.add_paragraph(prompt)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    doc.save(path)
    return path


def tracker_example_rows() -> list[list[str]]:
    """A few rows from the course's fictional case, so that the learner sees how the tracker fills up."""
    kb = load()
    themes = dict(zip(kb["case_themes"]["id"], kb["case_themes"]["name_en"]))
    rows = []
    for r in kb["case_recommendations"].head(5).itertuples():
        rows.append([themes.get(r.theme_id, "The NPM itself"), "NPM", r.by_en, f"{r.date:%Y-%m-%d}",
                     r.recommendation_en, r.response_en, r.status, "", "", ""])
    return rows


def write_tracker(folder: Path = TEMPLATE_DIR) -> Path:
    openpyxl = _need("openpyxl", "openpyxl")
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append(TRACKER_COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in tracker_example_rows():
        sheet.append(row)
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCDEFGHIJ", [20, 16, 24, 12, 50, 40, 12, 40, 30, 12]):
        sheet.column_dimensions[column].width = width
    status = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True)
    sheet.add_data_validation(status)
    status.add("G2:G500")
    about = book.create_sheet("Read me")
    for line in ["Recommendations tracker: one row per recommendation, from every body, on the same problem.",
                 "Sort or filter by Problem to see what CAT, the UPR, a Special Rapporteur, a regional body and "
                 "the NPM itself have asked for, and what the State did.",
                 "The first rows are an example from the course's case file. They are fiction (Norvalia is an "
                 "invented State): delete them before you use the tracker.",
                 "Status: " + ", ".join(STATUSES) + "."]:
        about.append([line])
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / TRACKER_FILE
    book.save(path)
    return path


def times_table() -> str:
    """The start page's table of modules with their computed times (markdown)."""
    modules = load()["modules"].sort_values("order")
    lines = ["| Step | Module | Time to learn | Quiz |", "| --- | --- | --- | --- |"]
    total = 0
    for m in modules.itertuples():
        learn, quiz = module_minutes(m.id), quiz_minutes(m.id)
        total += learn + quiz
        lines.append(f"| {m.order} | {m.title_en} | about {learn} min | {quiz} min |")
    hours = total / 60
    return ("\n".join(lines) + "\n\nThe times are computed from each module itself: its text read at 120 words a "
            "minute (many of us read in a second language), plus the minutes its practice tasks take, and each "
            f"quiz's time from its questions. In all, count on about {hours:.0f} hours with the quizzes, plus the "
            "time to make your own plan at the end.\n")


def prepare() -> list[Path]:
    """Everything the book build needs from this package: the templates and the start page's times."""
    paths = [write_document(t) for t in DOCUMENTS] + [write_tracker()]
    TIMES_TABLE.parent.mkdir(parents=True, exist_ok=True)
    TIMES_TABLE.write_text(times_table(), encoding="utf-8")
    return paths + [TIMES_TABLE]
