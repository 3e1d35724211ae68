"""The rows behind each chart as readers get them, on the page and in every CSV: columns named in words, values in
words, every date in one format (YYYY-MM-DD) beside how exactly it is known, articles named by outlet and date.

The data package (the zip on the method page) keeps the curated tables as they are, with their ids, for reuse.
"""

import pandas as pd

from tracker.checks.accuracy import OUTSIDE_LABEL, date_bound, outside_text, rows_when
from tracker.data import kinds
from tracker.data.formatting import article_names, first_upper
from tracker.model.views import CHOSEN_STATUS

# How exactly a date is known, as a CSV says it next to the date.
HOW_EXACT = {
    "day": "to the day",
    "week": "to the week (the date is its Monday)",
    "month": "to the month (the date is its first day)",
    "year": "to the year (the date is 1 January)",
    "approx": "approximately (within three days)",
    "by_month": "no later than the month (the date is its first day)",
}


def iso_dates(dates: pd.Series) -> pd.Series:
    """Dates as YYYY-MM-DD, a missing one as ''."""
    return dates.dt.strftime("%Y-%m-%d").fillna("")


def how_exact(precisions: pd.Series, bases: pd.Series) -> pd.Series:
    """How exactly each date is known, with its bound when its basis gives one: 'no later than this date, itself
    known to the day' (the day it was reported: it may have held earlier)."""
    exact = precisions.astype(str).map(HOW_EXACT).fillna("")
    bounds = bases.fillna("").astype(str).map(date_bound)
    return [
        f"{bound} this date, itself known {words}" if bound and words and precision != "by_month" else words
        for bound, words, precision in zip(bounds, exact, precisions.astype(str))
    ]


def dated(rows: pd.DataFrame) -> dict[str, object]:
    """A row's date three ways: in words with its bound ('c. 19 January 2024 or earlier'), as YYYY-MM-DD for a
    machine, and how exactly it is known."""
    return {
        "When": rows_when(rows),
        "Date": iso_dates(rows["date"]),
        "Date: how exact": how_exact(rows["date_precision"], rows["date_basis"]),
    }


# The events table's columns the page leaves to its CSV and to each event's card, so the rest fit a laptop's width.
CARD_ONLY_COLUMNS = ("Role", "Quote", "Reported in", "How the date was worked out", "Why this stance", OUTSIDE_LABEL)


def events(rows: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The events (one row each): what happened first, so a phone shows it without scrolling sideways; when, who,
    the source sentence and the fact-check's notes after it."""
    names = article_names(articles)
    return pd.DataFrame(
        {
            "What": rows["summary"],
            **dated(rows),
            "Who": rows["actor"],
            "Role": rows["actor_role"],
            "Kind": rows["kind"].map(kinds.label),
            "Quote": rows["quote"],
            "Article says": rows["evidence"],
            "Source": rows["article_id"].map(names),
            "Reported in": rows["reported_in"],
            "How the date was worked out": rows["date_basis"],
            "How sure are we": rows["how_sure"],
            "Fact-check note": rows["note"],
            "Why this stance": rows["stance_basis"],
            OUTSIDE_LABEL: [outside_text(f, s) for f, s in zip(rows["outside_fact"], rows["outside_source"])],
        }
    )


def stances_on_a_day(stances: pd.DataFrame, member_heading: str = "Member") -> pd.DataFrame:
    """Each member's stance on the map's date (views.map_frame), and the row that sources it; its first column is
    headed by the race's noun for a member ('Ally': RaceConfig.member_heading)."""
    return pd.DataFrame(
        {
            member_heading: stances["name"],
            "Stance": stances["status_label"],
            "Since": stances["source_when"],
            "Since (date)": iso_dates(stances["source_date"]),
            "Since: how exact": how_exact(stances["source_date_precision"], stances["source_date_basis"]),
            "What": stances["source_summary"].fillna(""),
            "Article says": stances["source_evidence"].fillna(""),
            "Source": stances["source_label"],
            "How sure are we": stances["source_how_sure"].fillna(""),
        }
    ).reset_index(drop=True)


CANDIDATE_STATUS = {  # and views.CHOSEN_STATUS, the candidate the decision chose: the race's word (candidate_outcome)
    "withdrew": "Withdrew",
    "declared": "Declared",
    "mentioned": "Named, never declared",
}
STOOD_ASIDE = "Stood aside, never declared"  # withdrew without a reported candidacy


def candidate_outcome(status: str, declared: bool, decided: str = "chosen") -> str:
    """How a candidate's run ended, in readers' words: a withdrawal without a reported candidacy is standing aside."""
    if status == "withdrew" and not declared:
        return STOOD_ASIDE
    return first_upper(decided) if status == CHOSEN_STATUS else CANDIDATE_STATUS[status]


def candidates(
    table: pd.DataFrame, articles: pd.DataFrame, names: dict[str, str], decided: str = "chosen"
) -> pd.DataFrame:
    """Each candidate (views.candidate_table): who, from where, how the run ended, and where first named."""
    sources = article_names(articles)
    return pd.DataFrame(
        {
            "Candidate": table["name"],
            "Country": table["country_iso3"].map(lambda c: names.get(c, c)),
            "Role at the time": table["role_at_time"],
            "Outcome": [candidate_outcome(str(s), d, decided) for s, d in zip(table["status"], table["declared"])],
            "First named in": table["first_article_id"].map(sources),
            "Last reported": table["last_event"].fillna(""),
            "Claims about them": table["sourced_rows"],
            "Fact-check note": table["note"],
        }
    ).reset_index(drop=True)


def quotes(rows: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Every quote (views.quotes): who, when, the words, the sentence around them, the article."""
    names = article_names(articles)
    return pd.DataFrame(
        {
            "Who": rows["actor"],
            "Role": rows["actor_role"],
            **dated(rows),
            "Quote": rows["quote"],
            "In context": rows["evidence"],
            "Source": rows["article_id"].map(names),
            "Note": rows["note"],
        }
    ).reset_index(drop=True)
