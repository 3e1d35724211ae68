"""One to three plain sentences saying what a chart shows, computed from the same rows and filters as the chart.

Shown under the chart, used as its accessible text, and written into every export of it.
"""

import pandas as pd

from rutte_race import kinds
from rutte_race.formatting import date_label, day_text
from rutte_race.views import NOT_YET_MEMBER


def in_prose(country: str) -> str:
    """A country's name as a sentence uses it: 'the United States', 'the Netherlands', 'Türkiye'."""
    return (
        f"the {country}" if country.startswith("United ") or country in ("Netherlands", "Czech Republic") else country
    )


def names_list(names: list[str], most: int = 3) -> str:
    """'Hungary', 'Hungary and Türkiye', 'A, B and C', 'A, B, C and 2 others'."""
    names = list(names)
    if len(names) > most:
        rest = len(names) - most
        return f"{', '.join(names[:most])} and {rest} {'other' if rest == 1 else 'others'}"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def allies_of(n: int, chosen: bool) -> str:
    """'32 allies', 'the 3 chosen allies', 'the 1 chosen ally'."""
    return f"the {n} chosen {'ally' if n == 1 else 'allies'}" if chosen else f"{n} {'ally' if n == 1 else 'allies'}"


def _holdouts(stances: pd.DataFrame, still: bool) -> str:
    """' Hungary held reservations; Türkiye opposed him.' or nothing."""
    reserved = stances.loc[stances["status"] == "reservations", "name"].tolist()
    opposed = stances.loc[stances["status"] == "opposes", "name"].tolist()
    parts = (
        [f"{names_list([in_prose(n) for n in reserved])} {'still held' if still else 'held'} reservations"]
        if reserved
        else []
    )
    parts += [f"{names_list([in_prose(n) for n in opposed])} opposed him"] if opposed else []
    text = "; ".join(parts)
    return f" {text[0].upper()}{text[1:]}." if parts else ""


def map_subtitle(day, countries: tuple[str, ...], names: dict[str, str]) -> str:
    """The backer map's subtitle: its one date, and the allies chosen."""
    chosen = names_list([names.get(c, c) for c in countries]) if countries else "all allies"
    return f"As last reported by {day_text(day)}; {chosen}"


def stances_on(stances: pd.DataFrame, day, countries: tuple[str, ...] = ()) -> str:
    """The backer map: who backs Rutte on `day`, and who holds out (among `countries`, when chosen)."""
    shown = stances[stances["iso3"].isin(countries)] if countries else stances
    allies = shown[shown["status"] != NOT_YET_MEMBER]
    backs = int((allies["status"] == "backs").sum())
    of = allies_of(len(allies), chosen=bool(countries))
    return f"On {day_text(day)}, {backs} of {of} backed Rutte.{_holdouts(allies, still=False)}"


def backers_until(
    stances_at_end: pd.DataFrame, changes: pd.DataFrame, names: dict[str, str], end, countries: tuple[str, ...] = ()
) -> str:
    """The backers-over-time chart: the count at the end of the chosen dates, the first backers, who held out."""
    shown = stances_at_end[stances_at_end["iso3"].isin(countries)] if countries else stances_at_end
    allies = shown[shown["status"] != NOT_YET_MEMBER]
    backs = int((allies["status"] == "backs").sum())
    of = allies_of(len(allies), chosen=bool(countries))
    text = f"By {day_text(end)}, the articles report {backs} of {of} backing Rutte."
    last = pd.Timestamp(end)
    rows = zip(*(changes[c] for c in ("stance", "date", "iso3", "date_precision")))  # a few dozen: plain Python
    backing = [  # (date, ally, precision) of each backing up to the end, among the chosen allies
        (day, iso3, str(precision))
        for stance, day, iso3, precision in rows
        if stance == "backs" and day <= last and (not countries or iso3 in countries)
    ]
    if backing:
        earliest = min(day for day, _, _ in backing)
        first = [(iso3, precision) for day, iso3, precision in backing if day == earliest]
        who = names_list([in_prose(names.get(iso3, iso3)) for iso3, _ in first])
        text += f" The first reported, {date_label(earliest, first[0][1])}: {who}."
    return text + _holdouts(allies, still=True)


def timeline(rows: pd.DataFrame) -> str:
    """The timeline: how many events over which dates, the commonest kinds, the busiest month."""
    if rows.empty:
        return "No events match these filters."
    counts = rows["kind"].astype(str).value_counts()
    common = names_list([f"{kinds.words()[kind]} ({n})" for kind, n in counts.head(3).items()])
    months = rows["date"].dt.to_period("M").value_counts()
    busiest, count = months.index[0], int(months.iloc[0])
    ordered = rows.sort_values("date", kind="stable")
    first, last = (date_label(r["date"], str(r["date_precision"])) for r in (ordered.iloc[0], ordered.iloc[-1]))
    return (
        f"{len(rows)} sourced events from {first} to {last}. "
        f"The commonest are {common}. The busiest month was {busiest.strftime('%B %Y')}, with {count}."
    )


def candidates(table: pd.DataFrame, events: pd.DataFrame) -> str:
    """The candidates chart: how each run ended."""
    if table.empty:
        return "No candidate matches these filters."
    names = dict(zip(table["candidate_id"], table["name"]))
    columns = (events["kind"].astype(str), events["candidate"], events["date"], events["date_precision"].astype(str))
    rows = list(zip(*columns))  # a hundred rows: plain Python beats two boolean selections of the whole frame
    ended = [
        f"{names[candidate]} {verb} on {date_label(day, precision)}"
        for kind, verb in (("appointment", "was appointed"), ("withdrawal", "withdrew"))
        for row_kind, candidate, day, precision in rows
        if row_kind == kind and candidate in names
    ]
    others = len(table) - len(ended)
    named = f"{len(table)} {'person was' if len(table) == 1 else 'people were'} named for the job."
    rest = (
        f" The other {others} {'was' if others == 1 else 'were'} named or declared, with no outcome reported."
        if others and ended
        else ""
    )
    return f"{named} {'; '.join(ended)}.{rest}" if ended else named
