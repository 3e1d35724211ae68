"""The rules the method page states (the race's copy/rules.md): each one it marks as checked is refused by the check
command when broken, here by an edit of one row of the race's data."""

from dataclasses import dataclass

import pytest

from data_copies import DataCopy
from tracker.data import copy_files
from tracker.model.load import load


@dataclass(frozen=True)
class Broken:
    """An edit of one row (file, first cell, new values) and words the check's reason must contain."""

    file: str
    row: str
    changes: dict
    reason: str


# For each checked rule, by its name in the copy: an edit that breaks it.
BROKEN = {
    "A public backing": Broken(
        "events.csv", "spain-backs-politico", {"stance": "reservations"}, "kind 'endorsement' needs stance backs"
    ),
    "A reservation": Broken(
        "events.csv",
        "turkey-reservations-until-visit",
        {"stance": "backs"},
        "kind 'reservation' needs stance reservations or undeclared",
    ),
    "A stance no stronger than the words": Broken(
        "events.csv",
        "hungary-no-sign-april",
        {"stance": "reservations"},
        "is not what the evidence's words give (undeclared)",
    ),
    "A stance holds until a change is reported": Broken(
        "events.csv", "hungary-no-sign-april", {"stance_report": "stated"}, "it would soften Hungary's 'opposes'"
    ),
    "A quote with its speaker": Broken(
        "events.csv", "rutte-trump-was-right", {"actor": "Jens Stoltenberg"}, "does not name the speaker"
    ),
    "Outside knowledge, labelled": Broken(
        "events.csv",
        "rutte-visits-erdogan",
        {"outside_fact": "They met in Istanbul."},
        "an outside_fact needs its source named",
    ),
    "Bounded dates": Broken(
        "events.csv", "fra-support-april", {"date": "2024-04-29"}, "is already reported by bloomberg-backers"
    ),
    "Every note typed": Broken(
        "events.csv", "iohannis-withdraws", {"note": "Romania said so on 20 June."}, "a note needs its note_type"
    ),
    "One stance a day": Broken(
        "events.csv",
        "estonia-backs-kallas",
        {"country_iso3": "HUN", "date": "2024-03-05"},
        "for the same date 2024-03-05",
    ),
    "Reported by": Broken(
        "events.csv", "us-backs-biden", {"fact_id": "gbr-backs-rutte"}, "one fact is one member's one stance"
    ),
    "A disagreement": Broken("events.csv", "nominate-by-june", {"fact_id": ""}, "a 'conflict' note needs the fact_id"),
    "A correction": Broken(
        "corrections.csv", "karins-latvian", {"event_id": "karins-mentioned-by-bloomberg"}, "is not a known event_id"
    ),
    "Written for readers": Broken(
        "events.csv",
        "spain-backs-politico",
        {"note": "Second-hand: leading-contender relays Politico."},
        "names an article's id ('leading-contender')",
    ),
    "Verbatim sources": Broken(
        "events.csv", "spain-backs-politico", {"evidence": "Spain said nothing of the sort."}, "not found verbatim"
    ),
    "Dates no sharper than known": Broken(
        "events.csv", "erdogan-brain-dead-reply", {"date": "2019-11-29"}, "a month-precision date must be the 1st"
    ),
}


def test_every_rule_the_copy_says_is_checked_has_an_edit_that_breaks_it():
    rules = copy_files.fill_rules(load().copy)
    checked = {rule.name for rule in rules if rule.checked}
    assert len(checked) >= 8 and len({rule.name for rule in rules}) == len(rules)
    assert checked == set(BROKEN)


@pytest.mark.parametrize("name", list(BROKEN))
def test_breaking_a_checked_rule_makes_the_check_refuse_the_data(tmp_path, name):
    copy = DataCopy(tmp_path)
    assert copy.problems() == []
    broken = BROKEN[name]
    line = copy.edit(broken.file, broken.row, **broken.changes)
    problems = copy.problems()
    assert any(p.startswith(f"{broken.file}, line {line},") and broken.reason in p for p in problems), problems
