"""The accuracy rules of the fact-check: a stance no stronger than the article's words, a quote held with its speaker,
outside knowledge kept apart and sourced, dates that say which way their clue bounds them, every note typed, and
every change to an article's row logged.

`problems(data)` takes the rows check.py has read (each with its '_line') and returns (file, line, field, reason)
tuples; check.py turns them into its Problems. The wording table is published on the method page.
"""

import re
import unicodedata
from datetime import date

from tracker.data import kinds
from tracker.data.formatting import date_label
from tracker.data.text import normalise

# The articles' wording and the stance it gives, as the method page publishes it. Longer phrases are matched first and
# hide the words inside them, so "no sign of supporting" gives undeclared and not, through "supporting", backs.
STANCE_WORDING = {
    "backs": (
        "backs",
        "back",
        "backed",
        "backing",
        "supports",
        "support",
        "supported",
        "supporting",
        "endorses",
        "endorse",
        "endorsed",
        "endorsement",
        "secured support from",
    ),
    "reservations": ("reservations", "concerns", "not fully support"),
    "opposes": ("opposes", "oppose", "opposed", "blocks", "block", "blocked"),
    "undeclared": ("no sign of supporting", "no sign of", "yet to express their support", "yet to express", "silent"),
}
# Wording that reports a position as continuing, or as held earlier, rather than taken or changed on the row's date.
CONTINUING_WORDING = ("still", "yet to", "continues to", "continue to", "remains", "had earlier", "initially")
OUTSIDE_WORDS = "public record"  # outside knowledge named so in a note or a date basis belongs in outside_fact
NO_LATER, NO_EARLIER = "No later than", "No earlier than"
_PHRASES = sorted(
    ((phrase, stance) for stance, phrases in STANCE_WORDING.items() for phrase in phrases), key=lambda p: -len(p[0])
)


def stances_in(text: str) -> set[str]:
    """The stances the wording of `text` gives, by the published table (whole words, case ignored)."""
    text, found = normalise(text).lower(), set()
    for phrase, stance in _PHRASES:
        pattern = re.compile(rf"\b{re.escape(phrase)}\b")
        if pattern.search(text):
            found.add(stance)
            text = pattern.sub(" ", text)
    return found


def continuing_words(text: str) -> list[str]:
    """The phrases of CONTINUING_WORDING in `text` (whole words, case ignored)."""
    text = normalise(text).lower()
    return [phrase for phrase in CONTINUING_WORDING if re.search(rf"\b{re.escape(phrase)}\b", text)]


def _folded(text: str) -> str:
    """Lower case without accents, so 'Erdoğan' in a speaker's name finds 'Erdogan' in an article."""
    return "".join(c for c in unicodedata.normalize("NFKD", normalise(text).lower()) if not unicodedata.combining(c))


def names_person(text: str, person: str) -> bool:
    """Whether `text` names `person` by a word of their name of four letters or more, accents aside."""
    folded = _folded(text)
    words = {w for w in re.findall(r"[a-z]+", _folded(person)) if len(w) >= 4}
    return any(re.search(rf"\b{w}\b", folded) for w in words)


def names_speaker(evidence: str, quote: str, actor: str) -> bool:
    """Whether the evidence, outside the quote itself, names the speaker (names_person)."""
    return names_person(_folded(evidence).replace(_folded(quote), " "), actor)


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def stance_problems(row: dict) -> list[tuple[str, str]]:
    stance = row.get("stance", "")
    if row.get("stance_basis") and not stance:
        return [("stance_basis", "only a row with a stance carries a stance_basis")]
    if row.get("kind") not in kinds.stance_kinds() or stance not in STANCE_WORDING or row.get("stance_basis"):
        return []
    given = stances_in(row.get("evidence", ""))
    if stance in given:
        return []
    words = " or ".join(sorted(given)) if given else "no stance"
    return [
        (
            "stance",
            (
                f"{stance!r} is not what the evidence's words give ({words}) by the method page's wording table; "
                "use the stance the words give, or write in stance_basis why the row reads the evidence so"
            ),
        )
    ]


def quote_problems(row: dict) -> list[tuple[str, str]]:
    quote, evidence = row.get("quote", ""), row.get("evidence", "")
    if not quote:
        return []
    if normalise(quote) not in normalise(evidence):
        return [
            (
                "evidence",
                "does not hold the quote; a quote row's evidence is the passage with the quote and the words "
                "attributing it",
            )
        ]
    if not names_speaker(evidence, quote, row.get("actor", "")):
        return [
            (
                "evidence",
                f"does not name the speaker ({row.get('actor', '')!r}) outside the quote; a quote row's evidence "
                "holds the words attributing it",
            )
        ]
    return []


def outside_problems(row: dict) -> list[tuple[str, str]]:
    problems = []
    if row.get("outside_fact") and not row.get("outside_source"):
        problems.append(("outside_source", "an outside_fact needs its source named in outside_source"))
    if row.get("outside_source") and not row.get("outside_fact"):
        problems.append(("outside_fact", "an outside_source needs the outside_fact it is the source of"))
    for field in ("summary", "note", "date_basis"):
        if OUTSIDE_WORDS in row.get(field, "").lower():
            problems.append(
                (
                    field,
                    f"names outside knowledge ('{OUTSIDE_WORDS}'): put the fact in outside_fact and its source in "
                    "outside_source",
                )
            )
    return problems


def note_problems(row: dict) -> list[tuple[str, str]]:
    if row.get("note") and not row.get("note_type"):
        return [
            (
                "note_type",
                "a note needs its note_type: correction (wrong when written), conflict (articles disagree) or caution",
            )
        ]
    return []


def date_problems(row: dict, published: dict[str, date | None]) -> list[tuple[str, str]]:
    """A row dated roughly on its own article's day is reported as standing then: the date is an upper bound."""
    day, issued = _day(row.get("date", "")), published.get(row.get("article_id", ""))
    basis = row.get("date_basis", "")
    if (
        day
        and day == issued
        and row.get("date_precision") == "approx"
        and not basis.startswith((NO_LATER, NO_EARLIER, "Stated"))
    ):
        return [
            (
                "date_basis",
                f"the row is dated on its article's day ({day}), so the date is a bound: start the basis with "
                f"'{NO_LATER} …'",
            )
        ]
    return []


def fact_date_problems(events: list[dict], published: dict[str, date | None]) -> list[tuple[int, str, str]]:
    """A stance fact is not dated later than the earliest article reporting it, unless the row records a later act
    dated to the day or bounded from below ('No earlier than …')."""
    rows_of: dict[str, list[dict]] = {}
    for row in events:
        if row.get("fact_id") and row.get("kind") in kinds.stance_kinds():
            rows_of.setdefault(row["fact_id"], []).append(row)
    problems = []
    for fact, rows in rows_of.items():
        reports = [(d, r["article_id"]) for r in rows if (d := published.get(r.get("article_id", "")))]
        if not reports:
            continue
        first, by = min(reports)
        for row in rows:
            day = _day(row.get("date", ""))
            later_act = row.get("date_precision") == "day" or row.get("date_basis", "").startswith(NO_EARLIER)
            if day and day > first and not later_act:
                problems.append(
                    (
                        row["_line"],
                        "date",
                        (
                            f"{fact!r} is already reported by {by} ({first}); date the row no later than that "
                            f"('{NO_LATER} …'), or, for a later act, to the day or '{NO_EARLIER} …'"
                        ),
                    )
                )
    return problems


def article_change_problems(corrections: list[dict], articles: list[dict]) -> list[tuple[int, str, str]]:
    """A corrections line names one row: an event, or an article whose row changed; an article's change is what its
    row holds."""
    by_id = {a.get("article_id"): a for a in articles}
    newest = {}  # an article's field may change more than once: the newest change says what it holds
    for row in corrections:
        if row.get("article_id") and row.get("kind") == "data_change":
            key = (row["article_id"], row.get("field", ""))
            if key not in newest or row.get("date", "") >= newest[key].get("date", ""):
                newest[key] = row
    problems = []
    for row in corrections:
        event, article = row.get("event_id", ""), row.get("article_id", "")
        if bool(event) == bool(article):
            problems.append(
                (
                    row["_line"],
                    "event_id",
                    "name exactly one of event_id (a change to events.csv) and article_id (a change to articles.csv)",
                )
            )
            continue
        if not article or article not in by_id:  # an unknown article is named by the foreign-key check
            continue
        field, current = row.get("field", ""), by_id[article]
        if row.get("kind") != "data_change":
            problems.append((row["_line"], "kind", "a change to an article's row is a data_change"))
        elif field not in current or field.startswith("_"):
            problems.append((row["_line"], "field", f"{field!r} is not a column of articles.csv"))
        elif newest.get((article, field)) is row and current[field] != row.get("after"):
            problems.append(
                (
                    row["_line"],
                    "after",
                    (
                        f"{row.get('after')!r} is not what {article}'s {field} holds now "
                        f"({current[field]!r}, articles.csv line {current['_line']})"
                    ),
                )
            )
    return problems


def problems(data: dict[str, list[dict]]) -> list[tuple[str, int, str, str]]:
    """Every breach of the accuracy rules in the rows read, as (file, line, field, reason)."""
    events, articles = data.get("events"), data.get("articles")
    if events is None:
        return []
    published = {a["article_id"]: _day(a.get("published", "")) for a in articles or []}
    found = []
    for row in events:
        for check in (stance_problems, quote_problems, outside_problems, note_problems):
            found += [("events.csv", row["_line"], field, reason) for field, reason in check(row)]
        found += [("events.csv", row["_line"], field, reason) for field, reason in date_problems(row, published)]
    found += [("events.csv", line, field, reason) for line, field, reason in fact_date_problems(events, published)]
    if "corrections" in data and articles is not None:
        found += [
            ("corrections.csv", line, field, reason)
            for line, field, reason in article_change_problems(data["corrections"], articles)
        ]
    return found


# ---- What readers see ----------------------------------------------------------------------------------------------

OUTSIDE_LABEL = "From outside the articles"


def outside_text(fact: str, source: str) -> str:
    """An outside fact as readers see it, after the label 'From outside the articles: ': the fact, then its source."""
    return f"{fact} Source: {source}." if fact else ""


def date_bound(basis: str) -> str:
    """'no later than' or 'no earlier than' when the row's date is a bound its clue gives (its basis says so first),
    else ''."""
    for words in (NO_LATER, NO_EARLIER):
        if basis.startswith(words):
            return words.lower()
    return ""


def row_when(row) -> str:
    """A row's date as readers see it, with its bound: 'c. 19 January 2024 or earlier', 'March 2024 or later',
    '26 June 2024'."""
    label = date_label(row["date"], str(row["date_precision"]))
    bound = date_bound(row["date_basis"])
    if not bound or str(row["date_precision"]) == "by_month":  # 'by July 2023' is a bound already
        return label
    return f"{label} or {'earlier' if bound == NO_LATER.lower() else 'later'}"


def rows_when(rows) -> list[str]:
    """Each row's date as readers see it, with its bound (row_when), in the rows' order."""
    return [row_when(row) for _, row in rows.iterrows()]
