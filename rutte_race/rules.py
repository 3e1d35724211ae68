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
    Rule(
        "A public backing",
        "A backing is a government's support for Rutte as an article reports it, sourced to that article's sentence. "
        "Support an article reports second-hand, rather than as a public statement, is kept with a caution note "
        "saying so.",
        Broken(
            "events.csv", "spain-backs-politico", {"stance": "reservations"}, "kind 'endorsement' needs stance backs"
        ),
    ),
    Rule(
        "A reservation",
        "A reservation is an ally an article reports as holding back, or as not yet having signed up; an "
        "opposition is an "
        "ally reported as against him. Only allies have a stance, and only from the day they joined.",
        Broken(
            "events.csv",
            "turkey-reservations-until-visit",
            {"stance": "backs"},
            "kind 'reservation' needs stance reservations or undeclared",
        ),
    ),
    Rule(
        "A stance no stronger than the words",
        "A stance row's sentence carries wording of its stance by the table below, or the row says in writing why "
        'it reads the sentence so. "Backs", "supports", "endorses" and "secured support from" give backing; '
        '"reservations", "concerns" and "not fully support" give reservations; "opposes" and "blocks" give '
        'opposition; "no sign of", "yet to express" and "silent" give not yet backing. A list of conditions or '
        "expectations is not a stance.",
        Broken(
            "events.csv",
            "hungary-no-sign-april",
            {"stance": "reservations"},
            "is not what the evidence's words give (undeclared)",
        ),
    ),
    Rule(
        "A stance holds until a change is reported",
        "An ally's stance changes only when an article reports a different one. A report that a position continues "
        '("still", "yet to", "continues to", "had earlier") confirms the stance held and never softens it: '
        '"still no sign of supporting" after a reported opposition leaves the ally opposed.',
        Broken(
            "events.csv",
            "hungary-no-sign-april",
            {"stance_report": "stated"},
            "it would soften Hungary's 'opposes'",
        ),
    ),
    Rule(
        "A quote with its speaker",
        "A quote row's evidence holds the quote and the words that attribute it to its speaker, who is named "
        "there. A phrase the "
        "article puts in quotation marks without saying whose it is is not kept as anyone's quote.",
        Broken("events.csv", "rutte-trump-was-right", {"actor": "Jens Stoltenberg"}, "does not name the speaker"),
    ),
    Rule(
        "Outside knowledge, labelled",
        "A fact that does not come from the articles (a public-record date, an office, a venue) is kept apart from "
        'them with its source named, and is shown to readers as "From outside the articles: …". It may date a row or '
        "correct it, and where it shows an article named the wrong person, the row counts the person the record "
        "names; it never changes a stance.",
        Broken(
            "events.csv",
            "rutte-visits-erdogan",
            {"outside_fact": "They met in Istanbul."},
            "an outside_fact needs its source named",
        ),
    ),
    Rule(
        "Roles as held",
        "An actor's role is the role held on the row's date, not one held earlier or later (Kariņš was Latvia's "
        "foreign minister "
        "when he was named in February 2024; Rinkēvičs was foreign minister, then President, in 2023).",
    ),
    Rule(
        "Bounded dates",
        'A date derived from a clue says which way the clue bounds it: "No later than …" (a fact reported as '
        "standing when its "
        'article appeared) or "No earlier than …". A stance already reported by an earlier article is never dated '
        "later than "
        "that report; only a later act, dated to the day or bounded from below, may be.",
        Broken("events.csv", "fra-support-april", {"date": "2024-04-29"}, "is already reported by bloomberg-backers"),
    ),
    Rule(
        "Every note typed",
        "Every note says what it is: a correction (the article was wrong when it was written), a caution (vague, "
        "second-hand, "
        "inferred, or a forecast that later failed) or a conflict (articles disagree).",
        Broken(
            "events.csv", "iohannis-withdraws", {"note": "Romania said so on 20 June."}, "a note needs its note_type"
        ),
    ),
    Rule(
        "One stance a day",
        "A later report of the same stance is corroboration, not a change. An ally cannot be stated to hold two "
        "stances on one day; a report of a position held earlier may share the day of the change it preceded.",
        Broken(
            "events.csv",
            "estonia-backs-kallas",
            {"country_iso3": "HUN", "date": "2024-03-05"},
            "for the same date 2024-03-05",
        ),
    ),
    Rule(
        "Reported by",
        'Claims that report the same fact are linked as one fact; "reported by" counts the different articles among '
        "them. A fact is never linked to one claim alone, and the stance claims of one fact agree on the ally and "
        "the stance.",
        Broken(
            "events.csv",
            "us-backs-biden",
            {"fact_id": "gbr-backs-rutte"},
            "one fact is one ally's one stance",
        ),
    ),
    Rule(
        "A disagreement",
        "Where articles disagree (a date, a count, a name), each disagreeing row says so in its note and is linked "
        "to the reports it disagrees with as one fact, so the disagreement shows wherever the fact does.",
        Broken("events.csv", "nominate-by-june", {"fact_id": ""}, "a 'conflict' note needs the fact_id"),
    ),
    Rule(
        "A correction",
        "Where an article was wrong when it was written, its row keeps the article's own sentence and says what is "
        "right in its "
        "note; a forecast that later failed is a caution, not a correction. The Corrections page lists every such "
        "error, and every change made to the data after publication.",
        Broken(
            "corrections.csv",
            "karins-latvian",
            {"event_id": "karins-mentioned-by-bloomberg"},
            "is not a known event_id",
        ),
    ),
    Rule(
        "Written for readers",
        "Notes, summaries and date bases name an article by its outlet and date, never by an internal name, and "
        'write dates as every page does: "19 January 2024", "c. 19 January 2024", "January 2024".',
        Broken(
            "events.csv",
            "spain-backs-politico",
            {"note": "Second-hand: leading-contender relays Politico."},
            "names an article's id ('leading-contender')",
        ),
    ),
    Rule(
        "Verbatim sources",
        "Every row's sentence, and every quote, occurs word for word in its article.",
        Broken(
            "events.csv", "spain-backs-politico", {"evidence": "Spain said nothing of the sort."}, "not found verbatim"
        ),
    ),
    Rule(
        "Dates no sharper than known",
        "Each date says how precisely it is known; a month is recorded as its 1st, a year as 1 January. Nothing is "
        "dated "
        "after the article reporting it, except an event it announces ahead.",
        Broken(
            "events.csv", "erdogan-brain-dead-reply", {"date": "2019-11-29"}, "a month-precision date must be the 1st"
        ),
    ),
    Rule(
        "The appointment",
        "The appointment needed every ally's consent, so from 26 June 2024 every ally of the day counts as "
        "backing; the charts draw those stances paler, as counted rather than named.",
    ),
    Rule(
        "Unnamed allies",
        'Unnamed groups of allies ("some Eastern European countries") are kept in the data but not drawn on the map.',
    ),
    Rule(
        "Nothing added",
        "No row makes a claim the articles do not make; outside knowledge is used only to date a claim or to "
        "correct it.",
    ),
]
