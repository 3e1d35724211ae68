"""Applying the reader's date range and country choice to rows, and saying plainly what was left out."""

from dataclasses import replace

import pandas as pd

from tracker.data.counts import number_word
from tracker.data.formatting import day_text
from tracker.model.load import Dataset, per_version
from tracker.reader.view_state import EVENT_SPAN_COLUMNS, Bounds, ViewState, country_key, filter_rows


def bounds_of(ds: Dataset) -> Bounds:
    """Valid dates span every row; the default view is the race itself: no background, and the range starts
    at the first event dated more precisely than a year (year-only rows still overlap it)."""
    events = ds.events
    race = events[(events["kind"] != "background") & (events["date_precision"] != "year")]
    speakers = events.loc[events["quote"] != "", "actor"]
    return Bounds(
        first=events["date"].min().date(),
        last=events["date"].max().date(),
        default_start=race["date"].min().date(),
        default_end=race["date"].max().date(),
        countries=frozenset(ds.members["iso3"]),
        country_names={
            country_key(name): iso3
            for iso3, known, also in zip(ds.members["iso3"], ds.members["name"], ds.members["also_called"])
            for name in [iso3, known, *filter(None, also.split("; "))]
        },
        speakers=frozenset(speakers),
        events=events[EVENT_SPAN_COLUMNS].reset_index(drop=True),
    )


@per_version
def facts(ds: Dataset) -> pd.DataFrame:
    """One row per fact: where several articles report the same fact (rows sharing a fact_id), the report that pins
    it earliest stands for it (the earliest last day its date allows, so 'October 2023' before '2023'; then the
    earliest date, then the earliest article), carrying how many articles report it; oldest first. Charts and counts
    draw these, so a restated fact counts once."""
    events = ds.events
    published = events["article_id"].map(ds.articles.set_index("article_id")["published"])
    fact = events["fact_id"].where(events["fact_id"] != "", "row:" + events["event_id"])
    order = events.assign(_fact=fact, _published=published).sort_values(
        ["date_end", "date", "_published"], kind="stable"
    )
    first = order.drop_duplicates("_fact").sort_values(["date", "_published"], kind="stable")
    return events.loc[first.index]  # in date order, as tables and files list them


def facts_in_view(ds: Dataset, state: ViewState) -> pd.DataFrame:
    """The facts (one row each) the view keeps."""
    return filter_rows(facts(ds), state)


def filter_events(events: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    """The rows every filter lets through (view_state.FILTERS): their period overlaps the dates and, when countries
    are chosen, they are about one of them."""
    return filter_rows(events, state)


def quotes_in_view(quotes: pd.DataFrame, events: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    """The quotes (views.quotes) whose event is in the view and, when speakers are chosen, said by one of them."""
    shown = quotes[quotes["event_id"].isin(filter_events(events, state)["event_id"])]
    return filter_rows(shown, state, "quotes")


def quotes_outside_dates(quotes: pd.DataFrame, events: pd.DataFrame, state: ViewState, bounds: Bounds) -> int:
    """How many quotes the view's dates alone leave out (its countries and speakers aside)."""
    every_date = replace(state, start=bounds.first, end=bounds.last)
    return len(quotes_in_view(quotes, events, every_date)) - len(quotes_in_view(quotes, events, state))


def describe_filters(state: ViewState, bounds: Bounds, names: dict[str, str], members: str = "members") -> str:
    """The active filters in one line, for subtitles and captions; `members`: the body's noun for many."""
    dates = f"{day_text(state.start)} to {day_text(state.end)}"
    if not state.countries:
        return f"{dates}; all {members}"
    chosen = [names.get(c, c) for c in state.countries]
    listed = ", ".join(chosen) if len(chosen) <= 4 else f"{', '.join(chosen[:3])} and {len(chosen) - 3} more"
    return f"{dates}; {listed}"


def shown_of(shown: int, total: int, noun: str, loosen: str = "Widen the dates or clear the countries.") -> str:
    """'12 of 98 events shown', 'Two of five candidates shown' (one to nine in words), or when nothing is left a
    plain sentence and what to `loosen`."""
    if shown == 0:
        return f"No {noun} match these filters (0 of {total}). {loosen}"
    if shown == total:
        return f"All {number_word(total)} {noun} shown."
    return f"{number_word(shown, capital=True)} of {number_word(total)} {noun} shown."
