"""The rules the data follows, as the method page states them. Where the check command enforces a rule, the rule
carries a broken edit that the check must refuse with the given reason (tests/test_rules.py proves each one)."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Broken:
    """An edit of one row (file, first cell, new values) and a words the check's reason must contain."""
    file: str
    row: str
    changes: dict
    reason: str


@dataclass(frozen=True)
class Rule:
    name: str
    text: str
    checked_by: Broken | None = None  # None: a rule of judgement the check cannot test


RULES = [
    Rule("A public backing",
         "A backing is a government's support for Rutte as an article reports it, sourced to that article's sentence. "
         "Support an article reports second-hand, rather than as a public statement, is kept with a caution note saying so.",
         Broken("events.csv", "spain-backs-politico", {"stance": "reservations"}, "kind 'endorsement' needs stance backs")),
    Rule("A reservation",
         "A reservation is an ally an article reports as holding back, or as not yet having signed up; an opposition is an "
         "ally reported as against him. Only allies have a stance, and only from the day they joined.",
         Broken("events.csv", "erdogan-expectations", {"stance": "backs"}, "kind 'reservation' needs stance reservations or undeclared")),
    Rule("A stance change",
         "An ally's stance changes only when a later row reports a different one; a later report of the same stance is "
         "corroboration, not a change. An ally cannot hold two stances on one day.",
         Broken("events.csv", "hungary-no-sign-april", {"date": "2024-03-05"}, "for the same date 2024-03-05")),
    Rule("Reported by",
         "Rows that report the same fact share a fact id; \"reported by\" counts the different articles among them. A fact "
         "id is never on one row alone, and rows about a stance that share one agree on the ally and the stance.",
         Broken("events.csv", "eastern-allies-come-round", {"fact_id": "eastern-reservations"}, "one fact is one ally's one stance")),
    Rule("A disagreement",
         "Where articles disagree (a date, a count, a name), each disagreeing row says so in its note and shares the fact "
         "id of the reports it disagrees with, so the disagreement shows wherever the fact does.",
         Broken("events.csv", "nominate-by-june", {"fact_id": ""}, "a 'conflict' note needs the fact_id")),
    Rule("A correction",
         "Where an article is wrong, its row keeps the article's own sentence and says what is right in its note; the "
         "corrections page lists every such row and every change made to the data after it was published.",
         Broken("corrections.csv", "karins-latvian", {"event_id": "karins-mentioned-by-bloomberg"}, "is not a known event_id")),
    Rule("Verbatim sources",
         "Every row's sentence, and every quote, occurs word for word in its article.",
         Broken("events.csv", "spain-backs-politico", {"evidence": "Spain said nothing of the sort."}, "not found verbatim")),
    Rule("Dates no sharper than known",
         "Each date says how precisely it is known; a month is recorded as its 1st, a year as 1 January. Nothing is dated "
         "after the article reporting it, except an event it announces ahead.",
         Broken("events.csv", "erdogan-brain-dead-reply", {"date": "2019-11-29"}, "a month-precision date must be the 1st")),
    Rule("The appointment",
         "The appointment needed every ally's consent, so from 26 June 2024 every ally of the day counts as backing; the "
         "app marks those stances as derived."),
    Rule("Unnamed allies",
         "Unnamed groups of allies (\"some Eastern European countries\") are kept as rows but not drawn on the map."),
    Rule("Nothing added",
         "No row makes a claim the articles do not make; public record is used only to date a claim or to correct it."),
]
