"""The project's own rules on the curated data, beyond what its schema can state.

CELL_CHECKS run on every cell, as custom checks of frictionless's validation (tracker/checks/schema_check.py);
RULE_CHECKS run once the tables are read, each with the tables it needs. A new rule is one function and
one entry in one of these two lists.
"""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from tracker.checks import accuracy
from tracker.data import copy_files, kinds
from tracker.data.counts import Counts
from tracker.data.package_text import read_package, stale_texts
from tracker.data.problems import DataError, Problem
from tracker.data.reading import read_utf8
from tracker.data.schema import ARTICLE_ERROR, DATA_CHANGE, DESCRIPTOR, WITHDRAWAL, tables
from tracker.data.text import normalise

FORMULA_START = "=+-@"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NOT_A_DATE = "is not a real date in the form YYYY-MM-DD"


@dataclass(frozen=True)
class Data:
    """The tables read with every column, by name (rows carry their line under '_line'), and where the files are."""

    tables: dict[str, list[dict]]
    data_dir: Path
    seeds_dir: Path


def parse_date(value: str) -> date | None:
    if not _ISO_DATE.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


# --- Every cell: (field type, value) -> the reason it is wrong, or None ------------------------------


def no_outer_spaces(field_type: str, value: str) -> str | None:
    return f"{value!r} has leading or trailing spaces" if value != value.strip() else None


def no_formula(field_type: str, value: str) -> str | None:
    if field_type == "string" and value and value[0] in FORMULA_START:
        return (
            f"starts with {value[0]!r}, which a spreadsheet opening the CSV download would run as a formula; reword it"
        )
    return None


def dates_in_full(field_type: str, value: str) -> str | None:
    """Zero-padded ISO dates only: frictionless's date type also takes '2024-1-19'."""
    return f"{value!r} {NOT_A_DATE}" if field_type == "date" and value and parse_date(value) is None else None


CELL_CHECKS: list[Callable[[str, str], str | None]] = [no_outer_spaces, no_formula, dates_in_full]


# --- Rules between fields, rows and tables ------------------------------------------------------------


def _event(row: dict, field: str, reason: str) -> Problem:
    return Problem("events.csv", row["_line"], field, reason)


def seeds_match_articles(data: Data) -> list[Problem]:
    """Each article's seed file exists and is UTF-8, and each seed file has its article row."""
    problems = []
    named = set()
    for row in data.tables["articles"]:
        seed = row["seed_file"]
        named.add(seed)
        if seed and not (data.seeds_dir / seed).is_file():
            problems.append(Problem("articles.csv", row["_line"], "seed_file", f"seeds/{seed} does not exist"))
        elif seed:
            problems += [p for p in [read_utf8(data.seeds_dir / seed, f"seeds/{seed}")[1]] if p]
    for seed in sorted(p.name for p in data.seeds_dir.glob("*.txt")):
        if seed not in named:
            problems.append(Problem("articles.csv", 0, "seed_file", f"seeds/{seed} has no row in articles.csv"))
    return problems


def spans_are_verbatim(data: Data) -> list[Problem]:
    """Every evidence and quote span occurs verbatim in its article."""
    articles = {a["article_id"]: a for a in data.tables["articles"]}
    texts = {}
    for article_id, row in articles.items():
        path = data.seeds_dir / row["seed_file"]
        if path.is_file():
            texts[article_id] = normalise(path.read_text(encoding="utf-8", errors="replace"))
    problems = []
    for row in data.tables["events"]:
        text = texts.get(row["article_id"])
        if text is None:
            continue
        seed = articles[row["article_id"]]["seed_file"]
        for field in ("evidence", "quote"):
            span = row[field]
            if span and normalise(span) not in text:
                reason = f"not found verbatim in seeds/{seed} (article {row['article_id']})"
                problems.append(_event(row, field, reason))
    return problems


def dates_match_precision(data: Data) -> list[Problem]:
    problems = []
    for row in data.tables["events"]:
        day = parse_date(row["date"])
        if day and row["date_precision"] == "month" and day.day != 1:
            problems.append(_event(row, "date", "a month-precision date must be the 1st of the month"))
        if day and row["date_precision"] == "year" and (day.month, day.day) != (1, 1):
            problems.append(_event(row, "date", "a year-precision date must be 1 January"))
        if day and row["date_precision"] == "week" and day.weekday() != 0:
            monday = day - timedelta(days=day.weekday())
            problems.append(_event(row, "date", f"a week-precision date must be the Monday of its week ({monday})"))
    return problems


def _listed(words) -> str:
    """'a, b and c'."""
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def kinds_are_drawable(data: Data) -> list[Problem]:
    """The kinds the data may use are the kinds the app can draw (tracker/data/kinds.py), no more, no fewer."""
    events = tables(data.data_dir / DESCRIPTOR).get("events")
    if events is None or "kind" not in events.field_names:
        return []
    return [
        Problem(DESCRIPTOR, 0, "events.kind", reason) for reason in kinds.vocabulary_problems(events.field("kind").enum)
    ]


def stances_match_kinds(data: Data) -> list[Problem]:
    problems = []
    rules = kinds.stance_rules()
    for row in data.tables["events"]:
        kind, stance = row["kind"], row["stance"]
        allowed = rules.get(kind)
        if allowed is None and stance:
            reason = f"must be empty for kind {kind!r} (only {_listed(rules)} rows carry a stance)"
            problems.append(_event(row, "stance", reason))
        elif allowed is not None and stance not in allowed:
            reason = f"kind {kind!r} needs stance {' or '.join(sorted(allowed))}, not {stance!r}"
            problems.append(_event(row, "stance", reason))
    return problems


def stances_are_allies(data: Data) -> list[Problem]:
    """Only allies have a stance, only from the day they joined, and one stance a day."""
    joined = {r["iso3"]: parse_date(r["accession_date"]) for r in data.tables["members"]}
    stance_on: dict[tuple[str, date], tuple[str, int]] = {}
    problems = []
    for row in data.tables["events"]:
        day, stance, country = parse_date(row["date"]), row["stance"], row["country_iso3"]
        if not (stance and country):
            continue
        if country not in joined:
            reason = f"{country} has a stance but is not a member (members.csv)"
            problems.append(_event(row, "country_iso3", reason))
        elif day and joined[country] and day < joined[country]:
            problems.append(_event(row, "date", f"{country} was not yet a member on {day} (joined {joined[country]})"))
        # A position reported as continuing or held earlier is no new one.
        elif day and row["stance_report"] == "stated":
            earlier = stance_on.setdefault((country, day), (stance, row["_line"]))
            if earlier[0] != stance:
                reason = f"{country} is {earlier[0]!r} on line {earlier[1]} for the same date {day}"
                problems.append(_event(row, "stance", reason))
    return problems


def stances_change_only_when_reported(data: Data) -> list[Problem]:
    """A stance holds until an article reports a different one. Each stance row says how its article reports it
    (stance_report): 'stated' (held on its date), 'continuing' ("still", "yet to": a position that continues) or
    'earlier' ("had earlier", "initially": a position held before the article). A continuing or earlier report
    confirms the stance held and never changes it, so its words must be marked so; a stated report that softens the
    stance held must say in stance_basis which words report the change."""
    names = {r["iso3"]: r["name"] for r in data.tables["members"]}
    problems = []
    for row in data.tables["events"]:
        if bool(row["stance"]) != bool(row["stance_report"]):
            reason = "is needed on a row with a stance, and only there: 'stated', 'continuing' or 'earlier'"
            problems.append(_event(row, "stance_report", reason))
    rows = [r for r in data.tables["events"] if r["stance"] and r["country_iso3"] and parse_date(r["date"])]
    held: dict[tuple[str, str], dict] = {}  # (ally, candidate) -> the row whose stance the ally holds
    for row in sorted(rows, key=lambda r: (parse_date(r["date"]), r["_line"])):
        key = (row["country_iso3"], row["candidate"])
        before = held.get(key)
        softens = before is not None and kinds.HOLDING_BACK.get(row["stance"], 9) < kinds.HOLDING_BACK.get(
            before["stance"], 0
        )
        words = accuracy.continuing_words(row["evidence"])
        if row["stance_report"] == "stated" and words and not row["stance_basis"]:
            said = " and ".join(f"'{w}'" for w in words)
            if softens:
                ally = names.get(row["country_iso3"], row["country_iso3"])
                reason = (
                    f"'stated', but the evidence reports a position that continues ({said}): it would soften "
                    f"{ally}'s {before['stance']!r} (line {before['_line']}, {before['date']}) to {row['stance']!r}, "
                    "and no article reports that change. A continuing or earlier report confirms the stance held and "
                    "never changes it: mark it 'continuing' or 'earlier'"
                )
            else:
                reason = (
                    f"'stated', but the evidence reports a position that continues or was held earlier ({said}): mark "
                    "it 'continuing' or 'earlier' (it confirms the stance held), or say in stance_basis which words "
                    "report a change"
                )
            problems.append(_event(row, "stance_report", reason))
        elif row["stance_report"] == "stated" and softens and not row["stance_basis"]:
            ally = names.get(row["country_iso3"], row["country_iso3"])
            reason = (
                f"{row['stance']!r} softens {ally}'s {before['stance']!r} (line {before['_line']}, {before['date']}): "
                "say in stance_basis which words report the change, or mark the row 'continuing' or 'earlier' if it "
                "reports no change"
            )
            problems.append(_event(row, "stance", reason))
        if row["stance_report"] == "stated" or before is None:
            held[key] = row
    return problems


# The cells readers see as prose (evidence and quotes are the articles' own words, and stay as printed).
READER_TEXT = {
    "events": ("summary", "date_basis", "note", "stance_basis", "outside_fact", "outside_source"),
    "articles": ("cited_as", "published_basis", "summary", "note"),
    "candidates": ("role_at_time", "note"),
    "corrections": ("reason",),  # the data package's change log, which readers download
}
_SHORT_MONTH = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{4}\b")
# The team's own review rounds ('Editor round 21:', 'Round 14 fact-check'): how the data was made, not what it says
# (editor round 38: they reached readers in the downloadable log).
_REVIEW_ROUND = re.compile(
    r"\b(?:(?:editor|fact-check|review)\w*(?:'s)? rounds? \d+|rounds? \d+ (?:of the )?(?:fact-check|review))", re.I
)


def reader_text_in_house_style(data: Data) -> list[Problem]:
    """Text readers see names an article by outlet and date, never by its id, and a row by what it says, never by its
    id; names no column and no review round of the team's; and writes months in full ('19 January 2024'), as every
    page does."""
    ids = sorted((a["article_id"] for a in data.tables["articles"]), key=len, reverse=True)
    row_ids = sorted((e["event_id"] for e in data.tables["events"] if "-" in e["event_id"]), key=len, reverse=True)
    columns = sorted({name for rows in data.tables.values() for name in (rows[0] if rows else {}) if "_" in name})
    machinery = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, [*ids, *row_ids, *columns])) + r")(?![\w-])")
    problems = []
    for table, fields in READER_TEXT.items():
        for row in data.tables.get(table, []):
            for field in fields:
                text = row.get(field, "")
                if found := machinery.search(text):
                    what = {**dict.fromkeys(ids, "an article's id"), **dict.fromkeys(row_ids, "a row's id")}
                    named = what.get(found.group(1), "a column's name")
                    reason = (
                        f"names {named} ({found.group(1)!r}) where readers see it; name an article by outlet and "
                        "date, a row by what it says"
                    )
                    problems.append(Problem(f"{table}.csv", row["_line"], field, reason))
                if review := _REVIEW_ROUND.search(text):
                    reason = (
                        f"names the team's review ({review.group(0)!r}): say what was wrong and why, not who found it"
                    )
                    problems.append(Problem(f"{table}.csv", row["_line"], field, reason))
                if month := _SHORT_MONTH.search(text):
                    reason = f"writes {month.group(0)!r}: the house style writes months in full ('19 January 2024')"
                    problems.append(Problem(f"{table}.csv", row["_line"], field, reason))
    return problems


def quoted_speakers_have_no_comma(data: Data) -> list[Problem]:
    reason = "a quoted speaker's name cannot hold a comma: links to the quotes page list speakers separated by commas"
    return [_event(row, "actor", reason) for row in data.tables["events"] if row["quote"] and "," in row["actor"]]


def note_types_have_notes(data: Data) -> list[Problem]:
    return [
        _event(row, "note", f"note_type {row['note_type']!r} needs a note saying what is wrong")
        for row in data.tables["events"]
        if row["note_type"] and not row["note"]
    ]


def dated_by_publication(data: Data) -> list[Problem]:
    """Nothing is dated after the article reporting it, except a scheduled event it announces ahead."""
    published = {r["article_id"]: parse_date(r["published"]) for r in data.tables["articles"]}
    problems = []
    for row in data.tables["events"]:
        day, issued = parse_date(row["date"]), published.get(row["article_id"])
        if day and issued and day > issued and row["kind"] not in kinds.with_role(kinds.ANNOUNCED):
            reason = (
                f"{day} is after its article was published ({issued}); "
                "only a scheduled took_office or context row may be"
            )
            problems.append(_event(row, "date", reason))
    return problems


def facts_agree(data: Data) -> list[Problem]:
    """Rows sharing a fact_id report one fact: at least two rows do, and stance rows agree on the ally and the stance.
    A disagreement (note_type conflict) needs a fact_id, since it is between two reports of one fact."""
    events = data.tables["events"]
    rows_of: dict[str, list[dict]] = {}
    for row in events:
        if row["fact_id"]:
            rows_of.setdefault(row["fact_id"], []).append(row)
    problems = []
    for fact, rows in rows_of.items():
        if len(rows) == 1:
            reason = f"{fact!r} is on no other row; leave it blank, or give it to the rows reporting the same fact"
            problems.append(_event(rows[0], "fact_id", reason))
        stances = [r for r in rows if r["stance"] in kinds.known_stances()]  # an unknown stance is reported on its own
        # Each is compared with the first that states a stance; a report worded another way ("had reservations" of
        # an opposition) is another fact, with a note on how the articles differ.
        stated = [r for r in stances if r["stance_report"] == "stated"] or stances
        first = stated[0] if stated else None
        for row in stances:
            if row is first:
                continue
            if (row["country_iso3"], row["stance"]) != (first["country_iso3"], first["stance"]):
                reason = (
                    f"{fact!r} joins a {row['country_iso3'] or 'no-country'} {row['stance']!r} row to the "
                    f"{first['country_iso3'] or 'no-country'} {first['stance']!r} row on line {first['_line']}; "
                    "one fact is one member's one stance"
                )
                problems.append(_event(row, "fact_id", reason))
    reason = "a 'conflict' note needs the fact_id the row shares with the reports it disagrees with"
    problems += [_event(r, "fact_id", reason) for r in events if r["note_type"] == "conflict" and not r["fact_id"]]
    return problems


def _in_sequence(events: list[dict], first: str, then: str, reason: str) -> list[Problem]:
    """Per candidate, no `then` row may come before the earliest `first` row."""
    earliest: dict[str, date] = {}
    for row in events:
        day = parse_date(row["date"])
        if row["kind"] == first and day:
            earliest[row["candidate"]] = min(day, earliest.get(row["candidate"], day))
    return [
        _event(row, "date", reason)
        for row in events
        if row["kind"] == then
        and (day := parse_date(row["date"]))
        and row["candidate"] in earliest
        and day < earliest[row["candidate"]]
    ]


def appointed_before_taking_office(data: Data) -> list[Problem]:
    decision, office = kinds.the_kind(kinds.DECISION), kinds.the_kind(kinds.START_OF_OFFICE)
    return _in_sequence(data.tables["events"], decision, office, "took office before the decision")


def candidates_before_withdrawing(data: Data) -> list[Problem]:
    declaring, leaving = kinds.the_kind(kinds.DECLARING), kinds.the_kind(kinds.LEAVING)
    return _in_sequence(data.tables["events"], declaring, leaving, "withdrew before any candidacy")


def candidates_agree_with_events(data: Data) -> list[Problem]:
    """A candidate's first article is the earliest whose sentence names them (an article that gets the name wrong
    reports the person, but does not name them), and their status matches their events."""
    problems = []
    published = {a["article_id"]: a["published"] for a in data.tables["articles"]}
    for cand in data.tables["candidates"]:
        rows = [e for e in data.tables["events"] if e["candidate"] == cand["candidate_id"]]
        named_in = {
            e["article_id"]
            for e in rows
            if e["article_id"] in published and accuracy.names_person(e["evidence"], cand["name"])
        }
        naming = sorted(named_in, key=lambda a: (published[a], a))
        if naming and cand["first_article_id"] != naming[0]:
            reason = f"should be {naming[0]!r}, the earliest article whose sentence names {cand['candidate_id']}"
            problems.append(Problem("candidates.csv", cand["_line"], "first_article_id", reason))
        rows_kinds = {e["kind"] for e in rows}
        for status, kind in (
            ("appointed", kinds.the_kind(kinds.DECISION)),
            ("withdrew", kinds.the_kind(kinds.LEAVING)),
        ):
            if (cand["status"] == status) != (kind in rows_kinds):
                which = ("an" if kind[0] in "aeiou" else "a") if kind in rows_kinds else "no"
                reason = f"{cand['status']!r} disagrees with the events: {which} {kind} row for {cand['candidate_id']}"
                problems.append(Problem("candidates.csv", cand["_line"], "status", reason))
    return problems


def corrections_agree_with_rows(data: Data) -> list[Problem]:
    """The log agrees with the rows: an article_error for each row noted as a correction, and every data_change's
    `after` is what its row holds now."""
    events = data.tables["events"]
    problems = []
    by_id = {e["event_id"]: e for e in events}
    logged = set()
    # An article error later found not to be one (a forecast that failed after it was written) is withdrawn by a
    # line of its own, with its reason: the original line stays in the log (fact-check round 27: a change of the
    # row's note type alone did not say so in the log).
    withdrawn = {c["event_id"] for c in data.tables["corrections"] if c["kind"] == WITHDRAWAL}
    errors = {c["event_id"] for c in data.tables["corrections"] if c["kind"] == ARTICLE_ERROR}
    # A row's field may change more than once: the newest change (the last line of the latest date) says what it holds.
    newest = {}
    for row in data.tables["corrections"]:
        if row["kind"] == DATA_CHANGE:
            key = (row["event_id"], row["field"])
            if key not in newest or row["date"] >= newest[key]["date"]:
                newest[key] = row
    for row in data.tables["corrections"]:
        event = by_id.get(row["event_id"])  # an unknown id is named by the foreign-key check
        reasons = []
        if event is not None and row["kind"] == ARTICLE_ERROR:
            logged.add(row["event_id"])
            if event["note_type"] != "correction" and row["event_id"] not in withdrawn:
                reasons.append(
                    (
                        "event_id",
                        f"{row['event_id']!r} has no 'correction' note in events.csv "
                        f"(line {event['_line']}) to say what is right",
                    )
                )
            reasons += [
                (f, "must be empty for an article_error (the row's note says what is right)")
                for f in ("field", "before", "after", "reason")
                if row[f]
            ]
        elif event is not None and row["kind"] == WITHDRAWAL:
            if not row["reason"]:
                reasons.append(("reason", "a withdrawal needs the reason the article was not wrong after all"))
            if row["event_id"] not in errors:
                reasons.append(("event_id", f"{row['event_id']!r} has no article_error line to withdraw"))
            if event["note_type"] == "correction":
                reasons.append(
                    (
                        "event_id",
                        f"{row['event_id']!r} is still noted as a correction in events.csv (line {event['_line']})",
                    )
                )
            reasons += [
                (f, "must be empty for a withdrawal (its reason says why)")
                for f in ("field", "before", "after")
                if row[f]
            ]
        elif event is not None and row["kind"] == DATA_CHANGE:
            field = row["field"]
            if not row["reason"]:
                reasons.append(("reason", "a data_change needs the reason the row was changed"))
            if field not in event or field.startswith("_"):
                reasons.append(("field", f"{field!r} is not a column of events.csv"))
            elif newest[(row["event_id"], field)] is row and event[field] != row["after"]:
                reasons.append(
                    (
                        "after",
                        f"{row['after']!r} is not what {row['event_id']}'s {field} holds now "
                        f"({event[field]!r}, events.csv line {event['_line']})",
                    )
                )
        problems += [Problem("corrections.csv", row["_line"], field, reason) for field, reason in reasons]
    reason = "a 'correction' row needs its article_error line in corrections.csv"
    problems += [
        Problem("events.csv", e["_line"], "note_type", reason)
        for e in events
        if e["note_type"] == "correction" and e["event_id"] not in logged
    ]
    return problems


def accuracy_rules(data: Data) -> list[Problem]:
    """The fact-check's accuracy rules: stance wording, quotes with their speaker, outside facts, bounded dates."""
    return [Problem(*found) for found in accuracy.problems(data.tables)]


def _shape_ids(data_dir: Path) -> tuple[set, list[Problem]]:
    name = "countries-110m.json"
    if not (data_dir / name).is_file():
        return set(), [Problem(name, 0, "", "file is missing")]
    try:
        shapes = json.loads((data_dir / name).read_text(encoding="utf-8", errors="replace"))
        return {g.get("id") for g in shapes["objects"]["countries"]["geometries"]}, []
    except json.JSONDecodeError as err:
        return set(), [Problem(name, err.lineno, "", f"is not valid JSON ({err.msg}, column {err.colno})")]
    except (KeyError, TypeError, AttributeError):
        return set(), [Problem(name, 0, "", "has no objects.countries.geometries: not a world-atlas topology")]


def allies_have_codes_and_shapes(data: Data) -> list[Problem]:
    """Each ally's ISO numeric code is its country's, and the world map has a shape for it."""
    numeric = {c["iso3"]: c["iso_numeric"] for c in data.tables["countries"]}
    shape_ids, problems = _shape_ids(data.data_dir)
    for row in data.tables["members"]:
        iso3, num = row["iso3"], row["iso_numeric"]
        if iso3 in numeric and numeric[iso3] != num:
            reason = f"{num!r} is not the ISO numeric code of {iso3} ({numeric[iso3]})"
            problems.append(Problem("members.csv", row["_line"], "iso_numeric", reason))
        if shape_ids and num not in shape_ids:
            reason = f"{num!r} has no shape in countries-110m.json"
            problems.append(Problem("members.csv", row["_line"], "iso_numeric", reason))
    return problems


def texts_count_the_data(data: Data) -> list[Problem]:
    """The descriptor's texts that speak of counts ("five news articles") say the data's numbers."""
    counts = Counts(articles=len(data.tables["articles"]), allies=len(data.tables["members"]))
    try:
        copy = copy_files.read(data.data_dir)
    except DataError:  # the copy's own problems are reported by its check
        return []
    stale = stale_texts(read_package(data.data_dir), counts, copy)
    if not stale:
        return []
    (where, said, should), more = stale[0], len(stale) - 1
    others = f" (and {more} more text{'s' if more > 1 else ''} like it)" if more else ""
    reason = (
        f"says {said!r}{others}, out of step with the data ({counts.articles} articles, {counts.allies} members); "
        f"run python -m tracker.tools.data_docs to write {should!r}"
    )
    return [Problem("datapackage.json", 0, where, reason)]


# Each rule with the tables it needs: a rule waits while one of them cannot be read (that is reported already).
RULE_CHECKS: list[tuple[tuple[str, ...], Callable[[Data], list[Problem]]]] = [
    (("articles",), seeds_match_articles),
    (("articles", "events"), spans_are_verbatim),
    (("articles", "events"), dated_by_publication),
    (("events",), dates_match_precision),
    (("events",), kinds_are_drawable),
    (("events",), stances_match_kinds),
    (("events", "members"), stances_are_allies),
    (("events", "members"), stances_change_only_when_reported),
    (("events",), quoted_speakers_have_no_comma),
    (("articles", "candidates", "corrections", "events"), reader_text_in_house_style),
    (("events",), note_types_have_notes),
    (("events",), facts_agree),
    (("events",), appointed_before_taking_office),
    (("events",), candidates_before_withdrawing),
    (("articles", "candidates", "events"), candidates_agree_with_events),
    (("corrections", "events"), corrections_agree_with_rows),
    (("events",), accuracy_rules),
    (("countries", "members"), allies_have_codes_and_shapes),
    (("articles", "members"), texts_count_the_data),
]


def rule_problems(data: Data) -> list[Problem]:
    """What every rule finds, among the rules whose tables could be read."""
    return [
        problem for needs, rule in RULE_CHECKS if all(name in data.tables for name in needs) for problem in rule(data)
    ]
