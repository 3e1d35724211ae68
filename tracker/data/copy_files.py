"""A race's copy: the sentences readers see that are not computed (page titles, intros), as Markdown templates in
its data folder's `copy/`, one file per piece, filled with the data's figures. An editor reads and edits them as
prose; the engine only names the piece it shows and the figures it gives it (PIECES)."""

import re
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2
import jinja2.meta

from tracker.data.problems import DataError, Problem
from tracker.data.text import escape_markdown

COPY_DIR = "copy"
# Each piece of copy, and the figures the engine fills it with: a piece may use these and no other.
PIECES = {
    "story-standfirst": ("news_articles",),
    # The race in one paragraph: on the page as Markdown, in the files as text (fill_text).
    "story-lead": (
        "news_articles",
        "backers",
        "first_when",
        "first_backers",
        "holdouts",
        "holdout_count",
        "decided_on",
        "decision_source",
        "took_office",
        "rivals",
        "ran_openly",
        "misnamed",  # the rivals an article names as someone else (views.misnamed_rivals), '' when none
    ),
    "timeline-title": (),
    "timeline-intro": ("articles", "claims", "events"),
    "backer-map-title": (),
    "backer-map-intro": (),
    "candidates-title": (),
    "candidates-intro": ("people", "ran_openly"),
    "quotes-title": (),
    "quotes-intro": ("articles", "withheld", "withheld_sentences"),
    "sources-title": (),
    "sources-dates": (),
    "sources-intro": ("news_articles", "outside_facts"),
    "corrections-title": (),
    "corrections-intro": (),
    # The story's four figures: the first line is the figure's label, the rest what it means (fill_figure).
    "figure-backers": (),
    "figure-holdouts": ("holdouts",),
    "figure-duration": ("first_when",),
    "figure-rivals": ("ran_openly", "others", "misnamed"),
    # The data package's own texts (datapackage.json), which speak of counts: python -m tracker.tools.data_docs writes
    # them, and the check says when one is out of step (package_text).
    "package-description": ("news_articles",),
    "package-articles-title": ("articles",),
    "package-members-title": ("count",),
    # The rules the data follows, each under '## Name (checked)' or '## Name (by judgement)' (fill_rules).
    "rules": (),
    # Chart titles: plain text, which the chart draws (fill_plain), in every file and on screen.
    "timeline-chart-title": (),
    "backer-map-chart-title": ("day",),
    "candidates-chart-title": (),
}


def _shown(value) -> str:
    """A figure as Markdown shows it literally: the data's words are never read as Markdown."""
    return escape_markdown(value) if isinstance(value, str) else str(value)


ENVIRONMENT = jinja2.Environment(
    undefined=jinja2.StrictUndefined,
    finalize=_shown,
    autoescape=False,  # Markdown, not HTML: every figure goes through _shown instead
)


def path_of(piece: str) -> str:
    return f"{COPY_DIR}/{piece}.md"


PLAIN = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)  # text a chart draws, not Markdown


def fill(copy: dict[str, str], piece: str, **figures) -> str:
    """The piece of copy (`copy`: read's templates), filled with `figures` (those PIECES names for it), as Markdown."""
    return _render(ENVIRONMENT, copy, piece, figures)


def fill_plain(copy: dict[str, str], piece: str, **figures) -> str:
    """The piece filled as plain text, for a chart's title: its figures as they are, not escaped for Markdown."""
    return _render(PLAIN, copy, piece, figures)


def fill_figure(copy: dict[str, str], piece: str, **figures) -> tuple[str, str]:
    """A figure's piece as (label, what it means): its first line, and the rest, as plain text."""
    label, _, meaning = fill_plain(copy, piece, **figures).partition("\n")
    return label.strip(), meaning.strip()


def fill_text(copy: dict[str, str], piece: str, **figures) -> str:
    """The piece filled as plain text for a file, its Markdown emphasis ('**seven allies**') taken out."""
    return re.sub(r"\*\*(.+?)\*\*", r"\1", fill_plain(copy, piece, **figures))


RULE_HEADING = re.compile(r"^## (?P<name>.+) \((?P<kind>checked|by judgement)\)$")


@dataclass(frozen=True)
class Rule:
    name: str
    text: str  # Markdown
    checked: bool  # the check command enforces it (the race's tests break it); else a rule of judgement


def fill_rules(copy: dict[str, str]) -> list[Rule]:
    """The race's rules, in the order its copy gives them."""
    found = []
    for line in fill(copy, "rules").splitlines():
        if heading := RULE_HEADING.match(line):
            found.append(Rule(heading["name"], "", heading["kind"] == "checked"))
        elif line.strip() and found:
            found[-1] = replace(found[-1], text=f"{found[-1].text} {line.strip()}".strip())
    return found


def _rule_problems(text: str) -> list[Problem]:
    """A heading of the rules that is not '## Name (checked)' or '## Name (by judgement)', by its line."""
    return [
        Problem(path_of("rules"), n, "", "a rule's heading reads '## Name (checked)' or '## Name (by judgement)'")
        for n, line in enumerate(text.splitlines(), 1)
        if line.startswith("#") and not line.startswith("{#") and not RULE_HEADING.match(line)
    ]


def _render(environment: jinja2.Environment, copy: dict[str, str], piece: str, figures: dict) -> str:
    unknown = set(figures) - set(PIECES[piece])
    if unknown:
        raise ValueError(f"{piece} is given no figure {sorted(unknown)}: add it to copy_files.PIECES first")
    return environment.from_string(copy[piece]).render(**figures).strip()


def problems(data_dir: Path) -> list[Problem]:
    """Every piece missing, not a template, or using a figure it is not given; each named by file and line."""
    found, folder = [], Path(data_dir) / COPY_DIR
    for piece, given in PIECES.items():
        path = folder / f"{piece}.md"
        if not path.is_file():
            found.append(Problem(path_of(piece), 0, "", "file is missing: the app shows this piece"))
            continue
        text = path.read_text(encoding="utf-8")
        try:
            used = jinja2.meta.find_undeclared_variables(ENVIRONMENT.parse(text))
        except jinja2.TemplateSyntaxError as err:
            found.append(Problem(path_of(piece), err.lineno, "", f"is not a template ({err.message})"))
            continue
        if piece == "rules":
            found += _rule_problems(text)
        for name in sorted(used - set(given)):
            line = next((n for n, line in enumerate(text.splitlines(), 1) if name in line), 0)
            offered = ", ".join(given) or "none"
            found.append(
                Problem(path_of(piece), line, name, f"is not a figure this piece is given (it has: {offered})")
            )
    return found


def files(data_dir: Path) -> list[Path]:
    """The copy's files, in PIECES order: part of the data version."""
    return [Path(data_dir) / path_of(piece) for piece in PIECES]


def read(data_dir: Path) -> dict[str, str]:
    """Each piece's template, by name; DataError when any piece has a problem (the app shows none of a broken copy)."""
    if found := problems(data_dir):
        raise DataError(found)
    return {piece: path.read_text(encoding="utf-8") for piece, path in zip(PIECES, files(data_dir))}
