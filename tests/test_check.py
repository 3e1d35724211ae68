"""The data check on the real data and on broken copies: every fault is named by file, line, field and reason.

Each broken copy breaks one thing, and the test asserts the check's whole answer, so a fault that is
missed, or one that drags in unrelated complaints, fails the test.
"""

import csv
import io
import json
import os
import subprocess
import sys
import unicodedata

import pytest
from frictionless import validate

from data_copies import RACE, ROOT, DataCopy
from tracker.checks.check import check
from tracker.data.text import normalise

SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$"
KINDS = (
    "endorsement, reservation, opposition, candidacy, interest, mention, withdrawal, call, visit, statement, tally, "
    "appointment, took_office, context, background"
)
ONLY_THREE_KINDS = "(only endorsement, reservation and opposition rows carry a stance)"


@pytest.fixture
def copy(tmp_path) -> DataCopy:
    return DataCopy(tmp_path)


def run_check(*args: str) -> subprocess.CompletedProcess:
    # Without the tests' TRACKER_* settings, so the command reads the real data/ as an editor's would.
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    return subprocess.run(
        [sys.executable, "-m", "tracker.checks.check", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


# --- The real data ---------------------------------------------------------------------------------


def test_the_real_data_has_no_problems():
    assert [str(p) for p in check(ROOT / "data" / RACE, ROOT / "seeds" / RACE)] == []


def test_check_command_exits_0_and_says_ok_on_the_real_data():
    result = run_check()
    ok = f"OK: {ROOT / 'data' / RACE} passes every check\n"
    assert (result.returncode, result.stdout, result.stderr) == (0, ok, "")


def test_the_data_package_is_valid_for_frictionless():
    report = validate(ROOT / "data" / RACE / "datapackage.json")
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:10]


# --- One broken cell: table of file, row, change -> the exact problems ------------------------------
# Each expected message follows "FILE, line N, " where N is the edited row's line; a message that starts
# with "FILE" instead names a whole file.

CELL_FAULTS = [
    # Dates
    (
        "impossible date",
        "events.csv",
        "france-support-january",
        {"date": "2024-02-30"},
        ["date: '2024-02-30' is not a real date in the form YYYY-MM-DD"],
    ),
    (
        "day-first date",
        "events.csv",
        "france-support-january",
        {"date": "19/01/2024"},
        ["date: '19/01/2024' is not a real date in the form YYYY-MM-DD"],
    ),
    (
        "date without zero padding",
        "events.csv",
        "france-support-january",
        {"date": "2024-1-19"},
        ["date: '2024-1-19' is not a real date in the form YYYY-MM-DD"],
    ),
    (
        "date with a time",
        "events.csv",
        "france-support-january",
        {"date": "2024-01-19T12:00"},
        ["date: '2024-01-19T12:00' is not a real date in the form YYYY-MM-DD"],
    ),
    ("empty date", "events.csv", "france-support-january", {"date": ""}, ["date: is required but empty"]),
    (
        "month precision not on the 1st",
        "events.csv",
        "erdogan-brain-dead-reply",
        {"date": "2019-11-15"},
        ["date: a month-precision date must be the 1st of the month"],
    ),
    (
        "year precision not on 1 January",
        "events.csv",
        "kallas-interest-2023",
        {"date": "2023-06-01"},
        ["date: a year-precision date must be 1 January"],
    ),
    (
        "week precision not on a Monday",
        "events.csv",
        "france-support-january",
        {"date": "2024-01-19", "date_precision": "week"},
        ["date: a week-precision date must be the Monday of its week (2024-01-15)"],
    ),
    (
        "statement dated after its article",
        "events.csv",
        "rutte-trump-was-right",
        {"date": "2024-02-01"},
        [
            "date: 2024-02-01 is after its article was published (2024-01-19); only a scheduled took_office or "
            "context row may be"
        ],
    ),
    (
        "took office before the appointment",
        "events.csv",
        "rutte-takes-office",
        {"date": "2024-06-01"},
        ["date: took office before the decision"],
    ),
    (
        "withdrew before running",
        "events.csv",
        "iohannis-withdraws",
        {"date": "2024-03-01"},
        ["date: withdrew before any candidacy"],
    ),
    (
        "unknown date precision",
        "events.csv",
        "france-support-january",
        {"date_precision": "fortnight"},
        ["date_precision: 'fortnight' is not one of: day, week, month, year, approx"],
    ),
    # Vocabularies, and which kinds carry a stance
    (
        "unknown stance",
        "events.csv",
        "spain-backs-politico",
        {"stance": "supports"},
        [
            "stance: 'supports' is not one of: backs, opposes, reservations, undeclared",
            "stance: kind 'endorsement' needs stance backs, not 'supports'",
        ],
    ),
    (
        "unknown kind",
        "events.csv",
        "france-support-january",
        {"kind": "endorsment"},
        [
            f"kind: 'endorsment' is not one of: {KINDS}",
            f"stance: must be empty for kind 'endorsment' {ONLY_THREE_KINDS}",
        ],
    ),
    (
        "endorsement that opposes",
        "events.csv",
        "spain-backs-politico",
        {"stance": "opposes"},
        [
            "stance: 'opposes' is not what the evidence's words give (backs) by the method page's wording table; "
            "use the stance the words give, or write in stance_basis why the row reads the evidence so",
            "stance: kind 'endorsement' needs stance backs, not 'opposes'",
        ],
    ),
    (
        "opposition with reservations",
        "events.csv",
        "hungary-opposes-politico",
        {"stance": "reservations"},
        [
            "stance: 'reservations' is not what the evidence's words give (opposes) by the method page's wording "
            "table; use the stance the words give, or write in stance_basis why the row reads the evidence so",
            "stance: kind 'opposition' needs stance opposes, not 'reservations'",
        ],
    ),
    (
        "reservation without a stance",
        "events.csv",
        "eastern-allies-hold-back",
        {"stance": ""},
        [
            "stance: kind 'reservation' needs stance reservations or undeclared, not ''",
            "stance_report: is needed on a row with a stance, and only there: 'stated', 'continuing' or 'earlier'",
        ],
    ),
    (
        "statement with a stance",
        "events.csv",
        "rutte-trump-was-right",
        {"stance": "backs"},
        [
            f"stance: must be empty for kind 'statement' {ONLY_THREE_KINDS}",
            "stance_report: is needed on a row with a stance, and only there: 'stated', 'continuing' or 'earlier'",
        ],
    ),
    (
        "endorsement turned statement",
        "events.csv",
        "france-support-january",
        {"kind": "statement"},
        [f"stance: must be empty for kind 'statement' {ONLY_THREE_KINDS}"],
    ),
    (
        "unknown note type",
        "events.csv",
        "france-support-january",
        {"note_type": "doubt"},
        ["note_type: 'doubt' is not one of: correction, conflict, caution"],
    ),
    (
        "note type without a note",
        "events.csv",
        "spain-backs-politico",
        {"note": ""},
        ["note: note_type 'caution' needs a note saying what is wrong"],
    ),
    (
        "text a spreadsheet would run",
        "events.csv",
        "france-support-january",
        {"summary": '=HYPERLINK("http://example.com")'},
        ["summary: starts with '=', which a spreadsheet opening the CSV download would run as a formula; reword it"],
    ),
    (
        "quoted speaker with a comma",
        "events.csv",
        "rutte-trump-was-right",
        {"actor": "Rutte, Mark"},
        [
            "actor: a quoted speaker's name cannot hold a comma: links to the quotes page list speakers separated "
            "by commas"
        ],
    ),
    # Countries
    (
        "made-up country code",
        "events.csv",
        "spain-backs-politico",
        {"country_iso3": "XXX"},
        [
            "country_iso3: 'XXX' is not a known iso3 in countries.csv",
            "country_iso3: XXX has a stance but is not a member (members.csv)",
        ],
    ),
    (
        "lower-case country code",
        "events.csv",
        "spain-backs-politico",
        {"country_iso3": "esp"},
        [
            "country_iso3: 'esp' does not match the pattern ^[A-Z]{3}$",
            "country_iso3: 'esp' is not a known iso3 in countries.csv",
            "country_iso3: esp has a stance but is not a member (members.csv)",
        ],
    ),
    (
        "stance of a non-ally",
        "events.csv",
        "spain-backs-politico",
        {"country_iso3": "CHE"},
        ["country_iso3: CHE has a stance but is not a member (members.csv)"],
    ),
    (
        "Sweden's stance before it joined",
        "events.csv",
        "spain-backs-politico",
        {"country_iso3": "SWE"},
        ["date: SWE was not yet a member on 2024-02-23 (joined 2024-03-07)"],
    ),
    (
        "Sweden's stance the day before it joined",
        "events.csv",
        "estonia-backs-kallas",
        {"country_iso3": "SWE", "date": "2024-03-06"},
        ["date: SWE was not yet a member on 2024-03-06 (joined 2024-03-07)"],
    ),
    # Provenance
    (
        "evidence not in its article",
        "events.csv",
        "geoana-ukraine-priority",
        {"evidence": "Rutte said nothing of the sort."},
        ["evidence: not found verbatim in seeds/003_bbb002d8aafd2be4.txt (article bloomberg-backers)"],
    ),
    (
        "evidence from another article",
        "events.csv",
        "geoana-ukraine-priority",
        {"evidence": "He shared this message through his official social media channels."},
        ["evidence: not found verbatim in seeds/003_bbb002d8aafd2be4.txt (article bloomberg-backers)"],
    ),
    (
        "evidence losing a diacritic",
        "events.csv",
        "erdogan-brain-dead-reply",
        {
            "evidence": "Turkish president Erdogan replied by saying "
            "“You should check whether you are brain dead first.”"
        },
        ["evidence: not found verbatim in seeds/000_ee6223e5998860ce.txt (article europolitika-kallas)"],
    ),
    (
        "quote not in its article",
        "events.csv",
        "erdogan-brain-dead-reply",
        {"quote": "NATO is doing just fine."},
        [
            "evidence: does not hold the quote; a quote row's evidence is the passage with the quote and the words "
            "attributing it",
            "quote: not found verbatim in seeds/000_ee6223e5998860ce.txt (article europolitika-kallas)",
        ],
    ),
    (
        "quote with one word changed",
        "events.csv",
        "rutte-trump-was-right",
        {"quote": "Trump’s main issue was that we were not spending enough. He was correct"},
        [
            "evidence: does not hold the quote; a quote row's evidence is the passage with the quote and the words "
            "attributing it",
            "quote: not found verbatim in seeds/003_bbb002d8aafd2be4.txt (article bloomberg-backers)",
        ],
    ),
    (
        "unknown article",
        "events.csv",
        "france-support-january",
        {"article_id": "no-such-article"},
        ["article_id: 'no-such-article' is not a known article_id in articles.csv"],
    ),
    (
        "unknown candidate",
        "events.csv",
        "iohannis-running",
        {"candidate": "stoltenberg"},
        ["candidate: 'stoltenberg' is not a known candidate_id in candidates.csv"],
    ),
    # Required values, spaces, patterns
    ("empty summary", "events.csv", "france-support-january", {"summary": ""}, ["summary: is required but empty"]),
    (
        "leading space",
        "events.csv",
        "france-support-january",
        {"actor": " France (government)"},
        ["actor: ' France (government)' has leading or trailing spaces"],
    ),
    (
        "event id that is not a slug",
        "events.csv",
        "rutte-erdogan-call",
        {"event_id": "Rutte-Erdogan-Call"},
        [f"event_id: 'Rutte-Erdogan-Call' does not match the pattern {SLUG}"],
    ),
    (
        "fact id that is not a slug",
        "events.csv",
        "france-support-january",
        {"fact_id": "fra backs"},
        [
            f"fact_id: 'fra backs' does not match the pattern {SLUG}",
            "fact_id: 'fra backs' is on no other row; leave it blank, or give it to the rows reporting the same fact",
        ],
    ),
    # articles.csv
    (
        "impossible publication date",
        "articles.csv",
        "turkey-backs",
        {"published": "2024-04-31"},
        ["published: '2024-04-31' is not a real date in the form YYYY-MM-DD"],
    ),
    (
        "unknown publication precision",
        "articles.csv",
        "turkey-backs",
        {"published_precision": "exact"},
        ["published_precision: 'exact' is not one of: day, week, month, year, approx"],
    ),
    (
        "seed file that does not exist",
        "articles.csv",
        "rutte-chosen",
        {"seed_file": "005_0000000000000000.txt"},
        [
            "articles.csv, seed_file: seeds/004_f81cd5b717ad3e36.txt has no row in articles.csv",
            "seed_file: seeds/005_0000000000000000.txt does not exist",
        ],
    ),
    (
        "seed file name off the pattern",
        "articles.csv",
        "rutte-chosen",
        {"seed_file": "article.txt"},
        [
            "articles.csv, seed_file: seeds/004_f81cd5b717ad3e36.txt has no row in articles.csv",
            "seed_file: 'article.txt' does not match the pattern ^[0-9]{3}_[0-9a-f]{16}\\.txt$",
            "seed_file: seeds/article.txt does not exist",
        ],
    ),
    # candidates.csv
    (
        "first article not the earliest",
        "candidates.csv",
        "iohannis",
        {"first_article_id": "bloomberg-backers"},
        ["first_article_id: should be 'leading-contender', the earliest article whose sentence names iohannis"],
    ),
    (
        "first article gets the name wrong",  # it calls Latvia's foreign minister Edgars Rinkēvičs
        "candidates.csv",
        "karins",
        {"first_article_id": "bloomberg-backers"},
        ["first_article_id: should be 'leading-contender', the earliest article whose sentence names karins"],
    ),
    (
        "first article unknown",
        "candidates.csv",
        "wallace",
        {"first_article_id": "no-such-article"},
        [
            "first_article_id: 'no-such-article' is not a known article_id in articles.csv",
            "first_article_id: should be 'leading-contender', the earliest article whose sentence names wallace",
        ],
    ),
    (
        "status ignores a withdrawal",
        "candidates.csv",
        "iohannis",
        {"status": "declared"},
        ["status: 'declared' disagrees with the events: a withdrawal row for iohannis"],
    ),
    (
        "status claims an appointment",
        "candidates.csv",
        "wallace",
        {"status": "appointed"},
        ["status: 'appointed' disagrees with the events: no appointment row for wallace"],
    ),
    (
        "status ignores the appointment",
        "candidates.csv",
        "rutte",
        {"status": "declared"},
        ["status: 'declared' disagrees with the events: an appointment row for rutte"],
    ),
    (
        "candidate's country not ISO",
        "candidates.csv",
        "karins",
        {"country_iso3": "LAT"},
        ["country_iso3: 'LAT' is not a known iso3 in countries.csv"],
    ),
    # corrections.csv
    (
        "data change with no reason",
        "corrections.csv",
        "rutte-tenure-linked",
        {"reason": ""},
        ["reason: a data_change needs the reason the row was changed"],
    ),
    (
        "article error with a reason",
        "corrections.csv",
        "karins-latvian",
        {"reason": "He is Latvian."},
        ["reason: must be empty for an article_error (the row's note says what is right)"],
    ),
    (
        "data change whose value is not the row's",
        "corrections.csv",
        "rutte-tenure-linked",
        {"after": "rutte-years"},
        [
            "after: 'rutte-years' is not what rutte-pm-since-2010's fact_id holds now ('rutte-tenure', events.csv "
            "line 2)"
        ],
    ),
    (
        "data change of a column that does not exist",
        "corrections.csv",
        "rutte-tenure-linked",
        {"field": "tenure"},
        ["field: 'tenure' is not a column of events.csv"],
    ),
    (
        "unknown kind of correction",
        "corrections.csv",
        "rutte-tenure-linked",
        {"kind": "fix"},
        ["kind: 'fix' is not one of: article_error, data_change, withdrawal"],
    ),
    (
        "reason that names the team's review round",
        "corrections.csv",
        "rutte-tenure-linked",
        {"reason": "Editor round 21: the two reports are one fact."},
        ["reason: names the team's review ('Editor round 21'): say what was wrong and why, not who found it"],
    ),
    (
        "withdrawal with no reason",
        "corrections.csv",
        "wilders-to-lead-coalition-withdrawn",
        {"reason": ""},
        ["reason: a withdrawal needs the reason the article was not wrong after all"],
    ),
    (
        "withdrawal that names a column",
        "corrections.csv",
        "wilders-to-lead-coalition-withdrawn",
        {"field": "note"},
        ["field: must be empty for a withdrawal (its reason says why)"],
    ),
    (
        "withdrawal of a row the log never called the article's error",
        "corrections.csv",
        "erdogan-export-restrictions-withdrawn",
        {"event_id": "spain-backs-politico"},
        [
            "corrections.csv, line 6, event_id: 'erdogan-export-restrictions' has no 'correction' note in events.csv "
            "(line 85) to say what is right",
            "event_id: 'spain-backs-politico' has no article_error line to withdraw",
        ],
    ),
    (
        "correction version that is not a version",
        "corrections.csv",
        "karins-latvian",
        {"data_version": "v1"},
        ["data_version: 'v1' does not match the pattern ^[0-9]+\\.[0-9]+\\.[0-9]+$"],
    ),
    # members.csv
    (
        "wrong ISO numeric code",
        "members.csv",
        "FRA",
        {"iso_numeric": "251"},
        [
            "iso_numeric: '251' has no shape in countries-110m.json",
            "iso_numeric: '251' is not the ISO numeric code of FRA (250)",
        ],
    ),
    (
        "ally that is not an ISO country",
        "members.csv",
        "ALB",
        {"iso3": "XKX"},
        ["iso3: 'XKX' is not a known iso3 in countries.csv"],
    ),
    (
        "impossible accession date",
        "members.csv",
        "ALB",
        {"accession_date": "2009-04-31"},
        ["accession_date: '2009-04-31' is not a real date in the form YYYY-MM-DD"],
    ),
    (
        "unknown region",
        "members.csv",
        "ALB",
        {"region": "Balkans"},
        [
            "region: 'Balkans' is not one of: North America, Western Europe, Northern Europe, Southern Europe, "
            "Central and Eastern Europe"
        ],
    ),
]


@pytest.mark.parametrize("file, key, changes, expected", [pytest.param(*case[1:], id=case[0]) for case in CELL_FAULTS])
def test_a_broken_cell_is_named_by_file_line_field_and_reason(copy, file, key, changes, expected):
    line = copy.edit(file, key, **changes)
    assert copy.problems() == [m if m.startswith(file) else f"{file}, line {line}, {m}" for m in expected]


VALID_EDITS = [
    # The valid twin of a fault above: the rule has a boundary, and this side of it passes.
    (
        "Sweden's stance on the day it joined",
        "events.csv",
        "estonia-backs-kallas",
        {"country_iso3": "SWE", "date": "2024-03-07"},
    ),
    ("context row announced ahead of its date", "events.csv", "decision-by-washington-summit", {"date": "2024-07-09"}),
    (
        "a reservation that is only silence",
        "events.csv",
        "some-allies-silent",
        {"kind": "reservation", "stance": "undeclared"},
    ),
    (
        "a stance the words do not give, with its reason written",
        "events.csv",
        "some-allies-silent",
        {"stance": "reservations", "stance_basis": "Silence while consensus is needed is read here as holding back."},
    ),
    ("month precision on the 1st", "events.csv", "erdogan-brain-dead-reply", {"date": "2019-12-01"}),
    ("stance row with no country", "events.csv", "spain-backs-politico", {"country_iso3": ""}),
    ("correction made on another day", "corrections.csv", "karins-latvian", {"date": "2026-11-24"}),
]


@pytest.mark.parametrize("file, key, changes", [pytest.param(*case[1:], id=case[0]) for case in VALID_EDITS])
def test_an_edit_on_the_right_side_of_a_rule_passes(copy, file, key, changes):
    copy.edit(file, key, **changes)
    assert copy.problems() == []


# --- Faults that span rows or whole files ----------------------------------------------------------


def test_a_duplicate_event_id_names_both_lines(copy):
    first = copy.line_of("events.csv", "rutte-erdogan-call")
    second = copy.edit("events.csv", "kallas-steps-aside", event_id="rutte-erdogan-call")
    assert copy.problems() == [
        f"events.csv, line {second}, event_id: duplicate 'rutte-erdogan-call' (first on line {first})"
    ]


def test_two_stances_of_one_ally_on_one_date_are_named(copy):
    opposes = copy.line_of("events.csv", "hungary-opposes-politico")
    backs = copy.edit("events.csv", "estonia-backs-kallas", country_iso3="HUN", date="2024-03-05")
    assert copy.problems() == [
        f"events.csv, line {backs}, stance: HUN is 'opposes' on line {opposes} for the same date 2024-03-05"
    ]


def test_a_report_that_a_position_continues_may_share_its_day_with_a_change(copy):
    # 'Turkey ... had earlier expressed reservations ..., but Erdogan has now committed': both on 29 April.
    copy.edit("events.csv", "turkey-reservations-until-visit", date="2024-04-29")
    assert copy.problems() == []


def test_a_fact_id_on_one_row_only_is_named(copy):
    line = copy.edit("events.csv", "france-support-january", fact_id="fra-lone")
    assert copy.problems() == [
        f"events.csv, line {line}, fact_id: 'fra-lone' is on no other row; leave it blank, or give it to the rows "
        "reporting the same fact"
    ]


def test_one_fact_cannot_join_two_stances(copy):
    # The fact's first stance row is the first that states one: Downing Street's backing of the UK.
    first = copy.line_of("events.csv", "uk-backs-sunak-spokesperson")
    line = copy.edit("events.csv", "some-allies-silent", fact_id="gbr-backs-rutte")
    assert copy.problems() == [
        f"events.csv, line {line}, fact_id: 'gbr-backs-rutte' joins a no-country 'undeclared' row to the "
        f"GBR 'backs' row on line {first}; one fact is one member's one stance"
    ]


def test_one_fact_cannot_join_an_allys_two_stances_even_in_a_report_of_an_earlier_position(copy):
    # "Turkey and Hungary had earlier expressed reservations": a milder word than Politico's "opposes", so not one fact.
    first = copy.line_of("events.csv", "hungary-opposes-politico")
    copy.edit("events.csv", "hungary-opposes-politico", fact_id="hungary-holdout")
    line = copy.edit("events.csv", "hungary-reservations-april", fact_id="hungary-holdout")
    # (The change log, which says the two were unlinked, and the fact's dating rule object too.)
    assert [p for p in copy.problems() if p.startswith(f"events.csv, line {line}, fact_id")] == [
        f"events.csv, line {line}, fact_id: 'hungary-holdout' joins a HUN 'reservations' row to the HUN 'opposes' "
        f"row on line {first}; one fact is one member's one stance"
    ]


def test_one_fact_cannot_join_two_allies(copy):
    france = copy.edit("events.csv", "france-support-january", fact_id="deu-backs-rutte")
    germany = [
        copy.line_of("events.csv", key)
        for key in ("germany-support-january", "deu-initial-support", "germany-backs-hebestreit", "deu-support-april")
    ]
    # Each row is compared with the fact's first stance row in the file, a German one: only the French row is named.
    assert copy.problems() == [
        f"events.csv, line {france}, fact_id: 'deu-backs-rutte' joins a FRA 'backs' row to the DEU 'backs' row on "
        f"line {min(germany)}; "
        "one fact is one member's one stance"
    ]


def test_a_conflict_without_a_fact_is_named(copy):
    line = copy.edit("events.csv", "stoltenberg-steps-down-september", fact_id="")
    assert copy.problems() == [
        f"events.csv, line {line}, fact_id: a 'conflict' note needs the fact_id the row shares with the "
        "reports it disagrees with"
    ]


def test_an_article_error_logged_for_a_row_with_no_correction_note_is_named(copy):
    spain, karins = (
        copy.line_of("events.csv", "spain-backs-politico"),
        copy.line_of("events.csv", "karins-named-contender"),
    )
    line = copy.edit("corrections.csv", "karins-latvian", event_id="spain-backs-politico")
    assert copy.problems() == [
        f"corrections.csv, line {line}, event_id: 'spain-backs-politico' has no 'correction' note in events.csv "
        f"(line {spain}) to say what is right",
        f"events.csv, line {karins}, note_type: a 'correction' row needs its article_error line in corrections.csv",
    ]


def test_a_withdrawal_of_a_row_still_noted_as_a_correction_is_named(copy):
    karins = copy.line_of("events.csv", "karins-named-contender")
    line = copy.edit("corrections.csv", "wilders-to-lead-coalition-withdrawn", event_id="karins-named-contender")
    wilders = copy.line_of("corrections.csv", "wilders-coalition")
    wilders_row = copy.line_of("events.csv", "wilders-to-lead-coalition")
    assert copy.problems() == [
        f"corrections.csv, line {wilders}, event_id: 'wilders-to-lead-coalition' has no 'correction' note in "
        f"events.csv (line {wilders_row}) to say what is right",
        f"corrections.csv, line {line}, event_id: 'karins-named-contender' is still noted as a correction in "
        f"events.csv (line {karins})",
    ]


def test_a_correction_missing_from_the_log_is_named(copy):
    karins = copy.line_of("events.csv", "karins-named-contender")
    copy.replace("corrections.csv", "karins-latvian,2026-11-23,1.0.0,article_error,karins-named-contender,,,,,\n", "")
    assert copy.problems() == [
        f"events.csv, line {karins}, note_type: a 'correction' row needs its article_error line in corrections.csv"
    ]


def rewrite_columns(
    copy: DataCopy, file: str, rename: dict[str, str] | None = None, drop: str = "", add: str = ""
) -> None:
    """Drop, rename or add (empty) a column throughout a table."""
    rows = list(csv.reader(io.StringIO((copy.data / file).read_text(encoding="utf-8"), newline="")))
    keep = [i for i, name in enumerate(rows[0]) if name != drop]
    rows = [[row[i] for i in keep] + ([""] if add else []) for row in rows]
    rows[0] = [(rename or {}).get(name, name) for name in rows[0][: len(keep)]] + ([add] if add else [])
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    copy.write_text(file, out.getvalue())


HEADER_FAULTS = [
    ("missing column", "events.csv", {"drop": "summary"}, ["events.csv, line 1, summary: column is missing"]),
    (
        "renamed column",
        "events.csv",
        {"rename": {"quote": "quotation"}},
        [
            "events.csv, line 1, quotation: unknown column (not in datapackage.json)",
            "events.csv, line 1, quote: column is missing",
        ],
    ),
    (
        "extra column",
        "events.csv",
        {"add": "source_url"},
        ["events.csv, line 1, source_url: unknown column (not in datapackage.json)"],
    ),
    # Key columns that other checks index by: named, not a crash.
    (
        "renamed key column of candidates",
        "candidates.csv",
        {"rename": {"candidate_id": "id"}},
        [
            "candidates.csv, line 1, candidate_id: column is missing",
            "candidates.csv, line 1, id: unknown column (not in datapackage.json)",
        ],
    ),
    (
        "renamed key column of articles",
        "articles.csv",
        {"rename": {"article_id": "id"}},
        [
            "articles.csv, line 1, article_id: column is missing",
            "articles.csv, line 1, id: unknown column (not in datapackage.json)",
        ],
    ),
    (
        "renamed key column of allies",
        "members.csv",
        {"rename": {"iso3": "code"}},
        [
            "members.csv, line 1, code: unknown column (not in datapackage.json)",
            "members.csv, line 1, iso3: column is missing",
        ],
    ),
]


@pytest.mark.parametrize("file, change, expected", [pytest.param(*case[1:], id=case[0]) for case in HEADER_FAULTS])
def test_a_missing_renamed_or_extra_column_is_named_on_line_1(copy, file, change, expected):
    rewrite_columns(copy, file, **change)
    assert copy.problems() == expected


@pytest.mark.parametrize("file", ["events.csv", "articles.csv", "candidates.csv", "members.csv", "countries.csv"])
def test_a_missing_table_is_named_with_where_it_was_expected(copy, file):
    # The only problem: rules that need the missing table wait, rather than flag every row that refers to it.
    (copy.data / file).unlink()
    assert copy.problems() == [f"{file}: file is missing (expected at {copy.data / file})"]


@pytest.mark.parametrize("file", ["datapackage.json", "countries-110m.json"])
def test_a_missing_json_file_is_named(copy, file):
    (copy.data / file).unlink()
    assert copy.problems() == [f"{file}: file is missing"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "{not json",
            "countries-110m.json, line 1: is not valid JSON (Expecting property name enclosed in double quotes, "
            "column 2)",
        ),
        (
            '{"type": "FeatureCollection"}',
            "countries-110m.json: has no objects.countries.geometries: not a world-atlas topology",
        ),
    ],
)
def test_shapes_that_are_not_a_topology_are_named(copy, text, expected):
    copy.write_text("countries-110m.json", text)
    assert copy.problems() == [expected]


def test_a_descriptor_that_is_not_json_names_the_line(copy):
    copy.replace("datapackage.json", '"version": "1.3.0",', '"version": "1.0.0"')
    line = copy.lines("datapackage.json").index('  "published": null,') + 1
    assert copy.problems() == [f"datapackage.json, line {line}: is not valid JSON (Expecting ',' delimiter, column 3)"]


def test_an_edited_descriptor_is_read_again(copy):
    # A running app checks the same paths again after an edit: the new vocabulary must count.
    line = copy.edit("events.csv", "iohannis-running", kind="nomination")
    assert copy.problems() == [f"events.csv, line {line}, kind: 'nomination' is not one of: {KINDS}"]
    copy.replace("datapackage.json", '"took_office",', '"took_office",\n                "nomination",')
    # The schema now allows it, but the app has no lane, colour or words for it: the check says so.
    assert copy.problems() == [
        "datapackage.json, events.kind: kind 'nomination' has no lane, colour or words in "
        "tracker/data/kinds.py, so the app cannot draw it; add it there"
    ]


@pytest.mark.parametrize("file, key", [("events.csv", "france-support-january"), ("articles.csv", "turkey-backs")])
def test_bytes_that_are_not_utf8_name_the_line(copy, file, key):
    line = copy.line_of(file, key)
    lines = (copy.data / file).read_bytes().split(b"\n")
    lines[line - 1] = lines[line - 1].replace(b",", b",caf\xe9 ", 1)
    (copy.data / file).write_bytes(b"\n".join(lines))
    assert copy.problems() == [f"{file}, line {line}: is not UTF-8 (byte 0xe9); save the file as UTF-8"]


def test_a_seed_article_that_is_not_utf8_is_named_by_its_line(copy):
    seed = copy.seeds / "004_f81cd5b717ad3e36.txt"
    lines = seed.read_bytes().split(b"\n")
    lines[2] += b" caf\xe9"
    seed.write_bytes(b"\n".join(lines))
    assert "seeds/004_f81cd5b717ad3e36.txt, line 3: is not UTF-8 (byte 0xe9); save the file as UTF-8" in copy.problems()


def test_a_row_with_too_few_fields_is_named(copy):
    text = (copy.data / "candidates.csv").read_text(encoding="utf-8")
    copy.write_text("candidates.csv", text + "stoltenberg,Jens Stoltenberg,NOR\n")
    line = text.count("\n") + 1
    assert copy.problems() == [f"candidates.csv, line {line}: has 3 fields, the header has 7"]


def test_a_seed_file_missing_for_an_article_is_named(copy):
    line = copy.line_of("articles.csv", "rutte-chosen")
    (copy.seeds / "004_f81cd5b717ad3e36.txt").unlink()
    assert copy.problems() == [f"articles.csv, line {line}, seed_file: seeds/004_f81cd5b717ad3e36.txt does not exist"]


def test_a_seed_file_without_an_article_row_is_named(copy):
    (copy.seeds / "005_0123456789abcdef.txt").write_text("A sixth article nobody has read.\n", encoding="utf-8")
    assert copy.problems() == ["articles.csv, seed_file: seeds/005_0123456789abcdef.txt has no row in articles.csv"]


def test_a_row_spanning_lines_is_named_by_the_line_it_starts_on(copy):
    evidence = copy.row("events.csv", "france-support-january")["evidence"].replace(" including", "\nincluding", 1)
    first = copy.edit("events.csv", "france-support-january", evidence=evidence, date="2024-02-30")
    later = copy.edit("events.csv", "germany-support-january", date="2024-02-31")
    assert "\nincluding" in (copy.data / "events.csv").read_text(encoding="utf-8")
    assert copy.problems() == [
        f"events.csv, line {first}, date: '2024-02-30' is not a real date in the form YYYY-MM-DD",
        f"events.csv, line {later}, date: '2024-02-31' is not a real date in the form YYYY-MM-DD",
    ]
    assert later == first + 3  # geoana-ukraine-priority sits between them, and the wrapped line


def test_blank_lines_count_in_line_numbers(copy):
    copy.replace("events.csv", "\nfrance-support-january,", "\n\nfrance-support-january,")
    line = copy.edit("events.csv", "france-support-january", date="2024-02-30")
    assert copy.problems() == [f"events.csv, line {line}, date: '2024-02-30' is not a real date in the form YYYY-MM-DD"]


def test_problems_are_sorted_by_file_then_line(copy):
    late = copy.edit("events.csv", "rutte-takes-office", summary="")
    early = copy.edit("events.csv", "rutte-hungary-knees", summary="")
    member = copy.edit("members.csv", "ALB", region="")
    article = copy.edit("articles.csv", "rutte-chosen", summary="")
    assert copy.problems() == [
        f"articles.csv, line {article}, summary: is required but empty",
        f"events.csv, line {early}, summary: is required but empty",
        f"events.csv, line {late}, summary: is required but empty",
        f"members.csv, line {member}, region: is required but empty",
    ]


# --- Typography: what normalising forgives ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("‘single’ and ‛reversed’", "'single' and 'reversed'"),
        ("“double” and „low”", '"double" and "low"'),
        ("wrapped\nline,\ttab  and   spaces", "wrapped line, tab and spaces"),
        ("no-break\u00a0space", "no-break space"),
        ("  trimmed \n", "trimmed"),
        ("Erdog\u0306an", "Erdoğan"),  # decomposed breve composed (NFC)
        ("Erdogan", "Erdogan"),  # but a missing diacritic stays missing
    ],
)
def test_normalise(text, expected):
    assert normalise(text) == expected


def curly(text: str) -> str:
    """Straight double quotes as typographic pairs, apostrophes as ’."""
    out, opening = [], True
    for ch in text:
        if ch == '"':
            out.append("“" if opening else "”")
            opening = not opening
        else:
            out.append("’" if ch == "'" else ch)
    return "".join(out)


TYPOGRAPHY = [
    # (event, how the evidence is retyped); every one must still be found in its article
    ("rutte-trump-was-right", curly),  # article has straight double quotes
    ("france-support-january", curly),  # article has a straight apostrophe
    ("erdogan-brain-dead-reply", lambda s: s.replace("“", '"').replace("”", '"')),  # article has curly quotes
    ("erdogan-brain-dead-reply", lambda s: unicodedata.normalize("NFD", s)),
    ("france-support-january", lambda s: s.replace(" ", "\u00a0")),
    ("france-support-january", lambda s: s.replace(" ", "  \n  ")),
]


@pytest.mark.parametrize("event, retype", TYPOGRAPHY)
def test_evidence_retyped_with_other_quotes_or_spacing_still_matches(copy, event, retype):
    evidence = copy.row("events.csv", event)["evidence"]
    assert retype(evidence) != evidence
    copy.edit("events.csv", event, evidence=retype(evidence))
    assert copy.problems() == []


def test_a_rewrapped_article_still_matches_its_evidence(copy):
    seed = copy.seeds / "003_bbb002d8aafd2be4.txt"  # bloomberg-backers: straight double quotes, one line per paragraph
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace(" ", "\n   ").replace('"', "“"), encoding="utf-8")
    assert copy.problems() == []


# --- The command line ------------------------------------------------------------------------------


def test_check_command_on_a_broken_copy_exits_1_and_prints_the_line(copy):
    line = copy.edit("events.csv", "france-support-january", date="2024-02-30")
    result = run_check(str(copy.data))  # seeds default to the data folder's sibling
    assert result.returncode == 1
    assert result.stdout == f"events.csv, line {line}, date: '2024-02-30' is not a real date in the form YYYY-MM-DD\n"
    assert result.stderr == f"1 problem(s) in {copy.data}\n"


def test_check_command_takes_the_seeds_folder_as_second_argument(copy):
    moved = copy.root / "articles"
    copy.seeds.rename(moved)
    assert run_check(str(copy.data), str(moved)).returncode == 0
    default = run_check(str(copy.data))
    assert default.returncode == 1
    assert (
        "articles.csv, line 2, seed_file: seeds/003_bbb002d8aafd2be4.txt does not exist" in default.stdout.splitlines()
    )


# --- frictionless agrees with the descriptor's constraints -----------------------------------------


def frictionless_errors(copy: DataCopy) -> list[list]:
    report = validate(copy.data / "datapackage.json")
    return [[task.name, *error] for task in report.tasks for error in task.flatten(["rowNumber", "fieldName", "type"])]


FRICTIONLESS_FAULTS = [
    # (row, change, the errors frictionless gives as (field, type))
    ("france-support-january", {"date": "2024-02-30"}, [("date", "type-error")]),
    ("france-support-january", {"stance": "supports"}, [("stance", "constraint-error")]),
    ("france-support-january", {"summary": ""}, [("summary", "constraint-error")]),
    ("france-support-january", {"article_id": "no-such-article"}, [(None, "foreign-key")]),
    ("france-support-january", {"country_iso3": "fra"}, [("country_iso3", "constraint-error"), (None, "foreign-key")]),
]


@pytest.mark.parametrize(
    "key, changes, errors", FRICTIONLESS_FAULTS, ids=[next(iter(c)) for _, c, _ in FRICTIONLESS_FAULTS]
)
def test_frictionless_rejects_the_same_broken_cells(copy, key, changes, errors):
    # The descriptor states these constraints itself: any Frictionless tool finds the same row.
    line = copy.edit("events.csv", key, **changes)
    assert frictionless_errors(copy) == [["events", line, field, error] for field, error in errors]


def test_frictionless_rejects_a_duplicate_event_id(copy):
    line = copy.edit("events.csv", "kallas-steps-aside", event_id="rutte-erdogan-call")
    # Twice: event_id is both a unique field and the primary key.
    assert frictionless_errors(copy) == [
        ["events", line, "event_id", "unique-error"],
        ["events", line, None, "primary-key"],
    ]


def test_every_resource_has_sources_and_a_licence():
    package = json.loads((ROOT / "data" / RACE / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"]
    assert all(resource.get("sources") for resource in package["resources"]), "every resource names its sources"


def test_a_change_s_reason_is_reader_text_and_never_names_an_article_by_its_id(copy):
    # The change log ships in the data package readers download: they read every reason.
    line = copy.edit("corrections.csv", "us-backs-biden-outside-source", reason="Dated as bloomberg-backers says.")
    assert (
        f"corrections.csv, line {line}, reason: names an article's id ('bloomberg-backers') where readers see it; "
        "name an article by outlet and date, a row by what it says"
    ) in copy.problems()


def test_reader_text_never_names_a_row_by_its_id(copy):
    line = copy.edit("events.csv", "stoltenberg-good-hands", date_basis="Said on the day of rutte-appointed.")
    assert (
        f"events.csv, line {line}, date_basis: names a row's id ('rutte-appointed') where readers see it; name an "
        "article by outlet and date, a row by what it says"
    ) in copy.problems()
