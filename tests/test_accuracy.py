"""The fact-check's accuracy rules (tracker/checks/accuracy.py): each refuses a broken copy of the data with the exact
message naming file, line, field and reason, and the real data keeps them."""

import pandas as pd
import pytest

from data_copies import DataCopy
from tracker.checks import accuracy
from tracker.checks.accuracy import stances_in

WORDING = (
    "by the method page's wording table; use the stance the words give, or write in stance_basis why the row reads "
    "the evidence so"
)
NO_QUOTE = "does not hold the quote; a quote row's evidence is the passage with the quote and the words attributing it"
BOUND = "date the row no later than that ('No later than …'), or, for a later act, to the day or 'No earlier than …'"


@pytest.fixture
def copy(tmp_path) -> DataCopy:
    return DataCopy(tmp_path)


@pytest.mark.parametrize(
    "text, stances",
    [
        ("Turkey Backs Dutch Prime Minister Rutte's Bid", {"backs"}),
        ("she stated that Estonia can back Mark Rutte", {"backs"}),
        ("Politico reported that Rutte has secured support from two-thirds of allied nations", {"backs"}),
        ("there is still no sign of supporting Rutte", {"undeclared"}),  # the phrase hides 'supporting'
        ("Some countries, such as Turkey and Hungary, have yet to express their support.", {"undeclared"}),
        ("leaving a few member states silent for now", {"undeclared"}),
        ("some Eastern European countries still do not fully support Rutte", {"reservations"}),
        ("initially raised concerns", {"reservations"}),
        ("Hungary opposes Mark Rutte’s bid to run NATO.", {"opposes"}),
        (
            "had earlier expressed reservations about Rutte's candidacy, but Erdogan has now committed to "
            "supporting Rutte's bid",
            {"reservations", "backs"},
        ),
        ("Erdoğan stated his expectations", set()),
        ("a common refrain, with feedback from allies", set()),  # whole words only: 'feedback' is not 'back'
    ],
)
def test_the_wording_table_gives_the_stances_of_a_sentence(text, stances):
    assert stances_in(text) == stances


def logged_after(copy: DataCopy, correction: str, event: str, field: str, now: str) -> str:
    """The message the corrections log gives when a row it logged no longer holds the logged value."""
    row = copy.row("corrections.csv", correction)
    return (
        f"corrections.csv, line {copy.line_of('corrections.csv', correction)}, after: {row['after']!r} is not what "
        f"{event}'s {field} "
        f"holds now ({now!r}, events.csv line {copy.line_of('events.csv', event)})"
    )


# (name, row, change, the messages after "events.csv, line N, ")
EVENT_FAULTS = [
    (
        "silence read as reservations",
        "some-allies-silent",
        {"stance": "reservations"},
        [f"stance: 'reservations' is not what the evidence's words give (undeclared) {WORDING}"],
    ),
    (
        "opposition read into praise",
        "spain-backs-politico",
        {"kind": "opposition", "stance": "opposes"},
        [f"stance: 'opposes' is not what the evidence's words give (backs) {WORDING}"],
    ),
    (
        "a stance basis on a row with no stance",
        "geoana-ukraine-priority",
        {"stance_basis": "Geoană backs Rutte."},
        ["stance_basis: only a row with a stance carries a stance_basis"],
    ),
    (
        "a quote row whose evidence lacks the quote",
        "rutte-trump-was-right",
        {"evidence": "In October, Rutte stated that he was willing to take on this role."},
        [f"evidence: {NO_QUOTE}"],
    ),
    (
        "a quote given to someone the evidence does not name",
        "rutte-trump-was-right",
        {"actor": "Jens Stoltenberg"},
        [
            "evidence: does not name the speaker ('Jens Stoltenberg') outside the quote; a quote row's evidence "
            "holds the words attributing it"
        ],
    ),
    (
        "an outside fact with no source",
        "rutte-visits-erdogan",
        {"outside_fact": "They met in Istanbul."},
        ["outside_source: an outside_fact needs its source named in outside_source"],
    ),
    (
        "a source with no outside fact",
        "spain-backs-politico",
        {"outside_source": "Reuters, 23 February 2024"},
        ["outside_fact: an outside_source needs the outside_fact it is the source of"],
    ),
    (
        "outside knowledge in a note",
        "spain-backs-politico",
        {"note": "Second-hand; public record confirms it."},
        [
            "note: names outside knowledge ('public record'): put the fact in outside_fact and its source in "
            "outside_source"
        ],
    ),
    (
        "outside knowledge in a date basis",
        "rutte-visits-erdogan",
        {"date_basis": "Public record: 26 April 2024."},
        [
            "date_basis: names outside knowledge ('public record'): put the fact in outside_fact and its source in "
            "outside_source"
        ],
    ),
    (
        "a note with no type",
        "spain-backs-politico",
        {"note_type": ""},
        [
            "note_type: a note needs its note_type: correction (wrong when written), conflict (articles disagree) "
            "or caution"
        ],
    ),
    (
        "a standing fact's date not said to be a bound",
        "kallas-steps-aside",
        {
            "date": "2024-04-04",
            "date_precision": "approx",
            "date_basis": "Reported as standing when the article was published.",
        },
        [
            "date_basis: the row is dated on its article's day (2024-04-04), so the date is a bound: start the "
            "basis with 'No later than …'"
        ],
    ),
    (
        "a stance dated after an earlier report of it",
        "eastern-concerns-initially",
        {"date": "2024-06-26"},
        [f"date: 'eastern-reservations' is already reported by bloomberg-backers (2024-01-19); {BOUND}"],
    ),
    (
        "a later act no longer dated to the day",
        "us-backs-kirby",
        {"date_precision": "approx"},
        [f"date: 'usa-backs-rutte' is already reported by bloomberg-backers (2024-01-19); {BOUND}"],
    ),
]


@pytest.mark.parametrize("key, changes, expected", [pytest.param(*case[1:], id=case[0]) for case in EVENT_FAULTS])
def test_a_broken_accuracy_rule_is_named_by_file_line_field_and_reason(copy, key, changes, expected):
    line = copy.edit("events.csv", key, **changes)
    assert copy.problems() == [f"events.csv, line {line}, {m}" for m in expected]


def test_hungary_read_as_reservations_again_is_refused_and_the_log_disagrees(copy):
    line = copy.edit("events.csv", "hungary-no-sign-april", stance="reservations")
    assert copy.problems() == [
        logged_after(copy, "hungary-no-sign-april-stance", "hungary-no-sign-april", "stance", "reservations"),
        f"events.csv, line {line}, stance: 'reservations' is not what the evidence's words give (undeclared) {WORDING}",
    ]


def test_no_sign_of_supporting_is_not_backing(copy):
    line = copy.edit("events.csv", "hungary-no-sign-april", kind="endorsement", stance="backs")
    assert copy.problems() == [
        logged_after(copy, "hungary-no-sign-april-stance", "hungary-no-sign-april", "stance", "backs"),
        f"events.csv, line {line}, stance: 'backs' is not what the evidence's words give (undeclared) {WORDING}",
    ]


def test_a_backing_without_its_wording_needs_its_written_reason(copy):
    line = copy.edit("events.csv", "us-backs-kirby", stance_basis="")
    assert copy.problems() == [
        logged_after(copy, "us-backs-kirby-stance-basis", "us-backs-kirby", "stance_basis", ""),
        f"events.csv, line {line}, stance: 'backs' is not what the evidence's words give (no stance) {WORDING}",
    ]


def test_a_change_to_an_article_row_must_match_the_log(copy):
    copy.edit("articles.csv", "leading-contender", summary="The four powers publicly back Rutte.")
    log = copy.line_of("corrections.csv", "article-leading-contender-summary")
    after = copy.row("corrections.csv", "article-leading-contender-summary")["after"]
    article = copy.line_of("articles.csv", "leading-contender")
    assert copy.problems() == [
        (
            f"corrections.csv, line {log}, after: {after!r} is not what leading-contender's summary holds now "
            f"('The four powers publicly back Rutte.', articles.csv line {article})"
        )
    ]


@pytest.mark.parametrize(
    "changes, expected",
    [
        (
            {"event_id": "spain-backs-politico"},
            "event_id: name exactly one of event_id (a change to events.csv) and article_id (a change to articles.csv)",
        ),
        ({"field": "headline"}, "field: 'headline' is not a column of articles.csv"),
        (
            {"kind": "article_error", "before": "", "after": "", "reason": "", "field": ""},
            "kind: a change to an article's row is a data_change",
        ),
    ],
    ids=["both an event and an article", "a column articles.csv lacks", "an article error on an article's row"],
)
def test_a_broken_article_change_line_is_named(copy, changes, expected):
    line = copy.edit("corrections.csv", "article-leading-contender-summary", **changes)
    problems = copy.problems()
    if "event_id" in changes:  # named as an event's change too, the line is also held to that row
        spain = copy.line_of("events.csv", "spain-backs-politico")
        after = copy.row("corrections.csv", "article-leading-contender-summary")["after"]
        assert problems[0] == (
            f"corrections.csv, line {line}, after: {after!r} is not what spain-backs-politico's summary holds now "
            f"('Politico reports Spain among the allies backing Rutte.', events.csv line {spain})"
        )
        problems = problems[1:]
    assert problems == [f"corrections.csv, line {line}, {expected}"]


def test_an_article_error_stands_until_a_change_withdraws_it(copy):
    # The Wilders forecast was logged as an article error, then found to be a caution: the withdrawal line that says
    # so is what lets the original line stay in the log (a change of the row's note type alone no longer does).
    first = copy.line_of("corrections.csv", "wilders-coalition")
    withdrawal = copy.lines("corrections.csv")[
        copy.line_of("corrections.csv", "wilders-to-lead-coalition-withdrawn") - 1
    ]
    copy.replace("corrections.csv", withdrawal + "\n", "")
    wilders = copy.line_of("events.csv", "wilders-to-lead-coalition")
    assert copy.problems() == [
        (
            f"corrections.csv, line {first}, event_id: 'wilders-to-lead-coalition' has no 'correction' note in "
            "events.csv "
            f"(line {wilders}) to say what is right"
        )
    ]


@pytest.mark.parametrize(
    "basis, expected",
    [
        ("No later than c. 19 January 2024: the article's date.", "c. 19 January 2024 or earlier"),
        ("No earlier than the summit.", "c. 19 January 2024 or later"),
        ("'In October'.", "c. 19 January 2024"),
    ],
)
def test_a_rows_date_is_shown_with_its_bound_hedged_once(basis, expected):
    row = {"date": pd.Timestamp("2024-01-19"), "date_precision": "approx", "date_basis": basis}
    assert accuracy.row_when(row) == expected


def test_a_date_known_only_by_a_month_is_not_bounded_twice():
    row = {"date": pd.Timestamp("2023-07-31"), "date_precision": "by_month", "date_basis": "No later than July 2023."}
    assert accuracy.row_when(row) == "by July 2023"
